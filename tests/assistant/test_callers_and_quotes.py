"""Questions passed on for someone else (市民想了解…, 来电人询问：), what the money is for said before the item
(用于…的那项X), an item referred to again after a premise or a clause (这项支出, 该项, 这一项), a comparison carried
into the next clause (…比其减少百分之几、少多少万元), and quotes that say what their figure is of. Each class on two
documents, through the real Assistant."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.answer_types import Citation
from assistant.assistant import Assistant
from assistant.measures import item_context
from assistant.operations.arithmetic import as_printed_alike
from eval.evidence import squash
from index.model import Fact, Provenance


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        # who passes the question on (市民想了解…, 来电人询问：) names no item;
        # 用于…的那项X: the description goes, X is asked (按元算 is the unit asked, 算 no item word);
        # 这项支出 / 这一项 after a premise: the premise's item (照这样推算, 说明里讲 are no item words);
        # 机关和参公事业单位的机关运行经费: the documents' definition of whose costs these are, not two parts to add;
        # 这类 inside an item's name (电信和其他信息传输这类服务) is read through;
        # 年度预算安排 is a heading of the named part's item (人民调解项目经费情况说明中，…)
        # (and the cases below, each with its reason)
        pytest.param(
            "welfare", "市民想了解普陀区社会福利院2024年一整年的电费预算安排了多少元？", 320000, id="passed_on"
        ),
        pytest.param("dapeng", "来电人询问：大鹏数据局2022年政府投资项目预算是多少万元？", 2008, id="passed_on"),
        pytest.param("wanli", "有市民打电话问，万里街道2024年城管执法预算多少万元", 604.339, id="passed_on"),
        pytest.param("justice", "来电人想知道普陀司法局2026年普法宣传预算是多少万元？", 124.29, id="passed_on"),
        pytest.param(
            "justice",
            "普陀司法局今年用于人民调解、医患纠纷、社区矫正和安置帮教的那项基层司法业务经费，按元算预算是多少？",
            21703947,
            id="purpose_before_item",
        ),
        pytest.param("wanli", "万里街道主要用于城管执法的那项经费按元算是多少？", 6043390, id="purpose_before_item"),
        pytest.param(
            "finance",
            "《上海市普陀区财政局2024年度部门决算》提到一般公共预算财政拨款支出比上年减少了63.14万元，那么２０２３年度这项支出应是多少万元？",
            3003.19,
            id="anaphor_after_premise",
        ),
        pytest.param(
            "dapeng",
            "大鹏数据局2022年政务服务事务比2021年预算多了11万元，照这样推算，二〇二一年这一项的预算是多少万元？",
            613,
            id="anaphor_after_premise",
        ),
        pytest.param(
            "justice",
            "司法局说明里提到信息化建设比2025年预算执行数增加了167.47万元，那2025年这项经费执行了多少万元？",
            60.41,
            id="anaphor_after_premise",
        ),
        pytest.param(
            "wanli",
            "万里街道2024年下属机关和参公事业单位的机关运行经费预算一共是多少万元？",
            443.18,
            id="whose_running_costs",
        ),
        pytest.param(
            "justice",
            "司法局2026年下属1家机关和1家参公事业单位财政拨款的机关运行经费预算是多少万元",
            217.83,
            id="whose_running_costs",
        ),
        pytest.param(
            "dapeng",
            "大鹏数据局2022年政府采购里，电信和其他信息传输这类服务的采购金额是多少万元？",
            103,
            id="kind_word",
        ),
        pytest.param("welfare", "福利院物业管理这类费用2024年预算多少元", 1206000, id="kind_word"),
        pytest.param(
            "justice", "人民调解项目经费情况说明中，年度预算安排是多少万元？", 795, id="heading_in_named_part"
        ),
        pytest.param("wanli", "国有资产占有使用情况说明中，车辆有几辆？", 7, id="heading_in_named_part"),
        # 用于…的那笔钱: the description is the item (钱 names none), so it is not taken out
        pytest.param("wanli", "万里街道今年用于城管执法的那笔钱预算多少万元", 604.339, id="bare_pointer_after_purpose"),
        # the later year's figure of a change worked out from two years is the item's whole figure, never a
        # column of another side (收入预算总表's 其他收入 0 for 其他城乡社区支出 gave 0 − 1,822.46)
        pytest.param(
            "wanli",
            "城乡社区支出（类）其他城乡社区支出（款）其他城乡社区支出（项）2024年比2023年执行数少了多少万元",
            -900.44,
            id="whole_figure_of_a_change",
        ),
        pytest.param("welfare", "事业单位离退休2024年比2023年执行数少了多少万元", -0.76, id="whole_figure_of_a_change"),
        # 比执行数 with no year: in a budget, the year before's 当年预算执行数
        pytest.param("wanli", "城管执法比执行数少了多少万元", -72.32, id="execution_as_base"),
        pytest.param("justice", "信息化建设比执行数多了多少万元", 167.47, id="execution_as_base"),
    ],
)
def test_the_figure_asked_around_the_item(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float
) -> None:
    assert qa.ask(question, doc=ids[doc]).value == pytest.approx(value)


@pytest.mark.parametrize(
    ("doc", "question", "values"),
    [
        (
            "finance",
            "普陀区财政局2024年度一般公共预算财政拨款支出比2023年度减少多少万元？据此推算2023年度该项支出为多少万元？",
            [-63.14, 3003.19],
        ),
        (
            "wanli",
            "万里街道其他城乡社区支出（212 99 99）2023年预算执行数是多少万元？2024年比其减少百分之几、少多少万元？",
            [1822.46, -49.41, -900.44],
        ),
        (
            "justice",
            "普陀司法局信息化建设2025年预算执行数是多少万元？2026年比其增加了百分之几、多了多少万元？",
            [60.41, 277.22, 167.47],
        ),
    ],
)
def test_a_later_clause_asks_the_item_and_comparison_before_it(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, values: list[float]
) -> None:
    # 该项支出: the clause before's item; 比其: the figure the clause before asked; 少多少万元 after
    # 比其减少百分之几、: the same comparison in an amount
    answer = qa.ask(question, doc=ids[doc])
    assert [p.value for p in answer.parts] == pytest.approx(values)


def _quotes(qa: Assistant, ids: dict[str, str], doc: str, question: str) -> list[str]:
    answer = qa.ask(question, doc=ids[doc])
    assert answer.value is not None
    return [squash(c.quote) for c in answer.citations if isinstance(c, Citation)]


@pytest.mark.parametrize(
    ("doc", "question", "named"),
    [
        (
            "wanli",
            "万里街道2024年其他社会保障和就业支出比2023年执行数减少了百分之几？",
            "其他社会保障和就业支出（项）”781.24万元",
        ),
        ("justice", "司法局2026年基层司法业务比2025年执行数增长了百分之几？", "基层司法业务（04项）2170.39万元"),
        ("dapeng", "信息技术服务2022年比2021年预算减少了百分之几？", "信息技术服务780万元"),
        ("dapeng", "信息化运维项目2022年比2021年预算增加了多少万元？", "信息化运维项目315万元"),
    ],
)
def test_a_change_quotes_the_words_naming_its_item(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, named: str
) -> None:
    # the stated change is far from the item's name (a long 主要用于… between): the quote keeps the naming clause
    assert any(squash(named) in q for q in _quotes(qa, ids, doc, question))


def test_a_figure_printed_alone_under_its_heading_quotes_the_heading(qa: Assistant, ids: dict[str, str]) -> None:
    quotes = _quotes(qa, ids, "justice", "司法局的人民调解项目，2026年预算里给了多少钱？")
    assert any("年度预算安排795万元" in q for q in quotes)


@pytest.mark.parametrize(
    ("doc", "question", "value", "unit"),
    [
        ("justice", "司法局信息化比25年执行数多多少", 167.47, "万元"),
        ("wanli", "万里街道城管执法2024年比2023年执行数少了多少", -72.32, "万元"),
        ("justice", "司法局信息化建设比2025年执行数增长了多少", 277.22, "%"),  # 增长了多少: the rate stated
    ],
)
def test_more_or_less_by_how_much_asks_an_amount(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float, unit: str
) -> None:
    # the documents state these changes only as rates; 多多少 / 少了多少 ask the amount worked out from both years
    answer = qa.ask(question, doc=ids[doc])
    assert (answer.value, answer.unit) == (pytest.approx(value), unit)


def test_an_item_the_department_says_it_has_none_of_is_zero_cited_by_that_sentence(
    qa: Assistant, ids: dict[str, str]
) -> None:
    # the facts of the sentence on two documents: tests/index/facts/test_facts_text.py
    answer = qa.ask("福利院2024年的机关运行经费预算是多少？", doc=ids["welfare"])
    assert answer.value == 0
    assert any("2024年上海市普陀区社会福利院无机关运行经费" in squash(c.quote) for c in answer.citations)


@pytest.mark.parametrize(
    ("doc", "question", "category_total"),
    [
        ("wanli", "万里街道2024年社区环境卫生这块的钱预算多少元", 3223657),  # 卫生健康支出
        ("finance", "财政局2024年其他社会保障这块决算多少万元", 326.72),  # 社会保障和就业支出
    ],
)
def test_a_category_word_inside_a_longer_national_name_is_no_category(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, category_total: float
) -> None:
    # 卫生这块 names 卫生健康支出, but 社区环境卫生 is (城乡)社区环境卫生; 其他社会保障 is not 社会保障和就业支出
    assert qa.ask(question, doc=ids[doc]).value != pytest.approx(category_total)


def test_period_rows_answer_only_for_the_project_they_are_printed_under(qa: Assistant, ids: dict[str, str]) -> None:
    # 万里街道 prints its new building's 年度预算安排 by quarter; a question naming another project is not about them
    unscoped = qa.ask("人民调解项目经费情况说明中，年度预算安排是多少万元？")
    assert "795" in unscoped.answer and "用款计划" not in unscoped.answer
    assert qa.ask("人民调解项目的年度预算安排合计多少万元？", doc=ids["wanli"]).value is None
    own = qa.ask("社区公共服务中心新建工程的年度预算安排合计多少万元", doc=ids["wanli"])
    assert own.value == pytest.approx(632.2)
    assert qa.ask("这个项目的年度预算安排合计多少万元", doc=ids["wanli"]).value == pytest.approx(632.2)


@pytest.mark.parametrize(
    ("doc", "question", "sentence"),
    [
        (
            "justice",
            "2026年司法局的信息化建设和普法宣传，哪一项预算安排更多？多出多少万元？",
            "信息化建设（13项）227.88万元",
        ),
        (
            "wanli",
            "2024年万里街道的其他社会保障和就业支出（项）和公益性岗位补贴（项），哪个预算安排更多？多多少万元？",
            "公益性岗位补贴（项）”421.23万元",
        ),
    ],
)
def test_how_much_more_cites_every_place_the_comparison_cited(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, sentence: str
) -> None:
    # the gap is worked out from the two figures: it cites the table rows and the sentences stating them
    answer = qa.ask(question, doc=ids[doc])
    assert len(answer.parts) == 2 and answer.parts[1].value is not None
    assert any(squash(sentence) in squash(c.quote) for c in answer.parts[1].citations)


def _fact(value: float, unit: str, text: str) -> Fact:
    return Fact("x", "预算数", value, unit, Provenance("d", "表", text, None), text=text)


def test_an_exact_row_beside_a_rounded_sentence_is_read_at_the_sentences_precision() -> None:
    # 福利院: 财政拨款 950.12万元 (a sentence) over 收入合计 12,121,164 元 (a row): 950.12 ÷ 1212.12 = 78.38 %, not
    # 950.12 ÷ 1212.1164 = 78.39 %; 司法局: 住房公积金 208.8万元 over a 元 row of 2,087,959.00
    part, whole = _fact(950.12, "万元", "950.12"), _fact(12121164, "元", "12,121,164")
    assert as_printed_alike(whole, "万元", [part, whole]) == pytest.approx(1212.12)
    assert as_printed_alike(part, "万元", [part, whole]) == pytest.approx(950.12)
    rounded, row = _fact(208.8, "万元", "208.8"), _fact(2087959.0, "元", "2,087,959.00")
    assert as_printed_alike(row, "万元", [rounded, row]) == pytest.approx(208.8)
    assert as_printed_alike(row, "元", [rounded, row]) == pytest.approx(2087959.0)  # its own unit: as printed


def test_a_department_row_names_no_item_inside_a_container(qa: Assistant, ids: dict[str, str]) -> None:
    # 大鹏's 支出总表 row is the department (…政务服务数据管理局): its 项目支出 is no 数据管理事务, whose 数据管理 it shares
    answer = qa.ask("大鹏数据局2022年项目支出中数据管理事务是多少万元", doc=ids["dapeng"])
    assert answer.value == pytest.approx(80)
    unit_row = Fact(
        "合计", "项目支出", 1.0, "元", Provenance("d", "表", "", None), context="上海市普陀区人民政府万里街道办事处"
    )
    coded = replace(unit_row, context="社会保障和就业支出 › 行政事业单位养老支出")
    assert item_context(unit_row) == "" and item_context(coded) == "社会保障和就业支出›行政事业单位养老支出"
