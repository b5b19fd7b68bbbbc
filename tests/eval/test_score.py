"""The scorer must be able to fail: wrong values, wrong units, bad citations and invented numbers count wrong."""

from __future__ import annotations

import pytest

from assistant.answer_types import Answer, Citation
from eval.questionset import KINDS, QuestionSetError, parse_question
from eval.score import (
    Score,
    first_relevant_rank,
    mrr,
    numbers_in,
    percentile,
    recall_at,
    score_answer,
    text_has_value,
)
from eval.summary import summarize

DAPENG = "shenzhen_dapeng_data_bureau_2022_dept_budget.txt"
GOOD_CITE = Citation(
    doc="d1", title="大鹏", locator="第三部分 › （四）项目支出", page=None, quote="政府投资项目 2,008 万元"
)
BAD_CITE = Citation(doc="d1", title="大鹏", locator="第三部分 › （一）基本支出", page=None, quote="基本支出 3,875 万元")


def q(**kw: object) -> object:
    base: dict[str, object] = {
        "id": "dapeng-001",
        "docs": [DAPENG],
        "question": "政府投资项目预算多少？",
        "kind": "text",
        "answer": {"value": 2008, "unit": "万元"},
        "evidence": ["政府投资项目 2,008 万元"],
    }
    base.update(kw)
    return parse_question(base, "t.jsonl:1")


def ans(value: float | None, unit: str | None, cites: list[Citation] | None = None, **kw: object) -> Answer:
    return Answer(question="政府投资项目预算多少？", answer="…", value=value, unit=unit, citations=cites or [], **kw)  # type: ignore[arg-type]


def test_right_answer_counts_right() -> None:
    s = score_answer(q(), ans(2008, "万元", [GOOD_CITE]))
    assert s.correct and s.value_ok and s.unit_ok and s.citation_ok and s.cites_evidence


def test_wrong_value_counts_wrong() -> None:
    s = score_answer(q(), ans(2080, "万元", [GOOD_CITE]))
    assert not s.correct and not s.value_ok and "wrong value" in s.reasons


IN_WAN = "政府投资项目预算多少万元？"


def test_right_number_wrong_unit_counts_wrong() -> None:
    s = score_answer(q(question=IN_WAN), ans(2008, "元", [GOOD_CITE]))
    assert not s.correct and not s.value_ok and not s.unit_ok
    s = score_answer(q(), ans(2008, "元", [GOOD_CITE]))  # asked in no unit: 2,008元 is still another amount
    assert not s.correct and not s.value_ok


def test_converted_value_in_other_unit_counts_wrong_but_value_ok() -> None:
    # 20,080,000 元 is the same amount, but the question asks 万元: value_ok, unit wrong, not correct.
    s = score_answer(q(question=IN_WAN), ans(20_080_000, "元", [GOOD_CITE]))
    assert s.value_ok and not s.unit_ok and not s.correct


@pytest.mark.parametrize("asked", ["政府投资项目预算多少？", "政府投资项目的钱是多少？"])
def test_amount_asked_in_no_unit_may_be_in_the_printed_unit(asked: str) -> None:
    s = score_answer(q(question=asked), ans(20_080_000, "元", [GOOD_CITE]))
    assert s.value_ok and s.unit_ok and s.correct
    for said in ("政府投资项目预算多少元？", "政府投资项目预算多少万？", "政府投资项目预算几亿？"):
        assert not score_answer(
            q(question=said), ans(20_080_000, "元" if "元" not in said else "万元", [GOOD_CITE])
        ).correct


def test_citation_lacking_value_is_flagged() -> None:
    # a right value whose citation holds neither the value nor the evidence counts wrong (citations count)
    s = score_answer(q(), ans(2008, "万元", [BAD_CITE]))
    assert not s.correct and s.citation_ok is False and s.cites_evidence is False and s.value_right_uncited
    assert "evidence not cited" in s.reasons
    assert summarize([s])["citation_accuracy"] == 0.0
    assert summarize([s])["value_right_uncited"] == 1


def test_number_for_absent_figure_is_hallucination() -> None:
    absent = q(kind="absent", answer=None, evidence=[], question="大鹏新区数据局有多少台服务器？")
    s = score_answer(absent, ans(12, "台"))
    assert not s.correct and s.hallucinated
    s2 = score_answer(absent, ans(None, None, abstained=True))
    assert s2.correct and not s2.hallucinated
    s3 = score_answer(absent, ans(None, None))  # neither a number nor an abstention
    assert not s3.correct and not s3.hallucinated
    summary = summarize([s, s2])
    assert summary["hallucinated"] == 1
    assert summary["abstention_recall"] == 0.5 and summary["abstention_precision"] == 1.0


def test_false_abstention_lowers_precision() -> None:
    absent = q(kind="absent", answer=None, evidence=[])
    scores = [score_answer(absent, ans(None, None, abstained=True)), score_answer(q(), ans(None, None, abstained=True))]
    summary = summarize(scores)
    assert summary["abstention_precision"] == 0.5 and summary["false_abstentions"] == 1


def test_empty_table_needs_zero_not_abstention() -> None:
    empty = q(kind="empty", answer={"value": 0, "unit": "万元", "empty": True}, evidence=[])
    s = score_answer(empty, Answer(question="?", answer="本表为空表，金额为 0。", value=0, unit="万元"))
    assert s.correct and s.says_empty
    assert not score_answer(empty, ans(None, None, abstained=True)).correct


def test_conflict_records_warning() -> None:
    conflict = q(kind="conflict", answer={"value": 8, "unit": "万元"}, conflict_values=[8.1], evidence=[])
    s = score_answer(conflict, ans(8.1, "万元"))
    assert not s.correct
    s = score_answer(conflict, ans(8, "万元", warnings=["正文写 8.1 万元"]))
    assert s.correct and s.warned


def test_tolerance_only_when_given() -> None:
    rate = q(kind="rate", answer={"value": 34.03, "unit": "%"}, evidence=[])
    assert not score_answer(rate, ans(34.0, "%")).correct
    rounded = q(kind="rate", answer={"value": 34.03, "unit": "%", "tolerance": 0.05}, evidence=[])
    assert score_answer(rounded, ans(34.0, "％")).correct


def test_percent_is_not_money() -> None:
    rate = q(kind="rate", answer={"value": 5, "unit": "%"}, evidence=[])
    assert not score_answer(rate, ans(5, "万元")).correct


def test_value_forms_in_text() -> None:
    assert numbers_in("合计 2,087,959.00 元，增长 5.2%") == ["2,087,959.00", "5.2"]
    assert text_has_value("住房公积金 2,087,959.00", 208.8, "万元")
    assert text_has_value("政府投资项目2008万元", 2008, "万元")
    assert not text_has_value("公务用车 8.1 万元", 8, "万元")  # same unit: must be exact
    assert not text_has_value("项目 12,008", 2008, "万元")


def test_missing_answer_value_is_rejected() -> None:
    with pytest.raises(QuestionSetError):
        parse_question({"id": "x", "docs": [DAPENG], "question": "?", "kind": "text", "answer": None}, "t:1")


def test_retrieval_metrics() -> None:
    texts = ["基本支出 3,875", "第三部分 › 项目支出\n政府投资项目2,008万元。", "x"]
    assert first_relevant_rank(texts, ["政府投资项目 2,008 万元"]) == 2
    ranks = [1, 2, None, 6]
    assert recall_at(ranks, 5) == 0.5
    assert mrr(ranks, 5) == pytest.approx((1 + 0.5) / 4)
    assert percentile([1, 2, 3, 4], 50) == 2.5


def test_evidence_matches_table_row_chunk() -> None:
    from eval.score import evidence_in

    row = "表7 一般公共预算支出表（按功能分类）（单位：万元） | 科目编码 2210201 | 科目名称 住房公积金 | 合计 106"
    assert evidence_in(row, "2210201 住房公积金 106")
    assert not evidence_in(row.replace("合计 106", "合计 1,060"), "2210201 住房公积金 106")  # numbers stand whole
    assert not evidence_in(row, "住房公积金 2210201 106")  # parts in order
    assert (
        first_relevant_rank(
            ["大厅运营事务 312 万元", "x", "较 2021 年预算减少 326 万元"],
            ["大厅运营事务 312 万元", "较 2021 年预算减少 326 万元"],
        )
        == 3
    )


def test_evidence_copied_from_a_layout_with_figures_on_the_next_line() -> None:
    from eval.score import evidence_in

    # 财政局 2024 决算 p.21 prints "上海市普陀区财政局 年度收入支出总计 万元。" with "2024 2995.39" below it
    chunk = "一、收入支出决算总体情况说明\n上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，下降1.87%。"
    assert evidence_in(chunk, "年度收入支出总计万元")
    assert evidence_in(chunk, "2024 2995.39 2023")
    assert evidence_in(chunk, "支出总计减少万元，下降")
    # quotation marks print off-line too: "年度 三公 经费…" for "2024年度“三公”经费…"
    assert evidence_in(
        "2024年度“三公”经费财政拨款支出决算数与2023年度持平。", "年度三公经费财政拨款支出决算数与年度持平"
    )
    assert not evidence_in(chunk, "年度收入支出合计万元")  # the words must still be there
    assert not evidence_in("收入支出总计2995.39万元", "收入支出总计 2995.39 万元 下降")  # digits: no figure removal


