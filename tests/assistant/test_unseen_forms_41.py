"""Engine pass 41, each rule on two documents, through the real Assistant:

- a whole described in the asker's words, then what it adds up to in brackets (`保证日常运转的那部分钱（人员工资加办公开销）`),
  is the whole described: the bracket's first word had been read as the item (工资福利支出, a wrong number);
- welfare handed out (`发福利的钱`, `福利开支`) is the 经济分类's 福利费, not the 工资福利支出 whose name holds it (a wrong
  number had been given);
- computer work bought as a service (`电脑技术服务`) is the 政府采购 品目 信息技术服务, not the 计算机设备 of its first word
  (a wrong number had been given); where no such row is printed, nothing is given;
- dev sets v110–v113 (a reporter's long questions, a clerk citing codes, a resident dictating by voice, a thesis
  student): `X财政拨款支出` said right after an item's name is that item's 财政拨款 column (the document's 财政拨款支出
  total had been given, a wrong number); a national name the question says whole (城乡社区规划与管理) is not another
  national item found by shared words (城乡社区管理事务 had been given); `X中，Y是多少、占比多少` asks Y's share of X
  (100 % of X over itself had been given); a round figure said of an item (`工资福利支出六百九十多万里`, `那两千来万`)
  is no item, so the share's whole is that item; `A与B分别是多少` of two known names asks each;
- said, not written: `你帮我看看…` before the question, `都按万说` and `你按文字部分说的告诉我` after it, a claim checked
  with `我印象是…对不对` (a report of the document's inconsistencies had been given), a remark that the document has a
  typo (`文件里写的是…应该是写错了吧`), `就是说` restating the item, `光电费` (光: only);
- a claim asked about first (`听说…日常办公开销（机关运行经费）又涨了？一共花了多少…`) names the item the questions
  after it, naming none, ask;
- `买房`/`买房子` of the staff is the 购房补贴, `全民健身` the 群众体育 of the national classification;
- `A、B，公用经费各多少元`: the column said before 各 is each item's; `2024年院里…` is the department itself, said by
  its kind; a car 日常开起来 is its running (运行); `政府采购预算里买东西的货物预算多少 … 服务预算又是多少`: the container
  said a few words before the first sibling holds the later one too; a first question asking a figure in a few words,
  naming no year nor department (`给中小企业留了多少“蛋糕”？`), before one that names both and says most of its words
  again, is a headline: the parts are the second question's (it had shifted them); a part of the document named by
  its heading (`“部门预算支出具体情况”部分，…`) is where to read, and a point of view said first (`就…的结构而言，`,
  `从支出结构来看，`) no item either;
- after blind set 38's one measurement: `A，以及B，分别是多少`, A and B said as whole items alike (…预算金额, …金额), asks
  each (the first had been answered alone, the second left without a line); not when B names a year (…，今年预算和去年
  预算各是多少: columns of A).
"""

from __future__ import annotations

import pytest

from assistant.assistant import Assistant
from assistant.lists import _joined_after_comma
from tests.assistant.support import Expected, assert_figures

