"""Narrative facts: sentences copied from the documents, then the corpus end to end.

Expected values were read from the documents (pdfplumber text of the PDFs, the Dapeng text file).
"""

from __future__ import annotations

from index.facts import check_consistency
from index.facts_text import section_facts
from index.model import Document, Fact, Section
from tests.index.facts_corpus import corpus, find, one


def _doc(department: str, year: int, stage: str = "预算") -> Document:
    return Document("d", "t", department, year, stage, "部门", "f", "x", None)


DAPENG = _doc("深圳市大鹏新区政务服务数据管理局", 2022)


def _facts(
    text: str, doc: Document = DAPENG, heading: tuple[str, ...] = ("第二部分 部门预算收支总体情况",)
) -> list[Fact]:
    return section_facts(Section(heading, text, page=5), doc)


def test_amount_change_and_rate_share_the_subject() -> None:
    facts = _facts(
        "2022 年深圳市大鹏新区政务服务数据管理局部门预算收入 5,883 万元，比 2021 年增加 601 万元，增长 11%。"
    )
    assert one(facts, "部门预算收入", "预算数").value == 5883
    change = one(facts, "部门预算收入", "比上年增减")
    assert change.value == 601 and change.year == 2022 and change.unit == "万元"
    assert one(facts, "部门预算收入", "增长率").value == 11
    f = facts[0]
    assert f.origin == "text" and f.source.locator == "第二部分 部门预算收支总体情况" and "5,883" in f.source.quote


def test_numbered_item_topic_carries_to_the_next_sentence_and_decrease_is_negative() -> None:
    facts = _facts(
        "4. 大厅运营事务 312 万元，主要用于综合窗口岗位人员服务经费。较 2021 年预算减少 326 万元，减幅 51.1%，"
        "主要原因为2022年租金纳入基本支出。\n7. 政府投资项目 2,008 万元，主要用于大鹏新区数据共享 2.0 项目。"
        "较 2021 年预算增加 583 万元，增幅 40.9%。"
    )
    assert one(facts, "大厅运营事务", "比上年增减").value == -326
    assert one(facts, "大厅运营事务", "增长率").value == -51.1
    assert one(facts, "政府投资项目", "预算数").value == 2008
    assert one(facts, "政府投资项目", "比上年增减").value == 583
    assert one(facts, "政府投资项目", "增长率").value == 40.9
    assert not [f for f in facts if f.unit == "项"]  # "2.0 项目" is not a count


def test_subject_chain_builds_the_code_and_years_come_from_the_sentence() -> None:
    doc = _doc("上海市普陀区司法局", 2026)
    facts = _facts(
        "1、公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元。主要用于：行政单位的基本支出。2025年当年预算执行数为"
        "1690.69万元，2026年预算安排1672.67万元，比2025年预算执行数减少1.07%。",
        doc,
    )
    amount = one(facts, "行政运行", "预算数")
    assert amount.code == "2040601" and amount.code_level == "项" and amount.context == "公共安全支出 › 司法"
    executed = one(facts, "行政运行", "预算执行数")
    assert executed.value == 1690.69 and executed.year == 2025
    assert one(facts, "行政运行", "增长率").value == -1.07


def test_counts_vehicles_flat_and_thresholds() -> None:
    doc = _doc("上海市普陀区司法局", 2026)
    facts = _facts(
        "截至2025年8月31日，上海市普陀区司法局共有车辆3辆，其中：部级领导干部用车0辆、执法执勤用车3辆；"
        "单价100万元（含）以上设备（不含车辆）0台（套）。\n（三）公务接待费0.83万元。与2025年预算持平。",
        doc,
    )
    assert one(facts, "车辆", "数量").value == 3
    police = one(facts, "执法执勤用车", "数量")
    assert police.value == 3 and police.context == "车辆" and police.unit == "辆"
    assert not [f for f in facts if f.value == 100]  # a threshold, not a figure
    assert one(facts, "单价100万元（含）以上设备（不含车辆）", "数量").unit == "台（套）"
    assert one(facts, "公务接待费", "比上年增减").value == 0
    heads = _facts(
        "本部门具体包括共 1 家基层单位。行政编制总数 9 人，实有在编人数 9 人；事业编制总数 15 人，实有在编人数 13 人。"
    )
    assert one(heads, "行政编制总数", "数量").value == 9
    assert one(heads, "实有在编人数", "数量", context="事业编制总数").value == 13
    assert one(heads, "基层单位", "数量").unit == "家"


