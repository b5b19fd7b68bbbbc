"""Baselines scored in the same run, on the same embedding and the same documents.

- `llama_index_dense`: the common plain pipeline: each document's plain text
  (sections, then tables rendered as tab-separated text) split by llama-index's
  `SentenceSplitter`, embedded with *our* embedding model wrapped as a llama-index
  `BaseEmbedding`, a `VectorStoreIndex`, dense top-k. Nothing is set on the global
  `llama_index.core.Settings`; the embedding is passed explicitly.
- `bm25`: BM25 alone over our own chunks, with the store's Chinese tokenizer.

Both return ranked chunk texts per question; `eval.summary.RetrievalRun` turns
them into recall@k / MRR and "the top-1 / top-k chunk prints the expected value"
(an upper bound for any reader built on top of them).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from eval.questionset import Question
from eval.summary import RetrievalRun
from index.model import HEADING_SEP, Document
from index.store.chunks import Chunk

# (question, doc ids in scope) -> ranked chunk texts
Search = Callable[[str, Sequence[str]], list[str]]

SPLITTER_CHUNK_SIZE = 512
SPLITTER_OVERLAP = 64


def document_text(doc: Document) -> str:
    """A document as one plain text: sections with their headings, then every table as tab-separated lines."""
    parts: list[str] = []
    for section in doc.sections:
        heading = HEADING_SEP.join(section.heading_path)
        parts.append(f"{heading}\n{section.text}" if heading else section.text)
    for table in doc.tables:
        lines = [f"{table.label}（单位：{table.unit}）" if table.unit else table.label, "\t".join(table.header)]
        lines += ["\t".join(row) for row in table.rows]
        if table.note:
            lines.append(table.note)
        parts.append("\n".join(lines))
    return "\n\n".join(p for p in parts if p.strip())


def bm25_search(chunks: Sequence[Chunk], *, k: int) -> Search:
    """BM25 alone over our chunks (one index over all loaded documents, filtered to the question's scope)."""
    import numpy as np

    from index.store.bm25 import BM25Index

    index = BM25Index.build([c.id for c in chunks], [c.text for c in chunks], 0)
    docs = np.array([str(c.metadata.get("doc_id", "")) for c in chunks])
    texts = [c.text for c in chunks]

    def search(question: str, doc_ids: Sequence[str]) -> list[str]:
        scores = index.scores(question)
        if len(scores) == 0:
            return []
        mask = np.isin(docs, list(doc_ids)) if doc_ids else np.ones(len(texts), dtype=bool)
        scores = np.where(mask, scores, -np.inf)
        order = np.argsort(-scores, kind="stable")[:k]
        return [texts[i] for i in order if np.isfinite(scores[i]) and scores[i] > 0]

    return search


def llama_index_search(documents: Sequence[Document], embed_model: Any, *, k: int) -> tuple[Search, int]:
    """A plain llama-index pipeline (SentenceSplitter + dense top-k); returns the search and its node count."""
    from llama_index.core import Document as LIDocument
    from llama_index.core import VectorStoreIndex
    from llama_index.core.node_parser import SentenceSplitter

    splitter = SentenceSplitter(chunk_size=SPLITTER_CHUNK_SIZE, chunk_overlap=SPLITTER_OVERLAP)
    li_docs = [
        LIDocument(text=document_text(d), metadata={"doc_id": d.doc_id}, excluded_embed_metadata_keys=["doc_id"])
        for d in documents
    ]
    nodes = splitter.get_nodes_from_documents(li_docs)
    index = VectorStoreIndex(nodes, embed_model=embed_model, show_progress=False)

    # Filtered by document after ranking every node: SimpleVectorStore's `IN` metadata filter returns nothing.
    retriever = index.as_retriever(similarity_top_k=max(k, len(nodes)))

    def search(question: str, doc_ids: Sequence[str]) -> list[str]:
        wanted = set(doc_ids)
        ranked = [n for n in retriever.retrieve(question) if not wanted or n.node.metadata.get("doc_id") in wanted]
        return [n.node.get_content() for n in ranked[:k]]

    return search, len(nodes)


def run_baseline(
    name: str, search: Search, questions: Sequence[tuple[Question, Sequence[str]]], *, k: int
) -> RetrievalRun:
    """Rank chunks for every (question, doc ids) pair and record relevance and value ranks."""
    run = RetrievalRun(name=name, k=k)
    for q, doc_ids in questions:
        run.add(q, search(q.question, doc_ids))
    return run
