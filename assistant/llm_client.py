"""A small client for any OpenAI-compatible `/v1/chat/completions` endpoint (vLLM, Ollama, llama.cpp, DeepSeek…).

Streaming (server-sent events) or not, always within one deadline (`llm_timeout_s` for the whole reply,
not per read), so a stalled server costs at most that long. Every failure is an `LLMError` whose `kind`
(timeout, http, malformed, refused, network) the caller turns into a one-line note and the offline answer.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from index.errors import BudgetQAError
from index.settings import Settings

CONNECT_S = 5.0  # connecting is quick or the server is not there


class LLMError(BudgetQAError):
    """The language model gave no usable reply; `kind` says why (timeout, http, malformed, refused, network)."""

    def __init__(self, kind: str, detail: str) -> None:
        self.kind = kind
        self.detail = detail
        super().__init__(f"{kind}: {detail}")


@dataclass(frozen=True, slots=True)
class LLMClient:
    """Where and how to ask: the endpoint's base URL (…/v1), model name, optional key, whole-reply deadline."""

    url: str
    model: str
    key: str | None = None
    timeout_s: float = 60.0
    stream: bool = True
    max_tokens: int = 600

    @classmethod
    def from_settings(cls, settings: Settings) -> LLMClient | None:
        """The configured client, or None when no endpoint is set (BudgetQA then stays fully offline)."""
        if not settings.llm_url or not settings.llm_model:
            return None
        return cls(
            url=settings.llm_url,
            model=settings.llm_model,
            key=settings.llm_key,
            timeout_s=settings.llm_timeout_s,
            stream=settings.llm_stream,
        )

    @property
    def endpoint(self) -> str:
        """`…/v1/chat/completions`, whether the URL was given with or without `/v1` or the full path."""
        base = self.url.rstrip("/")
        if base.endswith("/chat/completions"):
            return base
        return f"{base}/chat/completions" if base.endswith("/v1") else f"{base}/v1/chat/completions"

    def complete(self, messages: list[dict[str, str]]) -> str:
        """The whole reply text (streamed or not, as configured)."""
        return "".join(self.deltas(messages))

    def deltas(self, messages: list[dict[str, str]]) -> Iterator[str]:
        """The reply in pieces as they arrive (one piece when not streaming). Raises LLMError."""
        import httpx

        body: dict[str, Any] = {
            "model": self.model,
            "messages": messages,
            "temperature": 0,
            "max_tokens": self.max_tokens,
            "stream": self.stream,
        }
        headers = {"Content-Type": "application/json"}
        if self.key:
            headers["Authorization"] = f"Bearer {self.key}"
        deadline = time.monotonic() + self.timeout_s
        timeout = httpx.Timeout(self.timeout_s, connect=min(CONNECT_S, self.timeout_s))
        expired = threading.Event()
        try:
            with (
                httpx.Client(timeout=timeout, trust_env=False) as client,
                client.stream("POST", self.endpoint, json=body, headers=headers) as response,
            ):
                # a read blocked past the deadline is ended by closing the response from a timer thread
                watchdog = threading.Timer(max(deadline - time.monotonic(), 0.0), _expire, (response, expired))
                watchdog.daemon = True
                watchdog.start()
                try:
                    yield from _reply_pieces(response, self.stream, deadline)
                finally:
                    watchdog.cancel()
        except httpx.TimeoutException as err:
            raise LLMError("timeout", f"no reply within {self.timeout_s:g} s") from err
        except (httpx.HTTPError, OSError, RuntimeError) as err:
            if expired.is_set():
                raise LLMError("timeout", f"no reply within {self.timeout_s:g} s") from err
            raise LLMError("network", f"{type(err).__name__}: {err}") from err


def _expire(response: Any, expired: threading.Event) -> None:
    expired.set()
    response.close()


def _reply_pieces(response: Any, stream: bool, deadline: float) -> Iterator[str]:
    """The reply's text pieces: server-sent events when streamed, else the one message."""
    if response.status_code != 200:
        raise LLMError("http", f"HTTP {response.status_code}")
    if stream and "text/event-stream" in response.headers.get("content-type", ""):
        yield from _sse_deltas(response.iter_lines(), deadline)
    else:
        yield _whole_reply(_read_by(response, deadline))


def _read_by(response: Any, deadline: float) -> bytes:
    """The body, read piece by piece so the whole-reply deadline holds even for a trickling server."""
    chunks: list[bytes] = []
    for chunk in response.iter_bytes():
        chunks.append(chunk)
        if time.monotonic() > deadline:
            raise LLMError("timeout", "the reply did not finish in time")
    return b"".join(chunks)


def _whole_reply(raw: bytes) -> str:
    """The message text of a non-streamed reply; a refusal or an unreadable reply raises LLMError."""
    try:
        data = json.loads(raw)
        choice = data["choices"][0]
        message = choice["message"]
    except (ValueError, KeyError, IndexError, TypeError) as err:
        raise LLMError("malformed", f"not a chat-completions reply: {raw[:120]!r}") from err
    _check_refusal(message, choice.get("finish_reason"))
    content = message.get("content")
    if not isinstance(content, str):
        raise LLMError("malformed", "the reply has no text content")
    return content


def _sse_deltas(lines: Iterator[str], deadline: float) -> Iterator[str]:
    """Text pieces of a streamed reply (`data: {...}` lines up to `data: [DONE]`)."""
    got_any = False
    for line in lines:
        if time.monotonic() > deadline:
            raise LLMError("timeout", "the reply did not finish in time")
        if not line.startswith("data:"):
            continue
        payload = line[5:].strip()
        if payload == "[DONE]":
            break
        try:
            choice = json.loads(payload)["choices"][0]
            delta = choice.get("delta") or {}
        except (ValueError, KeyError, IndexError, TypeError, AttributeError) as err:
            raise LLMError("malformed", f"unreadable stream event: {payload[:120]!r}") from err
        _check_refusal(delta, choice.get("finish_reason"))
        piece = delta.get("content")
        if isinstance(piece, str) and piece:
            got_any = True
            yield piece
    if not got_any:
        raise LLMError("malformed", "the stream carried no text")


def _check_refusal(message: dict[str, Any], finish_reason: object) -> None:
    """OpenAI-style refusals: a `refusal` field, or a reply stopped by a content filter."""
    if message.get("refusal"):
        raise LLMError("refused", str(message["refusal"])[:200])
    if finish_reason == "content_filter":
        raise LLMError("refused", "stopped by the endpoint's content filter")
