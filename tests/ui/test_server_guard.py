"""Serving rules without a server: login throttling per address, the exposure warning, bind address precedence,
upload screening and deleting Gradio's copies."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ui_server import LoginThrottle, bind_overrides, exposure_warning, is_loopback
from assistant.ui_upload import remove_uploads, screen_uploads, upload_limit_mb
from index.settings import Settings


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_login_throttle_locks_out_one_address_after_five_failures() -> None:
    clock = Clock()
    gate = LoginThrottle("alice", "s3cret", failures=5, window_s=300, clock=clock)
    assert gate.attempt("10.0.0.1", "alice", "s3cret")
    for _ in range(5):
        assert not gate.attempt("10.0.0.2", "alice", "guess")
    assert not gate.attempt("10.0.0.2", "alice", "s3cret"), "locked out even with the right password"
    assert gate.attempt("10.0.0.3", "alice", "s3cret"), "other addresses are not affected"
    clock.now += 301
    assert gate.attempt("10.0.0.2", "alice", "s3cret"), "the lock-out ends when the failures age out"


def test_a_successful_login_clears_the_failures() -> None:
    gate = LoginThrottle("alice", "s3cret", failures=3, clock=Clock())
    for _ in range(2):
        assert not gate.attempt("10.0.0.2", "bob", "s3cret")
    assert gate.attempt("10.0.0.2", "alice", "s3cret")
    for _ in range(2):
        assert not gate.attempt("10.0.0.2", "alice", "x")
    assert gate.attempt("10.0.0.2", "alice", "s3cret")


@pytest.mark.parametrize(("host", "loopback"), [("127.0.0.1", True), ("127.0.0.2", True), ("::1", True),
                                                ("localhost", True), ("0.0.0.0", False), ("192.168.1.5", False),
                                                ("::", False), ("budget.example.org", False)])  # fmt: skip
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_exposure_warning_only_without_login_off_loopback() -> None:
    warning = exposure_warning("0.0.0.0", share=False, auth=None)
    assert warning is not None and "0.0.0.0" in warning and "BUDGETQA_AUTH" in warning
    assert exposure_warning("0.0.0.0", share=False, auth=("a", "b")) is None
    assert exposure_warning("127.0.0.1", share=False, auth=None) is None
    shared = exposure_warning("127.0.0.1", share=True, auth=None)
    assert shared is not None and "公开链接" in shared


def test_bind_address_precedence(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("BUDGETQA_HOST", "BUDGETQA_PORT", "GRADIO_SERVER_NAME", "GRADIO_SERVER_PORT"):
        monkeypatch.delenv(name, raising=False)
    assert bind_overrides(None, None) == {"host": None, "port": None}
    monkeypatch.setenv("GRADIO_SERVER_NAME", "0.0.0.0")
    monkeypatch.setenv("GRADIO_SERVER_PORT", "7999")
    assert bind_overrides(None, None) == {"host": "0.0.0.0", "port": 7999}
    assert bind_overrides("127.0.0.1", 8001) == {"host": "127.0.0.1", "port": 8001}, "flags win"
    monkeypatch.setenv("BUDGETQA_PORT", "8002")
    overrides = bind_overrides(None, None)
    assert overrides == {"host": "0.0.0.0", "port": None}
    assert Settings().with_overrides(**overrides).port == 8002, "BUDGETQA_PORT beats GRADIO_SERVER_PORT"


def test_upload_screening_and_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    small, big, docx = tmp_path / "a.pdf", tmp_path / "b.TXT", tmp_path / "c.docx"
    small.write_bytes(b"x" * 1000)
    big.write_bytes(b"x" * 2_500_000)
    docx.write_bytes(b"x")
    accepted, refused = screen_uploads([small, big, docx], limit_mb=2)
    assert accepted == [small]
    assert refused == [
        ("b.TXT", "文件 2.5 MB，超过上传上限 2 MB"),
        ("c.docx", "不支持这种文件类型，只接受 PDF、TXT 和 MD 文件"),
    ]
    monkeypatch.delenv("BUDGETQA_MAX_UPLOAD_MB", raising=False)
    assert upload_limit_mb(object()) == 50
    monkeypatch.setenv("BUDGETQA_MAX_UPLOAD_MB", "12.5")
    assert upload_limit_mb(object()) == 12.5


def test_remove_uploads_deletes_only_inside_the_upload_folder(tmp_path: Path) -> None:
    root = tmp_path / "uploads"
    inside = root / ("f" * 40) / "a.pdf"
    inside.parent.mkdir(parents=True)
    inside.write_bytes(b"%PDF")
    outside = tmp_path / "mine.pdf"
    outside.write_bytes(b"%PDF")
    remove_uploads([inside, outside, root / "gone.pdf"], root)
    assert not inside.exists() and not inside.parent.exists() and root.exists()
    assert outside.exists()
