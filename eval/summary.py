"""Aggregate per-question scores into the figures a report shows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from eval.questionset import Question
from eval.score import Score, first_relevant_rank, first_value_rank, mrr, percentile, recall_at


@dataclass(slots=True)
class RetrievalRun:
    """Ranked chunk texts per question for one retrieval system, reduced to ranks."""

    name: str
    k: int
    ranks: dict[str, int | None] = field(default_factory=dict)  # first chunk holding all evidence strings
    value_ranks: dict[str, int | None] = field(default_factory=dict)  # first chunk printing the expected value
    kinds: dict[str, str] = field(default_factory=dict)

    def add(self, q: Question, texts: Sequence[str]) -> None:
        """Record one question's ranked chunk texts (only questions with evidence / a value count)."""
        self.kinds[q.id] = q.kind
        if q.evidence and q.kind != "absent":
            self.ranks[q.id] = first_relevant_rank(texts, q.evidence)
        if q.value is not None and q.kind != "computed":
            self.value_ranks[q.id] = first_value_rank(texts, q)

    def summary(self) -> dict[str, Any]:
        ranks = list(self.ranks.values())
        vranks = list(self.value_ranks.values())
        by_kind: dict[str, dict[str, float | int]] = {}
        for kind in sorted({self.kinds[q] for q in self.value_ranks}):
            ks = [r for q, r in self.value_ranks.items() if self.kinds[q] == kind]
            by_kind[kind] = {"n": len(ks), "value@1": recall_at(ks, 1), f"value@{self.k}": recall_at(ks, self.k)}
        return {
            "name": self.name,
            "k": self.k,
            "n": len(ranks),
            "recall@1": recall_at(ranks, 1),
            f"recall@{self.k}": recall_at(ranks, self.k),
            "mrr": mrr(ranks, self.k),
            "n_value": len(vranks),
            "value@1": recall_at(vranks, 1),
            f"value@{self.k}": recall_at(vranks, self.k),
            "value_by_kind": by_kind,
        }


def _rate(num: int, den: int) -> float | None:
    return num / den if den else None


def _group(scores: Sequence[Score], key: str) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[Score]] = {}
    for s in scores:
        if key == "kind":
            name = s.kind
        else:
            name = s.docs[0] if len(s.docs) == 1 else "(several documents)"
        groups.setdefault(name, []).append(s)
    return {
        name: {"n": len(g), "correct": sum(s.correct for s in g), "accuracy": _rate(sum(s.correct for s in g), len(g))}
        for name, g in sorted(groups.items())
    }


def summarize(scores: Sequence[Score]) -> dict[str, Any]:
    """Overall accuracy, citations, abstention precision/recall, latency, and splits by kind and document."""
    n = len(scores)
    correct = sum(s.correct for s in scores)
    absent = [s for s in scores if s.expected is None]
    present = [s for s in scores if s.expected is not None]
    abstained = [s for s in scores if s.abstained and s.got is None]
    true_abstain = sum(1 for s in absent if s.abstained and s.got is None)
    cited = [s for s in scores if s.citation_ok is not None]
    ev = [s for s in scores if s.cites_evidence is not None]
    conflicts = [s for s in scores if s.kind == "conflict"]
    latencies = [s.latency_ms for s in scores if s.error is None]
    numeric = [s for s in present if s.kind not in ("empty",)]
    return {
        "questions": n,
        "correct": correct,
        "accuracy": _rate(correct, n),
        "numeric_accuracy": _rate(sum(s.correct for s in numeric), len(numeric)),
        "value_ok": _rate(sum(s.value_ok for s in present), len(present)),
        "unit_ok_when_value_ok": _rate(sum(s.unit_ok for s in present if s.value_ok), sum(s.value_ok for s in present)),
        "citation_accuracy": _rate(sum(bool(s.citation_ok) for s in cited), len(cited)),
        "citations_scored": len(cited),
        "cites_evidence": _rate(sum(bool(s.cites_evidence) for s in ev), len(ev)),
        "absent_questions": len(absent),
        "abstentions": len(abstained),
        "abstention_precision": _rate(true_abstain, len(abstained)),
        "abstention_recall": _rate(true_abstain, len(absent)),
        "hallucinated": sum(s.hallucinated for s in scores),
        "false_abstentions": sum(1 for s in present if s.abstained and s.got is None),
        "errors": sum(1 for s in scores if s.error),
        "conflict_warned": _rate(sum(bool(s.warned) for s in conflicts), len(conflicts)),
        "latency_ms_p50": percentile(latencies, 50),
        "latency_ms_p95": percentile(latencies, 95),
        "stage_ms_p50": {
            stage: percentile([s.timings_ms[stage] for s in scores if stage in s.timings_ms], 50)
            for stage in sorted({st for s in scores for st in s.timings_ms})
        },
        "by_kind": _group(scores, "kind"),
        "by_doc": _group(scores, "doc"),
    }


@dataclass(slots=True)
class EvalReport:
    """Everything one `budgetqa eval` run measured."""

    meta: dict[str, Any]
    summary: dict[str, Any]
    retrieval: dict[str, dict[str, Any]]  # system name -> RetrievalRun.summary()
    scores: list[Score]
    files: dict[str, str] = field(default_factory=dict)  # report files written: kind -> path

    @property
    def wrong(self) -> list[Score]:
        return [s for s in self.scores if not s.correct]

    def to_dict(self) -> dict[str, Any]:
        return {
            "meta": self.meta,
            "summary": self.summary,
            "retrieval": self.retrieval,
            "scores": [s.to_dict() for s in self.scores],
            "files": self.files,
        }
