"""The conversation as files a person keeps: Markdown for reading, CSV (one row per cited figure) for a sheet.

Pure functions over the page's turns (`{"question", "answer", "text", "value", "unit", "citations"}`),
so the exports are testable without a browser. Text is written as asked and answered, not escaped:
these are files, not page markup.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

CSV_COLUMNS = ["question", "answer", "value", "unit", "document", "table", "row", "column", "page", "quote"]


def conversation_markdown(turns: Sequence[dict[str, Any]], title: str = "BudgetQA 对话记录") -> str:
    """Each question as a heading, the answer as shown, then its sources with page and quoted line."""
    out = [f"# {title}", ""]
    for n, turn in enumerate(turns, 1):
        out += [f"## {n}. {turn.get('question', '')}", "", str(turn.get("answer") or "（未回答）"), ""]
        citations = turn.get("citations") or []
        if citations:
            out.append("来源：")
            out.append("")
        for i, c in enumerate(citations, 1):
            page = f"，第{c['page']}页" if c.get("page") else ""
            out.append(f"{i}. {c.get('title') or c.get('doc')}{page}：{c.get('locator') or ''}")
            if c.get("quote"):
                out.append(f"   > {c['quote']}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def answers_csv(turns: Sequence[dict[str, Any]]) -> str:
    """CSV_COLUMNS, one row per citation of each answer (one row without source for an uncited answer)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for turn in turns:
        value = turn.get("value")
        head = [
            turn.get("question", ""),
            turn.get("answer", ""),
            "" if value is None else value,
            turn.get("unit") or "",
        ]
        citations = turn.get("citations") or [{}]
        for c in citations:
            writer.writerow(
                [
                    *head,
                    c.get("title") or c.get("doc") or "",
                    c.get("table") or "",
                    c.get("row_label") or "",
                    c.get("column") or "",
                    c.get("page") or "",
                    c.get("quote") or "",
                ]
            )
    return buffer.getvalue()
