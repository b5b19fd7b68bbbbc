"""A claim quoted before asking (`我看到有人说…，这是真的吗？…到底是多少`, `…，这个好像跟三公搞混了吧？实际…`), a table
named in a lead and referred to again (`表6…两边好像对不上：那张表里的…`), a two-sided table's 总计 by its half
(`财政拨款收入支出决算总表中，收入“总计”`), what is left once a part is taken (`如果不算Y，剩下的`, `除了Y以外，其余
各类支出加起来`), English words for comparisons and columns (`compared with`, `basic expenditure minus project
expenditure`), an amount over the persons a count names (`按…实有在编人数加总来平均，每人`) or over the vehicles
(`用…除以现有车辆数`), spoken fillers and items said after the container (`…基本支出哈，就是说里头A和B，各是多少`),
what the asker says is not meant (`（…，不是功能分类的“行政单位离退休”）`), a share of `全部合计`, an everyday word
glossed in the asker's words (`“人头费”（…花在人身上的部分）`), a year lead carried as its year only (`…2026年：A？它比
上一年…？`), `一是…；二是…` and `我有三个问题：`; how to answer said first (`请以万元为单位、保留两位小数作答：…`), `X这块，…是
怎么安排的，多少万元`, where on a table a total is (`收入一侧最后的“总计”`), `贵单位`, `大家好奇：`, `办公用的设备`, `占到`,
`compared with last year (2021)`, codes in brackets after each level's name (`城乡社区支出（212）…（01）…（01）`), a
check settled by the sum after it (`…等于A和B两款之和吗？两款相加是多少`), `（用两个数相减）`, a lead asking how it
is split (`这笔钱是怎么分的：`), `（下降记负）`, figures asked with 核对 and no check asked, rows named under a 款
(`城乡社区管理事务款下面的A、B、C`), a row said in a sentence, then its columns asked (`…【20103】。请分别列明该款级科目的
基本支出数与项目支出数`), 政府采购 kinds said with 类 after the container, what the asker noticed (`注意到X这一项有变化，
请问该项…`), `实际决算数`, the largest of three named items and its amount, and a part the document does not give, which
names no item for the parts after it. Each on two documents or more, through the real Assistant."""

from __future__ import annotations

import pytest

from assistant.analyze import analyze
from assistant.assistant import Assistant
from assistant.lexicon import english_read
from tests.assistant.support import answers_one_figure