def test_more_precise_amount_must_round_to_the_printed_figure() -> None:
    from assistant.answer_types import Answer, Citation
    from eval.questionset import parse_question
    from eval.score import score_answer

    q = parse_question(
        {
            "id": "p",
            "docs": ["x.pdf"],
            "question": "行政运行多少万元",
            "kind": "text",
            "answer": {"value": 1672.67, "unit": "万元"},
            "evidence": ["1672.67"],
        }
    )
    cite = [Citation(doc="d", title="t", locator="l", page=8, quote="行政运行（01项）1672.67万元")]
    assert score_answer(q, Answer(question="q", answer="a", value=1672.672544, unit="万元", citations=cite)).correct
    assert not score_answer(q, Answer(question="q", answer="a", value=1672.682544, unit="万元", citations=cite)).correct
    assert not score_answer(q, Answer(question="q", answer="a", value=1672.6, unit="万元", citations=cite)).correct


def test_derived_and_empty_answers_must_cite_their_evidence() -> None:
    from assistant.answer_types import Answer, Citation
    from eval.questionset import parse_question
    from eval.score import score_answer

    cross = parse_question(
        {"id": "c", "docs": ["a.pdf", "b.txt"], "question": "相差多少", "kind": "cross_doc",
         "answer": {"value": 0.81, "unit": "万元"}, "evidence": ["10.81", "2022年 10 0 2"]}
    )  # fmt: skip
    both = [Citation("a", "A", "三公", 21, "10.81 0 0.83"), Citation("b", "B", "表8", None, "2022年 10 0 2 8 0 8")]
    assert score_answer(cross, Answer("q", "a", value=0.81, unit="万元", citations=both)).citation_ok
    assert not score_answer(cross, Answer("q", "a", value=0.81, unit="万元", citations=both[:1])).citation_ok
    empty = parse_question(
        {"id": "e", "docs": ["a.pdf"], "question": "政府性基金支出", "kind": "empty",
         "answer": {"value": 0, "unit": "元", "empty": True}, "evidence": ["故本表为空表"]}
    )  # fmt: skip
    note = [Citation("a", "A", "政府性基金预算支出功能分类预算表", 17, "注:本部门2026年无…，故本表为空表。")]
    assert score_answer(empty, Answer("q", "无：为空表", value=0, unit="元", citations=note)).citation_ok
    row = [Citation("a", "A", "收支总表", 10, "2. 政府性基金预算 0.00")]
    assert not score_answer(empty, Answer("q", "0", value=0, unit="元", citations=row)).citation_ok
    computed = parse_question(
        {"id": "p", "docs": ["a.pdf"], "question": "占比", "kind": "computed",
         "answer": {"value": 92.1, "unit": "%", "tolerance": 0.05}, "evidence": ["2152.26", "2336.91"]}
    )  # fmt: skip
    printed = [Citation("a", "A", "l", 23, "人员经费 2,152.26"), Citation("a", "A", "l", 23, "合计 2,336.91")]
    assert score_answer(computed, Answer("q", "a", value=92.1, unit="%", citations=printed)).citation_ok


# ---- issue 11: year, cited evidence, comparisons, rounding, compound questions ------------------

JUSTICE = "shanghai_putuo_justice_2026_dept_budget.pdf"


def test_wrong_year_answer_counts_wrong() -> None:
    # 司法局 2026 预算 p.20: "2025年当年预算执行数为 …"; a 2026 figure for a 2025 question is the wrong year
    asked_2025 = parse_question(
        {"id": "y", "docs": [JUSTICE], "question": "2025年信息化建设的预算执行数是多少万元？", "kind": "text",
         "answer": {"value": 135.0, "unit": "万元"}, "evidence": ["135"]}
    )  # fmt: skip
    cite_2026 = Citation("j", "司法局", "信息化建设", 20, "信息化建设 135 万元", year=2026)
    cite_2025 = Citation("j", "司法局", "信息化建设", 20, "信息化建设 135 万元", year=2025)
    s = score_answer(
        asked_2025, Answer("q", "a", value=135.0, unit="万元", citations=[cite_2026], year=2026), doc_year=2026
    )
    assert not s.correct and s.wrong_year and s.asked_year == 2025 and s.answer_year == 2026
    assert any(r.startswith("wrong year") for r in s.reasons)
    # the year read from the citations when the answer carries none
    s = score_answer(asked_2025, Answer("q", "a", value=135.0, unit="万元", citations=[cite_2026]), doc_year=2026)
    assert not s.correct and s.wrong_year
    s = score_answer(
        asked_2025, Answer("q", "a", value=135.0, unit="万元", citations=[cite_2025], year=2025), doc_year=2026
    )
    assert s.correct and not s.wrong_year
    assert summarize([s])["wrong_year"] == 0


def test_a_part_counting_a_stock_at_a_date_asks_that_dates_year() -> None:
    # another part names 2025 (what the document does not give); the stock counted 截至2024年12月31日 is of 2024
    stock = {
        "id": "c2", "docs": [DAPENG], "kind": "compound",
        "question": "截至2024年12月31日共有车辆几辆？2025年计划购置几辆车？",
        "answer": {"parts": [{"value": 0, "unit": "辆"}, None]}, "evidence": ["共有车辆0辆"],
    }  # fmt: skip
    cars = Answer("截至2024年12月31日共有车辆几辆", "车辆截至2024年12月31日为0辆。", value=0, unit="辆", citations=[Citation("d", "财政局", "资产", None, "共有车辆0辆", year=2024)], year=2024)  # fmt: skip
    declined = _part(None, "", abstained=True, text="文件中没有找到这一数字")
    whole = Answer("q", "a", value=0, unit="辆", citations=cars.citations, parts=[cars, declined], year=2024)
    s = score_answer(parse_question(stock), whole, doc_year=2024)
    assert s.correct and not s.wrong_year


def test_a_part_naming_no_year_asks_the_year_the_part_before_names() -> None:
    """`截至2023年8月31日共有车辆多少辆？2024年预算安排购置几辆？对应的公务用车购置费是多少万元？`: the third part
    asks 2024's figure (the purchase the part before names), not the 2023 of the date the stock is counted at."""
    spec = {
        "id": "c4", "docs": [DAPENG], "kind": "compound",
        "question": "截至2023年8月31日共有车辆多少辆？2024年预算安排购置几辆？对应的公务用车购置费是多少万元？",
        "answer": {"parts": [{"value": 7, "unit": "辆"}, {"value": 1, "unit": "辆"}, {"value": 25, "unit": "万元"}]},
        "evidence": ["共有车辆7辆", "购置车辆1辆", "公务用车购置费25万元"],
    }  # fmt: skip
    held = Answer("共有车辆多少辆", "车辆为7辆。", value=7, unit="辆", citations=[Citation("d", "d", "资产", 32, "共有车辆7辆", year=2023)], year=2023)  # fmt: skip
    plan = Answer("2024年预算安排购置几辆", "1辆。", value=1, unit="辆", citations=[Citation("d", "d", "资产", 32, "安排购置车辆1辆", year=2024)], year=2024)  # fmt: skip
    fee = Answer("公务用车购置费是多少万元", "25万元。", value=25, unit="万元", citations=[Citation("d", "d", "三公", 32, "公务用车购置费25万元", year=2024)], year=2024)  # fmt: skip
    cites = [*held.citations, *plan.citations, *fee.citations]
    whole = Answer("q", "a", value=7, unit="辆", citations=cites, parts=[held, plan, fee])
    s = score_answer(parse_question(spec), whole, doc_year=2024)
    assert s.correct and not s.wrong_year, s.reasons
    wrong = Answer("公务用车购置费是多少万元", "25万元。", value=25, unit="万元", citations=fee.citations, year=2023)
    s = score_answer(parse_question(spec), Answer("q", "a", value=7, unit="辆", citations=cites, parts=[held, plan, wrong]), doc_year=2024)  # fmt: skip
    assert s.wrong_year


def test_a_rate_after_a_prior_years_part_asks_the_questions_year() -> None:
    """`…2024年预算安排多少万元？2023年当年预算执行数是多少万元？增长了百分之几？`: the rate is 2024's."""
    spec = {
        "id": "c5", "docs": [DAPENG], "kind": "compound",
        "question": "社会福利事业单位2024年预算安排多少万元？2023年当年预算执行数是多少万元？增长了百分之几？",
        "answer": {"parts": [{"value": 738.66, "unit": "万元"}, {"value": 711.34, "unit": "万元", "year": 2023}, {"value": 3.84, "unit": "%"}]},
        "evidence": ["738.66万元", "711.34万元", "3.84%"],
    }  # fmt: skip
    now = Answer("2024年预算安排多少万元", "738.66万元。", value=738.66, unit="万元", citations=[Citation("d", "d", "说明", 6, "738.66万元", year=2024)], year=2024)  # fmt: skip
    then = Answer("2023年当年预算执行数", "711.34万元。", value=711.34, unit="万元", citations=[Citation("d", "d", "说明", 6, "711.34万元", year=2023)], year=2023)  # fmt: skip
    rate = Answer("增长了百分之几", "3.84%。", value=3.84, unit="%", citations=[Citation("d", "d", "说明", 6, "3.84%", year=2024)], year=2024)  # fmt: skip
    whole = Answer("q", "a", value=738.66, unit="万元", citations=[*now.citations, *then.citations, *rate.citations], parts=[now, then, rate])  # fmt: skip
    s = score_answer(parse_question(spec), whole, doc_year=2024)
    assert s.correct and not s.wrong_year, s.reasons


