"""Engine pass 34, each rule on two documents, through the real Assistant:

- a row named in a lead by its level (`“司法”这一款：`, `“公共法律服务”这一项：`) is the row of every column asked after
  it, as `一行` is (the 基本支出 and 项目支出 had been the department's: wrong numbers);
- a row named as a topic before its columns alone (`城乡社区支出：基本支出、项目支出各是多少`) stays the row;
- a container said once for two items inside a list (`合计、基本支出里的人员经费和公用经费、项目支出`) holds each of them;
  where the table prints no such column for the row, each says so (never the department's total);
- the department's running (`日常运转`, its 基本支出) said after another thing (`大厅日常运转`, `社区服务中心日常运转`) is
  that thing's running: never the 基本支出 (a wrong number); after the department or an upkeep verb it still is.

Then dev sets v82 (a residents' group member, a county budget clerk, a civics teacher, a lawyer) and v83 (a congress
staffer, a supplier's salesperson, a retiree, a statistics student):
- a claim heard in a group chat (`业主群里有人转了一张截图，说…`, `群里有人说…`, `有人贴图说…`), then `这个数对吗？` and
  the question: the question, of the claim's item (`这一项` the claim's, a change asked of it too);
- a talk's lead (`给高一学生讲政府采购，拿…举例：`, `以…为例：`) asks nothing;
- `同一行的X` in a later question is X of the row asked before (never the department's X: a wrong number);
- a question naming only a table (`…一般公共预算财政拨款支出决算表里是多少？`) asks the item before in that table, and a
  table named in a lead never takes the lead's words before a colon;
- a sum asked as an instruction (`请把A、B、C三项加起来，换算成万元，保留两位小数。`) is the sum, never a consistency
  check; `再告诉我三项加起来一共多少`, `再帮我算一下这三项合计多少` add the items asked before (never the last one
  alone, nor 三公经费 for 三项: wrong numbers);
- a 款 named with its code before its parts (`城乡社区管理事务（212 01款）下面的行政运行、…`) holds each part, the sum
  of them too (never the 款's own total: a wrong number);
- `按人头算每人一年的X` asks X per person: with no head count named, no figure (the total had been given: a wrong
  number); an average over the 实有在编人数 divides by every group's, as a count of them answers;
- a bracket explaining everyday words by a term after 的 (`买房用的钱（就是单位给交的住房公积金）`) names that term (an
  item's name, never a stage: `全年预算数（即年初预算经年中调整后的预算数）` is no 年初预算);
- what the document's sentences say an item pays for, asked with the department's own name and an example of the kind of
  organisation paid (`财政局请会计师事务所这类中介机构做各类审计和绩效评价的那笔钱`), is that item;
- `X是多少万元、Y又是多少万元`: two questions;
- `服务类下面“C99 其他服务”这个品目`: the 品目 named (Dapeng is the one document printing a 品目 table);
- `两张表相差多少` after the same item asked in two tables: the gap between the two figures;
- the share of a purchase reserved for small suppliers (`面向中小企业预留的采购份额`) is never the whole 政府采购 where
  the document prints no such share (a wrong number); where it does, that share;
- `A和B两项相加` under a 款 named with its code: A and B (never the 款 for `B两项`).

Then dev sets v84 (a delivery rider, an accountant, a headline writer, a procurement officer) and v85 (a parent, a
public-finance lecturer, a social-media poster, a disability-rights volunteer):
- a rate remembered after a stated figure (`…2995.39万元，我记得比2023年降了2%左右，准确的降幅是多少`, `我印象中…涨了5%
  左右？`, `涨了大概一成？`) asks that figure's item's rate;
- what is left out, however long (`除去机关事业单位基本养老保险缴费支出和职业年金缴费这两项，剩下A和B两项合计`), is
  left out (the two left out had been summed: a wrong number);
- words describing an item before it is named (`…材料里说大厅那块要“…”，这个大厅运营事务`): a later clause leans on the
  item named;
- the document's own purpose sentence quoted (`说明里写着某一项“主要用于…”，这一项…`) reads the item it describes, also
  when a reading by name found nothing;
- `X是不是25万元？Y是多少万元？`: two questions when each names its item (the first had been lost);
- `靠自己收费得来的事业收入`: how an income is got describes it (a term among the means, 靠财政拨款得来的收入, names it);
- a lecture's lead (`讲“类等于各款之和”时想用…做例子：`) asks nothing;
- `水电费、物业管理费、车辆运行这些日常公用支出`: examples of the term named after them (日常 says what 公用 is);
- `其中A是多少？另外货物类的政府采购预算又是多少`: a later question naming its own whole is no part of A's.

After blind set 31's one measurement (its classes made general rules, so it is no longer blind for them):
- who asks (`我刚进普陀区司法局，`, `我刚调到万里街道，`) and the department said as a place (`局里`, `街道里`, `院里`, after a
  date too: `截至2021年10月，局里一共有几辆车`) name no item and no other organisation;
- a claim from a press release or a report (`新闻稿里写“…1468.42万元”，麻烦对一下原文，准确数字是多少`, `报道称…比2023年
  减少了61.34万元，请核实准确的减少额`, `有报道称…，这个数字对吗？准确的变化额是多少`): the document's own figure, of the
  claim's item (the item's amount had been given for its change: a wrong number); `减少额`, `增加额` ask a change;
- a national name holding 的 (`对个人和家庭的补助支出`) is one item of a list, its 的 no head shared by the others;
- a code in brackets (`对个人和家庭的补助（303类）占基本支出的比重`) is the code of the name before it;
- a container's total never answers a national item named after it that the document does not print (`一般公共预算
  基本支出，资本性支出是多少`: a wrong number);
- `人员支出895万元，如果按…实有在编人数合计来平均，每人大概多少`: the amount said before the head count (Dapeng is the
  one document printing 编制).

Found in review: `公共安全支出下的司法` had been answered with the 司法 row's 基本支出 (its total is the 类's, so the row was
taken for a column asked in another table: a wrong number); a row named under the 类 is never taken so.
- what is usually so, said after a stated figure (`…行政运行合计16,603,248元，按说行政运行都该是基本支出，可…`), is
  background, and `这一行的项目支出` after it is the stated row's (never the department's: a wrong number).
"""