CASES: list[tuple[str, str, Expected]] = [
    ("finance", "我想问问财政局2024年保证日常运转的那部分钱（人员工资加办公开销）花了多少？", 2336.91),
    ("welfare", "福利院2024年保证日常运转的那部分钱（人员工资加办公开销）预算多少元？", 9501164),
    ("finance", "普陀区财政局2024年给职工的福利开支（基本支出决算表里的那项）决算是多少万元？", 42.77),
    ("welfare", "社会福利院2024年给在职职工发福利的钱是多少元？给工会搞活动的钱多少元？", [86400, 88890]),
    ("wanli", "万里街道2024年给职工发福利的钱是多少元？", 695520),
    (
        "dapeng",
        "大鹏新区数据管理局2022年那个专管短信平台、上网出口、网络安全这些电脑技术服务的项目，一共安排了多少钱呀？",
        780,
    ),
    ("justice", "司法局2026年那些电脑技术服务的项目，一共安排了多少钱？", None),
    ("welfare", "社会福利院2024年事业单位医疗财政拨款支出安排了多少元？", 503724),
    ("wanli", "万里街道2024年城管执法财政拨款支出是多少元？", 6043390),
    ("justice", "司法局2026年普法宣传财政拨款支出是多少元？", 1242900),
    ("wanli", "万里街道2024年城乡社区规划与管理是多少元？", None),
    ("dapeng", "大鹏数据局2022年城乡社区规划与管理是多少万元？", None),
    ("finance", "财政局2024年度本年支出合计中，基本支出是多少万元、占比多少？", [2336.91, 79.49]),
    ("wanli", "万里街道2024年支出合计中，项目支出是多少元？占比多少？", [56505103, 36.17]),
    ("welfare", "嗯福利院二零二四年工资福利支出六百九十多万里 绩效工资占了百分之几 保留两位小数", 51.46),
    ("finance", "嗯普陀区财政局二零二四年项目支出六百来万里 信息化建设占了百分之几 你帮我算到两位小数", 22.42),
    (
        "dapeng",
        "嗯大鹏政务服务数据管理局二零二二年项目支出四千六百多万里头 政府投资项目那两千来万占了百分之几 保留两位小数",
        43.24,
    ),
    ("welfare", "普陀区社会福利院2024年收入预算中，财政拨款收入与事业收入分别是多少万元？", [950.12, 262]),
    ("justice", "司法局2026年普法宣传与公共法律服务分别是多少元？", [1242900, 6860000]),
    (
        "dapeng",
        "你帮我看看大鹏政务服务数据管理局二零二二年 文字说明里头公用支出是多少万 就是水电物业车辆那些日常办公用的",
        345,
    ),
    ("wanli", "你帮我看看万里街道二零二四年物业管理费是多少", 1090020),
    ("wanli", "那个万里街道办事处二零二四年政府采购货物预算多少 工程预算多少 都按万说", [93.98, 815.87]),
    ("justice", "司法局二零二六年政府采购预算多少 都按万说", 1486.42),
    (
        "dapeng",
        "那个大鹏政务服务数据管理局二零二二年政府采购一共纳入预算多少万 其中服务采购又是多少 你按文字部分说的告诉我",
        [457, 451],
    ),
    (
        "welfare",
        "嗯普陀区社会福利院二零二四年收入预算一共多少万 其中财政拨款收入多少 事业收入又是多少 按说明里讲的",
        [1212.12, 950.12, 262],
    ),
    ("dapeng", "嗯大鹏新区政务服务数据管理局 二零二二年机关运行经费财政拨款预算是多少 我印象是三百来万对不对", 337),
    ("finance", "财政局2024年机关运行经费决算是多少万元？我觉得是一百八十万左右，对吧？", 184.65),
    (
        "justice",
        "嗯普陀司法局二零二六年财政拨款收入比上一年预算多了多少万 文件里写的是比二零二六年预算 应该是写错了吧",
        793.14,
    ),
    ("wanli", "万里街道2024年财政拨款收入比2023年预算少了多少万元 文件里写的是比二零二三年 应该是写错了吧", -876.75),
    ("justice", "普陀区司法局二零二六年政府采购预算里头 工程那一块 就是说搞工程的采购预算是多少万", 36.44),
    ("wanli", "万里街道2024年政府采购预算里头 货物那一块 就是说买东西的采购预算是多少万", 93.98),
    ("welfare", "福利院2024年光电费预算要多少钱？听人说要三十多万？", 320000),
    ("wanli", "万里街道2024年光是水费就要多少元？", 277500),
    (
        "finance",
        "听说财政局2024年日常办公开销（机关运行经费）又涨了？一共花了多少，比2023年多了多少钱？",
        [184.65, 2.55],
    ),
    ("wanli", "听说万里街道2024年的物业管理费又涨了？一共安排了多少元？", 1090020),
    ("dapeng", "大鹏政数局2022年给职工买房发的那笔补助，一般公共预算安排了多少万元？", 190),
    ("justice", "司法局2026年给职工买房子的补贴是多少元？", 2433600),
    ("wanli", "万里街道2024年给辖区居民搞全民健身、体育活动的经费安排了多少万元？", 20),
    ("wanli", "万里街道2024年用于全民健身的钱是多少元？", 200000),
    ("justice", "司法局2026年搞全民健身的钱是多少？", None),
    (
        "welfare",
        "福利院2024年经济分类预算表：30211事业单位离退休人员福利费、30212机关事业单位退休人员活动费，公用经费各多少元？",
        [116640, 7020],
    ),
    ("wanli", "万里街道2024年经济分类预算表：30205水费、30206电费，公用经费各多少元？", [277500, 280000]),
    ("welfare", "普陀区社会福利院2024年院里公车日常开起来的油费、维修、保险这类开销，预算多少万元？", 6.4),
    ("justice", "司法局2026年公车日常开起来的油费、维修这类开销，预算多少万元？", 9.975),
    (
        "wanli",
        "那个万里街道办事处二零二四年政府采购预算里 买东西的货物预算多少 工程预算多少 服务预算又是多少 都按万说",
        [93.98, 815.87, 752.59],
    ),
    ("justice", "司法局2026年政府采购预算里 买东西的货物预算多少 服务预算又是多少", [3.66, 1446.32]),
    (
        "wanli",
        "给中小企业留了多少“蛋糕”？万里街道2024年面向中小企业预留的政府采购金额和其中给小微企业的金额分别是多少万元？",
        [664.98, 465.49],
    ),
    (
        "justice",
        "给小微企业留了多少“蛋糕”？普陀区司法局2026年面向中小企业预留的政府采购金额和其中给小微企业的金额分别是多少万元？",
        [1486.42, 1486.42],
    ),
    ("dapeng", "三公经费多少？大鹏数据局2022年公务接待费多少万元？", [10, 2]),
    ("dapeng", "深圳市大鹏新区政务服务数据管理局2022年部门预算“部门预算支出具体情况”部分，公用支出是多少万元？", 345),
    ("finance", "上海市普陀区财政局2024年度部门决算“收入支出决算总体情况说明”部分，本年收入合计是多少万元？", 2946.25),
    (
        "dapeng",
        "就基本支出与项目支出的结构而言，大鹏新区政务服务数据管理局2022年一般公共预算支出中基本支出和项目支出各为多少万元？",
        [1239, 4644],
    ),
    ("wanli", "从支出结构来看，万里街道2024年基本支出和项目支出各是多少元？", [99706020, 56505103]),
    (
        "finance",
        "普陀区财政局2024年面向中小企业预留的政府采购项目预算金额，以及面向小微企业预留的金额，分别是多少万元？",
        [246.47, 0],
    ),
    (
        "wanli",
        "万里街道2024年面向中小企业预留的政府采购项目预算金额，以及面向小微企业预留的金额，分别是多少万元？",
        [664.98, 465.49],
    ),
]


