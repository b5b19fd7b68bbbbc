"""Render what was read from one file (`budgetqa inspect`): metadata, sections, tables, fact counts, warnings."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from index.model import Document, Section, Table


def _section_row(section: Section) -> dict[str, Any]:
    return {
        "heading": section.heading,
        "heading_path": list(section.heading_path),
        "page": section.page,
        "end_page": section.end_page,
        "chars": len(section.text),
    }


def _table_row(table: Table) -> dict[str, Any]:
    return {
        "label": table.label,
        "title": table.title,
        "number": table.number,
        "kind": table.kind,
        "unit": table.unit,
        "header": list(table.header),
        "rows": len(table.rows),
        "pages": list(table.pages),
        "empty": table.empty,
        "note": table.note,
    }


def inspect_data(doc: Document) -> dict[str, Any]:
    """Everything `inspect --json` prints, as one JSON-ready dict."""
    meta = {k: v for k, v in doc.summary().items() if k not in ("sections", "tables", "facts", "warnings")}
    return {
        "metadata": meta,
        "sections": [_section_row(s) for s in doc.sections],
        "tables": [_table_row(t) for t in doc.tables],
        "contents": list(doc.contents),
        "facts": [f.to_dict() for f in doc.facts],
        "warnings": list(doc.warnings),
    }


def _pages(first: int | None, last: int | None) -> str:
    if first is None:
        return ""
    return f"p.{first}" if last in (None, first) else f"p.{first}-{last}"


def _text_view(doc: Document) -> str:
    out: list[str] = []
    pages = f"{doc.page_count} pages" if doc.page_count else "text file"
    out.append(f"{doc.title}")
    out.append(f"  department : {doc.department or '(not found)'}")
    out.append(f"  year       : {doc.year if doc.year is not None else '(not found)'}")
    out.append(f"  stage/scope: {doc.scope}{doc.stage}")
    out.append(f"  file       : {doc.file_name} ({pages}), doc_id {doc.doc_id}")
    out.append("")
    out.append(f"Sections ({len(doc.sections)})")
    for s in doc.sections:
        where = _pages(s.page, s.end_page)
        out.append(f"  {s.heading}  [{where + ', ' if where else ''}{len(s.text)} chars]")
    out.append("")
    out.append(f"Tables ({len(doc.tables)})")
    for t in doc.tables:
        where = _pages(min(t.pages), max(t.pages)) if t.pages else ""
        flags = ", EMPTY" if t.empty else ""
        unit = t.unit or "unit ?"
        out.append(
            f"  {t.label or '(untitled)'}  [{t.kind}, {unit}, {len(t.rows)} rows{', ' + where if where else ''}{flags}]"
        )
    out.append("")
    by_origin = Counter(f.origin for f in doc.facts)
    by_measure = Counter(f.measure for f in doc.facts)
    origins = ", ".join(f"{k} {v}" for k, v in sorted(by_origin.items()))
    out.append(f"Facts ({len(doc.facts)}{': ' + origins if origins else ''})")
    for measure, n in by_measure.most_common(12):
        out.append(f"  {measure}: {n}")
    if len(by_measure) > 12:
        out.append(f"  … {len(by_measure) - 12} more measures")
    empty = sum(1 for f in doc.facts if f.empty)
    if empty:
        out.append(f"  empty-table records: {empty}")
    out.append("")
    out.append(f"Warnings ({len(doc.warnings)})")
    out.extend(f"  - {w}" for w in doc.warnings)
    return "\n".join(out)


def render_inspect(doc: Document, *, as_json: bool) -> str:
    """Plain-text overview of a read document, or one JSON object with everything (`as_json`)."""
    if as_json:
        return json.dumps(inspect_data(doc), ensure_ascii=False, indent=2)
    return _text_view(doc)
