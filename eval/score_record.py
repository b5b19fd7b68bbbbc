"""`Score`: the verdict on one question as the report stores it, and the scores made without the scorer."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

from eval.questionset import Question


@dataclass(slots=True)
class Score:
    """The verdict on one question (or one variant of it, in a slice)."""

    id: str
    kind: str
    docs: list[str]
    question: str
    expected: float | None
    expected_unit: str | None
    got: float | None
    got_unit: str | None
    answer: str
    abstained: bool
    correct: bool
    value_ok: bool
    unit_ok: bool
    citation_ok: bool | None  # a citation prints the value (None: abstained, or no value expected)
    cites_evidence: bool | None  # every evidence string is in a citation (None: no number or no evidence)
    hallucinated: bool = False  # gave a number where the document is silent
    warned: bool | None = None  # conflict questions: a warning was shown
    says_empty: bool | None = None  # empty questions: the text says the table is empty
    retrieval_rank: int | None = None  # 1-based rank of the first relevant chunk, None if not found
    retrieval_scored: bool = False
    latency_ms: float = 0.0
    error: str | None = None  # the engine raised instead of answering
    reasons: list[str] = field(default_factory=list)
    intent: str | None = None  # what the engine took the question for
    timings_ms: dict[str, float] = field(default_factory=dict)  # the engine's own stage timings
    grounding: dict[str, Any] | None = None  # LLM mode: the written answer's grounding counts (Answer.grounding)
    comparison_ok: bool | None = None  # targets: the answer states ≥/≤ (None: no comparison expected)
    asked_year: int | None = None
    answer_year: int | None = None
    wrong_year: bool = False
    parts_ok: list[bool] | None = None  # compound questions: each expected part right
    slice: str = "main"  # main, long_form, unscoped
    form: str = "short"  # which long form (slices), or "short"
    base_id: str | None = None  # the question a variant was made from
    scope_ok: bool | None = None  # unscoped slice: answered from / naming the right department
    cited_docs: list[str] = field(default_factory=list)  # doc ids of the answer's citations

    @property
    def value_right_uncited(self) -> bool:
        """Value and unit right, but no citation holds the question's evidence."""
        return self.value_ok and self.unit_ok and self.cites_evidence is False

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "value_right_uncited": self.value_right_uncited}


def error_score(q: Question, message: str, latency_ms: float = 0.0) -> Score:
    """A question the engine failed on (raised): counted wrong, never as an abstention."""
    return Score(
        id=q.id,
        kind=q.kind,
        docs=list(q.docs),
        question=q.question,
        expected=q.value,
        expected_unit=q.unit,
        got=None,
        got_unit=None,
        answer="",
        abstained=False,
        correct=False,
        value_ok=False,
        unit_ok=False,
        citation_ok=None,
        cites_evidence=None,
        latency_ms=latency_ms,
        error=message,
        reasons=[f"error: {message}"],
    )


def as_variant(score: Score, *, slice_name: str, form: str, base_id: str) -> Score:
    """A slice's score, labelled with the slice, the form and the question it was made from."""
    return replace(score, slice=slice_name, form=form, base_id=base_id)
