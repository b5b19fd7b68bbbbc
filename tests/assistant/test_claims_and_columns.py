"""Engine pass 36 (dev sets v90: a nurse, an accountant, a student reporter, a skeptic; v91: a volunteer, an IT
vendor, a statistician, someone asking three things at once; v92: a lawyer, a homeowner, a pensioner, a council member
asking what the document does not say; v93: a driver, a performance auditor, a teacher, a reader naming the table
first), each rule on two documents where the corpus has two, through the real Assistant:

- a claim of a change, a doubt (`我不太信`, `我觉得不对`), then `变化金额是多少` / `实际变化是多少`: the change (the level
  had been given, four wrong numbers); a claim in percent then `准确是多少` after a comma, or `变动比例`/`变化比例`: the rate;
- a hearsay claim whose item is said inside it, then `请核实准确的增幅是多少。`: the full stop names no item (declined);
- the names listed in brackets after a printed item say what it is made of (`基本支出（人员经费加公用经费）`: the share
  had been declined), and so does a statement before the question (`A和B加起来就是基本支出，…占基本支出的比重`: 100 %, a
  wrong number, had been given);
- a difference asked taken the other way (`请用决算数减去年初预算数`: a wrong sign), each part found as said;
- `每个月` in a clause asking nothing (`我每个月都在交住房公积金，…`) asks no monthly figure (it had been declined);
- a column of spending compared with another of the same row (`城乡社区支出的基本支出是项目支出的几倍`): the row's
  (the department's 项目支出 had been divided by, a wrong number);
- a figure stated, a full stop, then `这一项` (with a table named before it): the stated item's (the department's
  项目支出 had been given, a wrong number);
- what is left out said as a list closed by `之外，` before the item asked; what a project does said before it is
  named (`…来保障人民调解工作，这个人民调解项目`); what an item is not, in brackets (`（不是养老保险缴费）`: the 养老保险
  缴费 had been given, a wrong number);
- an everyday word standing for several printed items, said with one item's qualifier (`给事业单位职工交医保`: 事业单位
  医疗; the 职工基本医疗保险缴费 of all staff had been given, a wrong number);
- a claim checked, then questions naming its item again (`…这个对吗？公务接待费到底是多少万元？全年接待多少批次？`):
  each question answered (the second had been dropped);
- a clause naming the item before by its end (`公务用车运行费多少？平均下来每辆车一年运行费多少`): that item, averaged;
- a name said inside its container in an open clause (`项目支出中“数据管理事务”这个项目主要是用来做什么的？安排了多少`):
  the name, printed in the document if not in the national classification (the container's 4,644 had been given);
- `麻烦帮我加一下，` between commas asks the sum after it;
- `分到货物、工程、服务三块`: the kinds; `财政拨款支出里，X（code）`: X's spending, not its 财政拨款收入 column;
- after blind set 33's one measurement (52 / 60 on 59af2e1): `降了多少%` asks the rate (the amount had been given, two
  wrong numbers); `有个X项目，是…的，这个项目…`: X项目; remarks before the question up to a comma (`…照顾老人用电多，`)
  and `X一项` name nothing; `X减去A和B` and `X…，扣掉A和B这两项之后，剩下的…`: X less each (X less A alone had been
  given, a wrong number); a part's title pointed at (`“其他需要说明情况”那部分，`) names no item;
- of two terms as long in an open clause, the later is asked (`一般公共服务支出决算中财政委托业务支出是用来做什么的？实际
  决算花了多少`): the choice had followed Python's string hashing, so the answer changed from run to run.
"""

from __future__ import annotations

import pytest

from assistant.analyze import analyze
from assistant.assistant import Assistant
from assistant.compound import item_of
from tests.assistant.support import Expected, assert_figures

