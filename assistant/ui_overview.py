"""A document at a glance: headline totals, 收入 by source, 支出 by function class, 基本/项目, 三公经费.

Everything is drawn from the document's facts (the same figures the answers cite), grouped by
the table kinds of index/data/table_kinds.toml. Each figure in the lists under the charts is a
button that opens its source like a citation (the page's script hands `k:time` to a hidden box).
Charts are matplotlib PNGs as data URIs; labels come from documents and are escaped. The
`on_*` functions are the overview tab's event handlers, around the chat page's `Handlers`.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from index.errors import BudgetQAError
from index.model import Document, Fact

if TYPE_CHECKING:
    from assistant.ui_events import Handlers

FONTS = ["Noto Sans CJK SC", "Noto Sans Mono CJK SC", "Noto Serif CJK SC", "DejaVu Sans"]
TOTAL_WORDS = ("收入总计", "支出总计")
SPLIT = ("基本支出", "项目支出")
SOURCE_SKIP = ("合计",)


@dataclass
class Panel:
    """One picture: a title, the unit and its (label, fact) items in the order printed."""

    title: str
    unit: str
    items: list[tuple[str, Fact]] = field(default_factory=list)
    change: list[tuple[str, Fact]] = field(default_factory=list)  # stated year-on-year changes, when printed


def _first(facts: Sequence[Fact], kinds: Sequence[str]) -> list[Fact]:
    """Facts of the first of `kinds` the document has (a 部门 document prints several overlapping tables)."""
    for kind in kinds:
        found = [f for f in facts if f.source.table_kind == kind and not f.empty]
        if found:
            return found
    return []


def _unique(items: list[tuple[str, Fact]]) -> list[tuple[str, Fact]]:
    seen: set[str] = set()
    return [(k, f) for k, f in items if not (k in seen or seen.add(k))]  # type: ignore[func-returns-value]


def panels(doc: Document) -> list[Panel]:
    """The overview's panels for one document, those it has figures for."""
    facts = [f for f in doc.facts if f.origin == "table" and f.is_money]
    out: list[Panel] = []
    summary = _first(facts, ("summary", "fiscal_summary"))
    totals = _unique([(f.subject, f) for f in summary if f.subject in TOTAL_WORDS])
    if totals:
        out.append(Panel("总额", totals[0][1].unit, totals))
    income = _first(facts, ("income",))
    total_row = [f for f in income if f.code is None and f.subject in SOURCE_SKIP and f.measure not in SOURCE_SKIP]
    sources = _unique([(f.measure, f) for f in total_row if f.value])
    if sources:
        out.append(Panel("收入（按来源）", sources[0][1].unit, sources))
    spending = _first(facts, ("expenditure", "gp_function"))
    classes = _unique([(f.subject, f) for f in spending if f.code_level == "类" and f.measure == "合计" and f.value])
    if classes:
        out.append(Panel("支出（按功能分类）", classes[0][1].unit, classes))
    split = _unique([(f.measure, f) for f in spending if f.code is None and f.subject == "合计" and f.measure in SPLIT])
    if split:
        out.append(Panel("基本支出与项目支出", split[0][1].unit, split))
    three = [f for f in doc.facts if f.source.table_kind == "three_public" and not f.empty and f.is_money]
    items = _unique([(f.subject, f) for f in three if f.context == "三公经费" and "预算" in f.measure + f.context])
    items = items or _unique([(f.subject, f) for f in three if f.context == "三公经费"])
    if items:
        changes = _unique(
            [(f.subject, f) for f in three if f.measure in ("比上年增减", "增减") and f.context == "三公经费"]
        )
        out.append(Panel("“三公”经费（按项目）", items[0][1].unit, items, changes))
    return out


