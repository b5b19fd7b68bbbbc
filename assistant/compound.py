"""Compound questions: two or more questions in one, each answered on its own and joined.

`…部门收入是多少万元，比上年增长多少？` gets both figures, each cited; a part the document does not
answer says so on its own line, so no part is dropped silently.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.analyze import Query
from assistant.answer_types import Answer, Citation


def inherit_frame(clause: Query, whole: Query) -> Query:
    """A clause keeps what the whole question said once for all: the document's year, rounding, a table.

    Not the year asked: a clause names its own (`…支出是多少？2021年决算支出又是多少？`), and an elliptical
    one takes the year of the clause before it (see `analyze`'s follow-up handling)."""
    return replace(
        clause,
        doc_years=whole.doc_years,
        round=clause.round or whole.round,
        table_hint=clause.table_hint or whole.table_hint,
    )


def renumber(text: str, offset: int) -> str:
    """Shift citation marks [n] by `offset` when answers are joined."""
    return re.sub(r"\[(\d+)\]", lambda m: f"[{int(m.group(1)) + offset}]", text)


def join_parts(query: Query, parts: Sequence[Answer]) -> Answer:
    """One answer of numbered lines, one per part; citations renumbered; value/unit/year of the first part."""
    lines: list[str] = []
    cites: list[Citation] = []
    warnings: list[str] = []
    for i, (clause, part) in enumerate(zip(query.clauses, parts, strict=True), 1):
        text = renumber(part.answer, len(cites))
        lines.append(f"{i}. {clause}：{text}" if part.abstained else f"{i}. {text}")
        cites.extend(part.citations)
        warnings.extend(w for w in part.warnings if w not in warnings)
    first = parts[0]
    formulas = [p.formula for p in parts if p.formula]
    return Answer(
        question=query.text,
        answer="\n".join(lines),
        value=first.value,
        unit=first.unit,
        abstained=all(p.abstained for p in parts),
        citations=cites,
        formula="；".join(formulas) if formulas else None,
        warnings=warnings,
        intent="compound",
        year=first.year,
        parts=list(parts),
    )


def name_document(answer: Answer, titles: dict[str, str]) -> Answer:
    """Say whose figure it is when the question named no document and several are loaded.

    An answer already naming its document(s) line by line is left as it is.
    """
    docs = list(dict.fromkeys(c.doc for c in answer.citations))
    if answer.abstained or len(docs) != 1 or titles.get(docs[0], "") in answer.answer:
        return answer
    answer.answer = f"{titles.get(docs[0], docs[0])}：{answer.answer}"
    return answer
