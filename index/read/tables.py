"""Format-independent table helpers: titles and kinds, units, cells, headers, 科目编码.

Readers (index/read/pdf.py, index/read/text_tables.py) use these to build clean
`Table`s; the facts stage uses the column helpers to read them back:

- `label_columns(table)` / `value_columns(table)`: which columns hold row labels
  (codes, names, years) and which hold figures.
- `row_code(table, row)`: the row's 科目编码 normalised to digits, with its level
  类 (3 digits) / 款 (5) / 项 (7); works for one code cell, three 类/款/项 cells
  (blank parents inherited from the rows above) and codes glued to the name.
- `row_label(table, row, col)`: what a person would call the row when reading
  the figure in column `col` (`"2010302 一般行政管理事务"`); on two-sided tables
  (收入 | 支出 on one row) it takes the label on the figure's own side.

Title variants, kinds and markers live in index/data/table_kinds.toml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from index.lexicon import load_data
from index.model import Table

_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’"
_NUMBER = re.compile(r"^[-+\u2212]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$")
_UNIT = re.compile(r"(?:金额)?单位\s*[:：]\s*(亿元|万元|元)")
_TAG = re.compile(r"</?\s*p\s*>", re.IGNORECASE)
_CODE_CELL = re.compile(r"^\d{2,7}$")
_GLUED_CODE = re.compile(r"^(\d{3}(?:\s?\d{2}){0,2})\s*(?=[^\d\s.,])")
_LEVELS = {3: "类", 5: "款", 7: "项"}


@cache
def _config() -> dict[str, Any]:
    return load_data("index.data", "table_kinds.toml")


@cache
def _kind_patterns() -> list[tuple[str, list[re.Pattern[str]], list[re.Pattern[str]]]]:
    return [
        (
            k["key"],
            [re.compile(p) for p in k.get("patterns", [])],
            [re.compile(p) for p in k.get("header_patterns", [])],
        )
        for k in _config()["kinds"]
    ]


@dataclass(frozen=True, slots=True)
class TitleMatch:
    """A recognised table title line."""

    title: str  # as printed, number cut off ("2026年部门一般公共预算支出功能分类预算表")
    number: str | None  # "表7", "5", "五", None
    kind: str


def clean_cell(text: str | None) -> str:
    """Clean one cell: drop `<p>` tags, join wrapped lines and spaced-out CJK, keep numbers as printed."""
    if not text:
        return ""
    t = _TAG.sub("", text).replace("\r", "")
    t = re.sub(rf"(?<=[{_CJK}])[ \t]*\n[ \t]*(?=[{_CJK}\w])", "", t)
    t = re.sub(r"\s*\n\s*", " ", t)
    t = re.sub(rf"(?<=[{_CJK}])[ \t\u3000]+(?=[{_CJK}\d])", "", t)
    t = re.sub(rf"(?<=\d)[ \t]+(?=[{_CJK}])", "", t)
    return re.sub(r"[ \t]+", " ", t).strip()


def is_number(text: str) -> bool:
    """True for a printed figure: `2,087,959.00`, `0`, `-3.5`, `11%`."""
    return bool(_NUMBER.match(text.strip()))


def parse_number(text: str) -> float | None:
    """The value of a printed figure (`%` dropped), or None."""
    t = text.strip()
    if not is_number(t):
        return None
    return float(t.replace(",", "").replace("\u2212", "-").rstrip("%"))


def parse_unit(line: str) -> str | None:
    """The money unit of a `单位：元` / `单位:万元` / `金额单位：万元` line (also inside a longer line)."""
    m = _UNIT.search(line.replace(" ", "").replace("\u3000", ""))
    return m.group(1) if m else None


def _normalise_title(title: str) -> str:
    cfg = _config()["title"]
    t = re.sub(r"[\s\u3000“”\"'‘’]", "", title).replace("（", "(").replace("）", ")")
    changed = True
    while changed:
        changed = False
        new = re.sub(cfg["year_prefix"], "", t)
        for p in cfg["scope_prefixes"]:
            p = p.replace("（", "(").replace("）", ")")
            if new.startswith(p):
                new = new[len(p) :]
        if new != t:
            t, changed = new, True
    return t


def table_kind(title: str) -> str:
    """Canonical kind of a title (number already cut or not), "other" when unknown."""
    t = _normalise_title(split_number(title)[1])
    for key, patterns, _ in _kind_patterns():
        if any(p.search(t) for p in patterns):
            return key
    return "other"


def kind_from_header(header: list[str]) -> str:
    """Kind of an untitled table judged from its column names, "other" when unknown."""
    joined = " ".join(header)
    for key, _, header_patterns in _kind_patterns():
        if any(p.search(joined) for p in header_patterns):
            return key
    return "other"


def split_number(line: str) -> tuple[str | None, str]:
    """Cut a printed number off a title: `表7 X` -> ("表7", "X"), `5．X` -> ("5", "X")."""
    s = line.strip()
    for i, pattern in enumerate(_config()["title"]["number_patterns"]):
        m = re.match(pattern, s)
        if m and m.end() < len(s):
            rest = s[m.end() :].strip()
            if i == 1 and len(m.group(1)) > 2:  # "2022.1.1-…" is a date, not a number
                continue
            return (f"表{m.group(1)}" if s.startswith("表") else m.group(1)), rest
    return None, s


def parse_title(line: str) -> TitleMatch | None:
    """Recognise a table title line; None when the line is not one."""
    cfg = _config()["title"]
    number, rest = split_number(clean_cell(line))
    rest = rest.strip()
    if not rest or len(rest) > cfg["max_length"] or re.search(r"[，。；：:…]", rest):
        return None
    if not re.search(cfg["title_end"], rest):
        return None
    return TitleMatch(title=rest, number=number, kind=table_kind(rest))


def note_marks_empty(note: str | None) -> bool:
    """True when a 注 line says the table is empty on purpose."""
    return bool(note) and any(p in str(note) for p in _config()["notes"]["empty_patterns"])


def is_note_line(line: str) -> bool:
    """True for a `注：…` / `备注：…` line printed under a table."""
    s = line.strip()
    return any(s.startswith(p) for p in _config()["notes"]["note_prefixes"])


def _is_data_row(row: list[str]) -> bool:
    filled = [c for c in row if c]
    if not filled:
        return False
    if filled[0] in _config()["rows"]["data_labels"] and row.index(filled[0]) <= 1:
        return all(is_number(c) for c in filled[1:])
    return any(is_number(c) for c in filled) or any(len(c) > 30 for c in filled)


def split_header(rows: list[list[str]], max_rows: int = 4) -> int:
    """How many leading rows are header rows: those before the first row holding a figure.

    Blank rows inside the header do not count towards `max_rows`; without any
    data row (an empty table) the header is the first row.
    """
    seen = 0
    for i, row in enumerate(rows):
        if _is_data_row(row):
            return i
        if any(row):
            seen += 1
            if seen > max_rows:
                break
    return min(1, len(rows))


def lift_level_tokens(header_rows: list[list[str]], data_rows: list[list[str]]) -> None:
    """Move 类/款/项 printed in the first data row (merged with 合计) into the header, in place."""
    if not data_rows:
        return
    tokens = set(_config()["rows"]["code_level_tokens"])
    first = data_rows[0]
    hits = [i for i, c in enumerate(first) if c in tokens]
    if len(hits) < 2:
        return
    header_rows.append([c if i in hits else "" for i, c in enumerate(first)])
    for i in hits:
        first[i] = ""


def fill_text_header_spans(header_rows: list[list[str]]) -> list[list[str]]:
    """Spread group headers printed once over the blank cells to their right (text tables).

    A blank cell takes its left neighbour's text when both have sub-headers in a
    lower header row: `公务用车购置及运行维护费 | "" | ""` over `小计 | 购置费 | 运行费`.
    """
    rows = [list(r) for r in header_rows]
    for r in range(len(rows) - 1):
        for c in range(1, len(rows[r])):
            below = any(len(rows[k]) > c and rows[k][c] for k in range(r + 1, len(rows)))
            left_below = any(len(rows[k]) > c - 1 and rows[k][c - 1] for k in range(r + 1, len(rows)))
            if not rows[r][c] and rows[r][c - 1] and below and left_below:
                rows[r][c] = rows[r][c - 1]
    return rows


def flatten_header(header_rows: list[list[str]], width: int) -> list[str]:
    """One name per column, outer to inner parts joined with "/" (`公务用车购置及运行费/小计`)."""
    names = []
    for c in range(width):
        parts: list[str] = []
        for row in header_rows:
            v = row[c] if c < len(row) else ""
            if v and v not in parts:
                parts.append(v)
        names.append("/".join(parts))
    return names


def pad(rows: list[list[str]], width: int) -> list[list[str]]:
    """Rows cut or padded with "" to `width` cells."""
    return [(r + [""] * width)[:width] for r in rows]


def strip_repeated_header(rows: list[list[str]], header_rows: list[list[str]]) -> list[list[str]]:
    """Drop the header a continued table repeats at the top of the next page."""
    keys = {tuple(c for c in r if c) for r in header_rows}
    i = 0
    while i < len(rows) and tuple(c for c in rows[i] if c) in keys and any(rows[i]):
        i += 1
    return rows[i:]


def join_wrapped_rows(rows: list[list[str]]) -> list[list[str]]:
    """Join rows that only continue the previous row's long text cells (leading cells blank, no figures)."""
    out: list[list[str]] = []
    for row in rows:
        prev = out[-1] if out else None
        filled = [i for i, c in enumerate(row) if c]
        if (
            prev is not None
            and filled
            and not row[0]
            and not any(is_number(row[i]) for i in filled)
            and all(i < len(prev) and len(prev[i]) >= 15 for i in filled)
        ):
            for i in filled:
                prev[i] = prev[i] + row[i]
            continue
        out.append(list(row))
    return out


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


# --- column helpers for the facts stage -------------------------------------------------


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
    label_names = set(_config()["rows"]["label_headers"])
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
    return all(re.match(r"^(19|20)\d{2}年?$", x) for x in cells)


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
