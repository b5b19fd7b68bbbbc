"""Single-number errors injected into copies of the corpus documents, for the `budgetqa check` tests.

The Dapeng text is edited as text (a copy written to a temp folder, then read
like any file). PDFs are hard to edit, so their errors go into a deep copy of
the Document read from them: one table cell or one narrative number changed,
a table dropped or emptied, and the facts extracted again from the changed
tables and sections — the same path a file with that error would take.
"""

from __future__ import annotations

import copy
import re
from functools import cache
from pathlib import Path

from assistant.check import check_document
from assistant.check_rules import Finding
from index.facts.extract import extract_facts
from index.model import Document, Table
from index.read.columns import value_columns

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
DAPENG = ROOT / "index" / "data" / "shenzhen_dapeng_data_bureau_2022_dept_budget.txt"
NAMES = {
    "dapeng": DAPENG,
    "justice": FIXTURES / "shanghai_putuo_justice_2026_dept_budget.pdf",
    "wanli": FIXTURES / "shanghai_putuo_wanli_street_2024_dept_budget.pdf",
    "welfare": FIXTURES / "shanghai_putuo_welfare_home_2024_unit_budget.pdf",
    "finance": FIXTURES / "shanghai_putuo_finance_2024_dept_final.pdf",
    "finance_errors": FIXTURES / "shanghai_putuo_finance_2024_dept_final_with_errors.pdf",
}


@cache
def corpus(name: str) -> Document:
    """A corpus document as published, read once per test session."""
    from index.read.document import read_document

    return read_document(NAMES[name])


@cache
def baseline(name: str) -> frozenset[tuple[str, str]]:
    """(rule, message) of every finding on the document as published."""
    return frozenset((f.rule, f.message) for f in check_document(corpus(name)).findings)


def new_findings(name: str, doc: Document) -> list[Finding]:
    """Findings on the changed document that the published one does not have."""
    known = baseline(name)
    return [f for f in check_document(doc).findings if (f.rule, f.message) not in known]


# ---- editing a text file -------------------------------------------------------------------------------


def edit_text_file(path: Path, old: str, new: str, folder: Path) -> Document:
    """Read a copy of a text disclosure with the one occurrence of `old` replaced by `new`."""
    from index.read.document import read_document

    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path.name}"
    copy_path = folder / path.name
    copy_path.write_text(text.replace(old, new), encoding="utf-8")
    return read_document(copy_path)


# ---- editing a Document read from a PDF ------------------------------------------------------------------


def _table(doc: Document, kind: str, nth: int = 0) -> Table:
    tables = [t for t in doc.tables if t.kind == kind]
    assert len(tables) > nth, f"no {kind} table #{nth} in {doc.file_name}"
    return tables[nth]


def _refresh(doc: Document) -> Document:
    doc.facts = extract_facts(doc)
    return doc


def set_cell(name: str, kind: str, row: str, column: str, new: str, *, nth_column: int = 0) -> tuple[Document, str]:
    """A copy of the document with one cell changed: the first row of the `kind` table whose printed cells
    match `row` (a regex), in the `nth_column` column whose header contains `column` (figure columns
    first). Returns
    (document, the old cell text)."""
    doc = copy.deepcopy(corpus(name))
    table = _table(doc, kind)
    i = next(k for k, r in enumerate(table.rows) if re.search(row, " ".join(c for c in r if c)))
    values = set(value_columns(table))
    named = [c for c, h in enumerate(table.header) if column in h]
    cols = [c for c in named if c in values] or named  # a figure column, else (a 科目编码 cell) any
    c = cols[nth_column]
    old = table.rows[i][c]
    table.rows[i][c] = new
    return _refresh(doc), old


def set_text(name: str, old: str, new: str) -> Document:
    """A copy of the document with the one occurrence of `old` in its narrative replaced by `new`."""
    doc = copy.deepcopy(corpus(name))
    hits = [s for s in doc.sections if old in s.text]
    assert len(hits) == 1 and hits[0].text.count(old) == 1, f"{old!r} is not unique in {doc.file_name}"
    hits[0].text = hits[0].text.replace(old, new)
    return _refresh(doc)


def drop_table(name: str, kind: str) -> Document:
    """A copy of the document without its `kind` table (as if a page were left out)."""
    doc = copy.deepcopy(corpus(name))
    doc.tables = [t for t in doc.tables if t.kind != kind]
    return _refresh(doc)


def blank_table(name: str, kind: str) -> Document:
    """A copy of the document whose `kind` table prints no figures and no note."""
    doc = copy.deepcopy(corpus(name))
    table = _table(doc, kind)
    table.rows = [[c if not re.search(r"\d", c) else "" for c in r] for r in table.rows]
    table.note, table.empty = None, False
    return _refresh(doc)


def cites(finding: Finding, text: str) -> bool:
    """True when one of the finding's figures prints `text` (the injected number) or quotes it."""
    return any(fig.text.strip() == text or text in fig.quote for fig in finding.figures)