from __future__ import annotations

import pytest

from assistant.assistant import Assistant
from tests.assistant.support import Expected, assert_figures

CASES = [
    (
        "justice",
        "司法局2026年支出预算总表里“司法”这一款：合计、基本支出、项目支出，分别是多少元？",
        [87267272.44, 16726725.44, 70540547],
    ),
    (
        "wanli",
        "万里街道2024年功能分类预算表里“城乡社区管理事务”这一款：合计、基本支出、项目支出，分别是多少元？",
        [94450003, 76609000, 17841003],
    ),
    (
        "justice",
        "司法局2026年功能分类预算表里“公共法律服务”这一项：合计、基本支出、项目支出，分别是多少元？",
        [6860000, 0, 6860000],
    ),
    ("wanli", "城乡社区支出：基本支出、项目支出各是多少元？", [76609000, 42776303]),
    ("finance", "财政局2024年“财政事务”这一款：基本支出、项目支出各多少万元？", [1503.52, 603.14]),
    (
        "welfare",
        "请核对普陀区社会福利院2024年财务收支预算总表中“社会保障和就业支出”一行：合计、基本支出里的人员经费和公用经费、"
        "项目支出，分别是多少元？",
        [11281624, 6540674, 2120950, 2620000],
    ),
    (
        "finance",
        "财政局2024年支出决算表中“财政事务”一行：合计、基本支出里的人员经费和公用经费、项目支出，分别是多少万元？",
        [2106.66, None, None, 603.14],
    ),
    ("dapeng", "大鹏数据局2022年给大厅日常运转安排的项目钱是多少万元？", None),
    ("wanli", "万里街道2024年社区服务中心日常运转的钱有多少？", None),
    ("dapeng", "大鹏数据局2022年维持日常运转的钱是多少万元？", 1239),
    ("wanli", "万里街道2024年街道日常运转的钱有多少元？", 99706020),
]

