"""Where a question places an item: a name only modifying the item after it (纳入部门预算的政府采购), a container
said before or after the item it holds (卫生健康支出下面，事业单位医疗; 公车的油费，三公经费里安排了多少), and a printed
name given in brackets after the asker's own words (自己开展服务取得的收入（事业收入）)."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.analyze import total_row_names
from assistant.data import load_data
from assistant.filler import strip_filler
from assistant.lexicon import known_end, made_of
from index.classification import codes_of, counterpart, national_names
from index.model import Fact
from index.text import bigrams, containment, normalize


def modifies_another(plain: str, name: str, described: frozenset[str]) -> bool:
    """`纳入部门预算的政府采购`: a name followed by 的 and an item it does not describe only modifies that
    item (the head comes last); it is not what is asked."""
    at = plain.rfind(name) + len(name)
    if not plain[at:].startswith("的"):
        return False
    rest = strip_filler(plain[at + 1 :])
    return len(rest) >= 2 and containment(bigrams(rest), described) < 0.5


_OTHER_HEAD = re.compile(r"[^\W\d_和与及、]{1,4}?(费|补贴|补助)")


def names_shortened_then_other(plain: str, name: str, subject: str) -> bool:
    """`离退休人员福利费` read by the name 离退休人员 (离退休人员经费 printed shorter): the words after it name another
    money item (福利费, not its 经费), which the short name only qualifies."""
    subject = normalize(subject)
    if name == subject or not subject.startswith(name) or name not in plain:
        return False
    after = plain[plain.rfind(name) + len(name) :]
    other = _OTHER_HEAD.match(after)
    if other is None or after.startswith(subject[len(name) :]):
        return False
    return not _COLUMN.search(other.group(0))


_COLUMN = re.compile("年初|全年|调整|预算|决算|执行|实际|基本|项目|人员|公用|财政拨款")  # 决算支出: a column, no item


# Where an item is printed, said after its container's name (卫生健康支出下面，…; 城乡社区管理事务下的…; 三公经费中的…)
_HOLDS_SAID = re.compile(r"(?:里面|里|中|当中)(?:安排|列支|列了|列|花|用|有|是|为|共|一共)")
_HOLDS = re.compile(r"(?:\((?:类|款|项)\))?(?:下面|下属|之下|底下|下(?![降半年拨达调])|中|里面|里|当中)(?:的|,)")


def holds_another(plain: str, name: str, described: frozenset[str]) -> bool:
    """`卫生健康支出下面，事业单位医疗是多少`: a name followed by where-words (下面, 下, 中的) and an item it does not
    describe says where that item is printed; so does one after the item (公车加油、维修的开销，三公经费里安排了多少).
    The container's own figure is never the item's."""
    said = _where_said(plain, name)
    if said is None:
        return False
    start, where = said
    words = strip_filler(plain[where.end() :] if where.re is _HOLDS else plain[:start])
    return len(words) >= 2 and containment(bigrams(words), described) < 0.5


def container_said(plain: str, name: str) -> bool:
    """Is `name` said as where the item asked is printed (三公经费里安排了多少; 卫生健康支出下面，…)?"""
    return _where_said(plain, name) is not None


def _where_said(plain: str, name: str) -> tuple[int, re.Match[str]] | None:
    """(where the name starts, the where-words after it: before the item, `_HOLDS`, or after it, `_HOLDS_SAID`)."""
    start = plain.rfind(name)
    if not name or start < 0:
        return None
    at = start + len(name)
    where = _HOLDS.match(plain, at) or _HOLDS_SAID.match(plain, at)
    return (start, where) if where else None


def glossed_name(asked: str, fact: Fact) -> bool:
    """Does the question give the fact's printed name in brackets after its own words (自己开展服务取得的收入（事业收入）,
    日常维修维护的钱（维修(护)费））, or the rest of it after its head said before (政府采购里，买东西（货物）)? Then it
    names the row as its code would (a column's name after an item's words, 修东西的钱（基本支出）, is read by
    `measures.narrower`)."""
    subject = normalize(fact.subject)
    if len(subject) < 3:
        return False
    if f"({subject})" in asked:
        return True
    # 政府采购预算里，买东西（货物）: the bracket names the rest of a row whose head the question said before it
    for m in _BRACKETED.finditer(asked):
        head = subject[: -len(m.group(1))]
        if subject.endswith(m.group(1)) and len(head) >= 2 and head in asked[: m.start()]:
            return True
    return False


_BRACKETED = re.compile(r"\(([\u4e00-\u9fff]{2,8})\)")


def inside_national_name(plain: str, name: str, subject: str) -> bool:
    """`公务用车运行维护费` read by the name 维护费 (维修（护）费): a name found only inside a longer name of the national
    classification the question says, after words its own item does not have, is part of that other item's name."""
    own = normalize(subject)
    for national in _nationals_said(plain):
        at = national.find(name)
        if at >= 2 and national != own and national[:at] not in own and name not in plain.replace(national, ","):
            return True  # 行政事业单位医疗—事业单位医疗: said again on its own, the 项 under its 款
    return False