P = pytest.param


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        P(
            "dapeng",
            "我看到有人说大鹏新区政务服务数据管理局2022年的大厅运营事务项目比2021年预算多了326万元，这是真的吗？按预算文件，这个项目较2021年预算的变化额到底是多少万元？",
            -326,
            id="claim-checked",
        ),
        P(
            "dapeng",
            "我看到有人说大鹏新区政务服务数据管理局2022年机关运行经费只安排了53万元，实际文件里的机关运行经费财政拨款预算是多少万元？",
            337,
            id="claim-then-document",
        ),
        P(
            "welfare",
            "我看到有人说普陀区社会福利院2024年完全靠财政拨款、没有事业收入，实际上它的事业收入预算是多少万元？",
            262,
            id="claim-without-figure",
        ),
        P(
            "justice",
            "我看到有人说普陀区司法局2026年机关运行经费就是10.81万元，这个好像跟三公搞混了吧？实际机关运行经费预算是多少万元？",
            217.83,
            id="claim-remark",
        ),
        P(
            "wanli",
            "我看到有人说万里街道2024年三公经费是100万元，这个数好像记错了吧？实际三公经费预算是多少万元？",
            47.91,
            id="claim-remark-2",
        ),
        P(
            "dapeng",
            "我在核对深圳市大鹏新区政务服务数据管理局2022年部门预算，想只看表6《政府预算拨款收支总表》：这张表最下面收入一侧的“本年收入合计”印的是多少万元？",
            5901,
            id="table-lead",
        ),
        P(
            "finance",
            "财政局2024年决算的《财政拨款收入支出决算总表》里，收入那一栏最下面的“总计”是多少万元？",
            2961.68,
            id="side-total",
        ),
        P(
            "finance",
            "普陀区财政局2024年度收入支出决算总表里，收入合计比支出合计多出多少万元？",
            6.2,
            id="total-is-no-grand-total",
        ),
        P(
            "welfare",
            "福利院2024年一般公共预算基本支出里的商品和服务支出，如果不算物业管理费，剩下的是多少元？",
            914950,
            id="left-if-not-counted",
        ),
        P(
            "wanli",
            "万里街道2024年《部门财务收支预算总表》里，除了城乡社区支出之外的其他支出合在一起是多少元？",
            36825820,
            id="all-other-spending",
        ),
        P(
            "justice",
            "普陀区司法局2026年《部门财务收支预算总表》里，除了公共安全支出以外，其余各类支出加起来一共是多少元？",
            9014941,
            id="all-other-spending-2",
        ),
        P("wanli", "万里街道今年除了公车以外的其他交通费用有多少元？", 691680, id="other-is-an-item"),
        P(
            "dapeng",
            "Dapeng data bureau（大鹏新区政务服务数据管理局）2022 budget 里的政府投资项目，compared with 2021年预算，增幅是多少 %？",
            40.9,
            id="english-compared",
        ),
        P(
            "justice",
            "Putuo Justice Bureau 2026年 budget 里，普法宣传（204 06 05）compared with 2025年预算执行数，增长率是多少 %？",
            4.92,
            id="english-compared-2",
        ),
        P(
            "welfare",
            "Putuo 社会福利院 2024 支出预算总表的合计行，basic expenditure（基本支出）minus project expenditure（项目支出）是多少元？",
            6881164,
            id="english-minus",
        ),
        P(
            "finance",
            "Putuo Finance Bureau 2024 final accounts：机关运行经费 compared with 2023年度，增长率是多少 %？",
            1.4,
            id="english-final-accounts",
        ),
        P(
            "dapeng",
            "大鹏新区政务服务数据管理局2022年预算里的“人员支出”，按行政编制和事业编制的实有在编人数加总来平均，每人多少万元？保留两位小数。",
            40.68,
            id="per-person-sum",
        ),
        P(
            "dapeng",
            "大鹏数据局2022年公用支出除以行政编制和事业编制的编制总数，平均每人多少万元？",
            14.38,
            id="per-person-divided",
        ),
        P(
            "welfare",
            "想算算福利院2024年每辆公车一年的运行费：用公务用车运行费预算除以单位现有车辆数，平均每辆多少万元？保留两位小数。",
            3.2,
            id="per-vehicle-divided",
        ),
        P(
            "justice",
            "司法局2026年公务用车运行费预算除以现有车辆数，平均每辆多少万元？",
            3.33,
            id="per-vehicle-divided-2",
        ),
        P(
            "justice",
            "普陀区司法局2026年基本支出里，专门发给退休老同志的退休金（经济分类里那一项，不是功能分类的“行政单位离退休”）安排了多少元？",
            478680,
            id="not-meant-in-brackets",
        ),
        P(
            "welfare",
            "福利院2024年基本支出里，发给退休职工的退休费（经济分类那一项，不是功能分类的事业单位离退休）是多少元？",
            421800,
            id="not-meant-in-brackets-2",
        ),
        P(
            "justice",
            "普陀区司法局2026年收入预算总表里，204 06 99其他司法支出占全部合计的比重是多少？保留两位小数（%）。",
            39.94,
            id="share-of-all",
        ),
        P(
            "welfare",
            "福利院2024年支出预算总表里，社会福利事业单位占全部合计的比重是多少？",
            79.07,
            id="share-of-all-2",
        ),
        P(
            "finance",
            "普陀区财政局2024年的“人头费”（一般公共预算财政拨款基本支出里花在人身上的部分）决算是多少万元？",
            2152.26,
            id="everyday-word-glossed",
        ),
        P(
            "wanli",
            "万里街道2024年的“人头费”（基本支出里花在人身上的那部分）预算是多少元？",
            88537451,
            id="everyday-word-glossed-2",
        ),
        P("justice", "司法局2026年用来接待来访客人、管吃管住的那部分经费，预算是多少万元？", 0.83, id="visitors"),
        P("wanli", "万里街道2024年接待来访人员的经费预算是多少万元？", 1.35, id="visitors-2"),
        P(
            "welfare",
            "社会福利院2024年单位预算表8（一般公共预算基本支出部门预算经济分类预算表），按表里印的编码302 04电费是多少元？",
            320000,
            id="long-table-title-in-brackets",
        ),
        P(
            "wanli",
            "请以万元为单位、保留两位小数作答：万里街道办事处2024年部门收入预算总表中，208 07 05 公益性岗位补贴是多少？",
            421.23,
            id="format-first",
        ),
        P(
            "welfare",
            "请用万元作答、保留两位小数：普陀区社会福利院2024年一般公共预算基本支出经济分类预算表中，物业管理费是多少？",
            120.6,
            id="format-first-2",
        ),
        P(
            "dapeng",
            "请用百分比回答，保留一位小数：深圳市大鹏新区政务服务数据管理局2022年部门预算中，政府投资项目占全部项目支出的比重是多少？",
            43.2,
            id="format-first-3",
        ),
        P(
            "finance",
            "普陀区财政局2024年财政拨款收入支出决算总表中，收入一侧最后的“总计”是多少万元？",
            2961.68,
            id="side-position",
        ),
        P("finance", "普陀区财政局2024年财政拨款收入支出决算总表里，收支总计是多少万元？", 2961.68, id="both-sides"),
        P("justice", "请问贵单位上海市普陀区司法局，2026年财政拨款收入是多少万元？", 9628.22, id="your-unit"),
        P(
            "wanli",
            "群里有人在街道上班，大家好奇：万里街道2024年公务接待费预算多少万元？",
            1.35,
            id="everyone-wonders",
        ),
        P("finance", "普陀区财政局2024年买电脑、打印机这类办公用的设备，决算花了多少万元？", 13.58, id="office-use"),
        P("justice", "司法局2026年办公用的设备购置预算多少元？", 36600, id="office-use-2"),
        P(
            "justice",
            "上海市普陀区司法局2026年部门支出预算总表里，基本支出合计大概占到支出合计的百分之多少？结果保留两位小数。",
            26.74,
            id="share-reaches",
        ),
        P("welfare", "福利院2024年基本支出占到支出合计的百分之多少？", 78.38, id="share-reaches-2"),
        P("finance", "普陀区财政局2024年本年支出合计中，基本支出占的比例是多少？", 79.49, id="share-owner-named"),
        P("wanli", "万里街道2024年支出总计中，城乡社区支出占的比例是多少？", 76.43, id="share-owner-named-2"),
        P(
            "justice",
            "Putuo 司法局 2026 财政拨款收入 compared with last year，增加了多少万元？",
            793.14,
            id="english-last-year",
        ),
        P(
            "wanli",
            "请协助查询：上海市普陀区人民政府万里街道办事处2024年部门支出预算总表内，城乡社区支出（212）城乡社区管理事务（01）行政运行（01）一项中列入项目支出的金额是多少元？",
            250000,
            id="codes-after-levels",
        ),
        P(
            "justice",
            "公共安全支出（204）司法（06）基层司法业务（04）的项目支出是多少元？",
            21703947,
            id="codes-after-levels-2",
        ),
        P(
            "welfare",
            "表3 支出预算总表：208 社会保障和就业支出 的合计等于 20805 和 20810 两款之和吗？两款相加是多少元？",
            11281624,
            id="sum-settles-check",
        ),
        P(
            "wanli",
            "万里街道2024年支出预算总表里，204公共安全支出的合计等于20406和20499两款之和吗？两款相加是多少元？",
            1633000,
            id="sum-settles-check-2",
        ),
        P(
            "justice",
            "司法局2026年“基层司法业务”预算安排，比2025年当年预算执行数多出多少万元？（用两个数相减，保留两位小数）",
            20.94,
            id="two-numbers-subtracted",
        ),
        P(
            "wanli",
            "万里街道2024年其他城乡社区支出预算，比2023年当年预算执行数少了多少万元？（用两个数相减，保留两位小数）",
            -900.44,
            id="two-numbers-subtracted-2",
        ),
        P(
            "dapeng",
            "大鹏数据局2022年信息技术服务比2021年预算变化了多少万元（减少记负）？",
            -73,
            id="sign-note-negative",
        ),
        P("welfare", "核对一下：福利院2024年物业管理费是多少元？", 1206000, id="check-word-figure-asked"),
        P(
            "justice",
            "普陀区司法局2026年的政府采购预算中，货物类和工程类两项加起来一共是多少万元？",
            40.1,
            id="kinds-in-the-container",
        ),
        P(
            "wanli",
            "万里街道2024年的政府采购中，货物和服务两类加起来是多少万元？",
            846.57,
            id="kinds-in-the-container-2",
        ),
        P(
            "wanli",
            "万里街道2024年的政府采购里，工程类预算是货物类预算的多少倍？结果保留两位小数。",
            8.68,
            id="ratio-of-kinds",
        ),
        P(
            "justice",
            "司法局2026年政府采购中，工程类预算是货物类预算的几倍？保留两位小数。",
            9.96,
            id="ratio-of-kinds-2",
        ),
        P(
            "dapeng",
            "看大鹏数据局2022年预算说明时注意到“信息技术服务”这一项有变化，请问该项2022年预算与2021年预算相比，增减幅度是百分之多少？",
            -8.6,
            id="item-noticed",
        ),
        P(
            "wanli",
            "看万里街道2024年预算说明时注意到“其他城乡社区支出”这一项变化很大，请问该项2024年预算比2023年预算执行数减少了百分之几？",
            -49.41,
            id="item-noticed-2",
        ),
        P(
            "finance",
            "财政局2024年决算中，“财政事务（款）行政运行（项）”的年初预算比实际决算数多出多少万元？",
            48.16,
            id="actual-outturn",
        ),
        P("finance", "财政局2024年信息化建设的年初预算比实际决算数多出多少万元？", 0.65, id="actual-outturn-2"),
        P(
            "welfare",
            "电费、水费、物业管理费这三项里，福利院2024年哪项花得最多？只要告诉我那一项的预算金额（元）。",
            1206000,
            id="largest-of-three-amount",
        ),
        P(
            "justice",
            "办公费、印刷费、差旅费这三项里，司法局2026年哪项预算最多？只要告诉我那一项的金额（元）。",
            120000,
            id="largest-of-three-amount-2",
        ),
        P(
            "wanli",
            "万里街道“城乡社区管理事务”款下面的行政运行、一般行政管理事务、城管执法这三项，2024年预算哪项最高？只说它的金额，单位元。",
            17591003,
            id="rows-under-the-container",
        ),
        P(
            "dapeng",
            "大鹏数据局“政府办公厅（室）及相关机构事务”款下面的行政运行和一般行政管理事务，哪项2022年预算更高？只说它的金额，单位万元。",
            1461,
            id="rows-under-the-container-2",
        ),
    ],
)
def test_one_figure(qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float) -> None:
    answers_one_figure(qa.ask(question, doc=ids[doc]), value)


