"""Narrative facts: sentences copied from the documents, then the corpus end to end.

Expected values were read from the documents (pdfplumber text of the PDFs, the Dapeng text file).
"""

from __future__ import annotations

from index.facts.extract import check_consistency
from index.facts.narrative import section_facts
from index.model import Document, Fact, Section
from tests.index.facts.facts_corpus import corpus, find, one


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


def test_markup_scaled_units_and_bracketed_clauses_in_targets() -> None:
    facts = _facts(
        "计划本年度窗口业务数量（含办理、咨询、导办）≥ 5 万单，政府网站访问量≥ 350万次，"
        "大数据中心设备采购与集成项目硬件维护稳定率$\\geq 95\\%$，保障机房正常运行。"
    )
    visits = one(facts, "政府网站访问量", "目标值")
    assert (visits.comparison, visits.value, visits.unit) == ("≥", 350, "万次") and visits.context == ""
    window = one(facts, "窗口业务数量（含办理、咨询、导办）", "目标值")
    assert (window.value, window.unit) == (5, "万单")
    steady = one(facts, "大数据中心设备采购与集成项目硬件维护稳定率", "目标值")
    assert (steady.comparison, steady.value, steady.unit) == ("≥", 95, "%") and "≥ 95%" in steady.source.quote


def test_bare_amount_under_a_heading_takes_subject_and_measure_from_the_heading() -> None:
    doc = _doc("上海市普陀区司法局", 2026)
    facts = _facts("795万元", doc, ("人民调解项目经费情况说明", "六、年度预算安排"))
    assert [(f.subject, f.measure, f.value, f.unit) for f in facts] == [("人民调解项目", "预算数", 795, "万元")]
    # the department is no subject: the part heading names the figure
    spend = _facts(
        "深圳市大鹏新区政务服务数据管理局预算 5,883 万元，包括人员支出 895 万元。",
        heading=("第三部分 部门预算支出具体情况", "一、深圳市大鹏新区政务服务数据管理局"),
    )
    assert one(spend, "部门预算支出", "预算数").value == 5883
    assert one(spend, "人员支出", "预算数").value == 895


def test_amount_involved_belongs_to_the_count_before_it_and_scores() -> None:
    final = _doc("上海市普陀区财政局", 2024, "决算")
    facts = _facts(
        "绩效自评的2024年度项目4个，涉及预算金额598.42万元，平均得分99.43分（其中，绩效评级为“优”的项目4个；",
        final,
    )
    assert one(facts, "绩效自评的项目", "数量").value == 4
    assert one(facts, "绩效自评的项目涉及预算金额", "决算数").value == 598.42
    score = one(facts, "平均得分", "得分")
    assert (score.value, score.unit, score.context) == (99.43, "分", "绩效自评的项目")
    assert one(facts, "绩效评级为优的项目", "数量", context="绩效自评的项目").value == 4
    budget = _facts("编报绩效目标的项目20个，涉及项目预算资金7054.05万元。", _doc("上海市普陀区司法局", 2026))
    assert one(budget, "编报绩效目标的项目涉及项目预算资金", "预算数").value == 7054.05


def test_amount_involved_with_no_count_before_it_belongs_to_the_clause_before() -> None:
    dapeng = _doc("深圳市大鹏新区政务服务数据管理局", 2022)
    facts = _facts(
        "2022 年深圳市大鹏新区政务服务数据管理局所有项目支出预算纳入部门预算绩效管理，涉及预算资金 4644 万元，"
        "设置并编报 7 个项目绩效目标。",
        dapeng,
    )
    assert one(facts, "所有项目支出预算纳入部门预算绩效管理涉及预算资金", "预算数").value == 4644
    welfare = _facts("本单位项目全部纳入绩效管理，涉及项目预算资金262万元。", _doc("上海市普陀区社会福利院", 2024))
    assert one(welfare, "项目全部纳入绩效管理涉及项目预算资金", "预算数").value == 262  # 本单位 cut


def test_change_and_flat_name_their_own_subject() -> None:
    final = _doc("上海市普陀区财政局", 2024, "决算")
    facts = _facts(
        "与2023年度相比，收入支出总计减少56.95万元，下降1.87%。2024年度“三公”经费财政拨款支出决算数与2023年度持平。",
        final,
    )
    assert one(facts, "收入支出总计", "比上年增减").value == -56.95
    assert one(facts, "收入支出总计", "增长率").value == -1.87
    assert one(facts, "三公经费财政拨款支出", "比上年增减").value == 0
    spent = _facts("其中：因公出国（境）费决算为0.00万元，完成预算的0%；", final)
    assert one(spent, "因公出国（境）费", "决算数").value == 0


