"""Another item asked the way the question before asked (`…三公经费一共多少万 那公务接待呢 出国的呢`), a column of the
三公 table said by its last words after its sibling (`公务用车购置费是多少？运行费是多少`), a name the document prints said
after words describing it (`自己收来的事业收入`, `请外面公司干活的那个服务采购`), two sibling items said as one
(`水电费` = 水费 + 电费) and added `加一块`, 一般预算 (the older name of 一般公共预算), a stated change then `。那…`
(the prior year derived), a quoted passage (`原文：“…”——`) as a premise or, beside an item of the question's own, as where
to look, a figure the asker half remembers before `到底是多少`, 年初 after an item's 年末, 财政拨款 said of 机关运行经费 (which is that by definition), a row named by code beside another row's name (2010601行政运行（项）一般公共预算财政拨款支出的年初预算数), and the largest or smallest row of a group (`各款中最多的一款是多少`). Each on two
documents or more, through the real Assistant."""

from __future__ import annotations

import pytest

from assistant.analyze import analyze
from assistant.assistant import Assistant
from assistant.heads import other_side
from assistant.lists import siblings_joined
from tests.assistant.support import answers_one_figure, declines

P = pytest.param


def test_two_siblings_said_as_one_are_both() -> None:
    """水电费 is 水费 and 电费 (30205, 30206); a name of its own (邮电费) or a single item stays."""
    assert siblings_joined("万里街道今年水电费一共多少元") == "万里街道今年水费和电费一共多少元"
    assert siblings_joined("邮电费多少") == "邮电费多少"
    assert siblings_joined("退休费多少") == "退休费多少"


def test_the_other_end_of_the_year_is_the_same_items() -> None:
    """`X年末结转和结余比年初多了多少`: 年初 alone is X's 年初 (as 支出 after X收入 is X支出)."""
    assert other_side("年末结转和结余", "年初") == "年初结转和结余"
    assert other_side("整个部门年末财政拨款结转和结余", "年初") == "年初财政拨款结转和结余"
    assert other_side("年末结转和结余", "上年") == "上年"


def test_a_remembered_figure_before_the_question_goes() -> None:
    """A hedged or round figure (好像有100万, 七百来万) before `到底是多少` is the asker's; a figure stated exactly stays."""
    assert "100" not in analyze("政府采购里，货物那一块好像有100万？到底是多少？").norm
    assert "七百" not in analyze("听说预算比前一年涨了七百来万，具体是多了多少？").norm
    assert analyze("三公经费比上年增加了25万元，那2023年是多少？").years == [2023]


def test_a_follow_up_naming_an_item_asks_it_the_same_way() -> None:
    """`那公务接待呢` after `…三公经费一共多少万` asks 公务接待 the same way; `那上一年呢` stays a follow-up on the year."""
    first = "司法局2026年三公经费一共多少万"
    assert analyze("那公务接待呢", (first,)).norm.startswith("2026年公务接待一共多少万")
    assert analyze("出国的呢", (first, "那公务接待呢")).norm.startswith("2026年出国一共多少万")
    assert analyze("那上一年呢", ("2022年政府投资项目预算是多少",)).years == [2021]


