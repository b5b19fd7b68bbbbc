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

import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from index.errors import BudgetQAError
from index.intake import IngestReport, Progress, Reader, file_sha256, read_checked, scan_files

if TYPE_CHECKING:
    from index.embed.embedder import Embedder
    from index.model import Document
    from index.settings import Settings
    from index.store.facade import Added, Store


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

        report = rebuild_store(store.settings, paths, progress=progress, embedder=embedder, reader=reader,
                               max_mb=max_mb, max_pages=max_pages)  # fmt: skip
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
            record(report, path, doc, outcome)
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


def record(report: IngestReport, path: Path, doc: Document, outcome: Added) -> None:
    """Note one file's outcome: added, or skipped as a copy of a stored document (and what was healed in it)."""
    if outcome.added:
        report.added.append(doc.summary())
        return
    report.skipped.append(path.name)
    report.healed.extend(outcome.healed)
    if outcome.existing is not None and outcome.existing.sha256 != doc.sha256:
        report.same_as[path.name] = f"{outcome.existing.file_name} ({outcome.existing.doc_id})"
