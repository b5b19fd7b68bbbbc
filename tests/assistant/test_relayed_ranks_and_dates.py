"""Engine pass 37 (dev sets v94: an exam candidate, per-head figures, the largest and smallest rows, English words
mixed in; v95: a veteran, a contractor, A + B checked against a total, the year before; v96: the income side, office
costs, a column's share, a wrong table named first; v97: community work, 亿元 and signed changes, text against table,
a grandmother dictating to a grandchild), each rule on two documents where the corpus has two, through the real
Assistant:

- a change asked in per cent (`变化是多少%`) and `增长幅度`/`下降幅度` ask the rate (the amount had been given);
- a claim in Chinese numerals of points (`少了大约两个百分点`) names no item, and the rate the document states is read
  (one computed from rounded figures had been given, 0.01 off);
- what the asker wants to see, closed by a colon (`作为人大代表我想看看…收入结构：`), names no item of the questions
  after it (the first had been declined);
- a question relayed for someone (`孩子，你帮奶奶问问，`, `奶奶就是想知道`) and the name the asker half remembers
  (`…那一项，好像叫行政单位离退休的，`): no item words, and the name;
- items listed with the figures the asker read, then added (`A 895万元、B 345万元，这两项加起来`; `A是421,800元，再加上B，
  两项合起来`; `我把这两项加起来想核对一下`): the items' sum from the document;
- a place in the order said as a ranking (`排第二`, `排第三`) and the level asked by `哪一类` against a count said before
  it (`按“类”分的那九项中哪一类最少`); the winner's amount asked again in a unit (`金额折合多少万元`);
- examples before a generic word and a name (`包含水电费、物业管理费这些日常开销的“公用支出”`): the name;
- a relative year glossed in brackets (`截至去年（2025年）8月31日`) and a count asked at `截至去年…`: the date in the year
  before the document's, so `截至去年底` asked of a 2024 决算 counting at 2024-12-31 is declined, never answered with
  that count;
- a premise figure averaged (`人员支出是895万元，按…实有在编人数合计来摊，人均`): the premise's item;
- `X的A和B都写了，请用B减去A，算出差额`: X's difference;
- `X换算成亿元是多少？比上年增加了多少万元？`: two questions, each in its own unit (the first had been lost);
- `，请据此…` after a sentence stating a change closes that sentence;
- a sentence about the asker before a hearsay claim, when the claim names a project or an affair with its money
  (`大厅运营事务的预算`): the claim's item, not the sentence's words;
- `我们习惯用亿元`: the unit asked; a unit asked right after a question another clause follows
  (`…加起来是多少？请换算成万元、保留两位小数，看看是不是等于…`): that question's;
- a name said without the 性 of its qualifier (`公益岗位补贴`): the printed 公益性岗位补贴 (a name of five characters at
  least once without it); `政府基金` is the 政府性基金 (the 财政拨款支出 total had been given, a wrong number);
- a row's list number copied with its label (`“1. 事业收入”`) is no part of its name;
- after blind set 34's one measurement (49 / 60 on 7e16f1d): a sentence about the asker never runs past a colon (`我在核…
  总表：功能分类212类01款01项“行政运行”这一行，“项目支出”列`: the department's 项目支出 had been given, a wrong
  number); a 项 printed under many 款 said in brackets after its 款 (`宣传事务（一般行政管理事务）`: another 款's row had
  been given, a wrong number); a claimed rate, then a check or a doubt (`是这样吗？`, `是不是看错了？`, `感觉小数点不对。`)
  and `请核实一下，文件里写的增长率`: the stated rate; `X这一项涨得很猛。请告诉我：…？…？`: X leads each question.
"""

from __future__ import annotations

import pytest

from assistant.analyze import analyze
from assistant.assistant import Assistant
from tests.assistant.support import Expected, assert_figures

