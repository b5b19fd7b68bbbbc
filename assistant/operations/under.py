"""The rows one level under a coded row the question names (类 3 → 款 5 → 项 7 digits; 经济分类 3 → 5), in the
row's table and column: what `哪一项最大` ranks and `下面各项加起来` adds."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.analyze import Query
from assistant.match import confident
from assistant.operations.base import Context
from assistant.operations.lookup import rank_all
from index.model import Fact

_NEXT_LEVEL = {3: 5, 5: 7}
_LOOKED_AT = 10  # the best-ranked facts looked through for the parent row


def parent_with_items(query: Query, ctx: Context) -> tuple[Fact | None, list[Fact]]:
    """The best-ranked coded row the question names (by code, or confidently by name) that has rows under it."""
    for scored in rank_all(query, ctx)[:_LOOKED_AT]:
        fact = scored.fact
        if fact.code and (fact.code in query.codes or confident(scored, ctx.tun)):
            items = items_under(fact, ctx.facts)
            if len(items) >= 2:
                return fact, items
    return None, []


def items_under(parent: Fact, facts: Sequence[Fact]) -> list[Fact]:
    """The rows one level below `parent` in its table and column (one per code)."""
    level = _NEXT_LEVEL.get(len(parent.code or ""))
    if level is None:
        return []
    found: dict[str, Fact] = {}
    for f in facts:
        if (
            f.code
            and len(f.code) == level
            and f.code.startswith(parent.code or "")
            and f.source.doc_id == parent.source.doc_id
            and f.source.table == parent.source.table
            and f.measure == parent.measure
            and f.year == parent.year
        ):
            found.setdefault(f.code, f)
    return list(found.values())
