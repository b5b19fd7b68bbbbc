"""A part asked after 其中 of the item before (`…预算是多少？其中留给小微企业的是多少`, `事业编制总数几人？其中实有在编
几人`), a short column of the 三公 table named with the table (`…预算表，“购置费”多少`, `“公务用车购置及运行费”下面的
“购置费”呢`), items asked by their names alone (`公务接待费？公务用车运行费？`), what 政府采购 buys in everyday words
(买物品, 做工程), a figure's unit asked as the asker would write it (`我稿子里想写成亿元`), a change asked either way
(`增加或者减少了多少`), figures the asker says are known (`…是多少、…花了多少我都看到了`), a table number before a
科目编码 (`表7 2010302`), two columns of one row taken one from the other (`决算数减年初预算，差多少`), the units of a
department counted with its own office (`把本部和下属单位都算上，一共几家`, `（含局本部）`), the narrative pointed at
(`经核实，说明中…`), `应该是多少`, what an item is used for listed before it (`用于数据共享2.0、…这些的政府投资项目`)
and a bracket of examples holding a decimal (`（用于数据共享2.0、…等项目）`: 2.0、 is no list number). Each on two documents or more, through the real Assistant."""

from __future__ import annotations

import pytest

from assistant.assistant import Assistant
from assistant.lexicon import glossed
from assistant.placing import names_shortened_then_other
from tests.assistant.support import answers_one_figure

P = pytest.param


def parts_answered(ans: object, values: list[float]) -> None:
    parts = getattr(ans, "parts", [])
    assert [p.value for p in parts] == pytest.approx(values, abs=0.005), getattr(ans, "answer", "")


