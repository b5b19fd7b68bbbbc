"""Ingest: idempotence, per-file failure isolation, interrupted ingest leaves the store as it was."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from index.embed.hashed import HashedEmbedder
from index.ingest import ingest
from index.intake import scan_files
from index.retrieve.hybrid import Retriever
from index.settings import Settings
from index.store.bm25 import BM25Index
from index.store.facade import Store
from index.store.opening import open_store
from tests.index.index_docs import fake_reader, write_files

QUERIES = ("一般行政管理事务", "住房公积金 支出总计", "政府投资项目", "测试部门1")


def snapshot(store: Store) -> dict[str, Any]:
    """Everything a user could observe: documents, chunk ids, facts, vectors, BM25 and hybrid results."""
    retriever = Retriever(store, HashedEmbedder(64))
    return {
        "documents": store.documents(),
        "chunks": [(c.id, c.text) for c in store.chunks()],
        "facts": store.facts(),
        "chroma": sorted(store.chroma.ids()),
        "bm25": {q: retriever.lexical(q) for q in QUERIES},
        "hybrid": {q: [(h.chunk_id, round(h.score, 9)) for h in retriever.retrieve(q)] for q in QUERIES},
        "manifest": dict(store.manifest.documents),
    }


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return open_store(Settings(home=tmp_path / "home", embed_model="fake:64"))


def run(store: Store, paths: list[Path], **kw: Any) -> Any:
    return ingest(store, paths, embedder=HashedEmbedder(64), reader=fake_reader, **kw)


def test_folder_ingest_and_idempotent_reingest(store: Store, tmp_path: Path) -> None:
    files = write_files(tmp_path / "in", 3)
    (tmp_path / "in" / "skip.csv").write_text("x")
    assert scan_files([tmp_path / "in"]).files == files
    report = run(store, [tmp_path / "in"])
    assert [a["file_name"] for a in report.added] == ["doc0.txt", "doc1.txt", "doc2.txt"]
    before = snapshot(store)
    again = run(store, [tmp_path / "in", files[0]])
    assert again.added == [] and again.skipped == ["doc0.txt", "doc1.txt", "doc2.txt"]
    assert snapshot(store) == before


def test_failed_file_is_reported_and_others_go_in(store: Store, tmp_path: Path) -> None:
    files = write_files(tmp_path / "in", 2)
    bad = tmp_path / "in" / "bad.txt"
    bad.write_text("BROKEN", encoding="utf-8")
    progress: list[tuple[int, int, str]] = []
    report = run(
        store, [files[0], bad, files[1], tmp_path / "missing.pdf"], progress=lambda d, t, m: progress.append((d, t, m))
    )
    assert len(report.added) == 2
    assert report.failed == [("bad.txt", "bad.txt: not a budget disclosure"), ("missing.pdf", "file not found")]
    assert progress[0] == (0, 4, "doc0.txt: reading") and progress[-1] == (4, 4, "done")
    assert any(step[2].startswith("doc0.txt: indexing") for step in progress)


def test_interrupt_during_chroma_write_leaves_store_unchanged(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = write_files(tmp_path / "in", 2)
    run(store, [files[0]])
    before = snapshot(store)
    real_add = store.chroma.add

    def add_some_then_interrupt(chunks: Any, vectors: Any) -> None:
        real_add(chunks[:3], vectors[:3])  # some vectors really land in Chroma
        raise KeyboardInterrupt

    monkeypatch.setattr(store.chroma, "add", add_some_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        run(store, [files[1]])
    monkeypatch.undo()
    assert snapshot(store) == before
    reopened = open_store(store.settings)
    assert snapshot(reopened) == before


def test_interrupt_in_embedder_leaves_store_unchanged(store: Store, tmp_path: Path) -> None:
    files = write_files(tmp_path / "in", 2)
    run(store, [files[0]])
    before = snapshot(store)

    class Exploding(HashedEmbedder):
        def embed_passages(self, texts: list[str]) -> Any:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest(store, [files[1]], embedder=Exploding(64), reader=fake_reader)
    assert snapshot(store) == before


def test_disk_error_while_writing_bm25_rolls_back(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = write_files(tmp_path / "in", 3)
    run(store, [files[0]])
    before = snapshot(store)

    def disk_full(self: BM25Index, folder: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(BM25Index, "save", disk_full)
    report = run(store, [files[1]])
    monkeypatch.undo()
    assert report.added == [] and "No space left" in report.failed[0][1]
    assert snapshot(store) == before
    assert len(run(store, [files[1], files[2]]).added) == 2  # the store still works


def test_rebuild_drops_everything_first(store: Store, tmp_path: Path) -> None:
    files = write_files(tmp_path / "in", 2)
    run(store, [files[0]])
    report = run(store, [files[1]], rebuild=True)
    assert [d["file_name"] for d in store.documents()] == ["doc1.txt"]
    assert len(report.added) == 1
    remaining = store.documents()[0]["doc_id"]
    assert store.chroma.ids() and all(i.startswith(remaining) for i in store.chroma.ids())


def test_cli_ingest_docs_rm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.cli import app

    files = write_files(tmp_path / "in", 2)
    (tmp_path / "in" / "bad.txt").write_text("BROKEN", encoding="utf-8")
    monkeypatch.setattr("index.intake._default_reader", fake_reader)
    monkeypatch.setenv("BUDGETQA_EMBED_MODEL", "fake:64")
    home = str(tmp_path / "home")
    runner = CliRunner()
    result = runner.invoke(app, ["--home", home, "ingest", str(tmp_path / "in")])
    assert result.exit_code == 1
    assert "2 added, 0 skipped, 1 failed" in result.output
    listed = runner.invoke(app, ["--home", home, "docs"])
    assert listed.exit_code == 0 and "测试部门0" in listed.output
    doc_id = fake_reader(files[0]).doc_id
    assert runner.invoke(app, ["--home", home, "docs", "rm", doc_id]).exit_code == 0
    again = runner.invoke(app, ["--home", home, "ingest", str(files[0]), str(files[1])])
    assert again.exit_code == 0 and "1 added, 1 skipped, 0 failed" in again.output