def test_codes_and_plot_numbers_are_not_counts() -> None:
    facts = _facts(
        "1、公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元。\n"
        "根据上海市普陀区万里社区W060701单元W-07街坊控制性详细规划进行建设。",
        _doc("上海市普陀区司法局", 2026),
    )
    assert [(f.subject, f.value) for f in facts] == [("行政运行", 1672.67)]


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
    # 第八部分 一、机关运行经费: the department inside the phrase is cut
    running = [f for f in facts if f.subject == "机关运行经费"]
    assert {(f.measure, f.value, f.unit) for f in running} == {
        ("预算数", 337, "万元"),
        ("比上年增减", 284, "万元"),
        ("增长率", 536, "%"),
    }
    assert all("337万元" in f.source.quote and "第八部分" in f.source.locator for f in running)
    assert one(facts, "项目绩效目标", "数量").value == 7
    assert one(facts, "部门预算支出", "预算数", context="").value == 5883


def test_dapeng_targets_in_prose_cells() -> None:
    doc, _ = corpus("dapeng")
    expected = {
        "整理档案数量": (5000, "份", "综合管理事务"),
        "新增数据开放目录数量": (30, "个", "数据管理事务"),
        "免费刻章补贴惠及企业数量": (500, "家", "政务服务事务"),
        "政府网站访问量": (350, "万次", "政务服务事务"),
        "专题场景开发数量": (3, "个", "政府投资项目"),
        "大鹏新区政务云平台和大数据中心设备采购与集成项目硬件维护稳定率": (95, "%", "信息化运维项目"),
    }
    for subject, (value, unit, project) in expected.items():
        f = one([f for f in doc.facts if f.source.table == "重点项目预算绩效情况说明"], subject, "目标值")
        assert (f.value, f.unit, f.comparison, f.context) == (value, unit, "≥", project), subject
        assert f.source.row == project and f.source.column == "绩效目标"
        assert f.source.locator == f"重点项目预算绩效情况说明 · {project} · 绩效目标"
        assert str(value) in f.source.quote


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
    mediation = one(facts, "人民调解项目", "预算数")
    assert (mediation.value, mediation.unit, mediation.source.page) == (795, "万元", 23)
    assert mediation.source.quote == "六、年度预算安排 795万元" and "六、年度预算安排" in mediation.source.locator
    involved = one(facts, "编报绩效目标的项目涉及项目预算资金", "预算数")
    assert involved.value == 7054.05 and involved.source.page == 22
    assert all(f.source.page for f in facts)


def test_finance_2024_narrative() -> None:
    doc, warnings = corpus("shanghai_putuo_finance_2024_dept_final")
    facts = [f for f in doc.facts if f.origin == "text"]
    assert one(facts, "财政拨款收入支出总计", "决算数").value == 0.3
    assert any("0.3" in w and "2,961.68" in w for w in warnings)
    assert one(facts, "基本支出", "占比").value == 79.49
    assert one(facts, "行政运行", "年初预算数").value == 1560.05
    assert one(facts, "行政运行", "决算数").value == 1511.89
    assert one(facts, "一般公共预算财政拨款支出", "完成率").value == 98.2
    total = one(facts, "收入支出总计", "增长率")
    assert total.value == -1.87 and total.source.page == 21 and "1.87%" in total.source.quote
    assert one(facts, "收入支出总计", "比上年增减").value == -56.95
    score = one(facts, "平均得分", "得分")
    assert (score.value, score.unit, score.source.page) == (99.43, "分", 23) and "99.43" in score.source.quote
    assert one(facts, "编报绩效目标的项目涉及预算金额", "决算数").value == 598.42


def test_wanli_and_welfare_narrative() -> None:
    wanli, warnings = corpus("shanghai_putuo_wanli_street_2024_dept_budget")
    facts = [f for f in wanli.facts if f.origin == "text"]
    assert one(facts, "车辆", "数量").value == 7
    assert one(facts, "编报绩效目标的项目", "数量").value == 50
    assert one(facts, "三公经费", "比上年增减").value == 25
    assert any("350.35" in w and "352.67" in w for w in warnings)
    reserved = one(facts, "面向中小企业预留政府采购项目", "预算数")
    assert (reserved.value, reserved.source.page) == (664.98, 32) and "664.98" in reserved.source.quote
    assert [f.value for f in facts if "用款计划" in f.subject] == [158.05] * 4
    assert not [f for f in facts if f.value == 60701]  # 万里社区W060701单元 is a plot number
    welfare, _ = corpus("shanghai_putuo_welfare_home_2024_unit_budget")
    wf = [f for f in welfare.facts if f.origin == "text"]
    assert one(wf, "事业收入", "预算数").value == 262
    assert one(wf, "车辆", "数量").value == 2
    assert one(wf, "编报绩效目标的项目", "数量").value == 1
    assert one(wf, "公务用车运行费", "预算数").value == 6.4
    involved = one(wf, "编报绩效目标的项目涉及项目预算资金", "预算数")
    assert (involved.value, involved.unit, involved.source.page) == (262, "万元", 16)


