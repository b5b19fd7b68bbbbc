"""Integrity of the shipped eval question sets in eval/questions/*.jsonl.

Every line parses, carries the required fields with a valid kind, ids are unique across
files, each named document exists in the repo, and every non-absent question's evidence
strings occur in its document (PDFs: pdfplumber text of the stated page, whitespace removed).
The blind sets (`blind_*.jsonl`) get the same checks except the minimum counts, which describe
the development sets, and are kept out of the default eval file list.
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

from eval.questionset import KINDS, NULL_ANSWER_KINDS, default_files, load_questions

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
# kinds added for the blind set, not (yet) in the development sets
BLIND_ONLY_KINDS = ("compound", "prior_year_long", "count", "final_columns")
COMPARISONS = {"≥", "≤", ">", "<", "="}
DAPENG = "shenzhen_dapeng_data_bureau_2022_dept_budget.txt"
_WS = re.compile(r"\s+")


def _files() -> list[Path]:
    return sorted(QDIR.glob("*.jsonl"))


def _is_blind(path: Path) -> bool:
    return path.name.startswith("blind_")


def _rows(*, blind: bool = True) -> list[tuple[str, dict[str, Any]]]:
    rows: list[tuple[str, dict[str, Any]]] = []
    for path in _files():
        if not blind and _is_blind(path):
            continue
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


def test_every_line_parses_with_required_fields() -> None:
    for where, obj in _rows():
        for key in ("id", "docs", "question", "kind", "answer", "evidence", "page"):
            assert key in obj, f"{where}: missing {key}"
        assert obj["kind"] in KINDS, f"{where}: kind {obj['kind']!r}"
        assert isinstance(obj["docs"], list) and obj["docs"], where
        assert isinstance(obj["question"], str) and obj["question"].strip(), where
        if obj["kind"] == "absent":
            assert obj["answer"] is None, f"{where}: absent questions have a null answer"
            continue
        if obj["answer"] is None:
            assert obj["kind"] in NULL_ANSWER_KINDS, f"{where}: only {NULL_ANSWER_KINDS} may have a null answer"
            continue
        answer = obj["answer"]
        assert isinstance(answer, dict), where
        if obj["kind"] == "compound":
            parts = answer.get("parts")
            assert isinstance(parts, list) and len(parts) >= 2, f"{where}: compound needs two or more parts"
            given = [p for p in parts if p is not None and p.get("value") is not None]
            assert given, f"{where}: compound needs a part with a value"
            answer = given[0]
        assert isinstance(answer.get("value"), int | float) and not isinstance(answer["value"], bool), where
        assert isinstance(answer.get("unit"), str) and answer["unit"], f"{where}: unit"
        assert isinstance(obj["evidence"], list) and 1 <= len(obj["evidence"]) <= 3, f"{where}: evidence"
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
    rows = [obj for _, obj in _rows(blind=False)]
    assert len(rows) >= 200
    kinds = Counter(obj["kind"] for obj in rows)
    for kind, least in MINIMUMS.items():
        assert kinds[kind] >= least, (kind, kinds[kind])
    assert kinds["change"] + kinds["rate"] >= 20
    # every kind draws its evidence from at least two documents; performance targets are the
    # exception: of the five corpus disclosures only the Dapeng one publishes target values
    for kind in set(KINDS) - {"target", "cross_doc"} - set(BLIND_ONLY_KINDS):
        docs = {d for obj in rows if obj["kind"] == kind for d in _evidence_docs(obj)}
        assert len(docs) >= 2, (kind, docs)
    assert {d for obj in rows if obj["kind"] == "target" for d in obj["docs"]} >= {DAPENG}


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
    assert not any(_is_blind(p) for p in default_files())


def test_referenced_documents_exist() -> None:
    for where, obj in _rows():
        for name in obj["docs"]:
            assert _doc_path(name) is not None, f"{where}: {name} not in tests/fixtures or index/data"


def test_pdf_questions_have_pages_text_questions_do_not() -> None:
    for where, obj in _rows():
        if obj["kind"] in ("absent", "cross_doc"):
            continue
        is_pdf = obj["docs"][0].lower().endswith(".pdf")
        if is_pdf:
            assert isinstance(obj["page"], int), f"{where}: PDF question needs a page"
        else:
            assert obj["page"] is None, f"{where}: text document has no pages"


@pytest.mark.parametrize("where,obj", [r for r in _rows() if r[1]["kind"] != "absent"], ids=lambda v: str(v)[:40])
def test_evidence_occurs_in_document(where: str, obj: dict[str, Any]) -> None:
    # cross-document questions carry per-evidence pages in "evidence_pages" (null for text docs)
    pages = obj.get("evidence_pages") or [obj["page"]] * len(obj["evidence"])
    doc_of = _evidence_docs(obj)
    assert len(pages) == len(obj["evidence"]) == len(doc_of), where
    for ev, page, doc in zip(obj["evidence"], pages, doc_of, strict=True):
        needle = _squash(ev)
        assert needle, f"{where}: empty evidence"
        assert needle in _doc_text(doc, page), f"{where}: {ev!r} not found in {doc} page {page}"
