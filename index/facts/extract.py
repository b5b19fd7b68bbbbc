"""Facts stage: every figure of a document as `Fact` records, and the document's internal disagreements.

`extract_facts` reads tables (index/facts/table.py) and narrative
(index/facts/narrative.py); `check_consistency` compares them: totals of a
two-sided table that must match, and a narrative amount that no table (or
another sentence) confirms. Disagreements are reported, never resolved.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from index.facts.narrative import section_facts
from index.facts.table import find_target, table_facts, vocabulary
from index.facts.units import listed_units
from index.model import LOCATOR_SEP, Document, Fact, Provenance, Section, Table
from index.read.columns import label_columns
from index.read.tables import parse_number
from index.text import squash

_AMOUNT_MEASURES = ("预算数", "决算数")


# A part describing one project (上海 部门预算's 项目经费情况说明): its figures (第三季度用款计划 158.05万元) are the
# project's. The project is named in the heading (人民调解项目经费情况说明) or as what is built or carried out
# (由…建设的万里街道社区公共服务中心新建工程); a part on several projects (重点项目预算绩效情况说明) names none.
_PROJECT_PART = re.compile(r"^(?P<name>\S*?项目)?经费(?:情况)?说明$")
_PROJECT_BUILT = re.compile(r"(?:建设的|实施的|项目名称[:：])(?P<name>[\u4e00-\u9fff（）()0-9]{4,30}?(?:工程|项目))")


def project_names(sections: list[Section]) -> dict[str, str]:
    """The project each project part (by its top heading) describes."""
    names: dict[str, str] = {}
    for section in sections:
        top = section.heading_path[0] if section.heading_path else ""
        part = _PROJECT_PART.match(top)
        if not part or top in names:
            continue
        if part.group("name") and part.group("name") != "项目":
            names[top] = part.group("name")
        elif built := _PROJECT_BUILT.search(section.text):
            names[top] = built.group("name")
    return names


def extract_facts(doc: Document) -> list[Fact]:
    """Facts from `doc.tables` then `doc.sections`, without duplicates (same subject, measure, value, provenance)."""
    facts: list[Fact] = []
    for table in doc.tables:
        facts.extend(table_facts(table, doc))
        facts.extend(cell_text_facts(table, doc))
    projects = project_names(doc.sections)
    for section in doc.sections:
        project = projects.get(section.heading_path[0] if section.heading_path else "")
        facts.extend(replace(f, context=f.context or project) if project else f for f in section_facts(section, doc))
    facts.extend(listed_units(doc))
    seen: set[tuple[object, ...]] = set()
    unique = []
    for f in facts:
        key = (f.subject, f.measure, f.value, f.unit, f.year, f.context, f.source)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def cell_text_facts(table: Table, doc: Document) -> list[Fact]:
    """Figures stated in prose cells (`绩效目标` text: `计划本年度整理档案数量 ≥ 5000 份`), read as narrative.

    Only above a target block (表15 describes each task in prose, then lists its indicators with a
    目标值 column: there the targets are cells already, a header of its own row down).
    Each fact cites the table, its row and column; its context is the row label.
    """
    if table.empty:
        return []
    target = find_target(table)
    if target is not None and target[2] == 0:
        return []  # the target column is the table's own: every row is an indicator
    rows = table.rows if target is None else table.rows[: target[2] - 1]
    min_len = vocabulary()["cell_text"]["min_chars"]
    labels = label_columns(table)
    facts: list[Fact] = []
    for i, row in enumerate(rows):
        label = next((row[c] for c in labels if c < len(row) and row[c] and len(row[c]) < min_len), "")
        page = table.row_pages[i] if i < len(table.row_pages) else None
        page = page or (table.pages[0] if table.pages else None)
        for c, cell in enumerate(row):
            if len(cell) < min_len or parse_number(cell) is not None or not re.search(r"\d", cell):
                continue
            column = table.header[c] if c < len(table.header) else ""
            section = Section((table.label, label) if label else (table.label,), cell, page=page)
            for f in section_facts(section, doc):
                src = Provenance(
                    doc.doc_id,
                    LOCATOR_SEP.join(x for x in (table.label, label, column) if x),
                    f.source.quote,
                    page,
                    table.label,
                    table.kind,
                    label or None,
                    column or None,
                )
                facts.append(replace(f, source=src, context=f.context or label))
    return facts


def _name(subject: str) -> str:
    """A subject reduced for matching across table and text (`购置和运行维护费` = `购置及运行维护费`)."""
    return re.sub(r"[和及与、]", "", squash(subject))


def _fmt(f: Fact) -> str:
    where = f.source.locator + (f" 第{f.source.page}页" if f.source.page else "")
    return f"{f.text or f.value}{'' if f.text.endswith(f.unit) else f.unit}（{where}）"


def _decimals(f: Fact) -> int:
    m = re.search(r"\d\.(\d+)", f.text)
    return len(m.group(1)) if m else 0


def _agrees(text_fact: Fact, other: Fact) -> bool:
    """True when `other` rounds to the stated value at the stated precision."""
    v = other.in_unit(text_fact.unit)
    if v is None:
        return True
    d = _decimals(text_fact)
    return abs(round(v, d) - text_fact.value) < 10 ** (-d) / 2


def _table_pairs(doc: Document, facts: list[Fact]) -> list[str]:
    cfg = vocabulary()["consistency"]
    pairs = [tuple(p) for p in cfg["equal_pairs"]] + [("合计", "合计")]
    if doc.stage == "预算":
        pairs += [tuple(p) for p in cfg["budget_equal_pairs"]]
    by_table: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.origin == "table" and f.source.table and not f.empty:
            by_table[f.source.table].append(f)
    warnings = []
    for table, tfacts in by_table.items():
        sides = {f.context.split(" › ")[0] for f in tfacts} & {"收入", "支出"}
        if len(sides) < 2:
            continue
        for a, b in pairs:
            fa = next((f for f in tfacts if f.subject == a and f.context.startswith("收入")), None)
            fb = next((f for f in tfacts if f.subject == b and f.context.startswith("支出")), None)
            if fa and fb and abs(fa.value - fb.value) > 0.005:
                warnings.append(
                    f"{table}: 收入方 {a} {fa.text} 与支出方 {b} {fb.text} 不一致{f'（第{fa.source.page}页）' if fa.source.page else ''}"
                )
    return warnings


def _title_match(text_subject: str, table_fact: Fact) -> bool:
    """`财政拨款收入支出总计` names the 合计/总计 row of the table titled `财政拨款收入支出决算总表`."""
    totals = vocabulary()["rows"]["total_labels"]
    if table_fact.subject != "合计" or not table_fact.source.table:
        return False
    name = squash(text_subject)
    for label in totals:
        if name.endswith(label) and len(name) > len(label):
            stem = name[: -len(label)]
            title = re.sub(r"预算|决算", "", squash(table_fact.source.table))
            return re.sub(r"预算|决算", "", stem) in title
    return False


def _text_vs_tables(facts: list[Fact]) -> list[str]:
    table_money = [f for f in facts if f.origin == "table" and f.is_money and not f.empty]
    by_name: dict[str, list[Fact]] = defaultdict(list)
    by_code: dict[str, list[Fact]] = defaultdict(list)
    for f in table_money:
        by_name[_name(f.subject)].append(f)
        if f.code:
            by_code[f.code].append(f)
    warnings = []
    for t in facts:
        if t.origin != "text" or not t.is_money or t.measure not in _AMOUNT_MEASURES:
            continue
        cands = by_code.get(t.code, []) if t.code else []
        cands = cands or by_name.get(_name(t.subject), [])
        cands = cands or [f for f in table_money if _title_match(t.subject, f)]
        cands = [f for f in cands if f.year in (t.year, None) or t.year is None]
        cands = [f for f in cands if f.measure not in ("比上年增减", "增长率")]
        cands = [f for f in cands if f.measure == t.measure or f.measure not in _AMOUNT_MEASURES]
        if cands and not any(_agrees(t, f) for f in cands):
            shown = "、".join(dict.fromkeys(_fmt(f) for f in cands[:2]))
            warnings.append(f"文字与表格不一致：{t.subject} {_fmt(t)}，表格为 {shown}")
    return warnings


def _text_vs_text(facts: list[Fact]) -> list[str]:
    groups: dict[tuple[object, ...], list[Fact]] = defaultdict(list)
    for f in facts:
        if f.origin == "text" and f.is_money and f.measure in _AMOUNT_MEASURES and len(_name(f.subject)) >= 3:
            groups[(_name(f.subject), f.code, f.measure, f.year, f.context)].append(f)
    warnings = []
    for group in groups.values():
        first = group[0]
        for other in group[1:]:
            if not _agrees(first, other) and not _agrees(other, first):
                warnings.append(f"文字前后不一致：{first.subject} {_fmt(first)} 与 {_fmt(other)}")
                break
    return warnings


def check_consistency(doc: Document, facts: list[Fact]) -> list[str]:
    """Disagreements inside one document, each naming both places (totals that differ, text vs table)."""
    out = _table_pairs(doc, facts) + _text_vs_tables(facts) + _text_vs_text(facts)
    return list(dict.fromkeys(out))
