"""Year-on-year answers: stated changes and rates, or derived from two years, and prior-year figures."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.analyze import Query
from assistant.answer_types import Answer
from assistant.compose import (
    cite_marks,
    exact,
    format_value,
    load_templates,
    money_unit_for,
    year_phrase,
)
from assistant.match import Scored, choose, confident, rank_facts
from assistant.names import fact_name, vocabulary
from assistant.operations.base import Context, abstain, cite
from index.model import Fact
from index.text import normalize

_AMOUNT_ASKED = re.compile(r"(?<![减增])(多|少)(了|出)?多少")  # 多多少 / 少了多少, not 减少多少


def change(query: Query, ctx: Context) -> Answer:
    """A change the document states, else derived from two years. Asked with no unit (增长了多少) of an item whose
    change the document states only as a rate (比2023年预算执行数增加8.12%), the stated rate answers, the amount
    derived from the two years beside it; asked 多多少 / 少了多少, the amount answers."""
    if query.years and query.base_years and max(query.years) < min(query.base_years):  # 2021年的比今年多吗
        return _turned(change(replace(query, years=query.base_years, base_years=query.years), ctx), query)
    voc = vocabulary()
    stated = _stated(query, ctx, voc.change_measures, "change")
    if stated is not None:
        return stated
    derived = _from_years(query, ctx, "change")
    amount_asked = query.unit is not None or query.money or _AMOUNT_ASKED.search(query.norm)  # 多多少: an amount
    said = None if amount_asked else _stated(query, ctx, voc.rate_measures, "rate")
    if said is None or derived.value is None:
        return said or derived
    amount = load_templates().render(
        "amount_beside_rate",
        direction=_direction(derived.value),
        value=format_value(abs(derived.value), derived.unit or ""),
        unit=derived.unit or "",
        formula=derived.formula or "",
        cite=cite_marks(len(said.citations) + 1, len(derived.citations)),
    )
    return replace(said, answer=said.answer + amount, citations=[*said.citations, *derived.citations])


def _turned(later: Answer, query: Query) -> Answer:
    """An earlier year's figure compared with a later one's (2021年的比2022年多吗): the later year's change as
    answered, its sign turned; a rate does not turn by its sign (+50 % back is −33 %), so none is answered."""
    if later.abstained or later.value is None or later.unit == "%":
        return later if later.abstained else abstain(query)
    value = -later.value
    text = load_templates().render(
        "turned",
        year="、".join(f"{y}年" for y in query.years),
        base="、".join(f"{y}年" for y in query.base_years),
        direction=_direction(value),
        value=format_value(abs(value), later.unit or ""),
        unit=later.unit or "",
        later=later.answer,
    )
    return replace(later, question=query.text, answer=text, value=value, year=query.years[0])


def rate(query: Query, ctx: Context) -> Answer:
    answer = stated_or_derived(query, ctx, vocabulary().rate_measures, "rate")
    if answer.abstained:
        return rate_from_change(query, ctx)
    if query.round is not None and answer.value is not None and _places(answer.value) < query.round:
        # 增长536%, asked to two decimals: worked out from the figures the rate was printed from, where they are
        worked = _from_years(query, ctx, "rate")
        worked = rate_from_change(query, ctx) if worked.abstained else worked
        return answer if worked.abstained else worked
    return answer


def _one_year_apart(query: Query) -> bool:
    """May a stated 比上年 change answer? Only when the base named, if any, is the year right before the year asked
    (2022年比2020年 spans two years: the document's 比上年 change is not it)."""
    return not (query.years and query.base_years) or sorted(query.base_years) == [y - 1 for y in sorted(query.years)]


def _places(value: float) -> int:
    """The decimals a figure is printed with (536.0: 0, 1.4: 1)."""
    return len(f"{value:.6f}".rstrip("0").split(".")[1])


def rate_from_change(query: Query, ctx: Context) -> Answer:
    """A rate the document does not print, from the change it does: 比上年增加793.14 ÷ (9,628.22 − 793.14)."""
    if not _one_year_apart(query):
        return abstain(query)
    later = query.years or [y + 1 for y in query.base_years]
    pair = with_stated_change(replace(query, years=later) if later else query, ctx)
    if pair is None:
        return abstain(query)
    a, d = pair
    unit = money_unit_for([a, d], None)
    va, vd = a.in_unit(unit), d.in_unit(unit)
    cites = cite([a, d], ctx)
    if va is None or vd is None or va == vd or len(cites) < 2:
        return abstain(query)
    value = round(vd / (va - vd) * 100, 2 if query.round is None else query.round)
    shown = format_value(value, "%", places=query.round)
    sign, said = stated_change_phrase(vd, unit)
    formula = f"{said} ÷ ({a.year}年{format_value(va, unit)} {sign} {format_value(abs(vd), unit)}) = {shown}%"
    direction = _direction(value)
    text = load_templates().render(
        "derived_rate",
        subject=a.subject,
        year=year_phrase(a),
        direction=direction,
        value=format_value(abs(value), "%", places=query.round),
        unit="%",
        formula=formula,
        cite=cite_marks(1, 2),
    )
    return Answer(
        question=query.text, answer=text, value=value, unit="%", citations=cites, formula=formula, intent="rate"
    )


def stated_or_derived(query: Query, ctx: Context, measures: frozenset[str], intent: str) -> Answer:
    stated = _stated(query, ctx, measures, intent)
    return stated if stated is not None else _from_years(query, ctx, intent)


def _from_years(query: Query, ctx: Context, intent: str) -> Answer:
    # "比2025年增加" names the base year; the stated change belongs to the year after it
    later = query.years or [y + 1 for y in query.base_years]
    earlier = query.base_years or [y - 1 for y in later]
    return derive_from_years(replace(query, years=sorted({*later, *earlier})), ctx, intent)


def _stated(query: Query, ctx: Context, measures: frozenset[str], intent: str) -> Answer | None:
    """The change or rate the document states for the item (of the year after the base year named), if any; none when
    the year asked is not the one right after the base named (2022年比2020年: a stated 比上年 spans one year)."""
    if not _one_year_apart(query):
        return None
    later = query.years or [y + 1 for y in query.base_years]
    ranked = rank_facts(
        replace(query, years=later),
        ctx.facts,
        departments=ctx.departments,
        hits=ctx.hits,
        doc_years=ctx.doc_years,
        tun=ctx.tun,
        allow=measures,
    )
    best = ranked[0] if ranked else None
    if confident(best, ctx.tun):
        assert best is not None
        fact = best.fact
        unit = "%" if intent == "rate" else money_unit_for([fact], query.unit)
        value = fact.in_unit(unit)
        if value is not None:
            cites = cite([fact], ctx)
            if cites:
                direction = _direction(value)
                text = load_templates().render(
                    intent,
                    subject=fact.subject,
                    year=year_phrase(fact),
                    direction=direction,
                    value=format_value(abs(value), unit),
                    unit=unit,
                    cite=cite_marks(1, 1),
                )
                return Answer(question=query.text, answer=text, value=value, unit=unit, citations=cites, intent=intent)
    return None


def year_pair(query: Query, ctx: Context) -> tuple[Fact, Fact] | None:
    """The best-matching item's figures of two consecutive years (later, earlier), None without both."""
    ranked = [
        s
        for s in rank_facts(
            query, ctx.facts, departments=ctx.departments, hits=ctx.hits, doc_years=ctx.doc_years, tun=ctx.tun
        )
        if s.fact.year is not None
    ]
    if not ranked or not confident(ranked[0], ctx.tun):
        return None
    current = ranked[0]
    prior = next(
        (
            s
            for s in ranked[1:60]
            if s.fact.year == (current.fact.year or 0) - 1
            and s.name == current.name
            and normalize(s.fact.measure) == normalize(current.fact.measure)
            and s.fact.source.doc_id == current.fact.source.doc_id
        ),
        None,
    )
    if prior is None:
        # the current year's figure must be the later one
        later = next(
            (  # the item's whole figure or one of the measure asked (not 收入预算总表's 其他收入 0 of a 支出 item)
                s
                for s in ranked[1:60]
                if s.name == current.name and _whole(s) and s.fact.year == (current.fact.year or 0) + 1
            ),
            None,
        )
        if later is None:
            return None
        current, prior = later, current
    # the later year's figure from the same place as the earlier one, when it is printed there too
    same_year = [s for s in ranked if s.fact.year == current.fact.year and s.name == current.name and _whole(s)]
    current = choose(same_year, anchor=prior.fact, margin=1.0, tun=ctx.tun) if same_year else current
    return current.fact, prior.fact


def _whole(s: Scored) -> bool:
    """A figure of the measure asked, or the item's whole figure (合计, 预算数, 决算数), not one column of it."""
    return s.measure_ok or normalize(s.fact.measure) in ("合计", "预算数", "决算数")


def derive_from_years(query: Query, ctx: Context, intent: str) -> Answer:
    """Change or rate from the same item's figures for two consecutive years."""
    pair = year_pair(query, ctx)
    if pair is None:
        return abstain(query)
    a, b = pair
    unit = money_unit_for([a, b], query.unit if intent == "change" else None)
    va, vb = a.in_unit(unit), b.in_unit(unit)
    if va is None or vb is None or (intent == "rate" and vb == 0):
        return abstain(query)
    cites = cite([a, b], ctx)
    if len(cites) < 2:
        return abstain(query)
    if intent == "change":
        value, out_unit = exact(va - vb), unit
        formula = f"{a.year}年{format_value(va, unit)} − {b.year}年{format_value(vb, unit)} = {format_value(value, unit)}{unit}"
    else:
        value, out_unit = round((va - vb) / vb * 100, 2 if query.round is None else query.round), "%"
        shown = format_value(value, "%", places=query.round)
        formula = f"({a.year}年{format_value(va, unit)} − {b.year}年{format_value(vb, unit)}) ÷ {format_value(vb, unit)} = {shown}%"
    text = load_templates().render(  # 城管执法2024年比上年减少72.32万元（2024年604.34 − 2023年676.66 = -72.32万元）
        "derived_rate",
        subject=a.subject,
        year=year_phrase(a),
        direction=_direction(value),
        value=format_value(abs(value), out_unit, places=query.round),
        unit=out_unit,
        formula=formula,
        cite=cite_marks(1, 2),
    )
    return Answer(
        question=query.text,
        answer=text,
        value=value,
        unit=out_unit,
        citations=cites,
        formula=formula,
        intent=intent,
        year=a.year,
    )


def derivable_prior_year(query: Query, ctx: Context) -> bool:
    years = {y for y in ctx.doc_years.values() if y}
    return any(y - 1 in query.years for y in years)


def prior_year(query: Query, ctx: Context) -> Answer:
    """A prior-year figure derived from this year's figure and its stated change."""
    asked = query.years[0]
    # the item's figure the next year; 预算数 is its 预算 (the column of a figure, no measure the change lacks)
    norm = re.sub("(预算|决算)数", r"\1", query.norm.replace(f"{asked}年", f"{asked + 1}年"))
    this_year = replace(query, years=[asked + 1], norm=norm)
    pair = with_stated_change(this_year, ctx)
    if pair is None:
        return abstain(query)
    a, d = pair
    unit = money_unit_for([a, d], query.unit)
    va, vd = a.in_unit(unit), d.in_unit(unit)
    if va is None or vd is None:
        return abstain(query)
    cites = cite([a, d], ctx)
    if len(cites) < 2:
        return abstain(query)
    value = exact(va - vd)
    sign, said = stated_change_phrase(vd, unit)  # 2,008 − 比上年增加583; 2,008 + 比上年减少2,389.52
    formula = f"{a.year}年{format_value(va, unit)} {sign} {said} = {format_value(value, unit)}{unit}"
    if vd == 0:  # 持平: the same figure
        formula = f"{a.year}年{format_value(va, unit)}{unit}，与上年持平"
    text = load_templates().render(
        "prior_year",
        subject=a.subject,
        year=f"{asked}年",
        value=format_value(value, unit),
        unit=unit,
        formula=formula,
        cite=cite_marks(1, 2),
    )
    return Answer(
        question=query.text,
        answer=text,
        value=value,
        unit=unit,
        citations=cites,
        formula=formula,
        intent="prior_year",
        year=asked,
        subject=a.subject,
    )


def with_stated_change(query: Query, ctx: Context) -> tuple[Fact, Fact] | None:
    """The item's figure of the year asked and the change on the year before that the document states with it
    (one item: the same name or subject), or None."""
    current = rank_facts(
        query, ctx.facts, departments=ctx.departments, hits=ctx.hits, doc_years=ctx.doc_years, tun=ctx.tun
    )
    changes = rank_facts(
        query,
        ctx.facts,
        departments=ctx.departments,
        hits=ctx.hits,
        doc_years=ctx.doc_years,
        tun=ctx.tun,
        allow=vocabulary().change_measures,
    )
    if not current or not changes or not confident(current[0], ctx.tun) or not confident(changes[0], ctx.tun):
        return None
    d = changes[0].fact
    a = choose(current, anchor=d, tun=ctx.tun).fact
    same = normalize(fact_name(a, ctx.departments)) == normalize(fact_name(d, ctx.departments))
    return (a, d) if same or normalize(a.subject) == normalize(d.subject) else None


def _direction(value: float) -> str:
    """How a signed change reads: 增加, 减少, or 持平，变化 (for 0)."""
    return "增加" if value > 0 else ("减少" if value < 0 else "持平，变化")


def stated_change_phrase(change: float, unit: str) -> tuple[str, str]:
    """(the sign that takes the change off this year's figure, the change as printed): (−, 比上年增加583) or
    (+, 比上年减少2,389.52); a stated decrease reads as one, never 比上年增加-2,389.52."""
    if change >= 0:
        return "−", f"比上年增加{format_value(change, unit)}"
    return "+", f"比上年减少{format_value(-change, unit)}"
