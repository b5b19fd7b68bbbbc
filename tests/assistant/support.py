"""Checks the answer-engine tests share: one figure answered, the question declined, or either of those per part."""

from __future__ import annotations

import pytest

from assistant.answer_types import Answer

Expected = float | list[float | None] | None


def answers_one_figure(ans: Answer, value: float) -> None:
    """The answer gives one figure, `value` (within 0.005 of it, in the unit answered)."""
    assert not ans.abstained, ans.answer
    assert ans.value == pytest.approx(value, abs=0.005), ans.answer


def declines(ans: Answer) -> None:
    """The answer gives no figure and says the document does not give it."""
    assert ans.abstained and ans.value is None, ans.answer


def assert_figures(ans: Answer, expected: Expected) -> None:
    """One figure (`ans.value`), one per part of a compound question (a list, None for a part with no figure), or
    none at all (None), to the cent."""
    if isinstance(expected, list):
        assert [p.value for p in ans.parts] == pytest.approx(expected, abs=0.006), ans.answer
    elif expected is None:
        assert ans.value is None, ans.answer
    else:
        assert ans.value == pytest.approx(expected, abs=0.006), ans.answer
