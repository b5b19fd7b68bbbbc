"""How much of its budget an item spent (部门决算): the 完成率 the document prints, else 决算数 ÷ 年初预算数.

`信息化建设决算完成了年初预算的百分之几`: the narrative prints 年初预算为135.90万元，支出决算为135.25万元 but
no rate, so the answer divides the two cited figures (the rule `budgetqa check` verifies where a rate is printed).
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.analyze import Query, analyze
from assistant.answer_types import Answer
from assistant.compose import describe, year_phrase
from assistant.data import load_data
from assistant.measures import complete_parts
from assistant.names import operand_names, stage_terms, strip_endings
from assistant.operations.base import Context, abstain
from assistant.operations.computed import computed
from assistant.operations.lookup import lookup
from assistant.operations.operands import find_parts
from index.model import Fact

_RATE = "完成率"  # the measure a printed completion rate is read as (answering.toml `measure_phrases`)


def completion(query: Query, ctx: Context) -> Answer:
    # only a printed completion rate answers (占本年支出合计的100.00% is a share of another whole)
    printed = lookup(query, replace(ctx, facts=[f for f in ctx.facts if f.unit != "%" or f.measure == _RATE]))
    if not printed.abstained and printed.unit == "%":
        return printed
    item = completed_item(query)
    if not item:
        return abstain(query)
    # the two measures of one item, found as a difference question finds them (决算数 比 年初预算数)
    pair = replace(analyze(f"{item}决算数比年初预算数少多少"), years=query.years, doc_years=query.doc_years)
    places: list[Fact] = []
    facts = find_parts(pair, ctx, complete_parts(pair.parts[:2]), places)
    if not facts or facts[0] is facts[1]:
        return abstain(query)
    unit = facts[0].unit
    done, budget = facts[0].in_unit(unit), facts[1].in_unit(unit)
    if done is None or not budget:
        return abstain(query)
    value = round(done / budget * 100, query.round if query.round is not None else 2)
    names = operand_names(facts, ctx.departments)
    formula = f"{describe(facts[0], unit, names[0])} ÷ {describe(facts[1], unit, names[1])} = {value:g}%"
    return computed(
        query, ctx, "completion", facts, value, "%", formula, places=places, subject=item, year=year_phrase(facts[0])
    )


def completed_item(query: Query) -> str:
    """The item whose completion is asked: the question's content without the completion phrase and the
    stage words around it (`信息化建设决算完成年初预算` → `信息化建设`)."""
    text = query.content[0] if query.content else ""
    for phrases in load_data("answering.toml")["measure_phrases"].values():
        for phrase in phrases:
            text = re.split(phrase, text)[0]
    return strip_endings(text, (*stage_terms(), "支出决算"))
