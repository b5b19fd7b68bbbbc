"""Answers worked out from several figures: each operand cited where it is printed, with the formula shown."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.analyze import Query
from assistant.answer_types import Answer, Citation
from assistant.compose import cite_marks, format_value, load_templates
from assistant.operations.base import Context, abstain, cite
from index.model import Fact


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
    cites = operand_citations(ctx, facts, places)
    if cites is None:
        return abstain(query, warning="计算所需的数字无法在原文中逐一核对，未作回答。")
    return worked_out(query, intent, cites, value, unit, formula, **extra)


def worked_out(
    query: Query, intent: str, cites: list[Citation], value: float, unit: str, formula: str, **extra: str
) -> Answer:
    """The answer computed from operands already cited (`cites`), rendered with the intent's template."""
    text = load_templates().render(
        intent,
        value=format_value(abs(value) if intent == "difference" else value, unit, places=query.round),
        unit=unit,
        formula=formula,
        cite=cite_marks(1, len(cites)),
        **extra,
    )
    return Answer(
        question=query.text,
        answer=text,
        value=value,
        unit=unit,
        citations=cites,
        formula=formula,
        intent=intent,
        subject=extra.get("subject"),
    )


def operand_citations(ctx: Context, facts: Sequence[Fact], places: Sequence[Fact]) -> list[Citation] | None:
    """Each operand's citation, then the other `places` printing an operand's figure (each place once); None
    when an operand's figure cannot be checked in its source."""
    cites = cite(facts, ctx)
    if len(cites) < len(facts):
        return None
    seen = {(c.doc, c.locator, c.quote) for c in cites}
    for place in cite([p for p in places if p not in facts], ctx):
        if (place.doc, place.locator, place.quote) not in seen:
            seen.add((place.doc, place.locator, place.quote))
            cites.append(place)
    return cites


def ratio_answer(
    query: Query,
    ctx: Context,
    facts: Sequence[Fact],
    value: float,
    formula: str,
    *,
    subject: str,
    places: Sequence[Fact] = (),
) -> Answer:
    cites = operand_citations(ctx, facts, places)
    if cites is None:
        return abstain(query, warning="计算所需的数字无法在原文中逐一核对，未作回答。")
    text = load_templates().render(
        "ratio", subject=subject, value=f"{value:g}", formula=formula, cite=cite_marks(1, len(cites))
    )
    return Answer(
        question=query.text, answer=text, value=value, unit="倍", citations=cites, formula=formula, intent="ratio"
    )