def test_a_rate_on_a_named_base_after_a_prior_years_amounts_asks_the_documents_year() -> None:
    """`X 2023年当年预算执行数、2024年预算安排各为多少万元？较2023年执行数增长百分之几？`: three parts, two question marks;
    the rate's own text names only its base (较2023年), so it asks the document's year, 2024, not the first year named."""
    spec = {
        "id": "c6", "docs": [DAPENG], "kind": "compound",
        "question": "公益性岗位补贴2023年当年预算执行数、2024年预算安排各为多少万元？较2023年执行数增长百分之几？",
        "answer": {"parts": [{"value": 389.59, "unit": "万元", "year": 2023}, {"value": 421.23, "unit": "万元"}, {"value": 8.12, "unit": "%"}]},
        "evidence": ["389.59万元", "421.23万元", "8.12%"],
    }  # fmt: skip
    then = Answer("公益性岗位补贴2023年当年预算执行数是多少万元", "389.59万元。", value=389.59, unit="万元", citations=[Citation("d", "d", "说明", 8, "389.59万元", year=2023)], year=2023)  # fmt: skip
    now = Answer("公益性岗位补贴2024年预算安排是多少万元", "421.23万元。", value=421.23, unit="万元", citations=[Citation("d", "d", "说明", 8, "421.23万元", year=2024)], year=2024)  # fmt: skip
    rate = Answer("公益性岗位补贴较2023年执行数增长百分之几", "8.12%。", value=8.12, unit="%", citations=[Citation("d", "d", "说明", 8, "8.12%", year=2024)], year=2024)  # fmt: skip
    cites = [*then.citations, *now.citations, *rate.citations]
    s = score_answer(parse_question(spec), Answer("q", "a", value=389.59, unit="万元", citations=cites, parts=[then, now, rate]), doc_year=2024)  # fmt: skip
    assert s.correct and not s.wrong_year, s.reasons
    stale = Answer(rate.question, "8.12%。", value=8.12, unit="%", citations=rate.citations, year=2023)
    s = score_answer(parse_question(spec), Answer("q", "a", value=389.59, unit="万元", citations=cites, parts=[then, now, stale]), doc_year=2024)  # fmt: skip
    assert s.wrong_year
    # the base said as the year before (较上年执行数), its three parts split by question marks
    spec["question"] = (
        "公益性岗位补贴2023年当年预算执行数是多少万元？2024年预算安排多少万元？较上年执行数增长百分之几？"
    )
    prior = Answer("公益性岗位补贴较上年执行数增长百分之几", "8.12%。", value=8.12, unit="%", citations=rate.citations, year=2024)  # fmt: skip
    s = score_answer(parse_question(spec), Answer("q", "a", value=389.59, unit="万元", citations=cites, parts=[then, now, prior]), doc_year=2024)  # fmt: skip
    assert s.correct and not s.wrong_year, s.reasons


@pytest.mark.parametrize(
    ("question", "said", "held", "bought"),
    [
        # the engine's text of a part may leave its year out (又打算买几辆); the question's own piece names it
        (
            "万里街道截至2023年8月31日共有几辆车？2024年预算里又打算买几辆？",
            ("截至2023年8月31日共有几辆车", "又打算买几辆"),
            7,
            1,
        ),
        # a long form puts the document (2024) before a stock counted 截至2023年12月31日; the parts are split by ；
        (
            "根据福利院2024年单位预算，(1) 截至2023年12月31日共有车辆几辆；(2) 2024年安排购置车辆几辆？",
            ("单位共有车辆几辆", "安排购置车辆几辆"),
            2,
            0,
        ),
    ],
)
def test_a_stock_and_a_purchase_ask_the_years_their_own_pieces_name(
    question: str, said: tuple[str, str], held: int, bought: int
) -> None:
    spec = {
        "id": "c3", "docs": [DAPENG], "kind": "compound", "question": question,
        "answer": {"parts": [{"value": held, "unit": "辆"}, {"value": bought, "unit": "辆"}]},
        "evidence": [f"共有车辆{held}辆", f"安排购置车辆{bought}辆"],
    }  # fmt: skip
    asked = parse_question(spec)
    stock = Answer(said[0], f"车辆为{held}辆。", value=held, unit="辆", citations=[Citation("d", "d", "资产", 32, f"共有车辆{held}辆", year=2023)], year=2023)  # fmt: skip
    plan = Answer(said[1], f"购置车辆2024年为{bought}辆。", value=bought, unit="辆", citations=[Citation("d", "d", "资产", 32, f"2024年部门预算安排购置车辆{bought}辆", year=2024)], year=2024)  # fmt: skip
    cites = [*stock.citations, *plan.citations]
    s = score_answer(
        asked, Answer("q", "a", value=held, unit="辆", citations=cites, parts=[stock, plan]), doc_year=2024
    )
    assert s.correct and not s.wrong_year
    # the purchase given for the stock is still a figure of another year
    s = score_answer(
        asked, Answer("q", "a", value=bought, unit="辆", citations=cites, parts=[plan, plan]), doc_year=2024
    )
    assert not s.correct and s.wrong_year


def test_a_figure_cited_from_a_print_in_yuan_rounds_half_up_to_the_wan_yuan_expected() -> None:
    # 99,750 元 (经济分类 table) is printed 9.98 万元 in the 三公 table; 8.1 万元 against a printed 8 万元 stays wrong
    run = q(question="公务用车运行维护费多少万元？", answer={"value": 9.98, "unit": "万元"}, evidence=["99,750"])
    in_yuan = Citation("d1", "司法局", "30231", 19, "30231 公务用车运行维护费 99,750.00", unit="元")
    assert score_answer(run, ans(9.975, "万元", [in_yuan])).value_ok
    assert not score_answer(run, ans(9.975, "万元", [GOOD_CITE])).value_ok  # not printed in 元: one decimal more
    eight = q(question="公务用车购置和运行维护费多少万元？", answer={"value": 8, "unit": "万元"}, evidence=["8"])
    assert not score_answer(
        eight, ans(8.1, "万元", [Citation("d1", "大鹏", "三公", None, "8.1万元", unit="万元")])
    ).value_ok


def test_a_count_printed_in_tai_tao_is_counted_in_tai() -> None:
    sets = q(
        kind="count",
        question="单价100万元以上的设备有多少台（套）？",
        answer={"value": 2, "unit": "台"},
        evidence=["2"],
    )
    cite = Citation("d1", "财政局", "资产", 24, "单价100万元（含）以上设备（不含车辆）2台（套）")
    assert score_answer(sets, ans(2, "台（套）", [cite])).unit_ok
    assert not score_answer(sets, ans(2, "辆", [cite])).unit_ok


def test_compared_years_and_count_dates_are_not_the_year_asked() -> None:
    from eval.years import years_in_text

    assert years_in_text("公务接待费和去年比变了多少", 2024) == []
    assert years_in_text("和2023年相比增加多少", 2024) == []
    assert years_in_text("截至2025年8月31日，司法局的执法执勤用车有几辆？", 2026) == []
    assert years_in_text("2022年和2021年的预算一共多少", 2022) == [2022, 2021]  # a sum of two years asks both
    # 减去年初预算数 is 减去 + 年初预算数: no 去年 asked; 去年 said alone still is
    assert years_in_text("行政运行支出决算数减去年初预算数是多少万元", 2024) == []
    assert years_in_text("财政局去年行政运行决算是多少", 2024) == [2023]
    assert years_in_text("Putuo 2026年 budget 里，普法宣传 compared with 2025年预算执行数", 2026) == [2026]
    # a year glossing a base in brackets is that base; a bracketed year after anything else is asked
    assert years_in_text("那它比上年（2021年预算）多还是少，差多少", 2022) == []
    assert years_in_text("公务接待费较去年(2023年)增加多少", 2024) == []
    assert years_in_text("司法局上年（2025年）的执行数是多少", 2026) == [2025]


def test_a_year_named_again_after_a_comparison_is_asked() -> None:
    """`2025年…和2026年…比，2026年多安排了多少`: 2026 is asked; with no year named again the first year is."""
    from eval.years import asked_year

    asked = q(question="基层司法业务，2025年实际花掉的钱（预算执行数）和2026年的预算安排比，2026年多安排了多少万元？")
    assert asked_year(asked, 2026) == 2026
    asked = q(question="城乡社区环境卫生2023年预算执行数和2024年预算比，2024年少了多少万元？")
    assert asked_year(asked, 2024) == 2024
    assert asked_year(q(question="2023年预算执行数是多少？和2024年预算比少了多少？"), 2024) == 2023


