"""Table facts: hand-made tables mirroring real rows, then the five corpus documents end to end.

Expected values were read from the documents (pdfplumber text of the PDFs, the Dapeng text file).
"""

from __future__ import annotations

import pytest

from index.facts.extract import check_consistency
from index.facts.table import canonical_measure, parse_target, table_facts
from index.model import Document, Table
from tests.index.facts.facts_corpus import corpus, find, one


def _doc(year: int = 2022, stage: str = "预算") -> Document:
    return Document("d", "t", "深圳市大鹏新区政务服务数据管理局", year, stage, "部门", "f", "x", None)


# --- hand-made tables ------------------------------------------------------------------

T7 = Table(
    title="一般公共预算支出表（按功能分类）",
    kind="gp_function",
    unit="万元",
    header=["预算单位", "科目编码", "科目名称", "支出总计", "基本支出", "项目支出"],
    rows=[
        ["深圳市大鹏新区政务服务数据管理局", "", "", "5,883", "1,239", "4,644"],
        ["", "201", "一般公共服务支出", "4,318", "849", "3,469"],
        ["", "20103", "政府办公厅（室）及相关机构事务", "2,625", "849", "1,776"],
        ["", "2010302", "一般行政管理事务", "1,461", "0", "1,461"],
    ],
    number="表7",
    pages=[3],
)


def test_function_table_row_with_code_parent_path_and_locator() -> None:
    facts = table_facts(T7, _doc())
    f = one(facts, "一般行政管理事务", "合计")
    assert f.value == 1461 and f.unit == "万元" and f.code == "2010302" and f.code_level == "项"
    assert f.context == "一般公共服务支出 › 政府办公厅（室）及相关机构事务"
    assert f.source.locator == "表7 一般公共预算支出表（按功能分类） · 2010302 一般行政管理事务 · 支出总计"
    assert "1,461" in f.source.quote and f.source.page == 3
    assert one(facts, "一般行政管理事务", "项目支出").value == 1461
    assert one(facts, "合计", "基本支出").value == 1239


def test_two_sided_summary_splits_income_and_expenditure() -> None:
    t6 = Table(
        title="政府预算拨款收支总表",
        kind="fiscal_summary",
        unit="万元",
        header=["收入/项目", "收入/2022 年预算数", "支出/项目", "支出/2022 年预算数"],
        rows=[
            ["政府预算拨款", "5,883", "一、一般公共服务支出", "4,318"],
            ["本年收入合计", "5,901", "本年支出合计", "5,883"],
            ["收入总计", "5,901", "支出总计", "5,883"],
        ],
        number="表6",
    )
    facts = table_facts(t6, _doc())
    assert one(facts, "政府预算拨款", "预算数").context == "收入"
    spend = one(facts, "一般公共服务支出", "预算数")
    assert spend.value == 4318 and spend.context == "支出"
    warnings = check_consistency(_doc(), facts)
    assert any("5,901" in w and "5,883" in w for w in warnings)


def test_three_public_table_columns_are_subjects_and_rows_are_years() -> None:
    t8 = Table(
        title="一般公共预算“三公”经费支出表",
        kind="three_public",
        unit="万元",
        header=[
            "预算单位",
            "年度",
            "总计",
            "因公出国(境)费",
            "公务接待费",
            "公务用车购置及运行维护费/小计",
            "公务用车购置及运行维护费/公务用车购置费",
            "公务用车购置及运行维护费/公务用车运行维护费",
        ],
        rows=[
            ["深圳市大鹏新区政务服务数据管理局", "2021 年", "10", "0", "2", "8", "0", "8"],
            ["", "2022 年", "10", "0", "2", "8", "0", "8"],
            ["", "增减变化金额", "0", "0", "0", "0", "0", "0"],
        ],
        number="表8",
    )
    facts = table_facts(t8, _doc())
    assert one(facts, "公务接待费", "预算数", year=2022).value == 2
    assert one(facts, "三公经费", "预算数", year=2021).value == 10
    assert one(facts, "公务用车购置及运行维护费", "预算数", year=2022).value == 8
    assert one(facts, "公务用车运行维护费", "比上年增减").value == 0


def test_final_accounts_three_public_pairs_and_empty_table() -> None:
    t = Table(
        title="财政拨款“三公”经费支出决算表",
        kind="three_public",
        unit="万元",
        header=[
            "财政拨款“三公”经费/合计/预算数",
            "财政拨款“三公”经费/合计/决算数",
            "财政拨款“三公”经费/公务接待费/预算数",
        ],
        rows=[["0.95", "", "0.95"]],
    )
    facts = table_facts(t, _doc(2024, "决算"))
    assert one(facts, "三公经费", "预算数").value == 0.95
    assert one(facts, "公务接待费", "预算数").value == 0.95
    assert not find(facts, "三公经费", "决算数")  # blank cell: no figure
    empty = Table(
        title="政府性基金预算支出表",
        kind="gov_fund",
        unit="万元",
        header=["项目"],
        rows=[],
        note="注：本表本年无发生额。",
        empty=True,
        number="表9",
    )
    (rec,) = table_facts(empty, _doc())
    assert rec.empty and rec.measure == "空表" and rec.value == 0 and rec.source.quote == "注：本表本年无发生额。"