def test_a_quote_reaches_back_to_the_sentence_naming_its_subject() -> None:
    # 部门决算 (财政局 p22): the item is named, then described, then its figures follow in a later sentence
    final = _doc("上海市普陀区财政局", 2024, "决算")
    facts = _facts(
        "3、一般公共服务支出（类）财政事务（款）信息化建设（项）。主要用于：信息化系统日常维护费等支出。"
        "年初预算为135.90万元，支出决算为135.25万元。",
        final,
    )
    budget = one(facts, "信息化建设", "年初预算数")
    assert budget.value == 135.9 and budget.source.quote.startswith(
        "3、一般公共服务支出（类）财政事务（款）信息化建设（项）"
    )
    # 部门预算 (司法局 p9): the 项 with its amount, then the previous year's execution in the next sentence
    facts = _facts(
        "12、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）208.8万元。主要用于：行政事业单位为职工缴纳的住房公积金。"
        "2025年当年预算执行数为198.34万元，2026年预算安排201.50万元，比2025年预算执行数增加5.27%。",
        _doc("上海市普陀区司法局", 2026),
    )
    executed = next(f for f in facts if f.value == 198.34)
    assert executed.subject == "住房公积金" and executed.source.quote.startswith("12、住房保障支出（221类）")
    # a sentence that names its own subject quotes only itself
    assert one(facts, "住房公积金", "预算数").source.quote.endswith("住房公积金（01项）208.8万元。")


def test_items_listed_after_a_flat_year_compare_with_that_year() -> None:
    final = _doc("上海市普陀区财政局", 2024, "决算")
    facts = _facts(
        "2024年度“三公”经费财政拨款支出决算数与2023年度持平。其中：因公出国（境）费支出决算持平；"
        "公务用车购置及运行维护费支出决算持平；公务接待费支出决算持平。",
        final,
    )
    for item in ("因公出国（境）费", "公务用车购置及运行维护费", "公务接待费"):
        assert one(facts, item, "比上年增减").value == 0
    budget = _doc("上海市普陀区某街道办事处", 2025)
    listed = _facts("2025年“三公”经费预算与2024年预算持平。其中：公务接待费持平；公务用车运行费持平。", budget)
    assert one(listed, "公务接待费", "比上年增减").value == 0 and one(listed, "公务用车运行费", "比上年增减").value == 0
    # a 持平 with no year before it is budget against outturn, not a change on last year
    plain = _facts("年初预算为10.00万元，支出决算为10.00万元。决算数与预算数基本持平。", final)
    assert not [f for f in plain if f.measure == "比上年增减"]
    alone = _facts("其中：公务接待费持平；差旅费持平。", final)
    assert not [f for f in alone if f.measure == "比上年增减"]


def test_a_flat_after_the_year_compared_names_its_subject_after_the_comma() -> None:
    final = _doc("上海市普陀区财政局", 2024, "决算")
    facts = _facts(
        "上海市普陀区财政局2024年度财政拨款收入支出总计0.3万元。与2023年度相比，财政拨款收入支出总计持平。", final
    )
    assert one(facts, "财政拨款收入支出总计", "比上年增减").value == 0
    budget = _doc("上海市普陀区某街道办事处", 2025)
    said = _facts("与2024年相比，政府性基金预算拨款收入持平，主要原因是无此项收入。", budget)
    assert one(said, "政府性基金预算拨款收入", "比上年增减").value == 0


def test_prose_above_a_target_block_is_read_as_narrative() -> None:
    """Dapeng's 表15 describes each task in prose, then lists indicators under a 目标值 header row:
    the prose's targets (`保障档案归档准确率不低于 95%`) are facts too; the indicator rows stay cells."""
    doc, _ = corpus("dapeng")
    facts = [f for f in doc.facts if f.source.table and f.source.table.startswith("表15")]
    archive = [f for f in facts if "档案归档准确率" in f.subject]
    assert archive and archive[0].value == 95 and archive[0].comparison == "≥" and archive[0].context == "综合管理事务"
    assert any(f.subject == "开展三会一课活动次数" and f.value == 12 for f in facts)


def test_a_project_parts_figures_carry_the_project() -> None:
    from index.facts.extract import project_names

    # 万里街道 names its project as what is built; 司法局 in the part's heading; Dapeng's part covers several
    wanli, _ = corpus("shanghai_putuo_wanli_street_2024_dept_budget")
    third = one(wanli.facts, "第三季度用款计划", "预算数")
    assert (third.value, third.context) == (158.05, "万里街道社区公共服务中心新建工程")
    justice, _ = corpus("shanghai_putuo_justice_2026_dept_budget")
    assert one(justice.facts, "人民调解项目", "预算数").context == "人民调解项目"
    dapeng, _ = corpus("dapeng")
    assert project_names(dapeng.sections) == {}
    built = Section(("项目经费情况说明", "一、项目概况"), "由某某街道办事处实施的社区养老服务设施改造项目，位于…")
    assert project_names([built]) == {"项目经费情况说明": "社区养老服务设施改造项目"}
    assert project_names([Section(("项目经费情况说明",), "年度预算安排如下。")]) == {}


