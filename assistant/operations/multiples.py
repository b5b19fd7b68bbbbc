"""An item's multiple of its own earlier year (`信息化运维项目预算是2021年的几倍`): this year's figure over the year
before, printed (a 决算's 上年 column) or derived from the change the document states (2,008 − 比上年增加583)."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.analyze import Query
from assistant.answer_types import Answer
from assistant.compose import format_value, money_unit_for
from assistant.names import fact_name
from assistant.operations.base import Context, abstain
from assistant.operations.change import stated_change_phrase, with_stated_change, year_pair
from assistant.operations.computed import ratio_answer

# the earlier year said as the second operand, with no item of its own (是2021年的几倍, 是上年预算的多少倍)
_OF_EARLIER = re.compile(
    r"是(?:(?P<year>\d{4})年|上一?年|去年|前一年)(?:当年)?的?(?:同期|预算执行数|执行数|预算数|决算数|预算|决算|数)?的?"
    r"(?:几|多少)倍"
)


def multiple_of_prior_year(query: Query, ctx: Context) -> Answer | None:
    """The multiple, with its formula, when the question asks an item against its own year before the document's
    year; None when the question names another item (or no earlier year). Never the figure of another year: without
    that year's figure, printed or derived, it declines."""
    asked = query.norm.split("|")[0]
    said = _OF_EARLIER.search(asked)
    years = {y for y in ctx.doc_years.values() if y}
    if said is None or len(years) != 1:
        return None
    year = years.pop()
    if said.group("year") and int(said.group("year")) != year - 1:
        return None  # two years apart: no figure of that year is printed or derived
    plain = asked[: said.start()] + "是多少"
    this_year = replace(query, years=[year], norm=query.norm.replace(asked, plain, 1), intent="lookup", parts=[])
    pair = year_pair(this_year, ctx)
    if pair is not None and pair[0].year == year:
        a, b = pair
        unit = money_unit_for([a, b], None)
        va, vb = a.in_unit(unit), b.in_unit(unit)
        earlier = f"{b.year}年{format_value(vb, unit)}" if vb is not None else ""
    else:
        stated = with_stated_change(this_year, ctx)
        if stated is None:
            return abstain(query)
        a, d = stated
        unit = money_unit_for([a, d], None)
        va, vd = a.in_unit(unit), d.in_unit(unit)
        vb = va - vd if va is not None and vd is not None else None
        sign, change = stated_change_phrase(vd or 0, unit)
        earlier = f"（{format_value(va or 0, unit)} {sign} {change}）"
        b = d
    if va is None or not vb:
        return abstain(query)
    value = round(va / vb, 2 if query.round is None else query.round)
    formula = f"{year}年{format_value(va, unit)} ÷ {earlier} = {value:g}"
    name = fact_name(a, ctx.departments)
    return ratio_answer(query, ctx, [a, b], value, formula, subject=f"{name}{year}年与{year - 1}年之比")
