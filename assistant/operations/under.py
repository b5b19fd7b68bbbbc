"""The rows one level under a coded row the question names (类 3 → 款 5 → 项 7 digits; 经济分类 3 → 5), in the
row's table and column: what `哪一项最大` ranks and `下面各项加起来` adds; and the kinds a department's units are
counted by (本部门中，行政单位1家，参公单位1家，事业单位4家): what `一共包括几家单位` adds."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.analyze import Query
from assistant.codes import marked_codes
from assistant.match import confident
from assistant.names import stage_terms, strip_endings
from assistant.operations.base import Context
from assistant.operations.lookup import rank_all
from assistant.units import asks_all_units
from index.model import Fact
from index.text import normalize

_NEXT_LEVEL = {3: 5, 5: 7}
_LOOKED_AT = 10  # the best-ranked facts looked through for the parent row


# Words pointing at the level of the items asked (哪一项, 项级科目, 下面的款): no part of the parent's name
_LEVEL_WORDS = re.compile(r"哪(一|个)?(项|款|类|个|笔)?|[类款项]级|科目|各[类款项]|一[类款项笔]$")  # 各款中最多的一款
_WHERE_SIT = re.compile(r"(下面|下边|下属|下|里面|里|中)的?(各|每)?(一)?(项|款)?$")  # …下面的: where they sit


def parent_with_items(query: Query, ctx: Context) -> tuple[Fact | None, list[Fact]]:
    """The best-ranked coded row the question names (by code, or confidently by name) that has rows under it."""
    content = tuple(
        _WHERE_SIT.sub("", _LEVEL_WORDS.sub("", strip_endings(_WHICH.sub("", c), stage_terms()))) for c in query.content
    )
    named = {*query.codes, *marked_codes(query.asked)}  # 司法（款）: the 款 named by its level
    for scored in rank_all(replace(query, content=content), ctx)[:_LOOKED_AT]:
        fact = scored.fact
        said = normalize(fact.subject) in content  # named in full (商品和服务支出, beside 其他商品和服务支出)
        if fact.code and (fact.code in named or said or confident(scored, ctx.tun)):
            items = items_under(fact, ctx.facts)
            if len(items) >= 2:
                return fact, items
    return None, []


# which of its rows is asked after the parent (商品和服务支出里哪一项最大): no part of the parent's name
_WHICH = re.compile(r"(?:里面|里|中|当中|之中|下面|下)?(?:哪一?[项款类个笔]|哪个|哪项|哪款|哪类).*$")

# the rows under a row the question names (下面各项, 下6个项级科目, 下各款): a total of them is asked, not of the row
_UNDER = re.compile(
    r"(下面|下属|下的|之下|以下|下)的?(各|所有|全部|几个|[两二三四五六七八九十\d]+个|这些|各个)(项|款|类|科目)"
)


def rows_under_named(query: Query, ctx: Context) -> list[Fact]:
    """The rows under the coded row the question names, when it asks about the rows under it (`…下各款加总`); []
    otherwise."""
    return parent_with_items(query, ctx)[1] if _UNDER.search(query.norm.split("|")[0]) else []


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


def kinds_counted(query: Query, ctx: Context) -> list[Fact]:
    """The kinds of unit one sentence counts the department's units by (行政单位1家，参公单位1家，事业单位4家), when the
    question asks how many units there are in all and names no kind of its own (本部 named with the 下属 units is all of
    them: 本部加上下属预算单位); [] otherwise."""
    if not asks_all_units(query):
        return []
    by_sentence: dict[tuple[str, str], list[Fact]] = {}
    for fact in ctx.facts:
        if fact.unit == "家" and fact.subject.endswith("单位") and fact.origin == "text":
            by_sentence.setdefault((fact.source.doc_id, fact.source.quote), []).append(fact)
    kinds = max(by_sentence.values(), key=len, default=[])
    return kinds if len({f.subject for f in kinds}) >= 2 else []


def scope_of_units(kinds: list[Fact], ctx: Context) -> list[Fact]:
    """Where the document says which units its budget covers (…包括区司法局本部以及下属1家预算单位的综合收支计划):
    cited beside the kinds counted, so the reader sees both statements of the department's units."""
    doc = kinds[0].source.doc_id
    return [
        f
        for f in ctx.facts
        if f.source.doc_id == doc and f.unit == "家" and f.origin == "text" and "预算单位" in f.subject
    ][:1]
