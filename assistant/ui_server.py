"""Serving the chat page: bind address, login with per-address throttling, warnings and the server log.

Imports no Gradio at module level, so `app.py --help` and the CLI stay fast.
"""

from __future__ import annotations

import contextvars
import ipaddress
import logging
import os
import secrets
import sys
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from index.errors import BudgetQAError

log = logging.getLogger("budgetqa.web")

LOGIN_FAILURES = 5  # failed logins from one address within LOGIN_WINDOW_S ...
LOGIN_WINDOW_S = 300.0  # ... refuse every further attempt from it until the oldest is this old
AUTH_MESSAGE = "请输入 BUDGETQA_AUTH 中设置的用户名和密码。同一地址连续输错 5 次后，需等待 5 分钟再试。"

_client_address: contextvars.ContextVar[str] = contextvars.ContextVar("budgetqa_client_address", default="unknown")

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]


def parse_auth(auth: str | None) -> tuple[str, str] | None:
    """`user:pass` (from BUDGETQA_AUTH / settings.auth) as the login pair."""
    if not auth:
        return None
    user, sep, password = auth.partition(":")
    if not sep or not user or not password:
        raise BudgetQAError("BUDGETQA_AUTH 应为 user:pass 形式 (login must be given as user:pass)")
    return user, password


def bind_overrides(host: str | None, port: int | None) -> dict[str, Any]:
    """`--host/--port` first, then BUDGETQA_HOST/PORT (read by Settings), then GRADIO_SERVER_NAME/PORT."""
    env = os.environ
    if host is None and "BUDGETQA_HOST" not in env:
        host = env.get("GRADIO_SERVER_NAME") or None
    if port is None and "BUDGETQA_PORT" not in env and env.get("GRADIO_SERVER_PORT"):
        try:
            port = int(env["GRADIO_SERVER_PORT"])
        except ValueError as err:
            raise BudgetQAError(f"GRADIO_SERVER_PORT 不是端口号：{env['GRADIO_SERVER_PORT']!r}") from err
    return {"host": host, "port": port}


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and `localhost`; everything else (0.0.0.0, a LAN address, a name) is reachable by others."""
    if host.strip().lower() in {"localhost", "localhost.localdomain"}:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def exposure_warning(host: str, share: bool, auth: object) -> str | None:
    """The warning printed when the page is reachable from other machines without a login."""
    if auth:
        return None
    if share:
        return "警告：--share 会生成公开链接，但没有设置 BUDGETQA_AUTH：任何拿到链接的人都能提问、上传和删除文档。"
    if not is_loopback(host):
        return (
            f"警告：页面绑定在 {host}，但没有设置 BUDGETQA_AUTH：同一网络中的任何人都能提问、上传和删除文档。"
            "设置 BUDGETQA_AUTH=user:pass 以开启登录。"
        )
    return None


class LoginThrottle:
    """Gradio's `auth` callable: checks the pair, and refuses an address after too many recent failures."""

    def __init__(
        self,
        user: str,
        password: str,
        *,
        failures: int = LOGIN_FAILURES,
        window_s: float = LOGIN_WINDOW_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._user, self._password = user, password
        self._failures, self._window_s, self._clock = failures, window_s, clock
        self._recent: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def __call__(self, username: str, password: str) -> bool:
        return self.attempt(_client_address.get(), username, password)

    def attempt(self, address: str, username: str, password: str) -> bool:
        """One login try from `address`; True only for the right pair from an address not locked out."""
        now = self._clock()
        with self._lock:
            recent = self._recent.setdefault(address, deque())
            while recent and now - recent[0] > self._window_s:
                recent.popleft()
            if len(recent) >= self._failures:
                log.info("login refused: %s is locked out after %d failures", address, len(recent))
                return False
            right = secrets.compare_digest(username.encode(), self._user.encode()) & secrets.compare_digest(
                password.encode(), self._password.encode()
            )
            if right:
                self._recent.pop(address, None)
                return True
            recent.append(now)
            log.info("login failed from %s (%d of %d allowed)", address, len(recent), self._failures)
            return False


class ClientAddress:
    """ASGI middleware: makes the TCP peer's address (never a forwarded header) visible to `LoginThrottle`."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        client = scope.get("client")
        token = _client_address.set(str(client[0]) if client else "unknown")
        try:
            await self.app(scope, receive, send)
        finally:
            _client_address.reset(token)


def configure_logging() -> None:
    """One line per event on stderr (routine user errors included, tracebacks only for bugs)."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    for noisy in ("httpx", "httpcore", "urllib3"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
