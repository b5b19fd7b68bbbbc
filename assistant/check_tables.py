"""Checks inside one table: sums by 科目编码 prefix, row identities, year-change rows.

Each check reads the document's table facts (one per printed figure, with its
row, column, code and side) and returns `Finding`s for the sums that do not
hold. A blank cell counts as 0; a difference within the printed figures'
rounding is at most a rounding note (see `check_rules.judge`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from assistant.check_rules import (
    Figure,
    Finding,
    Rule,
    format_amount,
    half_step,
    judge,
    name_key,
    report,
    style_of,
)
from index.model import HEADING_SEP, Document, Fact

_LEVEL_NAMES = {3: "类", 5: "款", 7: "项"}
_SIDES = ("收入", "支出")


def table_facts(doc: Document) -> dict[str, list[Fact]]:
    """Money figures printed in tables, by table label, in reading order (empty-table records left out)."""
    out: dict[str, list[Fact]] = defaultdict(list)
    for f in doc.facts:
        if f.origin == "table" and f.source.table and f.is_money and not f.empty:
            out[f.source.table].append(f)
    return dict(out)


def side_of(fact: Fact) -> str:
    """The side (收入 or 支出) a figure stands on in a two-sided table, else an empty string."""
    first = fact.context.split(HEADING_SEP, 1)[0]
    return first if first in _SIDES else ""


def show(value: float, like: list[Fact]) -> str:
    """A computed amount printed like the figures it comes from."""
    places, commas = style_of(like)
    return format_amount(value, places, commas=commas)


def formula(parts: list[Fact], total: float, like: list[Fact]) -> str:
    terms = " + ".join(p.text or show(p.value, like) for p in parts) or "0"
    return f"{terms} = {show(total, like)}"


def slack_of(facts: list[Fact]) -> tuple[float, float]:
    """(rounding slack: the sum of half-digits, the smallest printed step) of the figures compared."""
    slack = sum(half_step(f) for f in facts)
    step = min((2 * half_step(f) for f in facts), default=1.0)
    return slack, step


def compare_sum(rule: Rule, total: Fact | None, parts: list[Fact], message: str, roles: list[str]) -> list[Finding]:
    """Finding(s) when `total` (None = a blank cell, 0) differs from the sum of `parts`."""
    like = [*parts, *([total] if total else [])]
    computed = sum(p.value for p in parts)
    stated = total.value if total else 0.0
    slack, step = slack_of(like)
    verdict = judge(rule, stated - computed, slack, step)
    if verdict is None:
        return []
    figures = ([Figure.of(total, roles[0])] if total else []) + [
        Figure.of(p, role) for p, role in zip(parts, roles[1:], strict=False)
    ]
    unit = like[0].unit if like else ""
    places, _ = style_of(like)
    diff = round(stated - computed, places)
    text = f"{message}：{total.text if total else '空白'} ≠ {show(computed, like)}（差 {show(diff, like)}{unit}）"
    return report(rule, verdict, text, figures, difference=diff, unit=unit, formula=formula(parts, computed, like))


def _column_groups(facts: list[Fact]) -> dict[tuple[object, ...], list[Fact]]:
    groups: dict[tuple[object, ...], list[Fact]] = defaultdict(list)
    for f in facts:
        groups[(f.source.column, f.measure, f.year, side_of(f))].append(f)
    return groups


def _level(code: str) -> str:
    return _LEVEL_NAMES.get(len(code), "")


def _role(f: Fact) -> str:
    return f"{_level(f.code or '')} {f.code} {f.subject}".strip()


def check_code_sums(rule: Rule, doc: Document, tables: dict[str, list[Fact]]) -> list[Finding]:
    """类 = Σ 款 and 款 = Σ 项 in every column of the classified tables the rule reads."""
    out: list[Finding] = []
    for label, facts in tables.items():
        if not rule.reads(facts[0].source.table_kind):
            continue
        codes = {f.code for f in facts if f.code and f.code.isdigit()}
        for (column, _measure, _year, _side), group in _column_groups(facts).items():
            by_code: dict[str, Fact] = {}
            for f in group:
                if f.code and f.code.isdigit():
                    by_code.setdefault(f.code, f)
            for parent in sorted(c for c in codes if len(c) in (3, 5)):
                children = sorted(c for c in codes if len(c) == len(parent) + 2 and c.startswith(parent))
                if not children:
                    continue
                total = by_code.get(parent)
                parts = [by_code[c] for c in children if c in by_code]
                if total is None and not parts:
                    continue
                child_level = _LEVEL_NAMES[len(parent) + 2]
                name = total.subject if total else parent
                message = f"{label}「{column}」：{_level(parent)} {parent} {name} 与其下各{child_level}之和不符"
                roles = [f"{_level(parent)} {parent} {name}"] + [_role(p) for p in parts]
                out += compare_sum(rule, total, parts, message, roles)
    return out


def _total_facts(rule: Rule, group: list[Fact]) -> list[Fact] | None:
    """The row(s) standing for the column's total: the first alternative whose rows are all printed once."""
    for alternative in rule.params.get("total_rows", [["^合计$"]]):
        found: list[Fact] = []
        for pattern in alternative:
            hits = [f for f in group if not f.code and re.search(pattern, name_key(f.subject))]
            if len(hits) != 1:
                break
            found.append(hits[0])
        else:
            return found
    return None