def test_a_department_with_none_of_an_item_states_a_zero() -> None:
    welfare = _doc("上海市普陀区社会福利院", 2024)
    facts = _facts(
        "2024年上海市普陀区社会福利院无机关运行经费。", welfare, ("其他相关情况说明", "二、机关运行经费预算")
    )
    f = one(facts, "机关运行经费", "预算数")
    assert f.value == 0 and f.year == 2024 and "无机关运行经费" in f.source.quote
    final = _doc("上海市普陀区财政局", 2024, "决算")
    lifted = _facts(
        "上海市普陀区财政局 年度无 三公 经费财政拨款支出。", final, ("七、财政拨款“三公”经费支出决算情况说明",)
    )
    assert one(lifted, "三公经费财政拨款支出", "决算数").value == 0
    # a reason (主要原因是无公车购置计划) and a table note (故本表无数据) are no department saying it has none
    reasons = _facts("公务用车购置费0万元，与2025年预算持平，主要原因是无公车购置计划；故本表无数据。", welfare)
    assert not find(reasons, "公车购置计划", "预算数") and not find(reasons, "数据", "预算数")


def test_a_figure_printed_alone_under_its_heading_is_quoted_with_the_heading() -> None:
    justice = _doc("上海市普陀区司法局", 2026)
    facts = _facts("795万元", justice, ("人民调解项目经费情况说明", "六、年度预算安排"))
    assert facts and facts[0].value == 795 and facts[0].source.quote == "六、年度预算安排 795万元"
    welfare = _doc("上海市普陀区社会福利院", 2024)
    facts = _facts("120.60万元", welfare, ("其他相关情况说明", "三、政府采购预算总额"))
    assert facts and facts[0].source.quote == "三、政府采购预算总额 120.60万元"


def test_a_figure_of_a_long_numbered_item_quotes_the_items_line() -> None:
    # the item's line names it; its stated change comes after a long 主要用于… (over QUOTE_BACK characters)
    uses = "、".join(["短信平台费用", "网络出口费", "信息化项目专家评审费", "信息安全工作经费", "综合运维服务"] * 8)
    text = f"5. 信息技术服务 780 万元，主要用于{uses}等。较 2021 年预算减少 73 万元，减幅 8.6%。"
    change = one(_facts(text), "信息技术服务", "比上年增减")
    assert change.value == -73 and change.source.quote.startswith("5. 信息技术服务 780 万元")
    wanli = _doc("上海市普陀区人民政府万里街道办事处", 2024)
    line = f"20. “社会保障和就业支出（类）其他社会保障和就业支出（款）其他社会保障和就业支出（项）”781.24万元，主要用于{uses}。"
    text = line + "2023年当年预算执行数为1410.22万元，2024年预算安排781.24万元，比2023年预算执行数减少44.60%。"
    rate = one(_facts(text, wanli, ("2024年部门预算编制说明",)), "其他社会保障和就业支出", "增长率")
    assert rate.value == -44.6 and rate.source.quote.startswith("20. “社会保障和就业支出（类）")


def test_a_buildings_floors_are_counted_and_no_part_of_an_area() -> None:
    """`地上主楼7层，裙房3层，地下2层` are counts in 层 of the project, never parts of the 规划建筑面积 said before in
    平方米; counts in one unit stay parts of the count before them (实有在编人数 of 行政编制总数)."""
    wanli, _ = corpus("shanghai_putuo_wanli_street_2024_dept_budget")
    floors = one(wanli.facts, "地上主楼", "数量")
    assert (floors.value, floors.unit) == (7, "层")
    assert floors.context == "万里街道社区公共服务中心新建工程"  # the project, not 规划建筑面积
    assert one(wanli.facts, "地上建筑面积", "数量").context == "规划建筑面积"
    facts = _facts("本工程规划建筑面积约为9800平方米，其中地上建筑面积为6000平方米，建筑高度为24米，地上5层，地下1层。")
    assert [(f.subject, f.value, f.unit, f.context) for f in facts if f.unit == "层"] == [
        ("地上", 5, "层", ""),
        ("地下", 1, "层", ""),
    ]
    staff = _facts("行政编制总数 9 人，实有在编人数 9 人；事业编制总数 15 人，实有在编人数 13 人。")
    assert [f.context for f in staff] == ["", "行政编制总数", "", "事业编制总数"]
