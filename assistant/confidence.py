"""When the best-scored fact is good enough to answer from: the thresholds of `Tunables`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from index.settings import Tunables

if TYPE_CHECKING:
    from assistant.match import Scored


def confident(best: Scored | None, tun: Tunables, ranked: Sequence[Scored] = (), terms: Sequence[str] = ()) -> bool:
    """Does the best match clear the thresholds? With `ranked`: a name an everyday word stands for (`terms`), the
    only item named, needs less covered (请外部机构出主意、做咨询的钱: the rest says what 咨询费 is for)."""
    if best is None:
        return False
    if best.unit_match:  # a count asked in exactly the fact's unit (几辆, 几份) is evidence in itself
        min_recall, min_coverage = tun.min_recall_same_unit, tun.min_coverage_same_unit
    elif (
        ranked
        and best.recall >= 1
        and best.name in terms
        and not any(s.name != best.name and s.recall >= tun.min_recall for s in ranked)
    ):
        min_recall, min_coverage = tun.min_recall, min(tun.min_coverage, tun.min_coverage_named)
    else:
        min_recall, min_coverage = tun.min_recall, tun.min_coverage
    return (
        best.measure_ok and best.score >= tun.min_score and best.recall >= min_recall and best.coverage >= min_coverage
    )
