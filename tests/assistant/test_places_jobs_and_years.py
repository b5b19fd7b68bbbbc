"""Where and whose, as people say it: a document of another year named as where to read (`2023年预算里的X` in a 2024
budget asks the 2023 figure), the pay of one job (`护工一年的工资`: no row), a rate asked as `多少（%）`, a section of
the narrative named as the place a figure is said (`国有资产占有使用情况里说…`), a sentence about the asker before
the question (`我们公司做物业的，…。`), a short item with its code in brackets after a container (`服务类（C）`), the
bottom row of a table (`最底下那行“总计”`) and modifiers listed after a topic (`离退休这块，行政单位的加上事业单位的`).
Then what people say around the question: sentences before it (memories, a figure stated, `；请据此推算…`), a whole
stated before `其中`, what does not count (`（买车的钱不算）`), a difference asked as a calculation (`请用决算数减去年初
预算`), the unit the table prints (`表里单位是元，请换算成万元`), rates in other words, what is left of a whole
(`除了财政拨款以外的那部分收入`), numbered parts and `还有，…` asking a figure of its own. Each on two or three
documents, through the real Assistant."""

from __future__ import annotations

import pytest

from assistant.analyze import analyze
from assistant.assistant import Assistant


@pytest.mark.parametrize(
    ("doc", "question", "value", "year"),
    [
        ("wanli", "万里街道2023年预算里的公务用车购置费是多少万元？", 0, 2023),  # 25 − 比2023年预算增加25
        ("justice", "司法局2025年预算里的公务用车运行费是多少万元？", 9.98, 2025),  # 与2025年预算持平
        ("dapeng", "大鹏数据局2021年预算里的政府投资项目是多少万元？", 1425, 2021),  # 2,008 − 583
    ],
)
def test_a_document_of_another_year_named_as_where_to_read_asks_that_years_figure(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float, year: int
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert ans.value == pytest.approx(value) and ans.year == year and ans.formula


@pytest.mark.parametrize(
    ("doc", "question", "values", "years"),
    [
        (
            "wanli",
            "我听广播说万里街道2024年要买公车，那请问：2024年公务用车购置费预算是多少万元？计划购置几辆车？"
            "2023年预算里的公务用车购置费又是多少万元？",
            [25, 1, 0],
            [2024, 2024, 2023],
        ),
        (
            "dapeng",
            "大鹏数据局2022年政府投资项目预算是多少万元？有几辆车？2021年预算里的政府投资项目又是多少万元？",
            [2008, 2, 1425],
            [2022, 2022, 2021],
        ),
    ],
)
def test_a_later_question_naming_a_document_of_another_year_asks_that_year_alone(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, values: list[float], years: list[int]
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert [p.value for p in ans.parts] == pytest.approx(values) and [p.year for p in ans.parts] == years


def test_a_document_of_another_year_with_no_stated_change_is_declined(qa: Assistant, ids: dict[str, str]) -> None:
    ans = qa.ask("根据2023年部门预算，万里街道的机关运行经费是多少万元？", doc=ids["wanli"])
    assert ans.abstained and ans.value is None and "2023年" in ans.answer


@pytest.mark.parametrize(
    ("doc", "job", "whole", "value"),
    [
        ("welfare", "福利院护工（护理员）一年的工资总共预算了多少钱？", "福利院员工的工资预算多少元？", 6958414),
        ("justice", "司法局的司机一年的工资预算多少元？", "司法局给工作人员发工资的钱预算多少元？", 23084662),
    ],
)
def test_the_pay_of_one_job_is_no_row_of_the_document(
    qa: Assistant, ids: dict[str, str], doc: str, job: str, whole: str, value: float
) -> None:
    ans = qa.ask(job, doc=ids[doc])
    assert ans.abstained and ans.value is None
    assert qa.ask(whole, doc=ids[doc]).value == pytest.approx(value)  # the staff as a whole: 工资福利支出


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        ("welfare", "福利院2024年“事业单位医疗”这一项比2023年预算执行数增长了多少（%）？", 14.04),
        ("dapeng", "大鹏数据局2022年部门预算收入比上年增长了多少(%)？", 11),
    ],
)
def test_a_rate_asked_as_how_much_in_percent(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert ans.intent == "rate" and ans.unit == "%" and ans.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        # a section of the narrative named as the place a figure is said
        (
            "dapeng",
            "大鹏数据局2022年部门预算第八部分“其他需要说明情况”里讲的机关运行经费，财政拨款预算是多少万元？",
            337,
        ),
        ("justice", "国有资产占有使用情况里说司法局一共有几辆车？", 3),
        ("wanli", "国有资产占有使用情况里说万里街道一共有几辆车？", 7),
        # a sentence about the asker before the question
        (
            "dapeng",
            "我们公司主要做物业管理和后勤外包，最近在找投标机会。深圳市大鹏新区政务服务数据管理局2022年部门预算的"
            "表12政府采购项目支出表里，采购品目（C99）其他服务那一行的金额是多少万元？",
            348,
        ),
        ("justice", "我们公司做物业的，想多了解点。普陀区司法局2026年政府采购预算中服务类（C）是多少万元？", 1446.32),
        # the bottom row of a table
        ("finance", "普陀区财政局2024年度部门决算的财政拨款收入支出决算总表里，最底下那行“总计”是多少万元？", 2961.68),
        ("justice", "普陀区司法局2026年部门收支总表里，最底下那行“支出总计”是多少元？", 96282213.44),
        # modifiers listed after a topic are of the topic
        (
            "wanli",
            "万里街道2024年一般公共预算支出功能分类预算表中，离退休这块，行政单位的加上事业单位的一共多少元？",
            319740,
        ),
        ("wanli", "万里街道2024年行政事业单位医疗这块，行政单位的加上事业单位的一共多少元？", 3023657),
        # sentences said before the question (memories, hedges), the question's item its own
        (
            "wanli",
            "我在万里街道住了二十多年，以前在厂里做工程师。印象里街道2024年要添一辆新车，买车的钱好像是二十来万，"
            "也可能记混了。麻烦按“三公”经费预算表里写的，准确的公务用车购置费是多少万元？",
            25,
        ),
        # a figure stated, then the year before asked from it (；请据此推算…)
        (
            "dapeng",
            "大鹏数据局2022年政府投资项目2,008万元，比上年多了一些；请据此推算2021年政府投资项目是多少万元？",
            1425,
        ),
        (
            "finance",
            "普陀区财政局2024年一般公共预算财政拨款支出2940.05万元，说明里讲比上年减少了一些；"
            "请据此推算2023年度的一般公共预算财政拨款支出是多少万元？",
            3003.19,
        ),
        # the whole stated before 其中 is the share's whole
        ("justice", "司法局2026年政府采购预算1486.42万元，我想知道其中服务采购占了多大比例？保留两位小数。", 97.3),
        # what does not count, in brackets
        ("justice", "司法局2026年让公车跑起来的钱（买车的钱不算）预算是多少万元？", 9.98),
        ("welfare", "普陀区社会福利院2024年让公车跑起来的钱（买车的钱不算）预算安排了多少万元？", 6.4),
        # a difference asked as a calculation
        (
            "finance",
            "普陀区财政局2024年决算里，信息化建设（201 06 07）这一项，请用决算数减去年初预算，结果是多少万元？",
            -0.65,
        ),
        (
            "justice",
            "普陀区司法局的基层司法业务（204 06 04），2026年预算安排2170.39万元。请按2026年预算减2025年执行数算一下，"
            "差额是多少万元？",
            20.94,
        ),
        # the unit the table prints is not the one asked
        ("justice", "司法局2026年住房公积金是多少？表里单位是元，请换算成万元。", 208.7959),
        ("wanli", "万里街道2024年城乡社区环境卫生是多少？表里单位是元，请换算成万元。", 599.33),
        # rates in other words
        ("justice", "司法局的信息化建设2026年预算比2025年预算执行数增长了多少百分比？", 277.22),
        ("welfare", "福利院2024年事业单位医疗比2023年预算执行数增长了多少百分比？", 14.04),
        # the whole budget said in other words (全部预算, 整个预算)
        ("dapeng", "算个比例：大鹏数据局2022年项目支出占全部预算的百分之多少？结果保留两位小数。", 78.94),
        ("justice", "司法局2026年项目支出占整个预算的比例是多少？保留两位小数。", 73.26),
        # the kinds a whole divides into, listed before 其中
        (
            "justice",
            "普陀区司法局2026年政府采购预算分货物、工程、服务三块，其中工程类的政府采购预算是多少万元？",
            36.44,
        ),
        ("welfare", "福利院2024年政府采购预算分为货物、工程、服务三类，其中服务类的是多少万元？", 120.6),
        # a topic closed by a comma, then modifiers without a head
        ("dapeng", "嗯，政数局实有在编的人，行政的加上事业的，一共多少人？", 22),
        ("wanli", "万里街道2024年离退休，行政单位的加上事业单位的一共多少元？", 319740),
        # …比…多安排了多少: a difference of the two items, never one of them
        ("justice", "司法局2026年基层司法业务比信息化建设多安排了多少万元？", 1942.5147),
        ("wanli", "万里街道2024年城乡社区环境卫生比行政运行多安排了多少元？", -10609948),
        ("welfare", "福利院2024年事业单位医疗与2023年预算执行数相比变动的百分比是多少？", 14.04),
        ("dapeng", "大鹏数据局2022年部门预算收入比上年增长多少，单位：%", 11),
        # what is left of a whole once a part is taken, said before the whole
        ("welfare", "普陀区社会福利院2024年的收入预算里，除了财政拨款以外的那部分收入是多少万元？", 262),
        ("finance", "普陀区财政局2024年本年收入里，除了财政拨款以外的那部分收入是多少万元？", 6.2),
    ],
)
def test_what_is_said_around_the_item(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float
) -> None:
    assert qa.ask(question, doc=ids[doc]).value == pytest.approx(value, abs=0.005)