CASES: list[tuple[str, str, Expected]] = [
    ("justice", "司法局2026年“司法（款）行政运行（项）”跟2025年预算执行数相比，变化是多少%？", -1.07),
    ("wanli", "万里街道2024年城乡社区环境卫生比2023年执行数变化是多少%？", -27.81),
    ("justice", "2026年行政单位离退休比2025年执行数少了大约两个百分点，请核实具体的变动比例。", -2.21),
    ("welfare", "福利院2024年社会福利事业单位比2023年执行数增加了大约四个百分点，请核实具体的增幅。", 3.84),
    ("wanli", "万里街道2024年住房公积金比2023年执行数增加了大约一个百分点，准确是多少？", 0.53),
    ("finance", "我记得财政局2024年收入支出总计比2023年下降了2%左右，请核实准确的下降幅度。", -1.87),
    ("justice", "司法局2026年财政拨款收入比上年增加了大约9%，请核实准确的增长幅度。", 8.98),
    ("justice", "作为人大代表我想看看普陀区司法局2026年收入结构：事业收入是多少万元？其他收入是多少万元？", [0, 0]),
    (
        "welfare",
        "我是区人大代表，想搞清楚普陀区社会福利院2024年1,212.12万元收入预算的构成：财政拨款收入多少万元？事业收入多少万元？",
        [950.12, 262],
    ),
    (
        "justice",
        "孩子啊，你帮奶奶看看，那个，普陀区司法局2026年的预算，就是给他们局里已经退休的老干部发钱的那一项，好像叫行政单位离退休的，那个，奶奶就是想知道安排了多少万元呀？",
        57.8,
    ),
    ("wanli", "孩子，你帮爷爷问问，万里街道2024年城乡社区环境卫生安排了多少元？", 5993300),
    ("welfare", "福利院2024年给退休职工发钱的那一项，好像叫退休费的，安排了多少元？", 421800),
    ("dapeng", "大鹏数据局2022年人员支出895万元、公用支出345万元，这两项加起来是多少万元？", 1240),
    ("welfare", "福利院2024年水费60,000元、电费320,000元，这两项加起来是多少元？", 380000),
    ("welfare", "福利院2024年退休费是421,800元，再加上事业单位离退休人员福利费，两项合起来是多少元？", 538440),
    ("wanli", "万里街道2024年水费是277,500元，再加上电费，两项合起来是多少元？", 557500),
    (
        "dapeng",
        "大鹏数据局2022年第三部分说人员支出895万元、公用支出345万元，我把这两项加起来想核对一下，到底是多少万元？",
        1240,
    ),
    (
        "wanli",
        "万里街道2024年一般公共预算基本支出经济分类预算表中，商品和服务支出下面金额排第二的是哪一项？多少元？",
        1090020,
    ),
    ("welfare", "社会福利院2024年“工资福利支出”底下各款，金额排第二的是哪一项？多少元？", 767579),
    ("welfare", "福利院2024年工资福利支出下面金额排第三的是哪一项？多少元？", 758448),
    (
        "wanli",
        "记者想知道：普陀区万里街道办事处2024年财务收支预算总表里，支出按“类”分的那九项中哪一类最少？金额折合多少万元？",
        10,
    ),
    ("justice", "司法局2026年支出功能分类中，哪一类支出最少？金额折合多少万元？", 114.97),
    (
        "justice",
        "我是记者，看普陀区司法局2026年一般公共预算基本支出经济分类预算表，“商品和服务支出”下面各个款里，哪一项金额最少？是多少元？",
        760,
    ),
    (
        "dapeng",
        "大鹏新区政务服务数据管理局2022年部门预算第三部分里，包含水电费、物业管理费、车辆运行维护费、工会经费这些日常开销的“公用支出”一共是多少万元？",
        345,
    ),
    ("justice", "司法局2026年包括办公费、印刷费、水电费这些日常开销的公用经费是多少万元？", 217.83),
    ("justice", "截至去年（2025年）8月31日，普陀区司法局一共有几辆车？", 3),
    ("wanli", "截至去年（2023年）8月31日，万里街道一共有几辆车？", 7),
    ("justice", "截至去年8月31日，普陀区司法局一共有几辆车？", 3),
    ("wanli", "截至去年8月31日，万里街道一共有几辆车？", 7),
    ("finance", "截至去年底，普陀区财政局一共有几辆车？", None),
    (
        "dapeng",
        "大鹏新区政务服务数据管理局2022年人员支出是895万元，按行政编制和事业编制的实有在编人数合计来摊，人均大约多少万元？保留两位小数。",
        40.68,
    ),
    (
        "finance",
        "普陀区财政局2024年决算说明里，一般公共服务支出（类）财政事务（款）行政运行（项）的年初预算和支出决算都写了，请用决算数减去年初预算数，算出差额是多少万元。",
        -48.16,
    ),
    (
        "justice",
        "司法局2026年行政运行的2025年执行数和2026年预算数都写了，请用2026年预算数减去2025年执行数，差额是多少万元？",
        -18.02,
    ),
    ("dapeng", "大鹏数据局2022年部门预算收入换算成亿元是多少？比2021年增加了多少万元？", [0.5883, 601]),
    ("justice", "司法局2026年收入总计换算成亿元是多少？比上年增加了多少万元？", [0.9628, None]),
    (
        "dapeng",
        "大鹏数据局说2022年机关运行经费财政拨款预算比上一年多了不少，请据此帮我算算2021年该局机关运行经费预算是多少万元。",
        53,
    ),
    (
        "dapeng",
        "大鹏数据局说2022年政府投资项目比上一年多了不少，请据此帮我算算2021年政府投资项目预算是多少万元。",
        1425,
    ),
    (
        "dapeng",
        "我在社区经常陪居民去大鹏的行政服务大厅办事，听说大鹏新区政务服务数据管理局2022年大厅运营事务的预算被砍了差不多一半？麻烦查一下和2021年预算比，准确的变动幅度是百分之多少。",
        -51.1,
    ),
    ("justice", "我平时常去社区调解室坐坐，听说普陀区司法局2026年人民调解项目的预算有七百多万？准确是多少万元？", 795),
    (
        "justice",
        "看上海市普陀区司法局2026年部门财务收支预算总表，收入总计是多少？我们习惯用亿元，请换算成亿元、保留四位小数。",
        0.9628,
    ),
    ("welfare", "福利院2024年收入总计是多少？我们习惯用万元。", 1212.12),
    (
        "justice",
        "司法局2026年住房公积金和购房补贴两项加起来是多少？请换算成万元、保留两位小数，看看是不是等于住房保障支出的合计。",
        [452.16, 4521559],
    ),
    ("wanli", "万里街道2024年水费和电费两项加起来是多少？请换算成万元，看看是不是等于56万元。", [55.75, None]),
    ("wanli", "万里街道2024年给托底安置就业困难人员的那些公益岗位发的补贴，预算安排了多少万元？", 421.23),
    ("wanli", "万里街道2024年公益岗位补贴预算多少元？", 4212300),
    ("justice", "司法局2026年政府基金拨款支出是多少元？", 0),
    ("welfare", "福利院2024年政府基金拨款支出是多少元？", 0),
    # after blind set 34's one measurement
    (
        "wanli",
        "我在核万里街道办事处2024年的部门支出预算总表：功能分类212类01款01项“行政运行”这一行，“项目支出”列填的是多少元？",
        250000,
    ),
    (
        "justice",
        "我在核司法局2026年的部门支出预算总表：功能分类204类06款01项“行政运行”这一行，“基本支出”列填的是多少元？",
        16726725.44,
    ),
    ("wanli", "万里街道2024年宣传事务（一般行政管理事务）比2023年执行数增长了百分之几？", -2.98),
    ("finance", "财政局2024年财政事务（行政运行）决算数是多少万元？", 1511.89),
    ("justice", "司法局2026年司法（行政运行）预算是多少万元？", 1672.67),
    (
        "dapeng",
        "我看到一篇报道说大鹏新区政务服务数据管理局2022年机关运行经费比上年只增长了53.6%，感觉小数点不对。请核实一下，文件里写的增长率到底是多少？",
        536,
    ),
    (
        "wanli",
        "听说万里街道2024年住房公积金比2023年执行数增长了5.3%，感觉小数点不对。请核实一下，文件里写的增长率到底是多少？",
        0.53,
    ),
    (
        "justice",
        "我记得普陀区司法局2026年“机关事业单位基本养老保险缴费支出”比2025年执行数只涨了7.66%，是这样吗？请核实准确的增幅。",
        17.66,
    ),
    ("welfare", "我记得福利院2024年社会福利事业单位比2023年执行数只涨了1.84%，是这样吗？请核实准确的增幅。", 3.84),
    (
        "finance",
        "我看到有材料说普陀区财政局2024年机关运行经费比2023年增长了14%，是不是看错了？准确的增长率是多少？",
        1.4,
    ),
    (
        "justice",
        "普陀区司法局2026年“信息化建设”这一项涨得很猛。请告诉我：2025年当年预算执行数是多少万元？2026年预算安排多少万元？比2025年执行数增长了百分之多少？",
        [60.41, 227.88, 277.22],
    ),
    (
        "wanli",
        "万里街道2024年“城乡社区环境卫生”这一项降得很多。请告诉我：2023年当年预算执行数是多少万元？2024年预算安排多少万元？",
        [830.24, 599.33],
    ),
]


@pytest.mark.parametrize(("doc", "question", "expected"), CASES)
def test_pass_37_questions_get_the_documents_figure(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, expected: Expected
) -> None:
    assert_figures(qa.ask(question, doc=ids[doc]), expected)


@pytest.mark.parametrize(
    ("question", "gone"),
    [
        ("普陀区司法局2026年财政拨款收入和上一年度预算比（文中写作“2026年预算”，应是笔误）变动了多少万元？", "笔误"),
        ("万里街道2024年住房公积金比上一年度（原文写成2024年，应为笔误）增加了多少万元？", "笔误"),
        ("普陀区司法局2026年财政拨款收入比上一年度预算变动了多少万元？", "度"),
        ("万里街道2024年城乡社区支出较上一年度增加了多少万元？", "度"),
        ("大鹏数据局2022年收支总表里，单位资金下面的“1. 事业收入”是多少万元？", "1"),
        ("福利院2024年收入预算总表里“3. 其他收入”是多少元？", "3"),
    ],
)
def test_a_typo_remarked_and_the_year_before_name_nothing(question: str, gone: str) -> None:
    assert all(gone not in c for c in analyze(question).content), analyze(question).content