def test_a_year_shortened_to_two_digits_is_the_year_asked() -> None:
    """`福利院24年三公经费…？和2023年预算比变了多少？`: 24年 is 2024, so a change on 2023 is 2024's, not 2023's."""
    from eval.years import asked_year, years_in_text

    assert years_in_text("普陀司法局26年三公经费多少") == [2026]
    assert years_in_text("第24年，24年来，80年代") == []
    asked = q(question="福利院24年公务用车运行费预算多少万元？和2023年预算比变了多少万元？")
    assert asked_year(asked, 2024) == 2024


def test_asked_year_skips_base_years_and_honours_the_year_field() -> None:
    from eval.years import asked_year, years_in_text

    change = q(question="大厅运营事务比2021年减少了多少万元？")
    assert asked_year(change, 2022) == 2022  # 比2021年 is the base of the comparison
    assert years_in_text("2024年机关运行经费与2023年相比增加多少") == [2024]
    assert years_in_text("与 2023年度相比，对比2022年，跟2021年比，较2020年") == []
    assert asked_year(q(question="2021年的收入是多少？", year=2020), 2022) == 2020  # the field wins
    s = score_answer(change, ans(2008, "万元", [GOOD_CITE], year=2021), doc_year=2022)
    assert s.wrong_year and not s.correct


def test_a_stock_asked_at_a_date_asks_that_dates_year() -> None:
    from eval.years import asked_year, years_in_text

    # 万里街道 2024 预算 p.32: 截至2023年8月31日共有车辆7辆; the figure asked is of 2023, whatever year the title says
    cars = {"value": 7, "unit": "辆"}
    stock = q(
        question="《万里街道办事处2024年部门预算》国有资产：截至２０２３年８月３１日，共有车辆多少辆？", answer=cars
    )
    assert asked_year(stock, 2024) == 2023
    assert asked_year(q(question="截至2021年10月，大鹏数据局共有几辆车？", answer=cars), 2022) == 2021
    # an amount of 2024 averaged over the cars counted at a 2023 date is 2024's
    average = q(question="万里街道2024年公务用车运行费预算，按截至2023年8月底共有的车辆数平均，每辆车多少万元？")
    assert asked_year(average, 2024) == 2024
    # in a compound the date is the whole question's year only when said before any other year
    cars = {"id": "c", "docs": [DAPENG], "kind": "compound", "evidence": ["共有车辆0辆"],
            "question": "截至2024年12月31日共有车辆几辆？设备多少台？2025年计划购置几辆车？",
            "answer": {"parts": [{"value": 0, "unit": "辆"}, {"value": 2, "unit": "台"}, None]}}  # fmt: skip
    assert asked_year(parse_question(cars), 2024) == 2024
    later = dict(cars, question="2025年计划购置几辆车？截至2024年12月31日共有车辆几辆？")
    assert asked_year(parse_question(later), 2024) == 2025
    # a base year said with 以…为基数 or a few words before 比 is no year asked
    assert years_in_text("以2021年预算为基数，2022年信息技术服务的增减额是多少") == [2022]
    assert years_in_text("2026年三公经费和2025年预算比增加了多少") == [2026]


def test_right_value_cited_from_the_wrong_row_counts_wrong() -> None:
    # 司法局 2026 部门支出预算总表: 住房公积金 2,087,959.00 元; a row of another item printing the same amount
    housing = parse_question(
        {"id": "h", "docs": [JUSTICE], "question": "住房公积金预算多少元？", "kind": "table",
         "answer": {"value": 2087959.0, "unit": "元"}, "evidence": ["221 02 01 住房公积金 2087959.00"]}
    )  # fmt: skip
    right = Citation(
        "j", "司法局", "部门支出预算总表 · 2210201 住房公积金 · 合计", 12, "221 02 01 住房公积金 2,087,959.00"
    )
    wrong = Citation("j", "司法局", "部门支出预算总表 · 2210202 提租补贴 · 合计", 12, "221 02 02 提租补贴 2,087,959.00")
    s = score_answer(housing, Answer("q", "a", value=2087959.0, unit="元", citations=[wrong]))
    assert s.value_ok and s.unit_ok and s.citation_ok and s.cites_evidence is False
    assert not s.correct and s.value_right_uncited
    assert score_answer(housing, Answer("q", "a", value=2087959.0, unit="元", citations=[wrong, right])).correct
    # a table-row citation whose locator carries the column names still holds the row's parts in order
    located = Citation("j", "司法局", "2210201 住房公积金 · 合计", 12, "221 02 01 住房公积金 2087959.00 0.00")
    assert score_answer(housing, Answer("q", "a", value=2087959.0, unit="元", citations=[located])).correct


TARGET = {
    "id": "dapeng-040", "docs": [DAPENG], "question": "计划整理多少份档案？", "kind": "target",
    "answer": {"value": 5000, "unit": "份", "comparison": "≥"}, "evidence": ["整理档案数量 ≥ 5000 份"],
}  # fmt: skip
TARGET_CITE = Citation("d", "大鹏", "第七部分 · 综合管理事务", None, "数量指标 整理档案数量 ≥ 5000 份")


def test_missed_comparison_counts_wrong() -> None:
    target = parse_question(TARGET)
    missed = score_answer(
        target, Answer("q", "整理档案数量2022年目标值为5000份。[1]", value=5000, unit="份", citations=[TARGET_CITE])
    )
    assert missed.value_ok and missed.cites_evidence and missed.comparison_ok is False and not missed.correct
    assert "comparison ≥ not stated" in missed.reasons
    for text in ("整理档案数量目标值为≥5000份。[1]", "整理档案数量目标为不少于5000份。[1]"):
        s = score_answer(target, Answer("q", text, value=5000, unit="份", citations=[TARGET_CITE]))
        assert s.correct and s.comparison_ok
    at_most = parse_question({**TARGET, "answer": {"value": 5000, "unit": "份", "comparison": "≤"}})
    assert not score_answer(
        at_most, Answer("q", "不少于5000份", value=5000, unit="份", citations=[TARGET_CITE])
    ).correct
    assert summarize([missed])["comparison_stated"] == 0.0


def test_round_rounds_the_answer_half_up() -> None:
    # 万里街道 收入预算 15,621.11 ÷ 福利院 1,212.12 = 12.8874 → 12.89 at two decimals
    ratio = parse_question(
        {"id": "r", "docs": [DAPENG], "question": "是几倍？", "kind": "computed",
         "answer": {"value": 12.89, "unit": "倍", "round": 2}, "evidence": ["15621.11", "1,212.12"]}
    )  # fmt: skip
    cites = [
        Citation("w", "万里", "l", 6, "收入预算15621.11万元"),
        Citation("f", "福利院", "l", 6, "收入预算1,212.12万元"),
    ]
    assert ratio.round == 2
    assert score_answer(ratio, Answer("q", "a", value=12.8874, unit="倍", citations=cites)).correct
    assert score_answer(ratio, Answer("q", "a", value=12.885, unit="倍", citations=cites)).correct  # half up
    assert not score_answer(ratio, Answer("q", "a", value=12.88, unit="倍", citations=cites)).correct


COMPOUND = {
    "id": "c1", "docs": [DAPENG], "question": "大鹏数据局2022年收入预算是多少万元，比上年增长多少？", "kind": "compound",
    "answer": {"parts": [{"value": 5883, "unit": "万元"}, {"value": 601, "unit": "万元"}]},
    "evidence": ["收入预算 5,883 万元", "增加 601 万元"],
}  # fmt: skip


def _part(value: float | None, quote: str, question: str = "", abstained: bool = False, text: str = "…") -> Answer:
    cites = [Citation("d", "大鹏", "第二部分", None, quote, year=2022)] if quote else []
    return Answer(question, text, value=value, unit="万元" if value is not None else None, abstained=abstained, citations=cites, year=2022 if value is not None else None)  # fmt: skip


def test_compound_question_answered_in_part_counts_wrong() -> None:
    compound = parse_question(COMPOUND)
    assert compound.value == 5883 and len(compound.parts) == 2 and not compound.expects_abstention
    first = _part(5883, "2022年收入预算 5,883 万元")
    second = _part(601, "比2021年预算增加 601 万元")
    whole = Answer("q", "a", value=5883, unit="万元", citations=first.citations + second.citations, parts=[first, second], year=2022)  # fmt: skip
    s = score_answer(compound, whole, doc_year=2022)
    assert s.correct and s.parts_ok == [True, True]
    in_part = Answer("q", "a", value=5883, unit="万元", citations=first.citations, parts=[first], year=2022)
    s = score_answer(compound, in_part, doc_year=2022)
    assert not s.correct and s.parts_ok == [True, False] and "part 2: not answered" in s.reasons
    unsplit = Answer("q", "a", value=5883, unit="万元", citations=first.citations, year=2022)  # no parts at all
    assert not score_answer(compound, unsplit, doc_year=2022).correct
    wrong_second = Answer("q", "a", value=5883, unit="万元", citations=whole.citations, parts=[first, _part(583, "增加 601 万元")])  # fmt: skip
    assert not score_answer(compound, wrong_second, doc_year=2022).correct
    uncited = Answer("q", "a", value=5883, unit="万元", citations=first.citations, parts=[first, _part(601, "")])
    s = score_answer(compound, uncited, doc_year=2022)
    assert not s.correct and s.parts_ok == [True, False]


