"""Limits on what goes in, checked before a file is read: size, pages, and a wall clock per document.

`check_upload(path, settings)` is the one check for every entry point (CLI
ingest, the web upload): it looks only at the file's size and, for a PDF, its
page count (pdfium reads the page tree, not the pages), so a 500 MB file is
refused in milliseconds. A text file counts one page per 9 KB (about 3,000
Chinese characters in UTF-8). `Deadline` bounds reading and embedding one
document; the steps that can run long check it between pages and batches.
"""

from __future__ import annotations

import time
from pathlib import Path

from index.errors import LimitError
from index.settings import Settings

TEXT_BYTES_PER_PAGE = 9_000
_MB = 1_000_000  # decimal MB, as the web upload counts them


def pdf_pages(path: Path) -> int | None:
    """The PDF's page count from its page tree, or None when pdfium cannot open it (the reader then says why)."""
    try:
        import pypdfium2
    except ImportError:
        return None
    try:
        pdf = pypdfium2.PdfDocument(str(path))
    except Exception:  # any pdfium failure: leave the diagnosis to the PDF reader
        return None
    try:
        return len(pdf)
    finally:
        pdf.close()


def page_limit_error(path: Path, pages: int, max_pages: int) -> LimitError:
    return LimitError(
        path,
        f"页数太多：{pages} 页，上限 {max_pages} 页（可用 BUDGETQA_MAX_PAGES 或 `budgetqa ingest --max-pages` 调高）"
        f" / too many pages ({pages} > {max_pages})",
    )


def check_upload(path: Path, settings: Settings, *, max_mb: float | None = None, max_pages: int | None = None) -> None:
    """LimitError (message in Chinese, naming the file) when `path` is over the size or page limit.

    The web upload handler calls this on the uploaded temp file before `Assistant.ingest`;
    `index.ingest` calls it for every file.
    """
    path = Path(path)
    limit_mb = max_mb if max_mb is not None else settings.max_upload_mb
    limit_pages = max_pages if max_pages is not None else settings.max_pages
    size = path.stat().st_size
    if size > limit_mb * _MB:
        raise LimitError(
            path,
            f"文件太大：{size / _MB:.1f} MB，上限 {limit_mb:g} MB"
            f"（可用 BUDGETQA_MAX_UPLOAD_MB 或 `budgetqa ingest --max-mb` 调高） / file too large",
        )
    with path.open("rb") as fh:
        is_pdf = fh.read(5) == b"%PDF-"
    pages = pdf_pages(path) if is_pdf else -(-size // TEXT_BYTES_PER_PAGE)
    if pages is not None and pages > limit_pages:
        raise page_limit_error(path, pages, limit_pages)


class Deadline:
    """A wall-clock budget for reading and embedding one document."""

    def __init__(self, path: Path, seconds: float) -> None:
        self.path = Path(path)
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def check(self) -> None:
        """LimitError once the budget is spent."""
        if time.monotonic() > self.end:
            raise LimitError(
                self.path,
                f"处理超时：{self.seconds:g} 秒内未能读完并索引，已放弃（可用 BUDGETQA_MAX_INGEST_SECONDS 调高）"
                f" / gave up after {self.seconds:g} s",
            )
