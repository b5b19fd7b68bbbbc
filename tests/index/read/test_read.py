"""read_document: good files read whole, bad files refused with a message naming the file."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from index.errors import NotABudgetError, ReadError
from index.model import Document
from index.read.document import read_document
from index.read.inspect import render_inspect

Read = Callable[[str], Document]
Where = Callable[[str], Path]

NOVEL = """第一章 山城

清晨的雾气还没有散去，老街上已经有人挑着担子走过。
他站在桥头，看着江水慢慢流向远方，心里想着昨天母亲说过的话。
“你要记得回家吃饭。”她说。可是他走了很远的路，一直没有回头。
"""

README_EN = """# budget-tools

A small command line tool. Install with `pip install budget-tools` and run `budget --help`.
It prints a table of your monthly spending. MIT licensed.
"""


def test_dapeng_reads_whole(corpus_doc: Read, corpus_path: Where) -> None:
    doc = corpus_doc("dapeng")
    data = corpus_path("dapeng").read_bytes()
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.doc_id == doc.sha256[:12]
    assert doc.page_count is None
    assert {t.label for t in doc.tables} >= {"表7 一般公共预算支出表（按功能分类）", "表1 收支总表"}
    assert doc.facts and doc.sections


def test_gbk_text_reads_like_utf8(tmp_path: Path, corpus_doc: Read, corpus_path: Where) -> None:
    utf8 = corpus_doc("dapeng")
    gbk = tmp_path / "dapeng_gbk.txt"
    gbk.write_bytes(corpus_path("dapeng").read_text(encoding="utf-8").encode("gbk"))
    doc = read_document(gbk)
    assert doc.sha256 != utf8.sha256
    assert (doc.title, doc.department, doc.year) == (utf8.title, utf8.department, utf8.year)
    assert [(s.heading_path, s.text) for s in doc.sections] == [(s.heading_path, s.text) for s in utf8.sections]
    assert [(t.label, t.rows) for t in doc.tables] == [(t.label, t.rows) for t in utf8.tables]
    assert len(doc.facts) == len(utf8.facts)


def test_utf8_with_bom_and_crlf(tmp_path: Path, corpus_doc: Read, corpus_path: Where) -> None:
    p = tmp_path / "dapeng_bom.md"
    text = corpus_path("dapeng").read_text(encoding="utf-8").replace("\n", "\r\n")
    p.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    doc = read_document(p)
    assert [s.text for s in doc.sections] == [s.text for s in corpus_doc("dapeng").sections]


def _scanned_pdf(tmp_path: Path) -> Path:
    from PIL import Image

    p = tmp_path / "scanned.pdf"
    Image.new("RGB", (600, 800), "white").save(p, "PDF")
    return p


def _encrypted_pdf(tmp_path: Path, source: Path) -> Path:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    writer.append(pypdf.PdfReader(source))
    writer.encrypt("secret")
    p = tmp_path / "locked.pdf"
    with p.open("wb") as fh:
        writer.write(fh)
    return p


def _bad_files(tmp_path: Path, welfare: Path) -> dict[str, tuple[Path, type[ReadError], str]]:
    """name -> (file, expected error, words the message must hold)."""
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("\n \n\t\n", encoding="utf-8")
    noise = os.urandom(4096)
    (tmp_path / "random.txt").write_bytes(noise)
    (tmp_path / "random.pdf").write_bytes(noise)
    (tmp_path / "random.bin").write_bytes(noise)
    (tmp_path / "novel.txt").write_text(NOVEL, encoding="utf-8")
    (tmp_path / "README.md").write_text(README_EN, encoding="utf-8")
    (tmp_path / "report.docx").write_bytes(b"PK\x03\x04" + noise)
    (tmp_path / "folder").mkdir()
    data = welfare.read_bytes()
    (tmp_path / "truncated.pdf").write_bytes(data[: len(data) // 2])
    return {
        "missing": (tmp_path / "nowhere.pdf", ReadError, "not found"),
        "folder": (tmp_path / "folder", ReadError, "folder"),
        "empty": (tmp_path / "empty.txt", ReadError, "empty"),
        "blank": (tmp_path / "blank.txt", ReadError, "empty"),
        "random.txt": (tmp_path / "random.txt", ReadError, "binary"),
        "random.pdf": (tmp_path / "random.pdf", ReadError, "not a PDF"),
        "random.bin": (tmp_path / "random.bin", ReadError, "unsupported file type .bin"),
        "docx": (tmp_path / "report.docx", ReadError, "unsupported file type .docx"),
        "novel": (tmp_path / "novel.txt", NotABudgetError, "not look like a budget disclosure"),
        "readme": (tmp_path / "README.md", NotABudgetError, "not look like a budget disclosure"),
        "truncated": (tmp_path / "truncated.pdf", ReadError, "truncated"),
        "scanned": (_scanned_pdf(tmp_path), ReadError, "no text layer"),
        "encrypted": (_encrypted_pdf(tmp_path, welfare), ReadError, "encrypted"),
    }


def test_bad_inputs_raise_errors_naming_the_file(tmp_path: Path, corpus_path: Where) -> None:
    for name, (path, error, words) in _bad_files(tmp_path, corpus_path("welfare")).items():
        with pytest.raises(error) as info:
            read_document(path)
        message = str(info.value)
        assert message.startswith(f"{path.name}: "), (name, message)
        assert words in message, (name, message)
        assert info.value.path == path


def test_non_budget_chinese_text_about_money(tmp_path: Path) -> None:
    p = tmp_path / "news.txt"
    p.write_text("本周家庭支出约1200元，收入5000元，下个月的预算还要再算一算。\n", encoding="utf-8")
    with pytest.raises(NotABudgetError, match=r"news\.txt: "):
        read_document(p)


def test_pdf_by_content_whatever_its_name(tmp_path: Path, corpus_path: Where) -> None:
    p = tmp_path / "welfare.txt"
    p.write_bytes(corpus_path("welfare").read_bytes())
    doc = read_document(p)
    assert doc.department == "上海市普陀区社会福利院"
    assert doc.page_count == 16


def test_cli_inspect_bad_file_is_one_line(tmp_path: Path, corpus_path: Where) -> None:
    bad = _bad_files(tmp_path, corpus_path("welfare"))
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "BUDGETQA_HOME": str(tmp_path / "home")}
    for name in ("truncated", "novel", "random.txt", "scanned"):
        path = bad[name][0]
        run = subprocess.run(
            [sys.executable, "-m", "assistant.cli", "inspect", str(path)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert run.returncode == 1, (name, run.stderr)
        assert "Traceback" not in run.stderr
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 1 and path.name in lines[0], (name, run.stderr)
        assert run.stdout == ""


def test_cli_inspect_json_on_the_sample(tmp_path: Path, corpus_path: Where) -> None:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "BUDGETQA_HOME": str(tmp_path / "home")}
    run = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "inspect", "--json", str(corpus_path("dapeng"))],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["metadata"]["department"] == "深圳市大鹏新区政务服务数据管理局"
    assert data["metadata"]["year"] == 2022
    t7 = next(t for t in data["tables"] if t["label"] == "表7 一般公共预算支出表（按功能分类）")
    assert (t7["unit"], t7["kind"], t7["empty"]) == ("万元", "gp_function", False)
    assert any(s["heading"].endswith("（四）项目支出 4,644 万元，具体包括：") for s in data["sections"])
    assert data["facts"] and {"subject", "measure", "value", "unit", "source"} <= set(data["facts"][0])


def test_inspect_text_view(corpus_doc: Read) -> None:
    doc = corpus_doc("justice")
    text = render_inspect(doc, as_json=False)
    assert text.splitlines()[0] == "上海市普陀区司法局2026年部门预算"
    assert "  2026年部门预算编制说明  [p.8-9," in text
    assert "EMPTY" in text  # 政府性基金 table published empty (page 17)
    empty = [t for t in doc.tables if t.empty]
    assert any(17 in t.pages for t in empty)
    data = json.loads(render_inspect(doc, as_json=True))
    assert data["metadata"]["page_count"] == 23
    assert len(data["facts"]) == len(doc.facts)
