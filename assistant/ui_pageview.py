"""The cited place, shown: the PDF page cropped to the table or paragraph, the cell boxed and its row shaded.

The store keeps a copy of each PDF (index.store.files). A citation with a `bbox` is
shown as an image rendered with pypdfium2 (installed with pdfplumber): cropped
to the ruled table holding the cell (around the row when the table is long) or
to the lines around a sentence's figure, the row or line shaded and the cell or
figure boxed. The whole page sits behind a 打开整页 toggle. A text document
shows the lines around the cited line, that line marked. All document text is
escaped; the images are data URIs, so nothing is fetched from elsewhere.
"""

from __future__ import annotations

import base64
import html
import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from index.model import BBox

SCALE = 2.0  # rendered pixels per PDF point in the crop
PAGE_SCALE = 1.3  # … in the whole page
PAD = 8.0  # points around the crop
NARROW_WIDTH = 300.0  # points: the phone's crop, centred on the cell
MAX_CROP_HEIGHT = 300.0  # points: a taller table is cropped around the cited row
CONTEXT_LINES = 2  # printed lines shown above and below a sentence's line
BOX_RGB = (220, 38, 38)  # the cell's box; tests look for these pixels
BOX_WIDTH = 3
SHADE_RGBA = (250, 204, 21, 90)  # the row's shading
TEXT_CONTEXT_LINES = 3


@dataclass(frozen=True, slots=True)
class PageView:
    """A rendered crop of one page: PNG bytes, the crop in PDF points and the pixels per point."""

    page: int
    crop: BBox
    scale: float
    png: bytes
    page_png: bytes
    narrow: BBox  # a narrower crop around the cell, for phones
    narrow_png: bytes


@lru_cache(maxsize=32)
def _page_layout(pdf: Path, page: int) -> tuple[tuple[float, float], list[tuple[BBox, list[BBox]]], list[BBox]]:
    """(page width, height), its ruled tables as (table box, row boxes) and its text lines, read once per page."""
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        p = doc.pages[page - 1]
        tables = [
            (tuple(float(v) for v in t.bbox), [tuple(float(v) for v in r.bbox) for r in t.rows])
            for t in p.find_tables()
        ]
        lines = [
            (float(ln["x0"]), float(ln["top"]), float(ln["x1"]), float(ln["bottom"])) for ln in p.extract_text_lines()
        ]
        return (float(p.width), float(p.height)), tables, lines  # type: ignore[return-value]


def _inside(box: BBox, outer: BBox) -> bool:
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return outer[0] <= x <= outer[2] and outer[1] <= y <= outer[3]


def regions(pdf: Path, page: int, bbox: BBox) -> tuple[BBox, BBox]:
    """(crop, shaded row) in PDF points for a cited box on a page."""
    (width, height), tables, lines = _page_layout(pdf, page)
    for table, rows in tables:
        if not _inside(bbox, table):
            continue
        row = next((r for r in rows if _inside(bbox, r)), (table[0], bbox[1], table[2], bbox[3]))
        top, bottom = table[1], table[3]
        if bottom - top > MAX_CROP_HEIGHT:
            centre = (row[1] + row[3]) / 2
            top = max(table[1], min(centre - MAX_CROP_HEIGHT / 2, table[3] - MAX_CROP_HEIGHT))
            bottom = top + MAX_CROP_HEIGHT
        crop = (max(0.0, table[0] - PAD), max(0.0, top - PAD), min(width, table[2] + PAD), min(height, bottom + PAD))
        return crop, row
    lines = sorted((ln for ln in lines if not any(_inside(ln, t) for t, _ in tables)), key=lambda ln: ln[1])
    at = next((i for i, ln in enumerate(lines) if _inside(bbox, ln)), None)
    if at is None:
        line = (bbox[0], bbox[1] - 1, bbox[2], bbox[3] + 1)
        return (0.0, max(0.0, bbox[1] - 40), width, min(height, bbox[3] + 40)), line
    shown = lines[max(0, at - CONTEXT_LINES) : at + CONTEXT_LINES + 1]
    left, right = min(ln[0] for ln in shown), max(ln[2] for ln in shown)
    line = (lines[at][0] - 2, lines[at][1] - 1, lines[at][2] + 2, lines[at][3] + 1)
    crop = (max(0.0, left - PAD), max(0.0, shown[0][1] - PAD), min(width, right + PAD), min(height, shown[-1][3] + PAD))
    return crop, line