CASES += [
    (
        "dapeng",
        "业主群里有人转了一张截图，说大鹏新区政务服务数据管理局2022年光买笔记本电脑就预算了60万元，这个数对吗？"
        "政府采购项目支出表里“便携式计算机”那一行到底是多少万元？",
        6,
    ),
    (
        "wanli",
        "业主群里有人贴图说万里街道2024年财政拨款比2023年预算少了八千多万，这个数对吗？到底减少了多少万元？",
        -876.75,
    ),
    (
        "finance",
        "群里有人说区财政局2024年决算光“福利费”就花了四百多万，这个数对吗？一般公共预算财政拨款基本支出决算表里福利费"
        "到底是多少万元？",
        42.77,
    ),
    (
        "dapeng",
        "群里有人说大鹏数据局2022年“信息技术服务”这块比2021年预算砍了七百多万，这个数对吗？到底比2021年预算少了多少万元？",
        -73,
    ),
    (
        "justice",
        "业主群里有人说普陀区司法局2026年光“其他交通费用”就要花四百九十多万元，这个数对吗？基本支出经济分类预算表里这一项"
        "到底是多少元？",
        495280,
    ),
    (
        "finance",
        "上海市普陀区财政局2024年度部门决算中，财政事务（款）行政运行（项）的全年预算数（即年初预算经年中调整后的预算数）"
        "是多少万元？",
        None,
    ),
    (
        "dapeng",
        "给高一学生讲政府采购，拿大鹏新区政务服务数据管理局2022年举例：政府采购预算一共457万元，其中服务采购是多少万元？"
        "服务采购占全部政府采购预算的百分之几（保留两位小数）？",
        [451, 98.69],
    ),
    (
        "welfare",
        "给初中学生讲政府采购，以普陀区社会福利院2024年为例：政府采购预算一共多少万元？",
        120.6,
    ),
    (
        "welfare",
        "区预算股核对福利院2024年预算：收入预算总表里208 10 05社会福利事业单位的合计是多少元？同一行的财政拨款收入"
        "（也就是一般公共预算支出功能分类表里的数）是多少元？两者相差多少元？",
        [9584796, 6964796, 2620000],
    ),
    (
        "wanli",
        "万里街道2024年支出预算总表里城乡社区管理事务的合计是多少元？同一行的项目支出是多少元？",
        [94450003, 17841003],
    ),
    (
        "finance",
        "对账发现普陀区财政局2024年决算里“社会保障和就业支出”两处数字不一样：收入支出决算总表里是多少万元？"
        "一般公共预算财政拨款支出决算表（按功能分类）里是多少万元？两者相差多少万元？",
        [326.71, 326.72, 0.01],
    ),
    (
        "justice",
        "司法局2026年公共法律服务在支出预算总表里是多少元？一般公共预算支出功能分类预算表里是多少元？",
        [6860000, 6860000],
    ),
    (
        "welfare",
        "请把普陀区社会福利院2024年基本支出经济分类表里的机关事业单位基本养老保险费、职业年金缴费、职工基本医疗保险缴费"
        "三项加起来，换算成万元，保留两位小数。",
        165.51,
    ),
    (
        "justice",
        "请把普陀区司法局2026年机关事业单位基本养老保险缴费支出和职业年金缴费支出两项加起来，换算成万元。",
        275.92,
    ),
    (
        "dapeng",
        "请按一般公共预算支出表（按功能分类），把“行政运行”“一般行政管理事务”“其他政府办公厅（室）及相关机构事务支出”"
        "这三项分别是多少万元列出来，再告诉我三项加起来一共多少万元？",
        [849, 1461, 315, 2625],
    ),
    (
        "wanli",
        "麻烦按万里街道2024年部门收入预算总表，把城乡社区管理事务（212 01款）下面的行政运行、一般行政管理事务、城管执法"
        "三项各是多少元列出来，再帮我算一下这三项合计多少元。",
        [16603248, 17591003, 6043390, 40237641],
    ),
    ("justice", "司法（204 06款）下面的行政运行、公共法律服务加起来是多少元？", 23586725.44),
    ("finance", "普陀区财政局现在有多少名退休人员？按人头算每人一年的退休费大概多少万元？", [None, None]),
    ("dapeng", "大鹏数据局2022年人员支出按实有在编人数平均，每人多少万元？", 40.68),
    (
        "dapeng",
        "大鹏新区那个管政务数据的局，2022年帮在职职工每月存的那笔“买房用的钱”（就是单位给交的住房公积金），一年预算了多少万元？",
        106,
    ),
    ("welfare", "福利院2024年给职工存的买房钱（就是单位给交的住房公积金），一年预算了多少元？", 335816),
    ("finance", "财政局请会计师事务所这类中介机构做各类审计和绩效评价的那笔钱，2024年决算实际花了多少万元？", 449.52),
    (
        "justice",
        "普陀区司法局购买人民调解服务、委托区人民调解协会提供专业服务的那笔钱，2026年预算多少万元？",
        795,
    ),
    (
        "dapeng",
        "麻烦查一下深圳大鹏新区政务服务数据管理局2022年的政府采购情况：工程类采购安排了多少万元？支出总表里“面向中小企业"
        "政府采购项目”是多少万元、“面向小型、微型企业政府采购项目”又是多少万元？",
        [0, 457, 0],
    ),
    ("welfare", "福利院2024年住房公积金是多少元、事业单位医疗又是多少元？", [335816, 503724]),
    (
        "dapeng",
        "大鹏新区政务服务数据管理局2022年政府采购项目支出表里，服务类下面“C99 其他服务”这个品目一共安排了多少万元？",
        348,
    ),
    (
        "justice",
        "司法局2026年“三公”经费表里公务用车运行费是多少元？基本支出经济分类预算表里公务用车运行维护费是多少元？"
        "两张表相差多少元？",
        [99800, 99750, 50],
    ),
    (
        "finance",
        "财政局2024年收入支出决算总表里社会保障和就业支出是多少万元？一般公共预算财政拨款支出决算表里是多少万元？"
        "两张表相差多少万元？",
        [326.71, 326.72, 0.01],
    ),
    (
        "wanli",
        "核对万里街道2024年部门预算：支出预算总表里212 01 01行政运行合计16,603,248元，按说行政运行都该是基本支出，"
        "可这一行“项目支出”那一列却不是0，是多少元？",
        250000,
    ),
    ("justice", "司法局2026年行政运行合计16,726,725.44元，按说行政运行都该是基本支出，可这一行的项目支出是多少元？", 0),
    (
        "welfare",
        "普陀区社会福利院2024年政府采购预算中，服务类采购预算是多少万元？面向中小企业预留的采购份额又是多少万元？",
        [120.6, None],
    ),
    ("wanli", "万里街道2024年面向中小企业预留的政府采购项目预算多少万元？", 664.98),
    ("dapeng", "大鹏数据局2022年面向中小企业的政府采购项目是多少万元？", 457),
    ("wanli", "万里街道2024年的采购预算里，专门留给小微企业的有多少万元？", 465.49),
    (
        "justice",
        "普陀区司法局2026年面向中小企业预留的政府采购项目预算是多少万元？其中留给小微企业的是多少万元？",
        [1486.42, 1486.42],
    ),
    (
        "welfare",
        "福利院2024年收入预算里事业收入占大头吗？事业收入占收入预算总额的比重是多少（保留两位小数）？",
        21.62,
    ),
    (
        "justice",
        "表5 一般公共预算支出功能分类预算表：221类02款 住房改革支出 下的 住房公积金 和 购房补贴 两项相加是多少元？",
        4521559,
    ),
]

