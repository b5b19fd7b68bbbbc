"""`budgetqa check`: audit one disclosure's consistency with itself, every finding cited on both sides.

`check_document(doc, rules)` runs the rules (assistant/data/check_rules.toml,
or a file of your own) over the facts BudgetQA already extracts and returns a
`CheckReport`; `render_report` prints it; `answer_consistency` serves the
assistant's `是否一致` / `核对` / `加起来对不对` questions from the same checks.
The checks themselves live in check_tables.py (within a table), check_cross.py
(across rows and tables), check_text.py (narrative) and check_complete.py
(the document as a whole).
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from assistant import check_complete, check_cross, check_tables, check_text
from assistant.check_rules import SEVERITIES, CheckReport, Finding, Rule, load_rules, rules_settings
from assistant.cues import cue
from index.errors import BudgetQAError, StoreError
from index.model import Document, Fact
from index.text import normalize, squash

if TYPE_CHECKING:
    from index.settings import Settings

Check = Callable[[Rule, Document, dict[str, list[Fact]]], list[Finding]]

CHECKS: dict[str, Check] = {
    "code_sums": check_tables.check_code_sums,
    "code_total": check_tables.check_code_total,
    "code_parents": check_tables.check_code_parents,
    "row_identity": check_tables.check_row_identity,
    "change_row": check_tables.check_change_row,
    "numbered_items": check_cross.check_numbered_items,
    "row_sum": check_cross.check_row_sum,
    "cross_table": check_cross.check_cross_table,
    "cross_items": check_cross.check_cross_items,
    "narrative_table": check_text.check_narrative_table,
    "narrative_repeat": check_text.check_narrative_repeat,
    "stated_change": check_text.check_stated_change,
    "stated_ratio": check_text.check_stated_ratio,
    "stated_share": check_text.check_stated_share,
    "direction_words": check_text.check_direction_words,
    "tables_present": check_complete.check_tables_present,
    "empty_tables": check_complete.check_empty_tables,
    "year_words": check_complete.check_year_words,
    "placeholders": check_complete.check_placeholders,
}


def check_document(doc: Document, rules: list[Rule] | None = None) -> CheckReport:
    """Run every rule that applies to the document's stage; findings ordered by severity, then rule."""
    start = time.perf_counter()
    rules = load_rules() if rules is None else rules
    tables = check_tables.table_facts(doc)
    findings: list[Finding] = []
    run, skipped = 0, []
    for rule in rules:
        if not rule.applies_to(doc.stage):
            skipped.append(rule.id)
            continue
        run += 1
        found = CHECKS[rule.kind](rule, doc, tables)
        findings += list({(f.rule, f.message): f for f in found}.values())
    order = {r.id: i for i, r in enumerate(rules)}
    findings.sort(key=lambda f: (SEVERITIES.index(f.severity), order[f.rule]))
    elapsed = (time.perf_counter() - start) * 1000
    return CheckReport(doc.doc_id, doc.title, run, findings, skipped, elapsed)


# ---- which document ------------------------------------------------------------------------------------


def resolve_document(target: str, settings: Settings) -> Document:
    """The document a `check` argument names: a file (read from the store when it was ingested, else
    read now) or a document id in the store."""
    path = Path(target)
    if path.is_file():
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        stored = _stored(sha[:12], settings)
        if stored is not None:
            return stored
        from index.read.document import read_document

        return read_document(path)
    stored = _stored(target, settings)
    if stored is None:
        raise StoreError(f"{target!r} is neither a file nor a document id in the store (see `budgetqa docs`)")
    return stored


def _stored(doc_id: str, settings: Settings) -> Document | None:
    if not re.fullmatch(r"[0-9a-f]{6,64}", doc_id):
        return None
    from index.store.opening import open_store

    try:
        store = open_store(settings, create=False)
    except BudgetQAError:
        return None
    try:
        ids = [d["doc_id"] for d in store.documents() if d["doc_id"].startswith(doc_id)]
        return store.get_document(ids[0]) if len(ids) == 1 else None
    finally:
        store.close()


# ---- output --------------------------------------------------------------------------------------------

_SHOWN_FIGURES = 6


def _labels() -> dict[str, str]:
    return dict(rules_settings().get("severity_labels", {}))


