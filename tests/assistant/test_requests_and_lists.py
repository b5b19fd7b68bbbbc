"""How askers frame what they want around the item: requests on the answer's form (请折算为元, 请给出带符号的变化额,
保留四位小数), who they are and why (…当例子：), where they read (「其他重要事项的情况说明」里, 按合同签订口径), codes
after each level's name, lists and their comparisons (年末较年初), everyday words for classification items. Each
class on two documents, through the real Assistant."""

from __future__ import annotations

import pytest

from assistant.assistant import Assistant
from assistant.question import frame, split_clauses


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        (
            "finance",
            "财政局2024年度收入支出总计是2995.39万元，跟2023年度相比减少了多少万元？请给出带符号的变化额。",
            -56.95,
        ),
        ("dapeng", "大鹏数据局2022年政府投资项目是2,008万元，跟2021年相比增加了多少万元？减少的话请用负数表示。", 583),
        (
            "finance",
            "我下周公共财政课要讲「基本支出」和「项目支出」怎么划分，想拿上海市普陀区财政局2024年度部门决算当例子：一般公共预算财政拨款"
            "支出决算表里，201 06 01「行政运行」（项）这一行的决算数中，列在项目支出栏的是多少万元？（我一直以为行政运行应该全是基本支出）",
            8.37,
        ),
        ("welfare", "我们在做养老机构的课题，想拿福利院2024年单位预算当例子：住房公积金是多少元？", 335816),
    ],
)
def test_requests_and_who_asks_name_no_item(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float
) -> None:
    # the stated figure is the premise's item; how to sign the change, and who asks and why (…当例子：), are no parts
    answer = qa.ask(question, doc=ids[doc])
    assert answer.value == pytest.approx(value) and not answer.parts


@pytest.mark.parametrize(
    ("doc", "question", "value", "unit"),
    [
        (
            "finance",
            "请核实上海市普陀区财政局2024年度财政拨款“三公”经费支出决算表中，公务接待费的年初预算数是多少？请折算为元。",
            9500,
            "元",
        ),
        ("justice", "司法局2026年差旅费预算是多少？请折算为万元。", 9.5, "万元"),
    ],
)
def test_a_unit_asked_by_折算为(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float, unit: str
) -> None:
    answer = qa.ask(question, doc=ids[doc])
    assert (answer.value, answer.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("doc", "question", "shown"),
    [
        (
            "justice",
            "2026年上海市普陀区司法局部门支出预算总表里，公共安全支出（204类）司法（06款）基层司法业务（04项）的项目支出是多少？"
            "请按万元保留四位小数。（我记得大概两千一百多万）",
            "2,170.3947万元",
        ),
        (
            "wanli",
            "城乡社区支出（212类）城乡社区管理事务（01款）城管执法（04项）的预算是多少？请按万元保留三位小数。",
            "604.339万元",
        ),
    ],
)
def test_codes_after_each_level_and_the_places_asked(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, shown: str
) -> None:
    # （204类）…（06款）…（04项） is the row 2040604; 请按万元保留四位小数 is a unit and a rounding, no item
    assert frame(question).text.count("万元") <= 1
    assert shown in qa.ask(question, doc=ids[doc]).answer


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        (
            "finance",
            "上海市普陀区财政局在2024年度部门决算「其他重要事项的情况说明」里披露了政府采购情况，按合同签订口径，其中“服务采购金额”是多少万元？",
            246.47,
        ),
        (
            "dapeng",
            "深圳市大鹏新区政务服务数据管理局在2022年部门预算「政府采购情况说明」里，按合同签订口径，服务采购是多少万元？",
            451,
        ),
    ],
)
def test_a_section_named_after_the_document_and_a_basis_are_places(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float
) -> None:
    assert qa.ask(question, doc=ids[doc]).value == pytest.approx(value)


@pytest.mark.parametrize(
    ("question", "clauses"),
    [
        (
            "请核实万里街道办事处国有资产占有使用情况中现有车辆多少辆、本年部门预算安排购置车辆几辆，以及本年公务用车购置费预算多少万元。",
            3,
        ),
        ("司法局的车辆有几辆，以及公务用车运行费是多少万元？", 2),
    ],
)
def test_以及_joins_questions_without_a_question_of_its_own(question: str, clauses: int) -> None:
    # a lookahead's group once came back from the split as a clause `多少`
    found = split_clauses(frame(question).text)
    assert len(found) == clauses and all(len(c) > 4 for c in found)


