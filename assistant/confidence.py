"""When the best-scored fact is good enough to answer from: the thresholds of `Tunables`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from assistant.names import vocabulary
from index.settings import Tunables

if TYPE_CHECKING:
    from assistant.match import Scored


def confident(
    best: Scored | None,
    tun: Tunables,
    ranked: Sequence[Scored] = (),
    terms: Sequence[str] = (),
    content: str = "",
) -> bool:
    """Does the best match clear the thresholds? With `ranked`: a name an everyday word stands for (`terms`), or a
    name said whole as the head of the item asked (`content`, 给老人烧热水用的电费), the only item named, needs less
    covered (请外部机构出主意、做咨询的钱: the rest says what 咨询费 is for)."""
    if best is None:
        return False
    said_last = best.name and said_at_head(content, best.name)
    # named by the words (or by a name a word stands for ending it: 运行费 of 公务用车运行费), no other item named
    # (a name inside its own, 公务用车 of 公务用车运行费, is none)
    named = said_last or any(best.name == t or (len(t) >= 3 and best.name.endswith(t)) for t in terms)
    alone = not any(s.name not in best.name and s.recall >= tun.min_recall for s in ranked)
    if best.unit_match:  # a count asked in exactly the fact's unit (几辆, 几份) is evidence in itself
        min_recall, min_coverage = tun.min_recall_same_unit, tun.min_coverage_same_unit
    elif ranked and named and alone and (best.recall >= 1 or (said_last and best.recall >= tun.min_recall)):
        min_recall, min_coverage = tun.min_recall, min(tun.min_coverage, tun.min_coverage_named)
    else:
        min_recall, min_coverage = tun.min_recall, tun.min_coverage
    return (
        best.measure_ok and best.score >= tun.min_score and best.recall >= min_recall and best.coverage >= min_coverage
    )


def said_at_head(content: str, name: str) -> bool:
    """Is `name` said whole at the end of the item asked (Chinese puts the head last: 给老人烧热水用的电费), with
    only where it is read after it (预算里, 预算数)? Not a column's name (每张床的财政拨款: the words before it are what
    the column would be of)."""
    if len(name) < 2 or any(name in m for m in vocabulary().measure_words):  # 每张床的财政拨款: a column of the words
        return False
    return _READ_IN.sub("", content.replace("的", "")).endswith(name.replace("的", ""))


_READ_IN = re.compile("(?:年初|全年|调整)?(?:预算|决算)(?:数|里|中|里面|安排)?$")
