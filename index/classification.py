"""The national budget classification (index/data/classification.toml): what a 科目 covers, by code or name.

Every disclosure prints its rows with the national codes and names (301 工资福利支出, 30226 劳务费,
2210203 购房补贴), so the national explanations describe rows of documents never seen: `note`
gives the explanation of a row by its code or, for a row printed without one, by its name when
that name is one item's only.
"""

from __future__ import annotations

import re
from functools import cache

from index.lexicon import load_data
from index.text import bigrams, containment, normalize


@cache
def _notes() -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """(code -> (name, note), name -> note for names only one item has), names normalised."""
    data = load_data("index.data", "classification.toml")
    by_code: dict[str, tuple[str, str]] = {}
    by_name: dict[str, list[str]] = {}
    for section in ("economic", "functional"):
        for code, item in data[section].items():
            name, note = normalize(item["name"]), normalize(item["note"])
            by_code[code] = (name, note)
            by_name.setdefault(name, []).append(note)
    return by_code, {name: notes[0] for name, notes in by_name.items() if len(notes) == 1}


@cache
def note(code: str | None, name: str) -> str:
    """The national explanation of the item with this code (else this name); "" when not in the vocabulary.

    A code counts only when the printed name agrees with the national one: some documents print
    local or older codes (a 福利费 under 30208, the national 取暖费), whose explanation is another item's.
    """
    by_code, by_name = _notes()
    printed = normalize(name)
    if code and code in by_code:
        national, explanation = by_code[code]
        if not printed or containment(bigrams(national), bigrams(printed)) >= 0.5:
            return explanation
    return by_name.get(printed, "")


EXPENSE = re.compile("[\u4e00-\u9fff]{2}费")  # a kind of cost, as the classification names them (保险费, 电话费)


@cache
def expense_words() -> frozenset[str]:
    """The kinds of cost the national classification names in its names and explanations (保险费, 电话费, 燃料费…):
    two characters and 费."""
    texts = [f"{name}{explanation}" for name, explanation in _notes()[0].values()]
    found = (m.group(0) for t in texts for m in EXPENSE.finditer(t))
    return frozenset(w for w in found if "的" not in w and w[1] not in "经缴")  # not 的水费, 面的费, 休经费 (离休经费)


def name_of(code: str) -> str:
    """The national name of the item with this code (2120101: 行政运行), or ""."""
    return _notes()[0].get(code, ("", ""))[0]


@cache
def codes_of(name: str) -> tuple[str, ...]:
    """The national codes of the items named `name` (信息化建设: 2010607 and 2040613)."""
    printed = normalize(name)
    return tuple(code for code, (national, _) in _notes()[0].items() if national == printed)


@cache
def _counterpart_groups() -> dict[str, int]:
    """Member (a code, or a normalised name) -> its group in classification.toml `counterparts`."""
    groups = load_data("index.data", "classification.toml")["counterparts"]["groups"]
    return {(m if m.isdigit() else normalize(m)): i for i, group in enumerate(groups) for m in group}


def printed_names() -> frozenset[str]:
    """The names of items printed without a code that `counterparts` knows (公务用车运行费, 公务接待费), normalised."""
    return frozenset(m for m in _counterpart_groups() if not m.isdigit())


def counterpart(code: str | None, name: str) -> int | None:
    """Which spending named in two vocabularies a row is (`counterparts`: 30110 职工基本医疗保险缴费 and 2101101
    行政单位医疗 are one), by its code when its printed name agrees with the national one, else by its name (the
    三公 table's 公务用车运行费); None for any other row."""
    groups = _counterpart_groups()
    if code and code in groups:
        national = name_of(code)
        if not national or containment(bigrams(national), bigrams(normalize(name))) >= 0.5:
            return groups[code]
        return None
    return groups.get(normalize(name))


# How people point at a whole 类: "住房方面的钱", "卫生健康领域", "教育这方面", "在教育上"
_CATEGORY_CUES = ("方面", "领域", "这方面", "这个方面", "这一块", "这块", "这一类", "这类")
_CATEGORY_AROUND = (("在", "上"),)


@cache
def category_words() -> dict[str, str]:
    """Words that name one functional 类 by the start of its name and a cue (住房方面, 在住房上 -> 住房保障支出).

    Every start of two characters or more that no other 类's name shares counts (卫生方面, 卫生健康方面);
    a start two 类 share names neither.
    """
    data = load_data("index.data", "classification.toml")["functional"]
    names = [normalize(item["name"]) for code, item in data.items() if len(code) == 3]
    stems = [n.removesuffix("支出") for n in names]
    words: dict[str, str] = {}
    for name, stem in zip(names, stems, strict=True):
        for end in range(2, len(stem) + 1):
            start = stem[:end]
            if sum(other.startswith(start) for other in stems) == 1:
                words.update({start + cue: name for cue in _CATEGORY_CUES})
                words.update({f"{before}{start}{after}": name for before, after in _CATEGORY_AROUND})
    return words


def _procurement_kinds() -> list[str]:
    """The three national kinds of 政府采购 (货物, 工程, 服务)."""
    kinds: list[str] = load_data("index.data", "classification.toml")["procurement"]["kinds"]
    return kinds


@cache
def kind_words() -> dict[str, str]:
    """A kind of 政府采购 asked with 类 (服务类 -> 服务): the word the documents print."""
    return {f"{k}类": k for k in _procurement_kinds()}


def procurement_kind(name: str) -> str | None:
    """The national kind of 政府采购 a name prints as `<kind>采购` (工程采购 -> 工程), else None."""
    return next((k for k in _procurement_kinds() if name == f"{k}采购"), None)


# Words that join two items in a question (水费和电费) but are also inside one item's name (社会保障和就业支出)
JOINERS = "和与及"


@cache
def national_names() -> frozenset[str]:
    """Every national 科目 name of the vocabulary (economic and functional), normalised."""
    data = load_data("index.data", "classification.toml")
    return frozenset(
        normalize(item["name"]) for section in ("economic", "functional") for item in data[section].values()
    )


@cache
def joined_names() -> tuple[str, ...]:
    """National 科目 names holding a joining word (社会保障和就业支出, 商品和服务支出, 对个人和家庭的补助), longest
    first, with their start before 支出 (社会保障和就业), so a question's items are never split inside one."""
    found = {n for n in national_names() if any(j in n[1:-1] for j in JOINERS)}
    found |= {n.removesuffix("支出") for n in found if n.endswith("支出") and len(n) > 6}
    return tuple(sorted(found, key=len, reverse=True))


_ONE_CHAR_ALTERNATIVE = re.compile(
    r"^(?P<before>.*?)(?P<last>[\u4e00-\u9fff])\((?P<alt>[\u4e00-\u9fff])\)(?P<after>.*)$"
)


def alternatives(name: str) -> list[str]:
    """A classification name with a one-character alternative in brackets names both readings and the two
    said together: 维修(护)费 -> 维护费, 维修维护费; 因公出国(境)费 -> 因公出境费, 因公出国出境费."""
    m = _ONE_CHAR_ALTERNATIVE.match(name)
    if not m:
        return []
    before, last, alt, after = m.group("before", "last", "alt", "after")
    return [f"{before}{alt}{after}", f"{before}{last}{before[-1:]}{alt}{after}"]
