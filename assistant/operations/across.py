"""Questions across documents: the same item in each named document, compared or combined."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.analyze import Query
from assistant.answer_types import Answer
from assistant.compose import describe, exact, money_unit_for
from assistant.match import choose, confident, rank_facts
from assistant.names import display_name
from assistant.operations.arithmetic import asks_less
from assistant.operations.base import Context, abstain
from assistant.operations.computed import computed, ratio_answer
from assistant.operations.places import agreeing
from index.model import Fact


def across(query: Query, ctx: Context, docs: Sequence[str]) -> Answer:
    picks: list[Fact] = []
    places: list[Fact] = []  # other places each document prints its figure: cited too
    # "A局的X比B局的Y多多少": each document's own part names its item, when it names one
    own = len(query.parts) == len(docs) and all(len(p) >= 3 for p in query.parts)
    for i, doc in enumerate(docs):
        facts = [f for f in ctx.facts if f.source.doc_id == doc]
        ranked = rank_facts(
            query, facts, text=query.parts[i] if own else None,
            departments=ctx.departments, hits=ctx.hits, doc_years=ctx.doc_years, tun=ctx.tun,
        )  # fmt: skip
        if not ranked or not confident(ranked[0], ctx.tun):
            return abstain(query, warning=f"{ctx.titles.get(doc, doc)}中没有找到这一项。")
        best = choose(ranked, tun=ctx.tun)
        picks.append(best.fact)
        places.extend(agreeing(best.fact, best, ranked, limit=1, facts=facts))
    unit = money_unit_for(picks, query.unit)
    values = [f.in_unit(unit) for f in picks]
    if any(v is None for v in values):
        return abstain(query)
    vals = [v for v in values if v is not None]
    name = display_name(picks[0], ctx.departments)
    operands = [
        f"{ctx.titles.get(f.source.doc_id, '')}{describe(f, unit, display_name(f, ctx.departments))}" for f in picks
    ]
    if query.intent in ("difference", "change") and len(vals) >= 2:
        value = exact(vals[0] - vals[1])
        if "相差" in query.norm or "差距" in query.norm or "差额" in query.norm:
            value = abs(value)
        formula = f"{operands[0]} − {operands[1]} = {value:g}{unit}"
        return computed(
            query, ctx, "difference", picks[:2], value, unit, formula, subject=name, gap="相差", places=places
        )
    if query.intent == "ratio" and len(vals) >= 2 and vals[1]:
        value = round(vals[0] / vals[1], 2)
        formula = f"{operands[0]} ÷ {operands[1]} = {value:g}"
        return ratio_answer(query, ctx, picks[:2], value, formula, subject=name, places=places)
    if query.intent in ("compare", "largest") or len(vals) < 2:  # 哪个单位的…最多: a comparison
        less = asks_less(query)
        index = vals.index(min(vals) if less else max(vals))
        formula = "；".join(f"{o}{unit}" for o in operands)
        answer = computed(
            query, ctx, "compare", picks, vals[index], unit, formula, subject=name,
            winner=ctx.titles.get(picks[index].source.doc_id, ""), more="少" if less else "多", places=places,
        )  # fmt: skip
        answer.year = picks[index].year  # the winner's figure, of its own document's year
        return answer
    total = exact(sum(vals))
    formula = " + ".join(operands) + f" = {total:g}{unit}"
    return computed(query, ctx, "sum", picks, total, unit, formula, subject=name, places=places)
