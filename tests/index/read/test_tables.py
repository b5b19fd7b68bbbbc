"""Format-independent table helpers: titles, kinds, units, cells, headers, 科目编码."""

from __future__ import annotations

import pytest

from index.model import Table
from index.read.columns import finish_table, label_columns, normalise_code, row_code, row_label, value_columns
from index.read.tables import (
    clean_cell,
    fill_text_header_spans,
    flatten_header,
    parse_title,
    parse_unit,
    split_header,
    split_number,
    table_kind,
)


@pytest.mark.parametrize(
    "title",
    [
        "一般公共预算支出表（按功能分类）",  # Dapeng 表7
        "2026年部门一般公共预算支出功能分类预算表",  # Putuo 预算 5
        "2024年预算单位一般公共预算支出功能分类预算表",
        "一般公共预算财政拨款支出决算表",  # Putuo 决算
    ],
)
def test_function_table_variants_are_one_kind(title: str) -> None:
    assert table_kind(title) == "gp_function"


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("收支总表", "summary"),
        ("2026年部门财务收支预算总表", "summary"),
        ("收入支出决算总表", "summary"),
        ("收入决算表", "income"),
        ("2024年部门收入预算总表", "income"),
        ("支出总表", "expenditure"),
        ("支出决算表", "expenditure"),
        ("政府预算拨款收支总表", "fiscal_summary"),
        ("2024年预算单位财政拨款收支预算总表", "fiscal_summary"),
        ("财政拨款收入支出决算总表", "fiscal_summary"),
        ("2026年部门一般公共预算基本支出部门预算经济分类预算表", "gp_basic_economic"),
        ("一般公共预算财政拨款基本支出决算表", "gp_basic_economic"),
        ("一般公共预算“三公”经费支出表", "three_public"),
        ("财政拨款“三公”经费支出决算表", "three_public"),
        ("部门“三公”经费和机关运行经费预算表", "three_public"),
        ("政府性基金预算财政拨款收入支出决算表", "gov_fund"),
        ("2026年部门国有资本经营预算支出功能分类预算表", "state_capital"),
        ("上级专项转移支付支出表", "transfer"),
        ("政府采购项目支出表", "procurement"),
        ("部门预算绩效管理项目情况表", "performance_projects"),
        ("部门（单位）整体支出绩效目标表", "performance_targets"),
        ("某某情况统计表", "other"),
    ],
)
def test_table_kinds(title: str, kind: str) -> None:
    assert table_kind(title) == kind


@pytest.mark.parametrize(
    ("line", "number", "title"),
    [
        ("表7 一般公共预算支出表（按功能分类）", "表7", "一般公共预算支出表（按功能分类）"),
        ("5．2026年部门一般公共预算支出功能分类预算表", "5", "2026年部门一般公共预算支出功能分类预算表"),
        ("5. 2026年部门一般公共预算支出功能分类预算表", "5", "2026年部门一般公共预算支出功能分类预算表"),
        ("五、收入支出决算总表", "五", "收入支出决算总表"),
        ("收入支出决算总表", None, "收入支出决算总表"),
    ],
)
def test_title_numbering(line: str, number: str | None, title: str) -> None:
    match = parse_title(line)
    assert match is not None
    assert (match.number, match.title) == (number, title)


def test_non_titles() -> None:
    assert parse_title("2022年深圳市大鹏新区政务服务数据管理局部门预算收入5,883万元，比2021年增加601万元。") is None
    assert parse_title("5．2026年部门一般公共预算支出功能分类预算表 ……………………") is None
    assert split_number("2022.1.1-2022.12.31") == (None, "2022.1.1-2022.12.31")


@pytest.mark.parametrize(
    ("line", "unit"),
    [
        ("单位：元", "元"),
        ("单位:万元", "万元"),
        ("单位: 万元", "万元"),
        ("金额单位：万元", "万元"),
        ("编制部门：上海市普陀区司法局 单位：元", "元"),
        ("单位名称:深圳市大鹏新区政务服务数据管理局", None),
    ],
)
def test_parse_unit(line: str, unit: str | None) -> None:
    assert parse_unit(line) == unit


