"""`python app.py` and `budgetqa serve` start the page on 127.0.0.1 from a fresh store, behind the optional login."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from gradio_client import Client

from index.embed.hashed import FAKE_PREFIX
from tests.ui.support import ROOT, free_port

LAUNCHERS = {
    "app.py": [sys.executable, str(ROOT / "app.py")],
    "budgetqa serve": [sys.executable, "-m", "assistant.cli", "serve"],
}


def wait_for(url: str, proc: subprocess.Popen[bytes], log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, log.read_text(errors="replace")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.5)
    raise AssertionError(f"{url} did not answer within {timeout}s")


@pytest.mark.parametrize("launcher", list(LAUNCHERS))
def test_launch_seeds_the_sample_behind_login(launcher: str, tmp_path: Path) -> None:
    port = free_port()
    env = {
        **os.environ,
        "BUDGETQA_HOME": str(tmp_path / "home"),
        "BUDGETQA_EMBED_MODEL": f"{FAKE_PREFIX}64",
        "BUDGETQA_AUTH": "alice:s3cret",
        "HF_HUB_OFFLINE": "1",
    }
    cmd = [*LAUNCHERS[launcher], "--port", str(port)]
    log = tmp_path / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, cwd=tmp_path, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_for(url, proc, log)
        with pytest.raises(urllib.error.HTTPError):  # the app config is behind the login
            urllib.request.urlopen(url + "config", timeout=5)
        client = Client(url, auth=("alice", "s3cret"), verbose=False)
        status, *_ = client.predict(api_name="/status")
        assert status == "文档库：1 份文档。"
        [doc] = client.predict(api_name="/documents")
        assert doc["department"] == "深圳市大鹏新区政务服务数据管理局"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def login(url: str, user: str, password: str) -> int:
    """POST the login form; the HTTP status (200 accepted, 400 refused)."""
    data = urllib.parse.urlencode({"username": user, "password": password}).encode()
    try:
        with urllib.request.urlopen(urllib.request.Request(url + "login", data=data), timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as err:
        return err.code


def test_gradio_port_login_throttling_and_one_line_errors(tmp_path: Path) -> None:
    """GRADIO_SERVER_PORT is honoured without --port; five wrong passwords lock the address out, even for
    the right one; a refused question is one line in the server log, without a traceback."""
    port = free_port()
    env = {
        **os.environ,
        "BUDGETQA_HOME": str(tmp_path / "home"),
        "BUDGETQA_EMBED_MODEL": f"{FAKE_PREFIX}64",
        "BUDGETQA_AUTH": "alice:s3cret",
        "GRADIO_SERVER_PORT": str(port),
        "HF_HUB_OFFLINE": "1",
    }
    env.pop("BUDGETQA_PORT", None)
    log = tmp_path / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(LAUNCHERS["app.py"], cwd=tmp_path, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_for(url, proc, log)
        client = Client(url, auth=("alice", "s3cret"), verbose=False)
        client.predict(api_name="/status")
        chat, *_ = client.predict("问" * 2000, [], [], api_name="/ask")
        assert chat[-1]["content"][0]["text"].startswith("⚠️ 问题太长")

        assert [login(url, "alice", "wrong") for _ in range(5)] == [400] * 5
        assert login(url, "alice", "s3cret") == 400, "locked out after five failures"
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    text = log.read_text(errors="replace")
    assert text.count("question not answered: 问题太长（2000 字，上限 500 字）") == 1, text
    assert text.count("login failed from 127.0.0.1") == 5 and "login refused: 127.0.0.1 is locked out" in text
    assert "Traceback" not in text
