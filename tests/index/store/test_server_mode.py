"""Chroma server mode: a real `chroma run` on loopback, ingest and retrieval through HttpClient."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eval.scale_server import running_server
from index.embed.hashed import HashedEmbedder
from index.ingest import ingest
from index.retrieve.hybrid import Retriever
from index.settings import Settings
from index.store.facade import reset_store
from index.store.opening import open_store
from tests.index.index_docs import fake_reader, write_files


@pytest.fixture
def chroma_url(tmp_path: Path) -> Iterator[str]:
    with running_server(tmp_path / "server") as server:
        yield server.url


@pytest.mark.server
def test_ingest_and_retrieve_through_chroma_server(chroma_url: str, tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home", embed_model="fake:64", chroma_url=chroma_url)
    store = open_store(settings)
    files = write_files(tmp_path / "in", 2)
    report = ingest(store, files, embedder=HashedEmbedder(64), reader=fake_reader)
    assert len(report.added) == 2
    assert not (settings.home / "chroma").exists()  # vectors live on the server
    assert store.chroma.count() == len(store.chunks())
    hits = Retriever(store, HashedEmbedder(64)).retrieve("一般行政管理事务", k=3)
    assert hits[0].locator == "表7 一般公共预算支出表（按功能分类） · 2010302 一般行政管理事务"
    doc_id = report.added[0]["doc_id"]
    store.remove(doc_id)
    assert not any(i.startswith(doc_id) for i in store.chroma.ids())
    assert {h.doc_id for h in Retriever(open_store(settings), HashedEmbedder(64)).retrieve("住房公积金")} == {
        report.added[1]["doc_id"]
    }
    reset_store(settings)
    assert open_store(settings).chroma.count() == 0


@pytest.mark.server
def test_rebuild_through_a_chroma_server_swaps_the_collection(chroma_url: str, tmp_path: Path) -> None:
    from index.rebuild import rebuild_store
    from index.store.doctor import check_store

    settings = Settings(home=tmp_path / "home", embed_model="fake:64", chroma_url=chroma_url)
    store = open_store(settings)
    files = write_files(tmp_path / "in", 3)
    ingest(store, files[:2], embedder=HashedEmbedder(64), reader=fake_reader)
    old = store.chroma.name
    refused = rebuild_store(
        settings, [files[2], tmp_path / "typo.pdf"], embedder=HashedEmbedder(64), reader=fake_reader
    )
    assert refused.kept and store.chroma.name == old and len(store.documents()) == 2
    report = rebuild_store(settings, [files[2]], embedder=HashedEmbedder(64), reader=fake_reader)
    assert not report.kept and [d["file_name"] for d in store.documents()] == ["doc2.txt"]
    assert store.chroma.name != old and store.chroma.count() == len(store.chunks())
    names = {c if isinstance(c, str) else c.name for c in store.chroma.client.list_collections()}
    assert old not in names and store.chroma.name in names
    assert check_store(store).ok
