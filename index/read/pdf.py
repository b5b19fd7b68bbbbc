"""PDF reader: ruled tables via pdfplumber, narrative lines around them.

`extract_pdf(path)` returns an `Extracted`: the narrative `Line`s (1-based
page) in reading order, without table bodies, table titles, unit lines or
running page numbers, and one `Table` per logical table — a table continued
over pages (header repeated, header missing, or only the closing total rows on
the next page) is merged. Tables pdfplumber cannot see (no ruling) are read
from the text lines under a title + unit line as a fallback.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFException
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from index.errors import ReadError
from index.model import Extracted, Line, Table
from index.read.columns import finish_table
from index.read.locate import Grid, PageChars, table_cells
from index.read.tables import (
    clean_cell,
    flatten_header,
    is_note_line,
    kind_from_header,
    lift_level_tokens,
    pad,
    parse_title,
    parse_unit,
    split_header,
    strip_repeated_header,
)

# What pdfminer raises for encrypted, truncated or non-PDF input.
_PDF_ERRORS = (
    PdfminerException,
    PDFException,
    PSException,
    ValueError,
    KeyError,
    TypeError,
    IndexError,
    AttributeError,
    struct.error,
    zlib.error,
    OSError,
    RecursionError,
)
_META_LINE = re.compile(r"^(编制部门|编制单位|部门名称|单位名称|预算单位|主管部门)\s*[:：]")
_SATELLITE = re.compile(r"^[\d.,%“”\"‘’'\-\s]{1,30}$")
_PAGE_NUMBER = re.compile(r"^(-\s*\d+\s*-|第\s*\d+\s*页(\s*共\s*\d+\s*页)?|\d{1,3})$")
_HEADER_ROWS = 6


@dataclass
class _Open:
    """A table being built, with what is needed to merge its continuation."""

    table: Table
    header_rows: list[list[str]]
    width: int
    last_page: int


@dataclass
class _PageLine:
    text: str
    top: float
    bottom: float
    x0: float
    x1: float
    chars: list[dict[str, Any]] = field(default_factory=list)


def extract_pdf(path: Path, check: Callable[[], None] | None = None) -> Extracted:
    """Read a PDF's tables and narrative lines; ReadError (naming the file) when it cannot be read.

    `check` runs before each page (a wall-clock limit raises from it).
    """
    path = Path(path)
    try:
        with pdfplumber.open(path) as pdf:
            return _extract(pdf, check)
    except ReadError:
        raise
    except _PDF_ERRORS as err:
        reason = "the PDF is encrypted" if "password" in repr(err).lower() or "encrypt" in repr(err).lower() else None
        raise ReadError(
            path, reason or f"not a readable PDF (damaged, truncated or not a PDF: {type(err).__name__})"
        ) from err


def _extract(pdf: Any, check: Callable[[], None] | None = None) -> Extracted:
    lines: list[Line] = []
    tables: list[Table] = []
    warnings: list[str] = []
    current: _Open | None = None
    cells: dict[int, Grid] = {}
    page_lines: list[tuple[int, Any, list[_PageLine], list[tuple[Any, list[list[str]], list[list[str]]]]]] = []
    for pno, page in enumerate(pdf.pages, 1):
        if check is not None:
            check()
        found = []
        for t in page.find_tables():
            plain, spanned = _grids(t)
            if _is_real_table(plain):
                found.append((t, plain, spanned))
                cells.setdefault(pno, []).extend(table_cells(t, plain))
        boxes = [t.bbox for t, _, _ in found]
        outside = page.filter(lambda o, boxes=boxes: not _inside(o, boxes)) if boxes else page
        page_lines.append((pno, page, _text_lines(outside), found))
    repeated = _running_lines([pl for _, _, pl, _ in page_lines])
    for pno, page, plines, found in page_lines:
        plines = [pl for pl in plines if not _is_furniture(pl, page.height, repeated)]
        used: set[int] = set()
        for k, (t, plain, spanned) in enumerate(found):
            top, bottom = t.bbox[1], t.bbox[3]
            prev_bottom = found[k - 1][0].bbox[3] if k else -1.0
            above = [i for i, pl in enumerate(plines) if prev_bottom <= pl.top and pl.bottom <= top + 1]
            title, number, unit, meta = _meta_above(plines, above)
            used.update(meta)
            inner_title, inner_number, inner_unit, skip = _meta_inside(plain)
            plain, spanned = plain[skip:], spanned[skip:]
            if not plain:
                continue
            title, number = (title, number) if title else (inner_title, inner_number)
            unit = unit or inner_unit
            next_top = found[k + 1][0].bbox[1] if k + 1 < len(found) else page.height + 1
            note, note_idx = _note_below(plines, bottom, next_top)
            used.update(note_idx)
            if title is None and k == 0 and current is not None and current.last_page == pno - 1:
                _continue(current, plain, pno, note)
                continue
            current = _start(plain, spanned, pno, title, number, unit, note)
            tables.append(current.table)
        if not found:
            fallback = _layout_table(plines, pno)
            if fallback is not None:
                table, idx = fallback
                tables.append(table)
                used.update(idx)
                warnings.append(f"page {pno}: {table.label} read from layout text (no ruled table found)")
                current = None
        lines.extend(Line(pl.text, pno) for i, pl in enumerate(plines) if i not in used and pl.text.strip())
    for table in tables:
        warning = finish_table(table)
        if warning:
            warnings.append(warning)
    pages = {pno: PageChars.of(page) for pno, page, _, _ in page_lines}  # to place sentence facts (index.read.locate)
    return Extracted(lines=lines, tables=tables, page_count=len(pdf.pages), warnings=warnings, cells=cells, pages=pages)


def _grids(t: Any) -> tuple[list[list[str]], list[list[str]]]:
    """(plain grid with merged cells blank, grid with merged cells filled from their covering cell)."""
    raw = t.extract()
    width = max((len(r) for r in raw), default=0)
    plain = [[clean_cell(c) for c in (r + [None] * width)[:width]] for r in raw]
    rows = t.rows
    cells = [
        (r, c, box) for r, row in enumerate(rows) for c, box in enumerate(row.cells) if box is not None and r < len(raw)
    ]
    col_x = [min((box[0] for _, cc, box in cells if cc == c), default=0.0) for c in range(width)]
    spanned = [list(r) for r in plain]
    for r, raw_row in enumerate(raw):
        y = rows[r].bbox[1] + 0.5
        for c in range(width):
            if c < len(raw_row) and raw_row[c] is not None:
                continue
            x = col_x[c] + 0.5
            for rr, cc, box in cells:
                if box[0] - 0.5 <= x < box[2] and box[1] - 0.5 <= y < box[3] and (rr, cc) != (r, c):
                    spanned[r][c] = plain[rr][cc]
                    break
    return plain, spanned


def _is_real_table(grid: list[list[str]]) -> bool:
    """Drop blank frames and one-column boxes (a ruled table of contents)."""
    filled = [c for r in grid for c in r if c]
    if not filled or not grid or len(grid[0]) < 2:
        return False
    return sum("……" in c for c in filled) < len(filled) / 2


def _inside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)


def _text_lines(page: Any) -> list[_PageLine]:
    """Text lines of a page, with stray figures/quote marks printed a few points off merged back in."""
    out: list[_PageLine] = []
    for d in page.extract_text_lines(return_chars=True):
        line = _PageLine(d["text"], d["top"], d["bottom"], d["x0"], d["x1"], list(d["chars"]))
        host = out[-1] if out else None
        if (
            host is not None
            and _SATELLITE.match(line.text)
            and abs(line.top - host.top) <= 9
            and line.x0 >= host.x0 - 80
            and line.x1 <= host.x1 + 80
            and not _SATELLITE.match(host.text)
        ):
            out[-1] = _merge(host, line)
        else:
            out.append(line)
    return out


def _merge(a: _PageLine, b: _PageLine) -> _PageLine:
    chars = sorted(a.chars + b.chars, key=lambda ch: ch["x0"])
    parts: list[str] = []
    for i, ch in enumerate(chars):
        if i and ch["x0"] - chars[i - 1]["x1"] > 0.8 * max(ch["x1"] - ch["x0"], 1.0):
            parts.append(" ")
        parts.append(ch["text"])
    text = "".join(parts)
    return _PageLine(text, min(a.top, b.top), max(a.bottom, b.bottom), min(a.x0, b.x0), max(a.x1, b.x1), chars)


def _running_lines(pages: list[list[_PageLine]]) -> set[str]:
    """Texts printed at the top or bottom of many pages (running headers/footers), digits ignored."""
    counts: dict[str, int] = {}
    for plines in pages:
        for pl in {p.text for p in plines[:1] + plines[-1:]}:
            key = re.sub(r"\d+", "#", pl.strip())
            counts[key] = counts.get(key, 0) + 1
    limit = max(3, int(0.4 * len(pages)))
    return {k for k, n in counts.items() if n >= limit}


def _is_furniture(pl: _PageLine, height: float, repeated: set[str]) -> bool:
    text = pl.text.strip()
    at_edge = pl.top > 0.88 * height or pl.bottom < 0.08 * height
    if at_edge and _PAGE_NUMBER.match(text):
        return True
    return at_edge and re.sub(r"\d+", "#", text) in repeated


def _meta_above(plines: list[_PageLine], above: list[int]) -> tuple[str | None, str | None, str | None, list[int]]:
    """Title, number, unit and the consumed line indexes, scanning up from a table."""
    unit: str | None = None
    used: list[int] = []
    for i in reversed(above[-5:]):
        text = plines[i].text.strip()
        title = parse_title(text)
        if title is not None:
            used.append(i)
            return title.title, title.number, unit, used
        line_unit = parse_unit(text)
        if line_unit or _META_LINE.match(text) or re.fullmatch(r"[“”\"\s]+", text):
            unit = unit or line_unit
            used.append(i)
            continue
        break
    return None, None, unit, used if unit else []


def _meta_inside(grid: list[list[str]]) -> tuple[str | None, str | None, str | None, int]:
    """Title/unit rows printed inside a table's outer frame: (title, number, unit, rows to skip)."""
    title = number = unit = None
    skip = 0
    for row in grid[:6]:
        filled = [c for c in row if c]
        if not filled:
            skip += 1
            continue
        match = parse_title(filled[0]) if len(filled) == 1 else None
        if match is not None and title is None:
            title, number = match.title, match.number
        elif all(parse_unit(c) or _META_LINE.match(c) for c in filled):
            unit = unit or next((u for c in filled if (u := parse_unit(c))), None)
        else:
            break
        skip += 1
    return (title, number, unit, skip) if title or unit else (None, None, None, 0)