def _chart(panel: Panel) -> bytes:
    """A horizontal bar chart of the panel's items (PNG)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    with plt.rc_context({"font.family": FONTS, "axes.unicode_minus": False}):
        labels = [label for label, _ in panel.items][::-1]
        values = [f.value for _, f in panel.items][::-1]
        fig, ax = plt.subplots(figsize=(6.4, 0.5 + 0.42 * len(labels)), dpi=110)
        bars = ax.barh(labels, values, color="#f97316")
        ax.bar_label(bars, labels=[f"{v:,.2f}" for v in values], padding=3, fontsize=8)
        ax.set_xlabel(panel.unit)
        ax.xaxis.set_major_locator(MaxNLocator(4))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}" if abs(v) >= 100 else f"{v:g}"))
        ax.spines[["top", "right"]].set_visible(False)
        ax.margins(x=0.25)
        fig.tight_layout()
        out = io.BytesIO()
        fig.savefig(out, format="png")
        plt.close(fig)
    return out.getvalue()


def overview_html(doc: Document, shown: Sequence[Panel], first_cite: int = 0) -> tuple[str, list[Fact]]:
    """The overview markup and the facts its figure buttons open (button k opens facts[k])."""
    esc = html.escape
    cited: list[Fact] = []
    parts = [f'<div class="overview"><h3>{esc(doc.title)}</h3>']
    if not shown:
        parts.append('<div class="source-empty">这份文档没有可画图的表格数字。</div></div>')
        return "".join(parts), cited
    for panel in shown:
        parts.append(f'<section class="ov-panel"><h4>{esc(panel.title)}（{esc(panel.unit)}）</h4>')
        if len(panel.items) > 1:
            uri = "data:image/png;base64," + base64.b64encode(_chart(panel)).decode("ascii")
            parts.append(f'<img class="ov-chart" alt="{esc(panel.title)}" src="{uri}">')
        rows = []
        changes = dict(panel.change)
        for label, fact in panel.items:
            cited.append(fact)
            k = first_cite + len(cited) - 1
            change = changes.get(label)
            extra = ""
            if change is not None:
                cited.append(change)
                extra = f' <button class="ov-fig" data-cite="{first_cite + len(cited) - 1}">比上年 {esc(change.text)}</button>'
            rows.append(
                f'<li><span class="ov-label">{esc(label)}</span> '
                f'<button class="ov-fig" data-cite="{k}">{esc(fact.text)}</button>{extra}</li>'
            )
        parts.append(f'<ul class="ov-figures">{"".join(rows)}</ul></section>')
    parts.append("</div>")
    return "".join(parts), cited


def citations_of(facts: Sequence[Fact], title: str) -> list[dict[str, Any]]:
    """The overview's figures as citation dicts (as the chat keeps them), for the source panel."""
    from assistant.compose import citation_for
    from assistant.ui_render import citation_dict

    return [citation_dict(citation_for(f, {f.source.doc_id: title}, None)) for f in facts]


def _body(on: Handlers, doc_id: str | None) -> tuple[str, list[dict[str, Any]]]:
    if not doc_id:
        return "", []
    qa = on.runtime.wait()
    document = getattr(qa, "document", None)
    if document is None:
        return "", []
    doc = document(doc_id)
    markup, facts = overview_html(doc, panels(doc))
    return markup, citations_of(facts, doc.title)


def on_overview_tab(on: Handlers, current: str | None) -> tuple[Any, ...]:
    """Opening the tab: the document picker (kept choice, else the first document) and its overview."""
    import gradio as gr

    from assistant import ui_render as render

    try:
        summaries = on.runtime.wait().documents()
        ids = [s["doc_id"] for s in summaries]
        pick = current if current in ids else (ids[0] if ids else None)
        body, cites = _body(on, pick)
    except BudgetQAError as err:
        return gr.skip(), render.line_html(str(err), "error"), [], render.source_html(None)
    choices = [(render.document_label(s), s["doc_id"]) for s in summaries]
    return gr.update(choices=choices, value=pick), body, cites, render.source_html(None)


def on_overview_pick(on: Handlers, doc_id: str | None) -> tuple[Any, ...]:
    from assistant import ui_render as render

    try:
        body, cites = _body(on, doc_id)
    except BudgetQAError as err:
        return render.line_html(str(err), "error"), [], render.source_html(None)
    return body, cites, render.source_html(None)


def on_overview_cite(on: Handlers, request: str, cites: list[dict[str, Any]]) -> str:
    """A click on a figure: its source, as for a citation."""
    from assistant import ui_render as render

    k = (request or "").split(":")[0]
    if not k.isdigit() or int(k) >= len(cites):
        return render.source_html(None)
    return on.source_panel(cites[int(k)])
