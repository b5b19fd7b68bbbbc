"""A stock counted at the date asked (its year is that date's), a base year said with 以…为基数, 增减率, 科目编码 written
before each level's name (204类…、06款…，04项…), a name both a 款 and its 项 bear, who asks said before 想问, how to add
up said in a sentence after the question, a part asking the same of another item after 其中…, a basis said before
the item it qualifies, 年底 for 年末, an item described by what its sentence says it pays for, the units a budget
covers cited beside the kinds counted, and a head said once after the first item (基本工资和绩效). Each class on two
documents where the corpus has two, through the real Assistant."""

from __future__ import annotations

import pytest

from assistant.analyze import analyze
from assistant.assistant import Assistant


@pytest.mark.parametrize(
    ("doc", "question", "value", "year", "date"),
    [
        ("wanli", "截至2023年8月31日，万里街道共有车辆几辆？", 7, 2023, "截至2023年8月31日"),
        ("dapeng", "截至2021年10月，大鹏数据局共有几辆车？", 2, 2021, "截至2021年10月"),
    ],
)
def test_a_stock_asked_at_a_date_is_of_that_dates_year(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: int, year: int, date: str
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    # the sentence dated as asked is the one answered from, so the answer says the date its year is
    assert (ans.value, ans.year) == (value, year) and date in ans.answer
    plain = qa.ask(question.split("，", 1)[1], doc=ids[doc])  # asked without a date: the document's year
    assert plain.value == value and plain.year == year + 1


def test_a_compounds_part_counted_at_the_date_keeps_it(qa: Assistant, ids: dict[str, str]) -> None:
    ans = qa.ask("截至2024年12月31日普陀区财政局共有车辆几辆？2025年计划购置几辆车？", doc=ids["finance"])
    cars, planned = ans.parts
    assert cars.value == 0 and cars.question.startswith("截至2024年12月31日") and cars.year == 2024
    assert planned.value is None
    ans = qa.ask(
        "万里街道2024年部门预算：截至2023年8月31日“其他用车”有几辆？2024年安排购置的“其他用车”几辆？", doc=ids["wanli"]
    )
    held, bought = ans.parts
    assert (held.value, held.year) == (7, 2023) and (bought.value, bought.year) == (1, 2024)


@pytest.mark.parametrize(
    ("doc", "question", "value", "unit"),
    [
        (
            "wanli",
            "以2023年当年预算执行数为基数，万里街道2024年“城乡社区环境卫生”（212 05 01）预算的增减率是多少？",
            -27.81,
            "%",
        ),
        (
            "dapeng",
            "以2021年预算为基数，大鹏新区政务服务数据管理局2022年“信息技术服务”项目预算的增减额是多少万元？",
            -73,
            "万元",
        ),
        ("finance", "跟2023年度比，上海市普陀区财政局2024年度一般公共预算财政拨款支出的增减率是多少？", -2.1, "%"),
    ],
)
def test_a_base_said_with_以_为基数_and_增减率(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float, unit: str
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert (ans.value, ans.unit) == (pytest.approx(value), unit) and not ans.abstained


def test_a_name_both_a_款_and_its_项_bear_is_either() -> None:
    # 城乡社区环境卫生 is 21205 and 2120501: a sentence naming it is the 项 the code names, not a 款 above it
    assert analyze("城乡社区环境卫生（212 05 01）比上年增长百分之几").codes == ["2120501"]


@pytest.mark.parametrize(
    ("doc", "question", "value", "row"),
    [
        (
            "justice",
            "司法局2026年部门支出预算总表中，204类公共安全支出、06款司法下面，04项基层司法业务和07项公共法律服务两项加起来是多少元？",
            28563947,
            "2040607",
        ),
        (
            "wanli",
            "万里街道2024年支出预算中，212类城乡社区支出、05款城乡社区环境卫生下面，01项城乡社区环境卫生是多少元？",
            5993300,
            "2120501",
        ),
    ],
)
def test_codes_written_before_each_levels_name(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float, row: str
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert ans.value == pytest.approx(value) and any(row in c.locator for c in ans.citations)
    assert "公共安全支出" not in ans.answer  # the 类 the parts sit in is no part


@pytest.mark.parametrize(
    ("doc", "question", "value", "rows"),
    [
        (
            "wanli",
            "万里街道2024年一般公共预算支出功能分类预算表中，212 城乡社区支出（类）01 城乡社区管理事务（款）01 行政运行（项）的项目支出是多少元？",
            250000,
            ["2120101"],
        ),
        (
            "justice",
            "普陀司法局2026年，204 公共安全支出（类）06 司法（款）04 基层司法业务（项）的基本支出是多少元？",
            0,
            ["2040604"],
        ),
        (
            "wanli",
            "万里街道2024年，208 05 行政事业单位养老支出（款）下的 01 行政单位离退休 和 02 事业单位离退休 两个项合计多少元？",
            319740,
            ["2080501", "2080502"],
        ),
        (
            "finance",
            "普陀财政局2024年度决算，201 一般公共服务支出（类）06 财政事务（款）下的 01 行政运行 和 02 一般行政管理事务 两个项的决算数合计多少万元？",
            1521.89,
            ["2010601", "2010602"],
        ),
    ],
)
def test_a_levels_two_digits_before_its_name_under_a_code_said_before(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float, rows: list[str]
) -> None:
    # the 类's or 款's total is never the 项 asked: the two digits are the 项's own code under it
    ans = qa.ask(question, doc=ids[doc])
    assert ans.value == pytest.approx(value)
    assert all(any(row in c.locator for c in ans.citations) for row in rows)


def test_two_digits_before_a_name_that_is_not_that_code_stay() -> None:
    assert analyze("212城乡社区支出下面12月份花了多少").codes == [
        "212"
    ]  # 21212 is no national 城乡社区 item named 月份
    assert analyze("2024年12月31日共有10辆车").codes == []


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        (
            "finance",
            "我准备在思政课上讲政府采购，想问上海市普陀区财政局2024年度的政府采购金额（以合同签订为准）一共是多少万元？",
            251.25,
        ),
        ("justice", "我在写一篇关于法治的文章，想了解司法局2026年行政运行是多少万元？", 1672.67),
    ],
)
def test_who_asks_said_before_想问(qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float) -> None:
    assert qa.ask(question, doc=ids[doc]).value == pytest.approx(value, abs=0.01)


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        ("justice", "上海市普陀区司法局的部门预算一共包括几家单位？行政单位和参公单位都算上。", 2),
        ("wanli", "万里街道的部门预算一共包括几家单位？行政单位和事业单位都算上。", 5),
    ],
)
def test_how_to_add_up_said_in_a_sentence_after_the_question(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: int
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert (ans.value, ans.intent) == (value, "sum")


@pytest.mark.parametrize(
    ("doc", "question", "values"),
    [
        (
            "dapeng",
            "大鹏数据局2022年支出总表里，政府采购项目小计是多少万元？其中面向中小企业的多少万元？面向小型、微型企业的又是多少万元？",
            [457, 457, 0],
        ),
        (
            "finance",
            "财政局2024年政府采购金额是多少万元？其中货物采购多少万元？服务采购又是多少万元？",
            [251.25, 4.79, 246.47],
        ),
    ],
)
def test_a_part_asking_the_same_of_another_item_after_其中(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, values: list[float]
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert [p.value for p in ans.parts] == [pytest.approx(v) for v in values]


def test_a_basis_said_before_the_item_follows_it(qa: Assistant, ids: dict[str, str]) -> None:
    question = "请问上海市普陀区财政局2024年度部门决算中，以合同签订为准的政府采购金额里，服务采购金额是多少万元？"
    assert qa.ask(question, doc=ids["finance"]).value == pytest.approx(246.47)
    # the basis, in brackets after the item, describes it (the printed name's qualifier), never names it
    assert analyze("以合同签订为准的政府采购金额里，服务采购金额是多少").content == ("政府采购里服务采购",)
    assert analyze("按决算数为准的行政运行是多少").content == ("行政运行",)


def test_everyday_spellings_are_read_as_printed(qa: Assistant, ids: dict[str, str]) -> None:
    question = "财政局2024年决算的收入支出决算总表里，年底结转和结余下来的钱比年初多了多少万元？"
    assert qa.ask(question, doc=ids["finance"]).value == pytest.approx(6.2)
    assert qa.ask("财政局2024年年终结转和结余是多少万元？", doc=ids["finance"]).value == pytest.approx(55.34)
    assert analyze("截至2023年底万里街道共有车辆几辆").as_of == "截至2023年末"
    # 环卫 is 环境卫生 (only 万里街道 prints it among the corpus documents)
    assert qa.ask("万里街道2024年城乡社区环卫预算多少元", doc=ids["wanli"]).value == 5993300
    assert "环境卫生" in analyze("环卫工人的工资是多少").norm


@pytest.mark.parametrize(
    ("doc", "question", "value", "name"),
    [
        (
            "dapeng",
            "来电人问：大鹏新区数据局2022年做智慧城市研究课题、数据治理与数据开放那一块的项目，预算多少万元？",
            80,
            "数据管理事务",
        ),
        (
            "dapeng",
            "大鹏新区数据局管空间地理运维、政务光纤一期运维这些信息化系统维护的那个项目，2022年预算比2021年增长了百分之几？",
            29.1,
            "信息化运维项目",
        ),
        ("welfare", "福利院2024年给退休人员发福利费和生活补贴的那个项目预算多少万元？", 53.84, "事业单位离退休"),
        ("justice", "司法局2026年管依法治区、法制业务经费那一块的项目预算多少万元？", 3845.49, "其他司法支出"),
    ],
)
def test_an_item_described_by_what_its_sentence_says_it_pays_for(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float, name: str
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert ans.value == pytest.approx(value, abs=0.01) and f"按文件中的“{name}”理解" in ans.answer


@pytest.mark.parametrize(
    "question",
    [
        "按深圳市大鹏新区政务服务数据管理局2022年部门预算，智慧城市专家综合服务2021年的预算是多少万元？",
        "大鹏新区政数局2022年新开办企业免费刻章补贴这一项单独安排了多少万元？",
        "大鹏数据局2022年纳入基本支出的行政服务大厅房租是多少万元？",
    ],
)
def test_one_use_of_an_item_asked_as_an_item_is_not_read_as_it(
    qa: Assistant, ids: dict[str, str], question: str
) -> None:
    ans = qa.ask(question, doc=ids["dapeng"])  # the item's sentence lists it; its own amount is printed nowhere
    assert ans.abstained and ans.value is None


@pytest.mark.parametrize(
    ("doc", "question", "value", "scope"),
    [
        ("justice", "司法局2026年部门预算里一共包括几家单位？", 2, "下属1家预算单位"),
        ("wanli", "万里街道2024年部门预算一共包括几家单位？", 6, "下属5家预算单位"),
        # 本部 named with the 下属 units is all of them, not the 下属 count
        ("justice", "司法局2026年部门预算一共包括几家单位（司法局本部加上下属预算单位）？", 2, "下属1家预算单位"),
        ("wanli", "万里街道2024年部门预算一共包括几家单位（街道本部加上下属预算单位）？", 6, "下属5家预算单位"),
    ],
)
def test_units_counted_cite_what_the_budget_covers_too(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: int, scope: str
) -> None:
    ans = qa.ask(question, doc=ids[doc])  # the kinds counted, and the sentence saying 本部以及下属N家预算单位
    assert ans.value == value and any(scope in c.quote.replace(" ", "") for c in ans.citations)
    below = qa.ask(question.split("一共")[0] + "下属几家预算单位？", doc=ids[doc])  # the 下属 count alone: 本部 is one
    assert below.value == value - 1


@pytest.mark.parametrize(
    ("doc", "question", "values"),
    [
        ("welfare", "福利院基本工资和绩效各多少", [758448, 3580522]),
        ("wanli", "万里街道2024年基本工资和绩效各多少元", [5873551, 11447100]),
        (
            "justice",
            "司法局2026年基本工资和绩效各多少元",
            [2892504, None],
        ),  # no 绩效工资 printed: never another 绩效 row
    ],
)
def test_a_later_item_takes_the_head_the_first_names_after_it(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, values: list[float | None]
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert [p.value for p in ans.parts] == values


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        (
            "dapeng",
            "来电人问：大鹏新区政务服务数据管理局2022年政府采购里，买电信服务（网络线路那些）的钱有多少元？",
            1030000,
        ),
        ("finance", "财政局2024年政府采购里，买服务（审计评价那些）的钱有多少万元？", 246.47),
    ],
)
def test_examples_in_brackets_after_the_item_name_no_head(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float
) -> None:
    assert qa.ask(question, doc=ids[doc]).value == pytest.approx(value)


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        ("dapeng", "大鹏数据局2022年管电脑网络的两个项目——信息技术服务和信息化运维项目——加起来预算多少万元？", 1095),
        ("justice", "司法局2026年管调解和普法的两个项目——人民调解项目和普法宣传——加起来预算多少万元？", 919.29),
    ],
)
def test_names_between_dashes_as_many_as_the_words_count_are_the_items(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert (ans.value, ans.intent) == (pytest.approx(value), "sum")


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        ("finance", "财政局百万以上设备几台", 2),
        ("wanli", "万里街道单价一百万元以上的设备有几台？", 0),
    ],
)
def test_a_round_amount_in_words_is_the_printed_digits(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: int
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert ans.value == value and "100万元" in ans.citations[0].quote
    assert "单价100万元以上" in analyze("单价一百万以上的设备").norm