@pytest.mark.parametrize(
    ("doc", "question", "values"),
    [
        P("wanli", "2024年面向中小企业预留的政府采购项目预算是多少万元？其中留给小微企业的是多少万元？", [664.98, 465.49], id="其中-wanli"),
        P("wanli", "经核实，说明中2024年面向中小企业预留政府采购项目预算金额是多少万元？其中预留给小型和微型企业的是多少万元？", [664.98, 465.49], id="说明中-其中"),
        P("dapeng", "大鹏数据局事业编制总数几人？其中实有在编几人？", [15, 13], id="其中-of-a-总数-dapeng"),
        P("dapeng", "大鹏数据局行政编制总数几人？其中实有在编几人？", [9, 9], id="其中-行政-dapeng"),
        P("wanli", "万里街道办事处2024年的“三公”经费和机关运行经费预算表，请逐栏告诉我：“因公出国(境)费”多少万元？“购置费”多少？“运行费”多少？", [0, 25, 21.56], id="columns-wanli"),
        P("justice", "司法局2026年“三公”经费和机关运行经费预算表，我想按列问：“公务用车购置及运行费”下面的“购置费”呢？“运行费”呢？", [0, 9.98], id="columns-under-parent-justice"),
        P("justice", "2026年“三公”：公务接待费？公务用车运行费？机关运行经费预算？（万元）", [0.83, 9.98, 217.83], id="names-alone-justice"),
        P("wanli", "2024年三公：因公出国(境)费？公务接待费？", [0, 1.35], id="names-alone-wanli"),
        P("wanli", "万里街道办2024年打算通过政府采购买物品、做工程、买服务，这三块分别要花多少万元？", [93.98, 815.87, 752.59], id="采购-kinds-wanli"),
        P("dapeng", "大鹏数据局2022年通过政府采购买物品、做工程各要花多少万元？", [6, 0], id="采购-kinds-dapeng"),
    ],
)  # fmt: skip
def test_parts_asked_of_the_item_or_table_before(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, values: list[float]
) -> None:
    parts_answered(qa.ask(question, doc=ids[doc]), values)


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        P("wanli", "2024年“三公”经费和机关运行经费预算表，“购置费”多少？", 25, id="column-after-comma-wanli"),
        P("justice", "2026年“三公”经费和机关运行经费预算表里的运行费是多少？", 9.98, id="column-justice"),
        P("dapeng", "深圳市大鹏新区政务服务数据管理局2022年部门预算支出总共是多少？我稿子里想写成亿元，保留两位小数。", 0.59, id="亿元-as-written-dapeng"),
        P("finance", "上海市普陀区财政局2024年度本年支出合计是多少？我想用亿元表述，保留两位小数。", 0.29, id="亿元-as-said-finance"),
        P("justice", "上海市普陀区司法局2026年收入预算总计是多少？表上是按元列的，我想换算成亿元，保留两位小数。", 0.96, id="亿元-table-in-元-justice"),
        P("finance", "普陀区财政局“财政事务（款）行政运行（项）”2024年年初预算是多少、最后决算花了多少我都看到了，想问一下决算比年初预算少花了多少万元？", -48.16, id="known-figures-finance"),
        P("finance", "财政局2024年财政委托业务支出年初预算是多少、决算多少我都知道了，决算比年初预算少了多少万元？", -1, id="known-figures-委托"),
        P("dapeng", "表7 2010302 与 2013799 两项的项目支出合计多少万元？", 3154, id="table-then-codes-dapeng"),
        P("justice", "编制说明里住房公积金一处写208.8万元、一处写201.50万元。表5 221 02 01 住房公积金合计数是多少元？", 2087959, id="table-then-code-justice"),
        P("finance", "201 06 07 信息化建设：决算数减年初预算，差多少万元？", -0.65, id="columns-subtracted-信息化"),
        P("finance", "行政运行：决算数减年初预算，差多少万元？", -48.16, id="columns-subtracted-行政运行"),
        P("wanli", "上海市普陀区人民政府万里街道办事处2024年部门预算涵盖的单位，把街道本部和下属单位都算上，一共是几家？", 6, id="units-with-本部-wanli"),
        P("justice", "本部门预算共涵盖几家预算单位（含局本部）？", 2, id="units-含局本部-justice"),
        P("justice", "司法局2026年部门预算涵盖的单位，把局本部和下属单位都算上，一共是几家？", 2, id="units-with-本部-justice"),
        P("finance", "上海市普陀区财政局2024年度收入支出总计2995.39万元，说比2023年度减少了56.95万元，那么2023年度的收入支出总计应该是多少万元？", 3052.34, id="应该是-finance"),
        P("welfare", "普陀区社会福利院2024年财政拨款收入比2023年增加了0.46万元，那么2023年的财政拨款收入应该是多少万元？", 949.66, id="应该是-welfare"),
        P("dapeng", "大鹏数据局2022年项目支出里，用于数据共享2.0、政务光纤主干网络二期这些的政府投资项目，安排了多少万元？", 2008, id="uses-listed-dapeng"),
        P("justice", "司法局2026年用于人民调解、医患纠纷调解这些的人民调解项目安排了多少万元？", 795, id="uses-listed-justice"),
        P("dapeng", "政府投资项目（用于数据共享2.0、政务光纤主干网络二期等项目）安排了多少万元？", 2008, id="bracket-with-a-decimal-dapeng"),
        P("welfare", "社会福利事业单位（用于院内2.0版服务提升、日常运营等）2024年预算是多少元？", 9584796, id="bracket-with-a-decimal-welfare"),
    ],
)  # fmt: skip
def test_questions_as_people_write_them(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float
) -> None:
    answers_one_figure(qa.ask(question, doc=ids[doc]), value)


def test_a_change_asked_either_way_is_one_change(qa: Assistant, ids: dict[str, str]) -> None:
    q = "大鹏数据局2022年“三公”经费预算比2021年预算增加或者减少了多少万元？"
    answers_one_figure(qa.ask(q, doc=ids["dapeng"]), 0)
    q = "福利院2024年财政拨款支出预算比2023年预算增加或者减少了多少万元？"
    answers_one_figure(qa.ask(q, doc=ids["welfare"]), 0.46)


def test_a_table_named_is_no_item(qa: Assistant, ids: dict[str, str]) -> None:
    """Its title (…和机关运行经费预算表) names no row: never 机关运行经费 for 购置费."""
    for doc, question in (
        ("wanli", "2024年“三公”经费和机关运行经费预算表，“购置费”多少？"),
        ("justice", "2026年“三公”经费和机关运行经费预算表，“购置费”多少？"),
    ):
        ans = qa.ask(question, doc=ids[doc])
        assert "机关运行经费" not in ans.answer.split("。")[0], ans.answer


