"""The rule engine on hand-made facts: lookup, units, change, rate, share, prior year, conflicts, abstention."""

from __future__ import annotations

import pytest

from assistant.analyze import analyze
from assistant.match import confident, rank_facts
from assistant.operations import Context, answer
from index.model import Fact
from index.settings import Tunables
from tests.assistant.conftest import table_fact, text_fact

DAPENG = "dapeng000000"


def ask(facts: list[Fact], question: str, history: tuple[str, ...] = ()):
    ctx = Context(
        facts=facts,
        titles={DAPENG: "大鹏 2022 部门预算"},
        departments=frozenset({"深圳市大鹏新区政务服务数据管理局"}),
        doc_years={DAPENG: 2022},
    )
    return answer(analyze(question, history), ctx)


def test_lookup_text_figure(dapeng_facts: list[Fact]) -> None:
    ans = ask(dapeng_facts, "政府投资项目预算多少")
    assert (ans.value, ans.unit, ans.abstained) == (2008, "万元", False)
    assert "2,008万元" in ans.answer
    assert "2,008" in ans.citations[0].quote


def test_lookup_table_row_and_measure(dapeng_facts: list[Fact]) -> None:
    assert ask(dapeng_facts, "一般行政管理事务支出总计多少").value == 1461
    ans = ask(dapeng_facts, "一般行政管理事务的项目支出是多少")
    assert ans.value == 1461 and "项目支出" in ans.citations[0].locator
    assert ask(dapeng_facts, "一般行政管理事务基本支出多少").value == 0


def test_unit_conversion(dapeng_facts: list[Fact]) -> None:
    ans = ask(dapeng_facts, "政府投资项目预算多少元")
    assert (ans.value, ans.unit) == (20_080_000, "元")


def test_synonym(dapeng_facts: list[Fact]) -> None:
    ans = ask(dapeng_facts, "2022年招待费花多少")
    assert (ans.value, ans.unit) == (2, "万元")
    assert ask(dapeng_facts, "公务员编制有几个人").value == 9
    assert ask(dapeng_facts, "有几辆车").value == 2


def test_change_and_rate(dapeng_facts: list[Fact]) -> None:
    ans = ask(dapeng_facts, "政府投资项目比上年增加多少")
    assert (ans.value, ans.unit) == (583, "万元")
    ans = ask(dapeng_facts, "政府投资项目增幅是多少")
    assert (ans.value, ans.unit) == (40.9, "%")
    assert ask(dapeng_facts, "三公经费比上年增加多少").value == 0


def test_prior_year_derived(dapeng_facts: list[Fact]) -> None:
    ans = ask(dapeng_facts, "2021年政府投资项目预算是多少")
    assert (ans.value, ans.unit) == (1425, "万元")
    assert ans.formula and "2,008" in ans.formula and "583" in ans.formula
    assert len(ans.citations) == 2


def test_share(dapeng_facts: list[Fact]) -> None:
    ans = ask(dapeng_facts, "项目支出占支出总计的比例是多少")
    assert ans.unit == "%" and ans.value == pytest.approx(78.9, abs=0.05)
    assert ans.formula and "4,644" in ans.formula and "5,883" in ans.formula


def test_conflict_prefers_table_and_warns(dapeng_facts: list[Fact]) -> None:
    ans = ask(dapeng_facts, "公务用车购置和运行维护费预算多少")
    assert ans.value == 8
    assert ans.warnings and "8.1" in ans.warnings[0]
    assert len(ans.citations) == 2


def test_abstains_when_silent(dapeng_facts: list[Fact]) -> None:
    for q in ("2019年政府投资项目预算是多少", "体育场馆建设支出多少", "国有资本经营预算收入多少"):
        ans = ask(dapeng_facts, q)
        assert ans.abstained and ans.value is None, q
        assert not any(ch.isdigit() for ch in ans.answer)


def test_follow_up_uses_history(dapeng_facts: list[Fact]) -> None:
    ans = ask(dapeng_facts, "那2021年呢？", history=("2022年公务接待费多少",))
    assert ans.value == 2 and ans.citations[0].quote.startswith("2021")


