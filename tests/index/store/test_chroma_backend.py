"""Chroma keeps the vectors and the metadata queries filter on; everything else about a chunk lives in SQLite."""

from __future__ import annotations

from pathlib import Path

from index.embed.hashed import HashedEmbedder
from index.retrieve.hybrid import Retriever
from index.settings import Settings
from index.store.chroma_backend import FILTER_KEYS
from index.store.opening import open_store
from tests.index.index_docs import make_doc

LLAMA_INDEX_KEYS = {"_node_content", "_node_type", "document_id", "doc_id", "ref_doc_id"}


def test_chroma_holds_only_filter_metadata_and_filters_still_work(tmp_path: Path) -> None:
    store = open_store(Settings(home=tmp_path / "home", embed_model="fake:64"))
    embedder = HashedEmbedder(64)
    store.add_document(make_doc("a" * 64, department="测试部门甲", year=2022), embedder)
    store.add_document(make_doc("b" * 64, department="测试部门乙", year=2023, name="b.txt"), embedder)
    metadatas = store.chroma.collection.get(include=["metadatas"])["metadatas"]
    assert metadatas and all(set(m) <= set(FILTER_KEYS) | LLAMA_INDEX_KEYS for m in metadatas)
    assert all(len(m.get("_node_content", "")) < 1000 for m in metadatas)
    retriever = Retriever(store, embedder)
    hits = retriever.dense("住房公积金", k=50, doc_ids=["b" * 12])
    assert hits and all(cid.startswith("b" * 12) for cid, _ in hits)
    a_hits = retriever.dense("住房公积金", k=50, doc_ids=["a" * 12])
    assert a_hits and all(cid.startswith("a" * 12) for cid, _ in a_hits)
    found = retriever.retrieve("住房公积金", doc_ids=["b" * 12])
    assert found and found[0].locator and found[0].metadata["department"] == "测试部门乙"  # full metadata from SQLite


def test_writing_vectors_stores_only_filter_keys_and_skips_llama_index(tmp_path: Path) -> None:
    """Writes go through chromadb itself: no llama-index import (1.2 s per ingest), no second copy of the text."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[3]
    code = (
        "import sys; from pathlib import Path; from index.embed.hashed import HashedEmbedder; from index.settings import Settings;"
        "from index.store.opening import open_store; from tests.index.index_docs import make_doc;"
        f"store = open_store(Settings(home=Path({str(tmp_path / 'home')!r}), embed_model='fake:64'));"
        "store.add_document(make_doc('c' * 64, department='测试部门丙', year=2024), HashedEmbedder(64));"
        "got = store.chroma.collection.get(include=['metadatas', 'documents']);"
        "print(sorted({k for m in got['metadatas'] for k in m}), set(got['documents']), 'llama_index' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    assert done.stdout.strip() == f"{sorted(FILTER_KEYS)} {{None}} False"
