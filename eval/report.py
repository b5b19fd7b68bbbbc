"""Render an `EvalReport`: terminal table (rich), JSON, Markdown and a PNG chart."""

from __future__ import annotations

import json
from pathlib import Path

from eval.summary import EvalReport

DEFAULT_OUT = Path(__file__).resolve().parent / "reports"
OURS = "budgetqa (hybrid)"


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f}%"


def _num(x: float | None, places: int = 3) -> str:
    return "–" if x is None else f"{x:.{places}f}"


def _ms(x: float | None) -> str:
    return "–" if x is None else f"{x:.0f} ms"


def headline(report: EvalReport) -> list[tuple[str, str]]:
    """The figures a reader wants first, as (label, value) rows."""
    s, k = report.summary, report.meta.get("k", 5)
    ours = report.retrieval.get(OURS, {})
    return [
        ("questions", str(s["questions"])),
        ("accuracy (value and unit right)", f"{_pct(s['accuracy'])}  ({s['correct']}/{s['questions']})"),
        ("value right, any unit", _pct(s["value_ok"])),
        ("citation holds the value (answered)", f"{_pct(s['citation_accuracy'])}  (n={s['citations_scored']})"),
        ("citation contains the evidence", _pct(s["cites_evidence"])),
        (
            "abstention precision / recall",
            f"{_pct(s['abstention_precision'])} / {_pct(s['abstention_recall'])}  (absent={s['absent_questions']})",
        ),
        ("numbers given where the document is silent", str(s["hallucinated"])),
        ("false abstentions", str(s["false_abstentions"])),
        ("errors raised", str(s["errors"])),
        ("conflicts answered with a warning", _pct(s["conflict_warned"])),
        (f"retrieval recall@{k} / MRR", f"{_num(ours.get(f'recall@{k}'))} / {_num(ours.get('mrr'))}"),
        ("latency p50 / p95", f"{_ms(s['latency_ms_p50'])} / {_ms(s['latency_ms_p95'])}"),
    ]


def retrieval_rows(report: EvalReport) -> list[list[str]]:
    """One row per retrieval system: recall@1, recall@k, MRR, value@1, value@k."""
    k = report.meta.get("k", 5)
    rows = []
    for name, r in report.retrieval.items():
        rows.append(
            [
                name,
                str(r["n"]),
                _num(r["recall@1"]),
                _num(r[f"recall@{k}"]),
                _num(r["mrr"]),
                _num(r["value@1"]),
                _num(r[f"value@{k}"]),
            ]
        )
    return rows


