"""Tables in text already extracted from a PDF: tab-separated rows under `表 N` titles.

`split_text_tables(lines)` takes the lines of such a file (the Dapeng sample)
and returns the narrative lines, untouched and in order, plus one `Table` per
logical table: parts repeated with their header on each page are merged, and a
tab-separated block inside the narrative (项目名称 / 预算数 / 绩效目标) becomes a
table titled from the heading above it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.model import Line, Table
from index.read.columns import finish_table
from index.read.tables import (
    clean_cell,
    fill_text_header_spans,
    flatten_header,
    is_note_line,
    join_wrapped_rows,
    kind_from_header,
    lift_level_tokens,
    pad,
    parse_title,
    parse_unit,
    split_header,
    strip_repeated_header,
    table_kind,
)
from index.text import MONEY_UNIT

_TABLE_NO = re.compile(r"^表\s*(\d+)$")
_NAME_LINE = re.compile(r"^(部门|单位|预算单位|部门（单位）)名称\s*[:：]")
_YEAR_LINE = re.compile(r"^\d{4}\s*年度?$")
_SEPARATOR = re.compile(r"^[-\s]*$")
_HEADING = re.compile(r"^第[一二三四五六七八九十]+部分\s*(.+)$")
_UNIT_IN_HEADER = re.compile(rf"[（(]({MONEY_UNIT})[）)]")


@dataclass
class _Part:
    """One printed part of a table: its meta lines and tab rows."""

    title: str
    number: str | None
    kind: str
    unit: str | None
    rows: list[list[str]]
    note: str | None = None
    consumed: set[int] = field(default_factory=set)


def _is_tab(text: str) -> bool:
    return "\t" in text


def _body(lines: list[Line], i: int, consumed: set[int]) -> tuple[list[list[str]], int]:
    """Read tab rows from line i (blank lines inside allowed); return rows and the next index."""
    rows: list[list[str]] = []
    last = i
    j = i
    while j < len(lines):
        text = lines[j].text
        if _is_tab(text):
            if not _SEPARATOR.match(text):
                rows.append([clean_cell(c) for c in text.rstrip("\n").split("\t")])
            last = j
        elif text.strip():
            break
        j += 1
    consumed.update(range(i, last + 1))
    return rows, last + 1


def _note(lines: list[Line], i: int, consumed: set[int]) -> str | None:
    j = i
    while j < len(lines) and not lines[j].text.strip():
        j += 1
    if j < len(lines) and is_note_line(lines[j].text):
        consumed.add(j)
        return lines[j].text.strip()
    return None


def _titled_part(lines: list[Line], i: int) -> tuple[_Part, int] | None:
    """A `表 N` line at i followed by title, name/unit/year lines and tab rows."""
    m = _TABLE_NO.match(lines[i].text.strip())
    if not m:
        return None
    consumed = {i}
    j = i + 1
    while j < len(lines) and not lines[j].text.strip():
        j += 1
    title = parse_title(lines[j].text) if j < len(lines) else None
    if title is None:
        return None
    consumed.add(j)
    unit = None
    j += 1
    while j < len(lines) and not _is_tab(lines[j].text):
        text = lines[j].text.strip()
        if text and not (_NAME_LINE.match(text) or _YEAR_LINE.match(text) or parse_unit(text)):
            return None
        unit = unit or (parse_unit(text) if text else None)
        consumed.add(j)
        j += 1
    rows, end = _body(lines, j, consumed)
    note = _note(lines, end, consumed)
    part = _Part(title.title, f"表{m.group(1)}", title.kind, unit, rows, note, consumed)
    return part, end


def _context_title(lines: list[Line], i: int) -> str:
    """Title for an untitled block: the nearest 第X部分 heading above, else the line above."""
    previous = ""
    for k in range(i - 1, -1, -1):
        text = lines[k].text.strip()
        if not text:
            continue
        m = _HEADING.match(text)
        if m:
            return m.group(1).strip()
        previous = previous or text.rstrip("：:")
    return previous


def _untitled_part(lines: list[Line], i: int) -> tuple[_Part, int] | None:
    """A run of at least two tab rows inside the narrative."""
    if not _is_tab(lines[i].text):
        return None
    consumed: set[int] = set()
    rows, end = _body(lines, i, consumed)
    if len(rows) < 2:
        return None
    note = _note(lines, end, consumed)
    title = _context_title(lines, i)
    kind = table_kind(title)
    if kind == "other":
        kind = kind_from_header(rows[0])
    return _Part(title, None, kind, None, rows, note, consumed), end


def _start_table(part: _Part) -> tuple[Table, list[list[str]]]:
    width = max(len(r) for r in part.rows) if part.rows else 0
    rows = pad(part.rows, width)
    n = split_header(rows)
    header_rows, data = rows[:n], rows[n:]
    lift_level_tokens(header_rows, data)
    header = flatten_header(fill_text_header_spans(header_rows), width)
    unit = part.unit
    if unit is None:
        m = _UNIT_IN_HEADER.search(" ".join(header))
        unit = m.group(1) if m else None
    data = [r for r in join_wrapped_rows(data) if any(r)]
    table = Table(
        title=part.title,
        kind=part.kind,
        unit=unit,
        header=header,
        rows=data,
        row_pages=[None] * len(data),
        number=part.number,
        note=part.note,
    )
    return table, rows[:n]


def _continue_table(table: Table, header_rows: list[list[str]], part: _Part) -> None:
    width = len(table.header)
    rows = strip_repeated_header(pad(part.rows, width), header_rows)
    rows = [r for r in join_wrapped_rows(rows) if any(r)]
    table.rows.extend(rows)
    table.row_pages.extend([None] * len(rows))
    if part.note:
        table.note = part.note if not table.note else f"{table.note}\n{part.note}"
    table.unit = table.unit or part.unit


def split_text_tables(lines: list[Line]) -> tuple[list[Line], list[Table]]:
    """Split text lines into narrative lines (untouched, in order) and merged tables."""
    narrative: list[Line] = []
    tables: list[Table] = []
    headers: list[list[list[str]]] = []
    i = 0
    while i < len(lines):
        found = _titled_part(lines, i) or _untitled_part(lines, i)
        if found is None:
            narrative.append(lines[i])
            i += 1
            continue
        part, end = found
        last = tables[-1] if tables else None
        if last is not None and part.number and (last.number, last.title) == (part.number, part.title):
            _continue_table(last, headers[-1], part)
        else:
            table, header_rows = _start_table(part)
            tables.append(table)
            headers.append(header_rows)
        for k in range(i, max(end, max(part.consumed, default=i) + 1)):
            if k not in part.consumed:
                narrative.append(lines[k])
        i = max(end, max(part.consumed, default=i) + 1)
    for table in tables:
        finish_table(table)
    return narrative, tables