def test_text_targets_and_text_table_disagreement() -> None:
    facts = _facts("计划本年度整理档案数量 ≥ 5000 份，合同文件法务审查覆盖率100%，宣传活动开展频次1次/季度。")
    archive = one(facts, "整理档案数量", "目标值")
    assert (archive.comparison, archive.value, archive.unit) == ("≥", 5000, "份")
    assert one(facts, "合同文件法务审查覆盖率", "目标值").value == 100
    assert one(facts, "宣传活动开展频次", "目标值").unit == "次/季度"
    final = _doc("上海市普陀区财政局", 2024, "决算")
    text = _facts(
        "上海市普陀区财政局2024年度财政拨款收入支出总计0.3万元。与2023年度相比，财政拨款收入支出总计持平。", final
    )
    assert one(text, "财政拨款收入支出总计", "决算数").value == 0.3
    two = _facts(
        "12、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）208.8万元。主要用于：缴纳住房公积金。"
        "2025年当年预算执行数为198.34万元，2026年预算安排201.50万元，比2025年预算执行数增加5.27%。",
        _doc("x", 2026),
    )
    assert any("208.8" in w and "201.50" in w for w in check_consistency(DAPENG, two))


# --- corpus, end to end ------------------------------------------------------------------


def test_dapeng_narrative() -> None:
    doc, warnings = corpus("dapeng")
    facts = [f for f in doc.facts if f.origin == "text"]
    assert one(facts, "政府投资项目", "预算数").value == 2008
    assert one(facts, "政府投资项目", "比上年增减").value == 583
    assert one(facts, "政府投资项目", "增长率").value == 40.9
    assert one(facts, "人员支出", "预算数").value == 895
    assert one(facts, "货物采购", "预算数").value == 6
    assert one(facts, "行政编制总数", "数量").value == 9
    assert one(facts, "车辆", "数量").value == 2
    assert one(facts, "公务用车购置和运行维护费", "预算数").value == 8.1
    assert any("8.1" in w for w in warnings)


def test_justice_2026_narrative() -> None:
    doc, warnings = corpus("shanghai_putuo_justice_2026_dept_budget")
    facts = [f for f in doc.facts if f.origin == "text"]
    assert {f.value for f in find(facts, "住房公积金", "预算数", code="2210201")} == {208.8, 201.5}
    assert any("208.8" in w and "201.50" in w for w in warnings)
    assert one(facts, "行政运行", "预算执行数", code="2040601").value == 1690.69
    assert one(facts, "编报绩效目标的项目", "数量").value == 20
    assert one(facts, "执法执勤用车", "数量", context="车辆").value == 3
    assert one(facts, "三公经费", "预算数").value == 10.81
    assert one(facts, "政府采购货物", "预算数").value == 3.66
    assert one(facts, "财政拨款收入", "比上年增减").value == 793.14
    assert all(f.source.page for f in facts)


def test_finance_2024_narrative() -> None:
    doc, warnings = corpus("shanghai_putuo_finance_2024_dept_final")
    facts = [f for f in doc.facts if f.origin == "text"]
    assert one(facts, "财政拨款收入支出总计", "决算数").value == 0.3
    assert any("0.3" in w and "2,961.68" in w for w in warnings)
    assert one(facts, "基本支出", "占比").value == 79.49
    assert one(facts, "行政运行", "年初预算数").value == 1560.05


def test_wanli_and_welfare_narrative() -> None:
    wanli, warnings = corpus("shanghai_putuo_wanli_street_2024_dept_budget")
    facts = [f for f in wanli.facts if f.origin == "text"]
    assert one(facts, "车辆", "数量").value == 7
    assert one(facts, "编报绩效目标的项目", "数量").value == 50
    assert one(facts, "三公经费", "比上年增减").value == 25
    assert any("350.35" in w and "352.67" in w for w in warnings)
    welfare, _ = corpus("shanghai_putuo_welfare_home_2024_unit_budget")
    wf = [f for f in welfare.facts if f.origin == "text"]
    assert one(wf, "事业收入", "预算数").value == 262
    assert one(wf, "车辆", "数量").value == 2
    assert one(wf, "编报绩效目标的项目", "数量").value == 1
    assert one(wf, "公务用车运行费", "预算数").value == 6.4
