"""Limits checked before reading (size, pages), the wall clock per document, and the edges of collecting files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from index.embed.hashed import HashedEmbedder
from index.errors import LimitError
from index.ingest import ingest
from index.intake import scan_files
from index.read.document import read_document
from index.read.limits import check_upload
from index.settings import Settings
from index.store.opening import open_store

ROOT = Path(__file__).resolve().parents[3]
DAPENG = ROOT / "index" / "data" / "shenzhen_dapeng_data_bureau_2022_dept_budget.txt"
FINANCE = ROOT / "tests" / "fixtures" / "shanghai_putuo_finance_2024_dept_final.pdf"


def _sparse(path: Path, mb: int, head: bytes = b"") -> Path:
    with path.open("wb") as fh:
        fh.write(head)
        fh.truncate(mb * 1_000_000)
    return path


def test_a_60_mb_file_is_refused_in_chinese_before_reading(tmp_path: Path) -> None:
    big = _sparse(tmp_path / "big.pdf", 60, b"%PDF-1.7\n")
    with pytest.raises(LimitError, match=r"big\.pdf: 文件太大：60\.0 MB，上限 50 MB.*--max-mb") as info:
        check_upload(big, Settings(home=tmp_path))
    assert "file too large" in str(info.value)
    check_upload(big, Settings(home=tmp_path), max_mb=100)  # raised, it passes (pdfium finds no pages to count)


def test_page_limits_for_pdf_and_text(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path)
    check_upload(FINANCE, settings)  # 25 pages
    with pytest.raises(LimitError, match=r"页数太多：25 页，上限 10 页"):
        check_upload(FINANCE, settings, max_pages=10)
    check_upload(DAPENG, settings, max_pages=5)  # 40 KB of text: 5 pages of 9 KB
    with pytest.raises(LimitError, match=r"页数太多：5 页，上限 4 页"):
        check_upload(DAPENG, settings, max_pages=4)


def test_wall_clock_limit_stops_a_document_and_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    store = open_store(Settings(home=tmp_path / "home", embed_model="fake:64", max_ingest_seconds=0.01))
    report = ingest(store, [FINANCE], embedder=HashedEmbedder(64))
    assert report.added == [] and len(report.failed) == 1
    name, reason = report.failed[0]
    assert name == FINANCE.name and "处理超时" in reason and "BUDGETQA_MAX_INGEST_SECONDS" in reason
    assert store.documents() == [] and store.chroma.count() == 0


def test_utf16_and_utf32_text_reads_like_utf8(tmp_path: Path) -> None:
    text = DAPENG.read_text(encoding="utf-8")
    utf8 = read_document(DAPENG)
    for encoding in ("utf-16", "utf-32"):
        copy = tmp_path / f"dapeng_{encoding}.txt"
        copy.write_bytes(text.encode(encoding))
        doc = read_document(copy)
        assert [f.value for f in doc.facts] == [f.value for f in utf8.facts] and len(doc.facts) == 358
    bare = tmp_path / "no_bom.txt"
    bare.write_bytes(text.encode("utf-16-le"))
    with pytest.raises(Exception, match="looks like UTF-16 text without a byte-order mark"):
        read_document(bare)


def test_symlink_loops_and_unsupported_files_are_named(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("x", encoding="utf-8")
    (folder / "table.xlsx").write_bytes(b"PK")
    (folder / ".DS_Store").write_bytes(b"")
    (folder / "self").symlink_to(folder / "self")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    scan = scan_files([folder, tmp_path / "loop"])
    assert scan.files == [folder / "a.txt"]
    assert scan.unsupported == [folder / "table.xlsx"]
    assert [name for name, _ in scan.problems] == ["self", "loop"]
    assert all("symbolic link loop" in reason for _, reason in scan.problems)


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BUDGETQA_HOME": str(home), "BUDGETQA_EMBED_MODEL": "fake:64", "HF_HUB_OFFLINE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args], capture_output=True, text=True, env=env, timeout=300, cwd=ROOT
    )


def test_cli_ingest_edges(tmp_path: Path) -> None:
    home = tmp_path / "home"
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.docx").write_bytes(b"PK")
    run = _cli(home, "ingest", str(empty))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "notes.docx" in run.stderr and "没有找到可读取的文件" in run.stderr
    loop = tmp_path / "loop.pdf"
    loop.symlink_to(loop)
    run = _cli(home, "ingest", str(loop))
    assert run.returncode == 1 and "Traceback" not in run.stderr and "symbolic link loop" in run.stderr
    big = _sparse(tmp_path / "big.txt", 60)
    run = _cli(home, "ingest", str(big))
    assert run.returncode == 1 and "文件太大：60.0 MB，上限 50 MB" in run.stderr
    run = _cli(home, "ingest", "--max-mb", "100", str(big))
    assert run.returncode == 1 and "页数太多：6667 页" in run.stderr  # 60 MB of text at 9 KB a page
    run = _cli(home, "ingest", "--max-mb", "100", "--max-pages", "10000", str(big))
    assert run.returncode == 1 and "binary file" in run.stderr  # past the limits, read (and refused) as usual
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.txt", "empty", "home", "loop.pdf"]
