"""A real OpenAI-compatible chat-completions server on 127.0.0.1 for the LLM-mode tests.

The reply is scripted by the request's `model` name (see SCRIPTS): a text the model "writes", or a
behaviour (a stall, an HTTP 500, malformed JSON, a refusal). Streams (server-sent events) when the
request asks `"stream": true`, in small pieces so sentence-by-sentence grounding is exercised.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

# The Dapeng 2022 部门预算 says: 信息化运维项目 315 万元 … 较 2021 年预算增加 71 万元，增幅 29.1%，
# 主要原因 2022 年度新增信息化运维项目，因此费用增加。 (passage [1] for 信息化运维项目为什么增加)
GROUNDED = (
    "信息化运维项目2022年预算315万元，较2021年预算增加71万元，增幅29.1%。[1]主要原因是2022年度新增信息化运维项目。[1]"
)
WRONG = "信息化运维项目较2021年预算增加95万元。[1]主要原因是2022年度新增信息化运维项目。[1]"
INVENTED = "主要原因是2022年度新增信息化运维项目，因此费用增加。[9]信息化运维项目较2021年预算增加71万元。[1][9]"
OTHER_UNIT = "信息化运维项目预算3,150,000元，比上年增加710,000元。[1]政府投资项目2,008万元，即20,080,000元。[1]"
ONLY_WRONG = "信息化运维项目较2021年预算增加95万元。[1]增幅为31.5%。[1]"
REFUSAL_TEXT = "抱歉，我无法回答这个问题。"
NOT_FOUND = "未找到"

SCRIPTS: dict[str, str] = {
    "grounded": GROUNDED,
    "wrong": WRONG,
    "invented": INVENTED,
    "other-unit": OTHER_UNIT,
    "only-wrong": ONLY_WRONG,
    "refusal-text": REFUSAL_TEXT,
    "not-found": NOT_FOUND,
}
STALL_S = 10.0


class _Handler(BaseHTTPRequestHandler):
    server_version = "FakeChat/1"
    requests: list[dict[str, Any]]  # set on the class by `chat_server`

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        return

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
        self.requests.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
        model, stream = body.get("model", ""), bool(body.get("stream"))
        if self.path != "/v1/chat/completions":
            return self._send(404, b"not found", "text/plain")
        if model == "stall":
            time.sleep(STALL_S)
            return self._send(200, json.dumps(_message(GROUNDED)).encode(), "application/json")
        if model == "stall-stream":
            self._start_stream()
            self._event({"choices": [{"index": 0, "delta": {"content": "信息化运维项目"}}]})
            time.sleep(STALL_S)
            return None
        if model == "error-500":
            return self._send(500, b'{"error": "internal"}', "application/json")
        if model == "malformed":
            return self._send(200, b'{"choices": [{"message": ', "application/json")
        if model == "malformed-stream":
            self._start_stream()
            self.wfile.write(b"data: {not json\n\n")
            return None
        if model == "refusal":
            reply = {"choices": [{"index": 0, "message": {"role": "assistant", "content": None, "refusal": "no"}}]}
            return self._send(200, json.dumps(reply).encode(), "application/json")
        text = SCRIPTS[model]
        if not stream:
            return self._send(200, json.dumps(_message(text), ensure_ascii=False).encode(), "application/json")
        self._start_stream()
        for i in range(0, len(text), 5):
            self._event({"choices": [{"index": 0, "delta": {"content": text[i : i + 5]}, "finish_reason": None}]})
        self._event({"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
        self.wfile.write(b"data: [DONE]\n\n")
        return None

    def _send(self, status: int, data: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _start_stream(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()

    def _event(self, data: dict[str, Any]) -> None:
        self.wfile.write(f"data: {json.dumps(data, ensure_ascii=False)}\n\n".encode())
        self.wfile.flush()


def _message(text: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
    }


@contextmanager
def chat_server() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """(base URL `http://127.0.0.1:PORT/v1`, the requests received) while the server runs in a thread."""
    requests: list[dict[str, Any]] = []
    handler = type("Handler", (_Handler,), {"requests": requests})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1", requests
    finally:
        server.shutdown()
        server.server_close()
