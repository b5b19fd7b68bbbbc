"""Hybrid retrieval: dense (Chroma, query prompt) + Chinese BM25, fused by reciprocal rank (index.retrieve.fusion).

The BM25 index and the per-chunk filter columns are loaded once per store
generation; a query costs one query embedding, one Chroma query, one sparse
BM25 scoring pass and one SQLite lookup of the winning chunks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from index.embed.embedder import Embedder
from index.model import Hit
from index.retrieve.fusion import fuse
from index.settings import Tunables
from index.store import db

if TYPE_CHECKING:
    from index.store.bm25 import BM25Index
    from index.store.facade import Store

CANDIDATES = 40  # per retriever, before fusion


@dataclass(slots=True)
class _Columns:
    """The document of each chunk, aligned with the BM25 index ids."""

    index: object  # the BM25Index these columns are aligned with (a rebuilt store restarts its generations)
    doc_code: np.ndarray  # int code of each chunk's document (codes[doc_id])
    codes: dict[str, int]


class Retriever:
    """Dense + BM25 retrieval over one store, optionally within some documents."""

    def __init__(self, store: Store, embedder: Embedder | None = None) -> None:
        """Without an `embedder`, questions are embedded by the store's `query_embedder()`."""
        self.store = store
        self.embedder = embedder or store.query_embedder()
        self._columns: _Columns | None = None

    def _filter_columns(self, bm25: BM25Index) -> _Columns:
        """The columns aligned with `bm25` (the index the scores came from: the store may load a newer generation
        between two calls of `store.bm25()`, when another process ingests)."""
        if self._columns is None or self._columns.index is not bm25:
            known = db.chunk_docs(self.store.conn)
            docs = [known.get(i, "") for i in bm25.ids]
            codes: dict[str, int] = {}
            for d in docs:
                codes.setdefault(d, len(codes))
            self._columns = _Columns(bm25, np.array([codes[d] for d in docs], dtype=np.int32), codes)
        return self._columns

    def dense(
        self, query: str, *, k: int = CANDIDATES, doc_ids: Sequence[str] | None = None
    ) -> list[tuple[str, float]]:
        """(chunk id, cosine) of the nearest chunks by embedding."""
        if doc_ids is not None and not doc_ids:
            return []
        vector = self.embedder.embed_queries([query])[0]
        where = {"doc_id": {"$in": list(doc_ids)}} if doc_ids is not None else None
        return self.store.chroma.query(vector, k, where)

    def lexical(
        self, query: str, *, k: int = CANDIDATES, doc_ids: Sequence[str] | None = None
    ) -> list[tuple[str, float]]:
        """(chunk id, BM25 score) of the best lexical matches (score > 0)."""
        bm25 = self.store.bm25()
        scores = bm25.scores(query)
        if scores.size == 0:
            return []
        cols = self._filter_columns(bm25)
        mask = np.ones(scores.shape, dtype=bool)
        if doc_ids is not None:
            mask &= np.isin(cols.doc_code, [cols.codes[d] for d in doc_ids if d in cols.codes])
        scores = np.where(mask, scores, 0.0)
        candidates = np.flatnonzero(scores > 0)
        if candidates.size > k:  # keep the k best (and any tied with the k-th) before sorting
            kth = np.partition(scores[candidates], candidates.size - k)[candidates.size - k]
            candidates = candidates[scores[candidates] >= kth]
        top = candidates[np.lexsort((candidates, -scores[candidates]))][:k]  # best first, ties by position
        return [(bm25.ids[i], float(scores[i])) for i in top]

    def retrieve(
        self, query: str, *, k: int = 8, doc_ids: Sequence[str] | None = None, mode: str = "hybrid",
        lexical_query: str | None = None, extra: Sequence[tuple[float, list[tuple[str, float]]]] = (),
        tunables: Tunables | None = None,
    ) -> list[Hit]:  # fmt: skip
        """The k best chunks by reciprocal-rank fusion of dense and BM25 rankings (weights from `tunables`,
        the store's settings by default).

        `mode="lexical"` ranks by BM25 alone (no embedding, no Chroma: the cheap path used
        when the answer comes from facts), `"dense"` by the embedding alone.
        `lexical_query` is what BM25 matches instead of `query` when the caller has
        prepared one (organisation names taken out, document terms for everyday words added);
        the embedding always sees `query`. `extra` holds further (weight, ranking) pairs
        to fuse, such as the chunks printing the facts a structured matcher ranks best.
        """
        if mode not in ("hybrid", "lexical", "dense"):
            raise ValueError(f"unknown retrieval mode {mode!r}")
        tun = tunables or self.store.settings.tunables
        n = max(CANDIDATES, 3 * k)
        rankings: list[tuple[float, list[tuple[str, float]]]] = []
        if mode != "lexical":
            rankings.append((1.0, self.dense(query, k=n, doc_ids=doc_ids)))
        if mode != "dense":
            rankings.append((tun.lexical_weight, self.lexical(lexical_query or query, k=n, doc_ids=doc_ids)))
        rankings.extend(extra)
        best = fuse(rankings, tun.rrf_k, k)
        chunks = {c.id: c for c in db.chunks(self.store.conn, [cid for cid, _ in best])}
        hits = []
        for chunk_id, score in best:
            chunk = chunks.get(chunk_id)
            if chunk is None:  # a vector whose document was removed meanwhile
                continue
            meta = chunk.metadata
            hits.append(
                Hit(
                    chunk_id=chunk_id, text=chunk.text, score=score, doc_id=str(meta.get("doc_id", "")),
                    kind=chunk.kind, locator=str(meta.get("locator", "")), page=meta.get("page"), metadata=meta,
                )
            )  # fmt: skip
        return hits
