"""Shared ground of the answer engine: the evidence `Context` and the citing/abstaining base."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.analyze import Query
from assistant.answer_types import Answer, Citation
from assistant.compose import (
    RowLookup,
    citation_for,
    cite_checked,
    load_templates,
)
from index.model import Fact, Hit


@dataclass(slots=True)
class Context:
    """What the engine needs besides the question: facts in scope, retrieval hits, names."""

    facts: Sequence[Fact]
    hits: Sequence[Hit] = ()
    titles: dict[str, str] = field(default_factory=dict)  # doc_id -> title
    departments: frozenset[str] = frozenset()
    doc_years: dict[str, int | None] = field(default_factory=dict)
    rows: RowLookup | None = None


class EngineBase:
    """Citing and abstaining, used by every kind of answer."""

    # -- shared ----------------------------------------------------------------------------------

    def _cite(self, facts: Sequence[Fact], ctx: Context) -> list[Citation]:
        """Citations for facts whose quote really holds the number; unverifiable ones are dropped."""
        return [citation_for(f, ctx.titles, ctx.rows) for f in facts if cite_checked(f)]

    def abstain(self, query: Query, warning: str | None = None) -> Answer:
        return Answer(
            question=query.text,
            answer=load_templates().abstain,
            abstained=True,
            warnings=[warning] if warning else [],
            intent=query.intent,
        )


def _places(fact: Fact, unit: str) -> int | None:
    """Keep printed decimals (2,087,959.00 元); 2 places after converting 元 to 万元."""
    if unit == fact.unit:
        text = fact.text.replace(",", "")
        return len(text.split(".")[1]) if "." in text and text.split(".")[1].isdigit() else None
    return 2 if fact.is_money else None


def _unit_compatible(wanted: str, unit: str) -> bool:
    money = ("元", "万元", "亿元")
    return wanted == unit or (wanted in money and unit in money)


def _disagree(a: Fact, b: Fact) -> bool:
    """Values differ beyond printing: same unit any difference; across units beyond rounding."""
    vb = b.in_unit(a.unit)
    if vb is None:
        return False
    if a.unit == b.unit:
        return abs(a.value - vb) > 1e-9
    # b printed in another unit: consistent if b is a rounding of a
    places = _printed_places(b)
    va_in_b = a.in_unit(b.unit)
    return va_in_b is not None and round(va_in_b, places) != round(b.value, places)


def _printed_places(fact: Fact) -> int:
    text = fact.text.replace(",", "")
    digits = text.split(".")[1] if "." in text else ""
    n = 0
    for ch in digits:
        if not ch.isdigit():
            break
        n += 1
    return n
