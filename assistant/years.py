"""The year an answer may speak for: the one asked, else the document's own; never another.

A figure of a year other than the one asked is the worst answer BudgetQA can give (a confident wrong
number), so every answer passes `keep_to_year` last: a figure of another year is replaced by an
abstention that names the year looked for. Questions no annual figure answers (per-capita, a quarter,
a foreign currency) are refused here too, saying why.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from assistant.analyze import Query, strip_filler
from assistant.answer_types import Answer
from assistant.compose import as_of_year, counted_as_asked, date_stated, load_templates
from assistant.cues import cue
from assistant.data import load_data
from assistant.match import rank_facts
from assistant.names import display_name
from assistant.operations.base import Context
from assistant.question import unsupported_words
from index.facts.phrases import size_units
from index.model import MONEY_UNITS, Fact
from index.text import normalize

# Kinds of answer whose figure compares two years: its year is the later of the two compared (an item's multiple of
# its own year before, `是2021年的几倍`, is the later year's figure over the earlier's).
_CHANGES = frozenset({"change", "rate", "ratio"})
_CHANGE_WORDS = {"change": "增减", "rate": "增减幅度"}


def _compared_with(query: Query) -> str:
    """What a refused change question looked for besides the item and year: …“机关运行经费”2026年比上年增减的数字."""
    if query.intent not in _CHANGE_WORDS:
        return ""
    base = "、".join(f"{y}年" for y in query.base_years) or "上年"
    return f"比{base}{_CHANGE_WORDS[query.intent]}"


_ONE_YEAR = ("lookup", "yesno", "change", "rate", "share")  # questions answered with one year's figure


def resolve_years(query: Query, doc_ids: Sequence[str], summaries: Sequence[dict[str, Any]]) -> Query:
    """Years named relative to the document (去年, 下一年度) made absolute against the document's year; of two years
    named for one figure, the document's own names the document (its frame was not recognised), the other is asked;
    a document of another year named as where to read (`2023年预算里的X` in a 2024 budget) asks that year's figure."""
    years = {d["year"] for d in summaries if d["doc_id"] in doc_ids and d.get("year")}
    if len(years) != 1:
        return query
    year = int(next(iter(years)))
    if len(query.years) >= 2 and year in query.years and not query.clauses and query.intent in _ONE_YEAR:
        query = replace(query, years=[y for y in query.years if y != year])  # 按…2026年预算…，2025年的X: 2025
    other = [y for y in query.doc_years if y != year]
    if other and not query.years and query.relative_year is None and query.intent in _ONE_YEAR:
        query = replace(query, years=other[:1])  # 2023年预算里的X, this document of 2024: the 2023 figure is asked
    if query.relative_year is not None and not query.years:
        query = replace(query, years=[year + query.relative_year])
    if query.base_relative is not None and not query.base_years:
        against = year if query.base_relative == 0 else (query.years[0] if query.years else year) - 1  # 比今年, 比上年
        query = replace(query, base_years=[against])
    dated = cue("as_of").match(query.as_of)
    if dated and dated.group("relative"):  # 截至去年8月31日: the date in the year before the document's
        before, after = query.as_of[: dated.start("relative")], query.as_of[dated.end("relative") :]
        query = replace(query, as_of=f"{before}{year - 1}年{after}")
    return query


def asked_years(query: Query, doc_year: int | None) -> set[int]:
    """The years whose figure answers the question: named, else one after a compared year, else the document's;
    and the year of the date a stock is asked at (截至2023年8月31日 in a 2024 budget)."""
    dated = {year} if (year := as_of_year(query.as_of)) else set()
    if query.years:
        return set(query.years) | dated
    if query.base_years and query.intent in _CHANGES:
        return {y + 1 for y in query.base_years}
    return ({doc_year} if doc_year else set()) | dated


def _counted_as_asked(query: Query, answer: Answer) -> bool:
    """The figure is a count taken in the year of the date the question asks it at (截至2023年8月31日…7辆)."""
    return (
        answer.value is not None and bool(answer.citations) and counted_as_asked(query.as_of, answer.citations[0].quote)
    )


def with_figure_year(query: Query, answer: Answer) -> Answer:
    """The answer with the year of its figure: its own, else its first citation's. A count taken at the date the
    question asks it at is of that date's year, as its sentence says (截至2023年8月31日共有车辆7辆 in a 2024
    budget: 2023), and its question keeps the date (a compound said it once for all its parts:
    `截至2024年12月31日共有车辆几辆？…2025年计划购置几辆车？`)."""
    if _counted_as_asked(query, answer):
        question = answer.question if query.as_of in answer.question else query.as_of + answer.question
        return replace(answer, question=question, year=as_of_year(query.as_of))
    if answer.year is None and answer.value is not None and answer.citations:
        return replace(answer, year=answer.citations[0].year)
    return answer


def _stated_at(query: Query, answer: Answer) -> int | None:
    """The year of the date a count is stated at in its sentence (`截至2025年8月31日…共有车辆3辆`: 2025), when the
    question names no year of its own; None for no such date."""
    if query.years or answer.value is None or not answer.citations:
        return None
    if answer.unit in MONEY_UNITS or answer.unit in ("%", None) or answer.unit in size_units():
        return None
    return as_of_year(date_stated(answer.citations[0].quote))


