"""`python app.py` and `budgetqa serve` start the page on 127.0.0.1 from a fresh store, behind the optional login."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from gradio_client import Client

from index.embed import FAKE_PREFIX
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
