"""An item a document prints only period by period (`第一季度用款计划` … `第四季度用款计划`, 1月…12月).

`每个季度用款计划多少` asks each period's figure: the answer lists them (one value when all are equal).
`全年用款计划合计多少` asks their sum: every period of the year must be printed. A question naming one period
(`第三季度用款计划`) is a plain lookup, and one naming no period item the document prints is not answered here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.analyze import Query
from assistant.answer_types import Answer
from assistant.compose import cite_marks, format_value, load_templates, money_unit_for, year_phrase
from assistant.cues import cue
from assistant.operations.base import Context, cite
from index.facts.phrases import NUMBERED
from index.model import Fact
from index.text import bigrams, containment, normalize

# how many periods make a year, by the word that names the period
_YEAR_OF = {"季度": 4, "月": 12, "半年": 2}


def period_rows(query: Query, ctx: Context, *, whole_year: bool) -> list[Fact] | None:
    """The period figures of the one item the question names, in the document's order; None when the question
    names a period itself, no item printed by period, or several (two projects' plans, none named).
    `whole_year`: only a complete year of periods (four quarters) is returned."""
    asked = query.norm.split("|")[0]
    if cue("period_named").search(asked):
        return None
    groups: dict[tuple[str, ...], list[Fact]] = {}
    for fact in ctx.facts:
        m = cue("period_row").match(normalize(fact.subject))
        # the item as asked or as the lexicon reads it (计划用款: 用款计划), or the heading it is printed under
        named = m and (m.group("item") in query.norm or _heading_named(fact, asked))
        if m and named and (not query.years or fact.year in query.years):
            kind = m.group("kind") or m.group("kind_m") or m.group("kind_h")
            key = (fact.source.doc_id, normalize(fact.context), m.group("item"), kind, fact.measure, fact.unit)
            groups.setdefault(key, []).append(fact)
    words = bigrams(asked)
    fit = {key: containment(bigrams(key[1]), words) if key[1] else 0.0 for key in groups}
    best = [key for key in groups if len(groups[key]) >= 2 and fit[key] == max(fit.values())]
    if len(best) != 1 or _other_project(asked, best[0][1]):
        return None
    facts = _one_each(groups[best[0]])
    if whole_year and len(facts) != _YEAR_OF[best[0][3]]:
        return None
    return facts


_PROJECT = re.compile(r"([\u4e00-\u9fff]{2,12}?)项目")


def _other_project(asked: str, context: str) -> bool:
    """Does the question name a project (人民调解项目) the period rows are not printed under? (这个项目 names none.)"""
    names = [m.group(1) for m in _PROJECT.finditer(asked) if not re.match("(这个|这|该|此|那个|那|本)", m.group(1))]
    return any(_POINTED.sub("", n) not in context for n in names)  # …新建工程那个项目: 新建工程 is the project


_POINTED = re.compile("(那个|这个|那一?|这一?|的)$")


def _heading_named(fact: Fact, asked: str) -> bool:
    """Does the question name the heading the period rows sit under (`这个项目的年度预算` for the quarters printed
    under `六、年度预算安排`)? The heading without its numbering and a closing 安排/情况 must be said whole."""
    heading = normalize(NUMBERED.sub("", (fact.source.section or "").split("›")[-1]))
    heading = re.sub("(安排|情况)$", "", heading)
    return len(heading) >= 4 and heading in asked


def _one_each(facts: Sequence[Fact]) -> list[Fact]:
    """One figure per period (a period printed twice, in a table and a sentence, is one)."""
    seen: dict[str, Fact] = {}
    for fact in facts:
        seen.setdefault(normalize(fact.subject), fact)
    return list(seen.values())


def asks_each(query: Query) -> bool:
    """每个季度 / 各月 / 分季度: the question asks every period's figure."""
    return bool(cue("period_each").search(query.norm.split("|")[0]))


def each_period(query: Query, ctx: Context, facts: Sequence[Fact]) -> Answer:
    """Every period's figure, cited; the value is theirs when all are equal (每个季度均为158.05万元)."""
    unit = money_unit_for(facts, query.unit) if all(f.is_money for f in facts) else facts[0].unit
    values = [f.in_unit(unit) for f in facts]
    listing = "、".join(
        f"{f.subject}{format_value(v, unit)}{unit}" for f, v in zip(facts, values, strict=True) if v is not None
    )
    same = len({v for v in values}) == 1 and values[0] is not None
    cites = cite(list(facts), ctx)
    item = cue("period_row").match(normalize(facts[0].subject))
    subject = f"{facts[0].context.split(' › ')[-1]}{item.group('item') if item else ''}"
    text = load_templates().render(
        "periods",
        subject=subject,
        year=year_phrase(facts[0]),
        listing=listing,
        same=f"，每期均为{format_value(values[0], unit)}{unit}" if same and values[0] is not None else "",
        cite=cite_marks(1, len(cites)),
    )
    return Answer(
        question=query.text,
        answer=text,
        value=values[0] if same else None,
        unit=unit if same else None,
        citations=cites,
        intent="lookup",
        year=facts[0].year,
        subject=subject,
    )


__all__ = ["asks_each", "each_period", "period_rows"]