def _note_below(plines: list[_PageLine], bottom: float, next_top: float) -> tuple[str | None, list[int]]:
    """The 注 line(s) printed right under a table, wrapped lines joined."""
    idx = [i for i, pl in enumerate(plines) if bottom - 1 <= pl.top < next_top]
    for n, i in enumerate(idx):
        if is_note_line(plines[i].text):
            used = [i]
            for j in idx[n + 1 :]:
                gap = plines[j].top - plines[used[-1]].bottom
                if gap > 0.6 * (plines[j].bottom - plines[j].top) or is_note_line(plines[j].text):
                    break
                used.append(j)
            return "".join(plines[k].text.strip() for k in used), used
        break
    return None, []


def _start(
    plain: list[list[str]],
    spanned: list[list[str]],
    page: int,
    title: str | None,
    number: str | None,
    unit: str | None,
    note: str | None,
) -> _Open:
    width = len(plain[0])
    n = split_header(plain, _HEADER_ROWS)
    header_rows = [list(r) for r in spanned[:n]]
    data = [list(r) for r in plain[n:]]
    lift_level_tokens(header_rows, data)
    header = flatten_header(header_rows, width)
    data = [r for r in data if any(r)]
    match = parse_title(title) if title else None
    kind = match.kind if match is not None else kind_from_header(header)
    table = Table(
        title=title or "",
        kind=kind,
        unit=unit,
        header=header,
        rows=data,
        row_pages=[page] * len(data),
        pages=[page],
        number=number,
        note=note,
    )
    return _Open(table, plain[:n], width, page)