def test_targets_and_measure_aliases() -> None:
    assert parse_target("≥12 次") == ("≥", 12.0, "次")
    assert parse_target("≤8500 元/台") == ("≤", 8500.0, "元/台")
    assert parse_target("100%") == (None, 100.0, "%")
    assert parse_target("有所提高") is None
    assert parse_target("≥27秒批/79个秒报") is None
    assert canonical_measure("收入/2022 年预算数") == "预算数"
    assert canonical_measure("预算数（万元）") == "预算数"
    assert canonical_measure("一般公共预算支出/合计") == "合计"


# --- corpus, end to end ------------------------------------------------------------------


def test_dapeng_tables() -> None:
    doc, warnings = corpus("dapeng")
    facts = doc.facts
    f = one(facts, "一般行政管理事务", "合计", table="表7")
    assert (
        f.value == 1461
        and f.source.locator == "表7 一般公共预算支出表（按功能分类） · 2010302 一般行政管理事务 · 支出总计"
    )
    assert one(facts, "一般行政管理事务", "项目支出", table="表7").value == 1461
    assert one(facts, "公务接待费", "预算数", year=2022, table="表8").value == 2
    assert one(facts, "住房公积金", "合计", table="表7").value == 106
    assert one(facts, "政府投资项目", "合计", table="表14").value == 2008
    nb = one(facts, "笔记本计算机购置标准", "目标值")
    assert (nb.comparison, nb.value, nb.unit) == ("≤", 8500, "元/台")
    assert one(facts, "开展三会一课活动次数", "目标值").value == 12
    assert [x for x in facts if x.empty and x.source.table and "表9" in x.source.table]
    assert any("5,901" in w for w in warnings)
    assert all(x.source.locator and x.source.quote for x in facts)


def test_justice_2026_tables() -> None:
    doc, _ = corpus("shanghai_putuo_justice_2026_dept_budget")
    facts = doc.facts
    gpf = one(facts, "住房公积金", "合计", code="2210201", table="一般公共预算支出功能分类")
    assert gpf.value == 2087959.00 and gpf.unit == "元" and gpf.source.page == 16
    assert round(gpf.in_unit("万元") or 0, 2) == 208.80
    assert one(facts, "住房公积金", "合计", code="2210201", table="收入预算总表").source.page == 11
    fund = [x for x in facts if x.empty and "政府性基金" in x.subject]
    assert fund and fund[0].source.page == 17 and "空表" in fund[0].source.quote
    assert one(facts, "公务接待费", "预算数", table="三公").value == 0.83
    assert one(facts, "三公经费", "预算数", table="三公").value == 10.81
    assert one(facts, "机关运行经费", "预算数", table="三公").source.page == 21
    assert one(facts, "公务接待费", "合计", code="30217").value == 8265
    income = one(facts, "收入总计", "预算数", context="收入")
    assert income.value == 96282213.44
    assert all(x.source.page for x in facts)


def test_finance_2024_final_tables() -> None:
    doc, warnings = corpus("shanghai_putuo_finance_2024_dept_final")
    facts = doc.facts
    total = one(facts, "合计", "决算数", context="收入", table="财政拨款收入支出决算总表")
    assert total.value == 2961.68 and total.source.page == 13
    assert one(facts, "住房公积金", "合计", code="2210201", table="一般公共预算财政拨款支出决算表").value == 187.19
    assert one(facts, "公务接待费", "预算数", table="三公").value == 0.95
    assert one(facts, "人员经费合计", "决算数").value == 2152.26
    assert one(facts, "本年收入合计", "决算数").value == 2946.25
    assert [x for x in facts if x.empty and x.source.page == 19]
    assert not any("本年收入合计" in w for w in warnings)  # 决算: income and spending differ by 结余


def test_wanli_2024_tables() -> None:
    doc, _ = corpus("shanghai_putuo_wanli_street_2024_dept_budget")
    facts = doc.facts
    assert one(facts, "公务用车购置费", "预算数", table="三公").value == 25
    assert one(facts, "三公经费", "预算数", table="三公").value == 47.91
    assert one(facts, "机关运行经费", "预算数", table="三公").value == 443.18
    assert one(facts, "城乡社区支出", "预算数", context="支出", table="财务收支").value == 119385303
    assert one(facts, "合计", "基本支出", table="支出预算总表").value == 99706020


def test_welfare_2024_tables() -> None:
    doc, _ = corpus("shanghai_putuo_welfare_home_2024_unit_budget")
    facts = doc.facts
    assert one(facts, "社会福利事业单位", "事业收入", table="收入预算总表").value == 2620000
    assert one(facts, "三公经费", "预算数", table="三公").value == 6.4
    assert one(facts, "住房公积金", "合计", code="2210201", table="一般公共预算支出功能分类").value == 335816
    assert [x for x in facts if x.empty and x.source.page == 12]


@pytest.mark.parametrize(
    "name",
    [
        "shanghai_putuo_justice_2026_dept_budget",
        "shanghai_putuo_finance_2024_dept_final",
        "shanghai_putuo_wanli_street_2024_dept_budget",
        "shanghai_putuo_welfare_home_2024_unit_budget",
    ],
)
def test_every_table_fact_quotes_its_value(name: str) -> None:
    doc, _ = corpus(name)
    for f in doc.facts:
        if f.origin == "table" and not f.empty:
            assert f.text in f.source.quote and f.source.page and f.source.locator
