"""LLM mode against a real HTTP server on 127.0.0.1 speaking the chat-completions protocol (tests/assistant/llm_server.py).

The store is the bundled Dapeng 2022 部门预算 with the fake embedder. Every scripted reply is handled as the
issue asks: grounded sentences kept, a wrong number dropped (never shown), invented citations removed, a
number in another unit accepted, a stall / 500 / malformed reply / refusal falling back to the offline passages
with a one-line note, fast and without a traceback.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.assistant import Assistant
from assistant.llm_client import LLMClient
from assistant.llm_route import stream_to
from index.settings import Settings
from tests.assistant.llm_server import chat_server

WHY = "信息化运维项目为什么增加"


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    with chat_server() as running:
        yield running


@pytest.fixture(scope="module")
def qa(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    home = tmp_path_factory.mktemp("llm-home")
    return Assistant.open(Settings(home=home, embed_model="fake:64"))


def ask(qa: Assistant, url: str, model: str, question: str = WHY, *, stream: bool = True, timeout: float = 10.0):
    qa.llm = LLMClient(url=url, model=model, timeout_s=timeout, stream=stream)
    try:
        return qa.ask(question)
    finally:
        qa.llm = None


def offline(qa: Assistant, question: str = WHY) -> str:
    qa.llm = None
    return qa.ask(question).answer


@pytest.mark.parametrize("stream", [True, False])
def test_grounded_answer_is_written_and_cited(qa: Assistant, server: Any, stream: bool) -> None:
    url, requests = server
    before = len(requests)
    answer = ask(qa, url, "grounded", stream=stream)
    assert len(requests) == before + 1 and requests[-1]["body"]["stream"] is stream
    sent = requests[-1]["body"]["messages"][1]["content"]
    # the passage holds the whole reason sentence, not a cut one
    assert "主要原因 2022 年度新增信息化运维项目，因此费用增加。" in sent
    assert (
        answer.answer
        == "信息化运维项目2022年预算315万元，较2021年预算增加71万元，增幅29.1%。[1]主要原因是2022年度新增信息化运维项目。[1]"
    )
    assert len(answer.citations) == 1 and "增加 71 万元" in answer.citations[0].quote
    g = answer.grounding
    assert g is not None
    assert (g["status"], g["sentences"], g["kept"], g["dropped_ungrounded_number"]) == ("ok", 2, 2, 0)
    assert g["numbers_checked"] == 4  # 315万元, 2021年 (printed in [1]), 71万元, 29.1%; 2022 is the document year
    assert any("语言模型（grounded）" in w for w in answer.warnings)
    assert answer.to_json()["grounding"]["kept"] == 2


@pytest.mark.parametrize("stream", [True, False])
def test_wrong_number_never_reaches_the_user(qa: Assistant, server: Any, stream: bool) -> None:
    url, _ = server
    shown: list[str] = []
    with stream_to(shown.append):
        answer = ask(qa, url, "wrong", stream=stream)
    assert "95" not in answer.answer and all("95" not in s for s in shown)
    assert answer.answer == "主要原因是2022年度新增信息化运维项目。[1]"
    g = answer.grounding
    assert g is not None and (g["kept"], g["dropped_ungrounded_number"]) == (1, 1)
    assert any("1句" in w and "删去" in w for w in answer.warnings)


def test_streamed_text_grows_sentence_by_sentence(qa: Assistant, server: Any) -> None:
    url, _ = server
    shown: list[str] = []
    with stream_to(shown.append):
        answer = ask(qa, url, "grounded")
    assert shown == ["信息化运维项目2022年预算315万元，较2021年预算增加71万元，增幅29.1%。[1]", answer.answer]


def test_invented_citation_is_dropped(qa: Assistant, server: Any) -> None:
    url, _ = server
    answer = ask(qa, url, "invented")
    assert "[9]" not in answer.answer
    assert (
        answer.answer == "主要原因是2022年度新增信息化运维项目，因此费用增加。信息化运维项目较2021年预算增加71万元。[1]"
    )
    g = answer.grounding
    assert g is not None and (g["citations_dropped"], g["kept"]) == (2, 2)
    assert len(answer.citations) == 1


def test_number_in_another_unit_is_grounded(qa: Assistant, server: Any) -> None:
    url, requests = server
    answer = ask(qa, url, "other-unit")
    passage_one = requests[-1]["body"]["messages"][1]["content"].split("\n[2]")[0]
    assert "政府投资项目 2,008 万元" in passage_one  # what makes 20,080,000元 checkable
    g = answer.grounding
    assert g is not None and (g["kept"], g["dropped_ungrounded_number"]) == (2, 0)
    assert "3,150,000元" in answer.answer and "20,080,000元" in answer.answer


@pytest.mark.parametrize(("model", "stream"), [("stall", False), ("stall-stream", True)])
def test_stall_falls_back_within_the_deadline(qa: Assistant, server: Any, model: str, stream: bool) -> None:
    url, _ = server
    started = time.perf_counter()
    answer = ask(qa, url, model, stream=stream, timeout=1.0)
    assert time.perf_counter() - started < 5  # the server stalls 10 s
    assert answer.answer == offline(qa)
    assert "语言模型没有在时限内作答，以下为原文段落。" in answer.warnings
    assert answer.grounding is not None and answer.grounding["status"] == "timeout"


@pytest.mark.parametrize(
    ("model", "stream", "note", "status"),
    [
        ("error-500", True, "语言模型服务返回错误，以下为原文段落。", "http"),
        ("malformed", False, "语言模型的回复无法读取，以下为原文段落。", "malformed"),
        ("malformed-stream", True, "语言模型的回复无法读取，以下为原文段落。", "malformed"),
        ("refusal", False, "语言模型拒绝作答，以下为原文段落。", "refused"),
        ("refusal-text", True, "语言模型拒绝作答，以下为原文段落。", "refused"),
        ("not-found", True, "语言模型认为所给段落不能回答这个问题，以下为原文段落。", "not_found"),
    ],
)
def test_failures_fall_back_to_offline_passages(
    qa: Assistant, server: Any, model: str, stream: bool, note: str, status: str
) -> None:
    url, _ = server
    answer = ask(qa, url, model, stream=stream)
    assert answer.answer == offline(qa)
    assert note in answer.warnings
    assert answer.grounding is not None and answer.grounding["status"] == status


def test_nothing_grounded_shows_passages_and_says_so(qa: Assistant, server: Any) -> None:
    url, _ = server
    answer = ask(qa, url, "only-wrong")
    assert answer.answer == offline(qa) and "95" not in answer.answer
    assert "语言模型的回答没有能与原文核对的内容（删去2句），以下为原文段落。" in answer.warnings
    g = answer.grounding
    assert g is not None and (g["status"], g["kept"], g["dropped_ungrounded_number"]) == ("ungrounded", 0, 2)


def test_unreachable_endpoint_falls_back(qa: Assistant) -> None:
    answer = ask(qa, "http://127.0.0.1:9/v1", "grounded", timeout=2.0)
    assert answer.answer == offline(qa)
    assert "语言模型服务连接不上，以下为原文段落。" in answer.warnings


def test_compound_figure_by_engine_reason_by_model(qa: Assistant, server: Any) -> None:
    url, requests = server
    answer = ask(qa, url, "grounded", "机关运行经费比2021年增长了多少，原因是什么")
    assert answer.intent == "compound" and len(answer.parts) == 2
    assert answer.parts[0].value == 284 and answer.parts[0].grounding is None  # the engine's figure
    assert answer.answer.startswith("1. 机关运行经费2022年比上年增加284万元。[1]\n2. ")
    sent = requests[-1]["body"]["messages"][1]["content"]
    assert "机关运行经费2022年比上年增加284万元" in sent  # the engine's figure is given to the model
    assert "主要是2022年度行政服务大厅房租、水电费、物业管理费纳入基本支出。" in sent  # the reason, whole
    assert answer.grounding is not None and answer.grounding["sentences"] == 2


def test_without_endpoint_nothing_changes(qa: Assistant, server: Any) -> None:
    _, requests = server
    before = len(requests)
    assert LLMClient.from_settings(Settings(home=Path("/nonexistent"))) is None
    answer = qa.ask(WHY)
    assert answer.grounding is None and answer.to_json()["grounding"] is None
    assert answer.answer.startswith("[1] ") and len(requests) == before


def test_settings_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BUDGETQA_LLM_URL", "http://127.0.0.1:11434/v1")
    monkeypatch.setenv("BUDGETQA_LLM_MODEL", "qwen2.5:7b")
    monkeypatch.setenv("BUDGETQA_LLM_KEY", "k")
    client = LLMClient.from_settings(Settings())
    assert client is not None and client.endpoint == "http://127.0.0.1:11434/v1/chat/completions"
    assert (client.model, client.key, client.timeout_s) == ("qwen2.5:7b", "k", 60.0)


def test_key_is_sent_as_bearer(qa: Assistant, server: Any) -> None:
    url, requests = server
    qa.llm = LLMClient(url=url, model="grounded", key="secret", timeout_s=10)
    try:
        qa.ask(WHY)
    finally:
        qa.llm = None
    assert requests[-1]["auth"] == "Bearer secret"


def test_why_question_refusal_does_not_speak_of_a_figure(qa: Assistant) -> None:
    answer = qa.ask("深圳市教育局的经费为什么增加")
    assert answer.abstained and answer.intent == "open"
    assert "没有找到这一数字" not in answer.answer
    assert answer.answer == "所载文件中没有找到回答这个问题的文字说明，因此不作回答。"


def test_page_streams_only_grounded_sentences(qa: Assistant, server: Any) -> None:
    from assistant.ui_events import Handlers

    class Runtime:
        def wait(self) -> Assistant:
            return qa

    url, _ = server
    qa.llm = LLMClient(url=url, model="wrong", timeout_s=10)
    try:
        outputs = list(Handlers(Runtime()).respond(WHY, [], [], []))  # type: ignore[arg-type]
    finally:
        qa.llm = None
    shown = [o[0][-1]["content"] for o in outputs if isinstance(o[0], list) and o[0]]
    assert shown and all("95" not in text for text in shown)
    assert shown[-1].startswith("主要原因是2022年度新增信息化运维项目。[1]")
    assert outputs[-1][2][-1]["answer"] == "主要原因是2022年度新增信息化运维项目。[1]"
