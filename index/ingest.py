"""Ingest files or folders into a store: check, read, chunk, embed, write — each file all or nothing.

Idempotent: a file whose bytes are already stored, or a copy of a stored
document in another encoding (same department, year, stage and normalised
text), is skipped; the stored one is then checked and any missing vector or
BM25 entry healed. Every file is checked against the size and page limits
before it is read, and reading plus embedding it must finish within
`max_ingest_seconds`. Reading and embedding happen before the store's write
lock is taken, so a slow file holds up neither questions nor other writers;
the lock covers the write itself (see index.store.facade). The BM25 index covers every
chunk, so a batch rebuilds it once, with its last file (or after it). A file
that fails leaves the store exactly as it was; the other files still go in,
and the report lists what failed and why. `rebuild=True` replaces the store
(see index.rebuild).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from index.errors import BudgetQAError
from index.read.limits import Deadline, check_upload, page_limit_error

if TYPE_CHECKING:
    from index.embed.embedder import Embedder
    from index.model import Document
    from index.settings import Settings
    from index.store.facade import Store

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


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """Files to ingest: given files as they are, folders searched recursively for *.pdf *.txt *.md."""
    return scan_files(paths).files


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


def ingest(
    store: Store,
    paths: Iterable[Path],
    *,
    rebuild: bool = False,
    progress: Progress | None = None,
    embedder: Embedder | None = None,
    reader: Reader | None = None,
    settings: Settings | None = None,
    max_mb: float | None = None,
    max_pages: int | None = None,
) -> IngestReport:
    """Add every readable file under `paths` to `store`; `rebuild` replaces the store with exactly these files.

    `embedder` defaults to the store's own (loaded on the first new file); `settings`
    is accepted for callers that pass it and must be the store's settings.
    """
    if rebuild:
        from index.rebuild import rebuild_store

        report = rebuild_store(
            store.settings,
            paths,
            progress=progress,
            embedder=embedder,
            reader=reader,
            max_mb=max_mb,
            max_pages=max_pages,
        )
        store.epoch  # noqa: B018 - follow the swap at once
        return report
    scan = scan_files(paths)
    report = IngestReport(failed=list(scan.problems), unsupported=[str(p) for p in scan.unsupported])
    files = scan.files
    total = len(files)
    for done, path in enumerate(files):
        if progress:
            progress(done, total, f"{path.name}: reading")
        if not path.exists():
            report.failed.append((path.name, "file not found"))
            continue
        try:
            known = store.find(file_sha256(path))
            if known is not None:
                report.skipped.append(path.name)
                report.healed.extend(store.ensure_complete(known.doc_id, embedder))
                continue
            doc, deadline = read_checked(path, store.settings, reader, max_mb=max_mb, max_pages=max_pages)
            if progress:
                pages = f"{doc.page_count} pages, " if doc.page_count else ""
                progress(done, total, f"{path.name}: indexing {pages}{len(doc.tables)} tables, {len(doc.facts)} facts")
            prepared = store.prepare(doc, embedder, deadline=deadline)
            prepared.source = path
            # BM25 is rebuilt over every chunk, so a batch rebuilds it with its last file only
            outcome = store.add_prepared(prepared, lexical=done == total - 1, embedder=embedder)
            if outcome.added:
                report.added.append(doc.summary())
            else:
                report.skipped.append(path.name)
                report.healed.extend(outcome.healed)
                if outcome.existing is not None and outcome.existing.sha256 != doc.sha256:
                    report.same_as[path.name] = f"{outcome.existing.file_name} ({outcome.existing.doc_id})"
        except (BudgetQAError, OSError, ValueError, sqlite3.Error) as err:
            report.failed.append((path.name, str(err)))
    if files:
        try:
            store.refresh_lexical()  # when the last file did not go in, or an earlier batch was interrupted
        except OSError as err:
            report.failed.append(("BM25 index", f"{err} (rebuilt from the stored documents on next use)"))
    if progress:
        progress(total, total, "done")
    return report