def render_finding(f: Finding, number: int | None = None) -> list[str]:
    """One finding as text: severity, rule, what is wrong, then each figure with its citation."""
    label = _labels().get(f.severity, f.severity)
    head = f"{number}. " if number is not None else ""
    lines = [f"{head}[{label}] {f.rule} {f.description}", f"   {f.message}"]
    for i, fig in enumerate(f.figures[:_SHOWN_FIGURES], 1):
        role = f"{fig.role}：" if fig.role else ""
        lines.append(f"   [{i}] {role}{fig.cite()}")
        lines.append(f"       “{fig.quote}”")
    if len(f.figures) > _SHOWN_FIGURES:
        lines.append(f"   … 另有 {len(f.figures) - _SHOWN_FIGURES} 处（--json 列出全部）")
    if f.formula:
        lines.append(f"   计算：{f.formula}")
    return lines


def summary_line(report: CheckReport) -> str:
    counts = report.counts()
    labels = _labels()
    parts = "，".join(f"{labels.get(s, s)} {n}" for s, n in counts.items() if n)
    return f"{report.rules_run} rules run, {len(report.findings)} findings" + (f"（{parts}）" if parts else "")


def render_report(report: CheckReport, *, as_json: bool = False) -> str:
    """The report as text for a person, or as one JSON object."""
    if as_json:
        return json.dumps(report.to_json(), ensure_ascii=False, indent=2)
    lines = [f"{report.title}（{report.doc_id}）", ""]
    for i, f in enumerate(report.findings, 1):
        lines += [*render_finding(f, i), ""]
    if not report.findings:
        lines += ["没有发现不一致。", ""]
    lines.append(summary_line(report))
    return "\n".join(lines)


# ---- questions -------------------------------------------------------------------------------------------


def is_consistency_question(question: str) -> bool:
    """True for `是否一致` / `核对` / `有没有错误` / `加起来对不对` questions (words in check_rules.toml), but not
    for a check a figure asked after it settles (对得上吗？收入合计比支出合计多多少万元？: the figure is asked), nor
    for figures asked with only 核对/加起来/检查 and no check asked (核对如下科目：请列明项目支出数), nor for a word
    taken back (会议费 不对不对 我是说培训费: question.toml `taken_back`)."""
    q = squash(cue("taken_back").sub(lambda m: m.group("instead"), normalize(question)))
    said = {w for w in rules_settings()["questions"]["triggers"] if w in q}
    figure = _FIGURE_ASKED.search(q) or cue("sum_imperative").search(normalize(question))  # 请把A、B加起来，…
    if said and said <= _WEAK and figure and not _CHECK_ASKED.search(q):
        return False  # 核对如下科目：请分别列明基本支出数与项目支出数: figures asked, no check
    return bool(said) and not cue("settled_check").search(normalize(question))


_WEAK = frozenset(("核对", "加起来", "检查"))  # words as often said of asking figures as of checking them
_FIGURE_ASKED = re.compile("多少|几[个项辆人]|列明|列出|分别是|各是|是多少")
_CHECK_ASKED = re.compile("吗|是否|对不对|有没有|有无|一致|相符|相等|等于|对得上|错")


def answer_consistency(question: str, document: Document) -> list[Finding] | None:
    """The findings a consistency question asks about, [] when those checks pass, None when the
    question is not a consistency question.

    Narrowed by the tables it names (`表6`, `三公`), then the rows it names (`收入合计`), then the kind
    of check its words point to (`加起来` → sums) — each narrowing only when it keeps something,
    except a named table, which is kept to even when that leaves nothing (the table is consistent).
    """
    if not is_consistency_question(question):
        return None
    findings = check_document(document).findings
    q = squash(question)
    numbers = re.findall(r"表(\d+)", q)
    if numbers:
        findings = [f for f in findings if any(_table_number(fig.table) in numbers for fig in f.figures)]
    named = [f for f in findings if any(_names_in(fig.row or fig.role, q) for fig in f.figures)]
    findings = named or findings
    kinds = rules_settings()["questions"].get("kinds", {})
    wanted = {k for k, words in kinds.items() if any(w in q for w in words)}
    by_kind = [f for f in findings if f.kind in wanted]
    return by_kind or findings


def _table_number(label: str | None) -> str:
    m = re.match(r"表(\d+)", label or "")
    return m.group(1) if m else ""


def _names_in(name: str, question: str) -> bool:
    """True when the question names this row: its name, or its name without a leading 本年."""
    key = re.sub(r"^[\d\s]+", "", squash(name))
    return len(key) >= 3 and (key in question or key.removeprefix("本年") in question)
