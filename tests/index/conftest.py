"""Shared fixtures for tests/index: the five sample disclosures, each read once per session."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from index.model import Document

ROOT = Path(__file__).resolve().parents[2]
CORPUS: dict[str, Path] = {
    "dapeng": ROOT / "index" / "data" / "shenzhen_dapeng_data_bureau_2022_dept_budget.txt",
    "justice": ROOT / "tests" / "fixtures" / "shanghai_putuo_justice_2026_dept_budget.pdf",
    "finance": ROOT / "tests" / "fixtures" / "shanghai_putuo_finance_2024_dept_final.pdf",
    "wanli": ROOT / "tests" / "fixtures" / "shanghai_putuo_wanli_street_2024_dept_budget.pdf",
    "welfare": ROOT / "tests" / "fixtures" / "shanghai_putuo_welfare_home_2024_unit_budget.pdf",
}


@pytest.fixture(scope="session")
def corpus_path() -> Callable[[str], Path]:
    """Path of a sample disclosure by short name (dapeng, justice, finance, wanli, welfare)."""
    return CORPUS.__getitem__


@pytest.fixture(scope="session")
def corpus_doc() -> Callable[[str], Document]:
    """`read_document` of a sample disclosure by short name, cached for the session."""
    from index.read.document import read_document

    @cache
    def read(name: str) -> Document:
        return read_document(CORPUS[name])

    return read
