"""Engine pass 40 (dev sets v106: a community social worker describing projects; v107: an elderly resident in
everyday words; v108: an audit-office checker; v109: a civics teacher comparing items), each rule on two documents,
through the real Assistant:

- a part is never more than its whole: a share whose whole, as found, is smaller than its part is declined
  (`信息技术服务项目金额占项目预算合计的比重` had been given 172.95 %, the whole found being the 服务 row);
- a name found only inside a longer name of the national classification the question says is not that item:
  `其他一般公共服务支出` is never the 类 一般公共服务支出, `公务用车运行维护费` never 维修（护）费 (each had been given, a wrong
  number);
- a name the question quotes, after words describing it (`负责短信平台…这些的“信息技术服务”项目`), is the item;
- `公车日常加油、维修这类使用开销`: use, like running, is no item of its own; the examples say what is asked;
- a project described by what its table row says it does (重点项目预算绩效情况说明: 大厅运营事务 312 为企业群众提供一门式
  一窗式政务服务…) is read as that project, as one described by its sentence was; a row of figures, or a row whose next
  cell is another column's row label, describes nothing;
- `政府拨给普陀区社会福利院的钱`: what the government allocates is the 财政拨款, and the organisation named after 给 starts
  after it (给 had been taken into the department's name, and the item with it);
- a clause naming no year, after one that names it (`2023年政府采购货物预算是多少？服务的预算多少？`), asks that year too
  (the document's year had been given to the second: a figure of another year than the one asked);
- `决算数较年初预算增减了多少`: 较 compares two columns as 比 does, and 增减/变化 asks their difference (the only 决算
  among the documents holds these columns; two items of it);
- `商品和服务支出里哪一项金额最大？`: the words asking which row are no part of the parent's name (a pattern for where
  the rows sit had been shadowed by another of the same name, so `里` stayed in it);
- a part of the document named first (`人民调解项目经费情况说明中，年度预算安排是多少万元？其中…`) gives its item to the
  first question when that question names none; a later question naming its own no longer takes it away;
- `目标值是百分之多少`, with no word of change in the question, asks a printed percentage, not a rate of change (the
  only document printing indicator targets is Dapeng's; the 决算's 完成率 is read alike);
- `绩效奖金` is the everyday name of the 经济分类's 绩效工资; `买东西`/`干工程`/`搞工程` in a 政府采购 are its 货物 and 工程,
  as `买服务` and `做工程` were;
- `提供各种服务的那部分政府采购`: the part of the item the words name (政府采购服务), never the item's own total (it had
  been given, a wrong number);
- after blind set 37's one measurement: a method said last (`2023年财政拨款收入预算数（万元），据2024年说明的增减额推算。`)
  names no year asked (the 2024 change had been given for the 2023 figure: a figure of another year); `其中服务采购占多少？`,
  a part named with no whole and no word of a share, asks its amount (two blind writers meant so); `政府拨的有多少` is the
  财政拨款; `普及法律`, `法治宣传` are the 普法宣传 of the national classification; `请中介机构搞审计、做绩效评价`: the verbs
  of getting a thing done break a description into its pieces; `X减Y，差额` is a difference.
"""

from __future__ import annotations

import pytest

from assistant.assistant import Assistant
from assistant.described_use import _row_describes
from index.model import Fact, Provenance
from tests.assistant.support import Expected, assert_figures

