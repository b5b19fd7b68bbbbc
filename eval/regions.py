"""What a PDF prints where a citation points: the text-layer lines of its region.

A citation of a table cell carries the page and the box the figure is printed in (`Citation.bbox`); the chat
page highlights that box. What a person sees there is the page's lines across the box, as the PDF's text
layer reads them (pdfplumber `extract_text_lines`): the evidence strings of the question sets are copied from
that layer. In a two-column table (支出经济分类 rows printed side by side) the layer reads a row's codes,
names and figures in another order than the cells (`301 12 302` / `其他社会保障缴费 11 差旅费` / `1.61 1.20`);
the citation's quote, built from the cells, prints the row as the table reads. The scorer holds an evidence
string cited when the citation's quote, its locator or the lines of its region hold it.

Documents are registered by the eval run (`REGIONS.add`); a page is read once, when first needed.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from assistant.answer_types import Citation

_SLACK = 1.0  # points a line may stand off the box and still be read with it


class Regions:
    """Text-layer lines of the registered PDFs' pages, by document id."""

    def __init__(self) -> None:
        self._paths: dict[str, Path] = {}
        self._lines: dict[tuple[str, int], list[tuple[float, float, str]]] = {}
        self._lock = threading.Lock()

    def add(self, doc_id: str, path: Path) -> None:
        if path.suffix.lower() == ".pdf":
            self._paths[doc_id] = path

    def text(self, citation: Citation | dict[str, Any]) -> str:
        """The lines of the page across the citation's box, joined by newlines; "" without a box or a PDF."""
        doc, page, box = (
            (citation.get("doc"), citation.get("page"), citation.get("bbox"))
            if isinstance(citation, dict)
            else (citation.doc, citation.page, citation.bbox)
        )
        if not box or not page or doc not in self._paths:
            return ""
        top, bottom = float(box[1]) - _SLACK, float(box[3]) + _SLACK
        return "\n".join(t for t0, b0, t in self._page(str(doc), int(page)) if b0 >= top and t0 <= bottom)

    def _page(self, doc: str, page: int) -> list[tuple[float, float, str]]:
        with self._lock:
            if (doc, page) not in self._lines:
                import pdfplumber  # the eval's own reading; the engine never imports this module

                with pdfplumber.open(self._paths[doc]) as pdf:
                    lines = pdf.pages[page - 1].extract_text_lines() if 0 < page <= len(pdf.pages) else []
                self._lines[(doc, page)] = [(float(x["top"]), float(x["bottom"]), str(x["text"])) for x in lines]
            return self._lines[(doc, page)]


REGIONS = Regions()
