"""Which year a question asks about, and which year an answer's figure is of (the wrong-year check).

The asked year is the question's `year` field; else the year of the date a stock is asked at (截至2023年
8月31日 in a 2024 budget asks 2023), in a compound question or one asking an amount of money only when it comes
before any other year; else the first 20xx年 (or 今年 / 去年 / 前年,
counted from the document's year) in its text that is not the base year of a comparison (a
year right after 比/较/与/同/跟/相比/对比: "比2021年增加" asks about the document's year); else the
document's year. A part of a compound question asks the year its own text names (the question's piece
between question marks, when there is one per part; else the engine's text of the part), else the date a
stock is counted at (截至2024年12月31日), else the whole question's. The answer's year is its
`year`; else, when no citation is of the asked year, the years its citations carry.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from assistant.answer_types import Answer
from eval.questionset import Question
from eval.vocab import words
from index.model import MONEY_UNITS

# 2024年, and 24年 as people shorten it (not 第24年, 24年来)
_YEAR = re.compile(r"(?<![\d第])(20\d{2}|[1-3]\d)\s*年(?!代|龄|级|来|间)")


def _year_of(m: re.Match[str]) -> int:
    return int(m.group(1)) if len(m.group(1)) == 4 else 2000 + int(m.group(1))


@cache
def _base_markers() -> tuple[str, ...]:
    return tuple(sorted(words()["years"]["base_markers"], key=len, reverse=True))


@cache
def _relative() -> tuple[re.Pattern[str], dict[str, int]]:
    table: dict[str, int] = words()["years"]["relative"]
    words_ = "|".join(sorted(map(re.escape, table), key=len, reverse=True))
    return re.compile(f"(?:{words_})(?<!减去年)(?<!除去年)(?<!扣去年)"), table  # 减去年初预算数: 减去 + 年初


def years_in_text(text: str, doc_year: int | None = None) -> list[int]:
    """The years a text asks about, in order, leaving out base years of comparisons.

    20xx年 (and 24年) always; 今年 / 去年 / 前年 only when `doc_year` is known.
    """
    return [year for _, year in _years_at(text, doc_year)]


def _years_at(text: str, doc_year: int | None = None) -> list[tuple[int, int]]:
    """(where, year) of each year `years_in_text` keeps."""
    found: list[tuple[int, int, int]] = [(m.start(), m.end(), _year_of(m)) for m in _YEAR.finditer(text)]
    if doc_year is not None:
        pattern, table = _relative()
        found += [(m.start(), m.end(), doc_year + table[m.group(0)]) for m in pattern.finditer(text)]
    as_of = tuple(words()["years"]["as_of"])
    return [
        (start, year)
        for start, end, year in sorted(found)
        if not text[:start].rstrip().endswith(_base_markers())
        and not (text[:start].rstrip().endswith(("和", "与", "跟")) and _soon(text[end:], "base_after"))
        and not (text[:start].rstrip().endswith("以") and _soon(text[end:], "base_of"))
        and not text[:start].rstrip().endswith(as_of)
        and not _glossed_base(text[:start])
    ]


def _glossed_base(before: str) -> bool:
    """Does a year written after `before` gloss a base in brackets (比上年（2021年预算）)?"""
    before = before.rstrip()
    if not before.endswith(("(", "（")):
        return False
    said = before[:-1].rstrip()
    return any(said.endswith(m + g) for m in _base_markers() for g in words()["years"]["base_glossed"])


def _soon(rest: str, key: str) -> bool:
    """One of the `[years] key` words comes within a few words, in the same clause (`预算比`, `预算执行数为基数`)."""
    found = re.match(r"[^,，?？;；]{0,12}?(" + "|".join(map(re.escape, words()["years"][key])) + ")", rest)
    return found is not None


def _dated(text: str) -> int | None:
    """The year of the date a stock is counted at in `text` (`截至2023年8月31日` → 2023), if it names one."""
    dated = _dated_at(text)
    return dated[1] if dated else None


def _dated_at(text: str) -> tuple[int, int] | None:
    """(where, year) of the date a stock is counted at in `text`, if it names one."""
    as_of = tuple(words()["years"]["as_of"])
    return next(
        ((m.start(), _year_of(m)) for m in _YEAR.finditer(text) if text[: m.start()].rstrip().endswith(as_of)), None
    )


def part_year(part_question: str, asked: int | None, doc_year: int | None = None) -> int | None:
    """The year one part of a compound question asks about, from the engine's text of that part: the year it
    names; else the date it counts a stock at (`截至2024年12月31日…共有车辆几辆` is of 2024, whatever year another
    part names); else, when it names only the base of a comparison before the document's year (`较2023年执行数增长
    百分之几` in a 2024 budget, after a part asking 2023; `较上年执行数`), the document's year; else the whole question's."""
    years = years_in_text(part_question)
    if years:
        return years[0]
    dated = _dated(part_question)
    if dated is not None:
        return dated
    bases = [_year_of(m) for m in _YEAR.finditer(part_question)]
    on_base = max(bases) < doc_year if bases and doc_year is not None else _ON_PRIOR.search(part_question) is not None
    return doc_year if doc_year is not None and on_base else asked


_ON_PRIOR = re.compile("(?:比|较|与|同|跟)(?:上一?年度?|去年)")  # 较上年执行数变动百分之几: the base is the year before


def parts_said(q: Question) -> list[str]:
    """The question's own text of each part, when its question marks (else its question marks and semicolons: `(1)…；
    (2)…；(3)…？`) split it into as many pieces as it has parts."""
    text = unicodedata.normalize("NFKC", q.question)
    for marks in (r"[?？]", r"[?？;；]"):
        pieces = [p for p in re.split(marks, text) if p.strip(" ,，。")]
        if len(pieces) == len(q.parts):
            return pieces
    return []


def year_said(piece: str) -> int | None:
    """The year one part's own text asks: the date it counts a stock at, else the one year it names (none when it
    names two: one may name the document, `2024年部门预算里说，…`)."""
    years = set(years_in_text(piece))
    return _dated(piece) or (years.pop() if len(years) == 1 else None)


def only_dated(question: str, doc_year: int | None = None) -> bool:
    """Does the question name no year but the date a stock is counted at (稿子：“福利院截至2023年底共有车辆2辆，设5个
    内设机构。”两个数对吗), besides the document's own year naming the document (根据…福利院2024年单位预算，稿子：…)?
    Then a part with no date of its own asks the document's year."""
    text = unicodedata.normalize("NFKC", question)
    return _dated(text) is not None and all(year == doc_year for _, year in _years_at(text))


def year_carried(pieces: list[str], i: int, asked: int | None) -> int | None:
    """The year part `i` asks when its own text names none and the whole question's year is only the date a stock is
    counted at (截至2023年8月31日共有车辆多少辆？2024年预算安排购置几辆？对应的购置费是多少: 2024, the year the nearest
    part before it names; a date is that part's alone). None otherwise: after a prior year's part (2023年执行数是多少？
    增长了百分之几) a part asks the whole question's year."""
    if asked is None or not any(_dated(p) == asked for p in pieces[:i]):
        return None
    for piece in reversed(pieces[:i]):
        if _dated(piece) is None and (said := year_said(piece)) is not None:
            return said
    return None


def named_after(pieces: list[str], i: int, doc_year: int | None = None) -> bool:
    """Are the question's years, but the document's own (根据…2026年部门预算，), all named in parts after part `i`
    (差旅费是多少？培训费多少？顺便问下2025年差旅费…)? Then part `i` asks the document's year: a year said in a later
    question is that question's."""
    before = {y for p in pieces[: i + 1] for y in years_in_text(p)} - {doc_year}
    later = {y for p in pieces[i + 1 :] for y in years_in_text(p)} - {doc_year}
    return not before and not any(_dated(p) for p in pieces[: i + 1]) and bool(later)


def asked_year(q: Question, doc_year: int | None) -> int | None:
    """The year whose figure the question asks for (None: unknown)."""
    if q.year is not None:
        return q.year
    text = unicodedata.normalize("NFKC", q.question)  # ２０２３年 is 2023年
    text = _QUOTED_PASSAGE.sub("", text)  # 原文：“2025年当年预算执行数为…，2026年预算安排…”——增幅是多少: context
    dated = _dated_at(text)
    # a compound's parts after the date ask what they name (截至2024年…几辆？2025年计划购置几辆); an amount (万元, or
    # 万元/辆 per vehicle) asks the year named with it, before or after the date of a count it is divided by
    # (按截至2025年8月31日的车辆数，2026年公务用车运行费平均每辆多少)
    money = (q.unit or "").split("/")[0] in MONEY_UNITS
    first = _first_year_at(text)
    if dated is not None and (first == len(text) or (not money and (dated[0] < first or not q.parts))):
        return dated[1]
    again = _REASKED.search(text)  # …2025年…和2026年…比，2026年多安排了多少: the year named again is asked
    if again:
        return _year_of(again)
    found = years_in_text(text, doc_year)
    if len(set(found)) > 1 and not q.parts and any(w in text for w in words()["years"]["change_words"]):
        return max(found)  # 用2023年执行数和2024年预算数算增长率: the later year's change
    return found[0] if found else doc_year


# a passage of the document quoted as such (原文：“…”): what it says is context, the question is what follows
_QUOTED_PASSAGE = re.compile(r"(?:原文|原话|文中|文件里?)(?:写的?是?|说)?[:：]?\s*[“\"][^”\"]*[”\"]")

# a comparison set up, then one of its years named again with the difference asked of it
_REASKED = re.compile(
    r"(?:相比|比较|对比|比)(?:起来|一下)?[,，]\s*(20\d{2})\s*年的?(?=[^,，?？]{0,6}(?:多|少|高|低|增|减))"
)


def _first_year_at(text: str) -> int:
    """Where the first year asked (not a base, not a date) is written in `text`; its length if none is."""
    named = _years_at(text)
    return named[0][0] if named else len(text)


def answer_year(ans: Answer, asked: int | None = None) -> int | None:
    """The year of the answered figure: `ans.year`, else its citations' year (the asked one if any cites it)."""
    if ans.year is not None:
        return ans.year
    cited = [c.year for c in ans.citations if c.year is not None]
    if not cited:
        return None
    return asked if asked in cited else cited[0]


def is_wrong_year(ans: Answer, asked: int | None) -> bool:
    """A figure given (not abstained) whose year is known and is not the year asked."""
    if asked is None or ans.value is None or ans.abstained:
        return False
    got = answer_year(ans, asked)
    return got is not None and got != asked
