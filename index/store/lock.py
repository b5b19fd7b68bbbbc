"""One writer at a time: an exclusive `flock` on HOME/.write.lock, held by every write to the store.

Ingest, remove, rebuild and repair all take it; answering never does. The kernel
drops the lock when its holder dies (even by `kill -9`), so holding it proves that
no other writer is between two steps of a write: a document still marked pending
then belongs to a write that has ended, and may be repaired. Within a process the
lock is re-entrant for the thread holding it and excludes every other thread.
The file also records who holds it (pid, host, process start), for messages.
"""

from __future__ import annotations

import fcntl
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from index.errors import StoreBusyError

LOCK_NAME = ".write.lock"
_POLL_S = 0.05


@dataclass(frozen=True, slots=True)
class Writer:
    """A process that writes: pid, host and its start time (so a reused pid is not taken for it)."""

    pid: int
    host: str
    started: str

    def __str__(self) -> str:
        return f"{self.pid}@{self.host}@{self.started}"

    @classmethod
    def parse(cls, text: str | None) -> Writer | None:
        parts = (text or "").strip().split("@")
        if len(parts) != 3 or not parts[0].isdigit():
            return None
        return cls(int(parts[0]), parts[1], parts[2])

    def is_me(self) -> bool:
        return self == this_writer()

    def running(self) -> bool | None:
        """True while this very process runs, False once it is gone, None when that cannot be told (other host)."""
        if self.host != socket.gethostname():
            return None
        return _start_time(self.pid) == self.started


def _start_time(pid: int) -> str | None:
    """The process's start time in clock ticks since boot (Linux /proc), '-' elsewhere; None when no such process."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return None
    except OSError:
        pass
    else:
        return stat.rsplit(")", 1)[1].split()[19]  # field 22, counted after the command name
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass
    return "-"


def this_writer() -> Writer:
    pid = os.getpid()
    return Writer(pid, socket.gethostname(), _start_time(pid) or "-")


@dataclass(slots=True)
class _Held:
    """Per lock file, per process: which thread holds it, how often, on which descriptor."""

    threads: threading.Lock
    owner: int | None = None
    depth: int = 0
    fd: int = -1


_registry: dict[str, _Held] = {}
_registry_lock = threading.Lock()


def _held_for(path: Path) -> _Held:
    key = str(path.resolve())
    with _registry_lock:
        return _registry.setdefault(key, _Held(threading.Lock()))


class WriteLock:
    """The store's write lock. `with lock.held(): ...` waits up to `timeout` seconds, then raises StoreBusyError."""

    def __init__(self, home: Path, timeout: float = 600.0, on_wait: Callable[[str], None] | None = None) -> None:
        self.path = home / LOCK_NAME
        self.timeout = timeout
        self.on_wait = on_wait

    @property
    def owned(self) -> bool:
        """Whether the calling thread holds the lock."""
        return _held_for(self.path).owner == threading.get_ident()

    def holder(self) -> Writer | None:
        """Who holds (or last held) the lock, as recorded in the lock file."""
        try:
            return Writer.parse(self.path.read_text(encoding="utf-8"))
        except OSError:
            return None

    @contextmanager
    def held(self, timeout: float | None = None) -> Iterator[None]:
        self.acquire(self.timeout if timeout is None else timeout)
        try:
            yield
        finally:
            self.release()

    def acquire(self, timeout: float) -> None:
        state = _held_for(self.path)
        me = threading.get_ident()
        if state.owner == me:
            state.depth += 1
            return
        deadline = time.monotonic() + timeout
        if not state.threads.acquire(timeout=max(timeout, 0)):
            raise self._busy(timeout)
        try:
            state.fd = self._lock_file(deadline, timeout)
        except BaseException:
            state.threads.release()
            raise
        state.owner, state.depth = me, 1

    def release(self) -> None:
        state = _held_for(self.path)
        if state.owner != threading.get_ident():
            raise RuntimeError("the store write lock is not held by this thread")
        state.depth -= 1
        if state.depth:
            return
        fd, state.fd, state.owner = state.fd, -1, None
        try:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)
            state.threads.release()

    def _lock_file(self, deadline: float, timeout: float) -> int:
        """flock the lock file (the one at the path now: a file deleted and recreated meanwhile is re-opened)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        told = False
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                if time.monotonic() >= deadline:
                    raise self._busy(timeout) from None
                if not told and self.on_wait is not None:
                    self.on_wait(self._waiting_message())
                    told = True
                time.sleep(_POLL_S)
                continue
            except BaseException:
                os.close(fd)
                raise
            try:
                same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if not same:
                os.close(fd)
                continue
            os.ftruncate(fd, 0)
            os.pwrite(fd, str(this_writer()).encode(), 0)
            return fd

    def _waiting_message(self) -> str:
        who = self.holder()
        by = f"（pid {who.pid}，{who.host}）" if who else ""
        return f"另一个进程{by}正在写入文档库，等待它完成… / waiting for another writer"

    def _busy(self, timeout: float) -> StoreBusyError:
        who = self.holder()
        by = f"（pid {who.pid}，{who.host}）" if who else ""
        return StoreBusyError(
            f"另一个进程{by}正在写入文档库，等了 {timeout:.0f} 秒仍未完成，请稍后再试"
            f"（BUDGETQA_LOCK_TIMEOUT 可调长） / the store is busy with another writer ({self.path})"
        )
