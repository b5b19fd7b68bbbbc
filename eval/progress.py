"""One progress bar for a whole eval run: phases add their steps to one total as they are planned."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# progress(done, total, message)
Progress = Callable[[int, int, str], None]


class Steps:
    """Counts steps across the phases of a run and reports (done, total, message) to one callback."""

    def __init__(self, report: Progress | None) -> None:
        self.report = report
        self.done = 0
        self.total = 0

    def plan(self, n: int, message: str = "") -> None:
        """Add `n` steps to the total (a phase about to start, or a new LODO candidate)."""
        self.total += n
        self._emit(message)

    def step(self, message: str = "", n: int = 1) -> None:
        """Mark `n` steps done."""
        self.done += n
        self._emit(message)

    def _emit(self, message: str) -> None:
        if self.report:
            self.report(self.done, max(self.total, self.done), message)


LOG_EVERY_S = 60.0  # without a terminal (a log file): one status line this often


@contextmanager
def progress_bar(label: str = "eval") -> Iterator[Progress]:
    """A single rich progress bar on stderr; yields the `progress(done, total, message)` callback.

    When stderr is not a terminal the bar cannot redraw, so a status line is printed once a minute instead.
    The model libraries' own bars (transformers' "Loading weights") are switched off: one bar per run.
    """
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # read when transformers is first imported
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    if not console.is_terminal:
        started = last = time.monotonic()

        def log(done: int, total: int, message: str) -> None:
            nonlocal last
            now = time.monotonic()
            if now - last >= LOG_EVERY_S or (total and done >= total):
                last = now
                console.print(f"{label} {done}/{total} {now - started:.0f}s {message[:60]}", soft_wrap=True)

        yield log
        return
    bar = Progress(
        TextColumn(f"{label} "),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=console,
        transient=False,
    )
    task = bar.add_task("", total=None)

    def update(done: int, total: int, message: str) -> None:
        bar.update(task, completed=done, total=total, description=message[:60])

    with bar:
        yield update
