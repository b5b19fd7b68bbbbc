"""Paths -> checked files -> `Document`s: what a batch holds, each file checked against the limits and read in time.

Shared by `index.ingest` (add files) and `index.rebuild` (replace the store), so
both check, read and report the same way.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from index.read.limits import Deadline, check_upload, page_limit_error

if TYPE_CHECKING:
    from index.model import Document
    from index.settings import Settings

SUFFIXES = (".pdf", ".txt", ".md")

# progress(done, total, message)
Progress = Callable[[int, int, str], None]
Reader = Callable[[Path], "Document"]


@dataclass(slots=True)
class IngestReport:
    """Outcome of one ingest batch."""

    added: list[dict[str, Any]] = field(default_factory=list)  # Document.summary() of new documents
    skipped: list[str] = field(default_factory=list)  # file names already in the store
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file name, error message)
    same_as: dict[str, str] = field(default_factory=dict)  # skipped file name -> stored file it duplicates
    healed: list[str] = field(default_factory=list)  # what was repaired in documents already stored
    unsupported: list[str] = field(default_factory=list)  # files in the given folders that are not .pdf/.txt/.md
    kept: bool = False  # a rebuild that was refused: the store was left exactly as it was


@dataclass(slots=True)
class Scan:
    """What the given paths hold: files to ingest, files of other types, and paths that cannot be used."""

    files: list[Path] = field(default_factory=list)
    unsupported: list[Path] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)


def _loop(path: Path) -> bool:
    try:
        path.resolve(strict=False)
    except (RuntimeError, OSError):  # Python 3.11 raises RuntimeError on a symlink loop
        return True
    return False


def scan_files(paths: Iterable[Path]) -> Scan:
    """Given files as they are, folders searched recursively for *.pdf *.txt *.md (symlinked folders not followed)."""
    scan = Scan()
    found: list[Path] = []
    for path in map(Path, paths):
        if _loop(path):
            scan.problems.append((path.name, f"symbolic link loop ({path} points back to itself); give the real file"))
        elif path.is_dir():
            for p in sorted(path.rglob("*")):
                if _loop(p):
                    scan.problems.append((p.name, f"symbolic link loop ({p}); skipped"))
                elif p.is_file() and p.suffix.lower() in SUFFIXES:
                    found.append(p)
                elif p.is_file() and not p.name.startswith("."):
                    scan.unsupported.append(p)
        else:
            found.append(path)
    seen: set[Path] = set()
    for f in found:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            scan.files.append(f)
    return scan


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


_deadline: ContextVar[Deadline | None] = ContextVar("ingest_deadline", default=None)


def _default_reader(path: Path) -> Document:
    """`read_document` within the wall clock of the file being ingested."""
    from index.read.document import read_document

    return read_document(path, _deadline.get())


def read_checked(
    path: Path,
    settings: Settings,
    reader: Reader | None = None,
    *,
    max_mb: float | None = None,
    max_pages: int | None = None,
) -> tuple[Document, Deadline]:
    """Check the limits, then read `path` within the wall-clock limit (the deadline goes on to embedding)."""
    check_upload(path, settings, max_mb=max_mb, max_pages=max_pages)
    deadline = Deadline(path, settings.max_ingest_seconds)
    token = _deadline.set(deadline)
    try:
        doc = (reader or _default_reader)(path)
    finally:
        _deadline.reset(token)
    deadline.check()
    limit = max_pages if max_pages is not None else settings.max_pages
    if doc.page_count and doc.page_count > limit:
        raise page_limit_error(path, doc.page_count, limit)
    return doc, deadline
