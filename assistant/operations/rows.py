"""How many rows a 科目 or a table lists: `“204 06 司法”这一款下面一共列了几个项级科目` (the rows one level under the
coded row, `under.items_under`), `表14部门预算绩效管理项目情况表里一共列了几个项目` (the table's rows, its totals left
out). A table listing rows of several levels (类, 款, 项) is counted at the level the question names (项级科目), else
not at all: which rows are meant is not said."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.analyze import Query
from assistant.answer_types import Answer
from assistant.compose import cite_marks, load_templates
from assistant.names import display_name, vocabulary
from assistant.operations.base import Context, abstain, cite
from assistant.operations.tables import pointed_table
from assistant.operations.under import parent_with_items
from index.model import Fact
from index.text import normalize

_LEVEL_ASKED = re.compile("([类款项])级")
_DIGITS = {"类": 3, "款": 5, "项": 7}
_TOTAL = re.compile("合计|总计|小计")
MAX_CITED = 20  # rows cited at most (every row is named in the answer)


def rows(query: Query, ctx: Context) -> Answer:
    """The number of rows listed under the coded row the question names, or in the table it points into."""
    parent, items = parent_with_items(query, ctx)
    if parent is not None:
        return _counted(query, ctx, items, display_name(parent, ctx.departments))
    table = pointed_table(query, ctx.facts)
    listed = rows_of(table, query, ctx.facts) if table else []
    return _counted(query, ctx, listed, table or "") if listed else abstain(query)


def rows_of(table: str, query: Query, facts: Sequence[Fact]) -> list[Fact]:
    """The rows of `table` (one fact each, in the order printed), its totals left out; [] when they are of several
    levels and the question names none."""
    level = _LEVEL_ASKED.search(query.norm.split("|")[0])
    found: dict[str, Fact] = {}
    for f in facts:
        label = normalize(f.subject)
        if f.source.table != table or not label or _TOTAL.search(label) or label in vocabulary().total_labels:
            continue
        found.setdefault(f.code or label, f)
    listed = list(found.values())  # in the order the document's facts are read: as printed
    if level:
        return [f for f in listed if f.code and len(f.code) == _DIGITS[level.group(1)]]
    return listed if len({len(f.code or "") for f in listed}) == 1 else []


def _counted(query: Query, ctx: Context, listed: Sequence[Fact], where: str) -> Answer:
    unit = query.unit if query.unit and query.unit in "个项行款类" else "个"
    cites = cite(listed[:MAX_CITED], ctx)
    if not listed or not cites:
        return abstain(query)
    text = load_templates().render(
        "rows",
        where=where,
        value=str(len(listed)),
        unit=unit,
        names="、".join(display_name(f, ctx.departments) for f in listed),
        cite=cite_marks(1, len(cites)),
    )
    return Answer(question=query.text, answer=text, value=float(len(listed)), unit=unit, citations=cites, intent="rows")
