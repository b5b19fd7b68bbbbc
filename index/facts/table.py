"""Table -> facts: one `Fact` per figure cell, named by its row and column.

Generic over layouts: label and value columns come from index/read/tables.py, the
measure from the column name (aliases in index/data/measures.toml). Handles
科目 rows (code, level, parent path), two-sided summaries (收入 | 支出 on one
row), tables whose columns are the items (the 三公 table), performance-target
tables (`≥12 次`) and tables published empty.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from index.lexicon import load_data
from index.model import HEADING_SEP, LOCATOR_SEP, Document, Fact, Provenance, Table
from index.read.columns import code_columns, label_columns, row_code, row_label, value_columns
from index.read.tables import parse_number
from index.text import MONEY_UNIT, YEAR_CELL, YEAR_PREFIX, squash

_NUMBERING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|\d+[.．、](?!\d)|[（(][一二三四五六七八九十\d]+[）)]|其中[:：])\s*"
)
_GLUED = re.compile(r"^\d{3}(?:\s?\d{2}){0,2}\s+(?=\D)")


@cache
def vocabulary() -> dict[str, Any]:
    """The facts vocabulary from index/data/measures.toml, loaded once."""
    return load_data("index.data", "measures.toml")


@cache
def _measure_aliases() -> dict[str, str]:
    return {squash(alias): canon for canon, aliases in vocabulary()["measures"].items() for alias in aliases}


def canonical_measure(column: str) -> str:
    """Canonical measure of a column name: `本年收入/2022 年预算数` -> `预算数`; unknown names kept as printed."""
    last = squash(column.rsplit("/", 1)[-1])
    last = re.sub(rf"\((?:{MONEY_UNIT})\)$", "", YEAR_PREFIX.sub("", last))
    return _measure_aliases().get(last, last)


def measure_alias(part: str) -> str | None:
    """The canonical measure when `part` is exactly a measure name, else None."""
    return _measure_aliases().get(YEAR_PREFIX.sub("", squash(part)))


def clean_subject(label: str) -> str:
    """A row label as a subject: numbering (`一、`, `1.`, `（一）`, `其中：`) and glued codes cut."""
    s = re.sub(r"</?p>", "", label).strip()
    s = _GLUED.sub("", s)
    prev = None
    while prev != s:
        prev, s = s, _NUMBERING.sub("", s)
    return re.sub(r"\s+", "", s) if re.search(r"[\u4e00-\u9fff]", s) else s.strip()


def parse_target(text: str) -> tuple[str | None, float, str] | None:
    """(comparison, value, unit) of a printed target (`≥12 次`, `100%`, `≤8500 元/台`), None when not numeric."""
    cmps = vocabulary()["comparisons"]
    t = text.strip()
    comparison = None
    for word in sorted(cmps, key=len, reverse=True):
        if t.startswith(word):
            comparison, t = cmps[word], t[len(word) :].strip()
            break
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([^\d\s]*(?:/[^\d\s]+)?)", t)
    if not m or re.search(r"\d", m.group(2)):
        return None
    return comparison, float(m.group(1)), m.group(2)


def _row_quote(row: list[str]) -> str:
    return " ".join(c for c in row if c)


def _page(table: Table, i: int) -> int | None:
    if i < len(table.row_pages) and table.row_pages[i] is not None:
        return table.row_pages[i]
    return table.pages[0] if table.pages else None


def _cell_source(table: Table, doc: Document, i: int, label: str, column: str) -> Provenance:
    """Where a table cell stands: `{table} · {row label} · {column}`, quoting the printed row."""
    locator = LOCATOR_SEP.join(x for x in (table.label, label, column) if x)
    row = table.rows[i]
    return Provenance(doc.doc_id, locator, _row_quote(row), _page(table, i), table.label, table.kind, label, column)


def _empty_fact(table: Table, doc: Document) -> Fact:
    quote = table.note or table.title
    return Fact(
        subject=table.title,
        measure="空表",
        value=0.0,
        unit=table.unit or "",
        source=Provenance(
            doc_id=doc.doc_id,
            locator=table.label,
            quote=quote,
            page=table.pages[0] if table.pages else None,
            table=table.label,
            table_kind=table.kind,
        ),
        year=doc.year,
        text=quote,
        empty=True,
    )


def column_names() -> dict[str, str]:
    """Short column names of the tables whose columns are items (运行费), with the item each stands for."""
    return dict(vocabulary()["column_subjects"]["expand"])


def column_named(norm: str, table: str | None) -> str:
    """`“三公”经费…预算表，购置费多少`: a short column name said of a table whose columns are items (the 三公 table),
    read as the item it stands for (公务用车购置费, also when said under its parent column); other text as it is."""
    if not table or not any(w in table for w in vocabulary()["column_subjects"]["title_words"]):
        return norm
    asked = r"(?=的?(?:预算数?|决算数?)?(?:是|有|为|多少|呢|又|填|印|[,?]|$))"
    for short, full in column_names().items():  # X下面的购置费: the 购置费 itself
        norm = re.sub(rf"(?:^|(?<=[,:?的])|[^,:?]{{2,20}}?下面的?){short}{asked}", full, norm)
    return norm


def _is_column_subject(table: Table) -> bool:
    cfg = vocabulary()["column_subjects"]
    return table.kind in cfg["kinds"] or any(w in table.title for w in cfg["title_words"])


def _row_year_and_change(table: Table, row: list[str], labels: list[int]) -> tuple[int | None, bool]:
    year, change = None, False
    changes = {squash(x) for x in vocabulary()["rows"]["change_labels"]}
    for c in labels:
        cell = squash(row[c]) if c < len(row) else ""
        m = YEAR_CELL.match(cell)
        if m:
            year = int(m.group(1))
        elif cell in changes:
            change = True
    return year, change


def _column_item(column: str) -> tuple[str, str | None, str, int | None]:
    """(subject, measure or None, parent path, year) of a 三公-style column."""
    cfg = vocabulary()["column_subjects"]
    totals = set(cfg["totals"])
    measure, year = None, None
    parts: list[str] = []
    for raw in column.split("/"):
        part = squash(raw)
        m = YEAR_PREFIX.match(part)
        if m:
            year, part = int(m.group(1)), part[m.end() :]
        alias = measure_alias(part)
        if alias in ("预算数", "决算数"):
            measure = alias
            continue
        if part and part not in totals:
            for suffix in cfg["strip_suffixes"]:
                if part.endswith(suffix) and len(part) > len(suffix):
                    if measure is None and measure_alias(suffix) in ("预算数", "决算数"):
                        measure = measure_alias(suffix)
                    part = part[: -len(suffix)]
                    break
            for prefix in cfg["strip_prefixes"]:
                if part.startswith(prefix) and len(part) > len(prefix):
                    part = part[len(prefix) :]
            parts.append(part)
    if not parts:
        return cfg["total_subject"], measure, "", year
    subject = cfg["expand"].get(parts[-1], parts[-1])
    return subject, measure, HEADING_SEP.join(parts[:-1]), year


def _column_subject_facts(table: Table, doc: Document) -> list[Fact]:
    values, labels = value_columns(table), label_columns(table)
    default = vocabulary()["stage_measure"].get(doc.stage, "预算数")
    unit = table.unit or ""
    facts = []
    for i, row in enumerate(table.rows):
        row_year, change = _row_year_and_change(table, row, labels)
        label = " ".join(row[c] for c in labels if c < len(row) and row[c])
        for c in values:
            cell = row[c] if c < len(row) else ""
            value = parse_number(cell) if cell else None
            if value is None:
                continue
            subject, measure, parent, col_year = _column_item(table.header[c])
            measure = "比上年增减" if change else (measure or default)
            facts.append(
                Fact(
                    subject=subject,
                    measure=measure,
                    value=value,
                    unit=unit,
                    source=_cell_source(table, doc, i, label, table.header[c]),
                    year=row_year or col_year or doc.year,
                    text=cell,
                    context=parent,
                )
            )
    return facts


def find_target(table: Table) -> tuple[int, list[str], int] | None:
    """(target column, the header naming it, first row under it): in the header or a header row inside the table."""
    targets = {squash(x) for x in vocabulary()["targets"]["columns"]}
    names = [h.rsplit("/", 1)[-1] for h in table.header]
    for c, h in enumerate(names):
        if squash(h) in targets:
            return c, names, 0
    for i, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            if squash(cell) in targets:
                return c, row, i + 1
    return None


def _target_facts(table: Table, doc: Document, target: int, names: list[str], first: int) -> list[Fact]:
    cfg = vocabulary()["targets"]
    level_cols = [c for c, h in enumerate(names) if squash(h) in cfg["level_columns"]]
    carried = {c: "" for c in level_cols}
    facts = []
    column = names[target]
    for i, row in enumerate(table.rows):
        if i < first:
            continue
        for c in level_cols:
            if c < len(row) and row[c]:
                carried[c] = row[c]
        cell = row[target] if target < len(row) else ""
        parsed = parse_target(cell) if cell else None
        left = [row[c] for c in range(target - 1, -1, -1) if c < len(row) and row[c]]
        indicator = next(
            (row[c] for c in range(target - 1, -1, -1) if c not in level_cols and c < len(row) and row[c]), ""
        )
        indicator = indicator or (left[0] if left else "")
        if parsed is None or not indicator:
            continue
        comparison, value, unit = parsed
        facts.append(
            Fact(
                subject=clean_subject(indicator),
                measure="目标值",
                value=value,
                unit=unit,
                source=_cell_source(table, doc, i, indicator, column),
                year=doc.year,
                comparison=comparison,
                text=cell,
                context=HEADING_SEP.join(v for v in carried.values() if v),
            )
        )
    return facts


def _side(table: Table, col: int) -> str:
    top = squash(table.header[col].split("/", 1)[0])
    for word, side in vocabulary()["sides"].items():
        if word in top:
            return side
    return ""


def _two_sided(table: Table, values: list[int], labels: list[int]) -> bool:
    return bool(values) and any(c > values[0] and any(r[c] for r in table.rows if c < len(r)) for c in labels)


def _segment_labels(labels: list[int], values: list[int], col: int) -> list[int]:
    """The label columns on the side of value column `col` (between the previous side's figures and it)."""
    start = max((v for v in values if v < col and any(lc for lc in labels if v < lc < col)), default=-1)
    return [c for c in labels if start < c < col]


def _name_cells(row: list[str], seg: list[int], codes: set[int]) -> list[int]:
    """The label columns of `seg` that name the row: filled, not a bare 科目编码, not a year."""
    return [
        x
        for x in seg
        if x < len(row)
        and row[x]
        and not (x in codes and re.fullmatch(r"[\d\s]+", row[x]))
        and not YEAR_CELL.match(squash(row[x]))
    ]


def _cell_facts(table: Table, doc: Document) -> list[Fact]:
    """One fact per figure cell, named by its row (code, name, parents) and column (measure, year)."""
    rcfg = vocabulary()["rows"]
    skip = {squash(x) for x in rcfg["skip_columns"]}
    values = [c for c in value_columns(table) if squash(table.header[c].rsplit("/", 1)[-1]) not in skip]
    labels = label_columns(table)
    codes = set(code_columns(table))
    unit_cols = {c for c in labels if squash(table.header[c].rsplit("/", 1)[-1]) in rcfg["unit_headers"]}
    two_sided = _two_sided(table, values, labels)
    names_by_code: dict[str, str] = {}
    unit = table.unit or ""
    facts: list[Fact] = []
    for i, row in enumerate(table.rows):
        row_year, change = _row_year_and_change(table, row, labels)
        for c in values:
            cell = row[c] if c < len(row) else ""
            value = parse_number(cell) if cell else None
            if value is None:
                continue
            seg = _segment_labels(labels, values, c) if two_sided else [x for x in labels if x < c] or labels
            name_cells = _name_cells(row, seg, codes)
            own = [x for x in name_cells if x not in unit_cols]
            code, level = row_code(table, row, c if two_sided else None)
            context_parts: list[str] = []
            if own:
                subject = clean_subject(row[own[-1]])
            elif name_cells or code is None:
                subject = "合计"
                context_parts = [row[x] for x in name_cells]
            else:
                subject = names_by_code.get(code, code)
            measure = "比上年增减" if change else canonical_measure(table.header[c])
            if subject in rcfg["skip_labels"] or not measure or parse_number(subject) is not None:
                continue
            if subject in rcfg["total_labels"]:
                subject = "合计"
            if code:
                names_by_code[code] = subject
                context_parts = [names_by_code[code[:n]] for n in (3, 5) if len(code) > n and code[:n] in names_by_code]
            if two_sided and _side(table, c):
                context_parts.insert(0, _side(table, c))
            header_year = YEAR_PREFIX.match(squash(table.header[c].rsplit("/", 1)[-1]))
            label = row_label(table, row, c)
            label = label if label and subject in label else " ".join(row[x] for x in name_cells) or subject
            facts.append(
                Fact(
                    subject=subject,
                    measure=measure,
                    value=value,
                    unit=unit,
                    source=_cell_source(table, doc, i, label, table.header[c]),
                    code=code,
                    code_level=level,
                    year=row_year or (int(header_year.group(1)) if header_year else doc.year),
                    text=cell,
                    context=HEADING_SEP.join(context_parts),
                )
            )
    return facts


def table_facts(table: Table, doc: Document) -> list[Fact]:
    """Every figure of one table as facts; one explicit `空表` record for a table published empty."""
    if table.empty:
        return [_empty_fact(table, doc)]
    found = find_target(table)
    facts = _target_facts(table, doc, *found) if found else []
    if found and table.kind in vocabulary()["targets"]["kinds"]:
        return facts
    if _is_column_subject(table):
        return facts + _column_subject_facts(table, doc)
    return facts + _cell_facts(table, doc)
