"""Errors a person can act on. The CLI prints `str(err)` and exits non-zero; the UI shows it."""

from __future__ import annotations

from pathlib import Path


class BudgetQAError(Exception):
    """Base of every error BudgetQA reports to a user instead of a traceback."""


class ReadError(BudgetQAError):
    """A file could not be read as a budget disclosure. Always names the file."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path.name}: {reason}")


class NotABudgetError(ReadError):
    """The file reads fine but is not a 部门预算/单位预算/部门决算 disclosure."""


class StoreError(BudgetQAError):
    """The store cannot be opened or written."""


class StoreMismatchError(StoreError):
    """The store was built with another embedding model or parser version."""


class QuestionError(BudgetQAError):
    """A question that cannot be asked as given (empty, too long)."""


class RulesError(BudgetQAError):
    """A consistency-rules file (`budgetqa check --rules`) that cannot be used; names the file and the rule."""


class StoreBusyError(StoreError):
    """Another process kept the store's write lock for longer than the wait allowed."""


class LimitError(ReadError):
    """A file refused before reading: too large, too many pages, or taking too long to read."""
