"""Which item under a 科目 is the largest (or the smallest, or at a place: 第二多): `20805款下哪一项决算数最大`,
`302类下哪一款的公用经费最多`; with no parent named, which row of the level asked (`六个类中最多的一类`, see `levels`).

The parent is the coded row the question names (by code or by name); its items are the rows of the same table one
level below it (类 3 → 款 5 → 项 7 digits; 经济分类 3 → 5), in the parent's column. A question naming no coded
parent and no level (两个单位哪个多) is a comparison.
"""

from __future__ import annotations

from assistant.analyze import Query
from assistant.answer_types import Answer
from assistant.compose import describe, money_unit_for
from assistant.names import display_name
from assistant.operations.arithmetic import compare
from assistant.operations.base import Context, abstain
from assistant.operations.computed import computed
from assistant.operations.levels import SMALLEST, level_name, level_rows, place_word, rank_asked
from assistant.operations.places import printed_again
from assistant.operations.under import parent_with_items


def largest(query: Query, ctx: Context) -> Answer:
    """The item under the named parent (else of the level asked, `levels`) with the largest (最少: smallest) figure,
    or the one at the place asked (第二多), every item's figure listed."""
    parent, items = parent_with_items(query, ctx)
    if parent is not None:
        subject = f"{display_name(parent, ctx.departments)}下"
    else:
        items, word = level_rows(query, ctx) if len(query.parts) < 2 else ([], "")  # the items listed are compared
        if not items:
            return compare(query, ctx)
        subject = level_name(items, word)
    unit = money_unit_for(items, query.unit) if items[0].is_money else items[0].unit
    asked = query.norm.split("|")[0]
    less, rank = bool(SMALLEST.search(asked)), rank_asked(asked)
    if rank > len(items):
        return abstain(query)
    ordered = sorted(items, key=lambda f: f.in_unit(unit) or 0.0, reverse=not less)
    winner = ordered[rank - 1]
    formula = "；".join(f"{describe(f, unit, display_name(f, ctx.departments))}{unit}" for f in ordered)
    answer = computed(
        query,
        ctx,
        "largest",
        ordered,
        winner.in_unit(unit) or 0.0,
        unit,
        formula,
        places=printed_again(winner, ctx.facts, same_name=True),  # the winner's figure where else it is printed
        subject=subject,
        winner=display_name(winner, ctx.departments),
        more=place_word(rank, less),
    )
    answer.subject = display_name(winner, ctx.departments)
    return answer