@pytest.mark.parametrize(
    ("doc", "question", "values"),
    [
        P(
            "dapeng",
            "我发现大鹏新区政务服务数据管理局2022年表6政府预算拨款收支总表两边好像对不上：那张表里的“本年收入合计”写的是多少万元？“本年支出合计”又是多少万元？",
            [5901, 5883],
            id="table-lead-parts",
        ),
        P(
            "finance",
            "普陀区财政局2024年财政拨款收入支出决算总表中，收入“总计”是多少万元？年末财政拨款结转和结余又是多少万元？",
            [2961.68, 21.63],
            id="table-named-parts",
        ),
        P(
            "welfare",
            "呃福利院那个24年的一般公共预算基本支出哈，就是说里头人员经费和公用经费，各是多少元？",
            [7380214, 2120950],
            id="items-after-container",
        ),
        P(
            "wanli",
            "万里街道2024年一般公共预算基本支出，里面人员经费和公用经费，各是多少元？",
            [88537451, 11168569],
            id="items-after-container-2",
        ),
        P(
            "justice",
            "普陀区司法局2026年：财政拨款收入预算是多少万元？它比上一年预算增加了多少万元？",
            [9628.22, 793.14],
            id="year-lead-then-it",
        ),
        P(
            "wanli",
            "万里街道2024年：财政拨款收入预算是多少万元？它比2023年预算变化了多少万元？",
            [15621.11, -876.75],
            id="year-lead-then-it-2",
        ),
        P(
            "dapeng",
            "关于大鹏数据局2022年的“政府投资项目”，我有三个问题：一是表14《部门预算绩效管理项目情况表》里它的预算金额合计是多少万元；二是它比2021年预算增加了多少万元；三是它占全部项目支出的比重是多少（百分比，保留两位小数）？",
            [2008, 583, 43.24],
            id="enumerated",
        ),
        P(
            "wanli",
            "万里街道2024年部门预算我想一次问清楚三件事：财政拨款收入预算是多少万元？比2023年预算变化了多少万元？",
            [15621.11, -876.75],
            id="intro-then-parts",
        ),
        P(
            "dapeng",
            "机关运行经费这块，大鹏新区政数局2022年财政拨款预算是怎么安排的，多少万元？跟2021年预算比又多了多少万元？",
            [337, 284],
            id="topic-how-then-figure",
        ),
        P(
            "welfare",
            "住房公积金这块，福利院24年是怎么安排的，预算多少万元？23年当年实际执行数又是多少万元？",
            [33.58, 33.74],
            id="topic-how-then-figure-2",
        ),
        P(
            "finance",
            "请问贵单位上海市普陀区财政局，2024年度收入决算表中本年收入合计是多少万元？其中其他收入是多少万元？",
            [2946.25, 6.2],
            id="your-unit-parts",
        ),
        P(
            "welfare",
            "学校家长群里有人在福利院上班，大家好奇：普陀区社会福利院2024年给职工看病的事业单位医疗预算安排了多少万元？比2023年当年预算执行数涨了百分之几？",
            [50.37, 14.04],
            id="everyone-wonders-parts",
        ),
        P(
            "dapeng",
            "Hi，我是留学生，在写 paper。深圳大鹏新区政务服务数据管理局 2022 年部门预算的 total 收入是多少万元？compared with last year (2021)，增长了多少 percent？",
            [5883, 11],
            id="english-last-year-parts",
        ),
        P(
            "dapeng",
            "大鹏数据局22年这笔钱是怎么分的：正文里人员支出是多少万元？公用支出是多少万元？另外表3支出总表里的基本支出一共是多少万元？",
            [895, 345, 1239],
            id="how-split-lead",
        ),
        P(
            "wanli",
            "万里街道2024年的基本支出是怎么构成的：人员经费多少元？公用经费多少元？",
            [88537451, 11168569],
            id="how-split-lead-2",
        ),
        P(
            "welfare",
            "社会福利院2024年“事业单位离退休”这一项预算安排多少万元？和2023年预算执行数相比变动了百分之几（下降记负）？",
            [53.84, -1.39],
            id="sign-note-parts",
        ),
        P(
            "finance",
            "财政局“信息化建设（项）”2024年的年初预算是多少万元？全年预算（调整后）是多少万元？决算数又是多少万元？",
            [135.9, None, 135.25],
            id="part-not-found-names-no-item",
        ),
        P(
            "welfare",
            "福利院2024年住房公积金预算是多少万元？调整后的全年预算是多少万元？2023年当年预算执行数又是多少万元？",
            [33.58, None, 33.74],
            id="part-not-found-names-no-item-2",
        ),
        P(
            "dapeng",
            "兹就深圳市大鹏新区政务服务数据管理局2022年一般公共预算支出表（按功能分类，表7）核对如下科目：一般公共服务支出【201】—政府办公厅（室）及相关机构事务【20103】。请分别列明该款级科目的基本支出数与项目支出数（单位：万元）。",
            [849, 1776],
            id="row-said-then-its-columns",
        ),
        P(
            "justice",
            "兹就普陀区司法局2026年部门支出预算总表核对如下科目：公共安全支出【204】—司法【20406】。请分别列明该款级科目的基本支出数与项目支出数（单位：元）。",
            [16726725.44, 70540547],
            id="row-said-then-its-columns-2",
        ),
    ],
)
def test_each_part(qa: Assistant, ids: dict[str, str], doc: str, question: str, values: list[float]) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert [p.value for p in ans.parts] == pytest.approx(values, abs=0.005), ans.answer


