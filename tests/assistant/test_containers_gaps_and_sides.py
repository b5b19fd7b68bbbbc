"""Where an item is printed said beside it (`卫生健康支出下面，事业单位医疗是多少`: never the container's own figure),
which of two is larger and by how much (`哪个多？多多少`), the rest of a 款 once one 项 is taken out (`…下面，除了行政运行
以外的各项加起来`), a stock counted at a date beside the budget year (`截至2025年8月31日…2026年…几辆车`) and added to
the cars to be bought, an item said shorter than before (`财政拨款收入是多少？这笔财政拨款比上年…`) or said in place of
the one before (`工程预算是多少？服务预算呢？`), a part of a whole named by its own word (`服务类预算占政府采购预算总额`),
a printed name in brackets after everyday words (`…维修维护的钱（维修(护)费）`), a passage read then `其中…` or a rate
asked of it, and brackets saying what the whole holds or leaves out. Each on two documents or more, through the real Assistant."""

from __future__ import annotations

import pytest

from assistant.analyze import analyze
from assistant.assistant import Assistant
from tests.assistant.support import answers_one_figure, declines

P = pytest.param


def test_a_date_before_the_budget_year_is_no_document_year() -> None:
    """`截至2025年8月31日上海市普陀区司法局2026年…`: the date counts a stock, 2026 is the year asked (the first year of
    two stacked ones names the document only when no month follows it)."""
    for question, date, year in (
        ("截至2025年8月31日上海市普陀区司法局2026年一共有几辆车？", "截至2025年8月31日", 2026),
        ("截至2023年8月31日万里街道办事处2024年共有几辆车？", "截至2023年8月31日", 2024),
    ):
        query = analyze(question)
        assert (query.as_of, query.years) == (date, [year])
    assert analyze("上海市普陀区财政局2024年2023年的收入是多少").years == [2023]


def test_lead_words_and_a_unit_named_item_go_whole() -> None:
    """`想问下` is a lead as a whole (no stray 下); `…事业单位是多少元` names an item ending in 单位, not a unit; `那块钱`
    is that part of the money, no unit (`多少块钱` is 元)."""
    assert analyze("你好，想问下司法局2026年财政拨款收入预算是多少万元？").norm.startswith("司法局2026年")
    query = analyze("社会福利事业单位是多少元？")
    assert "社会福利事业单位" in query.norm and query.unit == "元"
    assert analyze("请外面中介机构做审计的那块钱实际花了多少").unit is None
    assert analyze("公车运行的钱预算多少块钱").unit == "元"


