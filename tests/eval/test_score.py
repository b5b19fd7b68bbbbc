"""The scorer must be able to fail: wrong values, wrong units, bad citations and invented numbers count wrong."""

from __future__ import annotations

import pytest

from assistant.answer_types import Answer, Citation
from eval.questionset import QuestionSetError, parse_question
from eval.score import (
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


def test_right_number_wrong_unit_counts_wrong() -> None:
    s = score_answer(q(), ans(2008, "元", [GOOD_CITE]))
    assert not s.correct and not s.value_ok and not s.unit_ok


def test_converted_value_in_other_unit_counts_wrong_but_value_ok() -> None:
    # 20,080,000 元 is the same amount, but the question's answer is in 万元: value_ok, unit wrong, not correct.
    s = score_answer(q(), ans(20_080_000, "元", [GOOD_CITE]))
    assert s.value_ok and not s.unit_ok and not s.correct


def test_citation_lacking_value_is_flagged() -> None:
    s = score_answer(q(), ans(2008, "万元", [BAD_CITE]))
    assert s.correct and s.citation_ok is False and s.cites_evidence is False
    assert summarize([s])["citation_accuracy"] == 0.0


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
