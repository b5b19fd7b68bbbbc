"""Engine pass 39 (dev sets v102: a people's-congress deputy's review questions, 口径 in brackets; v103: a reporter
checking a draft; v104: residents on a message board, background first; v105: a budget officer by codes and columns),
each rule on two documents, through the real Assistant:

- an earlier year compared with the document's (`2021年的…是不是比今年还多`, `比今年多吗`): the document's change
  turned round (2021年比2022年减少583); after a part asking a year the document does not give, the comparison part is
  declined too (the document year's figure had been given, a number where the document is silent); `今年比它多多少`
  after it compares with that year (比它 is the figure before, not the department);
- a claim written without quotes (`稿子里写…是330万元，对不对？`): the document's figure (a consistency check had been
  given);
- `A+B+C合计多少`: a sum of the items listed; `货物、工程、服务三类预算各是多少`: each, the count naming nothing;
- a bracketed 口径 naming where to read (`（其他相关情况说明口径）`, `（第六部分口径）`) names no item; `（经济分类口径）`
  reads the economic classification (the 公用经费 column had been given, a wrong number);
- `涉及` joins nothing (`编报绩效目标的项目，涉及的项目预算资金一共多少`: not a sum of 涉 and 项目预算);
- `文件里写的` names no item; `同比减少了多少` is a change on the year before, not a difference of two items;
- a sentence of background said first (`我经常去新区行政服务大厅办事。`) goes when the question after it stands on its own,
  and stays when the question refers back to it (`…合计9,584,796元。其中基本支出是多少元？`);
- `看到X跟上年预算比有变化，请问比2023年预算增加或减少了多少`: X's change;
- `政府采购货物预算、工程预算和服务预算各…`: each short item inside the container the first one named;
- `A和B哪个多？A是多少？B是多少？`: the two figures answer the comparison, each its own question (the comparison had
  been read into A's question, which then found no item); `多的那项是多少` after it still leans on it;
- after blind set 36's one measurement (47 / 60 on 0d48581): the reason the asker heard (`说是工作量增加了`, `是因为…增加
  而比2023年预算多了`, `说是因为…的原因变了`) names no item, and `和2023年比起来，…那到底变了多少` asks the change of the
  item said first; `较` compares two items as `比` does (`年末结转和结余较年初结转和结余增加了多少`); a guessed direction
  after the last question (`好像是减少了吧`) asks nothing; examples led by `像`/`比如` in a clause of their own say what
  the item holds; where the asker read it, said with a verb (`在预算编制说明的文字里写的是`, `文字部分说`), names no item;
- found in review: a change or rate between years two apart (`2022年比2020年增加多少`, `2020年的比今年多吗`) is never the
  document's one-year 比上年 change (it had been given, a figure of another pair of years).
"""

from __future__ import annotations

import pytest

from assistant.assistant import Assistant
from assistant.spoken import spoken_read
from tests.assistant.support import Expected, assert_figures

