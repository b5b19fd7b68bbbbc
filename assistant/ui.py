"""The chat page: a Gradio Blocks app that is a thin adapter over `Assistant`.

Everything that reads, retrieves or answers goes through the Assistant; this
module only lays out the page, streams answers, keeps per-session chat state
and shows citations, documents and errors.
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

import gradio as gr

from assistant import ui_render as render
from assistant.answer_types import Answer
from assistant.assistant import IngestReport, Progress
from index.errors import BudgetQAError
from index.settings import Settings

ASK_CONCURRENCY = 8  # questions answered at once; the rest wait in Gradio's queue
STREAM_DELAY_S = 0.02  # pause between streamed pieces of an answer
FILE_TYPES = [".pdf", ".txt", ".md"]

CSS = """
#citation-chips .wrap { gap: 6px; }
#citation-chips label { border-radius: 999px; padding: 2px 12px; cursor: pointer; font-size: 0.85em; }
#citation-chips input[type=radio] { display: none; }
#citation-chips label.selected { background: var(--color-accent-soft); border-color: var(--color-accent); }
.source-card { border-left: 3px solid var(--color-accent); padding: 6px 12px; }
.source-doc { font-weight: 600; }
.source-meta, .source-locator { color: var(--body-text-color-subdued); font-size: 0.9em; }
.source-quote { margin: 6px 0; font-family: var(--font-mono); white-space: pre-wrap; }
.source-row { border-collapse: collapse; font-size: 0.85em; margin-top: 4px; }
.source-row th, .source-row td { border: 1px solid var(--border-color-primary); padding: 2px 6px; }
.source-empty { color: var(--body-text-color-subdued); }
.doc-table { width: 100%; border-collapse: collapse; font-size: 0.9em; }
.doc-table th, .doc-table td { border-bottom: 1px solid var(--border-color-primary); padding: 4px 6px; text-align: left; }
.doc-table td:nth-child(2), .doc-table td:nth-child(3) { white-space: nowrap; }
"""


class AssistantLike(Protocol):
    """What the page needs from `assistant.Assistant` (a fake with these methods serves tests)."""

    def ask(
        self, question: str, doc: str | Sequence[str] | None = None, history: Sequence[tuple[str, str]] = ()
    ) -> Answer: ...

    def ingest(
        self, paths: Iterable[Path], *, rebuild: bool = False, progress: Progress | None = None
    ) -> IngestReport: ...

    def documents(self) -> list[dict[str, Any]]: ...

    def remove(self, doc_id: str) -> None: ...

    def example_questions(self, doc_id: str | None = None) -> list[str]: ...


class Runtime:
    """Holds the page's one Assistant, opening it in the background so the page can show the first indexing."""

    def __init__(self) -> None:
        self._qa: AssistantLike | None = None
        self._error: str | None = None
        self._ready = threading.Event()
        self.status: tuple[int, int, str] = (0, 0, "正在打开文档库…")
        self.store_lock = threading.Lock()  # uploads and removals one at a time

    @classmethod
    def ready(cls, qa: AssistantLike) -> Runtime:
        """A runtime around an already opened Assistant."""
        runtime = cls()
        runtime._qa = qa
        runtime._ready.set()
        return runtime

    @classmethod
    def opening(cls, opener: Callable[[Progress], AssistantLike]) -> Runtime:
        """Start `opener(progress)` in a thread; handlers wait for it."""
        runtime = cls()
        threading.Thread(target=runtime._open, args=(opener,), name="budgetqa-open", daemon=True).start()
        return runtime

    def _open(self, opener: Callable[[Progress], AssistantLike]) -> None:
        try:
            self._qa = opener(self._report)
        except Exception as err:  # UI boundary: show any failure on the page instead of dying silently
            self._error = f"文档库无法打开：{err}"
            print(self._error, file=sys.stderr, flush=True)
        finally:
            self._ready.set()

    def _report(self, done: int, total: int, message: str) -> None:
        if message != self.status[2]:
            print(f"[{done}/{total}] {message}", file=sys.stderr, flush=True)
        self.status = (done, total, message)

    def wait(self, progress: gr.Progress | None = None) -> AssistantLike:
        """The Assistant, once open; meanwhile mirror the opening progress onto `progress`."""
        while not self._ready.wait(0.25):
            if progress is not None:
                done, total, message = self.status
                progress((done, total) if total else None, desc=message)
        if self._error or self._qa is None:
            raise gr.Error(self._error or "文档库无法打开。")
        return self._qa


def parse_auth(auth: str | None) -> tuple[str, str] | None:
    """`user:pass` (from BUDGETQA_AUTH / settings.auth) as Gradio's login pair."""
    if not auth:
        return None
    user, sep, password = auth.partition(":")
    if not sep or not user or not password:
        raise BudgetQAError("BUDGETQA_AUTH 应为 user:pass 形式 (login must be given as user:pass)")
    return user, password


