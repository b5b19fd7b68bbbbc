"""Format-independent table helpers: titles and kinds, units, cells, headers, 科目编码.

Readers (index/read/pdf.py, index/read/text_tables.py) use these to build clean
`Table`s; index/read/columns.py reads them back (which column holds what).

Title variants, kinds and markers live in index/data/table_kinds.toml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from index.lexicon import load_data
from index.text import MONEY_UNIT, NUMBER

_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’"
_NUMBER = re.compile(rf"^[-+\u2212]?(?:{NUMBER})%?$")
_UNIT = re.compile(rf"(?:金额)?单位\s*[:：]\s*({MONEY_UNIT})")
_TAG = re.compile(r"</?\s*p\s*>", re.IGNORECASE)


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
