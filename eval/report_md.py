"""The Markdown report (latest.md) and the three report files: latest.md, latest.json and latest.png."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eval.chart import render_chart
from eval.report import (
    DEFAULT_OUT,
    REPORT_NAME,
    best_baseline_by_kind,
    compare_rows,
    details,
    fold_rows,
    headline,
    num,
    pct,
    retrieval_rows,
    split_rows,
    to_json,
)
from eval.summary import EvalReport

_MAX_LISTED = 80  # rows of a slice's failure list in the Markdown report


def _md_table(header: list[str], rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in row) + " |" for row in rows]
    return "\n".join(out)


def _value(v: float | None, unit: str | None) -> str:
    if v is None:
        return "（不作答）"
    return f"{v:g} {unit or ''}".strip()


def _wrong_rows(scores: list[Any], limit: int | None = None) -> list[list[str]]:
    rows = [
        [
            w.id,
            w.kind,
            w.question,
            _value(w.expected, w.expected_unit),
            _value(w.got, w.got_unit) if not (w.abstained and w.got is None) else "（不作答）",
            "; ".join(w.reasons),
            w.answer[:120],
        ]
        for w in scores
    ]
    return rows[:limit] if limit else rows


_WRONG_HEADER = ["id", "kind", "question", "expected", "got", "why", "answer"]


def _lodo_md(lodo: dict[str, Any], k: int) -> list[str]:
    rec = lodo.get("recall", {})
    return [
        "",
        "## Leave-one-document-out",
        f"Each document in turn is held out; coordinate descent from the defaults over `Tunables.search_space()` picks "
        f"the values that answer the other documents' questions best (ties keep the defaults); the held-out document's "
        f"questions are scored with them. {lodo['candidates']} candidate settings evaluated"
        f"{' (budget reached: the search stopped early)' if lodo.get('budget_hit') else ''}, {lodo['seconds']} s. "
        f"Held-out recall@{k}: LODO {num(rec.get('lodo', {}).get(f'recall@{k}'))}, in-sample "
        f"{num(rec.get('in_sample', {}).get(f'recall@{k}'))} (n={rec.get('lodo', {}).get('n', '–')}).",
        "",
        _md_table(
            ["held out", "n", "LODO", "in-sample", "train right", "picked (changed from defaults)"], fold_rows(lodo)
        ),
        "",
        "By kind (held-out questions):",
        "",
        _md_table(["kind", "n", "LODO", "in-sample", "LODO − in-sample"], split_rows(lodo["by_kind"])),
        "",
        "By document:",
        "",
        _md_table(["document", "n", "LODO", "in-sample", "LODO − in-sample"], split_rows(lodo["by_doc"], True)),
    ]


def _slices_md(report: EvalReport) -> list[str]:
    parts: list[str] = []
    header = ["group", "n", "accuracy", "short/scoped", "gap", "lost", "gained", "wrong year"]
    for name, title in (
        ("long_form", "Long-form variants"),
        ("unscoped", "Unscoped (all documents loaded, none selected)"),
    ):
        if name not in report.slices:
            continue
        sl = report.slices[name]
        parts += ["", f"## {title}", "", "By form:", "", _md_table(header, compare_rows(sl["by_form"]))]
        parts += ["", "By kind:", "", _md_table(header, compare_rows(sl["by_kind"]))]
        base = {s.id: s for s in report.scores}
        lost = [
            s
            for s in report.slice_scores
            if s.slice == name and not s.correct and s.base_id in base and base[s.base_id].correct
        ]
        parts += [
            "",
            f"Right in the main run, wrong here ({len(lost)}; first {min(len(lost), _MAX_LISTED)}):",
            "",
            _md_table(_WRONG_HEADER, _wrong_rows(lost, _MAX_LISTED)) if lost else "None.",
        ]
    return parts


def render_markdown(report: EvalReport, chart: str | None = None) -> str:
    """The Markdown report: headline, LODO, slices, by kind / document, retrieval, timing, wrong answers."""
    m, s, k = report.meta, report.summary, report.meta.get("k", 5)
    parts = [
        "# BudgetQA eval report",
        f"{m['created']} · commit {m.get('commit') or '?'} · embedding `{m['embed_model']}` · "
        f"{s['questions']} questions from {', '.join(Path(f).name for f in m['files'])} · {m['seconds']} s "
        f"({', '.join(f'{a} {b} s' for a, b in m.get('timing_s', {}).items())})",
        "",
        "A value answer is correct when its value equals the expected value (money converted between 元/万元/亿元), "
        "in the expected unit, **for the year asked, citing the question's evidence** (the cell, row or sentence), "
        "stating ≥/≤ on targets and, for compound questions, with every part right. Absent questions are correct "
        "only when the engine abstains with no number. See eval/README.md.",
        "",
        "## Headline",
        _md_table(["figure", "value"], [[a, b] for a, b in headline(report)]),
        "",
        _md_table(["more figures (main run)", "value"], [[a, b] for a, b in details(report)]),
    ]
    if chart:
        parts += ["", f"![accuracy by kind and by document]({chart})"]
    if report.lodo:
        parts += _lodo_md(report.lodo, k)
    parts += _slices_md(report)
    parts += _breakdown_md(report, k)
    parts += _retrieval_md(report, k)
    return "\n".join(parts) + "\n"


def _breakdown_md(report: EvalReport, k: int) -> list[str]:
    """The main run by kind (with the best baseline's top-k value share) and by document."""
    s = report.summary
    best = best_baseline_by_kind(report)
    return [
        "",
        "## By kind (main run, default tunables)",
        f"`top-{k} value`: the best baseline's share of questions whose top-{k} chunks print the expected value.",
        "",
        _md_table(
            ["kind", "n", "correct", "accuracy", f"top-{k} value (best baseline)"],
            [
                [kd, str(g["n"]), str(g["correct"]), pct(g["accuracy"]), pct(best.get(kd))]
                for kd, g in s["by_kind"].items()
            ],
        ),
        "",
        "## By document (main run)",
        _md_table(
            ["document(s)", "n", "correct", "accuracy"],
            [[d, str(g["n"]), str(g["correct"]), pct(g["accuracy"])] for d, g in s["by_doc"].items()],
        ),
    ]


def _retrieval_md(report: EvalReport, k: int) -> list[str]:
    """Retrieval figures, the evidence no chunk holds, ingest times and the main run's wrong answers."""
    m = report.meta
    return [
        "",
        "## Retrieval",
        "A chunk is relevant when it contains every evidence string of the question. `value@n`: one of the top n "
        "chunks prints the expected value.",
        "",
        _md_table(["system", "n", "R@1", f"R@{k}", "MRR", "value@1", f"value@{k}"], retrieval_rows(report)),
        "",
        "Questions whose evidence no chunk holds: "
        + (
            ", ".join(m.get("evidence_in_no_chunk") or []) or "none"
            if m.get("evidence_in_no_chunk") is not None
            else "not checked"
        )
        + ".",
        "",
        "## Ingest",
        _md_table(
            ["document", "doc id", "ingest s"],
            [[n, str(d["doc_id"]), num(d.get("ingest_s"), 1)] for n, d in m["documents"].items()],
        ),
        "",
        f"## Wrong answers, main run ({len(report.wrong)})",
        _md_table(_WRONG_HEADER, _wrong_rows(report.wrong)) if report.wrong else "None.",
    ]


def write_reports(report: EvalReport, out_dir: Path | None = None) -> dict[str, str]:
    """Write latest.json, latest.md and latest.png into `out_dir` (default eval/reports/); return kind -> path."""
    out = out_dir or DEFAULT_OUT
    out.mkdir(parents=True, exist_ok=True)
    files: dict[str, str] = {}
    chart = render_chart(report, out / f"{REPORT_NAME}.png")
    files["png"] = str(chart)
    md = out / f"{REPORT_NAME}.md"
    md.write_text(render_markdown(report, chart=chart.name), encoding="utf-8")
    files["md"] = str(md)
    js = out / f"{REPORT_NAME}.json"
    report.files = {**files, "json": str(js)}
    js.write_text(to_json(report), encoding="utf-8")
    return report.files
