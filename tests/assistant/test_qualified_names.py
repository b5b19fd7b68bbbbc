"""Engine pass 31, each rule on two documents or more, through the real Assistant:

- a name the document prints as another name qualified (面向中小企业预留 + 政府采购 + 项目), asked with the qualifier in
  the asker's own order (`预留给中小企业的政府采购`, `政府采购里预留给中小企业的`): the qualified item, never the whole
  (a wrong number: 政府采购 1,662.44 for 664.98); the whole asked alone stays the whole; a qualifier denied
  (`不是专门留给中小企业的`) or with a side unsaid (养老 of 行政事业单位养老 for 行政单位医疗) names nothing;
- the units a disclosure covers: listed by name in a 部门决算 (单位构成: 序号 | 单位名称), counted by kind or in all in a
  部门预算; `编制范围` is no staff count, and `有多少退休人员` asks people, never money;
- a column of a total row the summary table prints without it (本年支出合计中，基本支出: the 支出决算表's 合计 row);
- `X中Y部分` asks Y of X; one item in two tables, each part read in the table it names;
- `请核实A，并请一并核实B` asks A and B; `货物、工程、服务三块各是多少` lists three items (三块 is no 三公);
- the 支出 of an item's own name says no side; background sentences before 请问 (their years kept); what a list's
  items are, said after it (这两个…的项目); money asked by what it is spent on (…花了多少); a standard per item in 元.
"""

from __future__ import annotations

import pytest

from assistant.analyze import analyze
from assistant.assistant import Assistant
from assistant.specific import adds_said
from index.text import bigrams
from tests.assistant.support import answers_one_figure

P = pytest.param


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        P("wanli", "预留给中小企业的政府采购有多少万元？", 664.98, id="qualifier-before-wanli"),
        P("wanli", "万里街道2024年政府采购当中预留给中小企业的部分是多少万元？", 664.98, id="qualifier-after-wanli"),
        P("justice", "司法局2026年政府采购里预留给中小企业的有多少万元？", 1486.42, id="qualifier-after-justice"),
        P("finance", "财政局2024年预留给中小企业的政府采购是多少万元？", 246.47, id="qualifier-before-finance"),
        P("wanli", "万里街道2024年政府采购预算是多少万元？", 1662.44, id="whole-alone-wanli"),
        P("dapeng", "大鹏数据局2022年政府采购预算是多少万元？", 457, id="whole-alone-dapeng"),
        P("finance", "纳入财政局2024年度部门决算编制范围的单位有几家？", 3, id="units-listed-finance"),
        P("finance", "财政局2024年的部门决算把几家单位算在里面？", 3, id="units-算在里面-finance"),
        P("finance", "纳入财政局2024年部门决算的单位一共有几个（本级加下属）？", 3, id="units-几个-finance"),
        P("dapeng", "大鹏数据局2022年部门预算一共包括几家单位？", 1, id="units-said-in-all-dapeng"),
        P("wanli", "万里街道2024年部门预算一共包括几家单位？", 6, id="units-kinds-added-wanli"),
        P("justice", "司法局部门预算把几家单位算在里面？", 2, id="units-kinds-算在里面-justice"),
        P("finance", "本年支出合计中，基本支出决算是多少万元？", 2336.91, id="total-row-finance"),
        P("finance", "本年支出合计里项目支出是多少万元？", 603.14, id="total-row-项目-finance"),
        P("justice", "本年支出合计中，项目支出是多少万元？", 7054.05, id="total-row-justice"),
        P("wanli", "支出总计中，基本支出是多少万元？", 9970.60, id="total-row-wanli"),
        P("justice", "司法局2026年政府采购中服务部分是多少万元？", 1446.32, id="部分-justice"),
        P("welfare", "福利院2024年“机关事业单位基本养老保险缴费支出”这一项财政拨款安排了多少万元？", 76.76, id="支出-item-财政拨款-welfare"),
        P("justice", "司法局2026年“机关事业单位基本养老保险缴费支出”这一项财政拨款安排了多少元？", 1839485, id="支出-item-财政拨款-justice"),
        P("welfare", "我在写一篇关于养老机构经费来源的论文，想看看福利院自己能挣多少。福利院2024年的预算里有一块事业收入。请问事业收入占收入总计的百分比是多少？保留两位小数。", 21.62, id="background-welfare"),
        P("justice", "我是法学院学生，在做基层司法行政经费的调研，想知道钱都花在哪儿。司法局2026年的部门预算我看过了。请问人民调解项目安排了多少万元？", 795, id="background-justice"),
        P("dapeng", "大鹏数据局2022年的项目里，“信息技术服务”和“信息化运维项目”这两个跟信息化沾边的项目，预算加起来一共多少万元？", 1095, id="apposition-dapeng"),
        P("justice", "司法局2026年“普法宣传”和“公共法律服务”这两个跟老百姓打交道的项，预算加起来一共多少元？", 8102900, id="apposition-justice"),
        P("finance", "财政局请中介做审计和绩效评价花了多少万元？", 449.52, id="described-by-use-finance"),
        P("dapeng", "每台笔记本的购置标准最高是多少元？", 8500, id="per-item-in-元-dapeng"),
    ],
)  # fmt: skip
def test_one_figure(qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float) -> None:
    answers_one_figure(qa.ask(question, doc=ids[doc]), value)


