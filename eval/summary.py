"""Aggregate per-question scores into the figures a report shows."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from eval.questionset import Question
from eval.ranks import first_relevant_rank, first_value_rank, mrr, percentile, recall_at
from eval.score import Score


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
    comparisons = [s for s in scores if s.comparison_ok is not None]
    compound = [s for s in scores if s.parts_ok is not None]
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
        "cites_evidence_n": len(ev),
        "value_right_uncited": sum(s.value_right_uncited for s in scores),
        # … of which a citation prints the value elsewhere (another table, the narrative): the engine cited
        # the same figure from another place than the question's evidence
        "value_right_cited_elsewhere": sum(s.value_right_uncited and bool(s.citation_ok) for s in scores),
        "wrong_year": sum(s.wrong_year for s in scores),
        "comparison_stated": _rate(sum(bool(s.comparison_ok) for s in comparisons), len(comparisons)),
        "comparisons": len(comparisons),
        "compound_correct": sum(s.correct for s in compound),
        "compound": len(compound),
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


def _paired(variants: Sequence[Score], main: Sequence[Score]) -> list[tuple[Score, Score]]:
    base = {s.id: s for s in main}
    return [(v, base[v.base_id]) for v in variants if v.base_id in base]


def _compare(pairs: Sequence[tuple[Score, Score]], key: str | None = None) -> dict[str, Any]:
    """Accuracy of the variants beside that of the questions they were made from, and the gap."""

    def one(ps: Sequence[tuple[Score, Score]]) -> dict[str, Any]:
        n = len(ps)
        var, short = _rate(sum(v.correct for v, _ in ps), n), _rate(sum(b.correct for _, b in ps), n)
        return {
            "n": n,
            "correct": sum(v.correct for v, _ in ps),
            "accuracy": var,
            "short_accuracy": short,
            "gap": None if var is None or short is None else var - short,
            "lost": sum(b.correct and not v.correct for v, b in ps),  # right short, wrong in this form
            "gained": sum(v.correct and not b.correct for v, b in ps),
            "wrong_year": sum(v.wrong_year for v, _ in ps),
            "hallucinated": sum(v.hallucinated for v, _ in ps),
        }

    if key is None:
        return one(pairs)
    groups: dict[str, list[tuple[Score, Score]]] = {}
    for v, b in pairs:
        groups.setdefault(str(getattr(v, key)), []).append((v, b))
    return {name: one(g) for name, g in sorted(groups.items())}


def grounding_totals(scores: Sequence[Score]) -> dict[str, int]:
    """LLM mode: answers written / fallen back by status, and sentences kept or dropped (and why) over the run."""
    totals: dict[str, int] = {}
    for score in scores:
        g = score.grounding
        if not g:
            continue
        totals[f"answers_{g.get('status', 'unknown')}"] = totals.get(f"answers_{g.get('status', 'unknown')}", 0) + 1
        for key, value in g.items():
            if isinstance(value, int) and not isinstance(value, bool):
                totals[key] = totals.get(key, 0) + value
    return totals


def long_form_summary(variants: Sequence[Score], main: Sequence[Score]) -> dict[str, Any]:
    """The long-form slice: accuracy, the gap to the short forms (same questions), by form and by kind."""
    pairs = _paired(variants, main)
    return {
        **_compare(pairs),
        "questions": len({b.id for _, b in pairs}),
        "by_form": _compare(pairs, "form"),
        "by_kind": _compare(pairs, "kind"),
    }


def unscoped_summary(scores: Sequence[Score], main: Sequence[Score]) -> dict[str, Any]:
    """The unscoped slice: accuracy beside the scoped accuracy of the same questions, named / not named."""
    pairs = _paired(scores, main)
    return {
        **_compare(pairs),
        "scope_ok": _rate(sum(bool(s.scope_ok) for s in scores), len(scores)),
        "by_form": _compare(pairs, "form"),
        "by_kind": _compare(pairs, "kind"),
    }


@dataclass(slots=True)
class EvalReport:
    """Everything one `budgetqa eval` run measured."""

    meta: dict[str, Any]
    summary: dict[str, Any]
    retrieval: dict[str, dict[str, Any]]  # system name -> RetrievalRun.summary()
    scores: list[Score]
    files: dict[str, str] = field(default_factory=dict)  # report files written: kind -> path
    slices: dict[str, Any] = field(default_factory=dict)  # slice name -> its summary (long_form, unscoped)
    slice_scores: list[Score] = field(default_factory=list)  # every variant's score (Score.slice says which)
    lodo: dict[str, Any] | None = None  # eval.lodo.lodo_summary, with recall and the candidates tried

    @property
    def wrong(self) -> list[Score]:
        return [s for s in self.scores if not s.correct]

    def to_dict(self) -> dict[str, Any]:
        return {
            "meta": self.meta,
            "summary": self.summary,
            "retrieval": self.retrieval,
            "slices": self.slices,
            "lodo": self.lodo,
            "scores": [s.to_dict() for s in self.scores],
            "slice_scores": [s.to_dict() for s in self.slice_scores],
            "files": self.files,
        }


def from_json(path: Path) -> EvalReport:
    """An `EvalReport` read back from its latest.json (to render it again without asking anything)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    names = {f.name for f in fields(Score)}

    def score(d: dict[str, Any]) -> Score:
        return Score(**{k: v for k, v in d.items() if k in names})

    return EvalReport(
        meta=data["meta"],
        summary=data["summary"],
        retrieval=data["retrieval"],
        scores=[score(d) for d in data["scores"]],
        slices=data.get("slices") or {},
        slice_scores=[score(d) for d in data.get("slice_scores") or []],
        lodo=data.get("lodo"),
    )
