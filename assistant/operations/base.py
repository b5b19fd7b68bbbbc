"""What every operation shares: the evidence `Context`, citing, abstaining, and comparing printed figures."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.analyze import Query
from assistant.answer_types import Answer, Citation
from assistant.compose import (
    RowLookup,
    citation_for,
    cite_checked,
    counted_as_asked,
    load_templates,
)
from assistant.names import any_count, same_count_unit
from index.model import MONEY_UNITS, Fact, Hit, convert_money
from index.settings import Tunables


@dataclass(slots=True)
class Context:
    """What the engine needs besides the question: facts in scope, retrieval hits, names."""

    facts: Sequence[Fact]
    hits: Sequence[Hit] = ()
    titles: dict[str, str] = field(default_factory=dict)  # doc_id -> title
    departments: frozenset[str] = frozenset()
    doc_years: dict[str, int | None] = field(default_factory=dict)
    rows: RowLookup | None = None
    tun: Tunables = field(default_factory=Tunables)


def cite(facts: Sequence[Fact], ctx: Context) -> list[Citation]:
    """Citations for facts whose quote really holds the number; unverifiable ones are dropped."""
    return [citation_for(f, ctx.titles, ctx.rows) for f in facts if cite_checked(f)]


def abstain(query: Query, warning: str | None = None) -> Answer:
    """The fixed abstention (no number), with an optional warning saying why; an open question's says no
    passage speaks to it (not that a figure is missing)."""
    templates = load_templates()
    return Answer(
        question=query.text,
        answer=templates.abstain_open if query.intent == "open" else templates.abstain,
        abstained=True,
        warnings=[warning] if warning else [],
        intent=query.intent,
    )


def decimal_places(fact: Fact, unit: str) -> int | None:
    """Keep printed decimals (2,087,959.00 元); 2 places after converting 元 to 万元."""
    if unit == fact.unit:
        decimals = re.search(r"\.(\d+)", fact.text.replace(",", ""))  # the text may carry its unit (4000.6平方米)
        return len(decimals.group(1)) if decimals else None
    return 2 if fact.is_money else None


def unit_compatible(wanted: str, unit: str) -> bool:
    """Money converts; a unit price asked (元/台) may be answered by an item priced 每台 in 元;
    a count asked in 台 is answered in the printed 台（套）."""
    return (
        same_count_unit(wanted, unit)
        or any_count(wanted, unit)
        or (wanted.split("/")[0] in MONEY_UNITS and unit in MONEY_UNITS)
    )


def disagree(a: Fact, b: Fact) -> bool:
    """Values differ beyond printing: in one unit any difference; across units beyond rounding."""
    vb = b.in_unit(a.unit)
    if vb is None:
        return False
    if a.unit == b.unit:
        return abs(a.value - vb) > 1e-9
    # printed in different units: consistent when either is a rounding of the other
    tolerance = max(half_step(a), half_step(b))
    va_yuan, vb_yuan = a.in_unit("元"), b.in_unit("元")
    if va_yuan is None or vb_yuan is None:
        return False
    return abs(va_yuan - vb_yuan) > tolerance + 1e-6


def half_step(fact: Fact) -> float:
    """Half of the last printed digit, in 元."""
    text = fact.text.replace(",", "")
    digits = text.split(".")[1] if "." in text else ""
    places = len(digits) - len(digits.lstrip("0123456789"))
    return convert_money(10.0**-places, fact.unit, "元") / 2 if fact.is_money else 0.0


def counted_at_date(query: Query, fact: Fact, also: list[Fact]) -> tuple[Fact, list[Fact]]:
    """(the fact to answer from, the others agreeing): of places printing one count, the sentence dated in the year
    the question asks it at (截至2021年10月…共有车辆2辆 before …现本级实有车辆2辆), so the answer says that date."""
    dated = next((f for f in [fact, *also] if counted_as_asked(query.as_of, f.source.quote)), fact)
    return dated, [f for f in [fact, *also] if f is not dated]
