"""Render an `EvalReport`: terminal tables (rich), JSON, Markdown (latest.md) and the PNG chart (latest.png)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eval.chart import render_chart, short_doc
from eval.summary import EvalReport, from_json

__all__ = ["DEFAULT_OUT", "from_json", "render_markdown", "render_terminal", "to_json", "write_reports"]

DEFAULT_OUT = Path(__file__).resolve().parent / "reports"
OURS = "budgetqa (hybrid)"
REPORT_NAME = "latest"
_MAX_LISTED = 80  # rows of a slice's failure list in the Markdown report


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f}%"


def _pts(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:+.1f} pts"


def _num(x: float | None, places: int = 3) -> str:
    return "–" if x is None else f"{x:.{places}f}"


def _ms(x: float | None) -> str:
    return "–" if x is None else f"{x:.0f} ms"


def _of(correct: int, n: int) -> str:
    return f"{_pct(correct / n if n else None)} ({correct}/{n})"


def headline(report: EvalReport) -> list[tuple[str, str]]:
    """The figures the issue asks for first (LODO is the headline), as (label, value) rows."""
    s, k, lodo, sl = report.summary, report.meta.get("k", 5), report.lodo, report.slices
    rows: list[tuple[str, str]] = []
    if lodo:
        rows.append(
            ("**LODO accuracy** (tunables picked on the other 4 documents)", f"**{_of(lodo['correct'], lodo['n'])}**")
        )
        rows.append(
            ("in-sample accuracy, same questions (default tunables)", _of(lodo["in_sample_correct"], lodo["n"]))
        )
    else:
        rows.append(("LODO accuracy", "not run (`budgetqa eval --lodo`)"))
    rows.append(("in-sample accuracy, all questions (default tunables)", _of(s["correct"], s["questions"])))
    if "long_form" in sl:
        lf = sl["long_form"]
        rows.append(
            (
                "long-form accuracy / gap to the short forms",
                f"{_pct(lf['accuracy'])} vs {_pct(lf['short_accuracy'])} short: **{_pts(lf['gap'])}** "
                f"({lf['n']} variants of {lf['questions']} questions)",
            )
        )
    wrong_years = [f"main {s['wrong_year']}"]
    wrong_years += [f"{name} {sl[name]['wrong_year']}" for name in ("long_form", "unscoped") if name in sl]
    if lodo:
        wrong_years.append(f"LODO held-out {lodo['wrong_year']}")
    rows.append(("wrong-year answers (target 0)", " · ".join(wrong_years)))
    if "unscoped" in sl:
        un = sl["unscoped"]
        forms = un["by_form"]
        detail = ", ".join(f"{f.replace('_', ' ')} {_of(v['correct'], v['n'])}" for f, v in forms.items())
        rows.append(
            ("unscoped accuracy (all documents loaded, none selected)", f"{_of(un['correct'], un['n'])}: {detail}")
        )
    rows.append(
        (
            "citation contains the evidence (value answers)",
            f"{_pct(s['cites_evidence'])} (n={s['cites_evidence_n']}); value right, evidence not cited: "
            f"{s['value_right_uncited']} (a citation prints the value elsewhere: "
            f"{s.get('value_right_cited_elsewhere', '–')})",
        )
    )
    silent = [f"main {s['hallucinated']} of {s['absent_questions']} absent"]
    silent += [f"{name} {sl[name]['hallucinated']}" for name in ("long_form", "unscoped") if name in sl]
    rows.append(("numbers given where the document is silent (target 0)", " · ".join(silent)))
    ours = report.retrieval.get(OURS, {})
    recall = f"in-sample, all questions {_num(ours.get(f'recall@{k}'))}"
    if lodo and "recall" in lodo:
        rec = lodo["recall"]
        recall = (
            f"LODO {_num(rec['lodo'].get(f'recall@{k}'))} · in-sample, same questions "
            f"{_num(rec['in_sample'].get(f'recall@{k}'))} · " + recall
        )
    rows.append((f"retrieval recall@{k}", recall + f" · MRR {_num(ours.get('mrr'))}"))
    return rows


def details(report: EvalReport) -> list[tuple[str, str]]:
    """The other figures of the main run."""
    s = report.summary
    return [
        ("value right, any unit", _pct(s["value_ok"])),
        ("citation prints the value (answered)", f"{_pct(s['citation_accuracy'])}  (n={s['citations_scored']})"),
        ("targets stating their comparison (≥/≤)", f"{_pct(s['comparison_stated'])}  (n={s['comparisons']})"),
        ("compound questions right (every part)", f"{s['compound_correct']}/{s['compound']}"),
        (
            "abstention precision / recall",
            f"{_pct(s['abstention_precision'])} / {_pct(s['abstention_recall'])}  (absent={s['absent_questions']})",
        ),
        ("false abstentions", str(s["false_abstentions"])),
        ("errors raised", str(s["errors"])),
        ("conflicts answered with a warning", _pct(s["conflict_warned"])),
        ("latency p50 / p95", f"{_ms(s['latency_ms_p50'])} / {_ms(s['latency_ms_p95'])}"),
    ]


def retrieval_rows(report: EvalReport) -> list[list[str]]:
    """One row per retrieval system: recall@1, recall@k, MRR, value@1, value@k."""
    k = report.meta.get("k", 5)
    return [
        [
            name,
            str(r["n"]),
            _num(r["recall@1"]),
            _num(r[f"recall@{k}"]),
            _num(r["mrr"]),
            _num(r["value@1"]),
            _num(r[f"value@{k}"]),
        ]
        for name, r in report.retrieval.items()
    ]


def _best_baseline_by_kind(report: EvalReport) -> dict[str, float]:
    k = report.meta.get("k", 5)
    best: dict[str, float] = {}
    for name, r in report.retrieval.items():
        if name == OURS:
            continue
        for kind, g in r.get("value_by_kind", {}).items():
            best[kind] = max(best.get(kind, 0.0), g[f"value@{k}"])
    return best


def fold_rows(lodo: dict[str, Any]) -> list[list[str]]:
    """One row per LODO fold: document, n, LODO and in-sample accuracy, training score, values picked."""
    return [
        [
            short_doc(f["document"]),
            str(f["n"]),
            _pct(f["accuracy"]),
            _pct(f["in_sample_accuracy"]),
            f"{f['train_correct']}/{f['train_n']} ({f.get('train_start_correct', '–')} with defaults)",
            ", ".join(f"{k}={v}" for k, v in f["picked"].items()) or "defaults",
        ]
        for f in lodo["folds"]
    ]


def _split_rows(split: dict[str, dict[str, Any]], doc_names: bool = False) -> list[list[str]]:
    return [
        [
            short_doc(g) if doc_names else g,
            str(v["n"]),
            _pct(v["lodo"]),
            _pct(v["in_sample"]),
            _pts(None if v["lodo"] is None or v["in_sample"] is None else v["lodo"] - v["in_sample"]),
        ]
        for g, v in split.items()
    ]


def _compare_rows(split: dict[str, dict[str, Any]]) -> list[list[str]]:
    return [
        [
            g,
            str(v["n"]),
            _pct(v["accuracy"]),
            _pct(v["short_accuracy"]),
            _pts(v["gap"]),
            str(v["lost"]),
            str(v["gained"]),
            str(v["wrong_year"]),
        ]
        for g, v in split.items()
    ]


def render_terminal(report: EvalReport) -> None:
    """Print the headline, the LODO folds and the by-kind table."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    t = Table(title="BudgetQA eval", show_header=False)
    for label, value in headline(report) + details(report):
        t.add_row(label.replace("**", ""), value.replace("**", ""))
    console.print(t)
    if report.lodo:
        folds = Table(title="LODO folds")
        for col in ("held out", "n", "LODO", "in-sample", "train right", "picked (changed from defaults)"):
            folds.add_column(col)
        for row in fold_rows(report.lodo):
            folds.add_row(*row)
        console.print(folds)
    kinds = Table(title="accuracy by kind (main run)")
    for col in ("kind", "n", "correct", "accuracy"):
        kinds.add_column(col)
    for kind, g in report.summary["by_kind"].items():
        kinds.add_row(kind, str(g["n"]), str(g["correct"]), _pct(g["accuracy"]))
    console.print(kinds)
    grounding = report.summary.get("grounding")
    if grounding is not None:
        g = Table(title=f"LLM grounding ({report.meta.get('llm', {}).get('model')})", show_header=False)
        for key, value in sorted(grounding.items()):
            g.add_row(key, str(value))
        console.print(g)
    if report.files:
        console.print("reports: " + ", ".join(report.files.values()))


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
        f"Held-out recall@{k}: LODO {_num(rec.get('lodo', {}).get(f'recall@{k}'))}, in-sample "
        f"{_num(rec.get('in_sample', {}).get(f'recall@{k}'))} (n={rec.get('lodo', {}).get('n', '–')}).",
        "",
        _md_table(
            ["held out", "n", "LODO", "in-sample", "train right", "picked (changed from defaults)"], fold_rows(lodo)
        ),
        "",
        "By kind (held-out questions):",
        "",
        _md_table(["kind", "n", "LODO", "in-sample", "LODO − in-sample"], _split_rows(lodo["by_kind"])),
        "",
        "By document:",
        "",
        _md_table(["document", "n", "LODO", "in-sample", "LODO − in-sample"], _split_rows(lodo["by_doc"], True)),
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
        parts += ["", f"## {title}", "", "By form:", "", _md_table(header, _compare_rows(sl["by_form"]))]
        parts += ["", "By kind:", "", _md_table(header, _compare_rows(sl["by_kind"]))]
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
    best = _best_baseline_by_kind(report)
    parts += [
        "",
        "## By kind (main run, default tunables)",
        f"`top-{k} value`: the best baseline's share of questions whose top-{k} chunks print the expected value.",
        "",
        _md_table(
            ["kind", "n", "correct", "accuracy", f"top-{k} value (best baseline)"],
            [
                [kd, str(g["n"]), str(g["correct"]), _pct(g["accuracy"]), _pct(best.get(kd))]
                for kd, g in s["by_kind"].items()
            ],
        ),
        "",
        "## By document (main run)",
        _md_table(
            ["document(s)", "n", "correct", "accuracy"],
            [[d, str(g["n"]), str(g["correct"]), _pct(g["accuracy"])] for d, g in s["by_doc"].items()],
        ),
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
            [[n, str(d["doc_id"]), _num(d.get("ingest_s"), 1)] for n, d in m["documents"].items()],
        ),
        "",
        f"## Wrong answers, main run ({len(report.wrong)})",
        _md_table(_WRONG_HEADER, _wrong_rows(report.wrong)) if report.wrong else "None.",
    ]
    return "\n".join(parts) + "\n"


def to_json(report: EvalReport) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)


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