@pytest.mark.parametrize(
    ("doc", "question", "never"),
    [
        P("finance", "财政局2024年那些不是专门留给中小企业的采购项目里，最后被中小企业拿下的金额是多少？", 246.47, id="denied-finance"),
        P("wanli", "万里街道2024年政府采购里，不是预留给中小企业的那部分有多少万元？", 664.98, id="denied-wanli"),
        P("dapeng", "2022年这个局给职工交医保（行政单位医疗）预算了多少？", 94, id="side-unsaid-dapeng"),
        P("finance", "财政局现在有多少退休人员？", 69.1, id="people-not-money-finance"),
        P("justice", "司法局2026年有多少退休人员？", 478680, id="people-not-money-justice"),
        P("wanli", "每台笔记本的购置标准最高是多少元？", None, id="no-standard-wanli"),
        P("justice", "普陀区司法局2026年政府采购预算1486.42万元，货物、工程、服务三块各是多少万元？", 10.81, id="三块-is-no-三公-justice"),
    ],
)  # fmt: skip
def test_never_the_figure_of_another_item(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, never: float | None
) -> None:
    """Declined (the document prints no such figure), or at least never `never`, the figure of the item the words
    resemble."""
    ans = qa.ask(question, doc=ids[doc])
    for value in [ans.value, *(p.value for p in ans.parts)]:
        assert value is None or (never is not None and value != pytest.approx(never)), ans.answer


@pytest.mark.parametrize(
    ("doc", "question", "values"),
    [
        P("wanli", "万里街道2024年政府采购预留给中小企业的有多少万元？其中留给小微企业的有多少万元？", [664.98, 465.49], id="qualified-part-first-wanli"),
        P("wanli", "万里街道新建的社区公共服务中心，规划建筑面积多大？其中地下部分多少平方米？", [13459, 5356], id="部分-wanli"),
        P("wanli", "万里街道社区公共服务中心新建工程规划建筑面积约多少平方米？其中地上、地下建筑面积各多少平方米？", [13459, 8013, 5356], id="地上地下-wanli"),
        P("dapeng", "请核实大鹏数据局2022年部门预算所列行政编制总数，并请一并核实行政编制的实有在编人数。", [9, 9], id="verify-joint-dapeng"),
        P("justice", "请核实司法局2026年的人员经费，并请一并核实公用经费。", [23563342, 2178324.44], id="verify-joint-justice"),
        P("wanli", "万里街道2024年政府采购，货物、工程、服务三块各是多少万元？", [93.98, 815.87, 752.59], id="三块各-wanli"),
    ],
)  # fmt: skip
def test_parts(qa: Assistant, ids: dict[str, str], doc: str, question: str, values: list[float]) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert [p.value for p in ans.parts] == pytest.approx(values), ans.answer


@pytest.mark.parametrize(
    ("name", "whole", "question", "said"),
    [
        P("面向中小企业预留政府采购", "政府采购", "预留给中小企业的政府采购", True, id="reordered"),
        P("政府采购服务", "政府采购", "政府采购里买服务的预算", True, id="after"),
        P("预留给小型和微型企业的政府采购", "政府采购", "预留给中小企业的政府采购", False, id="another-qualifier"),
        P("2022年政府采购", "政府采购", "2022年政府采购", False, id="a-year-adds-nothing"),
        P("行政事业单位养老", "事业单位", "给职工交医保行政单位医疗", False, id="one-side-unsaid"),
    ],
)  # fmt: skip
def test_what_a_name_adds_is_read_each_side_apart(name: str, whole: str, question: str, said: bool) -> None:
    assert adds_said(name, whole, bigrams(question)) is said


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        P("纳入财政局2024年度部门决算编制范围的单位有几家？", "家", id="编制范围"),
        P("大鹏数据局事业编制多少？", "人", id="编制-staff"),
        P("财政局现在有多少退休人员？", "人", id="退休人员"),
        P("多少退休人员的经费", None, id="money-of-people"),
    ],
)  # fmt: skip
def test_the_unit_asked(question: str, unit: str | None) -> None:
    assert analyze(question).unit == unit


def test_a_year_in_the_background_stays_asked(qa: Assistant, ids: dict[str, str]) -> None:
    """`…2025年的执行数我已经有了。请问住房公积金是多少`: never the 2026 figure for a question that may ask 2025."""
    ans = qa.ask("我在核对去年的数字，2025年的执行数我已经有了。请问住房公积金是多少万元？", doc=ids["justice"])
    assert ans.value is None or ans.year == 2025, ans.answer


@pytest.mark.parametrize(
    ("doc", "question", "value", "tables"),
    [
        P("dapeng", "表6《政府预算拨款收支总表》的本年收入合计，比表1《收支总表》的本年收入合计多出多少万元？", 18, ("政府预算拨款收支总表", "收支总表"), id="numbered-dapeng"),
        P("dapeng", "收支总表的本年收入合计比政府预算拨款收支总表的本年收入合计少多少万元？", -18, ("收支总表", "政府预算拨款收支总表"), id="titles-dapeng"),
        P("finance", "收入支出决算总表的本年收入合计比财政拨款收入支出决算总表的本年收入合计多多少万元？", 6.2, ("收入支出决算总表", "财政拨款收入支出决算总表"), id="titles-finance"),
    ],
)  # fmt: skip
def test_one_item_in_two_tables(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float, tables: tuple[str, str]
) -> None:
    """Each part is read in the table it names, and the answer says which table each figure is of."""
    ans = qa.ask(question, doc=ids[doc])
    answers_one_figure(ans, value)
    assert all(f"{t}的本年收入合计" in ans.answer for t in tables), ans.answer
