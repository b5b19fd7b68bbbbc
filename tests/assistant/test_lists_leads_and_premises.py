"""Questions typed one per line under a lead (`…三个数（元）：⏎1. 人员经费⏎2. 公用经费`), a lead asking to be told the
figures (`麻烦按顺序回答…的几个数（都用万元）：`) or naming the unit for all (`请用万元回答：`), a difference of the two
figures asked before in an order said in brackets (`两个数差多少（表6减表1）`), a part's own table after a lead naming
another, a change stated then `那…` (`比2023年预算增加了25万元，那2023年的…是多少`), one month asked (`12月份单月`), a
neutral word for two columns' difference (`决算数比年初预算数增减了多少`), which printing is wanted (`我要预算表里的数字，
不要文字说明里的`), a code's misprint remarked in brackets, what is not meant said after a comma (`，不是功能分类表里的…`),
a claim asked about in a sentence of its own (`听说…砍了一半？`), background sentences before a question asking the
department's total, a share's whole said after it (`占多大比例？按X算`), how to work it out said first (`按这个车辆数算，`),
examples before the head they illustrate (`买电脑、打印机这类办公设备`, `出国、公车、招待这几项“三公”经费`), a rate
from the two figures asked before (`按这两个数推算，增长率是百分之几`), buying and running a car said together (`公车
（买车加养车）`), a part asking money in no unit after one answered in 万元, the year's figure beside the 预算执行数 read in the narrative
that prints both, 印制 (to print), and a sentence cited once in full beside its
paragraph. Each on two documents or more, through the real Assistant."""

from __future__ import annotations

import pytest

from assistant.analyze import analyze
from assistant.assistant import Assistant
from assistant.clauses import listed_lines
from tests.assistant.support import answers_one_figure, declines

P = pytest.param


def test_numbered_lines_are_questions_of_their_own() -> None:
    """One numbered line each: the lead closed by a colon, each line a question, a bare item asking its figure."""
    assert (
        listed_lines("福利院2024年的三个数（元）：\n1. 人员经费\n2. 公用经费")
        == "福利院2024年的三个数（元）：人员经费是多少？公用经费是多少？"
    )
    assert listed_lines("X是多少？\n1.5万元对吗") == "X是多少？\n1.5万元对吗"  # one numbered line: no list
    assert (
        len(analyze("司法局2026年：\n1. 三公经费是多少？\n2. 公务接待费是多少？\n3. 机关运行经费是多少？").clauses) == 3
    )


