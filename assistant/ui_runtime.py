"""The chat page's runtime: the one `Assistant` it serves, opened in the background so the page can show the
first indexing, and the protocol the page needs of it (a fake serves tests)."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol

from assistant.answer_types import Answer
from assistant.assistant import IngestReport, Progress
from assistant.ui_upload import DEFAULT_MAX_UPLOAD_MB
from index.errors import BudgetQAError


class AssistantLike(Protocol):
    """What the page needs from `assistant.Assistant` (a fake with these methods serves tests)."""

    def ask(
        self, question: str, doc: str | Sequence[str] | None = None, history: Sequence[tuple[str, str]] = ()
    ) -> Answer: ...

    def ingest(
        self, paths: Iterable[Path], *, rebuild: bool = False, progress: Progress | None = None
    ) -> IngestReport: ...

    def documents(self) -> list[dict[str, Any]]: ...

    def remove(self, doc_id: str) -> None: ...

    def example_questions(self, doc_id: str | None = None) -> list[str]: ...


class Runtime:
    """Holds the page's one Assistant, opening it in the background so the page can show the first indexing."""

    def __init__(self, *, max_upload_mb: float = DEFAULT_MAX_UPLOAD_MB) -> None:
        self._qa: AssistantLike | None = None
        self._error: str | None = None
        self._ready = threading.Event()
        self.status: tuple[int, int, str] = (0, 0, "")
        self.store_lock = threading.Lock()  # uploads and removals one at a time
        self.max_upload_mb = max_upload_mb

    @classmethod
    def ready(cls, qa: AssistantLike, *, max_upload_mb: float = DEFAULT_MAX_UPLOAD_MB) -> Runtime:
        """A runtime around an already opened Assistant."""
        runtime = cls(max_upload_mb=max_upload_mb)
        runtime._qa = qa
        runtime._ready.set()
        return runtime

    @classmethod
    def opening(
        cls, opener: Callable[[Progress], AssistantLike], *, max_upload_mb: float = DEFAULT_MAX_UPLOAD_MB
    ) -> Runtime:
        """Start `opener(progress)` in a thread; handlers wait for it."""
        runtime = cls(max_upload_mb=max_upload_mb)
        threading.Thread(target=runtime._open, args=(opener,), name="budgetqa-open", daemon=True).start()
        return runtime

    def _open(self, opener: Callable[[Progress], AssistantLike]) -> None:
        try:
            self._qa = opener(self._report)
        except Exception as err:  # UI boundary: show any failure on the page instead of dying silently
            self._error = f"文档库无法打开：{err}"
            print(self._error, file=sys.stderr, flush=True)
        finally:
            self._ready.set()

    def _report(self, done: int, total: int, message: str) -> None:
        if message != self.status[2]:
            print(f"[{done}/{total}] {message}", file=sys.stderr, flush=True)
        self.status = (done, total, message)

    def is_ready(self, timeout: float | None = None) -> bool:
        """Whether opening has finished (successfully or not), waiting up to `timeout` seconds."""
        return self._ready.wait(timeout)

    def wait(self) -> AssistantLike:
        """The Assistant, once open; a BudgetQAError if it could not be opened."""
        self._ready.wait()
        if self._error or self._qa is None:
            raise BudgetQAError(self._error or "文档库无法打开。")
        return self._qa
