"""Example questions for a loaded document, built from its own facts (no fixed list)."""

from __future__ import annotations

from collections.abc import Sequence

from index.model import Fact

_LIMIT = 5


def example_questions(facts: Sequence[Fact]) -> list[str]:
    """A handful of askable questions: a narrative figure, a table row, a change, a share, an empty table."""
    picks: list[str] = []
    seen: set[str] = set()

    def add(question: str) -> None:
        if question not in seen and len(picks) < _LIMIT:
            seen.add(question)
            picks.append(question)

    text_money = [f for f in facts if f.origin == "text" and f.is_money and f.value > 0 and 2 <= len(f.subject) <= 12]
    table_rows = [f for f in facts if f.origin == "table" and f.code and f.code_level == "项" and f.value > 0]
    changes = [f for f in facts if f.measure == "比上年增减"]
    empties = [f for f in facts if f.empty]
    for f in text_money[:2]:
        add(f"{f.subject}预算多少？")
    for f in table_rows[:1]:
        add(f"{f.subject}支出多少？")
    for f in changes[:1]:
        add(f"{f.subject}比上年增加多少？")
    if any(f.measure == "项目支出" for f in facts):
        add("项目支出占支出总计的比例是多少？")
    for f in empties[:1]:
        add(f"{(f.source.table or f.subject).split(' ', 1)[-1]}有多少？")
    return picks
