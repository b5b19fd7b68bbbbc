"""What the page shows for answers, citations and documents (pure rendering, no server)."""

from __future__ import annotations

import pytest

from assistant.answer_types import Answer, Citation
from assistant.ui import parse_auth
from assistant.ui_render import (
    answer_markdown,
    chip_label,
    citation_dict,
    document_label,
    documents_html,
    ingest_message,
    source_html,
    stream_pieces,
)
from index.errors import BudgetQAError

ROW_CITE = Citation(
    doc="justice00001",
    title="上海市普陀区司法局2026年部门预算",
    locator="2026年部门支出预算总表 · 2210201 住房公积金 · 支出预算/合计",
    page=13,
    quote="221 02 01 住房公积金 2087959.00 2087959.00 0.00",
    header=("功能分类科目编码", "功能分类科目名称", "合计"),
    row=("2210201", "住房公积金", "2087959.00"),
)
TEXT_CITE = Citation(
    doc="dapeng000001",
    title="大鹏2022",
    locator="第三部分 › （四）项目支出",
    page=None,
    quote="7. 政府投资项目 2,008 万元<b>",
)
JUSTICE = {
    "doc_id": "justice00001",
    "department": "上海市普陀区司法局",
    "year": 2026,
    "stage": "预算",
    "scope": "部门",
    "page_count": 23,
    "tables": 9,
    "facts": 480,
}


def test_answer_markdown_lists_formula_warnings_and_numbered_sources() -> None:
    ans = Answer(
        question="q",
        answer="住房公积金2026年合计为2,087,959.00元。[1]",
        citations=[ROW_CITE, TEXT_CITE],
        formula="a − b",
        warnings=["文件中数字不一致"],
    )
    text = answer_markdown(ans)
    assert text.startswith("住房公积金2026年合计为2,087,959.00元。[1]")
    assert "算式：`a − b`" in text and "⚠️ 文件中数字不一致" in text
    assert (
        "[1] 上海市普陀区司法局2026年部门预算 · 2026年部门支出预算总表 · 2210201 住房公积金 · 支出预算/合计 · 第13页"
        in text
    )
    assert text.endswith("[2] 大鹏2022 · 第三部分 › （四）项目支出")  # no page for a text file


def test_chip_labels_are_numbered_and_short() -> None:
    label = chip_label(1, citation_dict(ROW_CITE))
    assert label.startswith("[1] 2026年部门支出预算总表") and label.endswith("… · 第13页")
    assert chip_label(2, citation_dict(TEXT_CITE)) == "[2] 第三部分 › （四）项目支出"


def test_source_html_renders_the_row_as_a_table_and_escapes() -> None:
    html = source_html(citation_dict(ROW_CITE))
    assert "第13页 · 文档 justice00001" in html
    assert "<thead><tr><th>功能分类科目编码</th><th>功能分类科目名称</th><th>合计</th></tr></thead>" in html
    assert "<tbody><tr><td>2210201</td><td>住房公积金</td><td>2087959.00</td></tr></tbody>" in html
    text = source_html(citation_dict(TEXT_CITE))
    assert "source-row" not in text and "&lt;b&gt;" in text and "<b>" not in text
    assert "点击" in source_html(None)


def test_stream_pieces_grow_to_the_full_text() -> None:
    pieces = list(stream_pieces("政府投资项目2022年预算数为2,008万元。", size=8))
    assert pieces[-1] == "政府投资项目2022年预算数为2,008万元。"
    assert [len(p) for p in pieces] == sorted(len(p) for p in pieces) and len(pieces) == 3  # 23 characters
    assert list(stream_pieces("")) == [""]


def test_documents_and_ingest_messages() -> None:
    assert document_label(JUSTICE) == "上海市普陀区司法局 2026年 预算"
    html = documents_html([JUSTICE])
    assert "<td>上海市普陀区司法局</td><td>2026</td><td>部门预算</td><td>23页 · 9表 · 480个数据点</td>" in html
    assert "还没有文档" in documents_html([])
    msg = ingest_message([JUSTICE], ["a.pdf"], [("x.pdf", "x.pdf: not a PDF")])
    assert (
        msg == "已添加：上海市普陀区司法局 2026年 预算；已存在（未重复添加）：a.pdf；未能读取：x.pdf：x.pdf: not a PDF"
    )


def test_parse_auth() -> None:
    assert parse_auth("alice:s3:cret") == ("alice", "s3:cret")
    assert parse_auth(None) is None
    with pytest.raises(BudgetQAError, match="user:pass"):
        parse_auth("alice")
