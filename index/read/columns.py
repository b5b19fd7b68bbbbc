"""Reading a finished `Table` back: which columns hold codes, labels and figures; a row's 科目编码 and label.

- `label_columns(table)` / `value_columns(table)`: which columns hold row labels
  (codes, names, years) and which hold figures.
- `row_code(table, row)`: the row's 科目编码 normalised to digits, with its level
  类 (3 digits) / 款 (5) / 项 (7); works for one code cell, three 类/款/项 cells
  (blank parents inherited from the rows above) and codes glued to the name.
- `row_label(table, row, col)`: what a person would call the row when reading
  the figure in column `col` (`"2010302 一般行政管理事务"`); on two-sided tables
  (收入 | 支出 on one row) it takes the label on the figure's own side.
- `finish_table(table)`: whether a table is empty (its note, its figures).
"""

from __future__ import annotations

import re

from index.lexicon import load_data
from index.model import Table
from index.read.tables import is_number, note_marks_empty, parse_number
from index.text import YEAR

_CODE_CELL = re.compile(r"^\d{2,7}$")
_GLUED_CODE = re.compile(r"^(\d{3}(?:\s?\d{2}){0,2})\s*(?=[^\d\s.,])")
_LEVELS = {3: "类", 5: "款", 7: "项"}


def finish_table(table: Table) -> str | None:
    """Set `table.empty` from its note and figures; return a warning when they disagree.

    Empty means: the note says so, or no value cell holds anything but zero.
    A note saying "empty" over a table that prints figures keeps the figures.
    """
    cols = value_columns(table)
    cells = [r[c] for r in table.rows for c in cols if c < len(r) and r[c]]
    has_figures = any(parse_number(x) != 0 for x in cells)
    says_empty = note_marks_empty(table.note)
    table.empty = (says_empty or bool(cols)) and not has_figures
    if says_empty and has_figures:
        return f"{table.label}: 注 says the table is empty, but it prints figures; kept the figures"
    return None


def _last(name: str) -> str:
    return name.rsplit("/", 1)[-1]


def _column_cells(table: Table, c: int) -> list[str]:
    return [r[c] for r in table.rows if c < len(r) and r[c]]


def code_columns(table: Table) -> list[int]:
    """Columns holding 科目编码 (one column, or three 类/款/项 columns)."""
    cols = []
    for c, name in enumerate(table.header):
        cells = _column_cells(table, c)
        coded = [x for x in cells if _CODE_CELL.match(x)]
        by_name = _last(name) in ("类", "款", "项") or ("编码" in name and "品目" not in name)
        if (by_name and (not cells or len(coded) >= len(cells) / 2)) or (
            not name and cells and len(coded) == len(cells)
        ):
            cols.append(c)
    return cols


def value_columns(table: Table) -> list[int]:
    """Columns holding figures: mostly numbers, or blank with a figure-like column name."""
    label_names = set(load_data("index.data", "table_kinds.toml")["rows"]["label_headers"])
    codes = set(code_columns(table))
    cols = []
    for c, name in enumerate(table.header):
        if c in codes:
            continue
        cells = _column_cells(table, c)
        numeric = [x for x in cells if is_number(x)]
        if cells and len(numeric) >= len(cells) / 2 and not _is_year_column(cells):
            cols.append(c)
        elif not cells and _last(name) not in label_names and name:
            cols.append(c)
    return cols


def _is_year_column(cells: list[str]) -> bool:
    return all(re.match(rf"^{YEAR}年?$", x) for x in cells)


def label_columns(table: Table) -> list[int]:
    """Columns holding row labels: codes, names, years — every column that is not a value column."""
    values = set(value_columns(table))
    return [c for c in range(len(table.header)) if c not in values]


def _code_from_parts(parts: list[str]) -> str | None:
    parts = [re.sub(r"\s", "", p) for p in parts]
    if not any(parts):
        return None
    code = ""
    for p in parts:
        if not p:
            continue
        if code and p.startswith(code):
            code = p
        elif code:
            code += p.zfill(2)
        else:
            code = p
    return code if code.isdigit() else None


def normalise_code(parts: list[str]) -> tuple[str | None, str | None]:
    """科目编码 from its printed cells -> (digits, level): `["204","06","01"]` -> ("2040601", "项")."""
    code = _code_from_parts(parts)
    if code is None:
        return None, None
    return code, _LEVELS.get(len(code))


def _side_codes(table: Table, col: int | None) -> list[int]:
    codes = code_columns(table)
    if col is None or not codes:
        return codes[:3] if len(codes) <= 3 else _group(codes)[0]
    left = [c for c in codes if c < col]
    groups = _group(left)
    return groups[-1] if groups else []


def _group(cols: list[int]) -> list[list[int]]:
    groups: list[list[int]] = []
    for c in cols:
        if groups and c == groups[-1][-1] + 1:
            groups[-1].append(c)
        else:
            groups.append([c])
    return groups


def row_code(table: Table, row: list[str], col: int | None = None) -> tuple[str | None, str | None]:
    """(normalised 科目编码, level 类/款/项) of a row, or (None, None).

    `col` picks the side on a two-sided table (the code columns left of it).
    A child row printing a blank 类 inherits it from the nearest row above.
    Falls back to a code glued to the name (`2080501 名称`).
    """
    cols = _side_codes(table, col)
    if cols:
        parts = [row[c] if c < len(row) else "" for c in cols]
        if parts[0] == "" and any(parts[1:]) and len(cols) > 1:
            idx = next((i for i, r in enumerate(table.rows) if r is row), None)
            for above in reversed(table.rows[:idx] if idx is not None else []):
                if above[cols[0]]:
                    parts[0] = above[cols[0]]
                    break
        code, level = normalise_code(parts)
        if code:
            return code, level
    for c in label_columns(table):
        if col is not None and c > col:
            break
        m = _GLUED_CODE.match(row[c]) if c < len(row) else None
        if m:
            return normalise_code(m.group(1).split())
    return None, None


def row_label(table: Table, row: list[str], col: int) -> str:
    """The label a person reads for the figure in column `col`: code + name on its side of the row."""
    values = set(value_columns(table))
    codes = set(code_columns(table))
    names: list[str] = []
    for c in range(col - 1, -1, -1):
        if c in values:
            if names:
                break
            continue
        if c not in codes and c < len(row) and row[c]:
            names.append(row[c])
    name = " ".join(reversed(names))
    code, _ = row_code(table, row, col)
    if code and not name.startswith(code):
        return f"{code} {name}".strip()
    return name
