"""Read one disclosure file into a `Document`: validate, extract, check the genre, build sections, metadata, facts.

`read_document(path)` is the one entry point of the ingest side's reading
stage. Every problem a user can act on raises `ReadError` (or
`NotABudgetError`) naming the file; nothing half-read is returned.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from index.errors import NotABudgetError, ReadError
from index.facts.extract import extract_facts
from index.lexicon import load_data
from index.model import Document, Extracted, Table
from index.read.limits import Deadline
from index.read.locate import locate_facts
from index.read.metadata import Metadata, detect_metadata
from index.read.plain import extract_text
from index.read.sections import build_sections, contents_entries

TEXT_SUFFIXES = (".txt", ".md")
PDF_SUFFIXES = (".pdf",)
_PDF_MAGIC = b"%PDF-"
_PDF_EOF = b"%%EOF"
_PDF_TAIL = 2048  # %%EOF must sit within this many bytes of the end
_SUPPORTED = "BudgetQA reads .pdf files with a text layer and .txt/.md files (UTF-8, GBK, or UTF-16/32 with a BOM)"


@dataclass(frozen=True, slots=True)
class _Genre:
    required: dict[str, tuple[str, ...]]
    markers: tuple[str, ...]
    min_markers: int


@cache
def _genre() -> _Genre:
    raw = load_data("index.data", "genre.toml")
    return _Genre(
        required={k: tuple(v) for k, v in raw["required"].items()},
        markers=tuple(raw["markers"]["terms"]),
        min_markers=int(raw["min_markers"]),
    )


def _check_file(path: Path) -> bytes:
    """The file's bytes, or a ReadError saying why there are none to read."""
    if not path.exists():
        raise ReadError(path, f"file not found ({path})")
    if path.is_dir():
        raise ReadError(path, "this is a folder, not a file; give one .pdf/.txt/.md file")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ReadError(path, f"cannot read the file ({err.strerror or err})") from err
    if not data.strip():
        raise ReadError(path, "the file is empty")
    return data


def _format(path: Path, data: bytes) -> str:
    """'pdf' or 'text', by content first (a PDF is a PDF whatever its name), then by extension."""
    suffix = path.suffix.lower()
    if data.startswith(_PDF_MAGIC):
        return "pdf"
    if suffix in PDF_SUFFIXES:
        raise ReadError(path, "not a PDF (it does not start with %PDF-); the file is damaged or of another type")
    if suffix in TEXT_SUFFIXES:
        return "text"
    shown = suffix or "(no extension)"
    raise ReadError(path, f"unsupported file type {shown}; {_SUPPORTED}")


def _extract_pdf(path: Path, data: bytes, check: Callable[[], None] | None = None) -> Extracted:
    if _PDF_EOF not in data[-_PDF_TAIL:]:
        raise ReadError(path, "the PDF is truncated or damaged (no end-of-file marker); download it again")
    try:
        from index.read.pdf import extract_pdf
    except ImportError as err:  # the PDF reader is optional until it lands
        raise ReadError(path, f"PDF reading is not available in this installation ({err})") from err
    extracted = extract_pdf(path, check)
    if not any(ln.text.strip() for ln in extracted.lines) and not extracted.tables:
        raise ReadError(
            path,
            "the PDF has no text layer (a scanned image?); run OCR on it first (e.g. `ocrmypdf in.pdf out.pdf`)",
        )
    return extracted


def _genre_text(extracted: Extracted) -> str:
    parts = [ln.text for ln in extracted.lines]
    for table in extracted.tables:
        parts.append(table.title)
        parts.extend(table.header)
        if table.note:
            parts.append(table.note)
    return "\n".join(parts)


def check_genre(path: Path, extracted: Extracted) -> None:
    """NotABudgetError unless the text carries the genre's markers (index/data/genre.toml)."""
    genre = _genre()
    text = _genre_text(extracted)
    missing = [name for name, terms in genre.required.items() if not any(t in text for t in terms)]
    found = [t for t in genre.markers if t in text]
    if missing or len(found) < genre.min_markers:
        seen = "、".join(found) if found else "none"
        raise NotABudgetError(
            path,
            "does not look like a budget disclosure (部门预算/单位预算/部门决算): "
            f"found {len(found)} of the genre's markers ({seen}), need {genre.min_markers}"
            + (f" and words for {', '.join(missing)}" if missing else ""),
        )


def _table_warnings(tables: list[Table]) -> list[str]:
    out = []
    for table in tables:
        if table.kind == "other":
            pages = f" (page {table.pages[0]})" if table.pages else ""
            out.append(f"table of unknown kind: {table.label or '(untitled)'}{pages}")
    return out


def _metadata_warnings(meta: Metadata) -> list[str]:
    out = []
    if not meta.department:
        out.append("department not found on the cover or first lines")
    if meta.year is None:
        out.append("budget year not found on the cover or first lines")
    return out


def read_document(path: str | Path, deadline: Deadline | None = None) -> Document:
    """Read a .pdf/.txt/.md disclosure; ReadError/NotABudgetError (naming the file) when it cannot be used.

    With a `deadline`, LimitError once it has passed (checked per PDF page and between steps).
    """
    path = Path(path)
    check = deadline.check if deadline is not None else None
    data = _check_file(path)
    kind = _format(path, data)
    extracted = _extract_pdf(path, data, check) if kind == "pdf" else extract_text(path)
    if not any(ln.text.strip() for ln in extracted.lines) and not extracted.tables:
        raise ReadError(path, "no text found in the file")
    check_genre(path, extracted)
    if check:
        check()
    meta = detect_metadata(extracted.lines)
    sha = hashlib.sha256(data).hexdigest()
    doc = Document(
        doc_id=sha[:12],
        title=meta.title or path.stem,
        department=meta.department,
        year=meta.year,
        stage=meta.stage,
        scope=meta.scope,
        file_name=path.name,
        sha256=sha,
        page_count=extracted.page_count,
        sections=build_sections(extracted.lines, title=meta.title or path.stem),
        tables=list(extracted.tables),
        warnings=[*extracted.warnings, *_metadata_warnings(meta), *_table_warnings(extracted.tables)],
    )
    toc = contents_entries(extracted.lines)
    doc.contents = [ln.text for ln in toc]
    doc.contents_page = toc[0].page if toc else None
    if check:
        check()
    doc.facts = extract_facts(doc)
    if kind == "pdf":
        doc.facts = locate_facts(doc, extracted.cells, extracted.pages)
    return doc
