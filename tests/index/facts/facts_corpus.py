"""Shared by the facts tests: corpus documents read once, and fact lookups."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from index.facts.extract import check_consistency, extract_facts
from index.model import Document, Fact

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures"
DAPENG = ROOT / "index" / "data" / "shenzhen_dapeng_data_bureau_2022_dept_budget.txt"


@cache
def corpus(name: str) -> tuple[Document, tuple[str, ...]]:
    """A corpus document read end to end, with its consistency warnings."""
    from index.read.document import read_document

    path = DAPENG if name == "dapeng" else FIXTURES / f"{name}.pdf"
    doc = read_document(path)
    facts = extract_facts(doc)
    doc.facts = facts
    return doc, tuple(check_consistency(doc, facts))


def find(facts: list[Fact], subject: str, measure: str, **kw: object) -> list[Fact]:
    out = [f for f in facts if f.subject == subject and f.measure == measure]
    for key, want in kw.items():
        if key == "table":
            out = [f for f in out if f.source.table and str(want) in f.source.table]
        else:
            out = [f for f in out if getattr(f, key) == want]
    return out


def one(facts: list[Fact], subject: str, measure: str, **kw: object) -> Fact:
    found = find(facts, subject, measure, **kw)
    assert found, f"no fact {subject}/{measure} {kw}"
    return found[0]
