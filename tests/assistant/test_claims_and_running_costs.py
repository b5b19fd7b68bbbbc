"""A claim quoted to be checked against the document (`稿子写：“…预算为849万元。”这个数对吗？`: the document's figure
for what it states, never the claim's figure and never the consistency report), the one clause a check names
(`…其中工程预算3.66万元。”工程这部分对吗`), a change or a rate checked (`增减方向对吗`), the running costs of a car said
with examples (`公车日常开销（燃料、维修、保险这类运行费用）`, `公务车平时加油、维修这些运行开销`, `维持公车日常运转`),
the table a container said beside the item points into (`…，三公经费里安排了多少`), and a row named in brackets after a
head said before it (`政府采购预算里，买东西（货物）`), a 科目编码 said alone as an item (`201类占支出合计`, `20406款下面有几个
项`) or one no row carries (`2010301行政运行`), the figures to work with said first (`用…和文中给的比上年增加额，重新算一下
增长率`), a rate printed whole asked to two decimals, and spaces typed for punctuation (`基本工资 津贴补贴 绩效工资加起来`).
Each on two documents or more, through the real Assistant."""

from __future__ import annotations

import pytest

from assistant.assistant import Assistant
from assistant.claims import checked_claim
from tests.assistant.support import answers_one_figure

P = pytest.param


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        P(
            "同事稿子里写：“大鹏数据局2022年购房补贴预算200万元。”这个数对吗？文件里是多少？",
            "大鹏数据局2022年购房补贴预算多少万元？",
            id="one-figure",
        ),
        P(
            "核稿：“司法局2026年公务接待费1万元，公务用车购置费5万元。”请分别核对（元）。",
            "司法局2026年公务接待费多少元？公务用车购置费多少元？",
            id="two-figures-in-the-unit-asked",
        ),
        P(
            "稿子：“万里街道专项普查活动2024年预算25.77万元，比2023年预算执行数增加34.36万元。”增减对吗？",
            "万里街道专项普查活动2024年预算比2023年预算执行数增加多少万元？",
            id="change-checked",
        ),
        P(
            "稿子：“福利院2024年支出合计1,212.12万元，比2023年增长3.5%。”增幅对吗？",
            "福利院2024年支出合计比2023年增长百分之几？",
            id="rate-checked-with-a-thousands-comma",
        ),
        P(
            "稿子：“截至2023年8月31日，万里街道共有车辆9辆。”请核实。",
            "截至2023年8月31日，万里街道共有车辆多少辆？",
            id="words-before-a-figure-kept",
        ),
    ],
)
def test_a_claim_is_asked_again(question: str, asked: str) -> None:
    assert checked_claim(question) == asked


def test_no_claim_no_change() -> None:
    """A quote with no figure, or a figure quoted with no check asked, is the question as written."""
    for question in (
        "“三公”经费是多少？",
        "原文：“政府投资项目预算2,008万元”——比上年增加多少？",
        "稿子有一句：“该局2022年差旅费预算为12万元。”文件里能查到差旅费预算吗？",
    ):
        assert checked_claim(question) == question


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        P(
            "dapeng",
            "同事写：“2022年该局购房补贴预算200万元。”跟文件一致吗？文件里是多少万元？",
            190,
            id="consistency-word",
        ),
        P(
            "justice",
            "稿子写：“司法局2026年公务用车运行费10万元。”和文件一致吗？文件里是多少万元？",
            9.98,
            id="consistency-justice",
        ),
        P(
            "justice",
            "稿子：“司法局2026年政府采购预算1486.42万元，其中政府采购服务预算1400万元。”服务这部分对吗？",
            1446.32,
            id="the-clause-named",
        ),
        P(
            "finance",
            "稿子：“财政局2024年政府采购金额251.25万元，其中服务采购200万元。”服务采购金额对吗？文件写的是多少？",
            246.47,
            id="the-clause-named-finance",
        ),
        P(
            "welfare",
            "稿子：“福利院事业单位医疗支出2024年预算50.37万元，比2023年预算执行数增长10%。”增幅对吗？",
            14.04,
            id="rate-of-the-item",
        ),
        P(
            "wanli",
            "稿子：“万里街道2024年财政拨款收入15621.11万元，比2023年预算增加876.75万元。”请核对变化额（减少记负数）。",
            -876.75,
            id="change-of-the-item",
        ),
    ],
)
def test_claim_checked(qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float) -> None:
    answers_one_figure(qa.ask(question, doc=ids[doc]), value)


