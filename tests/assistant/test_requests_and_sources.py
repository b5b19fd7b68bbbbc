"""Figures asked by a request rather than a question, and where the asker says to read them: `…？顺便也说下X，以及Y`,
`X，顺便也说下Y，以及Z，分别是多少`, `请把A和B两项分别换算成万元` (or `请把这两项…` after them), `请以表中数字为准，
不要用正文的数` and `按文字部分给的数字说就行`, a gloss in the document's words (`就是“人员支出”那一块`), a sentence
about the asker closed by a comma (`我在整理…，顺便也说下…`), a remark before a dash (`…还是印了数——就按表上的数，…`),
what documents say an item is for (`主要用于…的X`), what belongs to a kind (`属于服务采购的那部分`), a 政府采购品目
code with its pointer (`品目编码C99那一类`) and how many items were listed (`这三块各是多少`). Each on two documents,
through the real Assistant."""

from __future__ import annotations

import pytest

from assistant.analyze import analyze
from assistant.assistant import Assistant

P = pytest.param

# Each question's parts, in order: items asked by a request, and what the asker says before the question.
PARTS = [
    P(
        "wanli",
        "我在万里街道住了二十多年。麻烦按三公经费表里写的，准确的公务用车购置费是多少万元？"
        "顺便也说下“三公”经费合计，以及2024年机关运行经费预算数。",
        [25, 47.91, 443.18],
        id="request-after-the-question",
    ),
    P(
        "dapeng",
        "大鹏数据局2022年的项目支出是多少万元？另外也说一下人员支出和公用支出。",
        [4644, 895, 345],
        id="request-after-the-question-2",
    ),
    P(
        "dapeng",
        "帮我查一下大鹏数据局2022年的公务用车运行维护费预算，顺便也说下住房公积金，以及购房补贴，分别是多少万元？",
        [8, 106, 190],
        id="requests-listed",
    ),
    P(
        "welfare",
        "福利院2024年的水费是多少元，顺便也说下电费，以及住房公积金，分别是多少元？",
        [60000, 320000, 335816],
        id="requests-listed-2",
    ),
    P(
        "wanli",
        "万里街道2024年的“三公”经费表下面注了一句“本表为空表”，可表格里还是印了数——就按表上的数，"
        "三公经费合计是多少万元？其中公务用车购置费是多少万元？",
        [47.91, 25],
        id="remark-before-a-dash",
    ),
    P(
        "welfare",
        "福利院2024年的三公经费表后面写着“本表无数据”——那就按表里印的数，公务接待费是多少万元？公务用车运行费呢？",
        [0, 6.4],
        id="remark-before-a-dash-2",
    ),
    P(
        "wanli",
        "我在整理万里街道2024年的采购计划，顺便也说下政府采购预算里货物、工程、服务这三块各是多少万元？",
        [93.98, 815.87, 752.59],
        id="asker-then-comma",
    ),
    P(
        "justice",
        "我们在写司法局2026年预算的解读，另外再帮我看看政府采购预算里货物、工程、服务这三块各是多少万元？",
        [3.66, 36.44, 1446.32],
        id="asker-then-comma-2",
    ),
    P(
        "welfare",
        "我在看福利院的水电开销，另外再帮我看看福利院2024年经济分类表里水费和电费各是多少元？",
        [60000, 320000],
        id="asker-then-comma-3",
    ),
]