def test_compound_part_the_document_does_not_give_must_be_declined() -> None:
    given = {
        **COMPOUND,
        "answer": {"parts": [{"value": 5883, "unit": "万元"}, None]},
        "evidence": ["收入预算 5,883 万元"],
    }
    compound = parse_question(given)
    first = _part(5883, "2022年收入预算 5,883 万元")
    declined = _part(None, "", abstained=True, text="文件中没有找到这一数字")
    said = _part(None, "", text="文件未公开上年的数字")
    invented = _part(601, "增加 601 万元")
    for second, ok in ((declined, True), (said, True), (invented, False)):
        s = score_answer(compound, Answer("q", "a", value=5883, unit="万元", citations=first.citations, parts=[first, second]), doc_year=2022)  # fmt: skip
        assert s.correct is ok, second.answer
    s = score_answer(compound, Answer("q", "a", value=5883, unit="万元", citations=first.citations, parts=[first, invented]), doc_year=2022)  # fmt: skip
    assert s.hallucinated


def test_a_part_citing_its_own_sentence_of_a_two_sentence_evidence_line_is_cited() -> None:
    staff = parse_question(
        {
            **COMPOUND,
            "question": "大鹏数据局行政编制和事业编制各多少人？",
            "answer": {"parts": [{"value": 9, "unit": "人"}, {"value": 15, "unit": "人"}]},
            "evidence": ["行政编制总数 9 人，实有在编人数 9 人；事业编制总数 15 人，实有在编人数 13 人"],
        }
    )

    def part(value: float, quote: str) -> Answer:
        cites = [Citation("d", "大鹏", "二、机构设置情况", None, quote, year=2022)]
        return Answer("q", "…", value=value, unit="人", citations=cites, year=2022)

    first, second = (
        part(9, "行政编制总数 9 人，实有在编人数 9 人；"),
        part(15, "事业编制总数 15 人，实有在编人数 13 人；"),
    )
    whole = Answer("q", "a", value=9, unit="人", citations=first.citations + second.citations, parts=[first, second], year=2022)  # fmt: skip
    assert score_answer(staff, whole, doc_year=2022).correct
    # a sentence of the line that does not print the part's figure cites nothing for it
    other = part(15, "行政编制总数 9 人，实有在编人数 9 人；")
    s = score_answer(staff, Answer("q", "a", value=9, unit="人", citations=first.citations, parts=[first, other], year=2022), doc_year=2022)  # fmt: skip
    assert not s.correct and s.parts_ok == [True, False]


def test_new_kinds_and_null_prior_year_answers_parse() -> None:
    for kind in ("compound", "prior_year_long", "count", "final_columns"):
        assert kind in KINDS
    prior = parse_question(
        {"id": "p", "docs": [DAPENG], "question": "根据…2022年部门预算，该局2020年的收入是多少万元？",
         "kind": "prior_year_long", "answer": None, "evidence": [], "year": 2020}
    )  # fmt: skip
    assert prior.expects_abstention and prior.year == 2020
    with pytest.raises(QuestionSetError, match="parts"):
        parse_question({**COMPOUND, "answer": {"parts": [{"value": 1, "unit": "万元"}]}})


# ---- long forms and LODO -----------------------------------------------------------------------


def _justice_meta() -> object:
    from eval.variants import DocMeta

    return DocMeta("j", "上海市普陀区司法局", 2026, "部门预算", "上海市普陀区司法局2026年部门预算")


def test_long_forms_are_generated_from_the_document_metadata() -> None:
    from eval.variants import long_form_questions, long_forms, short_names

    meta = _justice_meta()
    assert short_names("上海市普陀区人民政府万里街道办事处")[-1] == "万里街道"
    assert short_names("上海市普陀区司法局") == ("上海市普陀区司法局", "普陀区司法局", "司法局")
    travel = parse_question(
        {"id": "justice-x", "docs": [JUSTICE], "question": "差旅费预算多少？", "kind": "table",
         "answer": {"value": 9.5, "unit": "万元"}, "evidence": ["差旅费 95000"]}
    )  # fmt: skip
    forms = dict(long_forms(travel, meta))  # type: ignore[arg-type]
    assert forms == {
        "full_name": "上海市普陀区司法局2026年差旅费预算多少？",
        "according": "根据上海市普陀区司法局2026年部门预算，差旅费预算多少？",
        "per_saying": "按司法局2026年部门预算的说法，差旅费预算多少？",
        "unit": "差旅费预算多少万元？",
        "polite": "请问差旅费预算多少？",
        "long": "请问，根据上海市普陀区司法局2026年部门预算，差旅费预算多少万元？",
    }
    rate = parse_question(
        {"id": "r", "docs": [JUSTICE], "question": "司法局2025年执行数涨了百分之几", "kind": "rate",
         "answer": {"value": 12.5, "unit": "%"}, "evidence": ["12.5%"]}
    )  # fmt: skip
    forms = dict(long_forms(rate, meta))  # type: ignore[arg-type]
    assert forms["decimals"] == "司法局2025年执行数涨了百分之几（保留两位小数）？"
    assert (
        forms["full_name"] == "上海市普陀区司法局2025年执行数涨了百分之几？"
    )  # the short name replaced, no year added
    assert "unit" not in forms
    absent = parse_question(
        {"id": "a", "docs": [JUSTICE], "question": "会议费预算多少？", "kind": "absent", "answer": None}
    )
    variants = long_form_questions([rate, absent], {JUSTICE: meta})  # type: ignore[dict-item]
    assert {v.extra["base_id"] for v in variants} == {"r", "a"}
    assert all(v.year == 2025 for v in variants if v.extra["base_id"] == "r")  # the year the original asks
    assert all(v.expects_abstention for v in variants if v.extra["base_id"] == "a")  # absent stays absent


def test_department_mentions() -> None:
    from eval.variants import find_mention

    others = ["上海市普陀区司法局", "上海市普陀区财政局", "上海市普陀区社会福利院"]
    dapeng = "深圳市大鹏新区政务服务数据管理局"
    assert find_mention("大鹏数据局2022年部门预算收入一共多少？", dapeng, others) == "大鹏数据局"
    assert find_mention("福利院有几辆车", "上海市普陀区社会福利院", [dapeng, *others[:2]]) == "福利院"
    assert find_mention("政府投资项目预算多少？", dapeng, others) is None
    assert find_mention("普陀区有几辆车？", "上海市普陀区司法局", others[1:]) is None  # names no department


def _fake_scores(right: list[bool], docs: list[list[str]]) -> list[object]:
    from eval.score import Score

    return [
        Score(id=f"q{i}", kind="table", docs=d, question="", expected=1, expected_unit="元", got=1, got_unit="元",
              answer="", abstained=False, correct=r, value_ok=r, unit_ok=True, citation_ok=None, cites_evidence=None)
        for i, (r, d) in enumerate(zip(right, docs, strict=True))
    ]  # fmt: skip


def test_lodo_picks_on_the_other_documents_and_scores_the_held_out_one() -> None:
    from eval.lodo import Candidates, changed_from, folds_of, lodo_summary, run_lodo
    from index.settings import Tunables

    # documents A and B answer best with rrf_k=20, document C with the default 5; min_score never matters
    docs = [["A"], ["A"], ["B"], ["B"], ["C"], ["A", "C"]]
    calls: list[dict[str, object]] = []

    def evaluate(t: Tunables) -> list[object]:
        calls.append(t.model_dump())
        ab, c = t.rrf_k == 20, t.rrf_k == 5
        return _fake_scores([ab, ab, ab, ab, c, True], docs)

    space = {"rrf_k": [1, 5, 20, 60], "min_score": [0.5, 0.62]}
    start = Tunables()
    assert folds_of(docs, ["C"])["C"] == ([0, 1, 2, 3], [4])  # the cross-document question involves C
    cands = Candidates(evaluate)  # type: ignore[arg-type]
    folds = run_lodo(cands, docs, ["A", "B", "C"], start, space)
    picked = {f.document: changed_from(f.picked, start) for f in folds}
    assert picked == {"A": {"rrf_k": 20}, "B": {"rrf_k": 20}, "C": {"rrf_k": 20}}
    held = {f.document: [s.correct for s in f.test] for f in folds}  # type: ignore[attr-defined]
    assert held == {"A": [True, True], "B": [True, True], "C": [False]}
    assert len(calls) == len(cands.cache) == 5  # each candidate evaluated once, shared by the folds
    summary = lodo_summary(folds, start, cands.scores(start))  # type: ignore[arg-type]
    assert (summary["correct"], summary["n"], summary["in_sample_correct"]) == (4, 5, 1)
    assert summary["by_doc"]["C"]["lodo"] == 0.0 and summary["by_doc"]["C"]["in_sample"] == 1.0
    # ties keep the defaults: a knob that changes nothing is never picked
    flat = Candidates(lambda t: _fake_scores([True] * 6, docs))  # type: ignore[arg-type, return-value]
    assert all(not changed_from(f.picked, start) for f in run_lodo(flat, docs, ["A", "B", "C"], start, space))


