"""Chunks: row text and locators, sentence packing, table summaries, stable ids."""

from __future__ import annotations

from collections.abc import Callable

from index.model import Document, Section, Table
from index.store.chunks import (
    DENSE_LABEL,
    MAX_CHARS,
    build_chunks,
    is_number_row,
    pack_section,
    pack_sentences,
    split_sentences,
)
from tests.index.index_docs import make_doc


def test_row_chunk_carries_table_unit_columns_and_values() -> None:
    doc = make_doc("ab" * 32)
    rows = [c for c in build_chunks(doc) if c.kind == "row"]
    assert rows[0].text == (
        "表7 一般公共预算支出表（按功能分类）（单位：万元） | 科目编码 2010302 | 科目名称 一般行政管理事务"
        " | 支出总计 1,461 | 基本支出 0 | 项目支出 1,461"
    )
    meta = rows[0].metadata
    assert meta["locator"] == "表7 一般公共预算支出表（按功能分类） · 2010302 一般行政管理事务"
    assert meta["row"] == "2010302 一般行政管理事务"
    assert meta["table"] == "表7 一般公共预算支出表（按功能分类）"
    assert meta["table_kind"] == "gp_function"
    assert (meta["doc_id"], meta["year"], meta["stage"], meta["page"]) == ("abababababab", 2022, "预算", 5)
    assert rows[2].metadata["page"] == 6


def test_section_chunks_have_heading_path_and_locator() -> None:
    doc = make_doc("cd" * 32)
    sections = [c for c in build_chunks(doc) if c.kind == "section"]
    assert len(sections) == 1
    assert sections[0].text.startswith(
        "第三部分 部门预算支出具体情况 › 一、支出总体情况\n2022年部门预算支出5,883万元。"
    )
    assert sections[0].metadata["locator"] == "第三部分 部门预算支出具体情况 › 一、支出总体情况"
    assert sections[0].metadata["page"] == 3


def test_long_section_is_cut_on_sentence_ends() -> None:
    sentence = "本部门加强预算绩效管理，" + "推进政务服务事项标准化" * 5 + "。"
    text = sentence * 20
    doc = make_doc("ef" * 32)
    doc.sections = [Section(("一、概况",), text)]
    pieces = [c.text.split("\n", 1)[1] for c in build_chunks(doc) if c.kind == "section"]
    assert len(pieces) > 1
    assert all(len(p) <= MAX_CHARS for p in pieces)
    assert all(p.endswith("。") for p in pieces)
    assert "".join(pieces) == text


def test_split_and_pack() -> None:
    assert split_sentences("甲。乙；丙！丁？\n戊") == ["甲。", "乙；", "丙！", "丁？", "戊"]
    assert pack_sentences(["a" * 150, "b" * 150, "c" * 10]) == ["a" * 150 + "b" * 150 + "c" * 10]
    assert pack_sentences(["x" * 900]) == ["x" * 400, "x" * 400, "x" * 100]


def test_table_summary_and_empty_table() -> None:
    doc = make_doc("12" * 32)
    doc.tables.append(
        Table("政府性基金预算支出表", "gov_fund", "万元", ["科目编码", "科目名称", "合计"], [], number="表9",
              note="本部门2022年无政府性基金预算财政拨款安排的预算，故本表为空表。", empty=True)
    )  # fmt: skip
    summaries = [c for c in build_chunks(doc) if c.kind == "table"]
    assert [c.metadata["locator"] for c in summaries] == [
        "表7 一般公共预算支出表（按功能分类）",
        "表9 政府性基金预算支出表",
    ]
    assert "共 3 行" in summaries[0].text and "列 科目编码、科目名称、支出总计、基本支出、项目支出" in summaries[0].text
    assert "本表为空表" in summaries[1].text and summaries[1].metadata["empty"] is True


def test_empty_table_has_no_row_chunks() -> None:
    doc = make_doc("56" * 32)
    doc.tables.append(
        Table("政府性基金预算支出表", "gov_fund", "万元", ["科目编码", "科目名称", "合计"], [["", "合计", ""]],
              number="表9", note="本部门2022年无政府性基金预算财政拨款安排的预算，故本表为空表。", empty=True)
    )  # fmt: skip
    chunks = [c for c in build_chunks(doc) if c.metadata.get("table") == "表9 政府性基金预算支出表"]
    assert [c.kind for c in chunks] == ["table"]  # the summary (with the note) stands for the bare label rows
    assert "注 本部门2022年无政府性基金预算财政拨款安排的预算" in chunks[0].text


