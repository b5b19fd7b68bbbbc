"""What the answer engine returns: `Answer` and its `Citation`s (the `ask --json` contract, docs/CONTRACT.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Citation:
    """A place a person can check: the document, the locator, the page and the quoted line."""

    doc: str  # doc_id
    title: str  # document title
    locator: str  # "表7 … · 2010302 一般行政管理事务 · 支出总计" or a heading path
    page: int | None
    quote: str
    # Present when the citation is a table cell: the table's header and the row's cells,
    # so a UI can render the row as a small table.
    header: tuple[str, ...] = ()
    row: tuple[str, ...] = ()
    year: int | None = None  # the year of the cited figure
    bbox: tuple[float, float, float, float] | None = None  # (x0, top, x1, bottom) on `page`, where known
    table: str | None = None  # the table's label, for a table cell
    row_label: str | None = None  # the row's label as printed (code + name)
    column: str | None = None  # the column name (flattened header)
    unit: str = ""  # the cited figure's unit as printed in its document ("元", "万元", "%", …)
    mark: str = ""  # the cited value as printed in `quote` (the page highlights it); "" for passages

    def to_json(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "title": self.title,
            "locator": self.locator,
            "page": self.page,
            "quote": self.quote,
            "year": self.year,
            "bbox": [round(v, 2) for v in self.bbox] if self.bbox else None,
        }


@dataclass(slots=True)
class Answer:
    """One answer. `value`/`unit` are None for narrative answers and abstentions."""

    question: str
    answer: str
    value: float | None = None
    unit: str | None = None
    abstained: bool = False
    citations: list[Citation] = field(default_factory=list)
    formula: str | None = None
    warnings: list[str] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)
    intent: str | None = None  # question kind the engine recognised (lookup, change, rate, share, …)
    evidence: list[dict[str, Any]] = field(default_factory=list)  # retrieved chunks (id, score, locator) for eval/UI
    year: int | None = None  # the year of the figure answered (a derived prior-year figure: that year)
    parts: list[Answer] = field(default_factory=list)  # a compound question's answers, in the order asked
    comparison: str | None = None  # a target's bound as printed ("≥", "≤", ">", "<"); None: the figure itself
    subject: str | None = None  # the item the figure is of, as the answer names it (which of two is larger reads it)
    compared: list[Answer] = field(default_factory=list)  # a comparison's items, the larger (or smaller) first
    # LLM mode only: how the written answer fared in the grounding check (status, model, sentences, kept,
    # dropped_ungrounded_number, dropped_uncited_number, numbers_checked, citations_dropped, refusals)
    grounding: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        """The stable `ask --json` object: fields may be added, never renamed."""
        return {
            "question": self.question,
            "answer": self.answer,
            "value": self.value,
            "unit": self.unit,
            "abstained": self.abstained,
            "citations": [c.to_json() for c in self.citations],
            "formula": self.formula,
            "warnings": list(self.warnings),
            "timings_ms": dict(self.timings_ms),
            "intent": self.intent,
            "year": self.year,
            "doc_ids": list(dict.fromkeys(c.doc for c in self.citations)),
            "parts": [p.to_json() for p in self.parts],
            "comparison": self.comparison,
            "grounding": dict(self.grounding) if self.grounding else None,
        }
