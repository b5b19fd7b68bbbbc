"""科目编码 as people write them, joined into the codes the documents print (类 3, 款 5, 项 7 digits)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from index import classification
from index.model import Fact
from index.text import normalize

CODE = re.compile(
    r"(?<![\d.])(?<!\d,)(\d{7}|\d{5}|\d{3})(?!\d)(?!\.\d)(?!,\d{3})"
)  # 科目编码: 类 3, 款 5, 项 7 digits (not of 5,883 or 208.80)
ITEM_CODE = re.compile(r"(?<![A-Za-z\d])([A-C]\d{2,10})(?!\d)")  # 政府采购品目编码: C99, C0301, A02


def asked_codes(norm: str) -> list[str]:
    """The 科目编码 a question names, but those only saying where a deeper one named sits (212类…、21205…下面，
    2120501…: 2120501 is the row asked)."""
    return deepest(CODE.findall(norm))


def deepest(codes: list[str]) -> list[str]:
    """The codes none of the others sits under (204, 20406, 2040604: 2040604)."""
    return [c for c in codes if not any(o != c and o.startswith(c) for o in codes)]


# A 科目编码 spelled by level: 302类39款 is 30239, 201类06款02项 is 2010602.
_SPELLED_CODE = re.compile(r"(?<!\d)(\d{3})类(\d{2})款(?:(\d{2})项)?")
# …with its levels apart (301-02, 212/01/01, 204—06—13) is joined too; a decimal point separates no levels.
_SEPARATED_CODE = re.compile(r"(?<![\d.])(?<!\d,)(\d{3})[-/—–](\d{2})(?:[-/—–](\d{2}))?(?![\d.,%])")

# …or after each level's name (公共安全支出（204类）司法（06款）基层司法业务（04项）, or 城乡社区支出（212）城乡社区管理
# 事务（01）行政运行（01）): the last name with the whole code.
_BRACKETED_LEVELS = re.compile(
    r"[\u4e00-\u9fff]{2,20}\((\d{3})类?\)(?P<kuan>[\u4e00-\u9fff]{2,20})\((\d{2})款?\)"
    r"(?:(?P<xiang>[\u4e00-\u9fff]{2,20})\((\d{2})项?\))?"
)


# …or before each level's name (204类公共安全支出、06款司法下面，04项基层司法业务和07项公共法律服务): each its code.
_LEADING_LEVEL = re.compile(r"(?<!\d)(\d{3})类|(?<!\d)(\d{2})(款|项)(?=[\u4e00-\u9fff])")


def _leading_levels(norm: str) -> str:
    """Each level marker before its name as the whole code of that level (06款 after 204类: 20406)."""
    parents: dict[str, str] = {}

    def whole(m: re.Match[str]) -> str:
        if m.group(1):
            parents["类"] = m.group(1)
            parents.pop("款", None)
            return m.group(1)
        parent = parents.get("类" if m.group(3) == "款" else "款")
        if parent is None:
            return m.group(0)
        if m.group(3) == "款":
            parents["款"] = parent + m.group(2)
        return parent + m.group(2)

    return _LEADING_LEVEL.sub(whole, norm) if re.search(r"(?<!\d)\d{3}类", norm) else norm


# …or a level's two digits before its name under a code said before (212城乡社区支出(类)01城乡社区管理事务(款)01行政运行,
# 20805…下的01行政单位离退休和02事业单位离退休): the whole code when the national item of that code bears the name.
_CODE_OR_LEVEL = re.compile(r"(?<![\d.])(\d{5}|\d{3}|\d{2})(?![\d.%])(?=[\u4e00-\u9fff])")


def _named_levels(norm: str) -> str:
    """Two digits before a name as the whole code under the code said last, when the national item so coded has
    that name (01城乡社区管理事务 after 212: 21201); any other two digits (12月, 10万元) stay as they are."""
    parent = ""

    def whole(m: re.Match[str]) -> str:
        nonlocal parent
        digits, after = m.group(1), norm[m.end() :]
        if len(digits) > 2:
            parent = digits if classification.name_of(digits) else ""
            return digits
        code = parent + digits
        name = classification.name_of(code) if parent else ""
        if not name or not after.startswith(name[:2]):
            return digits
        if len(code) == 5 and code[:3] == parent:  # a 款: its 项 follow it
            parent = code
        return code

    return _CODE_OR_LEVEL.sub(whole, norm)


# …or by name with its level in brackets, as the narrative prints it (公共安全支出（类）司法（款）): the national code.
_LEVEL_MARK = re.compile(r"\((类|款|项)\)")
_LEVEL_DIGITS = {"类": 3, "款": 5, "项": 7}


def marked_codes(norm: str) -> list[str]:
    """The national codes of names followed by their level in brackets (司法(款): 20406), each when one item of that
    level bears the name (under the code named before it, when there is one): where the items asked sit
    (公共安全支出下司法（款）里面哪个项级科目最多)."""
    codes, parent, at = [], "", 0
    for m in _LEVEL_MARK.finditer(norm):
        before, digits = norm[: m.start()], _LEVEL_DIGITS[m.group(1)]
        found = next((c for k in range(min(20, len(before)), 1, -1) if (c := _coded(before[-k:], digits, parent))), "")
        prior = CODE.findall(norm[at : m.start()])  # 212城乡社区支出(类): a code said before the name
        parent = found or (prior[-1] if prior else parent)
        codes += [found] if found else []
        at = m.end()
    return codes


def _coded(name: str, digits: int, parent: str) -> str:
    codes = [c for c in classification.codes_of(name) if len(c) == digits and c.startswith(parent)]
    return codes[0] if len(codes) == 1 else ""


def _levels_joined(m: re.Match[str]) -> str:
    return f"{m.group('xiang') or m.group('kuan')}({m.group(1)}{m.group(3)}{m.group(5) or ''})"


def codes_joined(norm: str) -> str:
    """A 科目编码 spelled by level (302类39款), with its levels apart (301-02), after each level's name
    (司法（06款）基层司法业务（04项）) or before each (204类…、06款…，04项基层司法业务; 212城乡社区支出(类)01城乡社区管理
    事务) as whole codes."""
    norm = _BRACKETED_LEVELS.sub(_levels_joined, norm)
    for code in (_SPELLED_CODE, _SEPARATED_CODE):
        norm = code.sub(lambda m: "".join(g for g in m.groups() if g), norm)
    return _named_levels(_leading_levels(norm))


def said_by_code(codes: Sequence[str], fact: Fact, text: str) -> tuple[bool, bool]:
    """(is, is not) the row asked by code and name (2010601行政运行（项）…的年初预算数): a sentence's figure of that name
    under that 款 (…财政事务（款）行政运行（项）…年初预算为…) is that row's; a sentence's figure of another row named beside
    it (一般公共预算财政拨款支出, the column's total) is not the row asked. Rows of tables carry their codes."""
    if fact.code or fact.origin != "text":
        return False, False
    asked = [(c, n) for c in codes if (n := classification.name_of(c)) and n in text.split("|")[0]]
    if not asked:
        return False, False
    subject, where = normalize(fact.subject), normalize(fact.context) + normalize(fact.source.quote)
    said = any(subject == n and (len(c) < 7 or classification.name_of(c[:5]) in where) for c, n in asked)
    return said, bool(asked) and not said and not any(n in subject for _, n in asked)


_CODE_ALONE = re.compile(r"(?<!\d)(\d{3}|\d{5}|\d{7})(?=占|比)")  # 201类占…, 201比…: never a list of codes


def codes_named(norm: str) -> str:
    """A 科目编码 said alone as an item (201类占支出合计) followed by the national name it codes (201一般公共服务支出)."""
    return _CODE_ALONE.sub(lambda m: m.group(0) + classification.name_of(m.group(1)), norm)
