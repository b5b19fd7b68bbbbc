"""Store: round-trips, hybrid retrieval with filters, removal everywhere, manifest refusal (fake embedder)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.embed.hashed import HashedEmbedder
from index.errors import StoreError, StoreMismatchError
from index.retrieve.hybrid import Retriever
from index.settings import Settings
from index.store.facade import Store
from index.store.layout import MANIFEST_NAME
from index.store.opening import open_store
from tests.index.index_docs import make_doc


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path / "home", embed_model="fake:64")


@pytest.fixture
def store(settings: Settings) -> Store:
    st = open_store(settings)
    st.add_document(make_doc("a" * 64), HashedEmbedder(64))
    st.add_document(make_doc("b" * 64, department="上海市普陀区司法局", year=2026, name="b.pdf"), HashedEmbedder(64))
    return st


def test_documents_round_trip(store: Store) -> None:
    original = make_doc("a" * 64)
    assert [d["doc_id"] for d in store.documents()] == ["aaaaaaaaaaaa", "bbbbbbbbbbbb"]
    assert store.has("a" * 64) and not store.has("c" * 64)
    doc = store.get_document("aaaaaaaaaaaa")
    assert doc == original
    assert doc.tables[0].label == "表7 一般公共预算支出表（按功能分类）"
    assert doc.sections[0].heading_path == ("第三部分 部门预算支出具体情况", "一、支出总体情况")
    with pytest.raises(StoreError):
        store.get_document("nope")


def test_facts_filter_and_fields(store: Store) -> None:
    assert len(store.facts()) == 4
    facts = store.facts(["bbbbbbbbbbbb"])
    assert [(f.subject, f.value, f.unit, f.year) for f in facts] == [
        ("一般行政管理事务", 1461.0, "万元", 2026),
        ("住房公积金", 87.0, "万元", 2026),
    ]
    assert facts[0].source.doc_id == "bbbbbbbbbbbb" and facts[0].source.page == 5 and facts[0].code == "2010302"


def test_hybrid_retrieval_with_filters(store: Store) -> None:
    retriever = Retriever(store, HashedEmbedder(64))
    hits = retriever.retrieve("一般行政管理事务支出总计", k=3)
    assert hits[0].kind == "row"
    assert hits[0].locator == "表7 一般公共预算支出表（按功能分类） · 2010302 一般行政管理事务"
    assert hits[0].score > hits[-1].score
    only_b = retriever.retrieve("住房公积金", k=5, doc_ids=["bbbbbbbbbbbb"])
    assert only_b and {h.doc_id for h in only_b} == {"bbbbbbbbbbbb"}
    assert only_b[0].metadata["row"] == "2210201 住房公积金"
    assert {h.doc_id for h in retriever.retrieve("住房公积金", doc_ids=["aaaaaaaaaaaa"])} == {"aaaaaaaaaaaa"}
    assert retriever.retrieve("住房公积金", doc_ids=[]) == []


def test_remove_everywhere(store: Store) -> None:
    store.remove("aaaaaaaaaaaa")
    assert [d["doc_id"] for d in store.documents()] == ["bbbbbbbbbbbb"]
    assert all(f.source.doc_id == "bbbbbbbbbbbb" for f in store.facts())
    assert not any(i.startswith("aaaaaaaaaaaa") for i in store.chroma.ids())
    assert not any(i.startswith("aaaaaaaaaaaa") for i in store.bm25().ids)
    assert all(h.doc_id == "bbbbbbbbbbbb" for h in Retriever(store, HashedEmbedder(64)).retrieve("一般行政管理事务"))
    assert "aaaaaaaaaaaa" not in store.manifest.documents
    with pytest.raises(StoreError):
        store.remove("aaaaaaaaaaaa")


def test_reopen_keeps_everything(store: Store, settings: Settings) -> None:
    before = [h.chunk_id for h in Retriever(store, HashedEmbedder(64)).retrieve("政府投资项目预算", k=4)]
    store.close()
    again = open_store(settings)
    assert len(again.documents()) == 2
    assert [h.chunk_id for h in Retriever(again, HashedEmbedder(64)).retrieve("政府投资项目预算", k=4)] == before
    assert before[0].endswith(":section:0")


def test_mismatched_model_is_refused_with_rebuild_hint(store: Store, settings: Settings) -> None:
    store.close()
    with pytest.raises(StoreMismatchError, match=r"ingest --rebuild"):
        open_store(settings.model_copy(update={"embed_model": "intfloat/multilingual-e5-small"}))


def test_mismatched_parser_version_is_refused(
    store: Store, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.close()
    monkeypatch.setattr("index.store.manifest.PARSER_VERSION", "999")
    with pytest.raises(StoreMismatchError, match=r"parser version"):
        open_store(settings)


def test_open_without_create(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="budgetqa ingest"):
        open_store(Settings(home=tmp_path / "none", embed_model="fake:64"), create=False)


def test_adding_same_document_twice_is_a_no_op(store: Store) -> None:
    assert store.add_document(make_doc("a" * 64), HashedEmbedder(64)) is False
    assert len(store.documents()) == 2


def test_number_row_vector_is_of_its_table_and_row_label(store: Store) -> None:
    row = next(c for c in store.chunks(doc_ids=["aaaaaaaaaaaa"]) if c.metadata.get("row") == "2010302 一般行政管理事务")
    assert row.dense_text == "表7 一般公共预算支出表（按功能分类） 2010302 一般行政管理事务"
    assert "1,461" in row.text
    best = Retriever(store, HashedEmbedder(64)).dense(row.dense_text, k=1, doc_ids=["aaaaaaaaaaaa"])
    assert best[0][0] == row.id and best[0][1] > 0.999  # the stored vector is the label's, not the row text's
    assert Retriever(store, HashedEmbedder(64)).dense(row.text, k=1, doc_ids=["aaaaaaaaaaaa"])[0][1] < 0.99


def test_store_of_an_older_chunker_is_refused_with_the_rebuild_command(store: Store, settings: Settings) -> None:
    """Chunker 3 embedded number rows whole: such a store is rebuilt, not mixed with label vectors."""
    store.close()
    path = store.root / MANIFEST_NAME
    data = json.loads(path.read_text(encoding="utf-8"))
    data["chunker_version"] = "3"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(StoreMismatchError, match=r"chunker version 3, this BudgetQA has 4.*ingest --rebuild"):
        open_store(settings)
