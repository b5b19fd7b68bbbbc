"""The page's API through gradio_client, over a real Assistant: status, documents, streamed cited answers,
follow-ups, citations, uploads (good and bad), removal and 20 concurrent questions.

Expected figures read from the documents: Dapeng 2022 表14 政府投资项目 2,008 万元 (text: 较2021年预算增加583万元,
so 2021 = 1,425 万元); 表7 2010302 一般行政管理事务 1,461 万元; 三公经费预算 10 万元.
"""

from __future__ import annotations

import os
import re
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
    status, table, _scope, _remove, _examples = client.predict(api_name="/status")
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
    chat, box, chips, source = job.result(timeout=60)
    updates = job.outputs()
    assert len(updates) > 3, "the answer is written progressively"
    answer = message_text(chat[-1])
    assert "2,008万元" in amount(answer)
    assert box == ""
    assert chips["choices"] and chips["choices"][0][1] == "1"
    assert "点击" in source  # nothing opened yet

    html = client.predict("1", api_name="/source")
    assert '<table class="source-row">' in html
    assert "<td>政府投资项目</td>" in html and re.search(r"<td>2,?008</td>", html)  # row as printed

    chat, *_ = client.predict("那2021年呢？", chat, [], api_name="/ask")
    assert "1,425万元" in amount(message_text(chat[-1]))


def test_question_errors_are_shown_not_raised(client: Client) -> None:
    chat, *_ = client.predict("问" * 2000, [], [], api_name="/ask")
    assert message_text(chat[-1]).startswith("⚠️")
    with pytest.raises(Exception, match="请输入问题"):
        client.predict("   ", [], [], api_name="/ask")


def test_bad_upload_is_refused_and_changes_nothing(client: Client, tmp_path: Path) -> None:
    before = client.predict(api_name="/documents")
    bad = tmp_path / "x.pdf"
    bad.write_bytes(os.urandom(4096))
    with pytest.raises(Exception, match=r"x\.pdf"):
        client.predict([handle_file(str(bad))], [], api_name="/upload")
    assert client.predict(api_name="/documents") == before


def test_upload_then_remove(client: Client) -> None:
    message, _files, status, table, *_ = client.predict([handle_file(str(WELFARE_PDF))], [], api_name="/upload")
    assert "已添加" in message and "上海市普陀区社会福利院" in message
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
    with pytest.raises(Exception, match="请先选择"):
        client.predict(None, [], api_name="/remove")


def test_twenty_concurrent_questions_are_all_answered_correctly(client: Client) -> None:
    expected = {"政府投资项目预算多少": 2008.0, "一般行政管理事务预算多少": 1461.0, "三公经费预算多少": 10.0}
    questions = [list(expected)[i % len(expected)] for i in range(20)]
    jobs = [client.submit(q, None, api_name="/answer") for q in questions]
    results = [job.result(timeout=120) for job in jobs]
    for question, result in zip(questions, results, strict=True):
        assert result["question"] == question
        assert (result["value"], result["unit"]) == (expected[question], "万元"), result["answer"]
        assert result["citations"], question