@pytest.mark.parametrize(
    ("doc", "question", "values"),
    [
        P(
            "justice",
            "司法局二零二六年三公经费一共多少万 那公务接待呢 出国的呢",
            [10.81, 0.83, 0],
            id="follow-up-items",
        ),
        P("welfare", "福利院今年公车运行的钱预算多少 那公务接待呢", [6.4, 0], id="follow-up-item-welfare"),
        P("wanli", "万里街道2024年三公经费预算多少万元？那公务接待呢？", [47.91, 1.35], id="follow-up-item-wanli"),
        P(
            "welfare",
            "福利院2024年公务用车购置费是多少万元？运行费是多少万元？",
            [0, 6.4],
            id="sibling-column",
        ),
        P(
            "wanli",
            "万里街道2024年公务用车购置费是多少万元？运行费是多少万元？",
            [25, 21.56],
            id="sibling-column-wanli",
        ),
        P("wanli", "万里街道2024年打算买几辆车？购置费多少万元？", [1, 25], id="column-after-cars"),
        P("justice", "司法局2026年预算安排购置几辆车？购置费多少万元？", [0, 0], id="column-after-cars-justice"),
        P("justice", "司法局2026年公务用车购置费是多少万元？运行费呢？", [0, 9.98], id="sibling-column-justice"),
    ],
)
def test_each_part(qa: Assistant, ids: dict[str, str], doc: str, question: str, values: list[float]) -> None:
    ans = qa.ask(question, doc=ids[doc])
    got = [p.value if p.unit != "元" else (p.value or 0) / 10000 for p in ans.parts]
    assert got == pytest.approx(values, abs=0.01), ans.answer


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        P("welfare", "福利院除了财政给的钱 自己收来的事业收入今年有多少元", 2620000, id="described-then-named"),
        P(
            "finance",
            "财政局2024年实际给退了休的老同志发了多少退休费（万元）？",
            69.10,
            id="described-then-named-finance",
        ),
        P(
            "dapeng",
            "大鹏数据局今年政府采购里面请外面公司干活的那个服务采购是多少万",
            451,
            id="described-then-named-dapeng",
        ),
        P("wanli", "万里街道2024年政府采购里，货物那一块好像有100万？到底是多少？", 93.98, id="remembered-figure"),
        P(
            "justice",
            "听说普陀司法局2026年的三公经费大概十万出头？准确数字是多少？",
            10.81,
            id="remembered-figure-justice",
        ),
        P("dapeng", "听说大鹏数据局2022年政府投资项目比上年多了五百多万，具体多了多少？", 583, id="remembered-change"),
        P("welfare", "听说福利院2024年的三公比上年涨了两万来块，具体是多了多少？", 0, id="remembered-change-welfare"),
        P(
            "finance",
            "财政局2024年的决算里，整个部门年末结转和结余比年初多了多少万元？",
            6.2,
            id="year-end-against-start",
        ),
        P(
            "justice",
            "2026年司法局（部门）财政拨款安排的机关运行经费预算为多少万元？",
            217.83,
            id="appropriation-implied",
        ),
        P(
            "wanli",
            "万里街道2024年财政拨款安排的机关运行经费预算为多少万元？",
            443.18,
            id="appropriation-implied-wanli",
        ),
        P(
            "finance",
            "请问2010601行政运行（项）一般公共预算财政拨款支出的年初预算数是多少万元？",
            1560.05,
            id="row-by-code-beside-a-total",
        ),
        P(
            "finance",
            "2080501行政单位离退休（项）一般公共预算财政拨款支出的决算数是多少万元？",
            84.65,
            id="row-by-code-beside-a-total-2",
        ),
        P(
            "wanli",
            "2120101行政运行（项）一般公共预算支出的项目支出是多少元？",
            250000,
            id="row-by-code-beside-a-total-wanli",
        ),
        P("wanli", "万里街道今年水电费一共多少元", 557500, id="water-and-power"),
        P("welfare", "福利院水电费加一块今年多少万", 38, id="water-and-power-added"),
        P("justice", "司法局2026年差旅费和培训费加一块多少元", 111000, id="added-together"),
        P("finance", "2024年一般预算财政拨款支出比2023年增减了多少万元？", -63.14, id="older-name"),
        P("finance", "照说明里的减少额倒推，2023年一般预算财政拨款支出是多少万元？", 3003.19, id="older-name-prior"),
        P(
            "dapeng",
            "原文：“4. 大厅运营事务 312 万元”，后面说较2021年预算减少326万元。那2021年大厅运营事务的预算是多少万元？",
            638,
            id="change-then-period",
        ),
        P(
            "dapeng",
            "说明里写政府投资项目较2021年预算增加583万元。那2021年政府投资项目的预算是多少万元？",
            1425,
            id="change-then-period-again",
        ),
        P("wanli", "万里街道2024年商品和服务支出各款中金额最多的一款是多少元？", 4755518, id="largest-of-kuan"),
        P(
            "dapeng",
            "帮我核一下表7：201、206、208、210、212、221 这六个类的支出总计加起来是多少万元？",
            5901,
            id="codes-added",
        ),
        P("justice", "204、208、210这三个类的合计加起来是多少元？", 91760654.44, id="codes-added-justice"),
        P(
            "wanli",
            "城乡社区管理事务（21201）下行政运行、一般行政管理事务、城管执法、其他城乡社区管理事务支出四项加起来是多少元？",
            94450003,
            id="items-under-a-coded-kuan",
        ),
        P(
            "justice",
            "司法（20406）下行政运行、普法宣传两项加起来是多少元？",
            17969625.44,
            id="items-under-a-coded-kuan-justice",
        ),
        P(
            "finance",
            "原文：“一般公共预算财政拨款支出 2940.05 万元，占本年支出合计的 100.00%”——与2023年度相比增减了多少万元？",
            -63.14,
            id="quoted-passage-then-change",
        ),
        P(
            "justice",
            "原文：“2025年当年预算执行数为118.46万元，2026年预算安排124.29万元”——这是普法宣传那一项，增幅是多少？",
            4.92,
            id="quoted-passage-then-rate",
        ),
        P("wanli", "原文：“302 29 福利费 695,520”——工会经费是多少元？", 607849, id="quoted-row-then-another-item"),
        P(
            "justice",
            "原文：“204 06 05 普法宣传 1242900.00”——公共法律服务的合计数折合多少万元？",
            686,
            id="quoted-row-then-another-item-justice",
        ),
        P(
            "wanli",
            "原文：“212 01 01 行政运行 16,603,248 16,353,248”——这一行的项目支出是多少元？",
            250000,
            id="quoted-row-then-its-column",
        ),
        P(
            "welfare",
            "原文：“208 10 05 社会福利事业单位 9,584,796”——这一行的项目支出是多少元？",
            2620000,
            id="quoted-row-then-its-column-welfare",
        ),
        P("justice", "司法（款）下的六个项级科目中，2026年预算最多的一项是多少万元？", 3845.49, id="largest-of-xiang"),
    ],
)
def test_one_figure(qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float) -> None:
    answers_one_figure(qa.ask(question, doc=ids[doc]), value)


def test_the_smallest_row_of_a_group(qa: Assistant, ids: dict[str, str]) -> None:
    ans = qa.ask("司法（款）下的各项中，2026年预算最少的一项是多少万元？", doc=ids["justice"])
    assert ans.value == pytest.approx(124.29), ans.answer


@pytest.mark.parametrize(
    ("doc", "question"),
    [
        P("welfare", "福利院自己收来的那个经营收入今年有多少元", id="described-name-not-printed"),
        P("justice", "司法局2026年水电费预算多少元", id="siblings-not-printed"),
        P("justice", "司法局2026年项目支出里的委托业务费安排了多少元？", id="a-column-is-no-description"),
        P("wanli", "万里街道2024年项目支出里的委托业务费安排了多少元？", id="a-column-is-no-description-wanli"),
        P("dapeng", "201、206、208、210、212、299这六个类的支出总计加起来是多少万元？", id="a-code-not-printed"),
    ],
)
def test_declined(qa: Assistant, ids: dict[str, str], doc: str, question: str) -> None:
    declines(qa.ask(question, doc=ids[doc]))
