"""The cited page rendered: the crop holds the table row, the red box sits exactly on the cell's bbox.

Putuo 司法局 2026, page 13: 住房公积金 2087959.00 (合计) in row 221 02 01; text page 9: 201.50万元.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from assistant.ui_pageview import BOX_RGB, BOX_WIDTH, render_view, text_lines_html, view_html
from index.model import BBox, Fact
from index.read.document import read_document
from tests.ui.support import JUSTICE_PDF

DAPENG = Path(__file__).resolve().parents[2] / "index" / "data" / "shenzhen_dapeng_data_bureau_2022_dept_budget.txt"


def red_box(png: bytes) -> tuple[int, int, int, int]:
    """Pixel bounds of the drawn box (pixels of exactly BOX_RGB)."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    mask = Image.new("1", image.size)
    mask.putdata([px == BOX_RGB for px in image.getdata()])
    box = mask.getbbox()
    assert box is not None, "no highlight box drawn"
    return box


def expected(bbox: BBox, crop: BBox, scale: float) -> tuple[float, float, float, float]:
    return tuple((v - crop[i % 2]) * scale for i, v in enumerate(bbox))  # type: ignore[return-value]


def fact(pick: Callable[[Fact], bool]) -> Fact:
    return next(f for f in read_document(JUSTICE_PDF).facts if pick(f))


def test_table_cell_is_boxed_where_its_bbox_says() -> None:
    cell = fact(lambda f: f.subject == "住房公积金" and f.source.page == 13 and f.measure == "合计")
    assert cell.source.bbox is not None
    view = render_view(JUSTICE_PDF, 13, cell.source.bbox)
    x0, top, x1, bottom = view.crop
    assert x0 <= cell.source.bbox[0] and cell.source.bbox[2] <= x1 and top <= cell.source.bbox[1]
    assert bottom - top <= 320, "a long table is cropped around the row"
    want = expected(cell.source.bbox, view.crop, view.scale)
    got = red_box(view.png)
    # the box is drawn 2 px outside the cell, BOX_WIDTH px wide
    for g, w, sign in zip(got, want, (-1, -1, 1, 1), strict=True):
        assert abs(g - (w + sign * 2)) <= BOX_WIDTH, (got, want)
    html = view_html(view, cell.source.bbox)
    assert 'class="page-crop"' in html and "打开整页（第13页）" in html and "data:image/png;base64," in html


def test_sentence_figure_is_boxed_on_its_line() -> None:
    figure = fact(lambda f: f.origin == "text" and f.text == "201.50万元" and f.subject == "住房公积金")
    assert figure.source.bbox is not None and figure.source.page == 9
    view = render_view(JUSTICE_PDF, 9, figure.source.bbox)
    got = red_box(view.png)
    want = expected(figure.source.bbox, view.crop, view.scale)
    assert abs(got[0] - (want[0] - 2)) <= BOX_WIDTH and abs(got[3] - (want[3] + 2)) <= BOX_WIDTH
    assert view.crop[3] - view.crop[1] < 160, "a few lines around the sentence, not the page"


def test_text_document_shows_the_lines_around_the_cited_one() -> None:
    doc = read_document(DAPENG)
    lines = DAPENG.read_text(encoding="utf-8").splitlines()
    cited = next(f for f in doc.facts if f.origin == "table" and f.subject == "政府投资项目" and f.value == 2008)
    html = text_lines_html(lines, cited.source.quote, cited.text)
    assert html.count('class="text-line cited"') == 1
    marked = html.split('class="text-line cited">', 1)[1].split("</div>", 1)[0]
    assert cited.text in marked and "政府投资项目" in marked
    assert html.count('class="text-line"') >= 3