def test_a_figure_of_another_budget_stage_is_not_the_answer() -> None:
    # 财政局 2024 决算: 差旅费 printed only as a 决算数 (1.20 万元, p.16); 公务接待费's 预算数 in the
    # 决算 三公 table is its 年初预算 (0.95 万元)
    travel = table_fact(
        DAPENG,
        "一般公共预算财政拨款基本支出决算表",
        "30211 差旅费",
        "决算数",
        "差旅费",
        1.2,
        "1.20",
        "万元",
        "差旅费 1.20",
    )
    guests = table_fact(
        DAPENG, "财政拨款“三公”经费支出决算表", "公务接待费", "预算数", "公务接待费", 0.95, "0.95", "万元", "0.95"
    )
    assert ask([travel, guests], "差旅费的年初预算是多少？").abstained
    best = rank_facts(analyze("差旅费的年初预算是多少？"), [travel], tun=Tunables())[0]
    assert best.recall == 1.0 and not best.measure_ok and not confident(best, Tunables())
    assert ask([travel, guests], "差旅费决算数是多少？").value == 1.2
    assert ask([travel, guests], "公务接待费年初预算是多少万元？").value == 0.95


def test_the_more_specific_item_the_question_names_wins() -> None:
    # 万里街道 p.32: 政府采购预算1662.44万元，其中：…政府采购服务预算752.59万元
    heading = "其他相关情况说明 › 三、政府采购预算情况"
    quote = "2024年本部门政府采购预算1662.44万元，其中：政府采购服务预算752.59万元"
    facts = [
        text_fact(DAPENG, heading, "政府采购", "预算数", 1662.44, "1662.44万元", "万元", quote),
        text_fact(DAPENG, heading, "政府采购服务", "预算数", 752.59, "752.59万元", "万元", quote),
    ]
    assert ask(facts, "政府采购里买服务的预算有多少万元？").value == 752.59
    assert ask(facts, "政府采购预算有多少万元？").value == 1662.44


def test_difference_of_two_measures_of_one_item() -> None:
    # 财政局 2024 决算 p.22: 行政单位医疗（项）年初预算为62.29万元，支出决算为60.99万元
    heading = "五、一般公共预算财政拨款支出决算情况说明"
    quote = "行政单位医疗（项）。年初预算为62.29万元，支出决算为60.99万元"
    facts = [
        text_fact(DAPENG, heading, "行政单位医疗", "年初预算数", 62.29, "62.29万元", "万元", quote, year=2024),
        text_fact(DAPENG, heading, "行政单位医疗", "决算数", 60.99, "60.99万元", "万元", quote, year=2024),
    ]
    ans = ask(facts, "行政单位医疗决算比年初预算少花了多少万元")
    assert (ans.value, ans.unit) == (-1.3, "万元") and len(ans.citations) == 2
    # one of two named items missing: no answer built from the other one alone
    assert ask(facts, "行政单位医疗比公务接待费多多少万元").abstained


def test_change_against_a_named_base_year() -> None:
    # 万里街道 2024 p.32: 公务用车运行费21.56万元，比2023年预算持平
    heading = "其他相关情况说明 › 一、2024年“三公”经费预算情况说明"
    quote = "公务用车运行费21.56万元，比2023年预算持平"
    facts = [
        text_fact(DAPENG, heading, "公务用车运行费", "预算数", 21.56, "21.56万元", "万元", quote, year=2024),
        text_fact(DAPENG, heading, "公务用车运行费", "比上年增减", 0, "持平", "万元", quote, year=2024),
    ]
    ans = ask(facts, "公务用车运行费跟2023年比有没有变化？")
    assert (ans.value, ans.abstained) == (0, False)


