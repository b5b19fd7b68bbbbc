"""An amount averaged over the vehicles a document counts (`公务用车运行费预算，平均到每辆车多少万元`).

The amount and the count are each looked up as their own question (`公务用车运行费预算是多少`, `共有车辆几辆`)
and divided; both are cited and the formula shown. A document that prints either not at all gets no answer.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.analyze import Query, analyze
from assistant.answer_types import Answer
from assistant.compose import format_value
from assistant.operations.base import Context, abstain
from assistant.operations.computed import worked_out
from assistant.operations.lookup import lookup
from index.model import MONEY_UNITS, convert_money

_COUNT_QUESTION = "共有车辆几辆"
_VEHICLES = re.compile("车辆|每一?辆")
_LEAD_IN = re.compile("(如果|按照?|以|平均|分摊|摊到|摊)+$")


def _amount_asked(asked: str) -> str:
    """The amount averaged: what the question says before its clause on vehicles (`公务用车运行费预算，按现有车辆
    数平均，每辆车多少` → `公务用车运行费预算是多少`)."""
    vehicles = _VEHICLES.search(asked)
    if vehicles is None:
        return asked
    clause = asked.rfind(",", 0, vehicles.start())
    amount = asked[: clause if clause >= 0 else vehicles.start()]
    return _LEAD_IN.sub("", amount) + "是多少"


def per_vehicle(query: Query, ctx: Context) -> Answer:
    amount_text = _amount_asked(query.norm.split("|")[0])
    amount_q = replace(
        analyze(amount_text), years=query.years, doc_years=query.doc_years, relative_year=query.relative_year
    )
    count_q = replace(analyze(_COUNT_QUESTION), years=query.years, doc_years=query.doc_years, as_of=query.as_of)
    amount, count = lookup(amount_q, ctx), lookup(count_q, ctx)
    if amount.abstained or count.abstained or amount.value is None or not count.value:
        return abstain(query)
    if amount.unit not in MONEY_UNITS or count.unit != "辆":
        return abstain(query)
    unit = query.unit if query.unit in MONEY_UNITS else amount.unit
    total = convert_money(amount.value, amount.unit, unit)
    value = round(total / count.value, 2 if query.round is None else query.round)
    subject = amount.subject or re.sub(r"\d.*$", "", amount.answer)
    formula = (
        f"{subject}{format_value(total, unit)}{unit} ÷ 车辆{format_value(count.value, '辆')}辆"
        f" = {format_value(value, unit, places=query.round)}{unit}"
    )
    cites = [*amount.citations, *count.citations]
    answer = worked_out(query, "per_vehicle", cites, value, unit, formula, subject=subject)
    answer.year = amount.year
    return answer
