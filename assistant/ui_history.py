"""The conversation beyond one page view: kept in the browser across reloads, and exported as files.

The browser keeps the turns (gr.BrowserState, this browser's local storage); the chat is
rebuilt from them and escaped again as it is shown, so stored text never reaches the page
as markup. Exports are written by `ui_export` into a fresh temporary folder.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import gradio as gr

from assistant import ui_render as render

MAX_SAVED_TURNS = 100  # turns the browser keeps across reloads
Outputs = tuple[Any, ...]


def chips_update(citations: list[dict[str, Any]]) -> Any:
    choices = [(render.chip_label(i, c), str(i)) for i, c in enumerate(citations, 1)]
    return gr.update(choices=choices, value=None, visible=bool(choices))


def save(turns: list[dict[str, Any]]) -> dict[str, Any]:
    """What the browser keeps (gr.BrowserState): the turns, from which the conversation is rebuilt.

    Always an object, also when empty: an empty value would leave the stored conversation in place.
    """
    return {"version": 1, "turns": list(turns or [])[-MAX_SAVED_TURNS:]}


def restore(saved: Any) -> Outputs:
    """chat, turns, chips, current citations: the conversation the browser kept, escaped again as it is shown."""
    saved = saved.get("turns") if isinstance(saved, dict) else None
    if not isinstance(saved, list) or not saved:
        return gr.skip(), gr.skip(), gr.skip(), gr.skip()
    turns = [t for t in saved if isinstance(t, dict) and isinstance(t.get("question"), str)]
    for t in turns:
        t["citations"] = [c for c in t.get("citations") or [] if isinstance(c, dict)]
    chat: list[dict[str, str]] = []
    for t in turns:
        shown = str(t.get("text") or t.get("answer") or "")
        chat += [render.chat_message("user", t["question"]), render.chat_message("assistant", shown)]
    citations = turns[-1]["citations"] if turns else []
    return chat, turns, chips_update(citations), citations


def export(turns: list[dict[str, Any]]) -> Any:
    """The conversation as Markdown and the answers as CSV, offered for download; a hint when there is none."""
    import tempfile

    from assistant.ui_export import answers_csv, conversation_markdown

    if not turns:
        return gr.update(value=None, visible=False), render.line_html("还没有对话可以导出。")
    folder = Path(tempfile.mkdtemp(prefix="budgetqa-export-"))
    stamp = time.strftime("%Y%m%d-%H%M%S")
    md = folder / f"budgetqa-对话-{stamp}.md"
    md.write_text(conversation_markdown(turns), encoding="utf-8")
    table = folder / f"budgetqa-答案-{stamp}.csv"
    table.write_text(answers_csv(turns), encoding="utf-8-sig")  # with a BOM, so spreadsheet programs read UTF-8
    return gr.update(value=[str(md), str(table)], visible=True), ""