def keep_to_year(query: Query, answer: Answer, ctx: Context) -> Answer:
    """The answer, with its figure's year, or an abstention naming the year asked when its figure is of another
    year."""
    answer = with_figure_year(query, answer)
    if answer.abstained or answer.value is None or answer.year is None or not answer.citations:
        return answer
    docs = {c.doc for c in answer.citations}
    if len(docs) > 1 and not query.years:
        return answer  # across documents each figure is its own document's (checked by the engine)
    doc = answer.citations[0].doc
    wanted = asked_years(query, ctx.doc_years.get(doc))
    stated, asked_at = _stated_at(query, answer), as_of_year(query.as_of)
    if asked_at is not None and stated is not None and stated != asked_at:
        # 截至2023年8月底 asked of a document counting at 截至2025年8月31日: not the count of the date asked
        wanted, answer = {asked_at}, replace(answer, year=stated)
    elif not wanted or answer.year in wanted:
        return answer
    title = ctx.titles.get(doc, doc)
    text = load_templates().render(
        "other_year", year="、".join(f"{y}年" for y in sorted(wanted)), document=title, found=f"{answer.year}年"
    )
    return Answer(question=answer.question, answer=text, abstained=True, intent=answer.intent, year=None)


def explain_abstention(query: Query, ctx: Context) -> str:
    """The refusal, saying what was looked for (item, year, document) and the closest items the document has.

    Item names are shown without their codes or any figure: a refusal never carries a number but years.
    """
    # the words as asked (a lexicon reading written into them, 购买 -> 购购置, would show words nobody asked)
    asked = strip_filler(query.norm.split("|")[0]) if query.content and query.content[0] else ""
    item = re.sub("(比|较|与|跟|同)$", "", asked)
    docs = sorted({f.source.doc_id for f in ctx.facts})
    where = "、".join(ctx.titles.get(d, d) for d in docs[:3]) or "所载文件"
    years = sorted(query.years) or sorted({y for d in docs if (y := ctx.doc_years.get(d))})
    year = "、".join(f"{y}年" for y in years)
    near: list[str] = []
    if item:
        for scored in rank_facts(query, ctx.facts, departments=ctx.departments, tun=ctx.tun)[:40]:
            name = display_name(scored.fact, ctx.departments)
            if name and not re.search(r"\d", name) and name not in near and len(near) < 3:
                near.append(name)
    return load_templates().render(
        "abstain_detail",
        document=where,
        item=f"“{item}”" if item else "这一项",
        year=year + _compared_with(query),
        near="；文件中相近的项目有：" + "、".join(near) if near else "",
    )


def refuse_unanswerable(
    query: Query, facts: Callable[[Sequence[str]], Sequence[Fact]], doc_ids: Sequence[str]
) -> Answer | None:
    """The refusal of a per-capita, period, currency, detail or subordinate-unit question (None: answer it). A
    period the documents print rows for (`第二季度用款计划`) is answered as any question, then kept to that period
    (`keep_to_period`); a detail or a unit a line of the documents names is answered too. `facts(doc_ids)` reads the
    documents' facts, only for a question asked by period, detail or unit."""
    if not query.unsupported:
        return None
    period, detail = _period(query), unsupported_words(query.text) if query.unsupported == "detail" else ""
    if period and any(period in normalize(f"{f.subject}{f.measure}{f.source.column or ''}") for f in facts(doc_ids)):
        return None
    if detail and any(detail in normalize(f"{f.subject}{f.context}{f.source.quote}") for f in facts(doc_ids)):
        return None
    unit = _subordinate(query)  # 下属的X中心…自己单独: a document printing X's own lines answers it
    if unit and any(unit in normalize(f"{f.subject}{f.context}{f.source.quote}") for f in facts(doc_ids)):
        return None
    return refuse_unsupported(query)


def _subordinate(query: Query) -> str:
    pattern = load_data("question.toml")["unsupported"]["subordinate"]
    said = re.search(pattern, normalize(query.text)) if query.unsupported == "subordinate" else None
    return said.group("unit") if said else ""


def _period(query: Query) -> str:
    if query.unsupported != "period":
        return ""
    return re.sub(cue("period_affixes"), "", unsupported_words(query.text))


def keep_to_period(query: Query, answer: Answer) -> Answer:
    """A figure for a question asked by period must be a figure of that period (`第二季度用款计划`): an
    annual total (公益性岗位补贴) is refused as the period question it does not answer."""
    period = _period(query)
    if not period or answer.value is None:
        return answer
    cited = [f"{c.locator}{c.column or ''}{c.row_label or ''}{c.quote}" for c in answer.citations]
    return answer if any(period in normalize(c) for c in cited) else refuse_unsupported(query)


def refuse_unsupported(query: Query) -> Answer:
    """Per-capita, quarterly or foreign-currency questions (a disclosure prints annual totals in 元/万元 only), and
    details of a purchase or asset the documents do not print (品牌, 账面原值)."""
    text = load_templates().refusals[query.unsupported or ""]
    return Answer(question=query.text, answer=text, abstained=True, intent=query.intent)
