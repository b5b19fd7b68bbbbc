"""A claim quoted before asking (`我看到有人说…，这是真的吗？…到底是多少`, `…，这个好像跟三公搞混了吧？实际…`), a table
named in a lead and referred to again (`表6…两边好像对不上：那张表里的…`), a two-sided table's 总计 by its half
(`财政拨款收入支出决算总表中，收入“总计”`), what is left once a part is taken (`如果不算Y，剩下的`, `除了Y以外，其余
各类支出加起来`), English words for comparisons and columns (`compared with`, `basic expenditure minus project
expenditure`), an amount over the persons a count names (`按…实有在编人数加总来平均，每人`) or over the vehicles
(`用…除以现有车辆数`), spoken fillers and items said after the container (`…基本支出哈，就是说里头A和B，各是多少`),
what the asker says is not meant (`（…，不是功能分类的“行政单位离退休”）`), a share of `全部合计`, an everyday word
glossed in the asker's words (`“人头费”（…花在人身上的部分）`), a year lead carried as its year only (`…2026年：A？它比
上一年…？`), `一是…；二是…` and `我有三个问题：`. Each on two documents or more, through the real Assistant."""

from __future__ import annotations

import pytest

from assistant.analyze import analyze
from assistant.assistant import Assistant
from assistant.lexicon import english_read

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
    ],
)
def test_one_figure(qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert not ans.abstained, ans.answer
    assert ans.value == pytest.approx(value, abs=0.005), ans.answer


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
