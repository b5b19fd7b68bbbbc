"""Turn answers, citations and document summaries into what the chat page shows.

Pure functions over plain data (no Gradio import), so the page logic stays thin
and these are unit-testable.

Safety rule: every text that comes from a document or a user is escaped here, and
only markup written in this module reaches the browser. Chat messages are shown
with Gradio's Markdown off (`escape`d text, CSS keeps the line breaks); sinks that
always run Markdown (the chat's welcome placeholder) get `inert` text, in which no
Markdown or HTML syntax survives.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from typing import Any

from assistant.answer_types import Answer, Citation
from assistant.help import help_text

DOC_COLUMNS = ["部门", "年度", "类型", "内容"]
CHIP_LOCATOR_CHARS = 36
CELL_CHARS = 80  # longer table cells (project descriptions) are shortened in the source panel
# ASCII characters with a meaning in Markdown or HTML; `inert` writes them as character references
_SYNTAX = re.compile(r"[!-/:-@\[-`{-~]")
_READING = re.compile(r"^(?P<name>.+): reading$")
_INDEXING = re.compile(
    r"^(?P<name>.+): indexing (?:(?P<pages>\d+) pages, )?(?P<tables>\d+) tables, (?P<facts>\d+) facts$"
)


def escape(text: str) -> str:
    """Text for an element's content (never an attribute): `<`, `>` and `&` become character references.

    Quotes stay as typed, so the chat's copy button copies the answer as it reads.
    """
    return html.escape(text, quote=False)


def inert(text: str) -> str:
    """Text for a sink that runs Markdown and then HTML: every ASCII punctuation mark as a character reference.

    Nothing can then form a tag, a link, an image, an autolink (`http://`, `www.`), emphasis or a list.
    """
    return _SYNTAX.sub(lambda m: f"&#{ord(m.group())};", text)


def citation_dict(citation: Citation) -> dict[str, Any]:
    """A citation as plain data (kept in the page's session state)."""
    data = asdict(citation)
    data["header"] = list(citation.header)
    data["row"] = list(citation.row)
    return data


def page_label(page: int | None) -> str:
    """`第6页`, or "" for sources without pages (text files)."""
    return f"第{page}页" if page else ""


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def chip_label(number: int, citation: dict[str, Any]) -> str:
    """Short text on a numbered citation chip: `[1] 表5 … · 第6页`."""
    locator = str(citation.get("locator") or citation.get("title") or "")
    return " · ".join(
        part
        for part in (f"[{number}] {shorten(locator, CHIP_LOCATOR_CHARS)}", page_label(citation.get("page")))
        if part
    )


def answer_text(answer: Answer) -> str:
    """The chat message for one answer, as plain text: answer, formula, warnings and numbered sources."""
    parts = [answer.answer.strip()]
    if answer.formula:
        parts.append(f"算式：{answer.formula}")
    parts.extend(f"⚠️ {warning}" for warning in answer.warnings)
    if answer.citations:
        refs = [
            " · ".join(p for p in (f"[{i}] {c.title}", c.locator, page_label(c.page)) if p)
            for i, c in enumerate(answer.citations, 1)
        ]
        parts.append("来源：\n" + "\n".join(refs))
    return "\n\n".join(part for part in parts if part)


def chat_message(role: str, text: str) -> dict[str, str]:
    """One message for the Chatbot (Markdown off): the escaped text; CSS keeps its line breaks."""
    return {"role": role, "content": escape(text)}


def notice(text: str) -> dict[str, str]:
    """A one-line notice from the page itself (an error or a refusal) inside the conversation."""
    return chat_message("assistant", f"⚠️ {text}")


def welcome_markdown(documents: Sequence[dict[str, Any]]) -> str:
    """The empty chat's welcome (Gradio renders it as Markdown): what can be asked and what is loaded."""
    return inert(help_text(documents, []))


def line_html(text: str, kind: str = "info") -> str:
    """A one-line status under a control (upload progress, results, hints); `kind` is info, ok or error."""
    return f'<div class="bq-line bq-{kind}">{escape(text)}</div>' if text else ""


def progress_line(done: int, total: int, message: str) -> str:
    """The ingest progress callback's (English) step as one Chinese line with the file fraction."""
    position = f"（第 {min(done + 1, total)}/{total} 个文件）" if total > 1 else ""
    if m := _READING.match(message):
        return f"读取并识别表格：{m['name']}{position}"
    if m := _INDEXING.match(message):
        pages = f"{m['pages']}页，" if m["pages"] else ""
        return f"建立索引：{m['name']}（{pages}{m['tables']}张表，{m['facts']}个数据点）{position}"
    if message == "done" or (total and done >= total):
        return "即将完成…"
    return f"正在处理{position or '…'}"


def stream_pieces(text: str, size: int = 8) -> Iterator[str]:
    """Growing prefixes of `text`, for a progressively written answer."""
    if not text:
        yield ""
        return
    for end in range(size, len(text) + size, size):
        yield text[:end]


def marked(text: str, mark: str) -> str:
    """`text` escaped, with the first `mark` in it wrapped in our own <mark> (the cited value)."""
    at = text.find(mark) if mark else -1
    if at < 0:
        return html.escape(text)
    end = at + len(mark)
    return f"{html.escape(text[:at])}<mark>{html.escape(mark)}</mark>{html.escape(text[end:])}"


def source_html(citation: dict[str, Any] | None, place: str = "") -> str:
    """The source panel: document, page, locator, the cited place (`place`: markup from ui_pageview), the quoted
    line with the value highlighted and, for a table cell, its row as a small table with its unit."""
    if not citation:
        return '<div class="source-empty">点击答案里的 [1] 或下方的引用编号，查看原文出处。</div>'
    esc = html.escape
    mark = str(citation.get("mark") or "")
    meta = " · ".join(part for part in (page_label(citation.get("page")), f"文档 {citation.get('doc', '')}") if part)
    lines = [
        '<div class="source-card">',
        f'<div class="source-doc">{esc(str(citation.get("title") or citation.get("doc") or ""))}</div>',
        f'<div class="source-meta">{esc(meta)}</div>',
        f'<div class="source-locator">{esc(str(citation.get("locator") or ""))}</div>',
        place,
        f'<blockquote class="source-quote">{marked(str(citation.get("quote") or ""), mark)}</blockquote>',
    ]
    header: Sequence[str] = citation.get("header") or ()
    row: Sequence[str] = citation.get("row") or ()
    if row:
        head = "".join(f"<th>{esc(h)}</th>" for h in header) if header else ""
        cells = "".join(f"<td>{marked(c, mark) if c == mark else esc(shorten(c, CELL_CHARS))}</td>" for c in row)
        head_row = f"<thead><tr>{head}</tr></thead>" if head else ""
        unit = str(citation.get("unit") or "")
        caption = f"<caption>单位：{esc(unit)}</caption>" if unit else ""
        table = f'<table class="source-row">{caption}{head_row}<tbody><tr>{cells}</tr></tbody></table>'
        lines.append(f'<div class="source-row-wrap">{table}</div>')
    lines.append("</div>")
    return "\n".join(line for line in lines if line)


def document_label(summary: dict[str, Any]) -> str:
    """How one document is named in pickers: `部门 年度 预算`."""
    name = summary.get("department") or summary.get("title") or summary.get("file_name") or summary.get("doc_id")
    year = summary.get("year")
    stage = summary.get("stage") or ""
    return " ".join(str(part) for part in (name, f"{year}年" if year else "", stage) if part)


def contents_label(summary: dict[str, Any]) -> str:
    """`23页 · 9表 · 482个数据点` (pages only for paged files)."""
    pages = f"{summary['page_count']}页" if summary.get("page_count") else ""
    parts = (pages, f"{summary.get('tables', 0)}表", f"{summary.get('facts', 0)}个数据点")
    return " · ".join(part for part in parts if part)


def document_rows(summaries: Sequence[dict[str, Any]]) -> list[list[Any]]:
    """Rows of the document table, in DOC_COLUMNS order."""
    return [
        [
            s.get("department") or s.get("title") or "",
            s.get("year") or "",
            f"{s.get('scope') or ''}{s.get('stage') or ''}",
            contents_label(s),
        ]
        for s in summaries
    ]


def documents_html(summaries: Sequence[dict[str, Any]]) -> str:
    """The document list as a small HTML table (DOC_COLUMNS)."""
    if not summaries:
        return '<div class="source-empty">还没有文档：上传一份 PDF 或 TXT。</div>'
    head = "".join(f"<th>{html.escape(c)}</th>" for c in DOC_COLUMNS)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(cell))}</td>" for cell in row) + "</tr>"
        for row in document_rows(summaries)
    )
    return f'<table class="doc-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def ingest_message(added: Sequence[dict[str, Any]], skipped: Sequence[str], failed: Sequence[tuple[str, str]]) -> str:
    """One status line after an upload."""
    parts = []
    if added:
        parts.append("已添加：" + "、".join(document_label(s) for s in added))
    if skipped:
        parts.append("已存在（未重复添加）：" + "、".join(skipped))
    if failed:
        parts.append("未能读取：" + "；".join(f"{name}：{reason}" for name, reason in failed))
    return "；".join(parts) or "没有文件。"