@pytest.mark.parametrize(
    ("doc", "question", "values"),
    [
        (
            "finance",
            "请列示普陀区财政局2024年度收入支出决算总表中的年初结转和结余、年末结转和结余各为多少万元（全部资金口径，非财政拨款口径），"
            "并说明年末较年初增加了多少万元。",
            [49.14, 55.34, 6.2],
        ),
        ("wanli", "万里街道2024年地上建筑面积、地下建筑面积各是多少平方米？地上比地下多多少？", [8013, 5356, 2657]),
        (
            "justice",
            "二〇二六年普陀区司法局一般公共预算拨款支出预算是多少万元？较上年预算增加了多少万元？",
            [9628.22, 793.14],
        ),
        ("dapeng", "大鹏数据局2022年政府投资项目预算是多少万元？较上年增加了多少万元？", [2008, 583]),
    ],
)
def test_a_later_clause_names_its_items_by_what_was_asked_before(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, values: list[float]
) -> None:
    # a bracket's comma splits no question; 年末较年初 names the two items listed before by the words they open with;
    # 较上年 (like 比上年) names no item: the clause leans on the item before
    answer = qa.ask(question, doc=ids[doc])
    assert [p.value for p in answer.parts] == [pytest.approx(v) for v in values]


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        ("finance", "年末结转和结余比年初结转和结余增加了多少万元？", 6.2),
        ("dapeng", "信息技术服务比数据管理事务增加了多少万元？", 700),
    ],
)
def test_one_item_more_than_another_is_a_difference(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float
) -> None:
    # no year is compared against: not a change on last year
    answer = qa.ask(question, doc=ids[doc])
    assert answer.value == pytest.approx(value) and answer.formula


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        ("welfare", "福利院2024年预算里退休人员活动的费用安排了多少元？", 7020),
        ("welfare", "福利院2024年退休人员活动费是多少元？", 7020),
        ("justice", "司法局2026年职业年金缴费支出是多少元？", 919739),
        ("wanli", "万里街道2024年养公车（不算买车）一年预算要花多少万元？", 21.56),
        ("justice", "司法局2026年养公车一年预算要花多少万元？", 9.98),
    ],
)
def test_everyday_words_for_classification_items(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float
) -> None:
    # 机关事业单位 before an 经济分类 item is left out when people ask; 养车 is running a car
    assert qa.ask(question, doc=ids[doc]).value == pytest.approx(value)


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        ("dapeng", "大鹏新区政务服务数据管理局纳入2022年部门预算的政府采购项目中，服务采购是多少万元？", 451),
        ("wanli", "万里街道办事处纳入2024年部门预算的政府采购项目中，工程采购是多少万元？", 815.87),
    ],
)
def test_what_the_budget_takes_in_is_the_document(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float
) -> None:
    # 纳入2022年部门预算的 names the document, not words of the item (they once sank the match below the threshold)
    assert qa.ask(question, doc=ids[doc]).value == pytest.approx(value)


@pytest.mark.parametrize(
    ("doc", "question", "quote"),
    [
        (
            "dapeng",
            "深圳市大鹏新区政务服务数据管理局2022年「信息技术服务」的预算是「数据管理事务」的几倍？",
            "信息技术服务780万元",
        ),
        ("dapeng", "大鹏数据局2022年纳入部门预算的政府采购一共多少万元？", "政府采购项目纳入2022年部门预算共计457万元"),
    ],
)
def test_the_narrative_beside_a_table_is_cited(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, quote: str
) -> None:
    # a ratio cites every place stating its operands; a year in a table's column name (2022年政府采购项目) makes it
    # no more specific than the sentence naming the item
    answer = qa.ask(question, doc=ids[doc])
    assert any(quote in c.quote.replace(" ", "") for c in answer.citations)


@pytest.mark.parametrize(
    ("doc", "question", "values"),
    [
        (
            "finance",
            "请说明普陀财政局2024年行政单位医疗（210 11 01）项目的年初预算数、调整预算数和支出决算数分别是多少万元？",
            [62.29, None, 60.99],
        ),
        ("finance", "财政局2024年信息化建设项目的年初预算数和支出决算数分别是多少万元？", [135.9, 135.25]),
    ],
)
def test_a_listed_measure_after_项目的_is_no_项目支出(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, values: list[float | None]
) -> None:
    answer = qa.ask(question, doc=ids[doc])
    assert [p.value for p in answer.parts] == [None if v is None else pytest.approx(v) for v in values]


@pytest.mark.parametrize(
    ("doc", "question", "wanted"),
    [
        (
            "wanli",
            "万里街道2024年城管执法（212 01 04）跟2023年当年预算执行数比，差了多少万元？减少的话请用负数",
            "比上年减少72.32万元",
        ),
        ("justice", "司法局2026年办公设备购置预算是多少？按元说就行", "36,600.00元"),
    ],
)
def test_how_the_answer_reads(qa: Assistant, ids: dict[str, str], doc: str, question: str, wanted: str) -> None:
    # a change worked out from two figures reads as a change (never 比上年减少为…); 按元说就行 asks 元
    assert wanted in qa.ask(question, doc=ids[doc]).answer