def test_row_evidence_with_split_codes_and_adjacent_cells() -> None:
    from eval.score import evidence_in

    # 财政局 2024 决算 p.10 prints the code in parts and the label on its own line: evidence is the number line
    row = "支出决算表 · 2010608 财政委托业务支出 · 本年支出合计 201 06 08 财政委托业务支出 449.52 449.52"
    assert evidence_in(row, "201 06 08 449.52 449.52")
    assert not evidence_in(row.replace("449.52 449.52", "449.52 449.5"), "201 06 08 449.52 449.52")
    assert evidence_in("总计 2,961.68 总计 2,961.68 2,961.68", "2,961.68 2,961.68 2,961.68")
    assert not evidence_in("总计 2,961.68 总计 2,961.68", "2,961.68 2,961.68 2,961.68")  # each cell once
    assert not evidence_in("科目编码 2210201 | 合计 1060", "221 02 01 106")  # numbers still stand whole


def test_unscoped_answers_must_come_from_or_name_the_department() -> None:
    from eval.slices import score_unscoped
    from eval.variants import DocMeta

    justice = DocMeta("j", "上海市普陀区司法局", 2026, "部门预算", "上海市普陀区司法局2026年部门预算")
    finance = DocMeta("f", "上海市普陀区财政局", 2024, "部门决算", "上海市普陀区财政局2024年度部门决算")
    metas = {"j.pdf": justice, "f.pdf": finance}
    asked = {"docs": ["j.pdf"], "kind": "table", "answer": {"value": 2087959, "unit": "元"}, "evidence": ["住房公积金 2087959.00"]}  # fmt: skip
    own = Citation("j", justice.title, "l", 12, "221 02 01 住房公积金 2087959.00", year=2026)
    other = Citation("f", finance.title, "l", 9, "住房公积金 187.19", year=2024)

    def judge(question: str, answer: Answer) -> Score:
        q = parse_question({"id": "u", "question": question, **asked})
        return score_unscoped(q, answer, score_answer(q, answer, doc_year=2026), justice, metas)

    named = "司法局住房公积金预算多少元？"
    right = Answer(
        "q", "住房公积金2026年预算数为2,087,959.00元。[1]", value=2087959, unit="元", citations=[own], year=2026
    )
    assert judge(named, right).correct and judge(named, right).form == "named"
    from_other = Answer("q", "住房公积金为1,871,900元。[1]", value=2087959, unit="元", citations=[other], year=2026)
    assert not judge(named, from_other).correct and judge(named, from_other).scope_ok is False
    bare = "住房公积金预算多少元？"
    assert not judge(bare, right).correct  # right value, but the answer does not say whose
    says = Answer("q", f"{justice.title}：住房公积金2026年预算数为2,087,959.00元。[1]", value=2087959, unit="元", citations=[own], year=2026)  # fmt: skip
    assert judge(bare, says).correct
    listing = Answer(
        "q",
        f"{justice.title}：住房公积金为2,087,959.00元。[1]\n{finance.title}：住房公积金为187.19万元。[2]",
        citations=[own, other],
    )
    s = judge(bare, listing)
    assert s.correct and s.form == "not_named", s.reasons
    wrong_line = Answer("q", f"{justice.title}：住房公积金为187.19万元。[1]\n{finance.title}：2,087,959.00元。[2]", citations=[own, other])  # fmt: skip
    assert not judge(bare, wrong_line).correct


def test_comparison_bases_and_count_dates_are_not_the_year_asked() -> None:
    from eval.years import years_in_text

    assert years_in_text("公务用车运行费和去年比有变化吗", 2026) == []
    assert years_in_text("截至2021年10月，大鹏数据局共有几辆车？", 2022) == []
    assert years_in_text("截止2023年8月31日，2024年有几辆执法执勤用车", 2024) == [2024]


def test_unscoped_per_document_prior_year_line_is_the_year_asked() -> None:
    from eval.slices import score_unscoped
    from eval.variants import DocMeta

    wanli = DocMeta(
        "w", "上海市普陀区人民政府万里街道办事处", 2024, "部门预算", "上海市普陀区人民政府万里街道办事处2024年部门预算"
    )
    welfare = DocMeta("f", "上海市普陀区社会福利院", 2024, "单位预算", "上海市普陀区社会福利院2024年单位预算")
    q = parse_question(
        {"id": "wanli-037", "docs": ["w.pdf"], "question": "2023年三公经费预算多少", "kind": "computed",
         "answer": {"value": 22.91, "unit": "万元"}, "evidence": ["47.91", "增加25"]}
    )  # fmt: skip
    cites = [
        Citation("w", wanli.title, "三公", 31, "2024年“三公”经费预算数为47.91万元", year=2024),
        Citation("w", wanli.title, "三公", 31, "比2023年预算增加25万元", year=2024),
        Citation("f", welfare.title, "三公", 15, "6.40", year=2024),
    ]
    text = (
        f"{wanli.title}：三公经费2023年为22.91万元（2024年47.91 − 比上年增加25 = 22.91万元）。[1][2]\n"
        f"{welfare.title}：三公经费2024年为6.40万元。[3]"
    )
    ans = Answer("q", text, citations=cites)
    s = score_unscoped(q, ans, score_answer(q, ans, doc_year=2024), wanli, {"w.pdf": wanli, "f.pdf": welfare})
    assert s.correct and not s.wrong_year, s.reasons
    stale = Answer("q", text.replace("三公经费2023年为22.91", "三公经费为22.91"), citations=cites)
    s = score_unscoped(q, stale, score_answer(q, stale, doc_year=2024), wanli, {"w.pdf": wanli, "f.pdf": welfare})
    assert s.wrong_year and not s.correct


def test_unscoped_per_document_compound_part_of_its_own_year() -> None:
    from eval.slices import score_unscoped
    from eval.variants import DocMeta

    # 财政局 2024 决算 p.16: the first part's share is of 2024 (its `year`); the second part names 2023
    finance = DocMeta("c", "上海市普陀区财政局", 2024, "部门决算", "上海市普陀区财政局2024年度部门决算")
    justice = DocMeta("j", "上海市普陀区司法局", 2026, "部门预算", "上海市普陀区司法局2026年部门预算")
    q = parse_question(
        {"id": "v8-finance-012", "docs": ["c.pdf"], "kind": "compound", "evidence": ["2,082.85", "262.33"],
         "question": "基本工资占工资福利支出的比重是多少（保留一位小数）？2023年度基本工资决算数又是多少万元？",
         "answer": {"parts": [{"value": 12.6, "unit": "%", "round": 1, "tolerance": 0.05, "year": 2024}, None]}}
    )  # fmt: skip
    cites = [
        Citation("c", finance.title, "表6", 16, "工资福利支出2,082.85", year=2024),
        Citation("c", finance.title, "表6", 16, "基本工资01办公费262.33", year=2024),
    ]
    text = f"1. {finance.title}：基本工资占工资福利支出的比例为12.6%。[1][2]\n2. 没有找到2023年的数字"
    ans = Answer("q", text, citations=cites)
    metas = {"c.pdf": finance, "j.pdf": justice}
    s = score_unscoped(q, ans, score_answer(q, ans, doc_year=2024), finance, metas)
    assert not s.wrong_year, s.reasons
    q2023 = parse_question(
        {"id": "x", "docs": ["c.pdf"], "kind": "text", "evidence": ["262.33"],
         "question": "2023年度基本工资决算数是多少万元？", "answer": {"value": 262.33, "unit": "万元"}}
    )  # fmt: skip
    plain = Answer("q", f"{finance.title}：基本工资为262.33万元。[1]", value=262.33, unit="万元", citations=cites[1:])
    assert score_unscoped(q2023, plain, score_answer(q2023, plain, doc_year=2024), finance, metas).wrong_year


def test_lodo_does_not_buy_right_answers_with_a_wrong_number() -> None:
    from dataclasses import replace

    from eval.lodo import Candidates, changed_from, run_lodo, utility, wrong_number
    from index.settings import Tunables

    docs = [["A"]] * 4 + [["B"]] * 4
    base = [  # one right per document, the others abstained
        s if s.correct else replace(s, abstained=True, got=None, value_ok=None)  # type: ignore[attr-defined, type-var]
        for s in _fake_scores([True, False, False, False] * 2, docs)
    ]

    def with_rrf(t: Tunables) -> list[object]:
        scores = list(base)
        gain = 2 if t.rrf_k == 20 else 0  # rrf_k=20: two more right per document ...
        for doc in (0, 4):
            for i in range(1, 1 + gain):
                scores[doc + i] = replace(scores[doc + i], correct=True, value_ok=True, got=1, abstained=False)  # type: ignore[type-var]
            if gain:  # ... each for one wrong number (a value that is not the expected one)
                scores[doc + 3] = replace(scores[doc + 3], value_ok=False, got=7, abstained=False)  # type: ignore[type-var]
        return scores

    assert wrong_number(with_rrf(Tunables(rrf_k=20))[3]) and not wrong_number(base[3])  # type: ignore[arg-type]
    assert utility(with_rrf(Tunables(rrf_k=20)), range(4)) == utility(base, range(4))  # type: ignore[arg-type]
    two = Candidates(with_rrf)  # type: ignore[arg-type]
    folds = run_lodo(two, docs, ["A", "B"], Tunables(), {"rrf_k": [5, 20]})
    assert all(not changed_from(f.picked, Tunables()) for f in folds)  # two right for one wrong: not worth it