CASES: list[tuple[str, str, Expected]] = [
    ("dapeng", "网上有人说信息技术服务较2021年预算多了73万元，我觉得不对，变化金额到底是多少万元？", -73),
    ("welfare", "听人讲福利院2024年财政拨款收入比上年少了46万元，我不信，实际变化是多少万元？", 0.46),
    (
        "justice",
        "司法局“行政单位离退休”这一项2026年安排57.8万元，我记得比2025年预算执行数下降了3%左右，准确是多少？",
        -2.21,
    ),
    ("welfare", "福利院事业单位离退休这一项2024年比2023年执行数少了2%左右，准确是多少？", -1.39),
    ("wanli", "万里街道2024年城乡社区环境卫生比2023年执行数的变动比例是多少？", -27.81),
    ("dapeng", "政府投资项目比2021年预算的变化比例是多少？", 40.9),
    ("wanli", "听说万里街道2024年城乡社区环境卫生比2023年执行数砍了将近三成？请核实准确的变动比例是多少。", -27.81),
    (
        "dapeng",
        "听说大鹏新区政务服务数据管理局2022年的政府投资项目（数据共享、政务光纤二期那些）比2021年预算涨了差不多四成半？"
        "请核实准确的增幅是多少。",
        40.9,
    ),
    ("finance", "财政局2024年公用经费占基本支出（人员经费加公用经费）的比例是多少？保留一位小数。", 7.9),
    ("welfare", "福利院2024年人员经费占基本支出（人员经费加公用经费）的比例是多少？", 77.68),
    ("wanli", "万里街道2024年人员经费和公用经费加起来就是基本支出，人员经费占基本支出的比例是多少？", 88.8),
    ("justice", "司法局2026年人员经费和公用经费合起来就是基本支出，公用经费占基本支出的比重是多少？", 8.46),
    ("finance", "财政局2024年信息化建设的年初预算和决算数相差多少？请用决算数减去年初预算数。", -0.65),
    ("welfare", "福利院2024年人员经费和公用经费相差多少？请用公用经费减去人员经费。", -5259264),
    ("dapeng", "我每个月都在交住房公积金，大鹏数据局2022年住房公积金预算是多少万元？", 106),
    ("wanli", "我每个月都在交公积金，万里街道2024年住房公积金预算是多少元？", 3503499),
    ("dapeng", "大鹏数据局每个月交多少住房公积金？", None),
    ("wanli", "万里街道2024年城乡社区支出的基本支出是项目支出的几倍？", 1.79),
    ("justice", "普陀区司法局2026年公共安全支出的基本支出是项目支出的几倍？", 0.24),
    (
        "justice",
        "我知道司法局2026年信息化建设安排了227.88万元。请问在一般公共预算支出功能分类预算表里，这一项记在项目支出那一栏的是多少元？",
        2278800,
    ),
    ("wanli", "已知万里街道2024年城乡社区环境卫生安排了5993300元。请问这一项的项目支出是多少元？", 5993300),
    ("dapeng", "大鹏数据局2022年人员支出、公用支出之外，对个人和家庭的补助支出是多少万元？", 0),
    ("wanli", "万里街道2024年人员经费、公用经费之外，对个人和家庭的补助是多少元？", 254940),
    (
        "justice",
        "司法局向区人民调解协会购买服务，用来保障全区的人民调解工作，这个人民调解项目2026年安排了多少万元？",
        795,
    ),
    ("dapeng", "大鹏数据局要保障信息系统正常运行，这个信息化运维项目2022年安排了多少万元？", 315),
    ("wanli", "万里街道2024年退休费（不是养老保险缴费）是多少元？", 254940),
    ("wanli", "万里街道2024年给事业单位职工交医保的钱是多少万元？", 160.14),
    ("wanli", "万里街道2024年给行政单位职工交医保的钱是多少万元？", 142.22),
    ("justice", "司法局2026年给行政单位职工交医保的钱安排了多少万元？", 114.97),
    (
        "justice",
        "我记得普陀区司法局2026年公务接待费有1万多元，这个对吗？公务接待费到底是多少万元？全年接待多少批次？",
        [0.83, None],
    ),
    ("welfare", "我记得福利院2024年公务用车运行费是8万元，对吗？公务用车运行费到底是多少万元？车有几辆？", [6.4, 2]),
    ("welfare", "我记得福利院2024年公务用车运行费是8万元，对吗？运行费到底是多少万元？", 6.4),
    (
        "welfare",
        "福利院一共有几辆车？2024年公务用车运行费多少万元？平均下来每辆车一年运行费多少万元？",
        [2, 6.4, 3.2],
    ),
    ("justice", "司法局2026年公务用车运行费多少万元？平均下来每辆车运行费多少万元？", [9.98, 3.33]),
    ("wanli", "万里街道2024年政府采购预算1662.44万元，分到货物、工程、服务三块各是多少万元？", [93.98, 815.87, 752.59]),
    ("dapeng", "大鹏数据局2022年政府采购预算457万元，分到货物和服务两块各是多少万元？", [6, 451]),
    (
        "justice",
        "司法局2026年财政拨款支出里，公共安全支出（204类）司法（06款）公共法律服务（07项）安排了多少万元？",
        686,
    ),
    ("wanli", "万里街道2024年财政拨款支出里，城乡社区环境卫生（21205）安排了多少万元？", 599.33),
    (
        "dapeng",
        "已经知道大鹏数据局2022年项目支出一共4,644万元。其中“数据管理事务”这个项目主要是用来做什么的？安排了多少万元？",
        [None, 80],
    ),
    (
        "finance",
        "我知道财政局2024年一般公共服务支出决算2106.66万元，其中“财政委托业务支出”是用来做什么的？实际决算花了多少万元？",
        [None, 449.52],
    ),
    (
        "wanli",
        "万里街道社区公共服务中心新建工程的项目说明里列了四个季度的用款计划，麻烦帮我加一下，全年用款计划合计多少万元？",
        632.2,
    ),
    ("welfare", "福利院2024年基本支出里有水费和电费，麻烦帮我加一下，一共多少元？", 380000),
    # after blind set 33's one measurement
    ("justice", "司法局2026年行政单位离退休比2025年执行数降了多少%？", -2.21),
    ("wanli", "万里街道2024年城乡社区环境卫生比上年执行数降了多少%", -27.81),
    ("justice", "普陀区司法局有个人民调解项目，是向区人民调解协会买服务的，这个项目的年度预算安排是多少万元？", 795),
    ("dapeng", "大鹏数据局有个信息化运维项目，是保障各个信息系统正常运转的，这个项目2022年预算安排是多少万元？", 315),
    ("welfare", "普陀区社会福利院照顾老人用电多，2024年基本支出里电费安排了多少元？", 320000),
    ("wanli", "万里街道辖区大、道路多，2024年城乡社区环境卫生安排了多少元？", 5993300),
    ("welfare", "福利院2024年基本支出里电费一项安排了多少万元？", 32),
    ("wanli", "万里街道2024年基本支出里水费一项安排了多少元？", 277500),
    (
        "dapeng",
        "政务服务事务2022年安排624万元，文中说比2021年预算增加了11万元，那么2021年这一项的预算是多少万元？",
        613,
    ),
    ("finance", "财政局2024年一般公共预算财政拨款的项目支出减去信息化建设和财政委托业务支出是多少万元？", 18.37),
    ("wanli", "万里街道2024年城乡社区支出减去城乡社区管理事务和城乡社区环境卫生是多少元？", 18942000),
    (
        "finance",
        "财政局2024年一般公共预算财政拨款的项目支出603.14万元，扣掉信息化建设和财政委托业务支出这两项之后，剩下的项目支出是多少万元？",
        18.37,
    ),
    (
        "wanli",
        "万里街道2024年城乡社区支出，扣掉城乡社区管理事务和城乡社区环境卫生这两项之后，剩下的是多少元？",
        18942000,
    ),
    ("dapeng", "大鹏数据局2022年部门预算“其他需要说明情况”那部分，机关运行经费的财政拨款预算写的是多少万元？", 337),
    ("wanli", "万里街道2024年预算“其他相关情况说明”那部分，政府采购预算写的是多少万元？", 1662.44),
]


@pytest.mark.parametrize(("doc", "question", "expected"), CASES)
def test_pass_36_questions_get_the_documents_figure(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, expected: Expected
) -> None:
    assert_figures(qa.ask(question, doc=ids[doc]), expected)


def test_what_an_item_is_not_is_never_given(qa: Assistant, ids: dict[str, str]) -> None:
    ans = qa.ask("普陀区司法局2026年给退休老干部的离退休经费（不是养老保险缴费）是多少元？", doc=ids["justice"])
    assert ans.value != pytest.approx(1839485), ans.answer  # the 机关事业单位基本养老保险缴费支出


@pytest.mark.parametrize(
    ("clause", "item"),
    [
        ("我知道财政局2024年一般公共服务支出决算中财政委托业务支出是用来做什么的", "财政委托业务支出"),
        ("万里街道2024年城乡社区管理事务里的城乡社区环境卫生是用来做什么的", "城乡社区环境卫生"),
    ],
)
def test_an_open_clause_asks_the_later_of_two_names_as_long(clause: str, item: str) -> None:
    assert item_of(analyze(clause)) == item
