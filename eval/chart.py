"""The eval report's PNG: accuracy by kind and by document, LODO beside in-sample (and the slices)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eval.summary import EvalReport


def short_doc(name: str) -> str:
    """An ASCII label for a document file name (no CJK font needed): `putuo_justice_2026`."""
    stem = Path(name).stem
    for prefix in ("shanghai_", "shenzhen_"):
        stem = stem.removeprefix(prefix)
    for suffix in ("_dept_budget", "_unit_budget", "_dept_final", "_budget"):
        stem = stem.removesuffix(suffix)
    return stem


def _slice_by(report: EvalReport, slice_name: str, key: str) -> dict[str, float]:
    """Accuracy of a slice's variants grouped by kind or by document."""
    groups: dict[str, list[bool]] = {}
    for s in report.slice_scores:
        if s.slice == slice_name:
            groups.setdefault(s.kind if key == "kind" else s.docs[0], []).append(s.correct)
    return {k: sum(v) / len(v) for k, v in groups.items() if v}


def _series(report: EvalReport, key: str) -> tuple[list[str], list[tuple[str, dict[str, float]]]]:
    """Group labels and (legend, values by group) for one panel."""
    lodo: dict[str, Any] = report.lodo or {}
    by = "by_kind" if key == "kind" else "by_doc"
    if lodo:
        groups = list(lodo[by])
        series = [
            ("in-sample (defaults)", {g: v["in_sample"] or 0.0 for g, v in lodo[by].items()}),
            ("LODO (held-out document)", {g: v["lodo"] or 0.0 for g, v in lodo[by].items()}),
        ]
    else:
        summary = report.summary[by]
        groups = [g for g in summary if g != "(several documents)"]
        series = [("in-sample (defaults)", {g: summary[g]["accuracy"] or 0.0 for g in groups})]
    for name, legend in (("long_form", "long forms"), ("unscoped", "unscoped")):
        if name in report.slices:
            series.append((legend, _slice_by(report, name, key)))
    return groups, series


def render_chart(report: EvalReport, path: Path) -> Path:
    """Two panels (by kind, by document): in-sample and LODO accuracy side by side, plus the slices."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    kinds, kind_series = _series(report, "kind")
    docs, doc_series = _series(report, "doc")
    fig, axes = plt.subplots(
        1,
        2,
        figsize=(max(9.0, 0.75 * (len(kinds) + len(docs)) + 4), 5.2),
        gridspec_kw={"width_ratios": [len(kinds) or 1, max(2, len(docs))]},
    )
    for ax, groups, series, title in (
        (axes[0], kinds, kind_series, "by question kind"),
        (axes[1], docs, doc_series, "by document"),
    ):
        width = 0.8 / max(1, len(series))
        for i, (label, values) in enumerate(series):
            ax.bar(
                [x + i * width for x in range(len(groups))],
                [100 * values.get(g, 0.0) for g in groups],
                width,
                label=label,
            )
        ax.set_xticks([x + width * (len(series) - 1) / 2 for x in range(len(groups))])
        labels = groups if title.endswith("kind") else [short_doc(g) for g in groups]
        ax.set_xticklabels(labels, rotation=35, ha="right", fontsize=8)
        ax.set_ylim(0, 105)
        ax.set_ylabel("% correct")
        ax.set_title(f"Accuracy {title}")
        ax.grid(axis="y", alpha=0.3)
    if report.lodo:
        lodo = report.lodo
        title = (
            f"BudgetQA eval: LODO {100 * (lodo['accuracy'] or 0):.1f}% | in-sample "
            f"{100 * (lodo['in_sample_accuracy'] or 0):.1f}% (same {lodo['n']} single-document questions)"
        )
    else:
        title = (
            f"BudgetQA eval: in-sample {100 * (report.summary['accuracy'] or 0):.1f}% (n={report.summary['questions']})"
        )
    fig.suptitle(title, fontsize=11)
    handles, legends = axes[0].get_legend_handles_labels()
    fig.legend(handles, legends, loc="lower center", ncol=len(legends), fontsize=8, frameon=False)
    fig.tight_layout(rect=(0, 0.06, 1, 0.95))
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
