"""The store keeps a content-addressed copy of each ingested file (HOME/files/<sha256>.pdf/.txt), removed with it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from index.embed.hashed import HashedEmbedder
from index.ingest import ingest
from index.intake import file_sha256
from index.settings import Settings
from index.store.files import kept_path
from index.store.opening import open_store
from tests.index.conftest import CORPUS


def test_pdf_copy_kept_with_boxes_and_removed_with_the_document(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home", embed_model="fake:64")
    store = open_store(settings)
    src = tmp_path / "in" / "welfare.pdf"
    src.parent.mkdir()
    shutil.copyfile(CORPUS["welfare"], src)
    text = tmp_path / "in" / "dapeng.txt"
    shutil.copyfile(CORPUS["dapeng"], text)
    report = ingest(store, [src, text], embedder=HashedEmbedder(64))
    assert len(report.added) == 2, report.failed
    sha = file_sha256(src)
    kept = kept_path(settings.home, sha)
    assert kept.read_bytes() == src.read_bytes()
    text_copy = kept_path(settings.home, file_sha256(text), ".txt")
    assert sorted(p.name for p in (settings.home / "files").iterdir()) == sorted([kept.name, text_copy.name])
    src.unlink()  # the upload is gone; the copy stays
    doc_id = sha[:12]
    boxed = [f for f in store.facts([doc_id]) if f.source.bbox is not None]
    assert boxed and all(f.source.page for f in boxed), "boxes survive the round trip through SQLite"
    store.remove(doc_id)
    assert not kept.exists() and text_copy.exists()
    store.remove(file_sha256(text)[:12])
    assert not text_copy.exists()


def test_kept_path_refuses_anything_but_a_digest(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        kept_path(tmp_path, "../../etc/passwd")


def test_rebuild_keeps_the_copies_of_exactly_its_files(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home", embed_model="fake:64")
    store = open_store(settings)
    pdf, text = CORPUS["welfare"], CORPUS["dapeng"]
    report = ingest(store, [pdf, text], rebuild=True, embedder=HashedEmbedder(64))
    assert len(report.added) == 2, report.failed
    assert kept_path(settings.home, file_sha256(pdf)).exists()
    assert kept_path(settings.home, file_sha256(text), ".txt").exists()
    ingest(store, [text], rebuild=True, embedder=HashedEmbedder(64))
    assert not kept_path(settings.home, file_sha256(pdf)).exists(), "the dropped PDF's copy is gone"
    assert kept_path(settings.home, file_sha256(text), ".txt").exists()
