"""Checks the answer-engine tests share: one figure answered, or the question declined."""

from __future__ import annotations

import pytest

from assistant.answer_types import Answer


def answers_one_figure(ans: Answer, value: float) -> None:
    """The answer gives one figure, `value` (within 0.005 of it, in the unit answered)."""
    assert not ans.abstained, ans.answer
    assert ans.value == pytest.approx(value, abs=0.005), ans.answer


def declines(ans: Answer) -> None:
    """The answer gives no figure and says the document does not give it."""
    assert ans.abstained and ans.value is None, ans.answer
