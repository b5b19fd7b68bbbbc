"""Integrity of the shipped eval question sets in eval/questions/*.jsonl.

Every line parses, carries the required fields with a valid kind, ids are unique across
files, each named document exists in the repo, and every evidence string occurs in its
document (PDFs: pdfplumber text of the stated page, whitespace removed). The v2 files
(`v2_<document>.jsonl`) must also hold the minimum counts of the kinds added with them
(compound, prior_year_long, count, final_columns) and of absent questions.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from eval.questionset import KINDS, NULL_ANSWER_KINDS, QuestionSetError, default_files, load_questions, parse_question

REPO = Path(__file__).resolve().parents[2]
QDIR = REPO / "eval" / "questions"
DOC_DIRS = (REPO / "tests" / "fixtures", REPO / "index" / "data")
MINIMUMS = {
    "absent": 25,
    "paraphrase": 25,
    "computed": 20,
    "target": 10,
    "empty": 6,
    "conflict": 5,
    "cross_doc": 8,
}
V2_MINIMUMS = {"compound": 25, "prior_year_long": 15, "count": 15, "final_columns": 12, "absent": 20}
COMPARISONS = {"≥", "≤", ">", "<", "="}
COUNT_UNITS = {"人", "辆", "个", "家", "台（套）", "次", "批次", "人次", "项", "名"}
DAPENG = "shenzhen_dapeng_data_bureau_2022_dept_budget.txt"
FINANCE_FINAL = "shanghai_putuo_finance_2024_dept_final.pdf"
CORPUS = {
    DAPENG,
    "shanghai_putuo_justice_2026_dept_budget.pdf",
    "shanghai_putuo_wanli_street_2024_dept_budget.pdf",
    "shanghai_putuo_welfare_home_2024_unit_budget.pdf",
    FINANCE_FINAL,
}
_WS = re.compile(r"\s+")
_YEAR = re.compile(r"20\d\d")


def _files() -> list[Path]:
    return sorted(QDIR.glob("*.jsonl"))


def _v2_files() -> list[Path]:
    return sorted(QDIR.glob("v2_*.jsonl"))


def _rows(files: list[Path] | None = None) -> list[tuple[str, dict[str, Any]]]:
    rows: list[tuple[str, dict[str, Any]]] = []
    for path in _files() if files is None else files:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip() and not line.lstrip().startswith("#"):
                rows.append((f"{path.name}:{n}", json.loads(line)))
    return rows


def _doc_path(name: str) -> Path | None:
    for d in DOC_DIRS:
        if (d / name).is_file():
            return d / name
    return None


def _evidence_docs(obj: dict[str, Any]) -> list[str]:
    """The document each evidence string is quoted from (absent questions: the docs in scope)."""
    if obj["kind"] == "absent":
        return list(obj["docs"])
    return list(obj.get("evidence_docs") or [obj["docs"][0]] * len(obj["evidence"]))


def _squash(text: str) -> str:
    return _WS.sub("", text)


@cache
def _doc_text(name: str, page: int | None) -> str:
    path = _doc_path(name)
    assert path is not None, name
    if path.suffix.lower() != ".pdf":
        return _squash(path.read_text(encoding="utf-8"))
    with pdfplumber.open(path) as pdf:
        assert page is not None and 1 <= page <= len(pdf.pages), f"{name}: bad page {page}"
        return _squash(pdf.pages[page - 1].extract_text() or "")


def test_there_are_question_files() -> None:
    names = {p.name for p in _files()}
    assert "cross_doc.jsonl" in names
    assert len(names) >= 6


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _check_answer(where: str, kind: str, answer: dict[str, Any]) -> None:
    assert _is_number(answer.get("value")), where
    assert isinstance(answer.get("unit"), str) and answer["unit"], f"{where}: unit"
    if kind == "count":
        assert answer["unit"] in COUNT_UNITS, f"{where}: count unit {answer['unit']!r}"
        assert answer["value"] >= 0 and float(answer["value"]).is_integer(), f"{where}: a count is a whole number"
    if "year" in answer:
        assert isinstance(answer["year"], int), f"{where}: part year"


def test_every_line_parses_with_required_fields() -> None:
    for where, obj in _rows():
        for key in ("id", "docs", "question", "kind", "answer", "evidence", "page"):
            assert key in obj, f"{where}: missing {key}"
        assert obj["kind"] in KINDS, f"{where}: kind {obj['kind']!r}"
        assert isinstance(obj["docs"], list) and obj["docs"], where
        assert isinstance(obj["question"], str) and obj["question"].strip(), where
        assert isinstance(obj["evidence"], list), f"{where}: evidence"
        if "year" in obj:
            assert isinstance(obj["year"], int) and 2000 <= obj["year"] <= 2100, f"{where}: year"
        if obj["kind"] == "absent":
            assert obj["answer"] is None, f"{where}: absent questions have a null answer"
            continue
        answer = obj["answer"]
        if answer is None:
            # the document gives no way to answer: abstain, nothing to cite
            assert obj["kind"] in NULL_ANSWER_KINDS, f"{where}: only {NULL_ANSWER_KINDS} may have a null answer"
            assert not obj["evidence"], f"{where}: a null answer cites nothing"
            continue
        assert isinstance(answer, dict), where
        if obj["kind"] == "compound":
            parts = answer.get("parts")
            assert isinstance(parts, list) and len(parts) >= 2, f"{where}: compound needs two or more parts"
            assert any(p is not None for p in parts), f"{where}: every part is null (ask it as absent)"
            for n, part in enumerate(parts, 1):
                if part is not None:
                    _check_answer(f"{where} part {n}", "", part)
            assert 1 <= len(obj["evidence"]) <= 6, f"{where}: evidence"
            continue
        _check_answer(where, obj["kind"], answer)
        most = 6 if obj["kind"] == "computed" else 3  # a sum of four rows cites the four and the total
        assert 1 <= len(obj["evidence"]) <= most, f"{where}: evidence"
        if obj["kind"] == "target":
            assert answer.get("comparison") in COMPARISONS, f"{where}: target needs a comparison"
        if obj["kind"] == "empty":
            assert answer.get("empty") is True, f"{where}: empty needs empty: true"
        if obj["kind"] == "conflict":
            assert obj.get("conflict_values"), f"{where}: conflict needs conflict_values"
        if obj["kind"] == "cross_doc":
            assert len(obj["docs"]) >= 2, f"{where}: cross_doc needs two documents"


def test_ids_unique_and_loader_accepts_every_file() -> None:
    ids = Counter(obj["id"] for _, obj in _rows())
    dupes = [i for i, n in ids.items() if n > 1]
    assert not dupes, dupes
    total = sum(len(load_questions(p)) for p in _files())
    assert total == len(ids)


def test_counts_meet_the_targets() -> None:
    rows = [obj for _, obj in _rows()]
    assert len(rows) >= 200
    kinds = Counter(obj["kind"] for obj in rows)
    for kind, least in MINIMUMS.items():
        assert kinds[kind] >= least, (kind, kinds[kind])
    assert kinds["change"] + kinds["rate"] >= 20
    # every kind draws its evidence from at least two documents; performance targets and final-account
    # columns are the exceptions: of the five corpus disclosures only the Dapeng one publishes target
    # values and only the 财政局 决算 has 年初预算/决算 columns
    for kind in set(KINDS) - {"target", "cross_doc", "final_columns"}:
        docs = {d for obj in rows if obj["kind"] == kind for d in _evidence_docs(obj)}
        assert len(docs) >= 2, (kind, docs)
    assert {d for obj in rows if obj["kind"] == "target" for d in obj["docs"]} >= {DAPENG}
    assert {d for obj in rows if obj["kind"] == "final_columns" for d in obj["docs"]} == {FINANCE_FINAL}


def _doc_year(name: str) -> int:
    found = _YEAR.search(name)
    assert found, name
    return int(found.group())


def test_v2_sets_cover_every_document_and_the_new_kinds() -> None:
    files = _v2_files()
    rows = [obj for _, obj in _rows(files)]
    assert len(rows) >= 150
    assert {d for obj in rows for d in obj["docs"]} == CORPUS
    assert all(len(obj["docs"]) == 1 for obj in rows)
    for path in files:  # one file per document
        assert len({d for _, obj in _rows([path]) for d in obj["docs"]}) == 1, path.name
    kinds = Counter(obj["kind"] for obj in rows)
    for kind, least in V2_MINIMUMS.items():
        assert kinds[kind] >= least, (kind, kinds[kind])
    # every document gets compound, prior-year, count and absent questions
    for doc in CORPUS:
        mine = Counter(obj["kind"] for obj in rows if obj["docs"] == [doc])
        for kind in ("compound", "prior_year_long", "count", "absent"):
            assert mine[kind] >= 3, (doc, kind, mine[kind])
    compound = [obj for obj in rows if obj["kind"] == "compound"]
    assert sum(None in obj["answer"]["parts"] for obj in compound) >= 5  # a part the document does not give
    assert sum(len(obj["answer"]["parts"]) >= 3 for obj in compound) >= 3


def test_v2_prior_year_questions_ask_an_earlier_year() -> None:
    prior = [obj for _, obj in _rows(_v2_files()) if obj["kind"] == "prior_year_long"]
    for obj in prior:
        asked = obj.get("year")
        assert isinstance(asked, int) and asked < _doc_year(obj["docs"][0]), obj["id"]
        assert str(asked) in obj["question"], obj["id"]
        if obj["answer"] is not None:
            # derived from a change the document states: the formula is in the note, the operands are cited
            assert obj.get("derived") is True and obj["evidence"] and obj["note"], obj["id"]
    abstain = sum(obj["answer"] is None for obj in prior)
    assert abstain >= 5 and len(prior) - abstain >= 10, (abstain, len(prior))


def test_v2_final_columns_ask_the_budget_columns() -> None:
    final = [obj for _, obj in _rows(_v2_files()) if obj["kind"] == "final_columns"]
    column = re.compile("年初预算|调整预算|全年预算|决算")
    for obj in final:
        assert column.search(obj["question"]), obj["id"]
    # the 决算 prints 年初预算 and 决算数 only: asking 调整预算/全年预算 must be declined
    absent_columns = [obj for obj in final if re.search("调整预算|全年预算", obj["question"])]
    assert absent_columns and all(obj["answer"] is None for obj in absent_columns)
    assert sum(obj.get("derived") is True for obj in final) >= 6  # differences of two columns


def _q(**kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"id": "x", "docs": [DAPENG], "question": "?", "kind": "compound", "evidence": ["e"]}
    base.update(kw)
    return base


def test_loader_reads_compound_parts_and_years() -> None:
    q = parse_question(
        _q(answer={"parts": [{"value": 5883, "unit": "万元"}, None, {"value": 11, "unit": "%", "year": 2021}]}),
        "t:1",
    )
    assert [p.value for p in q.parts] == [5883, None, 11]
    assert (q.value, q.unit) == (5883, "万元")  # the first part, as in the engine's answer JSON
    assert q.parts[2].year == 2021 and not q.expects_abstention
    prior = parse_question(_q(kind="prior_year_long", answer=None, evidence=[], year=2021), "t:2")
    assert prior.expects_abstention and prior.year == 2021
    derived = parse_question(_q(kind="prior_year_long", answer={"value": 5282, "unit": "万元"}, derived=True), "t:3")
    assert derived.derived and derived.value == 5282 and "derived" not in derived.extra
    inside = parse_question(  # the year and derivation written inside the answer read the same
        _q(kind="prior_year_long", answer={"value": 3003.19, "unit": "万元", "year": 2023, "derived": True}), "t:4"
    )
    assert inside.year == 2023 and inside.derived


@pytest.mark.parametrize(
    "bad",
    [
        _q(answer={"parts": [{"value": 1, "unit": "万元"}]}),  # one part is not compound
        _q(answer={"parts": [None, None]}),  # every part null: that is an absent question
        _q(answer={"parts": [{"value": 1}, None]}),  # a part without a unit
        _q(answer={"value": 1, "unit": "万元"}),  # compound without parts
        _q(kind="table", answer={"parts": [{"value": 1, "unit": "万元"}, None]}),  # parts on a simple kind
        _q(kind="count", answer=None),  # only absent/prior_year_long/final_columns may be null
        _q(kind="absent", answer={"value": 1, "unit": "万元"}),
        _q(kind="prior_year_long", answer=None, year="2021"),
    ],
)
def test_loader_rejects_malformed_new_kinds(bad: dict[str, Any]) -> None:
    with pytest.raises(QuestionSetError):
        parse_question(bad, "t:1")


def test_referenced_documents_exist() -> None:
    for where, obj in _rows():
        for name in obj["docs"]:
            assert _doc_path(name) is not None, f"{where}: {name} not in tests/fixtures or index/data"


def test_pdf_questions_have_pages_text_questions_do_not() -> None:
    for where, obj in _rows():
        if obj["kind"] in ("absent", "cross_doc") or not obj["evidence"]:
            continue
        is_pdf = obj["docs"][0].lower().endswith(".pdf")
        if is_pdf:
            assert isinstance(obj["page"], int), f"{where}: PDF question needs a page"
        else:
            assert obj["page"] is None, f"{where}: text document has no pages"


@pytest.mark.parametrize(
    "where,obj", [r for r in _rows() if r[1]["kind"] != "absent" and r[1]["evidence"]], ids=lambda v: str(v)[:40]
)
def test_evidence_occurs_in_document(where: str, obj: dict[str, Any]) -> None:
    # cross-document questions carry per-evidence pages in "evidence_pages" (null for text docs)
    pages = obj.get("evidence_pages") or [obj["page"]] * len(obj["evidence"])
    doc_of = _evidence_docs(obj)
    assert len(pages) == len(obj["evidence"]) == len(doc_of), where
    for ev, page, doc in zip(obj["evidence"], pages, doc_of, strict=True):
        needle = _squash(ev)
        assert needle, f"{where}: empty evidence"
        assert needle in _doc_text(doc, page), f"{where}: {ev!r} not found in {doc} page {page}"


def test_blind_set_is_complete_and_not_run_by_default() -> None:
    blind = QDIR / "blind_2026-12-01.jsonl"
    questions = load_questions(blind)
    assert len(questions) == 60
    assert [q.id for q in questions] == [f"blind-{n:03d}" for n in range(1, 61)]
    per_doc = Counter(q.docs[0] for q in questions)
    assert per_doc == {
        "shanghai_putuo_welfare_home_2024_unit_budget.pdf": 30,
        "shanghai_putuo_justice_2026_dept_budget.pdf": 30,
    }
    compound = [q for q in questions if q.kind == "compound"]
    assert compound and all(len(q.parts) >= 2 and q.value == q.parts[0].value for q in compound)
    assert not any(p.name.startswith("blind_") for p in default_files())
