"""Engine pass 42, each rule on two documents, through the real Assistant (dev sets v114–v117: a 政协委员 with a
sentence of context before each question, a 12345 hotline operator relaying callers, a performance evaluator, a new
finance officer asking a colleague in chat):

- a share's whole said by its amount (`项目那块一共4644万，政府投资项目占了百分之多少`, `9628万多元里`, `5,883万元的
  预算里`) is the figure printing that amount: the document's 支出总计 had been the whole (a wrong number), or nothing
  was answered; an amount said is no year (`2008万元`) and no 科目编码 (`5,883` is no 883);
- `X那块` of a part of spending said by its first word (`公用那块`, `项目那块`, `人头经费`) is that part (a row's 合计
  had been given for its 项目支出, a wrong number); `总盘子`, `预算盘子` the document's total;
- `顺便` joins two questions as `另外` does; a purpose said first (`为比较…，`) is no item; a topic after `想了解…：`
  is asked by the questions after it that name only a stage (`预算执行数`); the document named with no year
  (`预算材料里`, `预算文件里`) is where to read;
- an item said before `2024年预算里是多少` is that item's budget, not the document named; a name said whole at the
  end of the words describing it (`给老人烧热水用的电费`) is the item asked, never a column's name
  (`每张床的财政拨款`: the words are what it would be of); a name an everyday word stands for at
  the end of the printed name (`油费` → 运行费 of 公务用车运行费) is the only item named when the other names found
  are inside it (公务用车);
- an item described by its use is found by a run of the words inside a piece too, not only at its end
  (`会计师事务所这类中介机构做审计`: 中介机构, of the document's `委托中介机构开展各类审计及绩效评价工作`);
- a project pointed at (`…新建工程那个项目，四个季度的用款计划加起来`) is that project, not another one named
  `…工程那个`, so its quarters are summed; `付款计划` is the 用款计划;
- a share of 政府采购 `留给中小企业`, `留给小微企业` is the 预留 the documents print, and `份额` of an amount names no item;
- a department's kind said bare (`退休的局里人员`) is the department asked of, never another organisation; the
  longest mention of the department is taken out first (`福利院…。请计算普陀区社会福利院…`).
"""

from __future__ import annotations

import pytest

from assistant.analyze import analyze
from assistant.assistant import Assistant
from assistant.codes import asked_codes
from tests.assistant.support import Expected, assert_figures