@pytest.mark.parametrize(
    ("doc", "question", "values"),
    [
        P(
            "justice",
            "麻烦按顺序回答普陀区司法局2026年的几个数（都用万元）：\n1. “三公”经费预算总数是多少？\n2. 其中公务接待费多少？\n3. 机关运行经费预算是多少？",
            [10.81, 0.8265, 217.83],
            id="request-lead-lines",
        ),
        P(
            "welfare",
            "请按财务收支预算总表的“支出总计”那一行回答普陀区社会福利院2024年的三个数（元）：\n1. 人员经费\n2. 公用经费\n3. 项目支出",
            [7380214, 2120950, 2620000],
            id="bare-item-lines",
        ),
        P(
            "wanli",
            "关于万里街道2024年一般公共预算支出功能分类预算表里212 01 01“行政运行”这一行，请用万元回答：\n1. 基本支出多少？\n2. 项目支出多少？\n3. 合计多少？",
            [1635.3248, 25, 1660.3248],
            id="row-lead-unit-for-all",
        ),
        P(
            "dapeng",
            "帮我核对一下大鹏新区政数局2022年预算：\n1. 表6政府预算拨款收支总表里“本年收入合计”印的是多少万元？\n2. 表1收支总表里的“本年收入合计”是多少万元？\n3. 两个数差多少万元（表6减表1）？",
            [5901, 5883, 18],
            id="two-tables-then-their-difference",
        ),
        P(
            "dapeng",
            "帮我核对一下大鹏新区政数局2022年预算：\n1. 表6政府预算拨款收支总表里“本年收入合计”印的是多少万元？\n2. 表1收支总表里的“本年收入合计”是多少万元？\n3. 两个数差多少万元（表1减表6）？",
            [5901, 5883, -18],
            id="difference-order-reversed",
        ),
        P(
            "dapeng",
            "嗯我翻到大鹏新区政数局2022年的表6“政府预算拨款收支总表”，想核对一下：表里写的本年收入合计是多少万元？本年支出合计又是多少万元？",
            [5901, 5883],
            id="request-lead-names-the-table",
        ),
        P(
            "justice",
            "我翻到司法局2026年的部门支出预算总表，想核对一下：表里写的住房公积金是多少元？基层司法业务又是多少元？",
            [2087959, 21703947],
            id="request-lead-names-the-table-justice",
        ),
        P(
            "welfare",
            "福利院2024年事业单位医疗是多少元？住房公积金是多少元？两个数差多少元（住房公积金减事业单位医疗）？",
            [503724, 335816, -167908],
            id="difference-order-by-items",
        ),
        P(
            "wanli",
            "万里街道2024年“三公”经费预算总额多少万元？其中公务接待费多少万元？另外说明里讲比2023年预算增加了25万元，那2023年的三公经费预算是多少万元？",
            [47.91, 1.35, 22.91],
            id="change-premise-then-prior-year",
        ),
        P(
            "justice",
            "司法局2026年三公经费预算多少万元？另外说明里讲比2025年预算减少了，那2025年的三公经费预算是多少万元？",
            [10.81, 10.81],
            id="change-premise-without-figure",
        ),
        P(
            "justice",
            "普陀区司法局2026年：财政拨款收入预算是多少万元？它比上一年预算增加了多少万元？按这两个数推算，增长率是百分之几（保留两位小数）？",
            [9628.22, 793.14, 8.98],
            id="rate-from-the-two-before",
        ),
        P(
            "wanli",
            "万里街道2024年：三公经费预算是多少万元？它比上一年预算增加了多少万元？按这两个数推算，增长率是百分之几（保留两位小数）？",
            [47.91, 25, 109.12],
            id="rate-from-the-two-before-wanli",
        ),
        P(
            "justice",
            "作为普通市民想问问普陀区司法局2026年的“三公”：出国考察的费用预算多少？公车（买车加用车）的钱多少？招待客人的钱多少？另外三公经费总额跟2025年预算比增减了多少万元？",
            [0, 9.98, 0.8265, 0],
            id="buy-and-run-then-unit-before",
        ),
        P(
            "wanli",
            "想问下万里街道办事处2024年的公车花费（买车加养车）预算多少万元？比2023年预算多了多少万元？还有招待客人的费用是多少万元？",
            [46.56, 25, 1.35],
            id="buy-and-run-wanli",
        ),
        P(
            "welfare",
            "社会福利院“社会福利事业单位”这一项2024年预算安排多少万元？它2023年当年的预算执行数是多少万元？",
            [738.66, 711.34],
            id="with-execution-the-narrative",
        ),
        P(
            "justice",
            "请问普陀区司法局2026年机关事业单位职业年金缴费支出（2080506）预算多少元？比2025年预算执行数增长了百分之几？",
            [919739, 17.66],
            id="with-execution-a-code-reads-the-table",
        ),
        P(
            "welfare",
            "普陀区社会福利院2024年事业单位医疗（2101102）安排了多少元？比2023年预算执行数增长了百分之几？",
            [503724, 14.04],
            id="with-execution-a-code-reads-the-table-welfare",
        ),
        P(
            "wanli",
            "万里街道城乡社区环境卫生这一项2024年预算安排多少万元？2023年当年预算执行数是多少万元？",
            [599.33, 830.24],
            id="with-execution-the-narrative-wanli",
        ),
        P(
            "wanli",
            "万里街道的城乡社区环境卫生这项，2023年实际花出去的钱（当年预算执行数）是多少万元？2024年安排的预算比那个少了多少万元？",
            [830.24, -230.91],
            id="than-that-figure",
        ),
        P(
            "welfare",
            "福利院事业单位医疗这项，2023年当年预算执行数是多少万元？2024年安排的预算比那个多了多少万元？",
            [44.17, 6.2],
            id="than-that-figure-welfare",
        ),
        P(
            "wanli",
            "两个问题：万里街道截至2023年8月31日一共有几辆车？按这个车辆数算，2024年公务用车运行费平均每辆车多少万元（保留两位小数）？",
            [7, 3.08],
            id="method-lead-per-vehicle",
        ),
        P(
            "justice",
            "司法局截至2025年8月31日共有几辆车？按这个车辆数算，2026年公务用车运行维护费平均每辆车多少万元？",
            [3, 3.325],
            id="method-lead-per-vehicle-justice",
        ),
        P(
            "finance",
            "大家都关心三公：普陀区财政局2024年出国、公车、招待这几项“三公”经费年初预算一共多少万元？实际决算花了多少万元？决算数和2023年相比变化多少万元？",
            [0.95, 0, 0],
            id="examples-before-head",
        ),
    ],
)
def test_each_part(qa: Assistant, ids: dict[str, str], doc: str, question: str, values: list[float]) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert [p.value for p in ans.parts] == pytest.approx(values, abs=0.01), ans.answer


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        P(
            "finance",
            "财政局2024年度决算中，财政事务下的“行政运行”（201 06 01）支出决算数比年初预算数增减了多少万元？",
            -48.16,
            id="columns-增减",
        ),
        P("justice", "司法局2026年三公经费比上年预算增减了多少万元", 0, id="year-增减-stays-a-change"),
        P(
            "justice",
            "普陀区司法局2026年给职工交的公积金一共多少元？我要预算表里的数字，不要文字说明里的。",
            2087959,
            id="table-wanted",
        ),
        P("wanli", "万里街道2024年住房公积金是多少元？我要表里的数字", 3503499, id="table-wanted-wanli"),
        P(
            "welfare",
            "福利院2024年支出预算总表中，“行政事业单位医疗”下面的“事业单位医疗”（表里编码印成了“7 11 02”）是多少元？",
            503724,
            id="misprint-remark",
        ),
        P(
            "justice",
            "司法局2026年住房公积金（表里编码印成了“221 02 01”）是多少元？",
            2087959,
            id="code-remark-justice",
        ),
        P(
            "justice",
            "普陀区司法局2026年部门预算，我要的是“一般公共预算基本支出部门预算经济分类预算表”（第8张表）里303 02“退休费”那一行，不是功能分类表里的行政单位离退休。金额是多少元？",
            478680,
            id="not-meant-after-comma",
        ),
        P(
            "welfare",
            "福利院2024年经济分类表里的退休费，不是功能分类表里的事业单位离退休。金额是多少元？",
            421800,
            id="not-meant-welfare",
        ),
        P("finance", "普陀区财政局2024年本年收入合计里，不是财政拨款的那部分收入有多少万元？", 6.2, id="not-is-asked"),
        P(
            "welfare",
            "普陀区社会福利院2024年的收入预算里，不是靠财政拨款的那部分有多少万元？",
            262,
            id="not-is-asked-welfare",
        ),
        P(
            "wanli",
            "万里街道2024年支出预算里，基本支出在全部支出中占多少比例？按支出预算总表的合计行算，百分比保留两位小数。",
            63.83,
            id="share-basis-a-table-row",
        ),
        P(
            "dapeng",
            "听说大鹏新区行政服务大厅那块的钱砍了一半？2022年“大厅运营事务”比2021年预算的减幅是百分之多少？",
            -51.1,
            id="hearsay-asked-first",
        ),
        P(
            "wanli",
            "听说万里街道的三公经费涨了不少？2024年三公经费比2023年预算增加了多少万元？",
            25,
            id="hearsay-asked-wanli",
        ),
        P(
            "dapeng",
            "我是公共管理专业的研究生，正在写一篇关于区级数字政府建设投入变化的课程论文。手上只有深圳市大鹏新区政务服务数据管理局2022年的部门预算，2021年的那份在网上怎么也找不到。根据这份2022年部门预算，2021年该局的部门预算收入是多少万元？",
            5282,
            id="background-then-total",
        ),
        P(
            "welfare",
            "我在做养老机构的调研，手头只有这份单位预算。按福利院2024年单位预算，单位预算支出是多少元？",
            12121164,
            id="background-welfare",
        ),
        P("welfare", "福利院2024年事业收入占多大比例？按收入总计算，保留两位小数。", 21.62, id="share-whole-after"),
        P("justice", "司法局2026年基本支出占多大比例？按支出合计算，保留两位小数。", 26.74, id="share-whole-合计"),
        P(
            "dapeng",
            "大鹏新区政数局2022年纳入部门预算的政府采购一共457万元，我想单独知道其中服务类采购安排了多少万元？",
            451,
            id="asker-mid-sentence",
        ),
        P(
            "welfare",
            "福利院2024年政府采购一共120.60万元，我想单独知道其中服务类采购安排了多少万元？",
            120.6,
            id="asker-mid-sentence-welfare",
        ),
        P(
            "justice",
            "普陀区司法局2026年《部门支出预算总表》，表头是“类 款 项 功能分类科目名称 合计 基本支出 项目支出”，请问“204 06 04 基层司法业务”这一行的项目支出是多少元？",
            21703947,
            id="header-described",
        ),
        P(
            "wanli",
            "万里街道2024年《部门支出预算总表》，表头是“类 款 项 功能分类科目名称 合计 基本支出 项目支出”，请问“212 05 01 城乡社区环境卫生”这一行的项目支出是多少元？",
            5993300,
            id="header-described-wanli",
        ),
        P("welfare", "福利院医保涨了百分之几", 14.04, id="health-insurance-事业单位"),
        P("justice", "司法局医保涨了百分之几", 93.45, id="health-insurance-行政单位"),
        P(
            "dapeng",
            "大鹏数据局2022年机关运行经费预算多少万元？听说涨了五倍多，是因为大厅房租水电物业挪进了基本支出吧？",
            337,
            id="hearsay-remarked-after",
        ),
        P(
            "wanli",
            "万里街道2024年三公经费预算多少万元？听说涨了一倍多，是因为买了新车吧？",
            47.91,
            id="hearsay-after-wanli",
        ),
        P(
            "finance",
            "群里有家长转了个问题：财政局2024年的钱绝大部分是财政拨款，那除了财政拨款之外的“其他收入”占全年收入的百分之几啊？",
            0.21,
            id="statement-then-那",
        ),
        P(
            "welfare",
            "福利院2024年的钱主要是财政拨款，那事业收入占收入总计的百分之几？保留两位小数",
            21.62,
            id="statement-then-那-welfare",
        ),
        P(
            "justice",
            "说白了我就想知道：普陀区司法局的基层司法业务，2025年实际花掉的钱（预算执行数）和2026年的预算安排比，2026年多安排了多少万元？",
            20.94,
            id="years-side-by-side",
        ),
        P(
            "wanli",
            "万里街道的城乡社区环境卫生，2023年实际花掉的钱（预算执行数）和2024年的预算安排比，2024年少安排了多少万元？",
            -230.91,
            id="years-side-by-side-wanli",
        ),
        P(
            "dapeng",
            "写稿要用：政府投资项目2022年安排2,008万元，那它2021年的预算是多少万元？",
            1425,
            id="figure-stated-then-那",
        ),
        P(
            "wanli",
            "万里街道三公经费2024年安排47.91万元，那它2023年的预算是多少万元？",
            22.91,
            id="figure-stated-then-那-wanli",
        ),
        P(
            "finance",
            "财政局那个机关运行经费，2024年决算是一百八十四万多一点，那前一年，就是2023年，是多少万元？文件里说是增加了的。",
            182.1,
            id="figure-in-words-then-那",
        ),
        P(
            "wanli",
            "我住在万里街道，想问一下2024年街道的公益性岗位补贴，预算有多少万元？",
            421.23,
            id="speaker-lead-not-mid",
        ),
        P("finance", "财政局2024年文件印制花了多少万元", 7.61, id="printing"),
        P("justice", "司法局2026年文件印制的钱预算多少元", 30000, id="printing-justice"),
        P(
            "finance",
            "财政局2024年买电脑、打印机这类办公设备一共花了多少万元（决算数）？",
            13.58,
            id="examples-then-head",
        ),
        P("justice", "司法局2026年买电脑、打印机这类办公设备预算多少元？", 36600, id="examples-then-head-justice"),
        P("wanli", "万里街道2024年出国、公车、招待这几项“三公”经费预算一共多少万元？", 47.91, id="these-items-head"),
    ],
)
def test_one_figure(qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float) -> None:
    answers_one_figure(qa.ask(question, doc=ids[doc]), value)


