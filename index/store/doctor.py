"""`budgetqa doctor`: does every listed document have all its chunks, facts, vectors and BM25 entries? Heal what not.

The check runs under the store's write lock (it waits for a running ingest to
finish), so it sees finished writes only and its report is exact. Per document
it compares the chunk and fact rows with the counts recorded when the document
was written, asks Chroma for every chunk's vector, and looks each chunk up in
the BM25 index. For the store it reports pending documents left by an
interrupted write, vectors no document owns, a saved BM25 index or manifest
behind SQLite, and store folders left by an interrupted rebuild.

`repair_store` (doctor --repair) heals under the same lock: missing vectors are
re-embedded from the stored chunk texts; missing chunk or fact rows are rebuilt
from the stored document body; the rest is what `Store.repair` does plus
deleting orphan vectors and leftover folders.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from index.embed.embedder import Embedder, embed_passages
from index.store import db, layout
from index.store.bm25 import BM25Index
from index.store.chroma_backend import ChromaBackend
from index.store.chunks import build_chunks
from index.store.layout import BM25_DIR, MANIFEST_NAME
from index.store.lock import Writer
from index.store.manifest import Manifest

if TYPE_CHECKING:
    from index.store.facade import Store


@dataclass(slots=True)
class DocumentHealth:
    """One listed document: (found, expected) counts of each thing it needs."""

    doc_id: str
    file_name: str
    chunks: tuple[int, int]
    facts: tuple[int, int]
    vectors: tuple[int, int]
    lexical: tuple[int, int]

    @property
    def problems(self) -> list[str]:
        out = []
        for name, (found, expected) in (("chunks", self.chunks), ("facts", self.facts)):
            if found != expected:
                out.append(f"{found} of {expected} {name} stored")
        for name, (found, expected) in (("vectors", self.vectors), ("BM25 entries", self.lexical)):
            if found != expected:
                out.append(f"{expected - found} of {expected} {name} missing")
        return out

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "ok": self.ok, "problems": self.problems}


@dataclass(slots=True)
class StoreHealth:
    """The whole store: every listed document, and what no document owns."""

    root: Path
    documents: list[DocumentHealth]
    pending: list[str] = field(default_factory=list)
    orphan_vectors: int = 0
    lexical_stale: bool = False
    manifest_stale: bool = False
    leftovers: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        """Store-level problems (per-document ones are in `documents`)."""
        out = [f"interrupted write: {p}" for p in self.pending]
        if self.orphan_vectors:
            out.append(f"{self.orphan_vectors} vectors belong to no document")
        if self.lexical_stale:
            out.append("the saved BM25 index is behind SQLite (every process rebuilds it in memory)")
        if self.manifest_stale:
            out.append("manifest.json does not list the stored documents")
        out.extend(f"leftover of an interrupted write or rebuild: {p}" for p in self.leftovers)
        return out

    @property
    def ok(self) -> bool:
        return not self.problems and all(d.ok for d in self.documents)

    def to_json(self) -> dict[str, Any]:
        return {
            "root": str(self.root),
            "ok": self.ok,
            "documents": [d.to_json() for d in self.documents],
            "problems": self.problems,
            "repaired": list(self.repaired),
        }


def _expected_chunks(conn: sqlite3.Connection, row: db.Row) -> int:
    if row.n_chunks is not None:
        return row.n_chunks
    doc = db.get_document(conn, row.doc_id, any_state=True)
    return len(build_chunks(doc)) if doc is not None else 0


def check_document(store: Store, conn: sqlite3.Connection, row: db.Row, lexical_ids: set[str]) -> DocumentHealth:
    ids = db.doc_chunk_ids(conn, row.doc_id)
    n_chunks, n_facts = db.counts(conn, row.doc_id)
    present = store.chroma.existing(ids) if ids else set()
    return DocumentHealth(
        row.doc_id,
        row.file_name,
        (n_chunks, _expected_chunks(conn, row)),
        (n_facts, row.n_facts),
        (len(present), len(ids)),
        (sum(1 for i in ids if i in lexical_ids), len(ids)),
    )


def _check(store: Store, w: sqlite3.Connection) -> StoreHealth:
    vector_ids = store.chroma.ids()
    lexical_ids = set(store.bm25().ids)
    documents = [check_document(store, w, row, lexical_ids) for row in db.rows(w, db.DONE)]
    pending = []
    for row in db.pending(w):
        writer = Writer.parse(row.writer)
        running = writer is not None and writer.running() and not writer.is_me()
        who = f"pid {writer.pid} {'still running' if running else 'gone'}" if writer else "writer unknown"
        pending.append(f"{row.doc_id} ({row.file_name}) left {row.state} ({who})")
    saved = Manifest.load(store.root / MANIFEST_NAME)
    done = {r.doc_id: r.sha256 for r in db.rows(w, db.DONE)}
    return StoreHealth(
        root=store.root,
        documents=documents,
        pending=pending,
        orphan_vectors=len(vector_ids - db.chunk_ids(w)),
        lexical_stale=store.lexical_behind(w),
        manifest_stale=saved is None or saved.documents != done,
        leftovers=[str(p) for p in layout.leftovers(store.home)],
    )


def repair_interrupted(store: Store, w: sqlite3.Connection) -> list[str]:
    """Under the lock: finish what interrupted writes left (pending documents, the manifest); returns what was done.

    Every write calls this first. A pending document is dropped (vectors, then rows)
    unless its writer is another process that still runs: holding the lock proves
    that no write is in progress, the pid check is a second guard that never takes a
    live writer for dead. A saved BM25 index left behind by an interrupted batch is
    brought up to date by the next batch's end (`Store.refresh_lexical`) or
    `repair_store`; readers build it in memory meanwhile.
    """
    notes: list[str] = []
    dropped = False
    for row in db.pending(w):
        writer = Writer.parse(row.writer)
        if writer is not None and writer.running() and not writer.is_me():
            notes.append(f"{row.doc_id} ({row.file_name}): {row.state} by pid {writer.pid}, still running; left alone")
            continue
        store.chroma.delete(db.doc_chunk_ids(w, row.doc_id))
        store.transaction(w, lambda row=row: db.delete_document(w, row.doc_id))
        notes.append(f"{row.doc_id} ({row.file_name}): interrupted {row.state} undone")
        dropped = True
    _backfill(store, w)
    for path in layout.leftovers(store.home):
        if not path.name.startswith(layout.PREFIX) and path.name.startswith("."):  # temp files of killed writes
            layout.remove_path(path)
    if dropped:
        store.recommit(w)
        return notes
    saved = Manifest.load(store.root / MANIFEST_NAME)
    done = {r.doc_id: r.sha256 for r in db.rows(w, db.DONE)}
    if saved is None or saved.documents != done:
        store.manifest = Manifest(
            store.manifest.embed_model, store.manifest.embed_dim if done else None, documents=done
        )
        store.manifest.save(store.root / MANIFEST_NAME)
        notes.append("manifest brought in step with SQLite")
    return notes


def _backfill(store: Store, w: sqlite3.Connection) -> None:
    """Documents stored before identities existed get theirs (once, under the lock)."""
    for row in db.rows(w, db.DONE):
        if row.identity is None:
            doc = db.get_document(w, row.doc_id)
            if doc is not None:
                ident, n = db.identity(doc), len(build_chunks(doc))
                store.transaction(w, lambda d=row.doc_id, i=ident, k=n: db.set_identity(w, d, i, k))


def check_store(store: Store) -> StoreHealth:
    """The store's health, read under the write lock (so no write is half-way while it looks)."""
    with store.writing() as w:
        return _check(store, w)


