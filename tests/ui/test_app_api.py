"""The page's API through gradio_client, over a real Assistant: status, documents, streamed cited answers,
follow-ups, citations, help, calm errors, uploads (good, bad, too large), removal and 20 concurrent questions.

Expected figures read from the documents: Dapeng 2022 表14 政府投资项目 2,008 万元 (text: 较2021年预算增加583万元,
so 2021 = 1,425 万元); 表7 2010302 一般行政管理事务 1,461 万元; 三公经费预算 10 万元.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import Any

import pytest
from gradio_client import Client, handle_file

from tests.ui.support import WELFARE_PDF

DAPENG_DEPT = "深圳市大鹏新区政务服务数据管理局"


def message_text(message: dict[str, Any]) -> str:
    content = message["content"]
    if isinstance(content, str):
        return content
    return "".join(part.get("text", "") for part in content)


def amount(text: str) -> str:
    """Answer text with thousands-separated amounts' spaces removed (`2,008 万元` -> `2,008万元`)."""
    return re.sub(r"(\d)\s+(万?元)", r"\1\2", text)


@pytest.fixture(scope="module")
def client(page_url: str) -> Client:
    c = Client(page_url, verbose=False)
    c.predict(api_name="/status")  # waits until the sample is indexed
    return c


def test_status_and_documents(client: Client) -> None:
    status, table, _scope, _remove, _examples, _chat = client.predict(api_name="/status")
    assert status == "文档库：1 份文档。"
    assert table.count("<tr>") == 2  # header + one document
    assert f"<td>{DAPENG_DEPT}</td><td>2022</td><td>部门预算</td>" in table
    assert re.search(r"<td>\d+表 · \d+个数据点</td>", table)  # a text file has no pages
    [doc] = client.predict(api_name="/documents")
    assert (doc["department"], doc["year"], doc["stage"], doc["scope"]) == (DAPENG_DEPT, 2022, "预算", "部门")
    assert doc["tables"] > 0 and doc["facts"] > 0


def test_ask_streams_a_cited_answer_and_follow_up_keeps_context(client: Client) -> None:
    client.predict(api_name="/clear")
    job = client.submit("政府投资项目预算多少", [], [], api_name="/ask")
    chat, box, chips, source, hint = job.result(timeout=60)
    updates = job.outputs()
    assert len(updates) > 3, "the answer is written progressively"
    answer = message_text(chat[-1])
    assert "2,008万元" in amount(answer)
    assert box == "" and hint == ""
    assert chips["choices"] and chips["choices"][0][1] == "1"
    assert "点击" in source  # nothing opened yet

    html = client.predict("1", api_name="/source")
    assert '<table class="source-row">' in html
    assert "<td>政府投资项目</td>" in html and re.search(r"<td><mark>2,?008</mark></td>", html)  # row, value marked

    chat, *_ = client.predict("那2021年呢？", chat, [], api_name="/ask")
    assert "1,425万元" in amount(message_text(chat[-1]))


def test_question_errors_are_one_chinese_line_in_the_chat(client: Client) -> None:
    chat, _box, _chips, _source, hint = client.predict("问" * 2000, [], [], api_name="/ask")
    reply = message_text(chat[-1])
    assert reply.startswith("⚠️ 问题太长（2000 字，上限 500 字）") and "\n" not in reply
    assert "too long" not in reply  # the English half of the error is for the log, not the page
    assert hint == ""


def test_empty_question_only_hints(client: Client) -> None:
    chat = [
        {"role": "user", "content": [{"type": "text", "text": "政府投资项目预算多少"}]},
        {"role": "assistant", "content": [{"type": "text", "text": "2,008万元"}]},
    ]
    outputs = client.predict("   ", chat, [], api_name="/ask")
    *untouched, hint = outputs
    assert "请先输入问题" in hint
    assert all(out.get("__type__") == "update" and "value" not in out for out in untouched), outputs


def test_help_question_answers_with_the_documents_and_examples(client: Client) -> None:
    chat, *_ = client.predict("你好，你能做什么？", [], [], api_name="/ask")
    reply = message_text(chat[-1])
    assert "我可以回答关于已载入的部门预算" in reply
    assert f"已载入 1 份文件：{DAPENG_DEPT} 2022年部门预算。" in reply
    assert "可以这样问：\n1. " in reply and "\n3. " in reply


