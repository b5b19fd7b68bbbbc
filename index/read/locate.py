"""Where each PDF fact is printed: the bounding box of its table cell or of the value in its sentence.

The chat page shows the cited page with this box drawn, so a reader sees the
cell a figure came from. Table facts are matched against the ruled-table cells
the PDF reader kept (`Extracted.cells`): same page, same printed value, the row
whose printed cells make the fact's quote, the column of the fact's header.
Sentence facts are searched on their page by the value with the words printed
just before it, in the characters the PDF reader kept (`Extracted.pages`,
`PageChars`): the file is parsed once. A fact that cannot be placed without
guessing keeps bbox None.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from index.model import BBox, Document, Fact, Table
from index.text import NUMBER

Grid = list[list[tuple[str, BBox | None]]]
_PREFIXES = (8, 4, 2)  # characters before the value tried when searching a sentence's figure


def table_cells(table: Any, grid: Sequence[Sequence[str]]) -> Grid:
    """One pdfplumber table's rows as (clean text, cell box) pairs, aligned with `grid` (its cleaned extract)."""
    out: Grid = []
    for row, texts in zip(table.rows, grid, strict=False):
        boxes = list(row.cells) + [None] * max(0, len(texts) - len(row.cells))
        out.append([(text, _box(box)) for text, box in zip(texts, boxes, strict=False)])
    return out


def _box(box: Any) -> BBox | None:
    if box is None:
        return None
    return (float(box[0]), float(box[1]), float(box[2]), float(box[3]))


Search = Callable[[str], list[dict[str, Any]]]


@dataclass(slots=True)
class PageChars:
    """One page's characters as pdfplumber read them, searchable as `page.search` searches the page."""

    chars: list[dict[str, Any]]
    bbox: BBox
    width: float
    height: float
    _textmap: Any = field(default=None, repr=False)

    @classmethod
    def of(cls, page: Any) -> PageChars:
        """What `page.search` needs of a pdfplumber page (not its lines, rects or parsed layout)."""
        return cls(list(page.chars), _box(page.bbox) or (0.0, 0.0, 0.0, 0.0), float(page.width), float(page.height))

    def search(self, text: str) -> list[dict[str, Any]]:
        """Literal matches of `text` with their characters: pdfplumber's `Page.search(text, regex=False)`."""
        if self._textmap is None:
            from pdfplumber.utils.text import chars_to_textmap

            self._textmap = chars_to_textmap(
                self.chars, layout_bbox=self.bbox, layout_width=self.width, layout_height=self.height
            )
        return list(self._textmap.search(text, regex=False, return_chars=True, return_groups=False))


def locate_facts(doc: Document, cells: Mapping[int, Grid], pages: Mapping[int, PageChars]) -> list[Fact]:
    """`doc.facts` with `source.bbox` filled where the printed place is certain (PDFs only).

    `cells` and `pages` are what the PDF reader kept (`Extracted.cells`, `Extracted.pages`).
    """
    tables = {t.label: t for t in doc.tables}
    out: list[Fact] = []
    pending: list[int] = []
    for fact in doc.facts:
        box = None
        page = fact.source.page
        if fact.origin == "table" and page is not None and not fact.empty and fact.text:
            box = _table_box(fact, cells.get(page, []), tables.get(fact.source.table or ""))
        elif fact.origin == "text" and page is not None and fact.text and fact.source.table is None:
            pending.append(len(out))
        out.append(replace(fact, source=replace(fact.source, bbox=box)) if box else fact)
    for i in pending:
        chars = pages.get(out[i].source.page or 0)
        box = sentence_box(chars.search, out[i]) if chars is not None else None
        if box is not None:
            out[i] = replace(out[i], source=replace(out[i].source, bbox=box))
    return out


def _table_box(fact: Fact, grid: Grid, table: Table | None) -> BBox | None:
    """The box of the cell printing `fact.text`, in the row quoted, in the fact's column."""
    column = _column_index(table, fact.source.column)
    best: tuple[int, BBox] | None = None
    tie = False
    for row in grid:
        quote = " ".join(t for t, _ in row if t)
        row_score = 2 if quote == fact.source.quote else (1 if fact.source.row and fact.source.row in quote else 0)
        for c, (text, box) in enumerate(row):
            if box is None or text != fact.text:
                continue
            score = row_score * 2 + (1 if c == column else 0)
            if best is None or score > best[0]:
                best, tie = (score, box), False
            elif score == best[0]:
                tie = True
    if best is None or (tie and best[0] < 5):
        return None
    return best[1]


def _column_index(table: Table | None, column: str | None) -> int | None:
    if table is None or not column or column not in table.header:
        return None
    return table.header.index(column)


def sentence_box(search: Search, fact: Fact) -> BBox | None:
    """The printed value's box, found with the longest run of preceding characters that makes it unique.

    `search(text)` returns the literal matches of `text` on the fact's page, each with its `chars`.
    """
    quote = fact.source.quote
    at = quote.find(fact.text)
    if at < 0:
        return None
    before = quote[:at].replace(" ", "")
    for prefix in [*dict.fromkeys(before[-n:] for n in _PREFIXES if before), ""]:
        found = search(prefix + fact.text)
        if len(found) == 1:
            return _chars_box(found[0]["chars"][len(prefix) :])
    # a layout printing a paragraph's figures on the line below its words (万元 above, 56.95 below): the figure
    # alone, when the page prints it once
    figure = _FIGURE.match(fact.text)
    found = search(figure.group(0)) if figure and figure.group(0) != fact.text else []
    return _chars_box(found[0]["chars"]) if len(found) == 1 else None


_FIGURE = re.compile(rf"(?:{NUMBER})%?")


def _chars_box(chars: Sequence[dict[str, Any]]) -> BBox | None:
    if not chars:
        return None
    return (
        min(float(c["x0"]) for c in chars),
        min(float(c["top"]) for c in chars),
        max(float(c["x1"]) for c in chars),
        max(float(c["bottom"]) for c in chars),
    )