@pytest.mark.parametrize(
    ("doc", "question", "values"),
    [
        P(
            "justice",
            "截至2025年8月31日上海市普陀区司法局2026年一共有几辆车？其中执法执勤用车几辆？",
            [3, 3],
            id="dated-stock-then-its-part",
        ),
        P(
            "justice",
            "你好，想问下普陀区司法局2026年财政拨款收入预算是多少万元？2026年这笔财政拨款比2025年预算增加了多少万元？",
            [9628.22, 793.14],
            id="side-said-before",
        ),
        P(
            "wanli",
            "万里街道2024年财政拨款收入预算是多少万元？这笔财政拨款比2023年预算减少了多少万元？",
            [15621.11, -876.75],
            id="side-said-before-wanli",
        ),
        P(
            "justice",
            "司法局2026年政府采购预算里，工程预算是多少万元？服务预算呢？",
            [36.44, 1446.32],
            id="in-place-of",
        ),
        P("dapeng", "2022年局里公家出国（境）的钱和接待来访客人的钱，各预算多少万元？", [0, 2], id="each-after-comma"),
        P(
            "wanli",
            "2024年街道公家出国（境）的钱和接待来访客人的钱，各预算多少万元？",
            [0, 1.35],
            id="each-after-comma-wanli",
        ),
        P(
            "finance",
            "财政局2024年年末结转和结余是多少万元？年末财政拨款结转和结余呢？",
            [55.34, 21.63],
            id="in-place-of-finance",
        ),
    ],
)
def test_each_part(qa: Assistant, ids: dict[str, str], doc: str, question: str, values: list[float]) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert [p.value for p in ans.parts] == pytest.approx(values, abs=0.01), ans.answer


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        P("wanli", "万里街道现有的车辆，加上2024年部门预算安排新购置的车辆，一共是几辆？", 8, id="stock-and-bought"),
        P("welfare", "福利院现有车辆加上2024年计划购置的车辆一共几辆？", 2, id="stock-and-bought-welfare"),
        P("justice", "司法局现有的车辆，加上2026年预算安排购置的车辆，一共几辆？", 3, id="stock-and-bought-justice"),
        P("dapeng", "2022年局里有几辆车？", 2, id="year-before-ju"),
        P("justice", "2026年局里有几辆车？", 3, id="year-before-ju-justice"),
        P(
            "finance",
            "财政局委托中介机构做各类审计和绩效评价的那笔钱，2024年实际支出多少万元？",
            449.52,
            id="use-said-with-another-joiner",
        ),
        P(
            "finance",
            "区财政局请外面中介机构做审计和绩效评价那块钱二〇二四年实际花了多少",
            449.52,
            id="use-said-that-part",
        ),
        P("dapeng", "大鹏数据局管空间地理运维和政务光纤一期运维的那个项目预算多少万元", 315, id="use-said-dapeng"),
        P(
            "justice",
            "司法局2026年下属机关和参公事业单位用于日常公用开支的那笔钱（也就是名词解释里的“机关运行经费”）预算是多少万元？",
            217.83,
            id="term-glossed-where-defined",
        ),
        P(
            "wanli",
            "万里街道2024年下属机关和参公事业单位用于日常公用开支的那笔钱（也就是名词解释里的“机关运行经费”）预算是多少万元？",
            443.18,
            id="term-glossed-where-defined-wanli",
        ),
        P(
            "finance",
            "阅读材料：普陀区财政局2024年度基本支出决算中公用经费合计184.65万元。其中工会经费和福利费合计多少万元？",
            67.19,
            id="read-then-sum-within",
        ),
        P(
            "wanli",
            "阅读材料：万里街道2024年基本支出中公用经费合计1116.86万元。其中工会经费和福利费合计多少元？",
            1303369,
            id="read-then-sum-within-wanli",
        ),
        P(
            "justice",
            "司法局2026年三公经费中公务接待费和公务用车运行费加起来多少万元？",
            10.81,
            id="sum-within-container",
        ),
        P(
            "justice",
            "普陀区司法局2026年的政府采购预算中，货物类和工程类两项加起来一共是多少万元？",
            40.10,
            id="sum-of-kinds-in-container",
        ),
        P(
            "wanli",
            "万里街道2024年的政府采购预算中，货物类和工程类两项加起来一共是多少万元？",
            909.85,
            id="sum-of-kinds-in-container-wanli",
        ),
        P(
            "finance",
            "收入支出决算总表中社会保障和就业支出的决算数，与一般公共预算财政拨款支出决算表中208类合计数相差多少万元（后者减前者）？",
            0.01,
            id="latter-less-former",
        ),
        P("justice", "行政运行与信息化建设相差多少元（后者减前者）？", -14447925.44, id="latter-less-former-justice"),
        P(
            "finance",
            "阅读材料：财政局2024年度行政运行年初预算1560.05万元，支出决算1511.89万元。该科目的年初预算是多少万元？",
            1560.05,
            id="read-two-figures-then-this-kemu",
        ),
        P(
            "finance",
            "阅读材料：普陀区财政局2024年度决算中，财政委托业务支出年初预算450.52万元，支出决算449.52万元。该科目的决算完成率是多少？",
            99.78,
            id="read-two-figures-then-its-rate",
        ),
        P("welfare", "福利院分几个部门（内设机构）？", 5, id="count-glossed"),
        P("dapeng", "大鹏数据局下辖几个机构（事业单位）？", 2, id="count-glossed-dapeng"),
        P("justice", "卫生健康支出下面的行政单位医疗是多少元？", 1149678, id="row-under-its-container"),
        P("wanli", "城乡社区管理事务下面的城管执法是多少元？", 6043390, id="row-under-its-container-wanli"),
        P("justice", "司法局2026年三公经费里一共安排了多少万元？", 10.81, id="container-asked-itself"),
        P(
            "justice",
            "表8里“机关事业单位基本养老保险缴费”和“职业年金缴费”哪个多？多多少元？",
            919746,
            id="which-and-gap",
        ),
        P(
            "wanli",
            "208 99 99 其他社会保障和就业支出，基本支出和项目支出哪个大？大多少元？",
            4453994,
            id="which-and-gap-columns",
        ),
        P("welfare", "事业单位医疗和住房公积金哪个少？少多少元？", 167908, id="which-less-and-gap"),
        P("wanli", "城管执法那一行，基本支出和项目支出哪一栏更大？", 6043390, id="which-column"),
        P(
            "justice",
            "功能分类预算表里司法（204 06）这一款下面，除了行政运行以外的各项加起来是多少元？",
            70540547,
            id="rest-under-a-kuan",
        ),
        P(
            "wanli",
            "城乡社区管理事务下面，除了行政运行以外的各项加起来是多少元？",
            77846755,
            id="rest-under-a-kuan-wanli",
        ),
        P(
            "welfare",
            "福利院“社会福利事业单位”这一项2024年支出预算合计多少元（含用事业收入安排的部分）？",
            9584796,
            id="whole-holds-a-part",
        ),
        P(
            "wanli",
            "万里街道城管执法这一项2024年支出预算合计多少元（包括项目支出在内）？",
            6043390,
            id="whole-holds-wanli",
        ),
        P(
            "finance",
            "按全部资金算（不只是财政拨款），财政局2024年末结转到以后年度继续用的钱（年末结转和结余）是多少万元？",
            55.34,
            id="not-only-a-fund",
        ),
        P(
            "dapeng",
            "大鹏数据局2022年给公车日常使用（只算燃料、维修、保险、过路过桥等运行维护，不含买车）安排了多少万元预算？",
            8,
            id="bracket-leaves-out",
        ),
        P(
            "finance",
            "财政局2024年财政委托业务支出决算数是449.52万元，该科目的年初预算是多少万元？",
            450.52,
            id="this-kemu",
        ),
        P("wanli", "城管执法的预算是604.34万元，该科目的基本支出是多少万元？", 604.34, id="this-kemu-wanli"),
        P(
            "wanli",
            "街道办公用房和设备日常维修维护的钱（维修(护)费），2024年预算多少元？",
            430000,
            id="name-in-brackets",
        ),
        P(
            "welfare",
            "福利院不靠财政拨款、自己开展服务取得的收入（事业收入），2024年预算多少万元？",
            262,
            id="name-in-brackets-2",
        ),
        P(
            "welfare",
            "福利院按月发给退休职工的退休金本身（退休费，不含退休人员福利费），2024年预算多少元？",
            421800,
            id="name-in-brackets-3",
        ),
        P(
            "welfare",
            "阅读材料：普陀区社会福利院2024年支出预算总表中，“社会福利事业单位”科目合计9,584,796元。其中基本支出是多少元？",
            6964796,
            id="read-then-within",
        ),
        P(
            "wanli",
            "阅读材料：万里街道2024年支出预算总表中，城管执法科目合计6,043,390元。其中基本支出是多少元？",
            6043390,
            id="read-then-within-wanli",
        ),
        P(
            "dapeng",
            "阅读材料：大鹏新区政务服务数据管理局2022年政府投资项目预算2,008万元，较2021年预算增加583万元。按此计算，增幅是多少？"
            "（百分比，保留一位小数）",
            40.9,
            id="read-then-rate",
        ),
        P(
            "wanli",
            "阅读材料：万里街道2024年财政拨款收入15621.11万元，比2023年预算减少876.75万元。按此计算，降幅是多少？（保留两位小数）",
            -5.31,
            id="read-then-rate-wanli",
        ),
        P("justice", "司法局2026年服务类预算占政府采购预算总额的比重是多少？", 97.3, id="part-by-its-own-word"),
        P("wanli", "万里街道2024年工程类预算占政府采购预算总额的比重是多少？", 49.08, id="part-by-its-own-word-wanli"),
    ],
)
def test_one_figure(qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float) -> None:
    answers_one_figure(qa.ask(question, doc=ids[doc]), value)


