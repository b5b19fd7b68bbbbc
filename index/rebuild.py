"""`ingest --rebuild`: replace the store with exactly the given files, or leave it exactly as it was.

1. Every input is looked at before anything is read: it exists, is a file,
   and is within the size and page limits.
2. Every file is read into a new store folder beside the live one (rows only,
   marked pending). Any file that fails stops the rebuild: the new folder is
   deleted, the live store was never touched, and the report says which files
   failed and why (`report.kept`).
3. The new store's chunks are embedded, its BM25 index and manifest written.
4. Under the write lock, if no other process changed the live store meanwhile,
   `store.current` is pointed at the new folder (one atomic rename) and the old
   store is deleted. A crash before that step leaves the old store live and a
   leftover folder that the next repair removes.
The old store is never opened, so a rebuild also works after a change of model.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from index.embed.embedder import embed_passages
from index.errors import BudgetQAError, StoreError
from index.intake import IngestReport, Progress, Reader, read_checked, scan_files
from index.read.limits import Deadline, check_upload
from index.settings import Settings
from index.store import db, layout
from index.store.chroma_backend import ChromaBackend
from index.store.chunks import build_chunks
from index.store.facade import Store
from index.store.files import keep_file, prune_files
from index.store.lock import WriteLock, this_writer
from index.store.manifest import Manifest

if TYPE_CHECKING:
    from index.embed.embedder import Embedder

_ERRORS = (BudgetQAError, OSError, ValueError, sqlite3.Error)


def _live_state(home: Path) -> tuple[str, int] | None:
    """(live folder, its generation): what must not change between the start of a rebuild and its swap."""
    root = layout.current_root(home)
    if root is None:
        return None
    conn = db.connect(root / layout.SQLITE_NAME)
    try:
        return root.name, db.generation(conn)
    finally:
        conn.close()


def _precheck(files: list[Path], settings: Settings, report: IngestReport, **limits: float | int | None) -> None:
    for path in files:
        if not path.exists():
            report.failed.append((path.name, f"file not found ({path})"))
        elif path.is_dir():
            report.failed.append((path.name, "this is a folder inside a folder list; give files or folders"))
        else:
            try:
                check_upload(path, settings, **limits)  # type: ignore[arg-type]
            except _ERRORS as err:
                report.failed.append((path.name, str(err)))


def rebuild_store(
    settings: Settings,
    paths: Iterable[Path],
    *,
    progress: Progress | None = None,
    embedder: Embedder | None = None,
    reader: Reader | None = None,
    max_mb: float | None = None,
    max_pages: int | None = None,
) -> IngestReport:
    """Build a new store from `paths` beside the live one and swap it in; on any failure keep the old one."""
    scan = scan_files(paths)
    report = IngestReport(failed=list(scan.problems), unsupported=[str(p) for p in scan.unsupported])
    files = scan.files
    _precheck(files, settings, report, max_mb=max_mb, max_pages=max_pages)
    if not files and not report.failed:
        report.failed.append(("(none)", "没有可读取的文件（.pdf .txt .md） / no files to ingest"))
    if report.failed:
        report.kept = True
        return report
    home = settings.home
    before = _live_state(home)
    root = layout.new_root(home)
    new: Store | None = None
    try:
        new = Store(settings, Manifest(settings.embed_model), root, private=True)
        new.manifest.save(root / layout.MANIFEST_NAME)
        staged = _read_all(new, files, settings, report, progress, reader, max_mb, max_pages)
        if not report.failed:
            _embed_all(new, staged, embedder, report, progress)
        if report.failed:
            report.added = []
            report.kept = True
            _discard(settings, new, root)
            return report
        with WriteLock(home, settings.lock_timeout).held():
            if _live_state(home) != before:
                raise StoreError(
                    "重建期间另一个进程修改了文档库，重建已放弃，原文档库保持不变；请再运行一次"
                    " / the store changed during the rebuild; it was left as it was, run the rebuild again"
                )
            old = layout.current_root(home)
            new.close()
            layout.point_to(home, root)
            prune_files(home, {str(s["sha256"]) for s in report.added})
            if old is not None:
                if settings.chroma_url:
                    ChromaBackend(old, settings.chroma_url).drop()
                layout.remove_root(home, old)
    except BaseException:
        report.kept = True
        _discard(settings, new, root)
        raise
    if progress:
        progress(len(files), len(files), "done")
    return report


def _read_all(
    new: Store,
    files: list[Path],
    settings: Settings,
    report: IngestReport,
    progress: Progress | None,
    reader: Reader | None,
    max_mb: float | None,
    max_pages: int | None,
) -> list[tuple[str, Deadline]]:
    """Read every file into the new store as pending rows; returns (doc_id, its wall clock, still running)."""
    staged: list[tuple[str, Deadline]] = []
    writer = str(this_writer())
    with new.writing() as w:
        for done, path in enumerate(files):
            if progress:
                progress(done, len(files), f"{path.name}: reading")
            try:
                doc, deadline = read_checked(path, settings, reader, max_mb=max_mb, max_pages=max_pages)
            except _ERRORS as err:
                report.failed.append((path.name, str(err)))
                continue
            ident = db.identity(doc)
            same = db.find_same(w, doc.sha256, ident, any_state=True)
            if same is not None:
                report.skipped.append(path.name)
                if same.sha256 != doc.sha256:
                    report.same_as[path.name] = f"{same.file_name} ({same.doc_id})"
                continue
            chunks = build_chunks(doc)
            w.execute("BEGIN IMMEDIATE")
            db.insert_document(w, doc, chunks, state=db.ADDING, writer=writer, ident=ident)
            w.execute("COMMIT")
            keep_file(settings.home, doc.sha256, path)
            staged.append((doc.doc_id, deadline))
            report.added.append(doc.summary())
    return staged


def _embed_all(
    new: Store,
    staged: list[tuple[str, Deadline]],
    embedder: Embedder | None,
    report: IngestReport,
    progress: Progress | None,
) -> None:
    """Embed each staged document within what is left of its wall clock, mark it done, then write BM25 and manifest."""
    emb = embedder or new.embedder()
    dim = None
    with new.writing() as w:
        for done, (doc_id, deadline) in enumerate(staged):
            chunks = db.doc_chunks(w, doc_id)
            found = db.row(w, doc_id)
            name = found.file_name if found else doc_id
            if progress:
                progress(done, len(staged), f"{name}: embedding {len(chunks)} chunks")
            try:
                vectors = embed_passages(emb, [c.dense_text for c in chunks], deadline)
                new.chroma.add(chunks, vectors)
            except _ERRORS as err:
                report.failed.append((name, str(err)))
                return
            dim = int(vectors.shape[1])
            w.execute("BEGIN IMMEDIATE")
            db.set_state(w, doc_id, db.DONE)
            w.execute("COMMIT")
        w.execute("BEGIN IMMEDIATE")
        new.commit(w, dim=dim)


def _discard(settings: Settings, new: Store | None, root: Path) -> None:
    """Delete a store folder that will not be used (and its collection on a Chroma server)."""
    try:
        if new is not None:
            new.close()
        if settings.chroma_url:
            ChromaBackend(root, settings.chroma_url).drop()
    finally:
        layout.remove_root(settings.home, root)
