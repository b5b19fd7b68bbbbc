"""A figure's budget stage (answering.toml [stages]: 年初预算, 调整预算, 全年预算, 决算数): its measure's, else its
table's, else its document's (a 部门决算 prints 决算表, a 部门预算 预算 tables only)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from assistant.data import load_data
from assistant.names import table_title, vocabulary
from index.model import Fact
from index.text import normalize


def stage_of(measure: str) -> int | None:
    """Which budget stage (index into the [stages] table) a measure belongs to, if any."""
    m = normalize(measure)
    return next((i for i, group in enumerate(vocabulary().stages) if m in group), None)


def fact_stage(fact: Fact, document: int | None = None) -> int | None:
    """The budget stage of a figure: its measure's, else its table's (a 决算表's 合计 column is an outturn), else
    for a sum of money in a table its `document`'s (see `document_stages`). Sentences and counts (编制, 车辆) have
    no stage of their own."""
    stage = stage_of(fact.measure)
    if stage is not None or not fact.source.table:
        return stage
    stage = _title_stage(table_title(fact.source.table))
    return document if stage is None and fact.is_money else stage


@cache
def stage_index(name: str) -> int | None:
    """The index into answering.toml [stages] of the stage called `name` (budget, adjusted, full_year, outturn)."""
    names = list(load_data("answering.toml")["stages"])
    return names.index(name) if name in names else None


def _title_stage(title: str) -> int | None:
    for word, name in (("决算", "outturn"), ("预算", "budget")):
        if word in title and (index := stage_index(name)) is not None:
            return index
    return None


def document_stages(facts: Iterable[Fact]) -> dict[str, int | None]:
    """doc_id -> its stage: a 部门决算 prints 决算表 (outturn), a 部门预算 预算 tables only (budget). A sum in a
    table whose title names no stage (收支总表) is of its document's stage."""
    titles: dict[str, set[str]] = {}
    for fact in facts:
        if fact.source.table:
            titles.setdefault(fact.source.doc_id, set()).add(table_title(fact.source.table))
    outturn = _title_stage("决算")
    found: dict[str, int | None] = {}
    for doc, names in titles.items():
        stages = {_title_stage(t) for t in names} - {None}
        found[doc] = outturn if outturn in stages else (stages.pop() if len(stages) == 1 else None)
    return found