@pytest.mark.parametrize(
    ("doc", "question"),
    [
        P("finance", "普陀区财政局2024年12月份单月的行政运行支出是多少万元？", id="one-month"),
        P("wanli", "万里街道2024年3月份的公益性岗位补贴是多少", id="one-month-wanli"),
        P("wanli", "万里街道2024年买电脑、打印机这类办公设备预算多少元？", id="head-not-printed"),
    ],
)
def test_declined(qa: Assistant, ids: dict[str, str], doc: str, question: str) -> None:
    declines(qa.ask(question, doc=ids[doc]))


def test_a_date_is_no_month_asked(qa: Assistant, ids: dict[str, str]) -> None:
    """截至2024年12月31日 counts a stock; only 12月份 or 单月 asks one month."""
    assert qa.ask("截至2024年12月31日财政局有几辆车", doc=ids["finance"]).value == 0


@pytest.mark.parametrize(
    ("doc", "question", "said"),
    [
        P(
            "welfare",
            "编制说明里，事业单位离退休（项）2024年预算安排是多少万元？",
            "2024年预算安排53.84万元",
            id="welfare",
        ),
        P(
            "wanli",
            "万里街道办今年，2024年哈，那个公益性岗位补贴预算多少元啊？",
            "2024年预算安排421.23万元",
            id="wanli",
        ),
    ],
)
def test_a_sentence_is_cited_once_in_full(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, said: str
) -> None:
    """The paragraph stating a figure twice (…（项）”53.84万元，…。…2024年预算安排53.84万元…) is cited once, whole."""
    ans = qa.ask(question, doc=ids[doc])
    sentences = [c.quote.replace(" ", "") for c in ans.citations if c.table is None]
    assert any(said in q for q in sentences), sentences
    assert not any(a != b and a in b for a in sentences for b in sentences), sentences  # no sentence cited twice


