"""A lead naming a year or a stage said once for every part (`福利院2023年当年预算执行数方面：A？B又是多少？`), a
difference smaller than the last digit printed (`一般公共预算拨款收入和支出，两者相差多少`), `前者减后者` after
which of two is larger, an amount averaged over the vehicles a document counts, what is not of a named part
(`收入预算里，不是靠财政拨款的那部分`), quoted names listed back to back (`“A”“B”“C”三项加总`), short names after a
container (`政府采购预算中，货物和服务两类加起来`) and what a document says an item is for, read by the paraphrase
model; rates asked in 百分点, an item's budget said before a comma (`事业单位医疗2024年预算，同比…`), the operands
of a difference said in brackets (`（决算数减年初预算）`), 取整到万元, 按表里的元精确换算, English courtesies and
`2022 budget`, a glossed English word listing items (`utilities（水费 + 电费）`), a share of the parent said as
`在所属的X款里占多大比重`, `X折合多少万元` as the question itself, a lead naming one row by its code, and a count
asked at a date of another year than its sentence's. Each on two documents or more, through the real Assistant."""

from __future__ import annotations

import pytest

from assistant.analyze import analyze
from assistant.assistant import Assistant
from assistant.paraphrase import _described, _uses
from assistant.question import split_clauses

P = pytest.param


@pytest.mark.parametrize(
    ("doc", "question", "values"),
    [
        P(
            "welfare",
            "根据上海市普陀区社会福利院2024年单位预算，福利院2023年当年预算执行数方面：住房公积金是多少万元？事业单位离退休又是多少万元？",
            [33.74, 54.6],
            id="lead-year-stage",
        ),
        P(
            "finance",
            "财政局2024年年初预算数方面：行政运行是多少万元？一般行政管理事务又是多少万元？",
            [1560.05, 10.0],
            id="lead-stage",
        ),
        P("finance", "决算数：行政运行多少万元？年初预算呢？", [1511.89, 1560.05], id="lead-then-own-stage"),
        P(
            "welfare",
            "就《2024年预算单位收入预算总表》208 10 05社会福利事业单位这一行请教：财政拨款收入多少元？事业收入多少元？事业收入占该行合计的百分比是多少（保留两位小数）？",
            [6964796, 2620000, 27.33],
            id="row-lead",
        ),
        P(
            "justice",
            "就《2026年部门支出预算总表》204 06 04 基层司法业务这一行：基本支出多少元？项目支出多少元？",
            [0, 21703947],
            id="row-lead-2",
        ),
        P(
            "wanli",
            "万里街道24年一般公共预算基本支出中，人员经费折合多少万元？公用经费折合多少万元？经济分类里303 02退休费又是多少元？",
            [8853.7451, 1116.8569, 254940],
            id="unit-asked-inline",
        ),
        P(
            "justice",
            "司法局2026年一般公共预算基本支出中，人员经费折合多少万元？公用经费折合多少万元？",
            [2356.3342, 217.832444],
            id="unit-asked-inline-2",
        ),
        P(
            "justice",
            "普陀区司法局2026年“其他司法支出”（204 06 99）预算是多少元？它在所属的“司法”款里占多大比重（百分比保留两位小数）？",
            [38454900, 44.07],
            id="share-of-own-parent",
        ),
        P(
            "wanli",
            "万里街道2024年行政运行（2120101）预算是多少元？它在所属的城乡社区管理事务款里占多大比重？",
            [16603248, 17.58],
            id="share-of-own-parent-2",
        ),
    ],
)
def test_each_part(qa: Assistant, ids: dict[str, str], doc: str, question: str, values: list[float]) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert [p.value for p in ans.parts] == pytest.approx(values, abs=0.005), ans.answer
    assert all(p.year == ans.parts[0].year for p in ans.parts), ans.answer


