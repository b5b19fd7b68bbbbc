"""Dense side of the store: a Chroma collection, embedded or on a server, written and queried through chromadb.

Embeddings are computed by our own `Embedder`. Chroma keeps each chunk's id,
vector and the metadata queries filter on; the text and everything else live in
SQLite. Writes used to go through llama-index's ChromaVectorStore, which stored
the text twice more (as the document and inside `_node_content`) and cost 1.2 s and
50 MB of import on every ingest; stores written that way read the same. chromadb is
imported on first use only.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np

from index.errors import StoreError
from index.store.chunks import Chunk

COLLECTION = "budgetqa_chunks"
# Chunk metadata kept in Chroma: what queries filter on. The rest (locator, row, table, page…) is
# read from SQLite by chunk id; stored in Chroma it took about 1 MB per document, most of the store.
FILTER_KEYS = ("doc_id", "department", "year", "kind")


def _client(home: Path, chroma_url: str | None) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if chroma_url:
        url = urlparse(chroma_url)
        try:
            return chromadb.HttpClient(
                host=url.hostname or "127.0.0.1",
                port=url.port or 8000,
                ssl=url.scheme == "https",
                settings=chroma_settings,
            )
        except (ValueError, ConnectionError) as err:
            raise StoreError(f"cannot reach the Chroma server at {chroma_url}: {err}") from err
    return chromadb.PersistentClient(path=str(home / "chroma"), settings=chroma_settings)


def collection_name(home: Path, chroma_url: str | None) -> str:
    """One collection per store; on a shared server, the home directory keeps stores apart."""
    if not chroma_url:
        return COLLECTION
    return f"{COLLECTION}_{hashlib.sha256(str(home.resolve()).encode()).hexdigest()[:10]}"


def _flat(metadata: dict[str, Any]) -> dict[str, Any]:
    """Chroma metadata holds str/int/float/bool only: drop None, stringify the rest."""
    out: dict[str, Any] = {}
    for key, value in metadata.items():
        if value is None:
            continue
        out[key] = value if isinstance(value, str | int | float | bool) else str(value)
    return out


class ChromaBackend:
    """Add, delete and query chunk vectors by chunk id.

    Nothing is imported or opened until the first vector operation, so opening a
    store (and answering from BM25 and SQLite) never pays for chromadb or
    llama-index. Opening never changes anything: repairs are the store's, under its write lock.
    """

    def __init__(self, home: Path, chroma_url: str | None) -> None:
        self.home = home
        self.chroma_url = chroma_url
        self.name = collection_name(home, chroma_url)
        self._client: Any = None
        self._collection: Any = None
        self._lock = threading.RLock()  # first use may come from several answering threads at once
        self._idle = threading.Condition()  # `reopen` waits until no operation is in flight
        self._busy = 0
        self._closing = False

    @property
    def is_open(self) -> bool:
        return self._collection is not None

    @property
    def client(self) -> Any:
        with self._lock:
            if self._client is None:
                self._client = _client(self.home, self.chroma_url)
            return self._client

    @property
    def collection(self) -> Any:
        if self._collection is not None:
            return self._collection
        with self._lock:
            if self._collection is None:
                collection = self.client.get_or_create_collection(self.name, metadata={"hnsw:space": "cosine"})
                self._collection = collection
            return self._collection

    @contextmanager
    def _using(self) -> Iterator[None]:
        """Shared use of the open client (any number at once); `reopen` takes it exclusively."""
        with self._idle:
            while self._closing:
                self._idle.wait()
            self._busy += 1
        try:
            yield
        finally:
            with self._idle:
                self._busy -= 1
                self._idle.notify_all()

    def reopen(self) -> None:
        """Load the collection afresh on next use: an embedded client does not see another process's writes.

        Waits for operations in flight on the old client, then closes it (a no-op for a server).
        """
        if self.chroma_url or self._client is None:
            return
        with self._idle:
            while self._closing:
                self._idle.wait()
            self._closing = True
            while self._busy:
                self._idle.wait()
        try:
            with self._lock:
                client, self._client, self._collection = self._client, None, None
                close = getattr(client, "close", None)
                if close is not None:
                    close()
        finally:
            with self._idle:
                self._closing = False
                self._idle.notify_all()

    def add(self, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        ids = [chunk.id for chunk in chunks]
        metadatas = [_flat({key: chunk.metadata.get(key) for key in FILTER_KEYS}) for chunk in chunks]
        if len(ids) != len(vectors):
            raise ValueError(f"{len(ids)} chunks but {len(vectors)} vectors")
        with self._using():
            for start in range(0, len(ids), 1000):
                end = start + 1000
                self.collection.add(ids=ids[start:end], embeddings=vectors[start:end], metadatas=metadatas[start:end])

    def delete(self, ids: Sequence[str]) -> None:
        with self._using():
            for start in range(0, len(ids), 1000):
                self.collection.delete(ids=list(ids[start : start + 1000]))

    def ids(self) -> set[str]:
        with self._using():
            return set(self.collection.get(include=[])["ids"])

    def existing(self, ids: Sequence[str]) -> set[str]:
        """Which of these chunk ids have a vector."""
        found: set[str] = set()
        with self._using():
            for start in range(0, len(ids), 1000):
                found.update(self.collection.get(ids=list(ids[start : start + 1000]), include=[])["ids"])
        return found

    def count(self) -> int:
        with self._using():
            return int(self.collection.count())

    def drop(self) -> None:
        """Delete the whole collection (a store folder being thrown away)."""
        names = {c if isinstance(c, str) else c.name for c in self.client.list_collections()}
        if self.name in names:
            self.client.delete_collection(self.name)
        self._collection = None

    def clear(self) -> None:
        self.drop()
        self._collection = self.client.get_or_create_collection(self.name, metadata={"hnsw:space": "cosine"})

    def query(self, vector: np.ndarray, k: int, where: dict[str, Any] | None = None) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) of the k nearest chunks, filtered by `where` (Chroma syntax)."""
        kwargs: dict[str, Any] = {"where": where} if where else {}
        with self._using():
            n = int(self.collection.count())
            if n == 0:
                return []
            result = self.collection.query(
                query_embeddings=[vector.tolist()], n_results=min(k, n), include=["distances"], **kwargs
            )
        ids = result["ids"][0] if result["ids"] else []
        dists = result["distances"][0] if result.get("distances") else [1.0] * len(ids)
        hits = [(str(i), 1.0 - float(d)) for i, d in zip(ids, dists, strict=False)]
        # equal vectors (a chunk text printed twice) come back in graph order, which follows insertion:
        # rank ties by id so a store rebuilt or healed answers exactly as before
        return sorted(hits, key=lambda hit: (-hit[1], hit[0]))
