"""Checks across rows and tables: numbered items and carry-overs of the two-sided summaries, and
equalities between tables (收入总表 合计 = 收支总表 本年收入合计, per-class totals, …).

Selectors in the rules name a table kind, a side (收入/支出), a row and a column
by regex; a selector that finds nothing makes its alternative fail, and a rule
with no resolvable alternative on either side is silently not applicable.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.check_rules import Figure, Finding, Rule, half_step, judge, name_key, report, style_of
from assistant.check_tables import compare_sum, show, side_of
from index.facts.table import canonical_measure, clean_subject, vocabulary
from index.model import LOCATOR_SEP, MONEY_UNITS, Document, Fact, Provenance, Table, convert_money
from index.read.columns import label_columns, value_columns
from index.read.tables import parse_number

# ---- numbered items of a two-sided summary (read from the table: blank rows matter) -----------------


def _side_of_column(table: Table, col: int) -> str:
    top = name_key(table.header[col].split("/", 1)[0])
    return next((side for word, side in vocabulary()["sides"].items() if word in top), "")


def _cell_fact(doc: Document, table: Table, i: int, col: int, label: str) -> Fact:
    """A table cell as a fact (value 0 when blank), cited like the facts stage cites it."""
    row = table.rows[i]
    cell = row[col] if col < len(row) else ""
    page = table.row_pages[i] if i < len(table.row_pages) else None
    page = page or (table.pages[0] if table.pages else None)
    column = table.header[col]
    source = Provenance(
        doc.doc_id,
        LOCATOR_SEP.join(x for x in (table.label, label, column) if x),
        " ".join(c for c in row if c),
        page,
        table.label,
        table.kind,
        label,
        column,
    )
    value = parse_number(cell) if cell else None
    return Fact(clean_subject(label), canonical_measure(column), value or 0.0, table.unit or "", source, text=cell)


def check_numbered_items(rule: Rule, doc: Document, tables: dict[str, list[Fact]]) -> list[Finding]:
    """Σ 一、二、… rows = the side's first total row; Σ 1. 2. … rows = the 一、 row above them."""
    level1, level2 = re.compile(rule.params["level1"]), re.compile(rule.params["level2"])
    totals = [re.compile(p) for p in rule.params["totals"]]
    out: list[Finding] = []
    for table in doc.tables:
        if table.empty or not rule.reads(table.kind) or table.unit not in MONEY_UNITS:
            continue
        labels, values = label_columns(table), value_columns(table)
        for side in ("收入", "支出"):
            side_labels = [c for c in labels if _side_of_column(table, c) == side]
            side_values = [c for c in values if _side_of_column(table, c) == side]
            if not side_labels or not side_values:
                continue
            lc = side_labels[0]
            names = [(row[lc] if lc < len(row) else "").strip() for row in table.rows]
            end = next(
                (i for i, n in enumerate(names) if n and any(t.search(name_key(clean_subject(n))) for t in totals)),
                None,
            )
            if end is None:
                continue
            firsts = [i for i in range(end) if level1.search(names[i])]
            for col in side_values:
                cells = [_cell_fact(doc, table, i, col, names[i]) for i in range(len(names))]
                if not cells[end].text and not any(cells[i].text for i in firsts):
                    continue
                if firsts:
                    items = [cells[i] for i in firsts if cells[i].text]
                    message = (
                        f"{table.label}「{table.header[col]}」：{cells[end].subject} 与{side}方一、二、…各项之和不符"
                    )
                    total = cells[end] if cells[end].text else None  # a blank total counts as 0
                    out += compare_sum(rule, total, items, message, [cells[end].subject, *(c.subject for c in items)])
                for j in firsts:
                    kids = []
                    for k in range(j + 1, end):
                        if not names[k]:
                            continue
                        if not level2.search(names[k]):
                            break
                        kids.append(k)
                    items = [cells[k] for k in kids if cells[k].text]
                    if not kids or (not items and not cells[j].text):
                        continue
                    message = f"{table.label}「{table.header[col]}」：{cells[j].subject} 与其下 1. 2. …各项之和不符"
                    parent = cells[j] if cells[j].text else None
                    out += compare_sum(rule, parent, items, message, [cells[j].subject, *(c.subject for c in items)])
    return out


# ---- a total row = Σ listed rows on one side -------------------------------------------------------------


def check_row_sum(rule: Rule, doc: Document, tables: dict[str, list[Fact]]) -> list[Finding]:
    """On one side of a two-sided table, column by column: the total row = Σ the listed rows (blank = 0)."""
    side = rule.params.get("side", "")
    out: list[Finding] = []
    for label, facts in tables.items():
        if not rule.reads(facts[0].source.table_kind):
            continue
        mine = [f for f in facts if side_of(f) == side]
        for column in dict.fromkeys(f.source.column for f in mine):
            col = [f for f in mine if f.source.column == column]
            total = _first_row(col, rule.params["total"])
            parts = [p for p in (_first_row(col, [pat]) for pat in rule.params["parts"]) if p is not None]
            if total is None or not all(_first_row(col, [r]) for r in rule.params.get("required", [])):
                continue
            message = f"{label}「{column}」：{total.source.row or total.subject} 与 {' + '.join(p.subject for p in parts)} 不符"
            roles = [total.source.row or total.subject, *(p.subject for p in parts)]
            out += compare_sum(rule, total, parts, message, roles)
    return out


