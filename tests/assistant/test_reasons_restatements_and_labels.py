"""Engine pass 33 (dev set v80: a message-board citizen, a thesis student, a people's-congress deputy, a reporter), each
rule on two documents where the corpus has two, through the real Assistant:

- a figure's digit groups (`96,282,213.44元中`) split no question; a lead closed by a colon (`需要一个比例：`) asks
  nothing of its own, nor does `我在写研究生论文，`;
- why the asker thinks a figure is so (`…下降了1.7%左右，因为部分人员退休。请核实…`, `听说是因为…转进了基本支出。`) is no
  item of the question;
- who asks (`作为人大代表，我想了解`, `我想问问…`) and a restatement after the question (`…？也就是说，…`) ask nothing more;
- `通过…开展的X` and `那块管…的X` describe the X named after them;
- an item described by what its own sections say (`通过与区人民调解协会签订合同…的那个项目`: the sections under the
  heading 人民调解项目经费情况说明) — Justice is the one corpus document whose project has sections headed by its name;
- an organisation's word inside a description the item's sentence holds (`管理服务指挥中心运营`) names no unit;
- `A、B和C三项，分别换算成万元（保留一位小数）是多少`: each of the three;
- `X的年初预算和支出决算相差多少`: two columns of X (Finance is the corpus's one 部门决算);
- `实际在编的事业人员`: the 事业 parent's count, not both kinds' sum (Dapeng is the one document printing 编制);
- one figure printed in a table and a sentence (`机关运行经费`) is never added to itself (a wrong number);
- a code and a name said with their labels (`品目编码C99、名称叫“其他服务”`);
- a change remembered as a round guess (`从2023年执行的1822多万降到了922万多`) is no premise, and
  `相对于2023年预算执行数的准确变动百分比` asks the rate against that base.

Then dev set v81 (a newspaper editor, a finance officer, an intern, a retired accountant):
- a change claimed in percent (`大约降了两个百分点？准确下降了多少？`) asks a rate, never the amount (a wrong unit);
  a claim asked about (`听说…砍了一半？`, `涨了好几倍？`) then `准确下降了百分之多少` asks the claim's item;
- a row named by a 类 code in a lead (`204类“公共安全支出”这一行：合计、基本支出、项目支出各是多少`) is the row of each
  column asked (never the table's 基本支出: a wrong number); `请换算成万元并保留两位小数` asks the unit and rounding;
- `X的年初预算和决算数之间差了多少`: two columns of X (Finance, the one 部门决算);
- `X9628.22万元，这个数是否比上一年预算增加了？增加了多少` asks X's change;
- where the document describes the item (`项目经费情况说明里介绍的`, `编制说明里提到的`) names no item;
- the topic of a talk (`想给居民介绍一下…的政府采购：货物、工程、服务各是多少`) is the whole its listed parts belong to;
  `想一句话概括…：` is a talk lead too;
- `按行政编制和事业编制的实有在编人数合起来算，人均人员支出` after the department and year (Dapeng, the one document
  printing 编制).

After blind set 30's one measurement (its classes made general rules, so it is no longer blind for them):
- where the document describes an item, said with no verb (`项目经费说明里的…新建工程`) or with 写 (`…情况说明里写的`), names
  no item (`地上建筑面积` had been answered with the 规划建筑面积: a wrong number);
- a change stated with its rate guessed (`…比2025年执行数少了大概2%，准确的变动幅度是多少？`) asks that item's rate;
- `对一下…的构成：A、B、C分别是多少` is a request lead;
- a car cost averaged over the cars (`一年下来的运行费摊到每辆车头上`, `按…实有车辆数来算，平均每辆车一年的运行费`) is the
  公务用车运行费 over the vehicles counted, read in the clause or after the vehicles;
- a row named in a lead without its code (`财务收支预算总表中“城乡社区支出”一行：合计、基本支出、项目支出分别是多少`) is the
  row of every column asked (the 基本支出 had been the table's total: a wrong number).
"""

from __future__ import annotations

import pytest

from assistant.assistant import Assistant
from tests.assistant.support import Expected, assert_figures