def test_every_figure_of_a_claim_checked(qa: Assistant, ids: dict[str, str]) -> None:
    for doc, question, values in (
        ("justice", "稿子：“司法局2026年因公出国（境）费1万元，公务接待费1万元。”这两个数对吗？", [0, 0.83]),
        (
            "wanli",
            "稿子：“2024年万里街道公务用车运行费25万元，公务接待费1万元。”请分别核对这两个数（万元）。",
            [21.56, 1.35],
        ),
    ):
        ans = qa.ask(question, doc=ids[doc])
        assert [p.value for p in ans.parts] == pytest.approx(values, abs=0.01), ans.answer


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        P(
            "welfare",
            "福利院2024年公车日常开销（燃料、维修、保险这类运行费用）预算是多少万元？",
            6.4,
            id="examples-in-brackets",
        ),
        P(
            "justice",
            "司法局2026年公车日常开销（加油、维修这类运行费用）预算是多少万元？",
            9.98,
            id="examples-in-brackets-justice",
        ),
        P(
            "wanli",
            "街道公务车平时加油、维修、过路过桥这些运行开销，2024年安排了多少万元？",
            21.56,
            id="examples-then-running",
        ),
        P(
            "welfare",
            "福利院的公车平时加油、维修这些运行开销，2024年安排了多少万元？",
            6.4,
            id="examples-then-running-welfare",
        ),
        P("justice", "司法局2026年维持公车日常运转的预算是多少万元？", 9.98, id="a-cars-daily-running"),
        P("welfare", "福利院2024年维持公车日常运转的预算是多少万元？", 6.4, id="a-cars-daily-running-welfare"),
        P("justice", "2026年司法局政府采购预算里，买东西（货物）安排了多少万元？", 3.66, id="bracket-after-head"),
        P(
            "wanli",
            "万里街道2024年政府采购预算里，买东西（货物）安排了多少万元？",
            93.98,
            id="bracket-after-head-wanli",
        ),
    ],
)
def test_running_costs_and_named_rows(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float
) -> None:
    ans = qa.ask(question, doc=ids[doc])  # 9.98万元 is printed, 99,750元 read in 万元 too
    assert not ans.abstained and ans.value == pytest.approx(value, abs=0.01), ans.answer


def test_the_container_said_points_into_its_table(qa: Assistant, ids: dict[str, str]) -> None:
    """`…运行开销，2026年“三公”经费里安排了多少`: the 三公 table's 公务用车运行费 is cited, not the economic
    classification's 公务用车运行维护费 of the same sum, and never the 三公 total (10.81, 6.4: the welfare home's is all
    running costs); `在基本支出里` names a column, no container."""
    for doc, question, value in (
        ("justice", "司法局公务车平时加油、维修这些运行开销，2026年“三公”经费里安排了多少万元？", 9.98),
        ("welfare", "福利院公车平时加油、维修这些运行开销，2024年“三公”经费里安排了多少万元？", 6.4),
    ):
        ans = qa.ask(question, doc=ids[doc])
        answers_one_figure(ans, value)
        assert "三公" in (ans.citations[0].locator or ""), ans.citations[0].locator


def test_a_figure_outside_the_quote_leaves_the_question_as_written() -> None:
    """`…说明里住房公积金一处写208.8万元，紧接着又写“2026年预算安排201.50万元”。…对吗？按预算表…那一行`: the quote is
    one of two figures the asker compares, not the claim to check."""
    question = "说明里住房公积金一处写208.8万元，紧接着又写“2026年预算安排201.50万元”。有人说是201.5万元，对吗？"
    assert checked_claim(question) == question


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        P("dapeng", "按表7算，201类占支出合计的比重是多少？（保留两位小数）", 73.4, id="a-code-alone-in-a-share"),
        P("welfare", "表3里208类占支出合计的比重是多少？（保留两位小数）", 93.07, id="a-code-alone-in-a-share-welfare"),
        P("justice", "20406款下面有几个项？", 6, id="items-under-a-code"),
        P("welfare", "20805款下面有几个项？", 4, id="items-under-a-code-welfare"),
        P("wanli", "201类一般公共服务支出下面有几个款？", 6, id="kuan-under-a-lei"),
        P(
            "dapeng",
            "用2022年机关运行经费财政拨款预算和文中给的比上年增加额，重新算一下增长率是多少？百分比保留两位小数。",
            535.85,
            id="operands-said-then-a-rate",
        ),
        P(
            "justice",
            "用编制说明中行政单位医疗2025年预算执行数和2026年预算数，重新算一下增长率是多少？保留两位小数。",
            93.45,
            id="two-years-said-then-a-rate",
        ),
        P(
            "welfare",
            "用编制说明中事业单位医疗2023年预算执行数和2024年预算数，重新算一下增长率是多少？保留两位小数。",
            14.04,
            id="two-years-said-then-a-rate-welfare",
        ),
        P("welfare", "福利院基本工资 津贴补贴 绩效工资加起来多少块钱", 4564570, id="spaced-list"),
        P("wanli", "街道基本工资 津贴补贴 绩效工资加起来多少元", 33944461, id="spaced-list-wanli"),
    ],
)
def test_codes_operands_and_spaces(qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float) -> None:
    answers_one_figure(qa.ask(question, doc=ids[doc]), value)