def test_a_line_straddling_two_sentences_is_held_by_the_sentence_it_ends() -> None:
    from eval.score import evidence_cited

    # 万里街道 2024 p.6: `876.75万元；事业收入0.00万元` is one line of the page, the end of the sentence cited and the
    # start of the next
    said = "其中：财政拨款收入15621.11万元，比2023年预算减少876.75万元；"
    assert evidence_cited([said], ["财政拨款收入15621.11万元，比2023年预算减少", "876.75万元；事业收入0.00万元"])
    # the figure before the sentence's end must be the one printed, and the end must be there
    assert not evidence_cited([said.replace("876.75", "867.75")], ["876.75万元；事业收入0.00万元"])
    assert not evidence_cited([said.rstrip("；")], ["876.75万元；事业收入0.00万元"])
    # a line with nothing after the sentence's end is held whole, as before
    assert evidence_cited([said], ["876.75万元；"])
    assert not evidence_cited([said], ["867.75万元；"])


def test_number_lines_that_span_two_sentences_are_held_by_a_sentence_with_its_label() -> None:
    from eval.score import evidence_cited

    # 财政局 2024 决算 p.22: the words of a paragraph on one line, its figures on the next,
    # so one number line carries the end of one sentence and the start of the next.
    sentence = "卫生健康支出（类）60.99万元，占2.07%； 第三部分 › 五、一般公共预算财政拨款支出决算情况说明"
    assert evidence_cited([sentence], ["卫生健康支出（类） 万元，占", "60.99 2.07% 445.69"])
    staff = "其中：人员经费2152.26万元，主要包括：基本工资、津贴补贴"
    assert evidence_cited([staff], ["其中：人员经费 万元", "2336.91 2152.26"])
    cars = "截至2024年12月31日，上海市普陀区财政局共有车辆0辆，其中：部级领导干部用车0辆、主要领导干部用车0辆、机要通信用车0辆。"
    assert evidence_cited([cars], ["上海市普陀区财政局共有车辆 辆", "2024 12 31 0", "0 0 0 0 100"])
    # the sentence must hold the label, and print the line's figures as printed
    assert not evidence_cited(
        [sentence.replace("60.99", "61.99")], ["卫生健康支出（类） 万元，占", "60.99 2.07% 445.69"]
    )
    assert not evidence_cited([staff], ["其中：公用经费 万元", "2336.91 2152.26"])
    # a label that keeps some lifted figures of its own (p.23) still says which sentence the number line's run is of
    goals = "实行全过程绩效管理实施情况跟踪：编报绩效目标的2024年度项目4个，涉及预算金额598.42万元；"
    assert evidence_cited([goals], ["编报绩效目标的 年度项目 个，涉及预算金额 2024 4", "598.42 2024 4 598.42"])
    assert not evidence_cited([goals], ["跟踪评价的 年度项目 个，涉及预算金额 2024 4", "598.42 2024 4 598.42"])
    # without a label the number line must be held whole, as a table row's cells are
    assert not evidence_cited(["人员经费合计 2,152.26 公用经费合计 184.65"], ["2336.91 2152.26", "184.65"])
    # ... by the citations read in order: p.21's line `2940.05 100.00% 2023` ends one sentence and starts the next
    first = "一般公共预算财政拨款支出2940.05万元，占本年支出合计的100.00%。"
    second = "与2023年度相比，一般公共预算财政拨款支出减少63.14万元，下降2.10%。"
    assert evidence_cited([first, second], ["2940.05 100.00% 2023", "63.14 2.10%"])
    from eval.evidence import citation_text

    where = "第三部分 上海市普陀区财政局2024年度部门决算情况说明 › 五、…"  # the locator's year is no figure printed
    cited = [citation_text({"quote": q, "locator": where}) for q in (first, second)]
    assert evidence_cited(cited, ["2940.05 100.00% 2023", "63.14 2.10%"])
    assert not evidence_cited([second, first], ["2940.05 100.00% 2023", "63.14 2.10%"])
    assert not evidence_cited([first], ["2940.05 100.00% 2023"])
    # a label split over two sentences the answer cites one after the other (p.23)
    basic, staff = "一般公共预算财政拨款基本支出2336.91万元。", "其中：人员经费2152.26万元，主要包括：基本工资"
    label = ["一般公共预算财政拨款基本支出 万元。其中：人员经费 万元，主要", "2336.91 2152.26"]
    assert evidence_cited([basic, staff], label) and not evidence_cited([staff, basic], label)


def test_a_row_whose_name_the_text_layer_prints_above_its_code_is_the_same_row() -> None:
    from eval.score import evidence_in

    # 财政局 决算 p.15 prints `住房公积金` on the line above `221 02 01 187.19 187.19`; the row cites code first
    row = "221 02 01 住房公积金 187.19 187.19 一般公共预算财政拨款支出决算表 · 2210201 住房公积金 · 合计"
    assert evidence_in(row, "住房公积金 221 02 01 187.19 187.19")
    assert evidence_in("201 一般公共服务支出 2,106.66 1,503.52 603.14", "一般公共服务支出 201 2,106.66")
    assert not evidence_in("221 02 03 购房补贴 258.50 258.50", "住房公积金 221 02 01 187.19")
    assert not evidence_in(row.replace("187.19", "187.91"), "住房公积金 221 02 01 187.19 187.19")


def test_figures_lifted_after_a_sentence_and_code_parts_beside_another_column() -> None:
    from eval.score import evidence_in

    # p.24 prints "单价100万元（含）以上设备（不含车辆）台（套）。" with the 2 on the line below
    assets = "单价100万元（含）以上设备（不含车辆）2台（套）。"
    assert evidence_in(assets, "（含）以上设备（不含车辆） 台（套）。 2")
    assert not evidence_in(assets.replace("2台", "3台"), "（含）以上设备（不含车辆） 台（套）。 2")
    assert not evidence_in(
        "单价100万元（含）以上设备2台（套）。", "（含）以上设备（不含车辆） 台（套）。 2"
    )  # words kept
    # a text-layer line cut inside its sentence, its figures after its words: held with enough words of its own
    cars = "截至2024年12月31日，上海市普陀区财政局共有车辆0辆，其中：部级领导干部用车0辆、主要领导干部用车0辆"
    assert evidence_in(cars, "共有车辆 辆，其中：部级领导干部 2024 12 31 0")
    assert not evidence_in(
        cars.replace("车辆0辆", "车辆5辆").replace("用车0辆", "用车5辆"), "共有车辆 辆，其中：部级领导干部 2024 12 31 0"
    )
    assert not evidence_in("共有车辆0辆", "共有车辆 辆 0 1")  # a short line: no such reading
    # the same line copied with the figure glued to the closing mark
    assert evidence_in(assets, "（含）以上设备（不含车辆）台（套）。2")
    assert not evidence_in(assets.replace("2台", "3台"), "（含）以上设备（不含车辆）台（套）。2")
    # p.12's two-column table: the text layer prints "基本工资 01 办公费" (302 elsewhere)
    row = "301 01 基本工资 262.33 302 01 办公费 21.21 基本支出决算表 · 30101 基本工资 · 决算数"
    assert evidence_in(row, "基本工资 01 办公费")
    assert not evidence_in(row, "基本工资 02 办公费")


def test_a_figure_line_copied_without_its_spaces_is_held_by_a_quote_printing_those_figures() -> None:
    from eval.evidence import evidence_cited

    # 财政局 2024 决算 p.21: "减少 万元，下降 。" with "56.95 1.87%" on the line below, copied as "56.951.87%"
    quote = "与2023年度相比，收入支出总计减少56.95万元，下降1.87%。\u2028第三部分 › 一、收入支出决算总体情况说明"
    assert evidence_cited([quote], ["56.951.87%"])
    assert not evidence_cited([quote], ["56.951.88%"])  # another figure
    assert not evidence_cited(["减少56.95万元。另：下降1.87%"], ["1.8756.95"])  # the figures out of order


