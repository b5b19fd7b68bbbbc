"""`Assistant`: the one object that answers. The CLI, the web app and the eval all use it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.answer_types import Answer
from index.settings import Settings

# progress(done, total, message)
Progress = Callable[[int, int, str], None]


@dataclass(slots=True)
class IngestReport:
    """Outcome of one ingest batch."""

    added: list[dict[str, Any]] = field(default_factory=list)  # Document.summary() of new documents
    skipped: list[str] = field(default_factory=list)  # file names already in the store (same sha256)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file name, error message)


class Assistant:
    """Question answering over the documents in one store.

    Usage::

        qa = Assistant.open(Settings())          # opens (and, if empty, seeds) the store
        ans = qa.ask("政府投资项目预算多少")        # -> Answer
        qa.ingest([Path("x.pdf")])               # -> IngestReport
        qa.documents(); qa.remove(doc_id)
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        raise NotImplementedError("under construction")

    @classmethod
    def open(cls, settings: Settings, *, seed_sample: bool = True, progress: Progress | None = None) -> Assistant:
        """Open the store under settings.home; with `seed_sample`, index the bundled sample into an empty store."""
        raise NotImplementedError("under construction")

    def ask(self, question: str, doc: str | Sequence[str] | None = None, history: Sequence[tuple[str, str]] = ()) -> Answer:
        """Answer one question. `doc` limits scope to document id(s); `history` is prior (question, answer) turns."""
        raise NotImplementedError("under construction")

    def ingest(self, paths: Iterable[Path], *, rebuild: bool = False, progress: Progress | None = None) -> IngestReport:
        """Read and index files/folders; each file all-or-nothing; failures reported, not raised."""
        raise NotImplementedError("under construction")

    def documents(self) -> list[dict[str, Any]]:
        """Summaries (Document.summary()) of the loaded documents."""
        raise NotImplementedError("under construction")

    def remove(self, doc_id: str) -> None:
        """Remove one document from every store."""
        raise NotImplementedError("under construction")

    def example_questions(self, doc_id: str | None = None) -> list[str]:
        """A few questions that the loaded document(s) can answer, for the UI."""
        raise NotImplementedError("under construction")
