"""Which item under a 科目 is the largest (or the smallest): `20805款下哪一项决算数最大`, `302类下哪一款的公用经费最多`.

The parent is the coded row the question names (by code or by name); its items are the rows of the same table one
level below it (类 3 → 款 5 → 项 7 digits; 经济分类 3 → 5), in the parent's column. A question naming no coded
parent (两个单位哪个多) is a comparison.
"""

from __future__ import annotations

import re

from assistant.analyze import Query
from assistant.answer_types import Answer
from assistant.compose import describe, money_unit_for
from assistant.names import display_name
from assistant.operations.arithmetic import compare
from assistant.operations.base import Context
from assistant.operations.computed import computed
from assistant.operations.under import parent_with_items

_SMALLEST = re.compile("最少|最小|最低")


def largest(query: Query, ctx: Context) -> Answer:
    """The item under the named parent with the largest (最少: smallest) figure, every item's figure listed."""
    parent, items = parent_with_items(query, ctx)
    if parent is None:
        return compare(query, ctx)
    unit = money_unit_for(items, query.unit) if parent.is_money else parent.unit
    less = bool(_SMALLEST.search(query.norm.split("|")[0]))
    ordered = sorted(items, key=lambda f: f.in_unit(unit) or 0.0, reverse=not less)
    winner = ordered[0]
    formula = "；".join(f"{describe(f, unit, display_name(f, ctx.departments))}{unit}" for f in ordered)
    answer = computed(
        query,
        ctx,
        "largest",
        ordered,
        winner.in_unit(unit) or 0.0,
        unit,
        formula,
        subject=display_name(parent, ctx.departments),
        winner=display_name(winner, ctx.departments),
        more="小" if less else "大",
    )
    answer.subject = display_name(winner, ctx.departments)
    return answer