CASES = [
    # digit groups, a colon lead, a thesis writer
    (
        "justice",
        "我在写研究生论文，需要一个比例：上海市普陀区司法局2026年部门支出预算合计96,282,213.44元中，项目支出占多大比重？"
        "请用百分比表示，保留两位小数。",
        73.26,
    ),
    ("welfare", "我在写一篇调研报告，需要一个比例：福利院2024年基本支出9,501,164元中，人员经费占多少？", 77.68),
    # a reason said after the figure
    (
        "justice",
        "我印象中普陀区司法局2026年“行政运行”（204 06 01）比2025年预算执行数下降了1.7%左右，因为部分人员退休。"
        "请核实准确的变动幅度是多少？",
        -1.07,
    ),
    (
        "welfare",
        "我记得普陀区社会福利院2024年“事业单位离退休”这一项比2023年预算执行数少了大约2%，原因是有退休人员去世。"
        "麻烦核实准确的变动幅度。",
        -1.39,
    ),
    (
        "dapeng",
        "记者提问：大鹏新区政务服务数据管理局2022年“大厅运营事务”只安排了312万元，听说是因为大厅房租、水电、物业费转进了"
        "基本支出。请问这一项比2021年预算少了多少万元？",
        -326,
    ),
    # who asks, a restatement
    (
        "dapeng",
        "作为人大代表，我想了解大鹏新区政务服务数据管理局2022年那个负责短信平台、网络出口费、电子政务外网信息安全服务、"
        "管理服务指挥中心运营，还要租用电信、联通、移动三家运营商出口带宽的项目，一共安排了多少万元？",
        780,
    ),
    (
        "justice",
        "作为区人大代表，我关注普陀区司法局通过与区人民调解协会签订合同、向其购买服务来保障人民调解员专业化职业化建设的"
        "那个项目。这个项目的年度预算安排是多少万元？",
        795,
    ),
    (
        "wanli",
        "您好，我想问问万里街道2024年的公益性岗位补贴，财政安排了多少万元？也就是说，街道给公益岗位人员发的补贴一共多少？",
        421.23,
    ),
    (
        "dapeng",
        "麻烦查一下，贵局2022年部门预算里写的事业编制总数是15人，那实际在编的事业人员有多少人？也就是说，15个事业编制里"
        "实际有多少人在编？",
        13,
    ),
    ("dapeng", "大鹏数据局2022年实际在编的行政人员有多少人？", 9),
    # items listed, then 分别 with the unit request
    (
        "wanli",
        "万里街道2024年基本支出里的水费、电费两项，分别换算成万元是多少？",
        [27.75, 28.0],
    ),
    (
        "justice",
        "请帮我查普陀区司法局2026年基本支出经济分类预算表中的差旅费、会议费和培训费三项，分别换算成万元（保留一位小数）"
        "是多少？",
        [9.5, 0.5, 1.6],
    ),
    # two columns of one item
    (
        "finance",
        "请问普陀区财政局2024年度“一般公共服务支出—财政事务—行政运行”的年初预算和支出决算相差多少万元？",
        48.16,
    ),
    # one figure printed twice
    (
        "justice",
        "普陀区司法局2026年，机关本部和法律援助中心这两家单位的财政拨款机关运行经费预算一共是多少万元？",
        217.83,
    ),
    ("wanli", "万里街道2024年，街道机关和下属事业单位这两家单位的机关运行经费预算一共是多少万元？", 443.18),
    # labels
    (
        "dapeng",
        "大鹏新区政务服务数据管理局2022年政府采购项目支出表。服务类采购一共451万元，其中电信服务是103万元，那么品目编码C99、"
        "名称叫“其他服务”的那一项是多少万元？",
        348,
    ),
    ("justice", "司法局2026年功能分类科目编码为2040601、名称为“行政运行”的那一项预算多少元？", 16726725.44),
    # a change remembered as a guess, the rate against the base said with 相对于
    (
        "wanli",
        "我看到万里街道2024年“其他城乡社区支出”（212 99 99）从2023年执行的1822多万降到了922万多，好像是砍了一半多？"
        "请核实一下相对于2023年预算执行数的准确变动百分比。",
        -49.41,
    ),
    (
        "justice",
        "我看到司法局2026年行政运行从2025年执行的1690多万降到了1672万多，请核实一下相对于2025年预算执行数的准确变动百分比。",
        -1.07,
    ),
]