def test_a_section_title_with_nothing_else_asked_stays_the_item() -> None:
    assert "机关运行经费" in analyze("机关运行经费情况里讲的是多少").norm


@pytest.mark.parametrize(
    ("doc", "question", "values"),
    [
        (
            "welfare",
            "上海市普陀区社会福利院2024年政府采购预算中，货物类（A）是多少万元，服务类（C）是多少万元？",
            [0, 120.6],
        ),
        ("justice", "普陀区司法局2026年政府采购预算中，货物类（A）是多少万元，工程类（B）是多少万元？", [3.66, 36.44]),
    ],
)
def test_short_items_with_their_code_in_brackets_stay_in_the_container(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, values: list[float]
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert [p.value for p in ans.parts] == pytest.approx(values)


def test_modifiers_of_a_topic_one_of_which_the_document_does_not_print(qa: Assistant, ids: dict[str, str]) -> None:
    # 司法局 prints 行政单位离退休 only: never its figure for the sum
    ans = qa.ask("司法局2026年离退休这块，行政单位的加上事业单位的一共多少元？", doc=ids["justice"])
    assert ans.abstained and ans.value is None
    assert analyze("离退休里行政单位的和事业单位的加起来多少").parts == ["行政单位离退休", "事业单位离退休"]
    assert analyze("水费和电费加起来多少").parts == ["水费", "电费"]


@pytest.mark.parametrize(
    ("doc", "question", "values"),
    [
        # numbered parts, a table named as what to answer from, a request for what is not given
        (
            "finance",
            "请就普陀区财政局2024年度财政拨款收入支出决算总表回答：(1) 总计是多少万元；(2) 年初财政拨款结转和结余是多少万元；"
            "(3) 年末财政拨款结转和结余是多少万元。没有的写“未披露”。",
            [2961.68, 21.63, 21.63],
        ),
        (
            "justice",
            "请就司法局2026年部门财务收支预算总表回答：(1) 收入总计是多少元；(2) 支出总计是多少元。没有的写“未披露”。",
            [96282213.44, 96282213.44],
        ),
        # 还有，… asking a figure of its own is no follow-up of the question before
        ("wanli", "万里街道2024年公务用车购置费多少万元？还有，公务用车购置费比2023年增加了多少万元？", [25, 25]),
        ("dapeng", "货物采购占政府采购总额的百分之几？还有，货物采购比2021年增加了多少万元？", [1.31, None]),
        # a share of a figure the question computes leans on nothing the document prints
        ("welfare", "福利院2024年收入里，除了财政拨款以外的那部分收入是多少万元？占收入合计的百分之几？", [262, None]),
        (
            "finance",
            "普陀区财政局2024年本年收入里，除了财政拨款以外的那部分收入是多少万元？占本年收入合计的百分之几？",
            [6.2, None],
        ),
    ],
)
def test_parts_numbered_requested_and_leaning(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, values: list[float | None]
) -> None:
    got = [p.value for p in qa.ask(question, doc=ids[doc]).parts]
    assert len(got) == len(values)
    for have, want in zip(got, values, strict=True):
        assert have is None if want is None else have == pytest.approx(want, abs=0.005)
