"""A table's own total (`占《部门支出预算表》合计的百分之几`, `表3的合计`; `表2` of a document that numbers no table is
the second in its 目录), a figure asked again in another unit (`是多少元？换成万元是多少？`), which of two asked before
their difference (`A和B哪个更高？A减去B是多少`), telegraphic parts (`合计？比上年？`, `政府采购预算？货物？服务？各多少`),
a completion rate said as a share (`决算数占年初预算的百分之多少`; a printed share of another whole is no answer), a
comparison said around its base (`跟上一年预算比起来`), 日常运行, 这一侧, 那一格, `不用管其他表`, `（不是财政拨款那张
表）`, a column of a row named before it (`城乡社区支出里，项目支出占这一类合计`), a figure stated before `这比…`,
traditional characters and English words, the level above an item (`这个项所属的款`), a difference whose second
operand is a stage only (`X的年初预算比支出决算多多少`), parts asked column by column in the unit said first
(`请逐栏告诉我`) and `减少的话请写负数`. Each on two documents or more, through the real Assistant."""

from __future__ import annotations

import pytest

from assistant.analyze import analyze
from assistant.assistant import Assistant

P = pytest.param

# (document, question, value)
VALUES = [
    P("justice", "司法局2026年基本支出占《部门支出预算表》合计的百分之几？", 26.74, id="share-of-table-total"),
    P("welfare", "福利院2024年项目支出占支出预算总表合计的百分之几？保留两位小数", 21.62, id="share-of-table-total-2"),
    P("justice", "司法局2026年表3的合计是多少元？", 96282213.44, id="nth-table-total"),
    P("dapeng", "表3的合计是多少", 5883, id="numbered-table-total"),
    P("justice", "司法局2026年第二张表里合计是多少元？", 96282213.44, id="nth-table"),
    P("welfare", "福利院2024年项目支出占表3合计的百分之几？保留两位小数", 21.62, id="nth-table-share"),
    P("wanli", "万里街道公车日常运行的钱有多少", 21.56, id="daily-running"),
    P("justice", "司法局公车日常运行的钱有多少", 9.98, id="daily-running-2"),
    P(
        "finance",
        "普陀区财政局2024年度一般公共预算财政拨款支出，决算数占年初预算的百分之多少？",
        98.2,
        id="completion-as-share",
    ),
    P("finance", "财政局2024年信息化建设的决算数占其年初预算的百分之多少？", 99.52, id="completion-as-share-2"),
    P(
        "welfare",
        "社会福利院2024年基本支出里，电费和物业管理费哪个更高？电费减去物业管理费是多少元？",
        -886000,
        id="which-then-difference",
    ),
    P(
        "wanli",
        "万里街道2024年行政单位医疗和事业单位医疗哪个预算多？用行政单位医疗减去事业单位医疗，差额多少元？",
        -179191,
        id="which-then-difference-2",
    ),
    P(
        "dapeng",
        "大鹏数据局2022年机关运行经费的财政拨款预算跟上一年预算比起来变动了多少万元？",
        284,
        id="compared-around-base",
    ),
    P("welfare", "福利院2024年三公经费跟上一年预算比起来变动了多少万元？", 0, id="compared-around-base-2"),
    P(
        "dapeng",
        "大鹏数据局2022年预算的表6“政府预算拨款收支总表”中，收入这一侧的“本年收入合计”印的是多少万元？",
        5901,
        id="this-side",
    ),
    P("finance", "财政局2024年收入支出决算总表里，支出这一侧的“本年支出合计”是多少万元？", 2940.05, id="this-side-2"),
    P(
        "dapeng",
        "表6《政府预算拨款收支总表》最底下“本年收入合计”那一格印的是多少万元？就按表6上写的数说，不用管其他表。",
        5901,
        id="cell-ignore-others",
    ),
    P(
        "welfare",
        "福利院2024年支出预算总表最下面“合计”行里基本支出那一格印的是多少元？就按表上写的数说，不用管文字部分。",
        9501164,
        id="cell-ignore-others-2",
    ),
    P(
        "wanli",
        "万里街道2024年城乡社区支出（212类）里，项目支出占这一类合计的百分之多少？保留两位小数。",
        35.83,
        id="column-of-row",
    ),
    P(
        "justice",
        "司法局2026年公共安全支出（204类）里，项目支出占这一类合计的百分之多少？保留两位小数",
        80.83,
        id="column-of-row-2",
    ),
    P(
        "justice",
        "文件说普陀区司法局2026年司法（款）信息化建设（项）安排了227.88万元，我想知道这比2025年当年预算执行数增长了百分之多少？",
        277.22,
        id="this-compared",
    ),
    P(
        "wanli",
        "文件说万里街道2024年三公经费预算是47.91万元，我想知道这比上年增加了多少万元？",
        25,
        id="this-compared-2",
    ),
    P(
        "justice",
        "司法局2026年《部门支出预算总表》里（不是财政拨款那张表），住房公积金是多少元？",
        2087959,
        id="not-that-table-2",
    ),
    P(
        "justice",
        "司法局2026年部门支出预算总表里有“公共安全支出（类）司法（款）信息化建设（项）”，这个项所属的款在表中合计是多少元？",
        87267272.44,
        id="parent-level",
    ),
    P(
        "wanli",
        "万里街道2024年部门支出预算总表里“城乡社区支出（类）城乡社区管理事务（款）城管执法（项）”，这个项上一级的款，表里合计是多少元？",
        94450003,
        id="parent-level-2",
    ),
    P("welfare", "福利院2024年支出预算总表中，2080506所属的款合计是多少元？", 1696828, id="parent-level-code"),
    P(
        "finance",
        "财政局2024年“一般公共服务支出（类）财政事务（款）信息化建设（项）”的年初预算比支出决算多出多少万元？",
        0.65,
        id="stage-operand",
    ),
    P("finance", "财政局2024年行政运行的年初预算比决算数多多少万元？", 48.16, id="stage-operand-2"),
    P(
        "dapeng",
        "大鹏那个数据管理局的“大厅运营事务”，2022年预算跟2021年预算比变了多少万元？减少的话请写负数。",
        -326,
        id="sign-said",
    ),
    P("wanli", "万里街道2024年三公经费跟2023年预算比变了多少万元？减少的话请写负数。", 25, id="sign-said-2"),
    P("justice", "普陀區司法局2026年「三公」經費預算是多少萬元？", 10.81, id="traditional"),
    P("dapeng", "大鵬數據局2022年政府投資項目預算多少萬元？", 2008, id="traditional-2"),
    P("wanli", "Hi，想确认下万里街道2024年 budget 里一般公共预算基本支出的 total 是多少元？", 99706020, id="english"),
    P("justice", "Hello，司法局2026年 budget 里 total 支出是多少元？", 96282213.44, id="english-2"),
    P(
        "dapeng",
        "大鹏新区政务服务数据管理局2022年部门预算“其他需要说明情况”里，机关运行经费的财政拨款预算是多少万元？",
        337,
        id="section-named",
    ),
    P("wanli", "万里街道2024年部门预算“其他相关情况说明”里，机关运行经费是多少万元？", 443.18, id="section-named-2"),
]