def test_ids_are_stable_and_unique() -> None:
    doc = make_doc("34" * 32)
    first, second = build_chunks(doc), build_chunks(doc)
    assert [c.id for c in first] == [c.id for c in second]
    assert len({c.id for c in first}) == len(first)
    assert first[0].id == "343434343434:section:0"


def test_dapeng_row_chunk_from_real_document(corpus_doc: Callable[[str], Document]) -> None:
    doc = corpus_doc("dapeng")
    chunks = build_chunks(doc)
    row = next(c for c in chunks if c.kind == "row" and c.metadata["row"] == "2010302 一般行政管理事务")
    # 表7 of the Dapeng disclosure: 2010302 一般行政管理事务 1,461 | 0 | 1,461 (万元)
    assert row.text.startswith("表7 一般公共预算支出表（按功能分类）（单位：万元） | ")
    assert "支出总计 1,461" in row.text and "项目支出 1,461" in row.text
    assert row.metadata["locator"] == "表7 一般公共预算支出表（按功能分类） · 2010302 一般行政管理事务"


def test_pack_section_keeps_list_items_whole() -> None:
    items = [f"{i}. 项目{i} {i}00 万元，主要用于" + "运维服务、" * 40 + f"较上年增加 {i} 万元。" for i in range(1, 4)]
    pieces = pack_section("\n".join(items))
    assert pieces == items  # each item is over MIN_CHARS: one piece each, never cut between its figure and its change


def test_short_label_sentence_opens_the_next_piece() -> None:
    first = "一" * 190 + "。"
    label = "2.公务接待费。"
    body = "2022年预算数2万元，比2021年增加0万元。" + "二" * 250 + "。"
    pieces = pack_sentences([first, label, body])
    assert pieces == [first, label + body]


def test_long_sentence_cut_after_a_comma() -> None:
    sentence = "甲" * 300 + "，" + "乙" * 200 + "。"
    pieces = pack_sentences([sentence])
    assert pieces[0] == "甲" * 300 + "，"
    assert "".join(pieces) == sentence


def test_dapeng_reception_budget_in_one_chunk(corpus_doc: Callable[[str], Document]) -> None:
    # Dapeng 第五部分: "2.公务接待费。2022年预算数2万元，比2021年增加0万元，…"
    chunks = build_chunks(corpus_doc("dapeng"))
    assert any("2.公务接待费。2022年预算数2万元" in c.text for c in chunks if c.kind == "section")
    item = next(c for c in chunks if "4. 大厅运营事务 312 万元" in c.text)
    assert "较 2021 年预算减少 326 万元，减幅 51.1%" in item.text


def test_number_rows_are_embedded_by_table_and_row_label(corpus_doc: Callable[[str], Document]) -> None:
    """A row of labels and figures is embedded as its table and row label; the whole row stays its text."""
    chunks = build_chunks(corpus_doc("justice"))
    rows = [c for c in chunks if c.kind == "row"]
    assert len(rows) == 110 and all(c.metadata.get("dense") == DENSE_LABEL for c in rows)
    printing = next(c for c in rows if c.metadata["row"] == "30202 印刷费")
    assert printing.dense_text == "2026年部门一般公共预算基本支出部门预算经济分类预算表 30202 印刷费"
    assert "30000.00" in printing.text and "30000" not in printing.dense_text
    assert all(c.dense_text == c.text for c in chunks if c.kind != "row")


def test_rows_carrying_prose_embed_their_text(corpus_doc: Callable[[str], Document]) -> None:
    """Dapeng's performance tables describe each project in a cell: those rows keep their text as the vector's."""
    rows = [c for c in build_chunks(corpus_doc("dapeng")) if c.kind == "row"]
    prose = [c for c in rows if c.dense_text == c.text]
    assert (len(rows), len(prose)) == (167, 16)
    invest = next(c for c in prose if c.metadata["row"] == "政府投资项目" and "重点项目" in c.metadata["table"])
    assert "推进大鹏新区数据共享2.0项目" in invest.dense_text
    assert not is_number_row(["政府投资项目", "2008", "按2022年工作安排，" + "完成项目" * 10], [1])
    assert is_number_row(["2210201", "住房公积金", "87", "-", ""], [2, 3, 4])
    assert not is_number_row(["2210201", "住房公积金", "见说明"], [2])
