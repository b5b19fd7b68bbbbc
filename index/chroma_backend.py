"""Dense side of the store: llama-index's ChromaVectorStore over an embedded or remote Chroma.

Embeddings are computed by our own `Embedder` and handed in with the nodes;
nothing here relies on `llama_index.core.Settings`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np

from index.chunks import Chunk
from index.errors import StoreError

COLLECTION = "budgetqa_chunks"


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
    """Add, delete and query chunk vectors by chunk id."""

    def __init__(self, home: Path, chroma_url: str | None) -> None:
        from llama_index.vector_stores.chroma import ChromaVectorStore

        self.client = _client(home, chroma_url)
        self.name = collection_name(home, chroma_url)
        self.collection = self.client.get_or_create_collection(self.name, metadata={"hnsw:space": "cosine"})
        self.vector_store = ChromaVectorStore(chroma_collection=self.collection)

    def add(self, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        from llama_index.core.schema import BaseNode, NodeRelationship, RelatedNodeInfo, TextNode

        nodes: list[BaseNode] = []
        for chunk, vec in zip(chunks, vectors, strict=True):
            node = TextNode(id_=chunk.id, text=chunk.text, metadata=_flat(chunk.metadata), embedding=vec.tolist())
            node.relationships[NodeRelationship.SOURCE] = RelatedNodeInfo(node_id=str(chunk.metadata["doc_id"]))
            nodes.append(node)
        for start in range(0, len(nodes), 1000):
            self.vector_store.add(nodes[start : start + 1000])

    def delete(self, ids: Sequence[str]) -> None:
        for start in range(0, len(ids), 1000):
            self.collection.delete(ids=list(ids[start : start + 1000]))

    def ids(self) -> set[str]:
        return set(self.collection.get(include=[])["ids"])

    def count(self) -> int:
        return int(self.collection.count())

    def clear(self) -> None:
        self.client.delete_collection(self.name)
        self.collection = self.client.get_or_create_collection(self.name, metadata={"hnsw:space": "cosine"})
        from llama_index.vector_stores.chroma import ChromaVectorStore

        self.vector_store = ChromaVectorStore(chroma_collection=self.collection)

    def query(self, vector: np.ndarray, k: int, where: dict[str, Any] | None = None) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) of the k nearest chunks, filtered by `where` (Chroma syntax)."""
        from llama_index.core.vector_stores.types import VectorStoreQuery

        n = self.count()
        if n == 0:
            return []
        query = VectorStoreQuery(query_embedding=vector.tolist(), similarity_top_k=min(k, n))
        result = self.vector_store.query(query, where=where) if where else self.vector_store.query(query)
        ids = result.ids or []
        sims = result.similarities or [0.0] * len(ids)
        return list(zip(ids, (float(s) for s in sims), strict=False))
