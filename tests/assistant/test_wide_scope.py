"""Many documents loaded and the question names none: the best few answer, with a note (fake embedder)."""

from __future__ import annotations

import pytest

from assistant.assistant import WIDE_ANSWERED, WIDE_SCOPE, Assistant
from eval.scale import ScaleDoc, generate_documents
from index.settings import Settings


@pytest.fixture(scope="module")
def wide(tmp_path_factory: pytest.TempPathFactory) -> tuple[Assistant, list[ScaleDoc]]:
    home = tmp_path_factory.mktemp("home")
    docs = generate_documents(WIDE_SCOPE + 4, tmp_path_factory.mktemp("docs"))
    qa = Assistant.open(Settings(home=home, embed_model="fake:64"), seed_sample=False)
    report = qa.ingest([d.path for d in docs])
    assert not report.failed
    return qa, docs


def test_unscoped_question_is_answered_from_the_best_few(wide: tuple[Assistant, list[ScaleDoc]]) -> None:
    qa, docs = wide
    ans = qa.ask("政府投资项目预算多少")
    assert not ans.abstained
    assert 1 <= len({c.doc for c in ans.citations}) <= WIDE_ANSWERED
    assert any(f"已载入 {len(docs)} 份文件" in w for w in ans.warnings)


def test_a_named_department_is_answered_alone(wide: tuple[Assistant, list[ScaleDoc]]) -> None:
    qa, docs = wide
    target = docs[3]
    doc_id = next(d["doc_id"] for d in qa.documents() if d["department"] == target.department)
    ans = qa.ask(f"{target.department}政府投资项目预算多少")
    assert not ans.abstained and {c.doc for c in ans.citations} == {doc_id}
    assert not any("已载入" in w for w in ans.warnings)
