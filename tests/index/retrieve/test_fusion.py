from __future__ import annotations

import pytest

from index.retrieve.fusion import fuse


def test_agreement_between_rankers_beats_one_first_place() -> None:
    rankings = [(1.0, [("a", 0.9), ("b", 0.5)]), (0.5, [("b", 3.0), ("c", 1.0)])]
    fused = fuse(rankings, rrf_k=5, k=3)
    assert [cid for cid, _ in fused] == ["b", "a", "c"]
    assert fused[0][1] == pytest.approx(1 / 7 + 0.5 / 6)
    assert fused[2][1] == pytest.approx(0.5 / 7)


def test_ties_are_broken_by_id_and_k_cuts() -> None:
    assert fuse([(1.0, [("z", 1.0)]), (1.0, [("y", 1.0)])], rrf_k=5, k=1) == [("y", pytest.approx(1 / 6))]
    assert fuse([], rrf_k=5, k=3) == []