def render_terminal(report: EvalReport) -> None:
    """Print the summary, the by-kind table and the retrieval comparison."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    k = report.meta.get("k", 5)
    t = Table(title="BudgetQA eval", show_header=False)
    for label, value in headline(report):
        t.add_row(label, value)
    console.print(t)
    kinds = Table(title="accuracy by kind")
    for col in ("kind", "n", "correct", "accuracy", f"top-{k} value (best baseline)"):
        kinds.add_column(col)
    best = _best_baseline_by_kind(report)
    for kind, g in report.summary["by_kind"].items():
        kinds.add_row(kind, str(g["n"]), str(g["correct"]), _pct(g["accuracy"]), _pct(best.get(kind)))
    console.print(kinds)
    docs = Table(title="accuracy by document")
    for col in ("document(s)", "n", "accuracy"):
        docs.add_column(col)
    for name, g in report.summary["by_doc"].items():
        docs.add_row(name, str(g["n"]), _pct(g["accuracy"]))
    console.print(docs)
    grounding = report.summary.get("grounding")
    if grounding is not None:
        g = Table(title=f"LLM grounding ({report.meta.get('llm', {}).get('model')})", show_header=False)
        for key, value in sorted(grounding.items()):
            g.add_row(key, str(value))
        console.print(g)
    ret = Table(title="retrieval (same documents, same embedding)")
    for col in ("system", "n", "R@1", f"R@{k}", "MRR", "value@1", f"value@{k}"):
        ret.add_column(col)
    for row in retrieval_rows(report):
        ret.add_row(*row)
    console.print(ret)
    if report.files:
        console.print("reports: " + ", ".join(report.files.values()))


def _best_baseline_by_kind(report: EvalReport) -> dict[str, float]:
    k = report.meta.get("k", 5)
    best: dict[str, float] = {}
    for name, r in report.retrieval.items():
        if name == OURS:
            continue
        for kind, g in r.get("value_by_kind", {}).items():
            best[kind] = max(best.get(kind, 0.0), g[f"value@{k}"])
    return best


def _md_table(header: list[str], rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in row) + " |" for row in rows]
    return "\n".join(out)


def _value(v: float | None, unit: str | None) -> str:
    if v is None:
        return "（不作答）"
    return f"{v:g} {unit or ''}".strip()


def render_markdown(report: EvalReport, chart: str | None = None) -> str:
    """The Markdown report: overall, by kind, by document, retrieval, latency, wrong answers."""
    m, s, k = report.meta, report.summary, report.meta.get("k", 5)
    parts = [
        "# BudgetQA eval report",
        f"{m['created']} · commit {m.get('commit') or '?'} · embedding `{m['embed_model']}` · "
        f"{s['questions']} questions from {', '.join(Path(f).name for f in m['files'])} · {m['seconds']} s",
        "",
        "An answer is correct when its value equals the expected value (money converted between 元/万元/亿元) "
        "**and** it is given in the expected unit. Absent questions are correct only when the engine abstains "
        "with no number; a number there counts as hallucinated.",
        "",
        "## Overall",
        _md_table(["figure", "value"], [[a, b] for a, b in headline(report)]),
    ]
    if chart:
        parts += ["", f"![accuracy by kind]({chart})"]
    best = _best_baseline_by_kind(report)
    parts += [
        "",
        "## By kind",
        f"`top-{k} value` is the best baseline's share of questions whose top-{k} retrieved chunks print the expected value: "
        "an upper bound for any reader built on that baseline.",
        "",
        _md_table(
            ["kind", "n", "correct", "accuracy", f"top-{k} value (best baseline)"],
            [
                [kd, str(g["n"]), str(g["correct"]), _pct(g["accuracy"]), _pct(best.get(kd))]
                for kd, g in s["by_kind"].items()
            ],
        ),
        "",
        "## By document",
        _md_table(
            ["document(s)", "n", "correct", "accuracy"],
            [[d, str(g["n"]), str(g["correct"]), _pct(g["accuracy"])] for d, g in s["by_doc"].items()],
        ),
        "",
        "## Retrieval",
        "A chunk is relevant when it contains every evidence string of the question (whitespace ignored). "
        "`value@n`: one of the top n chunks prints the expected value.",
        "",
        _md_table(["system", "n", "R@1", f"R@{k}", "MRR", "value@1", f"value@{k}"], retrieval_rows(report)),
        "",
        "Engine stage medians: "
        + (", ".join(f"{st} {v:.0f} ms" for st, v in s.get("stage_ms_p50", {}).items()) or "–")
        + ".",
        "",
        "Questions whose evidence no chunk holds (chunking or question-set problem): "
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
        f"## Wrong answers ({len(report.wrong)})",
    ]
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
        for w in report.wrong
    ]
    parts.append(_md_table(["id", "kind", "question", "expected", "got", "why", "answer"], rows) if rows else "None.")
    return "\n".join(parts) + "\n"


def render_chart(report: EvalReport, path: Path) -> Path:
    """PNG: accuracy by kind for BudgetQA next to each baseline's top-k value upper bound (ASCII labels)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    k = report.meta.get("k", 5)
    kinds = list(report.summary["by_kind"])
    series: list[tuple[str, list[float]]] = [
        ("BudgetQA accuracy", [report.summary["by_kind"][kd]["accuracy"] or 0.0 for kd in kinds])
    ]
    for name, r in report.retrieval.items():
        if name == OURS:
            continue
        vb = r.get("value_by_kind", {})
        series.append((f"{name}: top-{k} holds value", [vb.get(kd, {}).get(f"value@{k}", 0.0) for kd in kinds]))
    fig, ax = plt.subplots(figsize=(max(6.0, 0.9 * len(kinds) + 2), 4.8))
    width = 0.8 / max(1, len(series))
    for i, (label, values) in enumerate(series):
        ax.bar([x + i * width for x in range(len(kinds))], [100 * v for v in values], width, label=label)
    ax.set_xticks([x + width * (len(series) - 1) / 2 for x in range(len(kinds))])
    ax.set_xticklabels(kinds, rotation=30, ha="right")  # kind names are ASCII: no CJK font needed
    ax.set_ylabel("%")
    ax.set_ylim(0, 105)
    ax.set_title(f"Accuracy by question kind (n={report.summary['questions']})")
    ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.28), ncol=min(3, len(series)), frameon=False)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def to_json(report: EvalReport) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)


def write_reports(report: EvalReport, out_dir: Path | None = None) -> dict[str, str]:
    """Write eval.json, eval.md and eval.png into `out_dir` (default eval/reports/); return kind -> path."""
    out = out_dir or DEFAULT_OUT
    out.mkdir(parents=True, exist_ok=True)
    files: dict[str, str] = {}
    chart = render_chart(report, out / "eval.png")
    files["png"] = str(chart)
    md = out / "eval.md"
    md.write_text(render_markdown(report, chart=chart.name), encoding="utf-8")
    files["md"] = str(md)
    js = out / "eval.json"
    report.files = {**files, "json": str(js)}
    js.write_text(to_json(report), encoding="utf-8")
    return report.files
