"""The chat page's layout: its components, theme and CSS (no event wiring, no answering)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import gradio as gr

from assistant import ui_render as render
from assistant.ui_upload import SUPPORTED_SUFFIXES, without_temp_copies

FILE_TYPES = list(SUPPORTED_SUFFIXES)
# One family for Chinese and Latin text alike (the title mixed two before); all installed locally,
# so the page loads no font from another host.
FONTS = ["Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "ui-sans-serif", "sans-serif"]
MONO_FONTS = ["Noto Sans Mono CJK SC", "ui-monospace", "monospace"]

CSS = """
#title h2 { font-family: inherit; font-weight: 600; margin-bottom: 0; }
#chat .message-content, #chat .message .prose { white-space: pre-wrap; }
#chat .placeholder { white-space: normal; text-align: left; max-width: 46em; }
#citation-chips .wrap { gap: 6px; }
#citation-chips label { border-radius: 999px; padding: 2px 12px; cursor: pointer; font-size: 0.85em; }
#citation-chips input[type=radio] { display: none; }
#citation-chips label.selected { background: var(--color-accent-soft); border-color: var(--color-accent); }
.bq-line { font-size: 0.9em; padding: 2px 0; }
.bq-error { color: var(--body-text-color); }
.bq-error::before { content: "⚠️ "; }
.bq-ok { color: var(--body-text-color); }
.source-card { border-left: 3px solid var(--color-accent); padding: 6px 12px; }
.source-doc { font-weight: 600; }
.source-meta, .source-locator { color: var(--body-text-color-subdued); font-size: 0.9em; }
.source-quote { margin: 6px 0; font-family: var(--font-mono); white-space: pre-wrap; }
.source-row { border-collapse: collapse; font-size: 0.85em; margin-top: 4px; }
.source-row th, .source-row td { border: 1px solid var(--border-color-primary); padding: 2px 6px; }
.source-empty { color: var(--body-text-color-subdued); }
.source-quote mark, .source-row mark { background: #fde047; color: inherit; padding: 0 2px; border-radius: 2px; }
.source-row caption { caption-side: top; text-align: left; font-size: 0.9em; color: var(--body-text-color-subdued); }
.source-row-wrap { overflow-x: auto; }
.source-row th, .source-row td { white-space: nowrap; }
.page-view { margin: 8px 0; }
.page-view img.page-crop { max-width: 100%; height: auto; border: 1px solid var(--border-color-primary); }
.page-view img.page-crop-narrow { display: none; }
@media (max-width: 640px) {
  .page-view img.page-crop { display: none; }
  .page-view img.page-crop-narrow { display: block; width: 100%; border: 1px solid var(--border-color-primary); }
}
.page-whole summary { cursor: pointer; color: var(--color-accent); font-size: 0.9em; margin-top: 4px; }
.page-whole img { max-width: 100%; height: auto; border: 1px solid var(--border-color-primary); }
.text-view { font-family: var(--font-mono); font-size: 0.9em; margin: 8px 0; white-space: pre-wrap; }
.text-line { padding: 1px 6px; color: var(--body-text-color-subdued); }
.text-line.cited { background: #fef9c3; color: var(--body-text-color); border-left: 3px solid #dc2626; }
.bq-hidden { display: none !important; }
.overview h4 { margin: 14px 0 4px; }
.ov-chart { max-width: 100%; height: auto; }
.ov-figures { list-style: none; padding: 0; margin: 4px 0; display: flex; flex-wrap: wrap; gap: 4px 16px; }
.ov-fig { border: 1px solid var(--border-color-primary); border-radius: 999px; padding: 0 8px; cursor: pointer;
  background: var(--background-fill-secondary); font-variant-numeric: tabular-nums; }
.ov-fig:hover { border-color: var(--color-accent); }
#chat .message.bot { cursor: text; }
.doc-table { width: 100%; border-collapse: collapse; font-size: 0.9em; }
.doc-table th, .doc-table td { border-bottom: 1px solid var(--border-color-primary); padding: 4px 6px; text-align: left; }
.doc-table td:nth-child(2), .doc-table td:nth-child(3) { white-space: nowrap; }
"""

# On a phone the documents panel starts folded. A click on `[n]` inside an answer opens that source: the script finds the `[n]` under the pointer and
# hands `answer index:n:time` to a hidden box, whose change event runs `Handlers.on_cite`.
CITE_JS = """
() => {
  if (window.innerWidth < 700) {  // phones: chat first, the documents panel folded under it
    const fold = () => {
      const head = document.querySelector('#docs-panel > button');
      if (!head) return setTimeout(fold, 200);
      if (head.classList.contains('open') || head.getAttribute('aria-expanded') === 'true') head.click();
    };
    fold();
  }
  document.addEventListener('click', (event) => {
    const figure = event.target.closest ? event.target.closest('#overview .ov-fig') : null;
    const asked = document.querySelector('#overview-request textarea');
    if (figure && asked) {
      asked.value = `${figure.dataset.cite}:${Date.now()}`;
      asked.dispatchEvent(new Event('input', {bubbles: true}));
      return;
    }
    const message = event.target.closest ? event.target.closest('#chat .message.bot') : null;
    if (!message || !document.caretRangeFromPoint) return;
    const range = document.caretRangeFromPoint(event.clientX, event.clientY);
    if (!range || range.startContainer.nodeType !== Node.TEXT_NODE) return;
    const text = range.startContainer.textContent, offset = range.startOffset;
    let n = null;
    for (const m of text.matchAll(/\\[(\\d+)\\]/g)) {
      if (m.index <= offset && offset <= m.index + m[0].length) { n = m[1]; break; }
    }
    const box = document.querySelector('#cite-request textarea');
    const k = Array.from(document.querySelectorAll('#chat .message.bot')).indexOf(message);
    if (!n || !box || k < 0) return;
    event.stopPropagation();
    box.value = `${k}:${n}:${Date.now()}`;
    box.dispatchEvent(new Event('input', {bubbles: true}));
  }, true);
}
"""


# Gradio strings its Chinese translation lacks (shown as tooltips and to screen readers).
MISSING_TRANSLATIONS = {
    "chatbot.copy_message": "复制",
    "chatbot.copied_message": "已复制",
}


def translations() -> Any:
    """Gradio's I18n with the missing Chinese strings, for Chinese browsers."""
    return gr.I18n(**{locale: MISSING_TRANSLATIONS for locale in ("zh-CN", "zh")})


def theme() -> Any:
    """Gradio's default theme in one locally installed CJK font."""
    return gr.themes.Default(font=FONTS, font_mono=MONO_FONTS)


@dataclass
class Page:
    """Every component the event wiring needs."""

    demo: gr.Blocks
    turns: gr.State  # per session: {"question", "answer", "citations"} for each exchange
    current: gr.State  # citations behind the chips now shown
    status: gr.HTML
    chatbot: gr.Chatbot
    question: gr.Textbox
    send: gr.Button
    hint: gr.HTML
    examples: gr.Dataset
    chips: gr.Radio
    source: gr.HTML
    cite_request: gr.Textbox
    clear: gr.Button
    export: gr.Button
    export_files: gr.File
    saved: gr.BrowserState
    overview_tab: gr.Tab
    overview_pick: gr.Dropdown
    overview_body: gr.HTML
    overview_source: gr.HTML
    overview_cites: gr.State
    overview_request: gr.Textbox
    docs_table: gr.HTML
    scope: gr.CheckboxGroup
    upload: gr.File
    upload_status: gr.HTML
    remove_pick: gr.Dropdown
    remove_btn: gr.Button


def lay_out() -> Page:
    """Build the components inside a new Blocks (call the wiring inside `page.demo` afterwards)."""
    with gr.Blocks(title="BudgetQA 预算问答", analytics_enabled=False) as demo:
        turns = gr.State([])
        current = gr.State([])
        saved = gr.BrowserState({}, storage_key="budgetqa-conversation")  # survives a reload, in this browser
        gr.Markdown(
            "## BudgetQA 预算问答\n对部门预算、单位预算和部门决算提问，答案给出数字和可核对的出处。", elem_id="title"
        )
        status = gr.HTML(render.line_html("正在打开文档库…"), elem_id="status")
        with gr.Tabs():
            with gr.Tab("问答", id="chat-tab"):
                with gr.Row():
                    with gr.Column(scale=3):
                        chat = lay_out_chat()
                    with gr.Column(scale=2):
                        documents = lay_out_documents()
            with gr.Tab("文档概览", id="overview-tab", elem_id="overview-tab") as overview_tab:
                overview = lay_out_overview()
    return Page(
        demo=demo,
        turns=turns,
        current=current,
        status=status,
        saved=saved,
        overview_tab=overview_tab,
        **chat,
        **documents,
        **overview,
    )


def chat_box() -> gr.Chatbot:
    """The conversation: escaped text only (ui_render), no Markdown, no LaTeX, no custom tags."""
    return gr.Chatbot(
        label="对话",
        height=440,
        elem_id="chat",
        feedback_options=None,
        buttons=["copy"],
        render_markdown=False,
        sanitize_html=True,
        allow_tags=False,
        latex_delimiters=[],
        placeholder=render.welcome_markdown([]),
    )


def lay_out_chat() -> dict[str, Any]:
    """The chat column: conversation, question box, citation chips and source, examples, clear and export."""
    chatbot = chat_box()
    with gr.Row():
        question = gr.Textbox(
            label="问题", placeholder="例如：政府投资项目预算多少", show_label=False, scale=5, elem_id="question"
        )
        send = gr.Button("提问", variant="primary", scale=1, elem_id="send")
    hint = gr.HTML("", elem_id="hint")
    chips = gr.Radio(label="引用（点击编号查看原文）", choices=[], visible=False, elem_id="citation-chips")
    source = gr.HTML(render.source_html(None), elem_id="source")
    cite_request = gr.Textbox(elem_id="cite-request", elem_classes=["bq-hidden"], show_label=False)
    examples = gr.Dataset(label="示例问题", components=[question], samples=[], elem_id="examples")
    with gr.Row():
        clear = gr.Button("清空对话", elem_id="clear")
        export = gr.Button("导出对话（Markdown + CSV）", elem_id="export")
    export_files = gr.File(
        label="导出文件", file_count="multiple", visible=False, interactive=False, elem_id="export-files"
    )
    return {
        "chatbot": chatbot,
        "question": question,
        "send": send,
        "hint": hint,
        "chips": chips,
        "source": source,
        "cite_request": cite_request,
        "examples": examples,
        "clear": clear,
        "export": export,
        "export_files": export_files,
    }


def lay_out_documents() -> dict[str, Any]:
    """The documents panel: the loaded documents, the question scope, upload and removal."""
    with gr.Accordion("文档、提问范围与上传", open=True, elem_id="docs-panel"):
        gr.Markdown("**已载入文档**")
        docs_table = gr.HTML(render.documents_html([]), elem_id="documents")
        scope = gr.CheckboxGroup(label="提问范围（不选 = 全部文档）", choices=[], elem_id="scope")
        upload = gr.File(label="上传 PDF / TXT", file_types=FILE_TYPES, file_count="multiple", elem_id="upload")
        without_temp_copies(upload)
        upload_status = gr.HTML("", elem_id="upload-status")
        with gr.Row():
            remove_pick = gr.Dropdown(
                label="移除文档", choices=[], scale=3, elem_id="remove-doc", allow_custom_value=True
            )  # the handler checks the id, in Chinese
            remove_btn = gr.Button("移除", variant="stop", scale=1, elem_id="remove")
    return {
        "docs_table": docs_table,
        "scope": scope,
        "upload": upload,
        "upload_status": upload_status,
        "remove_pick": remove_pick,
        "remove_btn": remove_btn,
    }


def lay_out_overview() -> dict[str, Any]:
    """The 文档概览 tab: a document picker, its figures and the source of the one clicked."""
    overview_pick = gr.Dropdown(label="文档", choices=[], elem_id="overview-doc")
    with gr.Row():
        with gr.Column(scale=3):
            overview_body = gr.HTML("", elem_id="overview")
        with gr.Column(scale=2):
            overview_source = gr.HTML(render.source_html(None), elem_id="overview-source")
    overview_cites = gr.State([])
    overview_request = gr.Textbox(elem_id="overview-request", elem_classes=["bq-hidden"], show_label=False)
    return {
        "overview_pick": overview_pick,
        "overview_body": overview_body,
        "overview_source": overview_source,
        "overview_cites": overview_cites,
        "overview_request": overview_request,
    }