CASES += [
    ("finance", "普陀区财政局2024年收入支出总计2995.39万元，我记得比2023年降了2%左右，准确的降幅是多少？", -1.87),
    ("justice", "普陀区司法局普法宣传2026年安排124.29万元，我记得比2025年执行数涨了差不多5%，准确的增幅是多少？", 4.92),
    (
        "wanli",
        "万里街道2024年公益性岗位补贴安排了421.23万元，我记得比2023年执行数涨了大概一成？请核实准确的增幅是多少。",
        8.12,
    ),
    (
        "welfare",
        "普陀区社会福利院“社会福利事业单位”这一项2024年安排738.66万元，我印象中比2023年执行数涨了5%左右？准确是增长多少？",
        3.84,
    ),
    (
        "finance",
        "普陀区财政局2024年决算中，208类下05款行政事业单位养老支出326.72万元分为四个项。除去基本养老保险缴费和职业年金"
        "缴费这两项，剩下“行政单位离退休”和“其他行政事业单位养老支出”两项合计多少万元？",
        85.59,
    ),
    (
        "welfare",
        "福利院2024年行政事业单位养老支出下，除去机关事业单位基本养老保险缴费支出和职业年金缴费这两项，剩下“事业单位离退休”"
        "和“其他行政事业单位养老支出”两项合计多少元？",
        545460,
    ),
    (
        "dapeng",
        "我看大鹏数据局的材料里说大厅那块要“组织开展培训，提供业务人员的办事能力”，这个大厅运营事务2022年一共安排了多少万元？"
        "跟2021年预算比变了多少万元？",
        [312, -326],
    ),
    (
        "welfare",
        "福利院预算说明里写着某一项“主要用于事业单位退休人员福利费和生活补贴”，这一项2024年安排了多少万元？",
        53.84,
    ),
    (
        "justice",
        "司法局预算说明里有一项写着“主要用于人民调解、医患纠纷、社区矫正和安置帮教等工作支出”，这一项2026年预算安排了多少万元？",
        2170.39,
    ),
    (
        "wanli",
        "万里街道2024年“三公”经费47.91万元，听说是因为要买新公车。买车的钱是不是25万元？公车日常运行费是多少万元？"
        "因公出国（境）费又是多少万元？",
        [25, 21.56, 0],
    ),
    ("welfare", "福利院2024年公务接待费是不是1万元？公务用车运行费是多少万元？", [0, 6.4]),
    ("welfare", "2024年“社会福利事业单位”这一项里，靠自己收费得来的事业收入是多少元？", 2620000),
    ("welfare", "福利院2024年靠自己提供服务取得的事业收入预算是多少万元？", 262),
    ("wanli", "万里街道2024年靠财政拨款得来的收入是多少万元？", 15621.11),
    (
        "wanli",
        "讲“类等于各款之和”时想用万里街道2024年的221类住房保障支出（合计8,882,399元）做例子：它下面02款住房改革支出和03款"
        "城乡社区住宅各是多少元？",
        [6705199, 2177200],
    ),
    (
        "welfare",
        "讲类款项的时候想用普陀区社会福利院2024年的例子：208类下面05款行政事业单位养老支出是多少元？",
        1696828,
    ),
    (
        "dapeng",
        "大鹏数据局2022年总预算5,883万元，里面水电费、物业管理费、车辆运行这些日常公用支出一共安排了多少万元？",
        345,
    ),
    ("wanli", "万里街道2024年水电费、物业管理费、公车运行这些日常公用经费一共安排了多少元？", 11168569),
    (
        "justice",
        "麻烦查一下：普陀区司法局2026年面向中小企业预留的政府采购项目预算是多少万元？其中留给小型和微型企业的是多少万元？"
        "另外货物类的政府采购预算又是多少万元？",
        [1486.42, 1486.42, 3.66],
    ),
    (
        "wanli",
        "万里街道2024年面向中小企业预留的政府采购项目预算是多少万元？其中预留给小型和微型企业的是多少万元？另外货物类的"
        "政府采购预算又是多少万元？",
        [664.98, 465.49, 93.98],
    ),
]