CASES: list[tuple[str, str, Expected]] = [
    ("dapeng", "2021年政府投资项目预算比今年多吗？", -583),
    ("welfare", "2023年福利院财政拨款收入预算是不是比今年还多？", -0.46),
    ("dapeng", "2021年政府投资项目预算是多少？是不是比今年还多？", [1425, -583]),
    ("welfare", "2023年福利院财政拨款收入预算是多少万元？是不是比今年还多？", [949.66, -0.46]),
    (
        "justice",
        "司法局年年搞采购，我就想对比一下：2025年普陀区司法局的政府采购预算是多少万元？是不是比今年还多？",
        None,
    ),
    ("wanli", "2023年万里街道的政府采购预算是多少万元？比今年多吗？", None),
    ("dapeng", "2021年政府投资项目预算是多少？今年比它多多少？", [1425, 583]),
    ("justice", "2025年政府采购预算是多少？今年比它多多少？", None),
    ("dapeng", "稿子里写大鹏新区政务服务数据管理局2022年机关运行经费财政拨款预算是330万元，对不对？", 337),
    ("justice", "稿子里写普陀区司法局2026年政府采购预算是1400万元，对不对？", 1486.42),
    ("wanli", "稿子里写万里街道2024年物业管理费预算是190万元，对吗？按万元保留两位小数给我准确数。", 109.0),
    ("welfare", "核对福利院2024年经济分类表：30101基本工资+30102津贴补贴+30107绩效工资合计多少元？", 4564570),
    ("justice", "司法局2026年基本工资+津贴补贴一共多少万元？", 1586.43),
    (
        "wanli",
        "万里街道2024年政府采购预算1662.44万元中，货物、工程、服务三类预算各是多少万元？",
        [93.98, 815.87, 752.59],
    ),
    ("justice", "司法局2026年政府采购预算中，货物、工程、服务三类预算各是多少万元？", [3.66, 36.44, 1446.32]),
    (
        "wanli",
        "请万里街道办事处说明：2024年政府采购预算（其他相关情况说明口径）中，政府采购货物预算、工程预算和服务预算各为多少万元？",
        [93.98, 815.87, 752.59],
    ),
    ("justice", "普陀区司法局2026年政府采购货物预算、工程预算和服务预算各为多少万元？", [3.66, 36.44, 1446.32]),
    (
        "justice",
        "普陀区司法局2026年基本支出里，单位为在职干部职工缴纳的医保费用（经济分类口径）安排了多少万元？",
        114.97,
    ),
    ("welfare", "福利院2024年基本支出里，单位为职工缴纳的医保费用（经济分类口径）安排了多少万元？", 50.37),
    (
        "dapeng",
        "大鹏新区政务服务数据管理局2022年所有项目支出预算纳入部门预算绩效管理（第六部分口径），涉及的预算资金共计多少万元？",
        4644,
    ),
    ("wanli", "上海普陀万里街道2024年编报绩效目标的项目，涉及的项目预算资金一共多少万元？", 5634.81),
    ("finance", "区财政局2024年编报绩效目标的项目一共涉及预算金额多少万元？", 598.42),
    (
        "wanli",
        "请问万里街道2024年城管执法预算多少万元？文件里写的2023年当年预算执行数又是多少万元？",
        [604.34, 676.66],
    ),
    ("justice", "信息化建设2026年预算多少万元？文件里写的2025年当年预算执行数又是多少万元？", [227.88, 60.41]),
    ("finance", "普陀区财政局2024年收入支出总计同比减少了多少万元？", -56.95),
    ("wanli", "万里街道2024年财政拨款收入同比减少了多少万元？", -876.75),
    (
        "dapeng",
        "您好，我经常去新区行政服务大厅办事。看到大鹏政数局2022年预算里“大厅运营事务”的钱比2021年少了，想问具体减少了多少万元？",
        -326,
    ),
    ("welfare", "我每周去福利院看望老人。普陀区社会福利院2024年事业收入预算是多少万元？", 262),
    (
        "welfare",
        "阅读材料：普陀区社会福利院2024年支出预算总表中，“社会福利事业单位”科目合计9,584,796元。其中基本支出是多少元？",
        6964796,
    ),
    (
        "dapeng",
        "您好，作为关心新区信息化的居民想请教一下：大鹏政数局2022年“信息化运维项目”的预算比2021年预算增长了百分之几？",
        29.1,
    ),
    ("welfare", "您好，看到福利院2024年财政拨款收入跟上年预算比有变化，请问比2023年预算增加或减少了多少万元？", 0.46),
    ("justice", "看到司法局2026年财政拨款收入跟上年预算比有变化，请问比上年增加或减少了多少万元？", 793.14),
    (
        "wanli",
        "万里街道2024年工资福利支出和商品和服务支出哪个多？工资福利支出是多少万元？商品和服务支出是多少万元？",
        [8828.25, 1116.86],
    ),
    (
        "welfare",
        "福利院2024年事业收入和财政拨款收入哪个多？事业收入是多少万元？财政拨款收入是多少万元？",
        [262, 950.12],
    ),
    (
        "welfare",
        "上海市普陀区社会福利院2024年绩效工资和基本工资哪个多？多的那项是多少元，多出多少元？",
        [3580522, 2822074],
    ),
    (
        "wanli",
        "万里街道2024年财政拨款收入和2023年比起来，说是因为项目调整变了，那到底变了多少万元？",
        -876.75,
    ),
    ("dapeng", "大鹏数据局2022年大厅运营事务比上一年预算少了一些，说是房租转到基本支出了，到底少了多少万元？", -326),
    (
        "welfare",
        "普陀区社会福利院2024年的财政拨款收入，说明里讲是因为退休人员活动费增加而比2023年预算多了，那到底多了多少万元？",
        0.46,
    ),
    ("finance", "普陀区财政局2024年度年末结转和结余较年初结转和结余增加了多少万元？", 6.2),
    ("wanli", "万里街道2024年人员经费较公用经费多了多少万元？", 7736.89),
    (
        "wanli",
        "我家住在万里街道，想问问街道城管执法这一块，2024年预算安排了多少万元？2023年当年实际执行了多少万元？好像是减少了吧。",
        [604.34, 676.66],
    ),
    (
        "justice",
        "司法局信息化建设2026年预算安排了多少万元？2025年当年实际执行了多少万元？好像是增加了吧。",
        [227.88, 60.41],
    ),
    ("welfare", "福利院2024年的公用经费，像水费、电费、物业管理费这些，一共安排了多少元？", 2120950),
    ("justice", "司法局2026年的商品和服务支出，比如办公费、印刷费之类的，一共是多少万元？", 214.17),
    ("welfare", "普陀区社会福利院2024年给在职职工缴住房公积金的钱，在预算编制说明的文字里写的是安排多少万元？", 33.58),
    (
        "dapeng",
        "我在看大鹏数据局2022年的部门预算，文字部分说预算里除了人员支出，还有一块“公用支出”，像水电费、物业管理费这些，这块一共是多少万元啊？",
        345,
    ),
    ("dapeng", "2022年政府投资项目预算比2020年增加多少？", None),
    ("dapeng", "2020年政府投资项目预算比今年多吗？", None),
    ("dapeng", "2022年政府投资项目预算比2020年增长了百分之几？", None),
    ("wanli", "万里街道2024年财政拨款收入比2022年下降了百分之几？", None),
    ("wanli", "万里街道2024年财政拨款收入比2023年预算减少了多少万元？", -876.75),
]


@pytest.mark.parametrize(("doc", "question", "expected"), CASES)
def test_pass_39_questions_get_the_documents_figure(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, expected: Expected
) -> None:
    assert_figures(qa.ask(question, doc=ids[doc]), expected)


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("我经常去大厅办事。大鹏数据局2022年公用经费是多少?", "大鹏数据局2022年公用经费是多少?"),
        ("我每周去福利院。福利院2024年事业收入是多少?", "福利院2024年事业收入是多少?"),
        ("科目合计9,584,796元。其中基本支出是多少元?", "科目合计9,584,796元。其中基本支出是多少元?"),  # 其中: back
        ("这种名目!万里街道2024年这一项是多少?", "这种名目!万里街道2024年这一项是多少?"),  # 这一项: back
        ("公用经费是多少?", "公用经费是多少?"),
    ],
)
def test_background_said_first_goes_only_when_the_question_stands_alone(said: str, read: str) -> None:
    assert spoken_read(said) == read