def repair_store(store: Store, embedder: Embedder | None = None) -> StoreHealth:
    """Heal everything `check_store` can find, under the write lock; returns the health after, with what was done."""
    with store.writing() as w:
        notes = store.repair(w)
        healed: list[str] = []
        for row in db.rows(w, db.DONE):
            healed.extend(heal_document(store, w, row.doc_id, embedder, lexical=False))
        notes.extend(healed)
        if any("rewrote" in note for note in healed) or store.lexical_behind(w):
            store.recommit(w)
            notes.append("BM25 index rebuilt")
        orphans = sorted(store.chroma.ids() - db.chunk_ids(w))
        if orphans:
            store.chroma.delete(orphans)
            notes.append(f"deleted {len(orphans)} vectors that belonged to no document")
        for path in layout.leftovers(store.home):
            if path.name.startswith(layout.PREFIX) and store.settings.chroma_url:
                ChromaBackend(path, store.settings.chroma_url).drop()
            layout.remove_path(path)
            notes.append(f"removed leftover {path.name}")
        health = _check(store, w)
        health.repaired = notes
        return health


def heal_document(
    store: Store, w: sqlite3.Connection, doc_id: str, embedder: Embedder | None = None, *, lexical: bool = True
) -> list[str]:
    """Under the lock: give a stored document back whatever it lacks; returns what was done (empty when complete).

    `lexical=False` leaves the BM25 check to the caller (once for many documents).
    """
    row = db.row(w, doc_id)
    if row is None or row.state != db.DONE:
        return []
    notes: list[str] = []
    label = f"{doc_id} ({row.file_name})"
    ids = db.doc_chunk_ids(w, doc_id)
    n_chunks, n_facts = db.counts(w, doc_id)
    rewritten = n_chunks != _expected_chunks(w, row) or n_facts != row.n_facts
    if rewritten:
        notes.append(f"{label}: {_rewrite(store, w, row, embedder)}")
        ids = db.doc_chunk_ids(w, doc_id)
    else:
        present = store.chroma.existing(ids)
        missing = [c for c in db.doc_chunks(w, doc_id) if c.id not in present]
        if missing:
            vectors = embed_passages(embedder or store.embedder(), [c.dense_text for c in missing])
            store.chroma.add(missing, vectors)
            notes.append(f"{label}: re-embedded {len(missing)} missing vectors")
    if not lexical:
        return notes
    if rewritten or not set(ids) <= set(BM25Index.saved_ids(store.root / BM25_DIR)):
        store.recommit(w)
        notes.append(f"{label}: BM25 index rebuilt")
    return notes


def _rewrite(store: Store, w: sqlite3.Connection, row: db.Row, embedder: Embedder | None) -> str:
    """Rebuild a document's chunks and facts from its stored body (it stays listed throughout)."""
    from index.facts.extract import extract_facts

    doc = db.get_document(w, row.doc_id)
    if doc is None:
        return "body unreadable; remove it (`budgetqa docs rm`) and ingest the file again"
    doc.facts = extract_facts(doc)
    chunks = build_chunks(doc)
    if len(doc.facts) != row.n_facts:
        return (
            f"the stored body gives {len(doc.facts)} facts, {row.n_facts} were recorded; "
            "remove it (`budgetqa docs rm`) and ingest the file again"
        )
    vectors = embed_passages(embedder or store.embedder(), [c.dense_text for c in chunks])
    old = db.doc_chunk_ids(w, row.doc_id)
    w.execute("BEGIN IMMEDIATE")
    try:
        db.replace_content(w, doc, chunks)
        w.execute("COMMIT")
    except BaseException:
        if w.in_transaction:
            w.execute("ROLLBACK")
        raise
    store.chroma.delete(old)
    store.chroma.add(chunks, vectors)
    return f"rewrote {len(chunks)} chunks and {len(doc.facts)} facts from the stored document"