def test_the_lines_a_citations_region_prints_hold_the_row_as_the_text_layer_reads_it() -> None:
    from dataclasses import replace
    from pathlib import Path

    from eval.regions import Regions
    from eval.score import REGION_MARK, evidence_cited

    pdf = Path(__file__).resolve().parents[1] / "fixtures" / "shanghai_putuo_finance_2024_dept_final.pdf"
    regions = Regions()
    regions.add("fin", pdf)
    # the two-column 基本支出决算表 (p.16): the cell 差旅费 1.20 sits beside 其他社会保障缴费 1.61; the text layer reads
    # the pair's codes, names and figures as three lines
    cell = Citation(
        doc="fin",
        title="财政局",
        locator="一般公共预算财政拨款基本支出决算表 · 30211 差旅费 · 决算数",
        page=16,
        quote="301 12 其他社会保障缴费 1.61 302 11 差旅费 1.20",
        bbox=(529.83, 508.89, 582.5, 538.17),
    )
    printed = regions.text(cell)
    assert "差旅费" in printed and "1.61 1.20" in printed
    assert evidence_cited([REGION_MARK + printed], ["差旅费 1.61 1.20"])
    assert regions.text(Citation(doc="fin", title="财政局", locator="…", page=16, quote="…")) == ""  # no box
    assert regions.text(replace(cell, doc="other")) == ""  # a document not registered (a text file)


def test_a_year_named_only_in_a_later_part_is_that_parts_alone() -> None:
    """`差旅费是多少元？培训费多少元？顺便问下2025年差旅费实际花了多少？` (a 2026 budget): the first two parts ask 2026's
    figures; a part before the year is named, answered with another year, is still wrong-year."""
    spec = {
        "id": "c9", "docs": [DAPENG], "kind": "compound",
        "question": "基本支出经济分类表里，差旅费是多少元？培训费多少元？顺便问下2025年差旅费实际花了多少？",
        "answer": {"parts": [{"value": 95000, "unit": "元"}, {"value": 16000, "unit": "元"}, None]},
        "evidence": ["差旅费 95000.00", "培训费 16000.00"],
    }  # fmt: skip
    trip = Answer("差旅费是多少元", "95,000元。", value=95000, unit="元", citations=[Citation("d", "d", "表", 20, "30211 差旅费 95000.00", year=2026)], year=2026)  # fmt: skip
    train = Answer("培训费多少元", "16,000元。", value=16000, unit="元", citations=[Citation("d", "d", "表", 20, "30216 培训费 16000.00", year=2026)], year=2026)  # fmt: skip
    none = Answer("2025年差旅费实际花了多少", "文件中没有找到这一数字。", abstained=True)
    whole = Answer("q", "a", value=95000, unit="元", citations=[*trip.citations, *train.citations], parts=[trip, train, none])  # fmt: skip
    s = score_answer(parse_question(spec), whole, doc_year=2026)
    assert s.correct and not s.wrong_year, s.reasons
    led = dict(
        spec, question="根据上海市普陀区司法局2026年部门预算，" + str(spec["question"])
    )  # the document's year said
    assert not score_answer(parse_question(led), whole, doc_year=2026).wrong_year
    old = Answer("差旅费是多少元", "95,000元。", value=95000, unit="元", citations=trip.citations, year=2025)
    s = score_answer(parse_question(spec), Answer("q", "a", value=95000, unit="元", citations=whole.citations, parts=[old, train, none]), doc_year=2026)  # fmt: skip
    assert s.wrong_year


def test_years_in_a_quoted_passage_are_context_not_asked() -> None:
    """`原文：“2025年当年预算执行数为118.46万元，2026年预算安排124.29万元”——增幅是多少？` asks the document's year;
    a year outside the quotation is asked as ever."""
    from eval.years import asked_year

    said = "原文：“2025年当年预算执行数为118.46万元，2026年预算安排124.29万元”——这是普法宣传那一项，增幅是多少？"
    assert asked_year(q(question=said), 2026) == 2026
    assert asked_year(q(question="原文：“普法宣传124.29万元”，那2025年的执行数是多少？"), 2026) == 2025
    assert asked_year(q(question="“2025年当年预算执行数”是多少？"), 2026) == 2025


def test_units_counted_in_jia_or_ge_are_one_count() -> None:
    """`一共几家？` answered 6家 where the file says 6个 (or the other way round) is the same count; another count is not."""
    spec = {"id": "u1", "docs": [DAPENG], "kind": "count", "question": "行政单位、参公单位和事业单位合计共有几家？",
            "answer": {"value": 6, "unit": "个", "derived": True}, "evidence": ["事业单位 4 家"]}  # fmt: skip
    cite = [Citation("d", "d", "机构", 3, "行政单位1家，参公单位1家，事业单位 4 家", year=2024)]
    assert score_answer(parse_question(spec), Answer("q", "6家。", value=6, unit="家", citations=cite)).correct
    assert not score_answer(parse_question(spec), Answer("q", "6辆。", value=6, unit="辆", citations=cite)).correct


def test_an_amount_per_vehicle_and_a_rate_of_two_years() -> None:
    """`按截至2025年8月31日的车辆数，2026年公务用车运行费平均每辆多少万元`: an amount per vehicle (万元/辆 as much as
    万元) asks the year named with the amount, not the date's; a rate worked out from two years' figures named in one
    question (`用2023年预算执行数和2024年预算数，重新算增长率`) is the later year's."""
    from eval.years import asked_year

    for unit, question, year in (
        ("万元", "按截至2025年8月31日司法局的车辆数计算，2026年公务用车运行费平均每辆车多少万元？", 2026),
        ("万元/辆", "按截至2023年8月31日街道的车辆数计算，2024年公务用车运行费平均每辆多少万元？", 2024),
    ):
        assert asked_year(q(question=question, answer={"value": 3, "unit": unit}), None) == year
    dated = q(question="截至2023年8月31日街道共有几辆车？", answer={"value": 7, "unit": "辆"})
    assert asked_year(dated, 2024) == 2023
    for question, year in (
        ("用编制说明里行政单位医疗的2023年预算执行数和2024年预算数，重新算增长率，保留两位小数。", 2024),
        ("按2025年执行数和2026年预算数算一下普法宣传的增幅", 2026),
    ):
        assert asked_year(q(question=question, answer={"value": 5, "unit": "%"}), None) == year


def test_a_date_named_alone_is_the_dated_parts_only() -> None:
    """`稿子：“福利院截至2023年底共有车辆2辆，设5个内设机构。”两个数对吗？`: the cars are counted at the date, the
    内设机构 are the document's (2024); a question naming another year as well keeps the year it names."""
    from eval.years import only_dated

    assert only_dated("稿子：“福利院截至2023年底共有车辆2辆，设5个内设机构。”两个数对吗？")
    assert only_dated("截至2025年8月31日司法局共有几辆车？")
    assert not only_dated("截至2023年8月31日共有车辆多少辆？2024年预算安排购置几辆？")
    assert not only_dated("2024年三公经费多少？")
    # a long form naming the document by its own year (根据…2024年单位预算，) names no other year
    framed = (
        "根据上海市普陀区社会福利院2024年单位预算，稿子：“福利院截至2023年底共有车辆2辆，设5个内设机构。”两个数对吗？"
    )
    assert only_dated(framed, 2024)
    assert not only_dated(framed, 2025)
    assert not only_dated("截至2023年8月31日共有车辆多少辆？2025年预算安排购置几辆？", 2024)


LAPTOP_CITE = Citation(
    doc="d1", title="大鹏", locator="整体支出绩效目标表", page=None, quote="笔记本计算机购置标准 ≤8500元/台"
)


@pytest.mark.parametrize("asked", ["笔记本电脑每台最多能花多少元？", "笔记本计算机的购置标准是每台不超过多少元？"])
def test_an_amount_per_the_thing_asked_is_in_the_unit_asked(asked: str) -> None:
    question = q(question=asked, answer={"value": 8500, "unit": "元"}, evidence=["8500元/台"])
    s = score_answer(question, ans(8500, "元/台", [LAPTOP_CITE]))
    assert s.value_ok and s.unit_ok and s.correct, s.reasons


def test_an_amount_per_another_thing_is_not_the_unit_asked() -> None:
    question = q(question="笔记本电脑最多能花多少元？", answer={"value": 8500, "unit": "元"}, evidence=["8500元/台"])
    s = score_answer(question, ans(8500, "元/台", [LAPTOP_CITE]))
    assert not s.correct


def test_a_sentence_line_with_its_figures_lifted_in_among_its_words_is_held_by_the_sentence() -> None:
    from eval.score import evidence_cited

    # 财政局 2024 决算 p.23: the figures of `编报绩效目标的2024年度项目4个，涉及预算金额598.42万元` printed on the line
    # below, so the line copied reads its words with `2024 4` between them
    goals = "实行全过程绩效管理实施情况跟踪：编报绩效目标的2024年度项目4个，涉及预算金额598.42万元；"
    assert evidence_cited([goals], ["编报绩效目标的 年度项目 个，涉及预算金额 2024 4 万元"])
    # the figures must be printed, in order, and the words must be that sentence's
    assert not evidence_cited(
        [goals.replace("2024年度项目4个", "2024年度项目5个")], ["编报绩效目标的 年度项目 个，涉及预算金额 2024 4 万元"]
    )
    assert not evidence_cited([goals], ["跟踪评价的 年度项目 个，涉及预算金额 2024 4 万元"])
    # a short table row's cells are no sentence: they stay held only whole
    assert not evidence_cited(["行政运行 基本支出 1,234.56"], ["行政运行 1,234.56 基本支出"])