CASES += [
    ("finance", "普陀区财政局2024年度收入支出总计比2023年大约降了两个百分点？准确下降了多少？", -1.87),
    ("wanli", "万里街道2024年行政运行比2023年执行数好像降了12%左右？准确下降了多少？", -12.6),
    ("wanli", "听说万里街道2024年“其他城乡社区支出”比2023年执行数大约砍了一半？准确下降了百分之多少？", -49.41),
    ("justice", "听说司法局2026年信息化建设比2025年执行数涨了好几倍？准确增长了百分之多少？", 277.22),
    (
        "justice",
        "请帮我核对普陀区司法局2026年一般公共预算支出功能分类预算表中204类“公共安全支出”这一行：合计、基本支出、项目支出"
        "各是多少？请换算成万元并保留两位小数。",
        [8726.73, 1672.67, 7054.05],
    ),
    (
        "wanli",
        "请帮我核对万里街道2024年一般公共预算支出功能分类预算表中212类“城乡社区支出”这一行：合计、基本支出、项目支出"
        "各是多少？请换算成万元并保留两位小数。",
        [11938.53, 7660.90, 4277.63],
    ),
    ("finance", "普陀区财政局2024年度住房公积金（2210201）的年初预算和决算数之间差了多少万元？", 0.56),
    ("finance", "普陀区财政局2024年度行政运行的年初预算和决算数之间差了多少万元？", 48.16),
    ("justice", "普陀区司法局2026年财政拨款收入9628.22万元，这个数是否比上一年预算增加了？增加了多少万元？", 793.14),
    ("wanli", "万里街道2024年行政运行1660.32万元，这个数是否比2023年执行数减少了？减少了多少万元？", -239.45),
    (
        "justice",
        "普陀区司法局项目经费情况说明里介绍的人民调解项目（向区人民调解协会购买服务），年度预算安排是多少万元？",
        795,
    ),
    ("wanli", "万里街道2024年预算编制说明里提到的城乡社区环境卫生预算是多少元？", 5993300),
    (
        "wanli",
        "社区报想介绍一下万里街道2024年的政府采购：货物、工程、服务三类各是多少万元？",
        [93.98, 815.87, 752.59],
    ),
    (
        "justice",
        "想给居民介绍一下普陀区司法局2026年的政府采购：货物、工程、服务三块各是多少万元？",
        [3.66, 36.44, 1446.32],
    ),
    (
        "finance",
        "社区报想一句话概括普陀区财政局2024年一般公共预算财政拨款支出的去向：一般公共服务、社会保障和就业、卫生健康、"
        "住房保障这四类各花了多少万元？",
        [2106.66, 326.72, 60.99, 445.69],
    ),
    (
        "wanli",
        "我想给居民概括一下万里街道2024年的支出：一般公共服务、城乡社区、住房保障这三类各是多少万元？",
        [293.27, 11938.53, 888.24],
    ),
    (
        "dapeng",
        "帮我算算：大鹏数据局2022年人员支出895万元，按行政编制和事业编制的实有在编人数合起来算，人均人员支出大约是多少万元？"
        "保留两位小数。",
        40.68,
    ),
]


CASES += [
    ("wanli", "万里街道项目经费说明里的万里街道社区公共服务中心新建工程，地上建筑面积是多少平方米？", 8013),
    ("justice", "普陀区司法局项目经费情况说明里写的人民调解项目年度预算安排是多少万元？", 795),
    (
        "justice",
        "我印象中普陀区司法局2026年“司法-行政运行”（204类06款01项）比2025年执行数少了大概2%，准确的变动幅度是多少？",
        -1.07,
    ),
    ("wanli", "我印象中万里街道2024年行政运行比2023年执行数少了大概12%，准确的变动幅度是多少？", -12.6),
    (
        "dapeng",
        "对一下大鹏新区政务服务数据管理局2022年5,883万元预算的构成：文字部分第三部分列出的人员支出、公用支出、对个人和家庭的"
        "补助支出分别是多少万元？",
        [895, 345, 0],
    ),
    ("wanli", "对一下万里街道2024年的基本支出构成：人员经费、公用经费分别是多少元？", [88537451, 11168569]),
    ("welfare", "福利院那几辆公家的车，2024年一年下来的运行费摊到每辆车头上平均是多少万元？", 3.2),
    ("wanli", "万里街道那几辆公家的车，2024年一年下来的运行费摊到每辆车头上平均是多少万元？", 3.08),
    (
        "justice",
        "普陀区司法局2026年公务用车运行费预算9.98万元，按截至2025年8月31日的实有车辆数来算，平均每辆车一年的运行费大约是"
        "多少万元？保留两位小数。",
        3.33,
    ),
    (
        "wanli",
        "请核对万里街道2024年财务收支预算总表中“城乡社区支出”一行：合计、基本支出、项目支出分别是多少元？",
        [119385303, 76609000, 42776303],
    ),
    (
        "welfare",
        "请核对普陀区社会福利院2024年财务收支预算总表中“社会保障和就业支出”一行：合计、项目支出分别是多少元？",
        [11281624, 2620000],
    ),
]


@pytest.mark.parametrize(("doc", "question", "expected"), CASES)
def test_pass_33_questions_get_the_documents_figure(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, expected: Expected
) -> None:
    assert_figures(qa.ask(question, doc=ids[doc]), expected)
