"""The Assistant end to end on real documents (fake embedder: answers come from facts and BM25)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.assistant import Assistant
from index.errors import QuestionError
from index.settings import Settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
JUSTICE = FIXTURES / "shanghai_putuo_justice_2026_dept_budget.pdf"


@pytest.fixture(scope="module")
def qa(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    home = tmp_path_factory.mktemp("home")
    qa = Assistant.open(Settings(home=home, embed_model="fake:64"))
    report = qa.ingest([JUSTICE])
    assert not report.failed
    return qa


def test_seeds_the_sample_into_an_empty_store(qa: Assistant) -> None:
    titles = [d["title"] for d in qa.documents()]
    assert any("大鹏" in t for t in titles) and any("司法局" in t for t in titles)


def test_product_card_question_names_the_document(qa: Assistant) -> None:
    ans = qa.ask("大鹏数据局政府投资项目预算多少")
    assert (ans.value, ans.unit, ans.abstained) == (2008, "万元", False)
    assert "2008" in ans.citations[0].quote.replace(",", "")
    assert ans.timings_ms["total"] > 0


def test_unit_asked_and_table_row_cited(qa: Assistant) -> None:
    ans = qa.ask("司法局2026年住房公积金预算多少万元")
    assert ans.unit == "万元" and ans.value == pytest.approx(208.7959)
    assert "208.80万元" in ans.answer
    cite = ans.citations[0]
    assert cite.page is not None and "2087959.00" in cite.quote.replace(",", "")
    assert cite.row and "住房公积金" in "".join(cite.row)


def test_citations_carry_the_cell_box_in_json(qa: Assistant) -> None:
    data = qa.ask("司法局2026年住房公积金预算多少元").to_json()
    cite = data["citations"][0]
    assert cite["page"] in (11, 13, 16, 19)
    x0, top, x1, bottom = cite["bbox"]
    assert 0 < x0 < x1 < 842 and 0 < top < bottom < 595, "a cell on the landscape page, in PDF points"
    sample = qa.ask("大鹏数据局政府投资项目预算多少").to_json()
    assert sample["citations"][0]["bbox"] is None, "a text file has no page positions"


def test_empty_table_is_not_absent(qa: Assistant) -> None:
    ans = qa.ask("司法局政府性基金预算支出多少")
    assert ans.value == 0 and not ans.abstained and "空表" in ans.answer
    assert ans.citations[0].page == 17


def test_cross_document_difference(qa: Assistant) -> None:
    ans = qa.ask("司法局的三公经费比大鹏数据局多多少万元？")
    assert ans.value == pytest.approx(0.81) and ans.unit == "万元"
    assert ans.formula and "10.81" in ans.formula
    # the two operands first, one per document; then other places printing them
    first, second = ans.citations[:2]
    assert first.doc != second.doc and "10.81" in first.quote and "10" in second.quote
    assert {c.doc for c in ans.citations} == {first.doc, second.doc}


def test_unscoped_question_answers_each_document(qa: Assistant) -> None:
    ans = qa.ask("三公经费预算多少")
    assert "大鹏" in ans.answer and "司法局" in ans.answer and len(ans.citations) >= 2


def test_follow_up_keeps_the_subject(qa: Assistant) -> None:
    first = qa.ask("大鹏数据局政府投资项目预算多少")
    ans = qa.ask("那2021年呢？", history=[("大鹏数据局政府投资项目预算多少", first.answer)])
    assert ans.value == 1425 and ans.formula


def test_silent_document_gets_no_number(qa: Assistant) -> None:
    for question in (
        "大鹏数据局2019年政府投资项目预算是多少",
        "万里街道的三公经费是多少",
        "司法局体育场馆建设支出多少",
    ):
        ans = qa.ask(question)
        assert ans.abstained and ans.value is None, question
        # the refusal may name the year it looked for, never a figure
        assert not any(ch.isdigit() for ch in re.sub(r"20\d\d年", "", ans.answer)), question


@pytest.mark.parametrize("question", ["", "   \n\t "])
def test_empty_questions_are_refused(qa: Assistant, question: str) -> None:
    with pytest.raises(QuestionError, match="空"):
        qa.ask(question)


def test_huge_question_is_refused(qa: Assistant) -> None:
    with pytest.raises(QuestionError, match="太长"):
        qa.ask("预算" * 5000)


def test_non_chinese_question_is_answered_with_a_hint(qa: Assistant) -> None:
    ans = qa.ask("How much is the budget?")
    assert ans.abstained and ans.value is None and "中文" in ans.answer


def test_unknown_document_id_is_refused(qa: Assistant) -> None:
    with pytest.raises(QuestionError, match="budgetqa docs"):
        qa.ask("项目支出多少", doc="ffffffffffff")


def _cli(home: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BUDGETQA_HOME": str(home), "BUDGETQA_EMBED_MODEL": "fake:64", "HF_HUB_OFFLINE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_cli_ask_json_and_batch(tmp_path: Path) -> None:
    run = _cli(tmp_path, "ask", "--json", "政府投资项目预算多少")
    assert run.returncode == 0, run.stderr
    obj = json.loads(run.stdout)
    assert (obj["value"], obj["unit"], obj["abstained"]) == (2008, "万元", False)
    assert {"question", "answer", "citations", "formula", "warnings", "timings_ms"} <= obj.keys()
    assert "已先索引内置示例" not in run.stdout  # progress and notes go to stderr, stdout stays JSON
    batch = _cli(tmp_path, "ask", "--json", "-", stdin="招待费花多少\n\n项目支出占总支出的比例\n")
    lines = [json.loads(line) for line in batch.stdout.splitlines()]
    assert [line["value"] for line in lines] == [2, None, pytest.approx(78.94)]  # one record per input line
    blank = lines[1]
    assert blank["abstained"] is True and "空" in blank["error"] and blank["question"] == ""
    assert {"answer", "unit", "citations", "formula", "warnings", "timings_ms"} <= blank.keys()
    assert (blank["unit"], blank["citations"], blank["formula"]) == (None, [], None)
    assert "error" not in lines[0] and "error" not in lines[2]
    bad = _cli(tmp_path, "ask", "   ")
    assert bad.returncode == 1 and "Traceback" not in bad.stderr and "空" in bad.stderr


def test_cli_chat_keeps_context(tmp_path: Path) -> None:
    run = _cli(tmp_path, "chat", stdin="政府投资项目预算多少\n那2021年呢？\n\n")
    assert run.returncode == 0, run.stderr
    assert "2,008万元" in run.stdout and "1,425万元" in run.stdout


def test_each_named_item_is_retrieved(qa: Assistant) -> None:
    # a sum of two items needs both rows in the top five (司法局 p.11: 1839485.00 and 919739.00)
    doc = next(d["doc_id"] for d in qa.documents() if "司法局" in d["title"])
    texts = [h.text for h in qa.retrieve("养老保险和职业年金加起来多少元", doc=doc, k=5)]
    assert any("1839485.00" in t for t in texts) and any("919739.00" in t for t in texts)


def test_open_answer_shows_the_sentence_asked_about(qa: Assistant) -> None:
    # 大鹏 第三部分（四）lists items 1-7 in one section; item 7 is 政府投资项目 2,008 万元，主要用于…
    ans = qa.ask("大鹏数据局政府投资项目主要用于什么")
    assert ans.intent == "open"
    first = ans.answer.splitlines()[0]
    assert "政府投资项目 2,008 万元，主要用于" in first[:40]
    assert "政府投资项目" in ans.citations[0].quote[:30]


FINANCE = FIXTURES / "shanghai_putuo_finance_2024_dept_final.pdf"  # 25 pages


def test_questions_are_answered_while_a_pdf_is_ingested(tmp_path: Path) -> None:
    import threading
    import time

    qa = Assistant.open(Settings(home=tmp_path / "home", embed_model="fake:64"))
    assert qa.ask("大鹏数据局政府投资项目预算多少").value == 2008  # warm: facts and BM25 loaded
    reading = threading.Event()
    done: list[float] = []

    def progress(_done: int, _total: int, message: str) -> None:
        if "reading" in message:
            reading.set()

    def upload() -> None:
        report = qa.ingest([FINANCE], progress=progress)
        done.append(time.monotonic())
        assert [a["file_name"] for a in report.added] == [FINANCE.name]

    worker = threading.Thread(target=upload)
    worker.start()
    assert reading.wait(60)
    time.sleep(0.2)  # inside the PDF reader now
    answered_at = []
    for question, value in (("大鹏数据局政府投资项目预算多少", 2008), ("大鹏数据局政府投资项目主要用于什么", None)):
        answer = qa.ask(question)
        answered_at.append(time.monotonic())
        assert answer.value == value and not answer.abstained
    ingest_running = not done
    worker.join(300)
    assert ingest_running, "the questions waited for the upload"
    assert all(at < done[0] for at in answered_at)
    finance = next(d["doc_id"] for d in qa.documents() if d["file_name"] == FINANCE.name)  # in once committed
    assert {c.doc for c in qa.ask("上海市普陀区财政局一般公共预算支出多少").citations} == {finance}


def test_rebuild_through_the_assistant_swaps_its_views(tmp_path: Path) -> None:
    qa = Assistant.open(Settings(home=tmp_path / "home", embed_model="fake:64"))
    assert qa.ask("政府投资项目预算多少").value == 2008
    bad = qa.ingest([JUSTICE, tmp_path / "typo.pdf"], rebuild=True)
    assert bad.kept and bad.failed == [("typo.pdf", f"file not found ({tmp_path / 'typo.pdf'})")]
    assert qa.ask("政府投资项目预算多少").value == 2008  # nothing changed
    report = qa.ingest([JUSTICE], rebuild=True)
    assert not report.kept and [d["file_name"] for d in qa.documents()] == [JUSTICE.name]
    assert qa.ask("住房公积金预算多少万元").value == pytest.approx(208.7959)
    assert Assistant.open(Settings(home=tmp_path / "home", embed_model="fake:64")).documents() == qa.documents()


def _age(home: Path) -> None:
    """Mark the live store as built by an older parser."""
    manifest = next(home.glob("store-*/manifest.json"))
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["parser_version"] = "1"
    manifest.write_text(json.dumps(data), encoding="utf-8")


def test_an_older_store_of_only_the_sample_is_rebuilt_and_one_with_user_documents_is_not(tmp_path: Path) -> None:
    from index.errors import StoreMismatchError

    settings = Settings(home=tmp_path / "sample", embed_model="fake:64")
    Assistant.open(settings).store.close()
    _age(settings.home)
    qa = Assistant.open(settings)
    assert (
        qa.store.reseeded
        and not qa.seeded
        and [d["file_name"] for d in qa.documents()] == ["shenzhen_dapeng_data_bureau_2022_dept_budget.txt"]
    )
    assert qa.ask("政府投资项目预算多少").value == 2008
    qa.store.close()
    assert not Assistant.open(settings).store.reseeded  # rebuilt once, current now

    mine = Settings(home=tmp_path / "mine", embed_model="fake:64")
    own = Assistant.open(mine)
    assert not own.ingest([JUSTICE]).failed
    own.store.close()
    _age(mine.home)
    with pytest.raises(StoreMismatchError, match="ingest --rebuild"):
        Assistant.open(mine)
    assert len(list(mine.home.glob("store-*"))) == 1  # the user's store is left as it was