@pytest.mark.parametrize(("doc", "question", "values"), PARTS)
def test_each_figure_asked_is_answered(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, values: list[float]
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert [p.value for p in ans.parts] == pytest.approx(values)


@pytest.mark.parametrize(
    ("doc", "question", "values"),
    [
        (
            "justice",
            "司法局2026年部门财务收支预算总表的单位是元。请把其中“卫生健康支出”和“住房保障支出”两项分别换算成万元"
            "（不要四舍五入，给精确值）。",
            [114.9678, 452.1559],
        ),
        (
            "justice",
            "司法局2026年收入预算总表里的204 06 04“基层司法业务”和204 06 05“普法宣传”，表里是按元列的，"
            "请把这两项分别换算成万元。",
            [2170.3947, 124.29],
        ),
        (
            "wanli",
            "万里街道2024年收入预算总表里的210 11 01行政单位医疗和210 11 02事业单位医疗，表里单位是元，"
            "请把这两项分别换算成万元。",
            [142.2233, 160.1424],
        ),
    ],
)
def test_items_asked_to_be_converted_are_each_answered_in_that_unit(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, values: list[float]
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert [p.value for p in ans.parts] == pytest.approx(values) and {p.unit for p in ans.parts} == {"万元"}
    if "不要四舍五入" in question:  # shown with every digit the conversion has
        assert "114.9678万元" in ans.parts[0].answer and "452.1559万元" in ans.parts[1].answer


# One figure each: where the asker says to read a figure printed twice, a gloss said with the question, what
# describes the item, money a clause involves, and a share of spending (not read from an income table).
VALUES = [
    # the narrative's 350.35万元 is 3,503,500 元
    P(
        "wanli",
        "万里街道2024年的住房公积金（221 02 01）这一项，文字说明里前后写了两个不一样的数，"
        "请以表中数字为准，不要用正文的数：预算是多少元？",
        3503499,
        id="read-the-table",
    ),
    P(
        "justice",
        "司法局2026年住房公积金是多少万元？请以表中数字为准，不要用正文的数。",
        208.7959,
        id="read-the-table-2",
    ),
    P("justice", "司法局2026年住房公积金是多少万元？按文字说明里的数说就行。", 208.8, id="read-the-narrative"),
    # the narrative prints 0.3
    P(
        "finance",
        "财政局2024年度决算里，财政拨款收入支出的“总计”到底是多少万元？文字说明里写的数看着不对，"
        "请以表中数字为准（财政拨款收入支出决算总表）。",
        2961.68,
        id="read-the-table-3",
    ),
    P(
        "dapeng",
        "想了解一下大鹏数据局2022年花在人身上的钱，就是第三部分部门预算支出具体情况里“人员支出”那一块，"
        "按文字部分给的数字说就行，是多少万元？",
        895,
        id="gloss-inside",
    ),
    P(
        "dapeng",
        "大鹏数据局2022年的人员支出是多少？就是在职人员工资福利那一块，按文字部分给的数字说就行。",
        895,
        id="gloss-after",
    ),
    P(
        "finance",
        "财政局2024年的人员经费是多少万元？就是发工资交社保那一块，按文字部分给的数字说就行。",
        2152.26,
        id="gloss-after-2",
    ),
    P(
        "wanli",
        "万里街道2024年的政府采购里面，给中小企业预留的项目预算金额是多少万元？就是面向中小企业预留那一块。",
        664.98,
        id="gloss-in-the-documents-words",
    ),
    P(
        "justice",
        "司法局2026年给中小企业预留的采购金额是多少万元？就是面向中小企业预留那一块",
        1486.42,
        id="gloss-in-the-documents-words-2",
    ),
    P(
        "dapeng",
        "深圳市大鹏新区政务服务数据管理局2022年5,883万元的预算中，主要发在职人员工资福利的人员支出是多少万元？",
        895,
        id="described",
    ),
    P("welfare", "福利院2024年主要用于退休人员福利费和生活补贴的事业单位离退休是多少元？", 538440, id="described-2"),
    P(
        "dapeng",
        "大鹏数据局纳入2022年部门预算的政府采购项目里，属于服务采购的那部分一共安排了多少万元？",
        451,
        id="belongs-to",
    ),
    P("wanli", "万里街道2024年的政府采购预算里，属于货物采购的那部分是多少万元？", 93.98, id="belongs-to-2"),
    P(
        "dapeng",
        "我在做政府采购的报道。大鹏数据局二〇二二年的部门预算里，品目编码C99那一类采购多少钱？",
        348,
        id="procurement-code",
    ),
    P(
        "dapeng",
        "大鹏数据局2022年纳入部门预算绩效管理的项目支出涉及预算资金多少万元？",
        4644,
        id="money-a-clause-involves",
    ),
    P(
        "justice",
        "司法局2026年纳入绩效管理、编报绩效目标的项目涉及项目预算资金多少万元？",
        7054.05,
        id="money-a-clause-involves-2",
    ),
    # 收入决算表 prints 201 一般公共服务支出 2,112.86 (with 其他收入 6.20): the income that function took in
    P(
        "finance",
        "财政局2024年一般公共预算财政拨款支出中，行政运行占一般公共服务支出的比重是多少？保留一位小数。",
        71.8,
        id="share-of-spending",
    ),
    P(
        "finance",
        "财政局2024年财政委托业务支出占一般公共服务支出的百分之几？（保留两位小数）",
        21.34,
        id="share-of-spending-2",
    ),
    P("wanli", "万里街道2024年城乡社区支出占支出合计的比重是多少？保留两位小数。", 76.43, id="share-of-spending-3"),
]


@pytest.mark.parametrize(("doc", "question", "value"), VALUES)
def test_the_figure_asked_is_answered(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float
) -> None:
    assert qa.ask(question, doc=ids[doc]).value == pytest.approx(value)


@pytest.mark.parametrize("doc", ["justice", "welfare"])
def test_a_procurement_code_no_row_prints_is_declined(qa: Assistant, ids: dict[str, str], doc: str) -> None:
    ans = qa.ask("我是做政府采购研究的。品目编码C99那一类采购多少钱？", doc=ids[doc])
    assert ans.abstained and ans.value is None


def test_a_description_does_not_swallow_an_item_beginning_with_shi() -> None:
    """事业单位… is an item, not the generic 事 (事儿, 事情) a description ends on."""
    assert "事业单位离退休" in analyze("2024年,主要用于退休人员福利费和生活补贴的事业单位离退休是多少元").norm
    assert "主要用于" not in analyze("主要用于退休人员福利费和生活补贴的事业单位离退休是多少元").norm


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        ("dapeng", "大鹏数据局涉及的几家单位，实有在编人员一共多少人？", 22),  # 行政 9 + 事业 13
        ("wanli", "万里街道部门预算涉及的几家单位，2024年一共有多少辆车？", 7),
    ],
)
def test_the_units_a_department_covers_said_as_the_scope_ask_no_count(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert ans.value == pytest.approx(value) and not ans.parts


@pytest.mark.parametrize(
    ("question", "example"),
    [
        ("万里街道二〇二四年搞环境卫生（保洁、垃圾清运这一块）的钱有多少元？", "保洁"),  # 城乡社区环境卫生
        ("司法局2026年法律服务（律师咨询、法律援助这些）预算多少元？", "律师咨询"),  # 公共法律服务
    ],
)
def test_examples_after_the_end_of_a_term_name_no_item(question: str, example: str) -> None:
    assert example not in analyze(question).norm
    # after everyday words they say what is meant, and stay
    assert "加油" in analyze("车子的日常开销（加油、维修这些）一年多少").norm