@lru_cache(maxsize=256)
def _nationals_said(plain: str) -> tuple[str, ...]:
    """The names of the national classification a question says (one question scores many facts)."""
    return tuple(n for n in national_names() if n in plain)


_PART_OF = re.compile("(?:那|这)一?部分的?$|的部分$")


def part_said_of(plain: str, name: str, described: frozenset[str]) -> bool:
    """`请外面的单位来提供各种服务的那部分政府采购`: a name after words describing a part of it (那部分) is where the
    part asked is; its own figure is the whole, never the part."""
    at = plain.rfind(name)
    if at < 0 or not _PART_OF.search(plain[:at]):
        return False
    words = strip_filler(_PART_OF.sub("", plain[:at]))
    return len(words) >= 2 and containment(bigrams(words), described) < 0.5


def column_of_item(plain: str, name: str) -> bool:
    """`事业单位医疗财政拨款支出是多少`: a name made only of columns (财政拨款, 一般公共预算, 基本支出…) and 支出/收入, said
    right after the name of an item, is the column asked of that item; the column's own total is never the item's."""
    at = plain.rfind(name)
    if at < 0 or not made_of(name, _column_words()):
        return False
    item = known_end(plain[:at].removesuffix("的"))  # (支出总计项目支出: the total's column is the column's total)
    return len(item) >= 3 and not made_of(item, _column_words()) and item not in total_row_names()


@lru_cache(maxsize=1)
def _column_words() -> tuple[str, ...]:
    return (*load_data("answering.toml")["where_printed"], "支出", "收入")


def another_national_said(plain: str, subject: str) -> bool:
    """`城乡社区规划与管理是多少`: the question says a national name whole and the item found is another national item it
    does not say, neither under the one said (卫生健康支出里…行政单位医疗 is) nor the same money in the other vocabulary:
    found by shared words only (城乡社区管理事务), or the parent of the item asked; it is not that item."""
    own = normalize(subject)
    found = codes_of(own)
    if not found or own in plain:
        return False
    said = [n for n in _nationals_said(plain) if len(n) >= 4 and n not in own and own not in n]
    return bool(said) and not any(
        f.startswith(s) or counterpart(f, own) == counterpart(s, n) is not None
        for n in said
        for s in codes_of(n)
        for f in found
    )


def placed_elsewhere(plain: str, name: str, subject: str, described: frozenset[str], coded: bool) -> bool:
    """Is the name, where the question says it, a container of the item asked (卫生健康支出下面，…), part of a longer
    national name (维护费 in 公务用车运行维护费), the whole a part is asked of (…服务的那部分政府采购), a column said after
    an item (…财政拨款支出) or another national item than the one said?"""
    if holds_another(plain, name, described):
        return True
    return not coded and (
        inside_national_name(plain, name, subject)
        or part_said_of(plain, name, described)
        or column_of_item(plain, name)
        or another_national_said(plain, subject)
    )