def test_the_project_asked_by_which(qa: Assistant, ids: dict[str, str]) -> None:
    """`…中，预算金额最大的是哪个项目`: the projects of the document's project table ranked; a document with no
    project table ranks none."""
    for question in (
        "表14 部门预算绩效管理项目情况表中，预算金额最大的是哪个项目？",
        "大鹏数据局2022年预算最少的项目是哪个？",
    ):
        ans = qa.ask(question, doc=ids["dapeng"])
        assert not ans.abstained and ans.formula and ans.formula.count("；") == 6, ans.answer
    assert "政府投资项目，为2,008万元" in qa.ask("表14中预算金额最大的是哪个项目？", doc=ids["dapeng"]).answer
    assert qa.ask("司法局2026年项目支出中预算最多的是哪个项目？", doc=ids["justice"]).value is None


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("社会保障和就业支出人头经费(人员经费)比办公经费(公用经费)多多少元", "社会保障和就业支出人员经费比公用经费多多少元"),
        ("城乡社区支出人头经费(人员经费)是多少元", "城乡社区支出人员经费是多少元"),
        ("花在员工身上的钱(人员经费)是多少", "人员经费是多少"),
    ],
)  # fmt: skip
def test_a_row_named_before_glossed_words_stays(said: str, read: str) -> None:
    assert glossed(said) == read


def test_a_short_name_qualifying_another_item_is_not_that_item(qa: Assistant, ids: dict[str, str]) -> None:
    """离退休人员福利费 is no 离退休人员经费 (303, printed shorter as 离退休人员), whatever its note says."""
    ans = qa.ask("离退休人员福利费是多少元？", doc=ids["welfare"])
    assert ans.value != pytest.approx(421800), ans.answer
    assert names_shortened_then_other("离退休人员福利费是多少元", "离退休人员", "离退休人员经费")
    assert names_shortened_then_other("公务用车运行维护费是多少", "公务用车", "公务用车购置费")
    assert not names_shortened_then_other("离退休人员经费是多少", "离退休人员", "离退休人员经费")


@pytest.mark.parametrize(
    ("doc", "question", "values", "row"),
    [
        P("welfare", "收入预算总表 208 10 05 社会福利事业单位：财政拨款收入、事业收入各多少元？", [6964796, 2620000], "社会福利事业单位", id="row-lead-welfare"),
        P("justice", "支出预算总表 204 06 04 基层司法业务：基本支出、项目支出各多少元？", [0, 21703947], "基层司法业务", id="row-lead-justice"),
    ],
)  # fmt: skip
def test_a_row_said_once_before_a_list_is_said_for_each(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, values: list[float], row: str
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    parts_answered(ans, values)
    assert all(p.citations and row in p.citations[0].quote for p in ans.parts), ans.answer


def test_how_tall_asks_a_height(qa: Assistant, ids: dict[str, str]) -> None:
    answers_one_figure(qa.ask("万里街道新盖的那个社区公共服务中心大楼，到底有多高？", doc=ids["wanli"]), 29.8)
    assert qa.ask("司法局的办公楼有多高？", doc=ids["justice"]).value is None  # no height printed


def test_a_departments_own_office_names_the_department(qa: Assistant, ids: dict[str, str]) -> None:
    """`司法局本部…` names 司法局 (all five documents loaded, none selected); `（含局本部）` names no other one."""
    for question, own in (
        ("司法局本部和法律援助中心加起来，实有在编多少人？", "司法局"),
        ("万里街道本部2024年的支出合计是多少元？", "万里街道"),
    ):
        ans = qa.ask(question)
        assert own in ans.answer and not any(o in ans.answer for o in ("大鹏", "福利院", "财政局") if o != own), (
            ans.answer
        )
    answers_one_figure(qa.ask("本部门预算共涵盖几家预算单位（含局本部）？", doc=ids["justice"]), 2)