CASES: list[tuple[str, str, Expected]] = [
    ("dapeng", "咱们局2022年项目那块一共4644万，政府投资项目占了百分之多少？保留两位小数", 43.24),
    ("justice", "市民来电询问：区司法局2026年部门支出预算9628万多元里，基本支出占了百分之几？保留两位小数。", 26.74),
    ("dapeng", "大鹏数据局2022年5,883万元的预算里，项目支出大概占了百分之几？（保留两位小数）", 78.94),
    ("wanli", "万里街道2024年15621.11万元的支出预算里，项目支出占百分之几？", 36.17),
    ("dapeng", "大鹏数据局2022年政府投资项目2008万元占项目支出的百分之几？", 43.24),
    ("justice", "咱们局2026年基本支出里，人头经费合计多少元，公用那块合计多少元？", [23563342, 2178324.44]),
    ("wanli", "我们街道2024年基本支出里，人头经费合计多少元，公用那块合计多少元？", [88537451, 11168569]),
    ("wanli", "咱们街道24年支出预算总表里，其他社会保障和就业支出（2089999）项目那块是多少万？", 167.92),
    ("welfare", "我们院2024年项目那块一共多少元？", 2620000),
    ("welfare", "我们院24年收入预算总盘子多少万，其中事业收入多少万？", [1212.12, 262]),
    ("dapeng", "大鹏数据局2022年的预算盘子有多大？", 5883),
    ("justice", "司法局基层司法业务2026年安排多少万，顺便2025年当年预算执行数是多少？", [2170.39, 2149.45]),
    ("wanli", "万里街道城管执法2024年预算安排多少万，顺便2023年当年执行数多少？", [604.34, 676.66]),
    ("welfare", "社会福利院职业年金缴费支出2024年安排多少万，顺便2023年执行数多少？", [38.38, 35.35]),
    (
        "dapeng",
        "为比较前后两年的预算盘子，请根据2022年预算说明推算，大鹏新区政务服务数据管理局2021年部门预算收入是多少万元？",
        5282,
    ),
    ("justice", "为比较前后两年的预算，请根据2026年预算说明推算，区司法局2025年财政拨款收入是多少万元？", 8835.08),
    (
        "justice",
        "有群众反映想了解区司法局的普法宣传经费：2026年预算安排多少万元？2025年当年预算执行数又是多少万元？",
        [124.29, 118.46],
    ),
    (
        "wanli",
        "有居民想了解万里街道的城管执法经费：2024年预算安排多少万元？2023年当年预算执行数又是多少万元？",
        [604.34, 676.66],
    ),
    ("justice", "市民来电询问，区司法局预算材料里“人民调解”那个购买服务项目，写的年度预算安排是多少万元？", 795),
    ("wanli", "万里街道预算文件里的城管执法是多少万元？", 604.34),
    ("welfare", "给老人烧热水用的电费2024年预算里是多少？", 320000),
    ("wanli", "万里街道办公楼里开空调用的电费2024年预算里是多少元？", 280000),
    ("welfare", "上海市普陀区社会福利院2024年单位预算中，按床位计算每张床的财政拨款是多少元？", None),
    ("justice", "司法局2026年按调解员计算每个调解员的财政拨款是多少元？", None),
    ("welfare", "我们院那两辆车平时的油费、保养这些日常开销，2024年排了多少万？", 6.4),
    ("dapeng", "大鹏数据局2022年公车平时的油费、保养这些日常开销，安排了多少万？", 8),
    ("finance", "来电人问：区财政局2024年花钱请会计师事务所这类中介机构做审计、绩效评价，决算花了多少万元？", 449.52),
    ("dapeng", "大鹏数据局2022年把空间地理运维外包出去、政务光纤一期运维也外包的那个项目，安排了多少万元？", 315),
    ("wanli", "万里街道社区公共服务中心新建工程那个项目，四个季度的用款计划加起来是多少万元？", 632.2),
    ("wanli", "万里街道那栋新建的社区公共服务中心，2024年四个季度的付款计划加起来一共是多少万元？", 632.2),
    (
        "wanli",
        "万里街道2024年政府采购里专门留给中小企业的份额有多少？这里面专门留给小微企业的又是多少？",
        [664.98, 465.49],
    ),
    ("finance", "财政局2024年政府采购里专门留给中小企业的有多少？", 246.47),
    ("finance", "给已经退休的局里人员的那一项（行政单位离退休）决算花了多少万元？", 84.65),
    ("justice", "司法局给已经退休的局里人员的那一项（行政单位离退休）预算多少万元？", 57.80),
    (
        "welfare",
        "我想了解福利院的自我造血能力。请计算普陀区社会福利院2024年事业收入占收入预算总额的百分比（保留两位小数）。",
        21.62,
    ),
    (
        "justice",
        "我想了解司法局的支出结构。请计算普陀区司法局2026年基本支出占支出合计的百分比（保留两位小数）。",
        26.74,
    ),
]


@pytest.mark.parametrize(("doc", "question", "expected"), CASES)
def test_pass_42_questions_get_the_documents_figure(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, expected: Expected
) -> None:
    assert_figures(qa.ask(question, doc=ids[doc]), expected)


@pytest.mark.parametrize(
    "question", ["普陀区公安局2024年行政运行决算多少？", "大鹏新区规划和自然资源局2022年的项目支出是多少？"]
)
def test_another_organisation_named_in_full_is_still_not_the_one_loaded(
    qa: Assistant, ids: dict[str, str], question: str
) -> None:
    """Only a kind said bare (局里) is the department asked of: a named organisation that is not loaded answers nothing."""
    doc = "finance" if "财政" in question or "公安" in question else "dapeng"
    assert qa.ask(question, doc=ids[doc]).value is None


@pytest.mark.parametrize(
    ("question", "years"),
    [
        ("大鹏数据局2022年政府投资项目2008万元占项目支出的百分之几？", [2022]),
        ("万里街道2024年有一笔2,050万元的项目吗？", [2024]),
        ("财政局2024年支出2099.5万元，比2023年少多少？", [2024]),
    ],
)
def test_an_amount_is_no_year(question: str, years: list[int]) -> None:
    assert analyze(question).years == years


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("大鹏数据局2022年5,883万元的预算里", []),
        ("住房公积金208.80万元", []),
        ("2010301行政运行和科目201", ["2010301"]),
        ("30113住房公积金", ["30113"]),
    ],
)
def test_an_amount_is_no_code(text: str, codes: list[str]) -> None:
    assert asked_codes(text) == codes


@pytest.mark.parametrize(
    ("asked", "other"),
    [
        ("社区公共服务中心新建工程那个项目,四个季度的用款计划加起来是多少", False),
        ("人民调解项目的四个季度用款计划加起来是多少", True),
    ],
)
def test_a_project_pointed_at_is_the_one_its_periods_are_printed_under(asked: str, other: bool) -> None:
    from assistant.operations.periods import _other_project

    assert _other_project(asked, "社区公共服务中心新建工程") is other
