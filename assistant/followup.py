"""A follow-up question (`那2021年呢？`, `那项目支出呢`, `那公务接待呢`) read with the question before it: the same
question of another year, measure or item. Used for chat turns and for the later clauses of one message."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.asides import measures_named
from assistant.filler import strip_filler
from assistant.lexicon import YEAR, known_terms, names_own_item
from assistant.question import Framed, frame
from assistant.relative import RELATIVE_YEARS
from index.text import normalize

_FOLLOW_UP = re.compile(r"^(那|那么|还有|另外)|呢\??$")
_OWN_ITEM = 4  # words left besides a year and asking words: more name an item of the question's own


def merged_follow_up(
    history: Sequence[str], norm: str, years: list[int], expand: Callable[[str], list[str]]
) -> tuple[str, list[int]]:
    """The follow-up `norm` read with the last question before it that asks a figure (…一共多少万 那公务接待呢 出国的呢:
    出国 is asked as the first was); `expand` gives the document terms of everyday words."""
    previous = frame(normalize(next((h for h in reversed(history) if _ASKED_TAIL.search(h)), history[-1])))
    return _merge_follow_up(previous, norm, years, expand)


def is_follow_up(norm: str) -> bool:
    """`那2021年呢？`, `去年？`: a question naming nothing but a year (an item named, however short, is a new question:
    `住房方面的钱`; so is `还有，货物采购比2021年增加了多少`, asking a figure of its own)."""
    own = strip_filler(YEAR.sub("", norm)) if re.search("多少|几", norm) else ""
    return (bool(_FOLLOW_UP.search(norm)) and len(own) <= _OWN_ITEM) or not strip_filler(norm)


def _merge_follow_up(
    previous: Framed, current: str, years: list[int], expand: Callable[[str], list[str]]
) -> tuple[str, list[int]]:
    """The previous question with this one's year (or relative year: 那上一年呢) and words; and its years.

    A year named relative to the previous question's year (上一年, 下一年) is resolved against it, so
    `2022年政府投资项目预算是多少` then `那上一年呢？` asks for 2021.
    """
    body = re.sub(r"^(那么|那|还有|另外)", "", current).replace("呢", "")
    if not years and previous.target_years:
        for pattern, offset in RELATIVE_YEARS:
            found = re.search(pattern, body)
            if found:
                years = [previous.target_years[0] + offset]
                body = body.replace(found.group(0), "")
                break
    if years:
        base = YEAR.sub("", previous.text)
        rest = strip_filler(YEAR.sub("", body))
        return f"{years[0]}年{base}" + (rest if rest and rest not in base else ""), years
    alike = _in_place_of(strip_filler(body), previous.text)  # 服务预算呢 after 工程预算是多少: 服务预算是多少
    if alike:
        return alike, list(previous.target_years)
    mine, theirs = measures_named(body, previous.text)  # 那项目支出呢 after …基本支出是多少: the other measure
    if mine and theirs and mine != theirs:
        return previous.text.replace(theirs, mine), list(previous.target_years)
    item, asked = strip_filler(body), _ASKED_TAIL.search(previous.text)
    if asked and not item.startswith(("其中", "里面")) and _names_an_item(item, expand):
        # 三公经费一共多少万 那公务接待呢: another item asked the same way (not more words for the item before)
        year = f"{previous.target_years[0]}年" if previous.target_years else ""
        return f"{year}{item}{asked.group(0)}", list(previous.target_years)
    return previous.text + body, list(previous.target_years)


def _in_place_of(item: str, text: str) -> str:
    """`text` with `item` in place of the item it names with the same ending (服务预算 for 工程预算 in 政府采购预算里，
    工程预算是多少; 年末财政拨款结转和结余 for 年末结转和结余), or "" when none ends alike."""
    for k in range(len(item) - 1, 1, -1):  # the longest shared ending first, two characters at least
        at = text.rfind(item[-k:])
        if at < 0:
            continue
        start = at
        while (
            start
            and _ITEM_CHAR.match(text[start - 1])
            and not (text[start - 1] == "年" and text[start - 2 : start - 1].isdigit())
        ):
            start -= 1
        said = text[start : at + k]
        return "" if said == item or item.endswith(said) else text[:start] + item + text[at + k :]
    return ""


_ITEM_CHAR = re.compile("[\u4e00-\u9fff](?<![的里中在])")


def _names_an_item(text: str, expand: Callable[[str], list[str]]) -> bool:
    """A known item, an everyday word for one, or the start of one's name (公务接待: 公务接待费)."""
    return (
        names_own_item(text)
        or bool(expand(text))
        or (len(text) >= 3 and any(t.startswith(text) for t in known_terms()))
    )


# how the question before asked (…预算一共是多少万元): asked again of the item a follow-up names
_ASKED_TAIL = re.compile(r"(预算数?|决算数?|执行数)?(一共|总共|合计|共)?(是|有|为|安排了?)?(多少|几)[^,?;]*")