@pytest.mark.parametrize(("doc", "question", "expected"), CASES)
def test_pass_34_questions_get_the_documents_figure(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, expected: Expected
) -> None:
    assert_figures(qa.ask(question, doc=ids[doc]), expected)


CASES += [
    ("justice", "我刚进普陀区司法局，局里2026年公务接待费安排了多少万元？", 0.83),
    ("wanli", "我刚调到万里街道，街道里一共有几辆车？", 7),
    ("dapeng", "我是大鹏新区政务服务数据管理局新来的同事，想问下截至2021年10月，局里一共有几辆车？", 2),
    ("welfare", "院里一共有几辆车？", 2),
    (
        "justice",
        "新闻稿里写“普陀区司法局2026年政府采购预算1468.42万元”，麻烦对一下原文，准确数字是多少万元？",
        1486.42,
    ),
    ("welfare", "新闻稿里写“福利院2024年政府采购预算126.6万元”，麻烦对一下原文，准确数字是多少万元？", 120.6),
    (
        "finance",
        "报道称普陀区财政局2024年一般公共预算财政拨款支出比2023年减少了61.34万元，请核实准确的减少额。",
        -63.14,
    ),
    ("justice", "报道称普陀区司法局2026年财政拨款收入比上年增加了739.14万元，请核实准确的增加额。", 793.14),
    (
        "wanli",
        "有报道称万里街道办事处2024年财政拨款收入比2023年预算减少了867.75万元，这个数字对吗？准确的变化额是多少？",
        -876.75,
    ),
    (
        "dapeng",
        "从支出的经济性质看，大鹏新区政务服务数据管理局2022年预算5883万元里，人员支出、公用支出、对个人和家庭的补助支出"
        "分别是多少万元？",
        [895, 345, 0],
    ),
    (
        "finance",
        "财政局2024年基本支出决算里，工资福利支出、商品和服务支出、对个人和家庭的补助分别是多少万元？",
        [2082.85, 171.07, 69.41],
    ),
    ("justice", "普陀区司法局2026年对个人和家庭的补助（303类）占基本支出合计的比重是多少？", 1.86),
    ("finance", "财政局2024年对个人和家庭的补助（303类）占基本支出合计的比重是多少？", 2.97),
    (
        "wanli",
        "万里街道办事处2024年一般公共预算基本支出按经济分类看，工资福利支出、商品和服务支出、资本性支出分别是多少元？",
        [88282511, 11168569, None],
    ),
    ("welfare", "福利院2024年一般公共预算基本支出，资本性支出是多少元？", None),
    ("wanli", "功能分类预算表里 212 01 02 一般行政管理事务（不是上面那行行政运行）合计是多少元？", 17591003),
    (
        "finance",
        "财政局2024年度机关运行经费支出是多少万元？按决算说明给出的增加额推算，2023年度机关运行经费是多少万元？",
        [184.65, 182.1],
    ),
    (
        "dapeng",
        "帮我算算：大鹏新区政务服务数据管理局2022年人员支出895万元，如果按行政编制和事业编制的实有在编人数合计来平均，"
        "每人大概多少万元？保留两位小数。",
        40.68,
    ),
]

CASES += [
    ("justice", "司法局2026年公共安全支出下的司法是多少元？", 87267272.44),
    ("finance", "财政局2024年本年支出合计中，基本支出决算是多少万元？", 2336.91),
    ("finance", "财政局2024年本年支出合计中，项目支出决算是多少万元？", 603.14),
    (
        "welfare",
        "普陀区社会福利院2024年预算单位支出预算总表里，卫生健康支出—行政事业单位医疗—事业单位医疗这一项合计多少元？",
        503724,
    ),
]