def check_code_total(rule: Rule, doc: Document, tables: dict[str, list[Fact]]) -> list[Finding]:
    """合计 = Σ 类 in every column of the classified tables the rule reads."""
    out: list[Finding] = []
    for label, facts in tables.items():
        if not rule.reads(facts[0].source.table_kind):
            continue
        if not any(f.code and len(f.code) == 3 for f in facts):
            continue
        for (column, _measure, _year, _side), group in _column_groups(facts).items():
            totals = _total_facts(rule, group)
            if not totals:
                continue
            classes: dict[str, Fact] = {}
            for f in group:
                if f.code and len(f.code) == 3 and f.code.isdigit():
                    classes.setdefault(f.code, f)
            parts = [classes[c] for c in sorted(classes)]
            message = f"{label}「{column}」：{'+'.join(t.subject for t in totals)} 与各类之和不符"
            if len(totals) == 1:
                out += compare_sum(rule, totals[0], parts, message, ["合计"] + [_role(p) for p in parts])
            else:  # several total rows: their sum against the classes
                merged = Fact(
                    subject="+".join(t.subject for t in totals),
                    measure=totals[0].measure,
                    value=sum(t.value for t in totals),
                    unit=totals[0].unit,
                    source=totals[0].source,
                    text=show(sum(t.value for t in totals), totals),
                )
                found = compare_sum(rule, merged, parts, message, ["合计"] + [_role(p) for p in parts])
                out += [replace(f, figures=tuple(Figure.of(t) for t in totals) + f.figures[1:]) for f in found]
    return out


def check_code_parents(rule: Rule, doc: Document, tables: dict[str, list[Fact]]) -> list[Finding]:
    """A 款 or 项 row whose code is not under any 类 printed in the table (a mistyped 科目编码)."""
    out: list[Finding] = []
    for label, facts in tables.items():
        if not rule.reads(facts[0].source.table_kind):
            continue
        coded = [f for f in facts if f.code and f.code.isdigit()]
        classes = {f.code for f in coded if f.code and len(f.code) == 3}
        if not classes:
            continue
        seen: set[str] = set()
        last_class: Fact | None = None
        for f in coded:
            code = f.code or ""
            if len(code) == 3:
                last_class = f
                continue
            if code[:3] in classes or code in seen:
                continue
            seen.add(code)
            figures = [Figure.of(f, f"{_level(code)} {code} {f.subject}")]
            if last_class is not None:
                figures.append(Figure.of(last_class, f"上一类 {last_class.code} {last_class.subject}"))
            message = f"{label}：科目编码 {code}（{f.subject}）不在表中任何类之下" + (
                f"，上一类为 {last_class.code} {last_class.subject}" if last_class else ""
            )
            out += report(rule, "error", message, figures)
    return out


