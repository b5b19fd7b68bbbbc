"""One progress bar for a whole eval run: phases add their steps to one total as they are planned."""

from __future__ import annotations

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


@contextmanager
def progress_bar(label: str = "eval") -> Iterator[Progress]:
    """A single rich progress bar on stderr; yields the `progress(done, total, message)` callback."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(
        TextColumn(f"{label} "),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=Console(stderr=True),
        transient=False,
    )
    task = bar.add_task("", total=None)

    def update(done: int, total: int, message: str) -> None:
        bar.update(task, completed=done, total=total, description=message[:60])

    with bar:
        yield update