CASES: list[tuple[str, str, Expected]] = [
    ("dapeng", "信息技术服务项目金额占项目预算合计的比重是多少", None),
    ("wanli", "政府采购预算总额占政府采购服务预算的比重是多少", None),
    ("justice", "人员经费占工资福利支出的比重是多少", None),
    ("welfare", "项目支出占基本支出的比重是多少", 27.58),
    ("wanli", "基本支出占支出合计的比重是多少", 63.83),
    ("dapeng", "其他一般公共服务支出是多少", None),
    ("dapeng", "其他社会保障和就业支出是多少", None),
    ("justice", "其他对个人和家庭的补助是多少", None),
    ("finance", "公务用车运行维护费是多少万元？", None),
    ("justice", "公务用车运行维护费是多少万元？", 9.975),
    (
        "dapeng",
        "大鹏数据局负责短信平台、网络出口、信息安全服务这些的“信息技术服务”项目，2022年一共安排了多少万元？",
        780,
    ),
    ("justice", "专门做人民调解、社区矫正、安置帮教这些的“基层司法业务”，2026年安排了多少元？", 21703947),
    ("welfare", "普陀区社会福利院2024年单位公车日常加油、维修这类使用开销（“三公”经费口径）预算是多少万元？", 6.4),
    ("wanli", "万里街道2024年公车日常加油、维修这类使用开销（“三公”经费口径）预算是多少万元？", 21.56),
    (
        "dapeng",
        "大鹏新区政数局那个保障行政服务大厅窗口运转、给企业群众提供一窗式服务的项目，2022年预算安排了多少万元？",
        312,
    ),
    ("dapeng", "大鹏数据局那个负责开办企业一窗通专窗服务、给新开办企业发大礼包的项目，2022年安排了多少万元？", 624),
    ("welfare", "麻烦告诉我，2024年政府拨给普陀区社会福利院的钱，比2023年的预算多了多少？", 0.46),
    ("wanli", "万里街道2024年政府拨给街道的钱，比2023年的预算少了多少？麻烦告诉我。", -876.75),
    ("welfare", "2023年政府采购货物预算是多少？服务的预算多少？", None),
    ("wanli", "2025年政府采购货物预算是多少？工程的预算多少？", None),
    ("wanli", "2024年政府采购货物预算是多少？政府采购工程预算多少？", [93.98, 815.87]),
    ("justice", "2026年政府采购里，买东西的预算是多少？请施工队搞工程的预算多少？", [3.66, 36.44]),
    ("finance", "麻烦告诉我，采购里买东西花了多少？请人干工程的多少？买服务的又是多少？", [4.79, 0, 246.47]),
    ("finance", "普陀区财政局2024年财政事务行政运行（项）的支出决算数较年初预算增减了多少万元？", -48.16),
    ("finance", "机关事业单位基本养老保险缴费支出的决算数较年初预算增减了多少万元？", -0.87),
    ("welfare", "商品和服务支出里哪一项金额最大？是多少元？", 1206000),
    ("justice", "商品和服务支出里哪一项金额最大？是多少元？", 699435),
    (
        "justice",
        "普陀区司法局人民调解项目经费情况说明中，年度预算安排是多少万元？其中向区人民调解协会购买服务的合同金额是多少万元？",
        [795, None],
    ),
    ("dapeng", "大鹏数据局2022年部门整体支出绩效目标表里，满意度指标“办事群众满意度”的目标值是百分之多少？", 95),
    ("finance", "普陀区财政局2024年一般公共预算财政拨款支出的完成率是百分之多少？", 98.2),
    ("welfare", "给职工发的绩效奖金那部分（按经济分类）预算是多少元？", 3580522),
    ("wanli", "给职工发的绩效奖金那部分（按经济分类）预算是多少元？", 11447100),
    ("justice", "普陀区司法局2026年花钱请外面的单位来提供各种服务的那部分政府采购，预算是多少万元？", 1446.32),
    ("wanli", "万里街道2024年花钱请外面的单位来提供各种服务的那部分政府采购，预算是多少万元？", 752.59),
    ("welfare", "普陀区社会福利院2023年财政拨款收入预算数（万元），据2024年说明的增减额推算。", 949.66),
    ("dapeng", "大鹏数据局2021年政府投资项目预算数（万元），据2022年说明的增减额推算。", 1425),
    ("dapeng", "大鹏数据局2022年政府采购一共多少钱？其中服务采购占多少？", [457, 451]),
    ("wanli", "万里街道2024年政府采购预算一共多少？其中工程类占多少？", [1662.44, 815.87]),
    ("welfare", "福利院2024年收入总计里，事业收入占多少？百分比保留两位小数。", 21.62),
    (
        "welfare",
        "咱们区福利院2024年一共有多少收入？政府拨的有多少，自己收的事业收入又有多少？",
        [12121164, 9501164, 2620000],
    ),
    ("wanli", "万里街道2024年一共有多少收入？政府拨的有多少？", [156211123, 156211123]),
    ("justice", "区司法局2026年拿来给老百姓普及法律知识、搞法治宣传的钱有多少万？", 124.29),
    ("dapeng", "大鹏数据局2022年搞法治宣传的钱有多少？", None),
    ("finance", "财政局2024年花钱请中介机构搞审计、做绩效评价，实际花了多少？", 449.52),
    ("dapeng", "大鹏数据局那个请专家搞信息化项目专家评审、做信息安全工作的项目，2022年安排了多少万元？", 780),
    ("finance", "普陀区财政局2024年决算：2010601行政运行支出决算数减年初预算数，差额（万元）。", -48.16),
    ("welfare", "基本支出减项目支出，差额（元）。", 6881164),
]


@pytest.mark.parametrize(("doc", "question", "expected"), CASES)
def test_pass_40_questions_get_the_documents_figure(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, expected: Expected
) -> None:
    assert_figures(qa.ask(question, doc=ids[doc]), expected)


@pytest.mark.parametrize(
    ("quote", "subject", "describes"),
    [
        (
            "大厅运营事务 312 为企业群众提供一门式一窗式政务服务，确保新区行政服务大厅窗口的顺利运转",
            "大厅运营事务",
            True,
        ),
        ("综合管理事务 526 围绕年度重点工作计划，完成局内部宣传工作，开展特色党建活动", "综合管理事务", True),
        ("信息技术服务 780 780 0 2022.1.1-2022.12.31", "信息技术服务", False),
        ("1. 一般公共预算拨款 5,883 政府办公厅（室）及相关机构事务 2,625", "一般公共预算拨款", False),
        ("深圳市大鹏新区政务服务数据管理局 2021年 10 0 2 8 0 8", "公务接待费", False),
    ],
)
def test_a_table_row_describes_its_item_only_by_a_cell_of_words(quote: str, subject: str, describes: bool) -> None:
    fact = Fact(
        subject=subject, value=1.0, unit="万元", text="1", measure="预算数",
        source=Provenance(doc_id="d", locator="x", quote=quote),
    )  # fmt: skip
    assert _row_describes(fact) is describes
