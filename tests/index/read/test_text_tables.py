"""Tab-separated tables in the bundled Dapeng text (values read from the file by hand)."""

from __future__ import annotations

from importlib import resources

import pytest

from index.model import Line, Table
from index.read.columns import row_code, row_label, value_columns
from index.read.text_tables import split_text_tables

DAPENG = "shenzhen_dapeng_data_bureau_2022_dept_budget.txt"


@pytest.fixture(scope="module")
def dapeng() -> tuple[list[Line], list[Line], list[Table]]:
    text = resources.files("index.data").joinpath(DAPENG).read_text(encoding="utf-8")
    lines = [Line(t) for t in text.split("\n")]
    narrative, tables = split_text_tables(lines)
    return lines, narrative, tables


def _table(tables: list[Table], number: str) -> Table:
    return next(t for t in tables if t.number == number)


def _cell(table: Table, row: list[str], column: str) -> str:
    return row[table.header.index(column)]


def _code_row(table: Table, code: str) -> list[str]:
    return next(r for r in table.rows if row_code(table, r)[0] == code)


def test_all_fifteen_numbered_tables_found_once(dapeng: tuple[list[Line], list[Line], list[Table]]) -> None:
    _, _, tables = dapeng
    numbers = [t.number for t in tables if t.number]
    assert numbers == [f"表{n}" for n in (1, 3, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)]
    assert all(t.unit == "万元" for t in tables)


def test_table7_function_rows_merged_over_pages(dapeng: tuple[list[Line], list[Line], list[Table]]) -> None:
    t7 = _table(dapeng[2], "表7")
    assert t7.title == "一般公共预算支出表（按功能分类）"
    assert t7.kind == "gp_function"
    row = _code_row(t7, "2010302")
    assert _cell(t7, row, "科目名称") == "一般行政管理事务"
    assert _cell(t7, row, "支出总计") == "1,461"
    assert _cell(t7, row, "项目支出") == "1,461"
    assert row_code(t7, row) == ("2010302", "项")
    # Second printed part (after the repeated header) is in the same table.
    assert _cell(t7, _code_row(t7, "2210201"), "支出总计") == "106"
    assert sum(1 for r in t7.rows if r[t7.header.index("科目编码")] == "") == 1  # only the unit total row
    assert not any(r[2] == "科目名称" for r in t7.rows)


def test_two_sided_summary_merged_from_three_parts(dapeng: tuple[list[Line], list[Line], list[Table]]) -> None:
    t1 = _table(dapeng[2], "表1")
    assert t1.kind == "summary"
    assert t1.header == ["收入/项目", "收入/2022年预算数", "支出/项目", "支出/2022年预算数"]
    assert value_columns(t1) == [1, 3]
    last = t1.rows[-1]
    assert (last[0], last[1], last[2], last[3]) == ("收入总计", "5,883", "支出总计", "5,883")
    housing = next(r for r in t1.rows if r[2] == "住房公积金")
    assert housing[3] == "106"
    assert t1.note is not None and t1.note.startswith("注：财政拨款收支情况")


def test_fiscal_summary_keeps_the_documents_error(dapeng: tuple[list[Line], list[Line], list[Table]]) -> None:
    t6 = _table(dapeng[2], "表6")
    assert t6.kind == "fiscal_summary"
    income = next(r for r in t6.rows if r[0] == "本年收入合计")
    assert income[1] == "5,901"  # printed so; everywhere else 5,883
    assert row_label(t6, income, 3) == "本年支出合计"


def test_three_public_multirow_header(dapeng: tuple[list[Line], list[Line], list[Table]]) -> None:
    t8 = _table(dapeng[2], "表8")
    assert t8.kind == "three_public"
    assert "公务用车购置及运行维护费/小计" in t8.header
    y2022 = next(r for r in t8.rows if r[1] == "2022年")
    assert _cell(t8, y2022, "公务接待费") == "2"
    assert _cell(t8, y2022, "公务用车购置及运行维护费/公务用车运行维护费") == "8"
    t13 = _table(dapeng[2], "表13")
    assert t13.kind == "three_public"
    assert "公务用车购置及运行维护费/公务用车购置费" in t13.header
    assert t13.rows[0][0] == "深圳市大鹏新区政务服务数据管理局"  # wrapped name joined


def test_empty_tables_with_notes(dapeng: tuple[list[Line], list[Line], list[Table]]) -> None:
    tables = dapeng[2]
    t9, t10, t11 = _table(tables, "表9"), _table(tables, "表10"), _table(tables, "表11")
    assert (t9.kind, t10.kind, t11.kind) == ("gov_fund", "state_capital", "transfer")
    assert t9.empty and t10.empty and t11.empty
    assert t9.note == "注：本表本年无发生额。"
    assert not _table(tables, "表7").empty


def test_procurement_and_performance_tables(dapeng: tuple[list[Line], list[Line], list[Table]]) -> None:
    tables = dapeng[2]
    t12 = _table(tables, "表12")
    assert t12.kind == "procurement"
    assert next(r for r in t12.rows if r[2] == "服务")[3] == "451"
    t14 = _table(tables, "表14")
    assert t14.kind == "performance_projects"
    assert t14.header[2] == "预算金额/合计"
    assert t14.header[3] == "预算金额/一般公共预算拨款"
    gov = next(r for r in t14.rows if r[1] == "政府投资项目")
    assert gov[2] == "2,008"
    t15 = _table(tables, "表15")
    assert t15.kind == "performance_targets"
    assert any("开展三会一课活动次数" in c for r in t15.rows for c in r)


def test_narrative_block_becomes_a_table(dapeng: tuple[list[Line], list[Line], list[Table]]) -> None:
    _, narrative, tables = dapeng
    block = next(t for t in tables if t.number is None)
    assert block.kind == "performance_projects"
    assert block.title == "重点项目预算绩效情况说明"
    assert block.header == ["项目名称", "预算数（万元）", "绩效目标"]
    assert block.unit == "万元"
    names = [r[0] for r in block.rows]
    assert names == [
        "综合管理事务",
        "数据管理事务",
        "政务服务事务",
        "大厅运营事务",
        "信息化运维项目",
        "信息技术服务",
        "政府投资项目",
    ]
    first = block.rows[0]
    assert "理、预算执行咨询" in first[2]  # wrapped continuation row joined
    assert "<p>" not in "".join(c for r in block.rows for c in r)
    assert block.rows[-1][1] == "2008"
    texts = [line.text for line in narrative]
    assert "第七部分 重点项目预算绩效情况说明" in texts
    assert not any("\t" in t for t in texts)


def test_narrative_untouched_and_in_order(dapeng: tuple[list[Line], list[Line], list[Table]]) -> None:
    lines, narrative, _ = dapeng
    texts = [line.text for line in narrative]
    last = len(texts) - 1 - texts[::-1].index("二、表格部分")
    assert texts.index("第八部分 其他需要说明情况") < last
    assert "本套报表金额单位转换时可能存在尾数误差。" in texts
    assert "收支总表" not in texts and "表 7" not in texts and "单位：万元" not in texts
    remaining = iter(lines)
    assert all(any(line is other for other in remaining) for line in narrative)  # a subsequence, same objects
