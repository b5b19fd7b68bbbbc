"""Answer a question from facts: choose, compute by rule, phrase with templates, cite.

Never invents a number: every value in an answer is a fact's value or arithmetic
over cited facts, and when nothing matches well the fixed abstention phrase is
returned instead.
"""

from __future__ import annotations

from assistant.across import Across
from assistant.analyze import Query
from assistant.answer_types import Answer
from assistant.engine_base import Context

__all__ = ["Context", "Engine"]


class Engine(Across):
    """Rule-based answering over facts (the extractive mode).

    Layers: EngineBase (cite, abstain) < YearOnYear < Lookup < Arithmetic < Across < Engine (dispatch).
    """

    def answer(self, query: Query, ctx: Context) -> Answer:
        handler = {
            "change": self._change,
            "rate": self._rate,
            "share": self._share,
            "sum": self._sum,
            "difference": self._difference,
            "compare": self._compare,
            "ratio": self._ratio_in_doc,
        }.get(query.intent, self._lookup)
        answer = handler(query, ctx)
        answer.intent = answer.intent or query.intent
        return answer
