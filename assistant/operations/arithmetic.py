"""Arithmetic over named items: share, sum, difference, comparison."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.analyze import Query
from assistant.answer_types import Answer
from assistant.compose import (
    cite_marks,
    describe,
    exact,
    format_value,
    load_templates,
    money_unit_for,
)
from assistant.match import choose, confident, rank_facts
from assistant.measures import complete_parts
from assistant.names import display_name, operand_names
from assistant.operations.base import Context, abstain, cite
from assistant.operations.change import change
from assistant.operations.lookup import agreeing, lookup
from index.model import Fact


def find_parts(query: Query, ctx: Context, parts: Sequence[str], places: list[Fact] | None = None) -> list[Fact] | None:
    """The fact each named part asks for (None when one is not found). `places` collects other places
    printing the same figures, so a computed answer cites every place its operands are stated."""
    chosen: list[Fact] = []
    for part in parts:
        ranked = rank_facts(
            query,
            ctx.facts,
            text=part,
            departments=ctx.departments,
            hits=ctx.hits,
            doc_years=ctx.doc_years,
            tun=ctx.tun,
        )
        if not ranked or not confident(ranked[0], ctx.tun):
            return None
        best = choose(ranked, anchor=chosen[0] if chosen else None, tun=ctx.tun)
        chosen.append(best.fact)
        if places is not None:
            places.extend(agreeing(best.fact, best, ranked, limit=1))
    return chosen


def share(query: Query, ctx: Context) -> Answer:
    parts = list(query.parts)
    if len(parts) == 1:
        parts.append("支出总计")
    places: list[Fact] = []
    facts = find_parts(query, ctx, parts[:2], places) if len(parts) >= 2 else None
    if not facts:
        return abstain(query)
    part, whole = facts
    unit = money_unit_for(facts, None)
    vp, vw = part.in_unit(unit), whole.in_unit(unit)
    if vp is None or vw in (None, 0):
        return abstain(query)
    assert vw is not None
    digits = 2 if query.round is None else query.round  # 保留一位小数
    value = round(vp / vw * 100, digits)
    names = operand_names(facts, ctx.departments)
    shown = format_value(value, "%", places=query.round)
    formula = f"{describe(part, unit, names[0])} ÷ {describe(whole, unit, names[1])} = {shown}%"
    return computed(query, ctx, "share", facts, value, "%", formula, subject=f"{names[0]}占{names[1]}", places=places)


def sum_of(query: Query, ctx: Context) -> Answer:
    places: list[Fact] = []
    facts = find_parts(query, ctx, query.parts, places) if len(query.parts) >= 2 else None
    if not facts:
        return lookup(query, ctx)
    unit = money_unit_for(facts, query.unit)
    values = [f.in_unit(unit) for f in facts]
    if any(v is None for v in values):
        return abstain(query)
    total = exact(sum(v for v in values if v is not None))
    names = operand_names(facts, ctx.departments)
    formula = (
        " + ".join(describe(f, unit, n) for f, n in zip(facts, names, strict=True))
        + f" = {format_value(total, unit)}{unit}"
    )
    return computed(query, ctx, "sum", facts, total, unit, formula, subject="、".join(names), places=places)


def difference(query: Query, ctx: Context) -> Answer:
    # against another year (比2021年, 比去年, two years named) it is a year-on-year change; one year named
    # is the year of both figures (2024年行政运行决算比年初预算少了多少)
    compared = query.base_years or query.base_relative is not None or query.relative_year is not None
    if len(query.parts) < 2 or compared or len(set(query.years)) >= 2:
        return change(query, ctx)  # "比2021年多了多少", "比去年…": a year-on-year change
    places: list[Fact] = []
    facts = find_parts(query, ctx, complete_parts(query.parts[:2]), places)
    if not facts:  # two items named, one of them not found: never answer with just the other
        return abstain(query)
    unit = money_unit_for(facts, query.unit)
    va, vb = (f.in_unit(unit) for f in facts)
    if va is None or vb is None:
        return abstain(query)
    value = exact(va - vb)
    names = operand_names(facts, ctx.departments)
    formula = f"{describe(facts[0], unit, names[0])} − {describe(facts[1], unit, names[1])} = {format_value(value, unit)}{unit}"
    return computed(
        query, ctx, "difference", facts, value, unit, formula, subject=f"{names[0]}与{names[1]}", places=places
    )


def compare(query: Query, ctx: Context) -> Answer:
    """Compare one item across the documents in scope (or two named items)."""
    docs = sorted({f.source.doc_id for f in ctx.facts})
    picks: list[Fact] = []
    places: list[Fact] = []
    if len(docs) >= 2:
        for doc in docs:
            ranked = rank_facts(
                query,
                [f for f in ctx.facts if f.source.doc_id == doc],
                departments=ctx.departments,
                hits=ctx.hits,
                doc_years=ctx.doc_years,
                tun=ctx.tun,
            )
            if ranked and confident(ranked[0], ctx.tun):
                picks.append(ranked[0].fact)
                places.extend(agreeing(ranked[0].fact, ranked[0], ranked, limit=1))
    elif len(query.parts) >= 2:
        picks = find_parts(query, ctx, query.parts, places) or []
    if len(picks) < 2:
        return abstain(query)
    unit = money_unit_for(picks, query.unit)
    values = [(f.in_unit(unit) or 0.0, f) for f in picks]
    less = any(w in query.norm for w in ("少", "低", "小"))
    value, winner = (min if less else max)(values, key=lambda vf: vf[0])
    label = ctx.titles.get(winner.source.doc_id, winner.subject) if len(docs) >= 2 else winner.subject
    formula = "；".join(
        f"{ctx.titles.get(f.source.doc_id, '') if len(docs) >= 2 else ''}{describe(f, unit, display_name(f, ctx.departments))}{unit}"
        for _, f in values
    )
    return computed(
        query,
        ctx,
        "compare",
        picks,
        value,
        unit,
        formula,
        subject=display_name(picks[0], ctx.departments),
        winner=label,
        more="少" if less else "多",
        places=places,
    )


def computed(
    query: Query,
    ctx: Context,
    intent: str,
    facts: Sequence[Fact],
    value: float,
    unit: str,
    formula: str,
    places: Sequence[Fact] = (),
    **extra: str,
) -> Answer:
    cites = cite(facts, ctx)
    if len(cites) < len(facts):
        return abstain(query, warning="计算所需的数字无法在原文中逐一核对，未作回答。")
    seen = {(c.doc, c.locator, c.quote) for c in cites}
    for place in cite([p for p in places if p not in facts], ctx):
        if (place.doc, place.locator, place.quote) not in seen:
            seen.add((place.doc, place.locator, place.quote))
            cites.append(place)
    text = load_templates().render(
        intent,
        value=format_value(abs(value) if intent == "difference" else value, unit, places=query.round),
        unit=unit,
        formula=formula,
        cite=cite_marks(1, len(cites)),
        **extra,
    )
    return Answer(
        question=query.text, answer=text, value=value, unit=unit, citations=cites, formula=formula, intent=intent
    )


def ratio_answer(
    query: Query, ctx: Context, facts: Sequence[Fact], value: float, formula: str, *, subject: str
) -> Answer:
    cites = cite(facts, ctx)
    if len(cites) < len(facts):
        return abstain(query, warning="计算所需的数字无法在原文中逐一核对，未作回答。")
    text = load_templates().render(
        "ratio", subject=subject, value=f"{value:g}", formula=formula, cite=cite_marks(1, len(cites))
    )
    return Answer(
        question=query.text, answer=text, value=value, unit="倍", citations=cites, formula=formula, intent="ratio"
    )


def ratio_in_doc(query: Query, ctx: Context) -> Answer:
    """`A是B的几倍` within the documents in scope."""
    facts = find_parts(query, ctx, query.parts[:2]) if len(query.parts) >= 2 else None
    if not facts:
        return abstain(query)
    unit = money_unit_for(facts, None)
    va, vb = (f.in_unit(unit) for f in facts)
    if va is None or not vb:
        return abstain(query)
    value = round(va / vb, 2)
    names = operand_names(facts, ctx.departments)
    formula = f"{describe(facts[0], unit, names[0])} ÷ {describe(facts[1], unit, names[1])} = {value:g}"
    return ratio_answer(query, ctx, facts, value, formula, subject=f"{names[0]}与{names[1]}之比")
