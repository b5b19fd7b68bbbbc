"""The rows of one level ranked with no parent named (`六个类中支出最多的一类`, `金额最多的一个“项”`, `第二多的一款`,
`七个项目中预算第二多的项目`), a purpose said before the question (`为了写关于政府采购的章节，我想了解…`), a sentence naming
the item the question then points back at (`…所安排的经费。请问…这一项预算安排了多少`), a pension paid in for the
staff (`给在职人员交的养老金`: the contribution, not 退休费), cars to buy (`打算再买几辆`: the vehicles added),
a clause naming only columns after a definition
asked (`…指的是什么？它的财政拨款预算金额是多少`), a column taken from another
(`X的年初预算数减去支出决算数`), a department's kind said at more length (`普陀区司法行政局`), and a definition in
brackets after an item (`事业收入（开展专业业务活动及其辅助活动取得的收入）`). Each on two documents or more, through
the real Assistant."""

from __future__ import annotations

import pytest

from assistant.assistant import Assistant
from assistant.operations.levels import rank_asked
from tests.assistant.support import answers_one_figure, declines

P = pytest.param


@pytest.mark.parametrize(
    ("doc", "question", "value", "winner"),
    [
        P("dapeng", "大鹏数据局2022年一般公共预算支出（按功能分类）的六个“类”中，支出最多的一类是多少万元？", 4318, "一般公共服务支出", id="most-类"),
        P("dapeng", "找出大鹏数据局2022年按功能分类支出最少的一个“类”，它是多少万元？", 18, "卫生健康支出", id="least-类"),
        P("wanli", "万里街道办事处2024年部门预算的九个支出大类中，哪一类最多？是多少元？", 119385303, "城乡社区支出", id="大类-every-fund"),
        P("finance", "普陀区财政局2024年一般公共预算财政拨款支出中，哪一类最多？决算数是多少万元？", 2106.66, "一般公共服务支出", id="类-of-a-final-account"),
        P("justice", "普陀区司法局2026年一般公共预算支出功能分类预算表中，金额最多的一个“项”是多少元？", 38454900, "其他司法支出", id="项-in-the-table-named"),
        P("welfare", "普陀区社会福利院2024年支出预算总表中，合计数最多的一个“项”是多少元？", 9584796, "社会福利事业单位", id="项-welfare"),
        P("justice", "司法局2026年一般公共预算支出按“项”排，第二多的项是多少元？", 21703947, "基层司法业务", id="second-项"),
        P("welfare", "福利院2024年“商品和服务支出”各款中，第二多的一款是多少元？", 320000, "电费", id="second-款-of-a-class"),
        P("dapeng", "大鹏数据局2022年的七个项目中，预算第二多的项目是多少万元？", 780, "信息技术服务", id="second-project"),
        P("dapeng", "大鹏数据局2022年的七个项目中，预算最少的项目是多少万元？", 80, "数据管理事务", id="least-project"),
    ],
)  # fmt: skip
def test_the_rows_of_a_level_ranked(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float, winner: str
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    answers_one_figure(ans, value)
    assert f"的是{winner}，为" in ans.answer, ans.answer
    assert ans.formula and ans.formula.count("；") >= 1  # every row's figure listed


def test_a_place_past_the_last_row_is_declined(qa: Assistant, ids: dict[str, str]) -> None:
    declines(
        qa.ask("大鹏数据局2022年一般公共预算支出功能分类表的六个类中，第七多的一类是多少万元？", doc=ids["dapeng"])
    )
    declines(qa.ask("福利院2024年“商品和服务支出”各款中，第九十多的一款是多少元？", doc=ids["welfare"]))


def test_the_place_asked() -> None:
    assert [rank_asked(t) for t in ("最多的一类", "第二多的项", "第三少的一款", "第2大的")] == [1, 2, 3, 2]


def test_a_column_taken_from_another_of_one_item(qa: Assistant, ids: dict[str, str]) -> None:
    q = "普陀区财政局2024年一般公共预算财政拨款支出的年初预算数减去支出决算数，差额是多少万元？"
    answers_one_figure(qa.ask(q, doc=ids["finance"]), 53.87)
    answers_one_figure(qa.ask("财政委托业务支出的年初预算数减去决算数，差额是多少万元？", doc=ids["finance"]), 1)


def test_a_kind_said_at_more_length_names_the_department(qa: Assistant, ids: dict[str, str]) -> None:
    q = "请问普陀区司法行政局2026年部门预算中，基层司法业务（科目编码2040604）的预算是多少元？"
    answers_one_figure(qa.ask(q, doc=ids["justice"]), 21703947)
    answers_one_figure(qa.ask("普陀区司法行政局2026年公务接待费多少万元", doc=ids["justice"]), 0.83)
    declines(qa.ask("上海市普陀区民政局2026年公务接待费多少万元", doc=ids["justice"]))


def test_a_definition_in_brackets_after_the_item(qa: Assistant, ids: dict[str, str]) -> None:
    q = "普陀区社会福利院2024年收入预算中，事业收入（开展专业业务活动及其辅助活动取得的收入）占收入预算总额的比重是多少（保留两位小数）？"
    answers_one_figure(qa.ask(q, doc=ids["welfare"]), 21.62)
    q = "司法局2026年项目支出（为完成特定行政工作任务安排的支出）是多少元"
    answers_one_figure(qa.ask(q, doc=ids["justice"]), 70540547)


def test_the_retirees_pension_is_still_their_退休费(qa: Assistant, ids: dict[str, str]) -> None:
    answers_one_figure(qa.ask("福利院退休人员的养老金2024年是多少元", doc=ids["welfare"]), 421800)


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        P("dapeng", "机关运行经费指的是什么？它的财政拨款预算金额是多少万元？", 337, id="dapeng"),
        P("justice", "“三公”经费指的是哪些费用？它的预算数是多少万元？", 10.81, id="justice"),
    ],
)
def test_a_clause_naming_only_columns_asks_the_item_before(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert len(ans.parts) == 2 and ans.parts[1].value == pytest.approx(value), ans.answer


def test_a_clause_naming_an_item_of_its_own_stands_alone(qa: Assistant, ids: dict[str, str]) -> None:
    ans = qa.ask("福利院2024年收入合计是多少万元？财政拨款收入是多少万元？", doc=ids["welfare"])
    assert [p.value for p in ans.parts] == pytest.approx([1212.12, 950.12], abs=0.01), ans.answer


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        P("dapeng", "这个局2022年打算再买几辆？", 0, id="dapeng"),
        P("wanli", "万里街道2024年计划买几辆车？", 1, id="wanli"),
        P("justice", "司法局2026年打算买多少辆车？", 0, id="justice"),
    ],
)
def test_cars_to_buy_are_the_vehicles_added(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert (ans.value, ans.unit) == (value, "辆"), ans.answer
    assert "截至" not in ans.answer  # never the vehicles held


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        P("dapeng", "为了写关于政府采购的章节，我想了解大鹏数据局2022年纳入部门预算的政府采购项目共计多少万元？", 457, id="purpose-dapeng"),
        P("finance", "为了分析人员经费的构成，我想请问上海市普陀区财政局2024年一般公共预算财政拨款基本支出中，“津贴补贴”的决算数是多少万元？", 1238.58, id="purpose-finance"),
        P("justice", "为了研究司法行政信息化的投入变化，我想知道普陀区司法局2026年“信息化建设（13项）”的预算安排比2025年预算执行数增加了多少万元？", 167.47, id="purpose-change"),
        P("welfare", "为了分析福利院的收入来源结构，我想了解普陀区福利院2024年事业收入占收入总计的比例是多少？请保留两位小数。", 21.62, id="purpose-share"),
        P("justice", "我想了解司法局为老百姓提供律师、法律援助这类公共法律服务所安排的经费（不包括普法宣传）。请问普陀区司法局2026年这一项预算安排了多少万元？", 686, id="这一项"),
        P("wanli", "我想了解街道在环境卫生方面安排的城乡社区环境卫生经费。请问万里街道2024年这一项预算是多少元？", 5993300, id="这一项-wanli"),
        P("justice", "司法局单位给在职人员交的养老金，2026年安排了多少万元？", 183.95, id="pension-justice"),
        P("wanli", "万里街道给干部职工交的养老金，2024年安排多少万元？", 460.85, id="pension-wanli"),
        P("finance", "财政局2024年给在职人员缴纳的养老金，实际用了多少万元？", 160.75, id="pension-finance"),
        P(
            "dapeng",
            "大鹏数据局2022年的政府采购大头是服务采购，还有一小笔货物采购。这笔货物采购是多少万元？",
            6,
            id="own-item-dapeng",
        ),
        P(
            "finance",
            "财政局2024年的收入几乎全是财政拨款，还有一小笔其他收入。这笔其他收入是多少万元？",
            6.2,
            id="own-item-finance",
        ),
    ],
)  # fmt: skip
def test_one_figure(qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float) -> None:
    """A purpose said first; a sentence naming the item the question points back at (context only when the question
    names its own: `这笔X`); a pension paid in for the staff."""
    answers_one_figure(qa.ask(question, doc=ids[doc]), value)
