"""What the page shows for answers, citations and documents (pure rendering, no server)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.answer_types import Answer, Citation
from assistant.ui import parse_auth
from assistant.ui_render import (
    answer_text,
    chat_message,
    chip_label,
    citation_dict,
    document_label,
    documents_html,
    escape,
    inert,
    ingest_message,
    line_html,
    progress_line,
    source_html,
    stream_pieces,
    welcome_markdown,
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


def test_answer_text_lists_formula_warnings_and_numbered_sources() -> None:
    ans = Answer(
        question="q",
        answer="住房公积金2026年合计为2,087,959.00元。[1]",
        citations=[ROW_CITE, TEXT_CITE],
        formula="a − b",
        warnings=["文件中数字不一致"],
    )
    text = answer_text(ans)
    assert text.startswith("住房公积金2026年合计为2,087,959.00元。[1]")
    assert "\n\n算式：a − b\n\n⚠️ 文件中数字不一致\n\n来源：\n[1] " in text
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


PAYLOAD = '<img src=http://203.0.113.9/x.png><a href="http://203.0.113.9/p">点我</a>'


def test_chat_messages_are_escaped_text() -> None:
    message = chat_message("user", f"{PAYLOAD}政府投资项目预算多少 & 2<3")
    assert message == {
        "role": "user",
        "content": '&lt;img src=http://203.0.113.9/x.png&gt;&lt;a href="http://203.0.113.9/p"&gt;点我&lt;/a&gt;'
        "政府投资项目预算多少 &amp; 2&lt;3",
    }
    assert escape("“三公”经费（万元）") == "“三公”经费（万元）"  # Chinese text passes unchanged


def test_inert_leaves_no_markdown_or_html_syntax() -> None:
    text = inert(f"{PAYLOAD} ![i](http://203.0.113.9/m.png) [l](http://x) www.example.org *强调* `代码` 5,883万元")
    for syntax in "<>[]()!*`:/.&\"'":
        assert syntax not in text.replace("&#", "").replace(";", ""), syntax
    assert text.startswith("&#60;img src&#61;http&#58;&#47;&#47;203&#46;0&#46;113&#46;9")
    assert text.endswith("5&#44;883万元")
    assert inert("文档库：1 份文档。") == "文档库：1 份文档。"


def test_welcome_names_the_documents_without_markup() -> None:
    text = welcome_markdown([{**JUSTICE, "department": "<b>司法局</b>"}])
    assert "我可以回答关于已载入的部门预算" in text
    assert "已载入 1 份文件：&#60;b&#62;司法局&#60;&#47;b&#62; 2026年部门预算。" in text
    assert "还没有载入文件" in welcome_markdown([])


def test_status_lines_and_progress_are_chinese_and_escaped() -> None:
    assert line_html("未能读取：<b>.pdf", "error") == '<div class="bq-line bq-error">未能读取：&lt;b&gt;.pdf</div>'
    assert line_html("") == ""
    assert progress_line(0, 1, "a.pdf: reading") == "读取并识别表格：a.pdf"
    assert (
        progress_line(1, 3, "b.pdf: indexing 16 pages, 9 tables, 482 facts")
        == "建立索引：b.pdf（16页，9张表，482个数据点）（第 2/3 个文件）"
    )
    assert progress_line(0, 2, "c.txt: indexing 13 tables, 355 facts") == (
        "建立索引：c.txt（13张表，355个数据点）（第 1/2 个文件）"
    )
    assert progress_line(2, 2, "done") == "即将完成…"
    assert progress_line(0, 2, "something new") == "正在处理（第 1/2 个文件）"


def test_source_html_highlights_the_value_and_gives_the_unit_escaped() -> None:
    cite = replace(ROW_CITE, unit="元", mark="2087959.00")
    html = source_html(citation_dict(cite))
    assert "<caption>单位：元</caption>" in html
    assert "221 02 01 住房公积金 <mark>2087959.00</mark> 2087959.00 0.00" in html, "only the first occurrence"
    assert "<td><mark>2087959.00</mark></td>" in html
    hostile = replace(TEXT_CITE, mark="2,008 万元<b>")
    text = source_html(citation_dict(hostile))
    assert "<mark>2,008 万元&lt;b&gt;</mark>" in text and "<b>" not in text
    missing = source_html(citation_dict(replace(TEXT_CITE, mark="9,999")))
    assert "<mark>" not in missing
