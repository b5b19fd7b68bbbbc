"""Smoke of the whole eval on a tiny question set over the Dapeng sample, through the real `Assistant`.

The fast test uses the deterministic fake embedder (real store, real BM25, real
llama-index baseline); the slow one repeats it with the default embedding model.
Expected values were read from the Dapeng text: 第三部分 "7. 政府投资项目 2,008 万元",
"（一）人员支出 895 万元", "项目支出 4,644 万元"; it has no 会议费 line.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from eval.questionset import QuestionSetError
from eval.run import load_sets, run_eval
from index.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
DAPENG = ROOT / "index" / "data" / "shenzhen_dapeng_data_bureau_2022_dept_budget.txt"
QUESTIONS = [
    {
        "id": "t-001",
        "question": "政府投资项目预算多少？",
        "kind": "text",
        "answer": {"value": 2008, "unit": "万元"},
        "evidence": ["政府投资项目 2,008 万元"],
    },
    {
        "id": "t-002",
        "question": "人员支出安排了多少钱",
        "kind": "text",
        "answer": {"value": 895, "unit": "万元"},
        "evidence": ["（一）人员支出 895 万元"],
    },
    {"id": "t-003", "question": "会议费预算多少？", "kind": "absent", "answer": None, "evidence": []},
    # Deliberately wrong expectation (the document says 4,644): the scorer must count it wrong.
    {
        "id": "t-004",
        "question": "项目支出多少？",
        "kind": "text",
        "answer": {"value": 4645, "unit": "万元"},
        "evidence": ["项目支出 4,644 万元"],
    },
]


def write_set(folder: Path) -> Path:
    """A user's own question set, with the document beside it (resolved relative to the JSONL)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(DAPENG, folder / "my_dapeng.txt")
    path = folder / "mine.jsonl"
    lines = [json.dumps({**q, "docs": ["my_dapeng.txt"]}, ensure_ascii=False) for q in QUESTIONS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def check(report_dir: Path, home: Path, embed_model: str | None, baselines: bool) -> None:
    qfile = write_set(home / "set")
    settings = (
        Settings(home=home / "home") if embed_model is None else Settings(home=home / "home", embed_model=embed_model)
    )
    report = run_eval([qfile], settings, out_dir=report_dir, baselines=baselines, k=5)
    by_id = {s.id: s for s in report.scores}
    assert report.summary["questions"] == 4
    assert by_id["t-001"].correct and by_id["t-001"].got == 2008 and by_id["t-001"].citation_ok
    assert not by_id["t-004"].correct and not by_id["t-004"].value_ok  # the engine says 4,644
    assert not by_id["t-003"].hallucinated
    assert report.summary["hallucinated"] == 0
    names = set(report.retrieval)
    assert "budgetqa (hybrid)" in names and (len(names) == 3) == baselines
    for kind in ("json", "md", "png"):
        assert Path(report.files[kind]).is_file()
    data = json.loads(Path(report.files["json"]).read_text(encoding="utf-8"))
    assert data["summary"]["by_kind"]["absent"]["n"] == 1
    md = Path(report.files["md"]).read_text(encoding="utf-8")
    assert "t-004" in md and "## Retrieval" in md


def test_eval_smoke_fake_embedder(tmp_path: Path) -> None:
    check(tmp_path / "reports", tmp_path, "fake:64", baselines=True)


@pytest.mark.slow
def test_eval_smoke_real_model(tmp_path: Path) -> None:
    check(tmp_path / "reports", tmp_path, None, baselines=True)


def test_missing_document_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    q = {**QUESTIONS[0], "docs": ["nowhere.pdf"]}
    path.write_text(json.dumps(q, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(QuestionSetError, match=r"nowhere\.pdf"):
        load_sets([path])


def test_eval_slices_and_lodo_plumbing_fake_embedder(tmp_path: Path) -> None:
    # one document: every question involves it, so no fold has training questions and ties keep the defaults
    qfile = write_set(tmp_path / "set")
    settings = Settings(home=tmp_path / "home", embed_model="fake:64")
    report = run_eval([qfile], settings, out_dir=tmp_path / "r", baselines=False, k=5, lodo=True, lodo_budget=40)
    long_form, unscoped = report.slices["long_form"], report.slices["unscoped"]
    forms = {s.form for s in report.slice_scores if s.slice == "long_form"}
    assert {"full_name", "according", "per_saying", "polite", "long"} <= forms
    assert "unit" in forms  # 政府投资项目预算多少 (万元, no unit named) gets 多少万元
    assert long_form["questions"] == 4 and unscoped["n"] == 4
    assert all(s.base_id in {q["id"] for q in QUESTIONS} for s in report.slice_scores)
    # t-004's expectation is wrong (the document says 4,644): every variant of it is wrong too
    assert not any(s.correct for s in report.slice_scores if s.base_id == "t-004")
    assert report.lodo is not None and report.lodo["n"] == 4 and len(report.lodo["folds"]) == 1
    assert report.lodo["folds"][0]["picked"] == {} and report.lodo["correct"] == report.lodo["in_sample_correct"]
    md = Path(report.files["md"]).read_text(encoding="utf-8")
    for heading in ("## Headline", "## Leave-one-document-out", "## Long-form variants", "## Unscoped"):
        assert heading in md
    assert "**LODO accuracy**" in md


def test_report_reads_back_from_its_json(tmp_path: Path) -> None:
    from eval.report import from_json
    from eval.report_md import render_markdown

    qfile = write_set(tmp_path / "set")
    settings = Settings(home=tmp_path / "home", embed_model="fake:64")
    report = run_eval([qfile], settings, out_dir=tmp_path / "r", baselines=False, k=5, long_form=False)
    again = from_json(Path(report.files["json"]))
    assert [s.correct for s in again.scores] == [s.correct for s in report.scores]
    assert "unscoped" in again.slices and "long_form" not in again.slices
    assert render_markdown(again) == render_markdown(report)