@pytest.mark.parametrize(("doc", "question", "expected"), CASES)
def test_pass_41_questions_get_the_documents_figure(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, expected: Expected
) -> None:
    assert_figures(qa.ask(question, doc=ids[doc]), expected)


@pytest.mark.parametrize(
    "question", ["福利院2024年车子的运行费用一年多少万元？", "福利院2024年公家的车，养车跑车那个钱预算多少元？"]
)
def test_a_units_own_row_for_car_running_is_cited_beside_the_三公_figure(
    qa: Assistant, ids: dict[str, str], question: str
) -> None:
    """The 福利院 prints its car running as an economic row of its own (302 10 车辆运行费 64,000) and as the 三公 figure
    (公务用车运行费6.40万元): one money, so an answer cites both, whichever the asker had read."""
    answer = qa.ask(question, doc=ids["welfare"])
    quotes = " ".join(c.quote for c in answer.citations)
    assert answer.value is not None and "车辆运行费" in quotes and "公务用车运行费" in quotes


@pytest.mark.parametrize(
    ("doc", "question", "row"),
    [
        ("wanli", "万里街道2024年公益性岗位补贴预算多少元？", "208 07 05 公益性岗位补贴 4,212,300 4,212,300"),
        ("justice", "司法局2026年其他司法支出预算多少元？", "204 06 99 其他司法支出 38454900.00 38454900.00"),
    ],
)
def test_a_budgets_income_table_row_printing_the_figure_is_cited_too(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, row: str
) -> None:
    """A 部门预算's 收入预算总表 prints each 科目 with the income that pays for it: the same figure as the spending
    tables, one more place a reader may have read it (writers quote it); cited beside them."""
    answer = qa.ask(question, doc=ids[doc])
    assert any(c.quote.startswith(row) for c in answer.citations), [c.quote for c in answer.citations]


def test_a_finals_income_row_of_another_figure_is_not_cited(qa: Assistant, ids: dict[str, str]) -> None:
    """The 决算's 收入决算表 prints an item's income, another figure than its spending: never cited for it."""
    answer = qa.ask("财政局2024年行政运行支出决算数是多少万元？", doc=ids["finance"])
    assert answer.value is not None and not any("收入决算表" in c.locator for c in answer.citations)


@pytest.mark.parametrize(
    ("clause", "joined"),
    [
        ("面向中小企业预留的政府采购项目预算金额,面向小微企业预留的金额,分别是多少万元?", True),
        ("行政运行支出,城管执法支出,分别是多少元?", True),
        ("福利院的三公经费,今年(2024年)预算和去年(2023年)预算各是多少万元?", False),  # columns of one item
        ("司法局2026年政府采购预算中,货物和工程各是多少万元?", False),  # a container
        ("2026年普陀区司法局的政府采购预算,分货物、工程、服务三块的话各是多少万元?", False),  # its parts
    ],
)
def test_an_item_said_before_a_comma_is_listed_only_with_one_said_alike(clause: str, joined: bool) -> None:
    assert (_joined_after_comma(clause) != clause) is joined
