"""A batch ingest rebuilds the BM25 index once (not once per file), and an interrupted batch is repaired on use."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from index.embed.hashed import HashedEmbedder
from index.ingest import ingest
from index.retrieve.hybrid import Retriever
from index.settings import Settings
from index.store.bm25 import BM25Index
from index.store.facade import Store
from index.store.opening import open_store
from tests.index.index_docs import fake_reader, write_files


def open_fresh(home: Path) -> Store:
    return open_store(Settings(home=home, embed_model="fake:64"))


def run(store: Store, paths: list[Path]) -> Any:
    return ingest(store, paths, embedder=HashedEmbedder(64), reader=fake_reader)


def lexical(store: Store) -> dict[str, list[tuple[str, float]]]:
    retriever = Retriever(store, HashedEmbedder(64))
    return {q: retriever.lexical(q) for q in ("一般行政管理事务", "住房公积金", "测试部门2")}


def test_batch_builds_bm25_once_with_the_same_results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = write_files(tmp_path / "in", 4)
    one_by_one = open_fresh(tmp_path / "a")
    for f in files:
        run(one_by_one, [f])
    builds: list[int] = []
    real_build = BM25Index.build.__func__  # type: ignore[attr-defined]

    def counting(cls: type[BM25Index], ids: list[str], texts: list[str], generation: int) -> BM25Index:
        builds.append(len(ids))
        return real_build(cls, ids, texts, generation)

    monkeypatch.setattr(BM25Index, "build", classmethod(counting))
    batch = open_fresh(tmp_path / "b")
    assert len(run(batch, files).added) == 4
    assert len(builds) == 1 and builds[0] == len(batch.chunks())
    monkeypatch.undo()
    assert lexical(open_fresh(tmp_path / "b")) == lexical(one_by_one)


def test_last_file_failing_still_leaves_bm25_current(tmp_path: Path) -> None:
    files = write_files(tmp_path / "in", 2)
    bad = tmp_path / "in" / "zz_bad.txt"
    bad.write_text("BROKEN", encoding="utf-8")
    store = open_fresh(tmp_path / "home")
    report = run(store, [*files, bad])
    assert len(report.added) == 2 and report.failed[0][0] == "zz_bad.txt"
    assert BM25Index.saved_generation(store.root / "bm25") == store.bm25().generation
    assert set(store.bm25().ids) == {c.id for c in store.chunks()}


def test_interrupted_batch_keeps_finished_files_searchable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = write_files(tmp_path / "in", 3)
    store = open_fresh(tmp_path / "home")
    calls = {"n": 0}
    real_add = store.add_prepared

    def interrupt_third(*args: Any, **kw: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real_add(*args, **kw)

    monkeypatch.setattr(store, "add_prepared", interrupt_third)
    with pytest.raises(KeyboardInterrupt):
        run(store, files)
    reopened = open_fresh(tmp_path / "home")
    assert [d["file_name"] for d in reopened.documents()] == ["doc0.txt", "doc1.txt"]
    assert set(reopened.bm25().ids) == {c.id for c in reopened.chunks()}  # stale index rebuilt from SQLite
