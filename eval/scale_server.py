"""A Chroma server for `budgetqa bench --scale N --server`: `chroma run` on 127.0.0.1, started and always stopped.

The bench starts the server itself on a free loopback port with its own data folder,
waits for its heartbeat, and stops it when the bench ends in any way: normally, on an
error, on Ctrl-C (KeyboardInterrupt unwinds through `running_server`) and, should the
interpreter exit some other way, from an `atexit` hook. Its peak RSS is read from
/proc (VmHWM of the server process and any children) before it is stopped.
"""

from __future__ import annotations

import atexit
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from index.errors import BudgetQAError

START_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 10.0


@dataclass(slots=True)
class ChromaServer:
    """A running `chroma run`: its URL, data folder and process."""

    url: str
    path: Path
    process: subprocess.Popen[bytes]

    def peak_rss_mb(self) -> float:
        """Peak RSS (VmHWM) of the server process and its children, in MB; 0 where /proc is missing."""
        return round(sum(_hwm_kb(pid) for pid in [self.process.pid, *_children(self.process.pid)]) / 1024, 1)

    def data_bytes(self) -> int:
        """Bytes the server holds on disk."""
        return sum(p.stat().st_size for p in self.path.rglob("*") if p.is_file() and not p.is_symlink())


def _hwm_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    """Descendant process ids of `pid` (from /proc/PID/task/*/children; empty where /proc is missing)."""
    found: list[int] = []
    todo = [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*/children"):
            try:
                kids = [int(k) for k in task.read_text(encoding="ascii").split()]
            except OSError:
                continue
            found += kids
            todo += kids
    return found


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def chroma_executable() -> str:
    """The `chroma` command of this environment (installed with chromadb)."""
    beside = Path(sys.executable).parent / "chroma"
    found = str(beside) if beside.exists() else shutil.which("chroma")
    if not found:
        raise BudgetQAError("bench --server needs the `chroma` command (installed with chromadb): not found")
    return found


def _wait_ready(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        try:
            with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        if process.poll() is not None:
            raise BudgetQAError(f"bench --server: `chroma run` exited with code {process.returncode} before answering")
        if time.monotonic() > deadline:
            raise BudgetQAError(f"bench --server: `chroma run` did not answer at {url} within {START_TIMEOUT_S:.0f} s")
        time.sleep(0.3)


def stop(process: subprocess.Popen[bytes]) -> None:
    """Terminate the server, then kill it if it has not exited after STOP_TIMEOUT_S."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=STOP_TIMEOUT_S)


@contextmanager
def running_server(path: Path) -> Iterator[ChromaServer]:
    """`chroma run --path PATH` on 127.0.0.1 and a free port, for the duration of the `with` block."""
    path.mkdir(parents=True, exist_ok=True)
    port = free_port()
    command = [chroma_executable(), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)]
    log = (path.parent / "chroma-server.log").open("wb")
    # its own session: Ctrl-C in the terminal reaches the bench, which stops the server in order
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    atexit.register(stop, process)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_ready(url, process)
        yield ChromaServer(url, path, process)
    finally:
        stop(process)
        atexit.unregister(stop)
        log.close()