def _first_row(facts: list[Fact], patterns: list[str]) -> Fact | None:
    """The one fact whose subject matches the first pattern that matches exactly one row."""
    for pattern in patterns:
        hits = [f for f in facts if re.search(pattern, name_key(f.subject))]
        if len(hits) == 1:
            return hits[0]
    return None


# ---- equalities between tables ----------------------------------------------------------------------------


def _by_kind(tables: dict[str, list[Fact]]) -> dict[str, list[list[Fact]]]:
    out: dict[str, list[list[Fact]]] = {}
    for facts in tables.values():
        out.setdefault(facts[0].source.table_kind or "", []).append(facts)
    return out


def _resolve_term(term: dict[str, Any], doc: Document, kinds: dict[str, list[list[Fact]]]) -> list[Fact] | None:
    """The figures a selector names ([] for an optional table that is absent or published empty)."""
    empty = any(t.kind == term["table"] and t.empty for t in doc.tables)
    for facts in kinds.get(term["table"], []):
        side = term.get("side", "")
        cand = [f for f in facts if side_of(f) == side and re.search(term["row"], name_key(f.subject))]
        rows: dict[tuple[object, ...], Fact] = {}
        for f in cand:
            key = (f.source.row, f.source.quote, f.source.page)
            if "column" in term and not re.search(term["column"], name_key(f.measure)):
                continue
            rows.setdefault(key, f)
        if rows:
            found = list(rows.values())
            return found if term.get("all") else found[:1]
    return [] if term.get("optional") and (empty or term["table"] not in kinds) else None


def _resolve(
    alternatives: list[list[dict[str, Any]]], doc: Document, kinds: dict[str, list[list[Fact]]]
) -> list[Fact] | None:
    for alternative in alternatives:
        terms = [_resolve_term(t, doc, kinds) for t in alternative]
        if all(t is not None for t in terms):
            found = [f for t in terms if t for f in t]
            if found:
                return found
    return None


def _in(f: Fact, unit: str) -> float:
    value = f.in_unit(unit)
    return f.value if value is None else value


def _describe(facts: list[Fact]) -> str:
    return " + ".join(f"{f.source.table} {f.source.row or f.subject}" for f in facts)


def compare_figures(rule: Rule, left: list[Fact], right: list[Fact]) -> list[Finding]:
    """Σ left = Σ right, in the left figures' unit, within the rounding of every figure printed."""
    unit = left[0].unit
    lv = sum(_in(f, unit) for f in left)
    rv = sum(_in(f, unit) for f in right)
    halves = [convert_money(half_step(f), f.unit, unit) for f in left + right]
    slack, step = sum(halves), 2 * min(halves)
    verdict = judge(rule, lv - rv, slack, step)
    if verdict is None:
        return []
    like = left + [r for r in right if r.unit == unit]
    places = style_of(like)[0]
    diff = round(lv - rv, places)
    ltext = left[0].text if len(left) == 1 else show(lv, left)
    rtext = right[0].text if len(right) == 1 and right[0].unit == unit else show(rv, like)
    message = f"{_describe(left)} {ltext} ≠ {_describe(right)} {rtext}（差 {show(diff, like)}{unit}）"
    figures = [Figure.of(f, f.source.row or f.subject) for f in left + right]
    return report(rule, verdict, message, figures, difference=diff, unit=unit)


def check_cross_table(rule: Rule, doc: Document, tables: dict[str, list[Fact]]) -> list[Finding]:
    """One figure (or a sum of figures) of one table = one of another (or the same) table."""
    kinds = _by_kind(tables)
    left = _resolve(rule.params["left"], doc, kinds)
    right = _resolve(rule.params["right"], doc, kinds)
    if not left or not right or {f.source for f in left} == {f.source for f in right}:
        return []
    return compare_figures(rule, left, right)


def _items(spec: dict[str, Any], kinds: dict[str, list[list[Fact]]]) -> dict[str, Fact]:
    """Rows of the first table of a kind, keyed by 科目编码 (or name), one figure each."""
    for facts in kinds.get(spec["table"], []):
        out: dict[str, Fact] = {}
        for f in facts:
            if spec.get("side") is not None and side_of(f) != spec["side"]:
                continue
            if "level1" in spec and not re.search(spec["level1"], f.source.row or ""):
                continue
            level = spec.get("code_level")
            if level == "类" and not (f.code and len(f.code) == 3):
                continue
            if level == "*" and not f.code:
                continue
            if "column" in spec and not re.search(spec["column"], name_key(f.measure)):
                continue
            out.setdefault((f.code or "") if level == "*" else name_key(f.subject), f)
        if out:
            return out
    return {}


def check_cross_items(rule: Rule, doc: Document, tables: dict[str, list[Fact]]) -> list[Finding]:
    """Row by row, the same item (by 科目编码, or by name) in two tables carries the same figure."""
    kinds = _by_kind(tables)
    left, right = _items(rule.params["left"], kinds), _items(rule.params["right"], kinds)
    out: list[Finding] = []
    for key, lf in left.items():
        rf = right.get(key)
        if rf is not None:
            out += compare_figures(rule, [lf], [rf])
    return out
