"""Weighted reciprocal-rank fusion: several rankings of chunk ids -> one, best first.

Each ranking adds `weight / (rrf_k + rank + 1)` to every id it holds, so agreement
between rankers counts and raw scores on different scales (cosine, BM25) never mix.
"""

from __future__ import annotations

from collections.abc import Sequence

Ranking = list[tuple[str, float]]  # (chunk id, the ranker's own score), best first


def fuse(rankings: Sequence[tuple[float, Ranking]], rrf_k: int, k: int) -> Ranking:
    """The `k` best ids by weighted reciprocal rank over `(weight, ranking)` pairs; ties broken by id."""
    fused: dict[str, float] = {}
    for weight, ranking in rankings:
        for rank, (chunk_id, _score) in enumerate(ranking):
            fused[chunk_id] = fused.get(chunk_id, 0.0) + weight / (rrf_k + rank + 1)
    return sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
