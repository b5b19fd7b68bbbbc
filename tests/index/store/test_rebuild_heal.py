"""Rebuild (all or nothing, swapped atomically), dedupe by document identity, and healing a known document."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from index.embed.hashed import HashedEmbedder
from index.errors import StoreError
from index.ingest import ingest
from index.rebuild import rebuild_store
from index.retrieve.hybrid import Retriever
from index.settings import Settings
from index.store import layout
from index.store.doctor import check_store, repair_store
from index.store.facade import Store
from index.store.opening import open_store
from tests.index.index_docs import fake_reader, write_files
from tests.index.test_ingest import snapshot

DAPENG = Path(__file__).resolve().parents[3] / "index" / "data" / "shenzhen_dapeng_data_bureau_2022_dept_budget.txt"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path / "home", embed_model="fake:64")


def run(store: Store, paths: list[Path], **kw: Any) -> Any:
    return ingest(store, paths, embedder=HashedEmbedder(64), reader=fake_reader, **kw)


def _dense(store: Store) -> list[tuple[str, float]]:
    return [
        (i, round(s, 6)) for i, s in Retriever(store, HashedEmbedder(64)).dense("一般行政管理事务 住房公积金", k=50)
    ]


def _home_listing(home: Path) -> list[str]:
    return sorted(p.name for p in home.iterdir())


@pytest.mark.parametrize("bad", ["missing", "broken", "folder-with-loop"])
def test_rebuild_with_a_bad_input_leaves_the_store_exactly_as_it_was(
    settings: Settings, tmp_path: Path, bad: str
) -> None:
    files = write_files(tmp_path / "in", 3)
    store = open_store(settings)
    run(store, files[:2])
    before, listing, root = snapshot(store), _home_listing(settings.home), store.root
    if bad == "missing":
        wrong = tmp_path / "in" / "typo.pdf"
    elif bad == "broken":
        wrong = tmp_path / "in" / "zz_broken.txt"
        wrong.write_text("BROKEN", encoding="utf-8")
    else:
        wrong = tmp_path / "loop"
        wrong.symlink_to(wrong)
    report = rebuild_store(settings, [files[2], wrong], embedder=HashedEmbedder(64), reader=fake_reader)
    assert report.kept and report.failed and report.failed[0][0] == wrong.name
    assert {"missing": "file not found", "broken": "not a budget disclosure", "folder-with-loop": "symbolic link loop"}[
        bad
    ] in report.failed[0][1]
    assert _home_listing(settings.home) == listing  # no new store folder left behind
    assert store.root == root and snapshot(store) == before
    assert snapshot(open_store(settings)) == before


def test_rebuild_swaps_in_a_new_store_and_open_stores_follow(settings: Settings, tmp_path: Path) -> None:
    files = write_files(tmp_path / "in", 3)
    store = open_store(settings)
    run(store, files[:2])
    old_root = store.root
    report = rebuild_store(settings, [files[2], files[0]], embedder=HashedEmbedder(64), reader=fake_reader)
    assert not report.kept and [a["file_name"] for a in report.added] == ["doc2.txt", "doc0.txt"]
    assert not old_root.exists() and layout.current_root(settings.home) != old_root
    assert [d["file_name"] for d in store.documents()] == ["doc2.txt", "doc0.txt"]  # followed the swap
    assert store.root != old_root and store.chroma.ids() == {c.id for c in store.chunks()}
    assert check_store(store).ok
    assert snapshot(open_store(settings)) == snapshot(store)


def test_rebuild_is_refused_when_another_writer_changed_the_store_meanwhile(settings: Settings, tmp_path: Path) -> None:
    files = write_files(tmp_path / "in", 3)
    store = open_store(settings)
    run(store, files[:1])

    def reader_that_lets_another_writer_in(path: Path) -> Any:
        if path.name == "doc1.txt":
            run(open_store(settings), [files[2]])  # a concurrent `budgetqa ingest`
        return fake_reader(path)

    with pytest.raises(StoreError, match="重建期间另一个进程修改了文档库"):
        rebuild_store(settings, files[:2], embedder=HashedEmbedder(64), reader=reader_that_lets_another_writer_in)
    assert [d["file_name"] for d in store.documents()] == ["doc0.txt", "doc2.txt"]  # nothing lost
    assert check_store(store).ok
    assert [p.name for p in settings.home.glob("store-*")] == [store.root.name]


def test_a_copy_in_another_encoding_is_already_in_the_store(settings: Settings, tmp_path: Path) -> None:
    text = DAPENG.read_text(encoding="utf-8")
    copies = tmp_path / "copies"
    copies.mkdir()
    (copies / "dapeng_gbk.txt").write_bytes(text.encode("gb18030"))
    (copies / "dapeng_utf16.txt").write_bytes(text.encode("utf-16"))
    (copies / "dapeng_utf32.txt").write_bytes(text.encode("utf-32"))
    store = open_store(settings)
    first = ingest(store, [DAPENG], embedder=HashedEmbedder(64))
    doc_id = first.added[0]["doc_id"]
    report = ingest(store, [copies], embedder=HashedEmbedder(64))
    assert report.added == [] and report.failed == []
    assert report.skipped == ["dapeng_gbk.txt", "dapeng_utf16.txt", "dapeng_utf32.txt"]
    assert set(report.same_as.values()) == {f"{DAPENG.name} ({doc_id})"}
    assert [d["doc_id"] for d in store.documents()] == [doc_id]
    rebuilt = rebuild_store(settings, [copies], embedder=HashedEmbedder(64))  # identity dedupe inside a rebuild too
    assert len(rebuilt.added) == 1 and rebuilt.skipped == ["dapeng_utf16.txt", "dapeng_utf32.txt"]


def test_ingest_of_a_known_file_heals_its_missing_vectors(settings: Settings, tmp_path: Path) -> None:
    files = write_files(tmp_path / "in", 2)
    store = open_store(settings)
    run(store, files)
    before, dense_before = snapshot(store), _dense(store)
    doc_id = fake_reader(files[0]).doc_id
    lost = sorted(i for i in store.chroma.ids() if i.startswith(doc_id))[:5]
    store.chroma.delete(lost)  # the state issue 12 found: listed, but vectors gone
    health = check_store(store)
    broken = next(d for d in health.documents if d.doc_id == doc_id)
    assert broken.problems == [f"5 of {broken.vectors[1]} vectors missing"] and not health.ok
    report = run(store, [files[0]])
    assert report.skipped == ["doc0.txt"] and report.healed == [f"{doc_id} (doc0.txt): re-embedded 5 missing vectors"]
    assert check_store(store).ok
    after = snapshot(store)
    assert after == before  # equal vectors re-inserted elsewhere in Chroma's graph still rank alike
    assert sorted(_dense(store)) == sorted(dense_before)


def test_repair_rebuilds_lost_fact_and_chunk_rows_from_the_stored_document(settings: Settings) -> None:
    store = open_store(settings)
    report = ingest(store, [DAPENG], embedder=HashedEmbedder(64))
    doc_id = report.added[0]["doc_id"]
    before = snapshot(store)
    with store.writing() as w:
        w.execute("DELETE FROM facts WHERE doc_id=? AND ord % 3 = 0", (doc_id,))
        w.execute("DELETE FROM chunks WHERE doc_id=? AND ord % 7 = 0", (doc_id,))
    health = check_store(store)
    assert not health.ok and any("facts stored" in p for p in health.documents[0].problems)
    repaired = repair_store(store, HashedEmbedder(64))
    assert repaired.ok, repaired.problems
    assert any("rewrote 206 chunks and 358 facts" in note for note in repaired.repaired)
    assert snapshot(store) == before


def test_repair_finishes_an_interrupted_removal_and_clears_leftover_folders(settings: Settings, tmp_path: Path) -> None:
    from index.store import db

    files = write_files(tmp_path / "in", 2)
    store = open_store(settings)
    run(store, files)
    gone = fake_reader(files[0]).doc_id
    with store.writing() as w:  # a `docs rm` killed right after marking the document
        w.execute("BEGIN IMMEDIATE")
        db.set_state(w, gone, db.REMOVING, "1@nowhere@1")
        w.execute("COMMIT")
    stray = settings.home / "store-19990101-000000-abcdef"  # a rebuild killed before its swap
    stray.mkdir()
    assert [d["file_name"] for d in store.documents()] == ["doc1.txt"]
    health = check_store(store)
    assert health.problems == [
        f"interrupted write: {gone} (doc0.txt) left removing (pid 1 gone)",
        "the saved BM25 index is behind SQLite (every process rebuilds it in memory)",
        "manifest.json does not list the stored documents",
        f"leftover of an interrupted write or rebuild: {stray}",
    ]
    assert all(d.ok for d in health.documents)
    repaired = repair_store(store)
    assert repaired.ok and not stray.exists()
    assert not any(i.startswith(gone) for i in store.chroma.ids())