def test_a_rate_printed_whole_is_worked_out_to_the_places_asked(qa: Assistant, ids: dict[str, str]) -> None:
    """`增长536%` asked to two decimals: worked out from the figures it was printed from (337 and 比上年增加284); a rate
    printed to the places asked stays as printed."""
    answers_one_figure(qa.ask("机关运行经费比上年增长百分之几？保留两位小数", doc=ids["dapeng"]), 535.85)
    answers_one_figure(qa.ask("机关运行经费比上年增长百分之几？", doc=ids["dapeng"]), 536)
    answers_one_figure(qa.ask("2026年行政单位医疗比上年增长了百分之几？保留两位小数", doc=ids["justice"]), 93.45)


def test_a_code_no_row_carries_is_declined(qa: Assistant, ids: dict[str, str]) -> None:
    """`2010301行政运行`: the documents print their 行政运行 under another 款 (2120101, 2010601, 2040601); that row is
    another row, and the answer says the code is not printed."""
    for doc, question in (
        ("wanli", "2010301行政运行今年预算是多少？"),
        ("finance", "2010301行政运行决算是多少万元？"),
        ("dapeng", "2040601行政运行预算是多少万元？"),
    ):
        ans = qa.ask(question, doc=ids[doc])
        assert ans.abstained and ans.value is None, ans.answer
        assert any("科目编码" in w for w in ans.warnings), ans.warnings


def test_spaces_beside_punctuation_are_spaces() -> None:
    """Only a question typed with no punctuation reads its spaces as commas: `…住房公积金 和 2210203 购房补贴 的决算数分别
    是多少万元？` keeps its items as written."""
    from assistant.typed import spaced

    assert (
        spaced("福利院基本工资 津贴补贴 绩效工资加起来多少块钱") == "福利院基本工资、津贴补贴、绩效工资加起来多少块钱"
    )
    assert spaced("万里街道今年总预算比去年涨了还是降了 差多少万") == "万里街道今年总预算比去年涨了还是降了，差多少万"
    typed = "表五里 2210201 住房公积金 和 2210203 购房补贴 的决算数分别是多少万元？"
    assert spaced(typed) == typed


def test_a_part_asked_inside_the_whole_before(qa: Assistant, ids: dict[str, str]) -> None:
    """`…政府采购预算是多少？里面工程类的是多少？`: 里面 (like 其中) asks a part of the item before it."""
    for doc, question, values in (
        ("wanli", "万里街道2024年政府采购预算是多少？里面工程类的是多少？", [1662.44, 815.87]),
        ("justice", "司法局2026年政府采购预算是多少？这里面货物类的是多少？", [1486.42, 3.66]),
    ):
        ans = qa.ask(question, doc=ids[doc])
        assert [p.value for p in ans.parts] == pytest.approx(values, abs=0.01), ans.answer


def test_the_largest_of_items_listed_in_a_frame(qa: Assistant, ids: dict[str, str]) -> None:
    """`在A、B、C中，…最多（最少）的一项是多少`: the items listed between 在 and 中 are compared."""
    for doc, question, value in (
        ("justice", "在行政运行、基层司法业务、普法宣传中，2026年预算最少的一项是多少万元？", 124.29),
        ("welfare", "在基本工资、津贴补贴、绩效工资中，2024年预算最多的一项是多少元？", 3580522),
    ):
        answers_one_figure(qa.ask(question, doc=ids[doc]), value)


def test_an_amount_averaged_over_the_projects_named(qa: Assistant, ids: dict[str, str]) -> None:
    """`编报绩效目标的项目平均每个涉及…多少万元`: the projects' amount over how many they are, both cited."""
    for doc, question, value in (
        ("justice", "司法局2026年编报绩效目标的项目平均每个涉及项目预算资金多少万元？", 352.70),
        ("wanli", "万里街道2024年编报绩效目标的项目平均每个涉及项目预算资金多少万元？", 112.70),
        ("finance", "财政局2024年编报绩效目标的项目平均每个涉及预算金额多少万元？保留一位小数。", 149.6),
    ):
        ans = qa.ask(question, doc=ids[doc])
        answers_one_figure(ans, value)
        assert ans.intent == "per_project" and len(ans.citations) >= 2, ans.answer
