"""The total row or the department's own row pointed at before two columns compared (`…经济分类预算表合计那一行，人员经费和
公用经费哪个多？多多少元？`, `表3支出总表里你们局那一行，基本支出和项目支出哪一栏更大？大多少万元？`), items whose printed names
end in 合计 listed (`人员经费合计和公用经费合计哪个大`), the department asked as 你们局 / 我们街道 / 贵局, a figure asked
then checked against another place (`…是多少万元？与说明是否一致？`), the narrative named by `文字中`, every unit of a
department counted (`共涵盖几家预算单位`), the rows under a named row added (`302商品和服务支出下各款加总`), a building's
floors (`主楼地上几层`), and an item named with the funds its table is of cited from that table and the sentence (the
财政拨款“三公”经费支出决算表's 三公经费 and `“三公”经费财政拨款支出年初预算为0.95万元`). Each on two documents or more,
through the real Assistant."""

from __future__ import annotations

import pytest

from assistant.assistant import Assistant
from assistant.operations.places import _unscoped
from tests.assistant.support import answers_one_figure

P = pytest.param


@pytest.mark.parametrize(
    ("doc", "question", "value", "winner"),
    [
        P("welfare", "基本支出经济分类预算表合计那一行，人员经费和公用经费哪个多？多多少元？", 5259264, "人员经费", id="total-row"),
        P("dapeng", "表3支出总表里你们局那一行，基本支出和项目支出哪一栏更大？大多少万元？", 3405, "项目支出", id="own-row-column"),
        P("finance", "基本支出决算表底部，人员经费合计和公用经费合计哪个大？大多少万元？", 1967.61, "人员经费合计", id="names-ending-in-合计"),
        P("justice", "经济分类预算表合计那一行，人员经费和公用经费哪个多？多多少元？", None, "人员经费", id="total-row-justice"),
    ],
)  # fmt: skip
def test_two_columns_of_a_pointed_row_compared_with_the_gap(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float | None, winner: str
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert not ans.abstained, ans.answer
    assert ans.answer.startswith(f"{winner}更多，多"), ans.answer
    if value is not None:
        answers_one_figure(ans, value)
    assert ans.formula and "−" in ans.formula  # the gap, worked out


def test_names_ending_in_合计_are_still_summed_when_asked(qa: Assistant, ids: dict[str, str]) -> None:
    answers_one_figure(qa.ask("人员经费合计和公用经费合计加起来多少万元？", doc=ids["finance"]), 2336.91)
    answers_one_figure(qa.ask("人员经费和公用经费合计多少元", doc=ids["welfare"]), 9501164)


def test_another_department_named_is_still_declined(qa: Assistant, ids: dict[str, str]) -> None:
    ans = qa.ask("上海市普陀区民政局2026年公务接待费多少万元", doc=ids["justice"])
    assert ans.abstained and ans.value is None, ans.answer


def test_a_buildings_floors(qa: Assistant, ids: dict[str, str]) -> None:
    """`地上主楼7层，裙房3层，地下2层` (万里街道's 项目经费情况说明): counts in 层; a document printing none declines."""
    ans = qa.ask("万里街道社区公共服务中心新建工程的裙房有几层？", doc=ids["wanli"])
    assert (ans.value, ans.unit) == (3, "层"), ans.answer
    ans = qa.ask("社区公共服务中心地上主楼几层？", doc=ids["wanli"])
    assert (ans.value, ans.unit) == (7, "层"), ans.answer
    ans = qa.ask("司法局办公楼地上几层？", doc=ids["justice"])
    assert ans.abstained and ans.value is None, ans.answer


def test_an_item_named_with_its_tables_funds_is_cited_from_both(qa: Assistant, ids: dict[str, str]) -> None:
    ans = qa.ask("财政局2024年三公经费预算多少万元？", doc=ids["finance"])
    answers_one_figure(ans, 0.95)
    quotes = "|".join(c.quote for c in ans.citations)
    assert "“三公”经费财政拨款支出年初预算为0.95万元" in quotes, quotes
    assert any("三公" in c.locator and c.quote.startswith("0.95") for c in ans.citations), quotes
    ans = qa.ask("2022年三公经费预算多少万元？", doc=ids["dapeng"])
    answers_one_figure(ans, 10)
    assert {c.locator.startswith("表13") for c in ans.citations} == {True, False}  # the table and the sentence


@pytest.mark.parametrize(
    ("name", "bare"),
    [
        P("三公经费财政拨款支出", "三公经费", id="funds-and-支出-off"),
        P("一般公共预算财政拨款基本支出", "基本", id="the-rest-kept"),
        P("一般公共预算财政拨款支出", "支出", id="nothing-left-but-支出"),
    ],
)
def test_unscoped(name: str, bare: str) -> None:
    assert _unscoped(name) == bare


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        P("welfare", "“三公”经费表中公务用车运行费预算数是多少万元？与说明是否一致？", 6.4, id="welfare"),
        P("wanli", "三公经费表中公务接待费预算数是多少万元？与说明是否一致？", 1.35, id="wanli"),
    ],
)
def test_a_figure_asked_then_checked_against_another_place_is_answered(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float
) -> None:
    """`X是多少？与说明是否一致？`: the figure, cited where it is printed (not the document's consistency report)."""
    ans = qa.ask(question, doc=ids[doc])
    value_of = ans.parts[0].value if ans.parts else ans.value
    assert value_of == pytest.approx(value), ans.answer


def test_the_narrative_named_by_文字中(qa: Assistant, ids: dict[str, str]) -> None:
    """Dapeng prints 公务用车购置和运行维护费 8.1万元 in its text and 8 in its tables: 文字中 asks the text's."""
    q = "第五部分文字中“公务用车购置和运行维护费”2022年预算数写为多少万元？"
    answers_one_figure(qa.ask(q, doc=ids["dapeng"]), 8.1)
    answers_one_figure(qa.ask("公务用车购置和运行维护费2022年预算数是多少万元？", doc=ids["dapeng"]), 8)


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        P("justice", "功能分类预算表中“204 06 司法”款下6个项级科目加总是多少元？", 87267272.44, id="digits-justice"),
        P("welfare", "基本支出经济分类预算表：302商品和服务支出下各款加总是多少元？", 2120950, id="各款-welfare"),
    ],
)
def test_the_rows_under_a_named_row_added(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    answers_one_figure(ans, value)
    assert ans.formula and ans.formula.count("+") >= 2, ans.answer


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        P("dapeng", "你们局2022年公务接待费预算多少万元？", 2, id="你们局"),
        P("wanli", "我们街道2024年公务接待费多少万元", 1.35, id="我们街道"),
        P("justice", "贵局2026年公务接待费多少万元", 0.83, id="贵局"),
        P("justice", "本部门预算共涵盖几家预算单位？", 2, id="units-justice"),
        P("wanli", "万里街道部门预算共涵盖几家预算单位？", 6, id="units-wanli"),
    ],
)
def test_one_figure(qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float) -> None:
    """The department asked as 你们局 / 我们街道 / 贵局; every unit of a department counted (共涵盖几家预算单位)."""
    answers_one_figure(qa.ask(question, doc=ids[doc]), value)