def test_a_head_count_not_named_is_no_average(qa: Assistant, ids: dict[str, str]) -> None:
    """人均 with no head count named is declined (which 编制?); a document printing no staff count answers none."""
    assert qa.ask("大鹏数据局2022年人员支出人均多少万元？", doc=ids["dapeng"]).abstained
    assert qa.ask("福利院2024年人员经费按在职人员人数平均每人多少元？", doc=ids["welfare"]).abstained


def test_english_words_read() -> None:
    """English phrases read before single words; a name in English goes, an abbreviation in capitals stays."""
    assert english_read("X compared with 2021年预算") == "X 比 2021年预算"
    assert english_read("basic expenditure（基本支出）minus project expenditure") == "基本支出减 项目支出"
    assert "Putuo" not in english_read("Putuo Justice Bureau 2026年 budget 里")
    assert "PPP" in english_read("PPP项目")


def test_a_comparison_base_is_no_document_frame() -> None:
    """`比2021年预算，` compares; it does not name the document (a 2021 budget)."""
    assert analyze("大鹏2022年预算里的政府投资项目，比2021年预算，增幅是多少%？").doc_years == [2022]


def test_a_check_asked_stays_a_check(qa: Assistant, ids: dict[str, str]) -> None:
    """加起来对不对 asks a check; 核对一下：X是多少 asks X."""
    assert qa.ask("表3支出预算总表里各项加起来对不对？", doc=ids["welfare"]).intent == "consistency"
    assert qa.ask("核对一下：福利院2024年物业管理费是多少元？", doc=ids["welfare"]).intent != "consistency"