def test_bad_upload_is_refused_and_changes_nothing(client: Client, tmp_path: Path, upload_dir: Path) -> None:
    before = client.predict(api_name="/documents")
    bad = tmp_path / "x.pdf"
    bad.write_bytes(os.urandom(4096))
    message, *_ = client.predict([handle_file(str(bad))], [], api_name="/upload")
    assert "未能读取：x.pdf" in message and "bq-error" in message
    assert client.predict(api_name="/documents") == before
    assert not [p for p in upload_dir.rglob("*") if p.is_file()], "the upload's copy is deleted"


def test_upload_over_the_limit_is_refused_in_chinese_and_deleted(
    client: Client, tmp_path: Path, upload_dir: Path
) -> None:
    big = tmp_path / "big_budget.pdf"
    with big.open("wb") as out:
        out.truncate(60 * 1_000_000)  # 60 MB, over the default 50 MB limit
    message, *_ = client.predict([handle_file(str(big))], [], api_name="/upload")
    assert "big_budget.pdf：文件 60.0 MB，超过上传上限 50 MB" in message
    assert len(client.predict(api_name="/documents")) == 1
    assert not [p for p in upload_dir.rglob("*") if p.is_file()], "nothing is left in the upload folder"


def test_upload_then_remove(client: Client, upload_dir: Path) -> None:
    message, _files, status, table, *_ = client.predict([handle_file(str(WELFARE_PDF))], [], api_name="/upload")
    assert "已添加" in message and "上海市普陀区社会福利院" in message
    assert not [p for p in upload_dir.rglob("*") if p.is_file()], "the indexed upload's copy is deleted"
    docs = client.predict(api_name="/documents")
    assert len(docs) == 2 and table.count("<tr>") == 3 and status == "文档库：2 份文档。"
    assert "<td>上海市普陀区社会福利院</td><td>2024</td><td>单位预算</td><td>16页 · " in table
    [welfare] = [d for d in docs if d["department"] == "上海市普陀区社会福利院"]
    assert (welfare["year"], welfare["stage"], welfare["scope"], welfare["page_count"]) == (2024, "预算", "单位", 16)

    again, *_ = client.predict([handle_file(str(WELFARE_PDF))], [], api_name="/upload")
    assert "已存在" in again

    message, status, *_ = client.predict(welfare["doc_id"], [], api_name="/remove")
    assert "已移除" in message and status == "文档库：1 份文档。"
    assert [d["department"] for d in client.predict(api_name="/documents")] == [DAPENG_DEPT]
    message, *_ = client.predict(None, [], api_name="/remove")
    assert "请先选择要移除的文档" in message


def test_twenty_concurrent_questions_are_all_answered_correctly(client: Client) -> None:
    expected = {"政府投资项目预算多少": 2008.0, "一般行政管理事务预算多少": 1461.0, "三公经费预算多少": 10.0}
    questions = [list(expected)[i % len(expected)] for i in range(20)]
    jobs = [client.submit(q, None, api_name="/answer") for q in questions]
    results = [job.result(timeout=120) for job in jobs]
    for question, result in zip(questions, results, strict=True):
        assert result["question"] == question
        assert (result["value"], result["unit"]) == (expected[question], "万元"), result["answer"]
        assert result["citations"], question


def test_questions_are_answered_while_a_25_page_pdf_uploads(client: Client, upload_dir: Path) -> None:
    """An upload reads and indexes outside the answer lock: a question asked meanwhile is answered at once,
    from the documents already in, before the upload ends."""
    finance = WELFARE_PDF.parent / "shanghai_putuo_finance_2024_dept_final.pdf"  # 25 pages
    upload = client.submit([handle_file(str(finance))], [], api_name="/upload")
    deadline = time.monotonic() + 30
    while upload.status().code.name not in ("PROCESSING", "ITERATING") and time.monotonic() < deadline:
        time.sleep(0.05)
    started = time.monotonic()
    ask = client.submit("政府投资项目预算多少", [], [], api_name="/ask")

    def figure_shown() -> bool:
        return any(out and "2,008" in message_text(out[0][-1]) for out in ask.outputs())

    while not figure_shown() and time.monotonic() - started < 60:
        time.sleep(0.01)
    answered_during_upload = not upload.done()  # the figure is on the page while the upload still runs
    chat, *_ = ask.result(timeout=60)
    assert "2,008万元" in amount(message_text(chat[-1]))
    assert answered_during_upload, "the question waited for the upload"
    message, *_ = upload.result(timeout=300)
    assert "已添加" in message
    [added] = [d for d in client.predict(api_name="/documents") if d["department"] == "上海市普陀区财政局"]
    client.predict(added["doc_id"], [], api_name="/remove")
