"""What one part of a compound question takes from the whole question and from the parts answered before it: the
document's year, rounding, table, stage, where to read (`inherit_frame`), the unit of the part before
(`in_unit_before`), and the item the part before asked as the document names it (`item_read`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from assistant.analyze import Query
from assistant.answer_types import Answer
from assistant.compose import load_templates
from assistant.cues import cue
from index.model import MONEY_UNITS
from index.text import normalize


def inherit_frame(clause: Query, whole: Query) -> Query:
    """A clause keeps what the whole question said once for all: the document's year, rounding, a table, the date
    a stock is asked at, where to read (`_narrative`), and the money unit when it names none and the whole says it
    for all (哪项更多？多出多少万元: both in 万元; `…招待费多少？都按万元说`).

    Not the year asked: a clause names its own (`…支出是多少？2021年决算支出又是多少？`), and an elliptical
    one takes the year of the clause before it (see `analyze`'s follow-up handling)."""
    return replace(
        clause,
        doc_years=whole.doc_years,
        round=clause.round or whole.round,
        table_hint=clause.table_hint or whole.table_hint,
        as_of=clause.as_of or whole.as_of,
        narrative=_narrative(clause, whole),
        unit=clause.unit or (whole.unit if whole.unit in MONEY_UNITS and _unit_for_all(clause, whole) else None),
    )


def _narrative(clause: Query, whole: Query) -> bool | None:
    """Where a clause reads its figure: as it says, else as the whole says; a question also asking the 预算执行数 (which
    only the narrative prints, beside the year's figure) reads the narrative where it names no table, no code and not
    元 (the tables print codes and exact 元; the narrative, rounded 万元)."""
    if clause.narrative is not None or whole.narrative is not None:
        return whole.narrative if clause.narrative is None else clause.narrative
    tables = clause.table_hint or whole.table_hint or clause.codes or whole.codes or "元" in (clause.unit, whole.unit)
    return True if "执行数" in whole.norm and not tables else None  # a code or 元 asked: the tables' exact figure


def item_read(named: str, part: Answer) -> str:
    """The item a clause asked, as the document names it when its words were read as one of its items (问题中的“基层
    工作上”按文件中的“基层司法业务”理解), or the item it named after words describing it: what a later clause leaning
    on it (比2025年执行数增长了百分之几) asks about."""
    read = _read_as().search(part.answer)
    if read:
        return read.group("name")
    # …材料里说大厅那块要…，这个大厅运营事务: the item named after what the asker read of it
    subject = "" if part.abstained else normalize(part.subject or "")
    said = named[: len(named) - len(subject)] if subject and named.endswith(subject) else ""
    return subject if len(said) >= 4 and _SAID_BEFORE.search(said) else named


_SAID_BEFORE = re.compile("说|写|讲|提到|称")  # …材料里说大厅那块要…，这个X: what the asker read of X, then X


@cache
def _read_as() -> re.Pattern[str]:
    said = re.escape(load_templates().by_intent["read_as"])
    return re.compile(said.replace(r"\{words\}", ".+?").replace(r"\{name\}", "(?P<name>[^”]+)"))


def in_unit_before(clause: Query, before: Sequence[Answer]) -> Query:
    """A part asking an amount of money in no unit (招待客人的钱多少？, 接待费多少) after one answered in a money unit: in
    that unit, so one question's figures read alike (出国0万元、公车9.98万元、招待0.83万元)."""
    unit = before[-1].unit if before and not before[-1].abstained else None
    money = clause.money or _MONEY_ITEM.search(clause.norm.split("|")[0]) is not None  # 接待费多少: a sum of money
    return replace(clause, unit=unit) if clause.unit is None and money and unit in MONEY_UNITS else clause


# an item of money asked by how much (接待费多少, 项目支出是多少): an amount, whatever unit it is printed in
_MONEY_ITEM = re.compile("(?:费|支出|收入|资金|拨款)(?:是|为|有|一共|共|安排了?|花了?|预算)?多少(?![辆人个家项次台])")


def _unit_for_all(clause: Query, whole: Query) -> bool:
    # 请逐栏告诉我：因公出国(境)费多少万元？购置费多少？: parts asked column by column, in the unit said first
    return clause.intent == "compare" or bool(
        cue("unit_for_all").search(whole.text) or cue("by_column").search(whole.text)
    )
