"""Fact bounding boxes: the box of a table fact holds exactly its printed cell; a sentence fact's box its figure.

Putuo 司法局 2026: 住房公积金 2087959.00 元 in row 221 02 01 of 表 on pages 11, 13, 16, 19; the text (page 9)
says `2026年预算安排201.50万元`. Checked against pdfplumber's own words on the page, independently of the reader.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from index.model import Document, Fact, Provenance
from index.read.locate import sentence_box


def _printed_in(path: Path, fact: Fact) -> str:
    """The characters printed inside the fact's box (by their centres), in reading order."""
    assert fact.source.bbox is not None and fact.source.page is not None
    x0, top, x1, bottom = fact.source.bbox
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[fact.source.page - 1]
        chars = page.chars
    inside = [c for c in chars if x0 <= (c["x0"] + c["x1"]) / 2 <= x1 and top <= (c["top"] + c["bottom"]) / 2 <= bottom]
    return "".join(c["text"] for c in sorted(inside, key=lambda c: (round(c["top"]), c["x0"]))).strip()


def test_table_facts_have_the_box_of_their_cell(
    corpus_doc: Callable[[str], Document], corpus_path: Callable[[str], Path]
) -> None:
    doc = corpus_doc("justice")
    table = [f for f in doc.facts if f.origin == "table" and not f.empty]
    assert sum(f.source.bbox is not None for f in table) / len(table) > 0.98
    cells = [f for f in table if f.subject == "住房公积金" and f.text == "2087959.00"]
    assert sorted({f.source.page for f in cells}) == [11, 13, 16, 19]
    for fact in cells:
        assert _printed_in(corpus_path("justice"), fact) == "2087959.00"
    row = [f for f in cells if f.source.page == 13]
    boxes = sorted(f.source.bbox for f in row if f.source.bbox)
    assert len(boxes) == 2 and boxes[0][1] == boxes[1][1], "合计 and 基本支出 share the row, in two columns"
    assert boxes[0][2] <= boxes[1][0] + 0.01


def test_sentence_facts_have_the_box_of_their_figure(
    corpus_doc: Callable[[str], Document], corpus_path: Callable[[str], Path]
) -> None:
    doc = corpus_doc("justice")
    fact = next(f for f in doc.facts if f.origin == "text" and f.text == "201.50万元" and f.subject == "住房公积金")
    assert fact.source.page == 9
    assert _printed_in(corpus_path("justice"), fact) == "201.50万元"
    x0, top, x1, bottom = fact.source.bbox or (0, 0, 0, 0)
    assert 40 < x1 - x0 < 80 and 8 < bottom - top < 16


def test_a_figure_printed_below_its_words_is_placed_by_the_figure_alone_when_the_page_prints_it_once(
    corpus_doc: Callable[[str], Document], corpus_path: Callable[[str], Path]
) -> None:
    # 财政局 2024 决算 p.21 prints "…支出总计减少 万元，下降 。" with "56.95 1.87%" on the line below
    doc = corpus_doc("finance")
    fact = next(f for f in doc.facts if f.origin == "text" and f.text == "56.95万元")
    assert fact.source.page == 21 and _printed_in(corpus_path("finance"), fact) == "56.95"
    # a figure the page prints twice (2940.05: 财政拨款收入 and 本年支出合计) is not guessed
    twice = [f for f in doc.facts if f.origin == "text" and f.source.page == 21 and f.text == "2940.05万元"]
    assert twice and all(f.source.bbox is None for f in twice)


def fake_search(found: dict[str, int]) -> Callable[[str], list[dict[str, Any]]]:
    char = {"x0": 1.0, "x1": 2.0, "top": 3.0, "bottom": 4.0}
    return lambda text: [{"chars": [char] * len(text)}] * found.get(text, 0)


def test_the_figure_alone_only_when_the_words_and_unit_are_not_found_with_it() -> None:
    fact = Fact(
        subject="X",
        measure="决算数",
        value=1.5,
        unit="万元",
        text="1.50万元",
        origin="text",
        source=Provenance(doc_id="d", locator="…", page=1, quote="减少1.50万元，下降"),
    )
    assert sentence_box(fake_search({"1.50": 1}), fact) == (1.0, 3.0, 2.0, 4.0)
    assert sentence_box(fake_search({"1.50": 2}), fact) is None  # printed twice: no guess
    assert sentence_box(fake_search({}), fact) is None


def test_text_documents_have_no_boxes(corpus_doc: Callable[[str], Document]) -> None:
    assert all(f.source.bbox is None for f in corpus_doc("dapeng").facts)


@pytest.mark.parametrize(("name", "at_least"), [("justice", 90), ("wanli", 160)])
def test_sentence_boxes_from_the_kept_characters_equal_a_second_parse(
    name: str, at_least: int, corpus_doc: Callable[[str], Document], corpus_path: Callable[[str], Path]
) -> None:
    """The reader keeps each page's characters so the file is parsed once; the boxes are those of pdfplumber's own
    `Page.search` on the page parsed afresh, fact by fact (the second pass `locate` used to make)."""
    doc = corpus_doc(name)
    sentences = [f for f in doc.facts if f.origin == "text" and f.source.table is None and f.text and f.source.page]
    placed = [f for f in sentences if f.source.bbox is not None]
    assert len(placed) >= at_least and len(placed) / len(sentences) > 0.8
    with pdfplumber.open(corpus_path(name)) as pdf:
        for fact in sentences:
            page = pdf.pages[(fact.source.page or 0) - 1]

            def search(text: str, page: Any = page) -> list[dict[str, Any]]:
                return list(page.search(text, regex=False, return_chars=True, return_groups=False))

            assert sentence_box(search, fact) == fact.source.bbox, (fact.subject, fact.text, fact.source.page)
