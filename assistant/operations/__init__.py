"""Operations: one function per kind of question, looked up by the query's operation.

parse (assistant.analyze / assistant.question) -> Query -> `answer(query, ctx)` -> the operation's
function resolves the facts it needs (assistant.match), computes by rule and renders with the
templates in prompts/ (assistant.compose). Every operation takes (Query, Context) and returns an
Answer; none invents a number: every value is a cited fact or arithmetic over cited facts.
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.analyze import Query
from assistant.answer_types import Answer
from assistant.operations.across import across
from assistant.operations.arithmetic import compare, difference, lookup_or_total, ratio_in_doc, share, sum_of
from assistant.operations.average import per_person, per_project, per_vehicle
from assistant.operations.base import Context, abstain
from assistant.operations.change import change, rate
from assistant.operations.completion import completion
from assistant.operations.largest import largest
from assistant.operations.lookup import lookup
from assistant.operations.rows import rows
from assistant.operations.tables import placed_table

Operation = Callable[[Query, Context], Answer]

OPERATIONS: dict[str, Operation] = {
    "lookup": lookup_or_total,
    "yesno": lookup,
    "change": change,
    "rate": rate,
    "share": share,
    "sum": sum_of,
    "difference": difference,
    "compare": compare,
    "largest": largest,
    "rows": rows,
    "ratio": ratio_in_doc,
    "per_vehicle": per_vehicle,
    "per_person": per_person,
    "per_project": per_project,
    "completion": completion,
}


def answer(query: Query, ctx: Context) -> Answer:
    """Answer a figure question within one document's (or the scope's) facts."""
    query = placed_table(query, ctx.facts)  # 表2 of a document that numbers no table: its second
    result = OPERATIONS.get(query.intent, lookup)(query, ctx)
    result.intent = result.intent or query.intent
    return result


__all__ = ["OPERATIONS", "Context", "abstain", "across", "answer"]
