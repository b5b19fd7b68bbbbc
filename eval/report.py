"""Render an `EvalReport`: its figures as table rows, the terminal tables (rich) and JSON.

The Markdown report and the files written (latest.md, .json, .png) are in `eval.report_md`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eval.chart import short_doc
from eval.summary import EvalReport, from_json

__all__ = ["DEFAULT_OUT", "from_json", "render_terminal", "to_json"]

DEFAULT_OUT = Path(__file__).resolve().parent / "reports"
OURS = "budgetqa (hybrid)"
REPORT_NAME = "latest"


def pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f}%"


def pts(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:+.1f} pts"


def num(x: float | None, places: int = 3) -> str:
    return "–" if x is None else f"{x:.{places}f}"


def ms(x: float | None) -> str:
    return "–" if x is None else f"{x:.0f} ms"


def out_of(correct: int, n: int) -> str:
    return f"{pct(correct / n if n else None)} ({correct}/{n})"


def headline(report: EvalReport) -> list[tuple[str, str]]:
    """The figures the issue asks for first (LODO is the headline), as (label, value) rows."""
    s, k, lodo, sl = report.summary, report.meta.get("k", 5), report.lodo, report.slices
    rows: list[tuple[str, str]] = []
    if lodo:
        rows.append(
            (
                "**LODO accuracy** (tunables picked on the other 4 documents)",
                f"**{out_of(lodo['correct'], lodo['n'])}**",
            )
        )
        rows.append(
            ("in-sample accuracy, same questions (default tunables)", out_of(lodo["in_sample_correct"], lodo["n"]))
        )
    else:
        rows.append(("LODO accuracy", "not run (`budgetqa eval --lodo`)"))
    rows.append(("in-sample accuracy, all questions (default tunables)", out_of(s["correct"], s["questions"])))
    if "long_form" in sl:
        lf = sl["long_form"]
        rows.append(
            (
                "long-form accuracy / gap to the short forms",
                f"{pct(lf['accuracy'])} vs {pct(lf['short_accuracy'])} short: **{pts(lf['gap'])}** "
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
        detail = ", ".join(f"{f.replace('_', ' ')} {out_of(v['correct'], v['n'])}" for f, v in forms.items())
        rows.append(
            ("unscoped accuracy (all documents loaded, none selected)", f"{out_of(un['correct'], un['n'])}: {detail}")
        )
    rows.append(
        (
            "citation contains the evidence (value answers)",
            f"{pct(s['cites_evidence'])} (n={s['cites_evidence_n']}); value right, evidence not cited: "
            f"{s['value_right_uncited']} (a citation prints the value elsewhere: "
            f"{s.get('value_right_cited_elsewhere', '–')})",
        )
    )
    silent = [f"main {s['hallucinated']} of {s['absent_questions']} absent"]
    silent += [f"{name} {sl[name]['hallucinated']}" for name in ("long_form", "unscoped") if name in sl]
    rows.append(("numbers given where the document is silent (target 0)", " · ".join(silent)))
    ours = report.retrieval.get(OURS, {})
    recall = f"in-sample, all questions {num(ours.get(f'recall@{k}'))}"
    if lodo and "recall" in lodo:
        rec = lodo["recall"]
        recall = (
            f"LODO {num(rec['lodo'].get(f'recall@{k}'))} · in-sample, same questions "
            f"{num(rec['in_sample'].get(f'recall@{k}'))} · " + recall
        )
    rows.append((f"retrieval recall@{k}", recall + f" · MRR {num(ours.get('mrr'))}"))
    return rows


def details(report: EvalReport) -> list[tuple[str, str]]:
    """The other figures of the main run."""
    s = report.summary
    return [
        ("value right, any unit", pct(s["value_ok"])),
        ("citation prints the value (answered)", f"{pct(s['citation_accuracy'])}  (n={s['citations_scored']})"),
        ("targets stating their comparison (≥/≤)", f"{pct(s['comparison_stated'])}  (n={s['comparisons']})"),
        ("compound questions right (every part)", f"{s['compound_correct']}/{s['compound']}"),
        (
            "abstention precision / recall",
            f"{pct(s['abstention_precision'])} / {pct(s['abstention_recall'])}  (absent={s['absent_questions']})",
        ),
        ("false abstentions", str(s["false_abstentions"])),
        ("errors raised", str(s["errors"])),
        ("conflicts answered with a warning", pct(s["conflict_warned"])),
        ("latency p50 / p95", f"{ms(s['latency_ms_p50'])} / {ms(s['latency_ms_p95'])}"),
    ]


def retrieval_rows(report: EvalReport) -> list[list[str]]:
    """One row per retrieval system: recall@1, recall@k, MRR, value@1, value@k."""
    k = report.meta.get("k", 5)
    return [
        [
            name,
            str(r["n"]),
            num(r["recall@1"]),
            num(r[f"recall@{k}"]),
            num(r["mrr"]),
            num(r["value@1"]),
            num(r[f"value@{k}"]),
        ]
        for name, r in report.retrieval.items()
    ]


def best_baseline_by_kind(report: EvalReport) -> dict[str, float]:
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
            pct(f["accuracy"]),
            pct(f["in_sample_accuracy"]),
            f"{f['train_correct']}/{f['train_n']} ({f.get('train_start_correct', '–')} with defaults)",
            ", ".join(f"{k}={v}" for k, v in f["picked"].items()) or "defaults",
        ]
        for f in lodo["folds"]
    ]


def split_rows(split: dict[str, dict[str, Any]], doc_names: bool = False) -> list[list[str]]:
    return [
        [
            short_doc(g) if doc_names else g,
            str(v["n"]),
            pct(v["lodo"]),
            pct(v["in_sample"]),
            pts(None if v["lodo"] is None or v["in_sample"] is None else v["lodo"] - v["in_sample"]),
        ]
        for g, v in split.items()
    ]


def compare_rows(split: dict[str, dict[str, Any]]) -> list[list[str]]:
    return [
        [
            g,
            str(v["n"]),
            pct(v["accuracy"]),
            pct(v["short_accuracy"]),
            pts(v["gap"]),
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
        kinds.add_row(kind, str(g["n"]), str(g["correct"]), pct(g["accuracy"]))
    console.print(kinds)
    grounding = report.summary.get("grounding")
    if grounding is not None:
        g = Table(title=f"LLM grounding ({report.meta.get('llm', {}).get('model')})", show_header=False)
        for key, value in sorted(grounding.items()):
            g.add_row(key, str(value))
        console.print(g)
    if report.files:
        console.print("reports: " + ", ".join(report.files.values()))


def to_json(report: EvalReport) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)