def render_view(pdf: Path, page: int, bbox: BBox) -> PageView:
    """The crop around `bbox` with its row shaded and the box drawn, and the whole page with the same marks."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw

    crop, row = regions(pdf, page, bbox)
    doc = pdfium.PdfDocument(str(pdf))
    try:
        rendered = doc[page - 1].render(scale=SCALE).to_pil().convert("RGB")
    finally:
        doc.close()

    def px(box: BBox, dx: float = 0.0, dy: float = 0.0) -> tuple[int, int, int, int]:
        return (
            round((box[0] - dx) * SCALE),
            round((box[1] - dy) * SCALE),
            round((box[2] - dx) * SCALE),
            round((box[3] - dy) * SCALE),
        )

    shade = Image.new("RGBA", rendered.size, (0, 0, 0, 0))
    ImageDraw.Draw(shade).rectangle(px(row), fill=SHADE_RGBA)
    marked = Image.alpha_composite(rendered.convert("RGBA"), shade).convert("RGB")
    x0, y0, x1, y1 = px(bbox)
    ImageDraw.Draw(marked).rectangle((x0 - 2, y0 - 2, x1 + 2, y1 + 2), outline=BOX_RGB, width=BOX_WIDTH)
    cropped = marked.crop(px(crop))
    centre = (bbox[0] + bbox[2]) / 2
    left = max(crop[0], min(centre - NARROW_WIDTH / 2, crop[2] - NARROW_WIDTH))
    narrow = (left, crop[1], min(crop[2], left + NARROW_WIDTH), crop[3])
    whole = marked.resize((round(marked.width * PAGE_SCALE / SCALE), round(marked.height * PAGE_SCALE / SCALE)))
    return PageView(page, crop, SCALE, _png(cropped), _png(whole), narrow, _png(marked.crop(px(narrow))))


def _png(image: Any) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def view_html(view: PageView, bbox: BBox) -> str:
    """The crop as an image (crop, scale and box as data attributes, for checks) and the whole page behind a toggle."""
    crop = ",".join(f"{v:.2f}" for v in view.crop)
    narrow = ",".join(f"{v:.2f}" for v in view.narrow)
    box = ",".join(f"{v:.2f}" for v in bbox)
    return (
        '<div class="page-view">'
        f'<img class="page-crop" alt="第{view.page}页（局部），引用的数字已框出" src="{_data_uri(view.png)}" '
        f'data-crop="{crop}" data-scale="{view.scale}" data-bbox="{box}" data-page="{view.page}">'
        f'<img class="page-crop-narrow" alt="第{view.page}页（局部），引用的数字已框出" '
        f'src="{_data_uri(view.narrow_png)}" data-crop="{narrow}">'
        f'<details class="page-whole"><summary>打开整页（第{view.page}页）</summary>'
        f'<img alt="第{view.page}页" src="{_data_uri(view.page_png)}"></details>'
        "</div>"
    )


def _bigrams(text: str) -> set[str]:
    squashed = "".join(text.split())
    return {squashed[i : i + 2] for i in range(len(squashed) - 1)}


def cited_line(lines: list[str], quote: str, mark: str) -> int | None:
    """Index of the line printing the cited figure: among lines holding `mark`, the one sharing most of the quote."""
    want = _bigrams(quote)
    squashed_mark = "".join(mark.split())
    candidates = [i for i, ln in enumerate(lines) if squashed_mark and squashed_mark in "".join(ln.split())]
    pool = candidates or range(len(lines))
    best = max(pool, key=lambda i: len(want & _bigrams(lines[i])), default=None)
    if best is None or len(want & _bigrams(lines[best])) < min(4, len(want)):
        return None
    return best


def text_lines_html(lines: list[str], quote: str, mark: str) -> str:
    """A text document's lines around the cited line, that line marked; "" when the line is not found."""
    at = cited_line(lines, quote, mark)
    if at is None:
        return ""
    lo, hi = max(0, at - TEXT_CONTEXT_LINES), min(len(lines), at + TEXT_CONTEXT_LINES + 1)
    shown = [
        f'<div class="{"text-line cited" if i == at else "text-line"}">{html.escape(lines[i]) or " "}</div>'
        for i in range(lo, hi)
    ]
    return f'<div class="text-view">{"".join(shown)}</div>'