@pytest.mark.parametrize(
    ("doc", "question"),
    [
        P("justice", "卫生健康支出下面，“事业单位医疗”是多少元？", id="not-under-its-container"),
        P(
            "finance",
            "阅读材料：普陀区财政局2024年度决算中，财政委托业务支出年初预算450.52万元，支出决算449.52万元。该科目的调整预算数（全年预算数）是多少万元？",
            id="read-then-a-stage-not-printed",
        ),
        P(
            "justice",
            "阅读材料：司法局2026年行政运行预算1672.67万元，比2025年执行数减少18.02万元。该科目的决算数是多少万元？",
            id="read-then-a-stage-not-printed-justice",
        ),
        P(
            "finance",
            "财政局2024年度部门决算中，财政事务（款）行政运行（项）的全年预算数（即年初预算经年中调整后的预算数）是多少万元？",
            id="a-definition-is-no-gloss",
        ),
        P(
            "finance",
            "财政局2024年财政委托业务支出的全年预算数（即年初预算经年中调整后的预算数）是多少万元？",
            id="a-definition-is-no-gloss-2",
        ),
        P("wanli", "住房改革支出下面的提租补贴是多少元？", id="not-under-its-container-wanli"),
        P("dapeng", "表7卫生健康支出下面，行政单位医疗是多少万元？", id="not-under-its-container-dapeng"),
    ],
)
def test_declined(qa: Assistant, ids: dict[str, str], doc: str, question: str) -> None:
    declines(qa.ask(question, doc=ids[doc]))


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        P("justice", "司法局今年三公经费一共多少 请客吃饭的接待费多少", 0.83, id="fee-in-the-unit-before"),
        P("wanli", "万里街道今年三公经费一共多少 接待费多少", 1.35, id="fee-in-the-unit-before-wanli"),
    ],
)
def test_a_later_part_in_the_unit_before(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float
) -> None:
    """A fee asked by how much in no unit after a part answered in 万元 is answered in 万元 too."""
    last = qa.ask(question, doc=ids[doc]).parts[-1]
    assert (last.value, last.unit) == (pytest.approx(value, abs=0.005), "万元"), last.answer


def test_which_and_gap_names_both_columns(qa: Assistant, ids: dict[str, str]) -> None:
    """Two columns of one row compared: each named with its column, the larger first."""
    ans = qa.ask("208 99 99 其他社会保障和就业支出，基本支出和项目支出哪个大？大多少元？", doc=ids["wanli"])
    assert ans.answer.startswith("其他社会保障和就业支出基本支出更多"), ans.answer
