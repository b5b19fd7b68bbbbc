"""Answer templates are data: checked for their placeholders when loaded."""

from __future__ import annotations

import tomllib

import pytest

from assistant import compose
from index.errors import BudgetQAError


def test_shipped_templates_load() -> None:
    templates = compose.load_templates()
    assert {"lookup", "change", "share", "empty", "prior_year", "compare", "ratio"} <= templates.by_intent.keys()
    assert not any(ch.isdigit() for ch in templates.abstain)


def _broken(tmp_text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compose, "load_data", lambda package, name: tomllib.loads(tmp_text))
    compose.load_templates.cache_clear()


def test_template_with_a_missing_placeholder_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    _broken(
        'abstain = "没有。"\n[templates]\nlookup = "{subject}为{value}。"\n'
        '[placeholders]\nlookup = ["subject", "value", "unit"]\n[refusals]\n',
        monkeypatch,
    )
    with pytest.raises(BudgetQAError, match="lookup"):
        compose.load_templates()
    compose.load_templates.cache_clear()


def test_abstention_phrase_may_not_carry_a_number(monkeypatch: pytest.MonkeyPatch) -> None:
    _broken('abstain = "预算为0。"\n[templates]\n[placeholders]\n[refusals]\n', monkeypatch)
    with pytest.raises(BudgetQAError, match="abstain"):
        compose.load_templates()
    compose.load_templates.cache_clear()


def test_refusal_phrase_may_not_carry_a_number(monkeypatch: pytest.MonkeyPatch) -> None:
    _broken('abstain = "没有。"\n[templates]\n[placeholders]\n[refusals]\nperiod = "只有12个月的合计。"\n', monkeypatch)
    with pytest.raises(BudgetQAError, match=r"refusals\.period"):
        compose.load_templates()
    compose.load_templates.cache_clear()
