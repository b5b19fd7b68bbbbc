"""Ranks of retrieved chunks and their summaries: where the first chunk holding a question's evidence (or value)
stands, recall@k, MRR, and the percentile the latency reports use."""

from __future__ import annotations

import math
from collections.abc import Sequence

from eval.evidence import evidence_in, text_has_value
from eval.questionset import Question


def first_relevant_rank(texts: Sequence[str], evidence: Sequence[str]) -> int | None:
    """Smallest rank r such that the top r chunks hold every evidence string (each in some chunk); None if never.

    With one evidence string this is the rank of the first chunk holding it; a
    computed question whose two figures stand in two places needs both retrieved.
    """
    if not evidence:
        return None
    worst = 0
    for e in evidence:
        rank = next((i for i, t in enumerate(texts, 1) if evidence_in(t, e)), None)
        if rank is None:
            return None
        worst = max(worst, rank)
    return worst


def first_value_rank(texts: Sequence[str], q: Question) -> int | None:
    """1-based rank of the first chunk that prints the expected value (an upper bound for a reader)."""
    if q.value is None:
        return None
    for i, t in enumerate(texts, 1):
        if text_has_value(t, q.value, q.unit):
            return i
    return None


def recall_at(ranks: Sequence[int | None], k: int) -> float:
    """Share of questions whose first relevant chunk is within the top k."""
    return sum(1 for r in ranks if r is not None and r <= k) / len(ranks) if ranks else 0.0


def mrr(ranks: Sequence[int | None], k: int | None = None) -> float:
    """Mean reciprocal rank (0 for a miss or a rank beyond k)."""
    if not ranks:
        return 0.0
    return sum(1.0 / r for r in ranks if r is not None and (k is None or r <= k)) / len(ranks)


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank-with-interpolation percentile (p in 0..100); 0 for no values."""
    if not values:
        return 0.0
    xs = sorted(values)
    pos = (len(xs) - 1) * p / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)