def test_clean_cell() -> None:
    assert clean_cell("<p>大厅运营事务</p>") == "大厅运营事务"
    assert clean_cell("附属单\n位上\n缴收入") == "附属单位上缴收入"
    assert clean_cell("收 入") == "收入"
    assert clean_cell("2022 年预算数") == "2022年预算数"
    assert clean_cell("96,282,213.44") == "96,282,213.44"
    assert clean_cell(None) == ""


def test_normalise_code_forms() -> None:
    assert normalise_code(["2010301"]) == ("2010301", "项")
    assert normalise_code(["201", "03", "01"]) == ("2010301", "项")
    assert normalise_code(["204", "06", ""]) == ("20406", "款")
    assert normalise_code(["221", "", ""]) == ("221", "类")
    assert normalise_code(["301", "01"]) == ("30101", "款")
    assert normalise_code(["", "", ""]) == (None, None)


def test_header_flattening_by_position() -> None:
    rows = [
        ["预算单位", "年度", "总计", "因公出国(境)费", "公务接待费", "公务用车购置及运行维护费", "", ""],
        ["", "", "", "", "", "小计", "公务用车购置费", "公务用车运行维护费"],
    ]
    header = flatten_header(fill_text_header_spans(rows), 8)
    assert header[5] == "公务用车购置及运行维护费/小计"
    assert header[7] == "公务用车购置及运行维护费/公务用车运行维护费"
    assert header[2] == "总计"
    assert split_header([*rows, ["单位", "2022年", "10", "0", "2", "8", "0", "8"]]) == 2


def _code_table() -> Table:
    return Table(
        title="2026年部门支出预算总表",
        kind="expenditure",
        unit="元",
        header=["项目/类", "项目/款", "项目/项", "项目/科目名称", "支出预算/合计", "支出预算/基本支出"],
        rows=[
            ["204", "", "", "公共安全支出", "87267272.44", "16726725.44"],
            ["", "06", "", "司法", "87267272.44", "16726725.44"],
            ["", "06", "01", "行政运行", "16726725.44", "16726725.44"],
            ["合计", "", "", "", "96282213.44", "25741666.44"],
        ],
    )


def test_row_code_inherits_blank_parent_and_columns() -> None:
    table = _code_table()
    assert label_columns(table) == [0, 1, 2, 3]
    assert value_columns(table) == [4, 5]
    assert row_code(table, table.rows[2]) == ("2040601", "项")
    assert row_code(table, table.rows[1]) == ("20406", "款")
    assert row_code(table, table.rows[3]) == (None, None)
    assert row_label(table, table.rows[2], 4) == "2040601 行政运行"


def test_glued_code_and_two_sided_labels() -> None:
    table = Table(
        title="收支总表",
        kind="summary",
        unit="万元",
        header=["收入/项目", "收入/预算数", "支出/项目", "支出/预算数"],
        rows=[["一、政府预算拨款", "5,883", "2080501 行政单位离退休", "94"]],
    )
    assert value_columns(table) == [1, 3]
    assert row_code(table, table.rows[0], 3) == ("2080501", "项")
    assert row_label(table, table.rows[0], 1) == "一、政府预算拨款"
    assert row_label(table, table.rows[0], 3) == "2080501 行政单位离退休"


def test_finish_table_empty_rules() -> None:
    empty = Table(
        "政府性基金预算支出表", "gov_fund", "万元", ["单位", "支出总计"], [["某局", "0"]], note="注：本表本年无发生额。"
    )
    assert finish_table(empty) is None and empty.empty
    contradicted = Table(
        "三公", "three_public", "万元", ["合计", "公务接待费"], [["47.91", "1.35"]], note="注:故本表为空表。"
    )
    assert finish_table(contradicted) is not None
    assert not contradicted.empty
