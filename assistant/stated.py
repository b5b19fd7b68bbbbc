"""Shares a document states in its sentences (`其中：基本支出2336.91万元，占79.49%`): the amount each share
is of, found as a reader finds it. Used by `budgetqa check` (is the share right?) and by the share answer
(the document's own figure, cited where it is printed)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from index.model import Fact
from index.text import squash

AMOUNTS = ("预算数", "决算数")
SHARE = "占比"


@dataclass(frozen=True)
class StatedShare:
    """A printed share with the amounts of its sentence: `part` (the item's own amount) and `whole`."""

    share: Fact
    part: Fact
    whole: Fact


def bare_name(text: str) -> str:
    """An item's name without its bracketed level or note (`住房保障支出（类）` -> `住房保障支出`), squashed."""
    return squash(re.sub(r"[（(][^（()）]{0,6}[）)]", "", text))


def by_section(facts: Sequence[Fact]) -> dict[str, list[Fact]]:
    """Narrative facts by section (heading path), in reading order."""
    out: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.origin == "text" and not f.source.table:
            out[f.source.locator].append(f)
    return out


def stated_whole(share: Fact, facts: list[Fact], markers: Sequence[str], named: str | None) -> Fact | None:
    """The total a share is of: the amount named in the sentence (`占本年支出合计的…`), else the one stated
    before 其中/主要用于 (`本年支出合计2940.05万元，其中：…`)."""
    if named:
        key = squash(named)
        keys = {key, re.sub(r"合计$", "", key)}
        return next((f for f in facts if f.measure in AMOUNTS and squash(f.subject) in keys), None)
    i = facts.index(share)
    for f in reversed(facts[:i]):
        if f.measure not in AMOUNTS or f.subject == share.subject:
            continue
        q = squash(f.source.quote)
        at = q.find(squash(f.text))
        if at >= 0 and any(0 <= at < q.find(m) for m in markers if m in q):
            return f
    return None


def stated_shares(facts: Sequence[Fact], markers: Sequence[str], named: str) -> list[StatedShare]:
    """Every printed share whose item amount and total the sentences state (`named`: the pattern of a
    total written into the share, `占(…)的`)."""
    out: list[StatedShare] = []
    for section in by_section(facts).values():
        for s in (f for f in section if f.measure == SHARE):
            i = section.index(s)
            part = next((f for f in reversed(section[:i]) if f.subject == s.subject and f.measure in AMOUNTS), None)
            m = re.search(named, squash(s.source.quote))
            whole = stated_whole(s, section, markers, m.group(1) if m else None)
            if part is not None and whole is not None:
                out.append(StatedShare(s, part, whole))
    return out