@pytest.mark.parametrize(("doc", "question", "value"), VALUES)
def test_one_figure(qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert ans.value == pytest.approx(value, abs=0.005), ans.answer


@pytest.mark.parametrize(
    ("doc", "question", "values"),
    [
        P(
            "justice",
            "司法局2026年收入预算总表里“221 02 01 住房公积金”是多少元？折算成万元又是多少？",
            [2087959, 208.7959],
            id="unit-again",
        ),
        P(
            "wanli",
            "万里街道2024年收入预算总表里，208 07 05 公益性岗位补贴是多少元？换成万元是多少？",
            [4212300, 421.23],
            id="unit-again-2",
        ),
        P("justice", "普陀司法局26年 三公经费 合计？比上年？（万元）", [10.81, 0], id="telegraphic"),
        P("wanli", "万里街道2024年三公经费多少万元？比上年？", [47.91, 25], id="telegraphic-2"),
        P("wanli", "万里街道2024年三公经费多少？和上年比呢？", [47.91, 25], id="compared-alone"),
        P(
            "wanli",
            "万里街道2024年的“三公”经费预算表，请逐栏告诉我：“因公出国(境)费”多少万元？“公务接待费”多少？",
            [0, 1.35],
            id="column-by-column",
        ),
        P(
            "justice",
            "司法局2026年“三公”经费预算表，请逐栏告诉我：“因公出国(境)费”多少万元？“公务接待费”多少？",
            [0, 0.83],
            id="column-by-column-2",
        ),
        P(
            "finance",
            "财政局2024年度《收入支出决算总表》里（不是财政拨款那张表），“年初结转和结余”和“年末结转和结余”分别是多少万元？",
            [49.14, 55.34],
            id="not-that-table",
        ),
        P("welfare", "福利院 2024 政府采购预算？货物？服务？各多少万元", [120.6, 0, 120.6], id="telegraphic-list"),
        P(
            "wanli",
            "万里街道 2024 政府采购预算？货物？服务？各多少万元",
            [1662.44, 93.98, 752.59],
            id="telegraphic-list-2",
        ),
        P(
            "finance",
            "财政局2024年行政运行（项）：年初预算多少万元？支出决算多少万元？决算数相当于年初预算的百分之多少（保留两位小数）？",
            [1560.05, 1511.89, 96.91],
            id="completion-part",
        ),
    ],
)
def test_each_part(qa: Assistant, ids: dict[str, str], doc: str, question: str, values: list[float]) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert [p.value for p in ans.parts] == pytest.approx(values, abs=0.005), ans.answer


def test_a_unit_asked_once_is_not_two_parts() -> None:
    """No unit asked first: the one figure in the unit the request names (two parts only when both name a unit)."""
    assert analyze("表1收入总计那一行是多少？折合多少亿元？").clauses == []
    assert analyze("万里街道2024年公益性岗位补贴是多少元？换成万元是多少？").clauses != []


@pytest.mark.parametrize("doc", ["dapeng", "justice"])
def test_a_part_named_inside_an_item_is_not_the_item(qa: Assistant, ids: dict[str, str], doc: str) -> None:
    """`X那2,008万元里，单独给“Y项目”安排了多少`: Y is printed nowhere apart; X's total is no answer."""
    item, total = {"dapeng": ("政府投资项目", "2,008万元"), "justice": ("信息化建设", "227.88万元")}[doc]
    ans = qa.ask(f"{item}那{total}里，单独给“数据共享二期子项目”安排了多少万元？", doc=ids[doc])
    assert ans.abstained and ans.value is None


@pytest.mark.parametrize("doc", ["justice", "wanli"])
def test_a_printed_share_of_another_whole_is_no_completion(qa: Assistant, ids: dict[str, str], doc: str) -> None:
    """A budget has no 决算 to set against its 年初预算: no completion rate, never a printed 占比."""
    ans = qa.ask("一般公共预算财政拨款支出决算数占年初预算的百分之多少？", doc=ids[doc])
    assert ans.abstained and ans.value is None, ans.answer