def test_counts_are_answered_in_their_own_unit() -> None:
    # 财政局 2024 决算 p.24: 共有车辆0辆 … 单价100万元（含）以上设备（不含车辆）2台（套）;
    # 公务用车购置及运行维护费 决算数 0 and its 完成率 (%) must never answer "几辆" (years set to the
    # helper's document year)
    heading = "（三）国有资产占有使用情况说明"
    quote = "共有车辆0辆 单价100万元（含）以上设备（不含车辆）2台（套）"
    three = "（五）“三公”经费财政拨款支出决算情况说明"
    facts = [
        text_fact(DAPENG, heading, "车辆", "数量", 0, "0辆", "辆", quote, year=2022),
        text_fact(
            DAPENG,
            heading,
            "单价100万元（含）以上设备（不含车辆）",
            "数量",
            2,
            "2台（套）",
            "台（套）",
            quote,
            year=2022,
        ),
        text_fact(DAPENG, three, "公务用车购置及运行维护费", "完成率", 0, "0%", "%", "完成率0%", year=2022),
        text_fact(DAPENG, three, "公务用车购置及运行维护费", "决算数", 0, "0万元", "万元", "决算为0万元", year=2022),
    ]
    ans = ask(facts, "名下有几辆公车？")
    assert (ans.value, ans.unit) == (0, "辆")
    ans = ask(facts, "单价100万元以上的设备有几台？")
    assert (ans.value, ans.unit) == (2, "台（套）")
    assert analyze("单价100万元以上的设备有几台？").unit == "台"
    assert analyze("政府投资项目2008万元对吗").unit == "万元"  # no other unit named: the stated one


def test_a_column_the_question_excludes_is_not_asked_for() -> None:
    # 财政局 2024 收入决算表: 2010602 一般行政管理事务 财政拨款收入 10.00, 其他收入 6.19
    table = "收入决算表"
    row = "2010602 一般行政管理事务"
    quote = "201 06 02 一般行政管理事务 16.19 10.00 6.19"
    facts = [
        table_fact(DAPENG, table, row, "财政拨款收入", "一般行政管理事务", 10.0, "10.00", "万元", quote, year=2024),
        table_fact(DAPENG, table, row, "其他收入", "一般行政管理事务", 6.19, "6.19", "万元", quote, year=2024),
    ]
    assert ask(facts, "一般行政管理事务里非财政拨款的其他收入有多少万元？").value == 6.19
    assert ask(facts, "一般行政管理事务的财政拨款收入有多少万元？").value == 10.0


def test_a_synonym_inside_a_longer_name_does_not_replace_it() -> None:
    # 福利院 2024 经济分类预算表: 30101 基本工资 758,448 within 301 工资福利支出 6,958,414; "工资" is an
    # everyday word for 工资福利支出, but "基本工资" names its own row
    table = "2024年预算单位一般公共预算基本支出部门预算经济分类预算表"
    facts = [
        table_fact(
            DAPENG, table, "30101 基本工资", "合计", "基本工资", 758448, "758,448", "元", "301 01 基本工资 758,448"
        ),
        table_fact(
            DAPENG,
            table,
            "301 工资福利支出",
            "合计",
            "工资福利支出",
            6958414,
            "6,958,414",
            "元",
            "301 工资福利支出 6,958,414",
        ),
    ]
    assert ask(facts, "基本工资预算是多少元").value == 758448
    assert ask(facts, "发工资的钱有多少元").value == 6958414


def test_a_generic_ending_may_be_left_out() -> None:
    # 大鹏 表14: 综合管理事务 526 万元
    fact = table_fact(
        DAPENG,
        "表14 部门预算绩效管理项目情况表",
        "综合管理事务",
        "合计",
        "综合管理事务",
        526,
        "526",
        "万元",
        "综合管理事务 526",
    )
    assert ask([fact], "综合管理这块一共给了多少元？").value == 5_260_000


def test_actual_spending_is_the_outturn_and_budget_is_not_a_conflict_with_it() -> None:
    # 财政局 2024 决算: 三公 table prints 公务接待费 预算数 0.95; the text says 公务接待费决算为0万元
    table = table_fact(
        DAPENG,
        "财政拨款“三公”经费支出决算表",
        "公务接待费",
        "预算数",
        "公务接待费",
        0.95,
        "0.95",
        "万元",
        "0.95",
        year=2022,
    )
    text = text_fact(
        DAPENG, "（五）“三公”经费财政拨款支出决算情况说明", "公务接待费", "决算数", 0, "0万元", "万元",
        "公务接待费决算为0万元", year=2022,
    )  # fmt: skip
    ans = ask([table, text], "招待费实际花了多少")
    assert (ans.value, ans.unit, ans.warnings) == (0, "万元", [])
    assert ask([table, text], "招待费年初预算是多少万元").value == 0.95