def build_app(runtime: Runtime) -> gr.Blocks:
    """Lay out the page and wire every event to the Assistant held by `runtime`."""

    def docs_outputs(qa: AssistantLike, scope: Sequence[str]) -> tuple[Any, ...]:
        summaries = qa.documents()
        ids = {s["doc_id"] for s in summaries}
        choices = [(render.document_label(s), s["doc_id"]) for s in summaries]
        kept = [d for d in scope if d in ids]
        return (
            f"文档库：{len(summaries)} 份文档。",
            render.documents_html(summaries),
            gr.update(choices=choices, value=kept),
            gr.update(choices=choices, value=None),
            examples_update(qa, kept),
        )

    def examples_update(qa: AssistantLike, scope: Sequence[str]) -> Any:
        questions = qa.example_questions(scope[0] if len(scope) == 1 else None)
        return gr.Dataset(samples=[[q] for q in questions])

    def chips_update(citations: Sequence[dict[str, Any]]) -> Any:
        choices = [(render.chip_label(i, c), str(i)) for i, c in enumerate(citations, 1)]
        return gr.update(choices=choices, value=None, visible=bool(choices))

    def on_load(progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008 (Gradio injects it)
        return docs_outputs(runtime.wait(progress), [])

    def respond(
        message: str, chat: list[dict[str, Any]], scope: list[str] | None, turns: list[dict[str, Any]]
    ) -> Iterator[tuple[Any, ...]]:
        question = (message or "").strip()
        if not question:
            raise gr.Error("请输入问题。")
        qa = runtime.wait()
        chat = [*(chat or []), {"role": "user", "content": question}, {"role": "assistant", "content": "…"}]
        keep = gr.update()
        yield chat, "", turns, chips_update([]), render.source_html(None), []
        history = [(t["question"], t["answer"]) for t in turns if t["answer"]]
        try:
            answer: Answer | None = qa.ask(question, doc=scope or None, history=history)
        except BudgetQAError as err:
            answer = None
            text = f"⚠️ {err}"
        except Exception as err:  # UI boundary: keep the session alive, log the traceback
            traceback.print_exc()
            answer = None
            text = f"⚠️ 内部错误（internal error）：{err}"
        if answer is not None:
            text = render.answer_markdown(answer)
        for piece in render.stream_pieces(text):
            chat[-1] = {"role": "assistant", "content": piece}
            yield chat, "", turns, keep, keep, keep
            time.sleep(STREAM_DELAY_S)
        citations = [render.citation_dict(c) for c in answer.citations] if answer else []
        turns = [*turns, {"question": question, "answer": answer.answer if answer else "", "citations": citations}]
        yield chat, "", turns, chips_update(citations), render.source_html(None), citations

    def show_source(choice: str | None, current: list[dict[str, Any]]) -> str:
        if not choice or not choice.isdigit() or not 1 <= int(choice) <= len(current):
            return render.source_html(None)
        return render.source_html(current[int(choice) - 1])

    def pick_turn(turns: list[dict[str, Any]], evt: gr.SelectData) -> tuple[Any, ...]:
        index = evt.index if isinstance(evt.index, int) else evt.index[0]
        if index % 2 == 0 or index // 2 >= len(turns):  # a question, not an answer
            return gr.update(), gr.update(), gr.update()
        citations = turns[index // 2]["citations"]
        return chips_update(citations), render.source_html(None), citations

    def on_scope(scope: list[str] | None) -> Any:
        return examples_update(runtime.wait(), scope or [])

    def on_upload(
        files: list[str] | None,
        scope: list[str] | None,
        progress: gr.Progress = gr.Progress(),  # noqa: B008
    ) -> tuple[Any, ...]:
        if not files:
            raise gr.Error("请选择 PDF 或 TXT 文件。")
        qa = runtime.wait(progress)

        def report(done: int, total: int, message: str) -> None:
            progress((done, total) if total else None, desc=message)

        with runtime.store_lock:
            result = qa.ingest([Path(f) for f in files], progress=report)
        message = render.ingest_message(result.added, result.skipped, result.failed)
        if result.failed and not result.added and not result.skipped:
            raise gr.Error(message)
        if result.failed:
            gr.Warning(message)
        return (message, None, *docs_outputs(qa, scope or []))

    def on_remove(doc_id: str | None, scope: list[str] | None) -> tuple[Any, ...]:
        if not doc_id:
            raise gr.Error("请先选择要移除的文档。")
        qa = runtime.wait()
        labels = {s["doc_id"]: render.document_label(s) for s in qa.documents()}
        if doc_id not in labels:
            raise gr.Error(f"没有这份文档：{doc_id}")
        with runtime.store_lock:
            qa.remove(doc_id)
        return (f"已移除：{labels[doc_id]}", *docs_outputs(qa, scope or []))

    def documents() -> list[dict[str, Any]]:
        """Summaries of the loaded documents."""
        return runtime.wait().documents()

    def answer(question: str, doc_ids: list[str] | None = None) -> dict[str, Any]:
        """One answer as the `ask --json` object, citations with their table header and row."""
        try:
            result = runtime.wait().ask(question, doc=doc_ids or None)
        except BudgetQAError as err:
            raise gr.Error(str(err)) from err
        data = result.to_json()
        data["citations"] = [render.citation_dict(c) for c in result.citations]
        return data

    with gr.Blocks(title="BudgetQA 预算问答") as demo:
        turns = gr.State([])  # per session: {"question", "answer", "citations"} for each exchange
        current = gr.State([])  # citations behind the chips now shown
        gr.Markdown("## BudgetQA 预算问答\n对部门预算 / 单位预算 / 部门决算提问，答案给出数字和可核对的出处。")
        status = gr.Markdown("正在打开文档库…", elem_id="status")
        with gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(label="对话", height=440, elem_id="chat", feedback_options=None, buttons=["copy"])
                with gr.Row():
                    question = gr.Textbox(
                        placeholder="例如：政府投资项目预算多少", show_label=False, scale=5, elem_id="question"
                    )
                    send = gr.Button("提问", variant="primary", scale=1, elem_id="send")
                examples = gr.Dataset(label="示例问题", components=[question], samples=[], elem_id="examples")
                chips = gr.Radio(label="引用（点击编号查看原文）", choices=[], visible=False, elem_id="citation-chips")
                source = gr.HTML(render.source_html(None), elem_id="source")
                clear = gr.Button("清空对话", elem_id="clear")
            with gr.Column(scale=2):
                gr.Markdown("**已载入文档**")
                docs_table = gr.HTML(render.documents_html([]), elem_id="documents")
                scope = gr.CheckboxGroup(label="提问范围（不选 = 全部文档）", choices=[], elem_id="scope")
                upload = gr.File(label="上传 PDF / TXT", file_types=FILE_TYPES, file_count="multiple", elem_id="upload")
                upload_status = gr.Markdown(elem_id="upload-status")
                with gr.Row():
                    remove_pick = gr.Dropdown(label="移除文档", choices=[], scale=3, elem_id="remove-doc")
                    remove_btn = gr.Button("移除", variant="stop", scale=1, elem_id="remove")

        doc_outputs = [status, docs_table, scope, remove_pick, examples]
        ask_io: dict[str, Any] = {
            "fn": respond,
            "inputs": [question, chatbot, scope, turns],
            "outputs": [chatbot, question, turns, chips, source, current],
            "concurrency_id": "ask",
            "concurrency_limit": ASK_CONCURRENCY,
        }
        question.submit(**ask_io, api_name="ask")
        send.click(**ask_io, api_visibility="private")
        chips.input(show_source, [chips, current], source, api_name="source")
        chatbot.select(pick_turn, [turns], [chips, source, current], api_visibility="private")
        examples.click(
            lambda sample: sample[0] if isinstance(sample, list) else sample,
            [examples],
            [question],
            api_visibility="private",
        )

        def reset() -> tuple[Any, ...]:
            return [], [], gr.update(choices=[], value=None, visible=False), render.source_html(None), []

        clear.click(reset, outputs=[chatbot, turns, chips, source, current], api_name="clear")
        chatbot.clear(reset, outputs=[chatbot, turns, chips, source, current], api_visibility="private")
        scope.change(on_scope, [scope], [examples], api_visibility="private")
        upload.upload(
            on_upload,
            [upload, scope],
            [upload_status, upload, *doc_outputs],
            api_name="upload",
            concurrency_id="store",
            concurrency_limit=1,
        )
        remove_btn.click(
            on_remove,
            [remove_pick, scope],
            [upload_status, *doc_outputs],
            api_name="remove",
            concurrency_id="store",
            concurrency_limit=1,
        )
        demo.load(on_load, outputs=doc_outputs, api_name="status")
        gr.api(documents, api_name="documents")
        gr.api(answer, api_name="answer", concurrency_id="ask", concurrency_limit=ASK_CONCURRENCY)
    return demo


def launch(
    demo: gr.Blocks,
    *,
    host: str = "127.0.0.1",
    port: int = 7860,
    share: bool = False,
    auth: tuple[str, str] | None = None,
    block: bool = True,
) -> None:
    """Start the queue and the server (returns at once with `block=False`, for tests)."""
    demo.queue(default_concurrency_limit=ASK_CONCURRENCY)
    demo.launch(
        server_name=host,
        server_port=port,
        share=share,
        auth=auth,
        prevent_thread_lock=not block,
        css=CSS,
        footer_links=["api"],
        quiet=not block,
    )


def serve(settings: Settings, *, share: bool = False) -> None:
    """Open (and if empty, seed) the store in the background and serve the page until interrupted."""
    from assistant.assistant import Assistant

    auth = parse_auth(settings.auth)
    runtime = Runtime.opening(lambda progress: Assistant.open(settings, seed_sample=True, progress=progress))
    launch(build_app(runtime), host=settings.host, port=settings.port, share=share, auth=auth)
