"""Ingest files or folders into a store: read, chunk, embed, write — each file all or nothing.

Idempotent by content hash: a file whose sha256 is already stored is skipped.
The BM25 index covers every chunk in the store, so a batch rebuilds it once, with
its last file (or after it), not once per file: ingest stays linear in the batch.
Files committed before that are in SQLite, which the BM25 index is rebuilt from
whenever it is found behind (so an interrupted batch is repaired on next use).
A file that fails (unreadable, not a budget, disk error, Ctrl-C) leaves the
store exactly as it was; the other files of the batch still go in, and the
report lists what failed and why. Ctrl-C stops the batch after undoing the
file in progress.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from index.errors import BudgetQAError

if TYPE_CHECKING:
    from index.embed import Embedder
    from index.model import Document
    from index.settings import Settings
    from index.store import Store

SUFFIXES = (".pdf", ".txt", ".md")

# progress(done, total, message)
Progress = Callable[[int, int, str], None]
Reader = Callable[[Path], "Document"]


@dataclass(slots=True)
class IngestReport:
    """Outcome of one ingest batch."""

    added: list[dict[str, Any]] = field(default_factory=list)  # Document.summary() of new documents
    skipped: list[str] = field(default_factory=list)  # file names already in the store (same sha256)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file name, error message)


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """Files to ingest: given files as they are, folders searched recursively for *.pdf *.txt *.md."""
    files: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES))
        else:
            files.append(path)
    seen: set[Path] = set()
    unique = []
    for f in files:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _default_reader(path: Path) -> Document:
    from index.read import read_document

    return read_document(path)


def ingest(
    store: Store,
    paths: Iterable[Path],
    *,
    rebuild: bool = False,
    progress: Progress | None = None,
    embedder: Embedder | None = None,
    reader: Reader | None = None,
    settings: Settings | None = None,
) -> IngestReport:
    """Add every readable file under `paths` to `store`; `rebuild` first drops all documents.

    `embedder` defaults to the store's own (loaded on the first new file); `settings`
    is accepted for callers that pass it and must be the store's settings.
    """
    report = IngestReport()
    read = reader or _default_reader
    files = collect_files(paths)
    if rebuild:
        store.clear()
    total = len(files)
    for done, path in enumerate(files):
        if progress:
            progress(done, total, f"{path.name}: reading")
        if not path.exists():
            report.failed.append((path.name, "file not found"))
            continue
        try:
            if store.has(file_sha256(path)):
                report.skipped.append(path.name)
                continue
            doc = read(path)
            if progress:
                pages = f"{doc.page_count} pages, " if doc.page_count else ""
                progress(done, total, f"{path.name}: indexing {pages}{len(doc.tables)} tables, {len(doc.facts)} facts")
            # BM25 is rebuilt over every chunk, so a batch rebuilds it with its last file only
            last = done == total - 1
            if store.add_document(doc, embedder or store.embedder(), lexical=last):
                report.added.append(doc.summary())
            else:
                report.skipped.append(path.name)
        except (BudgetQAError, OSError, ValueError, sqlite3.Error) as err:
            report.failed.append((path.name, str(err)))
    if report.added:
        try:
            store.refresh_lexical()  # when the last file did not go in
        except OSError as err:
            report.failed.append(("BM25 index", f"{err} (rebuilt from the stored documents on next use)"))
    if progress:
        progress(total, total, "done")
    return report