@pytest.mark.parametrize(
    ("doc", "question", "values"),
    [
        P(
            "justice",
            "司法局2026年部门收入预算总表中，“204 06 司法”这一款下面一共列了几个项级科目？这一款的收入预算合计又是多少元？",
            [6, 87267272.44],
            id="rows-under-a-款-then-its-total",
        ),
        P(
            "wanli",
            "万里街道2024年部门支出预算总表中，“212 01 城乡社区管理事务”这一款下面一共列了几个项级科目？这一款的支出预算合计又是多少元？",
            [4, 94450003],
            id="rows-under-a-款-wanli",
        ),
    ],
)
def test_rows_counted(qa: Assistant, ids: dict[str, str], doc: str, question: str, values: list[float]) -> None:
    """The rows one level under a coded row are counted, each named and cited; `这一款的…合计` is that 款's."""
    ans = qa.ask(question, doc=ids[doc])
    assert [p.value for p in ans.parts] == pytest.approx(values), ans.answer
    assert ans.parts[0].intent == "rows" and len(ans.parts[0].citations) == values[0]


def test_rows_of_a_table(qa: Assistant, ids: dict[str, str]) -> None:
    """A table's rows, its totals left out; a table whose rows are not told apart is not counted."""
    ans = qa.ask(
        "深圳市大鹏新区政务服务数据管理局2022年部门预算绩效管理项目情况表（表14）里，一共列了几个项目？",
        doc=ids["dapeng"],
    )
    assert (ans.value, ans.unit) == (7, "个"), ans.answer
    assert "综合管理事务" in ans.answer and "合计" not in ans.answer
    assert qa.ask("福利院2024年政府采购预算表里列了几个项目", doc=ids["welfare"]).abstained
    assert qa.ask("财政局2024年编报绩效目标的项目有几个？", doc=ids["finance"]).intent != "rows"  # a count printed


def test_a_part_leaning_on_words_read_as_an_item_leans_on_that_item() -> None:
    """问题中的“基层工作上”按文件中的“基层司法业务”理解: the part after it asks about 基层司法业务, not the words."""
    from assistant.answer_types import Answer
    from assistant.compose import load_templates
    from assistant.inherit import item_read

    note = load_templates().render("read_as", words="基层工作上", name="基层司法业务")
    assert (
        item_read("基层工作上", Answer(question="q", answer="基层司法业务2026年为2,170.39万元。[1]" + note))
        == "基层司法业务"
    )
    note = load_templates().render("read_as", words="印材料", name="印刷费")
    assert item_read("印材料", Answer(question="q", answer="印刷费2024年为7.61万元。" + note)) == "印刷费"
    assert item_read("住房公积金", Answer(question="q", answer="住房公积金2026年为208.8万元。[1]")) == "住房公积金"