def _continue(current: _Open, plain: list[list[str]], page: int, note: str | None) -> None:
    rows = [r for r in strip_repeated_header(plain, current.header_rows) if any(r)]
    if len(plain[0]) != current.width:
        # Closing total rows printed alone on the next page: label first, figures right-aligned.
        rows = [[r[0]] + [""] * (current.width - len(r)) + r[1:] for r in rows if len(r) <= current.width]
    table = current.table
    table.rows.extend(rows)
    table.row_pages.extend([page] * len(rows))
    if page not in table.pages:
        table.pages.append(page)
    if note:
        table.note = f"{table.note}\n{note}" if table.note else note
    current.last_page = page


def _layout_table(plines: list[_PageLine], page: int) -> tuple[Table, list[int]] | None:
    """Fallback for an unruled table: a title, a unit line within 3 lines, then rows split on spaces."""
    for i, pl in enumerate(plines):
        title = parse_title(pl.text)
        if title is None:
            continue
        unit_at = next((j for j in range(i + 1, min(i + 4, len(plines))) if parse_unit(plines[j].text)), None)
        if unit_at is None:
            continue
        used = list(range(i, unit_at + 1))
        rows: list[list[str]] = []
        note = None
        for j in range(unit_at + 1, len(plines)):
            text = plines[j].text.strip()
            if is_note_line(text):
                note = text
                used.append(j)
                break
            if parse_title(text):
                break
            rows.append([clean_cell(c) for c in text.split()])
            used.append(j)
        if not rows:
            return None
        width = max(len(r) for r in rows)
        rows = pad(rows, width)
        n = split_header(rows, _HEADER_ROWS)
        data = [r for r in rows[n:] if any(r)]
        table = Table(
            title=title.title,
            kind=title.kind,
            unit=parse_unit(plines[unit_at].text),
            header=flatten_header(rows[:n], width),
            rows=data,
            row_pages=[page] * len(data),
            pages=[page],
            number=title.number,
            note=note,
        )
        return table, used
    return None