def _row_key(f: Fact, by: str) -> tuple[object, ...]:
    src = f.source
    extra = f.subject if by == "measure" else f.measure
    return (src.table, src.row, src.quote, src.page, f.context if by == "measure" else "", f.year, extra)


def _present(patterns: list[str], names: set[str]) -> bool:
    return all(any(re.search(p, n) for n in names) for p in patterns)


def check_row_identity(rule: Rule, doc: Document, tables: dict[str, list[Fact]]) -> list[Finding]:
    """total = Σ parts on one row, the cells named by measure (columns) or by subject (三公 items)."""
    by = rule.params.get("by", "measure")
    total_p: str = rule.params["total"]
    parts_p: list[str] = rule.params["parts"]
    out: list[Finding] = []
    for label, facts in tables.items():
        if not rule.reads(facts[0].source.table_kind):
            continue
        if by == "subject":
            facts = [f for f in facts if f.measure in rule.measures]
        for side in {side_of(f) for f in facts}:
            side_facts = [f for f in facts if side_of(f) == side]
            names = {name_key(f.measure if by == "measure" else f.subject) for f in side_facts}
            if not _present(rule.params.get("required", []), names) or not any(re.search(total_p, n) for n in names):
                continue
            if any(re.search(p, n) for p in rule.params.get("absent", []) for n in names):
                continue
            rows: dict[tuple[object, ...], list[Fact]] = defaultdict(list)
            for f in side_facts:
                rows[_row_key(f, by)].append(f)
            for cells in rows.values():
                out += _row_check(rule, label, cells, by, total_p, parts_p)
    return out


def _row_check(rule: Rule, label: str, cells: list[Fact], by: str, total_p: str, parts_p: list[str]) -> list[Finding]:
    def named(pattern: str) -> Fact | None:
        hits = [f for f in cells if re.search(pattern, name_key(f.measure if by == "measure" else f.subject))]
        return hits[0] if hits else None  # the leftmost column of that name

    total = named(total_p)
    parts = [p for p in (named(pat) for pat in parts_p) if p is not None]
    if not parts or (total is None and all(p.value == 0 for p in parts)):
        return []
    if total is None and by == "subject":
        return []
    first = total or parts[0]
    where = first.source.row or (first.year and f"{first.year}年") or ""
    what = first.measure if by == "subject" else ""
    names = [(p.measure if by == "measure" else p.subject) for p in parts]
    head = total.measure if (total and by == "measure") else (total.subject if total else "合计")
    message = f"{label}「{where}{' ' + what if what else ''}」：{head} 与 {' + '.join(names)} 不符"
    roles = [head, *names]
    return compare_sum(rule, total, parts, message, roles)


def check_change_row(rule: Rule, doc: Document, tables: dict[str, list[Fact]]) -> list[Finding]:
    """A printed 增减 row = this year's figure − last year's, column by column."""
    out: list[Finding] = []
    for label, facts in tables.items():
        if not rule.reads(facts[0].source.table_kind):
            continue
        for change in (f for f in facts if f.measure == "比上年增减" and f.year):
            same = [
                f
                for f in facts
                if f.measure != "比上年增减" and f.subject == change.subject and f.source.column == change.source.column
            ]
            this = next((f for f in same if f.year == change.year), None)
            last = next((f for f in same if f.year == (change.year or 0) - 1), None)
            if this is None or last is None:
                continue
            like = [this, last, change]
            slack, step = slack_of(like)
            computed = this.value - last.value
            verdict = judge(rule, change.value - computed, slack, step)
            message = (
                f"{label}「{change.subject}」：增减 {change.text} ≠ {this.year}年 {this.text} − {last.year}年 {last.text}"
                f" = {show(computed, like)}"
            )
            figures = [Figure.of(change, "增减"), Figure.of(this, f"{this.year}年"), Figure.of(last, f"{last.year}年")]
            out += report(
                rule,
                verdict,
                message,
                figures,
                difference=round(change.value - computed, style_of(like)[0]),
                unit=change.unit,
                formula=f"{this.text} − {last.text} = {show(computed, like)}",
            )
    return out