def test_a_lead_naming_a_stage_is_no_document_label() -> None:
    """`福利院2023年当年预算执行数方面：` is said for every part; `财政局2024年度决算：` only names the document."""
    clauses = split_clauses("福利院2023年当年预算执行数方面:住房公积金是多少万元?事业单位离退休又是多少万元?")
    assert clauses[1].startswith("2023年当年预算执行数:")  # its year and stage: the department is the document's
    assert analyze("财政局2024年度决算：行政运行是多少？一般行政管理事务是多少？").doc_years == [2024]
    # a topic naming an item (三公经费) is not said again: each part names its own
    topic = split_clauses("司法局2026年的三公经费我想挨个了解:出国的钱多少?招待费多少?")
    assert topic[1] == "招待费多少"


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        P("justice", "司法局2026年一般公共预算拨款收入和支出，两者相差多少？", 0, id="within-rounding"),
        P("wanli", "万里街道2024年财政拨款收入比支出多多少？", 0, id="within-rounding-2"),
        P("welfare", "福利院2024年一般公共预算拨款收入和支出，两者相差多少？", 0, id="other-side"),
        P(
            "dapeng",
            "大鹏新区政务服务数据管理局2022年的项目支出里，“政务服务事务”和“信息技术服务”这两个项目哪个预算更多？请用前者减后者给出相差多少万元。",
            -156,
            id="former-less-latter",
        ),
        P(
            "finance",
            "财政局2024年决算中，机关事业单位基本养老保险缴费支出和行政单位离退休两项，哪个决算数更大？请给出前者减后者的差额（万元）。",
            76.1,
            id="former-less-latter-2",
        ),
        P(
            "wanli",
            "万里街道2024年公务用车运行费预算，按截至2023年8月底街道共有的车辆数平均，每辆车分摊多少万元？保留两位小数。",
            3.08,
            id="per-vehicle",
        ),
        P(
            "welfare",
            "社会福利院2024年公务用车运行费预算，按单位现有车辆平均到每辆车是多少万元？",
            3.2,
            id="per-vehicle-2",
        ),
        P("justice", "司法局2026年公务用车运行费每辆车平均多少万元？", 3.33, id="per-vehicle-3"),
        P("welfare", "普陀区社会福利院2024年的收入预算里，不是靠财政拨款的那部分有多少万元？", 262, id="not-part"),
        P("finance", "普陀区财政局2024年本年收入合计里，不是财政拨款的那部分收入有多少万元？", 6.2, id="not-part-2"),
        P(
            "justice",
            "请把司法局2026年一般公共预算支出功能分类预算表中“204 06 04 基层司法业务”“204 06 05 普法宣传”“204 06 07 公共法律服务”三项的合计数加总，单位用元。",
            29806847,
            id="quoted-list",
        ),
        P("wanli", "万里街道2024年“行政单位医疗”“事业单位医疗”两项加起来是多少元？", 3023657, id="quoted-list-2"),
        P("justice", "司法局2026年政府采购预算中，货物和服务两类加起来是多少万元？", 1449.98, id="within-container"),
        P("dapeng", "政府采购预算中，货物和服务两类加起来是多少万元？", 457, id="within-container-2"),
        P(
            "finance",
            "财政局2024年决算里，住房公积金（221 02 01）的支出决算数比年初预算多还是少？差额是多少万元（决算数减年初预算）？",
            -0.56,
            id="operands-in-brackets",
        ),
        P(
            "welfare",
            "事业单位医疗2024年预算比2023年预算执行数多还是少？差额是多少万元（预算数减执行数）？",
            6.2,
            id="operands-in-brackets-2",
        ),
        P("welfare", "福利院事业单位医疗2024年预算比2023年预算执行数增长了多少个百分点？", 14.04, id="percent-points"),
        P("wanli", "城乡社区环境卫生2024年预算比2023年预算执行数减少了多少个百分点？", -27.81, id="percent-points-2"),
        P("welfare", "事业单位医疗2024年预算，同比2023年预算执行数增长了百分之几？", 14.04, id="item-budget-comma"),
        P("wanli", "城乡社区环境卫生2024年预算，比2023年预算执行数减少了百分之几？", -27.81, id="item-budget-comma-2"),
        P(
            "justice",
            "司法局2026年工会经费（302 28）折合多少万元？请按表里的元精确换算，别四舍五入。",
            26.597444,
            id="exact-conversion",
        ),
        P(
            "wanli",
            "万里街道2024年工会经费（302 28）折合多少万元？请按表里的元精确换算，别四舍五入。",
            60.7849,
            id="exact-2",
        ),
        P(
            "dapeng",
            "Quick question：Dapeng data bureau 2022 budget 里，综合管理事务、数据管理事务、政务服务事务这三个 project 加起来 total 是多少万元？",
            1230,
            id="english-courtesy",
        ),
        P(
            "justice",
            "Quick question：普陀司法局 2026 budget 里，基层司法业务、普法宣传这两个 project 加起来 total 是多少元？",
            22946847,
            id="english-courtesy-2",
        ),
        P(
            "welfare",
            "福利院 2024 budget 的经济分类表里，utilities（水费 + 电费）加起来 total 多少元？",
            380000,
            id="gloss-list",
        ),
        P(
            "wanli",
            "万里街道 2024 budget 的经济分类表里，utilities（水费 + 电费）加起来 total 多少元？",
            557500,
            id="gloss-list-2",
        ),
    ],
)
def test_one_figure(qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert ans.value == pytest.approx(value, abs=0.005), ans.answer


@pytest.mark.parametrize(
    ("doc", "question", "value", "said"),
    [
        (
            "justice",
            "普陀区司法局2026年部门收入预算总共大概多少万元？给我一个取整到万元的数就可以。",
            9628.22,
            "9,628万元",
        ),
        ("wanli", "万里街道2024年部门收入预算总共大概多少万元？给我一个取整到万元的数就可以。", 15621.11, "15,621万元"),
    ],
)
def test_a_whole_number_of_a_unit(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float, said: str
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert ans.value == pytest.approx(value, abs=0.01) and ans.unit == "万元", ans.answer
    assert said in ans.answer


@pytest.mark.parametrize(("doc", "year", "cars"), [("justice", 2025, 3), ("wanli", 2023, 7)])
def test_a_count_asked_at_another_date_is_not_answered(
    qa: Assistant, ids: dict[str, str], doc: str, year: int, cars: int
) -> None:
    """A document counting `截至2025年8月31日…共有车辆3辆` answers `截至2025年8月底` (a date said with 底 too), and
    not a date of another year."""
    dated = qa.ask(f"截至{year}年8月底单位共有车辆几辆？", doc=ids[doc])
    assert (dated.value, dated.year) == (cars, year), dated.answer
    other = qa.ask(f"截至{year - 1}年8月底单位共有车辆几辆？", doc=ids[doc])
    assert other.abstained and other.value is None, other.answer


def test_a_rounding_difference_says_so(qa: Assistant, ids: dict[str, str]) -> None:
    """The formula shows the operands' own difference and why it is none; two figures of one unit keep theirs."""
    ans = qa.ask("司法局2026年一般公共预算拨款收入和支出，两者相差多少？", doc=ids["justice"])
    assert "13.44元" in (ans.formula or "") and "末位" in (ans.formula or ""), ans.answer
    same_unit = qa.ask("万里街道2024年行政单位医疗比事业单位医疗少多少元？", doc=ids["wanli"])
    assert same_unit.value == pytest.approx(-179191), same_unit.answer


@pytest.mark.parametrize("doc", ["wanli", "justice"])
def test_no_vehicles_counted_no_average(qa: Assistant, ids: dict[str, str], doc: str) -> None:
    """An average over something the document counts nowhere is declined, never the amount itself."""
    ans = qa.ask("公务用车运行费按每台电脑平均是多少万元？", doc=ids[doc])
    assert ans.intent != "per_vehicle"
    cars = qa.ask("公务用车运行费平均到每辆车是多少万元？", doc=ids[doc])
    assert cars.intent == "per_vehicle" and len(cars.citations) >= 2, cars.answer


@pytest.mark.parametrize(
    ("doc", "item", "use"),
    [
        ("finance", "财政委托业务支出", "委托中介机构开展各类审计及绩效评价工作"),
        ("welfare", "事业单位离退休", "事业单位退休人员福利费和生活补贴"),
    ],
)
def test_what_a_document_says_an_item_is_for_describes_it(
    qa: Assistant, ids: dict[str, str], doc: str, item: str, use: str
) -> None:
    uses = _uses(qa._all_facts([ids[doc]]))
    assert uses[item].startswith(use)
    assert _described(item, "", uses[item]) == f"{item}：{uses[item]}"
