"""What the chat page does on each event: asking, showing sources, uploading and removing documents.

Handlers never raise for a person's mistake: an empty question gets a one-line hint under
the box, a refused question a one-line notice inside the conversation, a failed upload a
line under the upload box; each is logged as one line. Only a bug logs a traceback.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Generator, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr

from assistant import ui_render as render
from assistant.answer_types import Answer
from assistant.help import help_text, is_help_request
from assistant.ui_upload import remove_uploads, screen_uploads, upload_root
from index.errors import BudgetQAError

if TYPE_CHECKING:
    from assistant.ui_runtime import AssistantLike, Runtime

log = logging.getLogger("budgetqa.web")

STREAM_DELAY_S = 0.02  # pause between streamed pieces of an answer
LIVE_POLL_S = 0.1  # LLM mode: how often the growing written answer is refreshed
POLL_S = 0.25  # how often a running upload's progress line is refreshed
WELCOME_EXAMPLES = 3
EMPTY_HINT = "请先输入问题，例如：政府投资项目预算多少？"
Outputs = tuple[Any, ...]


def one_line(err: BaseException) -> str:
    """An error's message as one Chinese line (the part before ` / English`, first line only)."""
    text = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    chinese, sep, _english = text.partition(" / ")
    return chinese if sep and any("\u4e00" <= ch <= "\u9fff" for ch in chinese) else text


class Handlers:
    """The page's event handlers, around the Assistant held by `runtime`."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.upload_root = upload_root()  # where this app's Gradio saves uploads (read when the app is built)

    # -- documents ---------------------------------------------------------------------------------

    def docs_outputs(self, qa: AssistantLike, scope: Sequence[str]) -> Outputs:
        """status, document table, scope picker, remove picker, example questions, chat welcome."""
        summaries = qa.documents()
        ids = {s["doc_id"] for s in summaries}
        choices = [(render.document_label(s), s["doc_id"]) for s in summaries]
        kept = [d for d in scope if d in ids]
        return (
            f"文档库：{len(summaries)} 份文档。",
            render.documents_html(summaries),
            gr.update(choices=choices, value=kept),
            gr.update(choices=choices, value=None),
            *self.examples_outputs(qa, kept, summaries),
        )

    def examples_outputs(
        self, qa: AssistantLike, scope: Sequence[str], summaries: Sequence[dict[str, Any]] | None = None
    ) -> Outputs:
        """The example questions under the box and the empty chat's welcome with its clickable examples."""
        summaries = qa.documents() if summaries is None else summaries
        questions = qa.example_questions(scope[0] if len(scope) == 1 else None)
        shown = [s for s in summaries if s["doc_id"] in scope] if scope else summaries
        welcome = gr.update(
            placeholder=render.welcome_markdown(shown),
            examples=[{"text": q} for q in questions[:WELCOME_EXAMPLES]] or None,
        )
        return gr.Dataset(samples=[[q] for q in questions]), welcome

    def on_load(self) -> Iterator[Outputs]:
        """Mirror the store's opening (and first indexing) as one status line, then show the documents."""
        keep = (gr.skip(),) * 5
        while not self.runtime.is_ready(timeout=0.5):
            done, total, message = self.runtime.status
            yield (render.inert(f"正在打开文档库：{render.progress_line(done, total, message)}"), *keep)
        try:
            qa = self.runtime.wait()
        except BudgetQAError as err:
            yield (render.inert(one_line(err)), *keep)
            return
        yield self.docs_outputs(qa, [])

    def on_scope(self, scope: list[str] | None) -> Outputs:
        try:
            return self.examples_outputs(self.runtime.wait(), scope or [])
        except BudgetQAError:
            return gr.skip(), gr.skip()

    def on_upload(self, files: list[str] | None, scope: list[str] | None) -> Iterator[Outputs]:
        """Check sizes, index in a worker thread while a Chinese progress line is shown; uploads always deleted."""
        paths = [Path(f) for f in files or []]
        keep = (gr.skip(),) * 6
        job: _IngestJob | None = None
        try:
            if not paths:
                yield (render.line_html("请选择 PDF 或 TXT 文件。", "error"), None, *keep)
                return
            qa = self.runtime.wait()
            accepted, refused = screen_uploads(paths, self.runtime.max_upload_mb)
            added: list[dict[str, Any]] = []
            skipped: list[str] = []
            failed = list(refused)
            if accepted:
                job = _IngestJob(qa, accepted, self.runtime.store_lock, self.upload_root)
                shown = ""
                while not job.finished.wait(POLL_S):
                    if job.line != shown:
                        shown = job.line
                        yield (render.line_html(shown), gr.skip(), *keep)
                if job.error is not None:
                    raise job.error
                added, skipped = job.report.added, job.report.skipped
                failed = [*failed, *job.report.failed]
            for name, reason in failed:
                log.info("upload not indexed: %s: %s", name, reason)
            message = render.ingest_message(added, skipped, failed)
            kind = "error" if failed and not added and not skipped else "ok"
            yield (render.line_html(message, kind), None, *self.docs_outputs(qa, scope or []))
        except BudgetQAError as err:
            log.info("upload failed: %s", one_line(err))
            yield (render.line_html(one_line(err), "error"), None, *keep)
        except Exception as err:  # UI boundary: keep the session alive, log the traceback
            log.exception("upload failed")
            yield (render.line_html(f"上传失败（内部错误）：{one_line(err)}", "error"), None, *keep)
        finally:  # the job deletes what it reads once done, even if the page has gone
            remove_uploads([p for p in paths if job is None or p not in job.paths], self.upload_root)

    def on_remove(self, doc_id: str | None, scope: list[str] | None) -> Outputs:
        keep = (gr.skip(),) * 6
        if not doc_id:
            return (render.line_html("请先选择要移除的文档。", "error"), *keep)
        try:
            qa = self.runtime.wait()
            labels = {s["doc_id"]: render.document_label(s) for s in qa.documents()}
            if doc_id not in labels:
                log.info("remove refused: no document %s", doc_id)
                return (render.line_html(f"没有这份文档：{doc_id}", "error"), *keep)
            with self.runtime.store_lock:
                qa.remove(doc_id)
        except BudgetQAError as err:
            log.info("remove failed: %s", one_line(err))
            return (render.line_html(one_line(err), "error"), *keep)
        return (render.line_html(f"已移除：{labels[doc_id]}", "ok"), *self.docs_outputs(qa, scope or []))

    # -- asking ------------------------------------------------------------------------------------

    def respond(
        self, message: str, chat: list[dict[str, Any]] | None, scope: list[str] | None, turns: list[dict[str, Any]]
    ) -> Iterator[Outputs]:
        """chat, question box, turns, chips, source, current citations, hint; the answer streamed into the chat."""
        question = (message or "").strip()
        if not question:
            yield (*(gr.skip(),) * 6, render.line_html(EMPTY_HINT))
            return
        chat = [*(chat or []), render.chat_message("user", question), render.chat_message("assistant", "…")]
        keep = gr.skip()
        yield chat, "", turns, self.chips_update([]), render.source_html(None), [], ""
        answer: Answer | None = None
        live = False
        try:
            qa = self.runtime.wait()
            if is_help_request(question):
                text = help_text(qa.documents(), qa.example_questions(scope[0] if scope and len(scope) == 1 else None))
            else:
                history = [(t["question"], t["answer"]) for t in turns if t["answer"]]
                live = getattr(qa, "llm", None) is not None  # LLM mode: the written answer streams as it is checked
                if live:
                    answer = yield from self._ask_live(qa, question, scope or None, history, chat, turns)
                else:
                    answer = qa.ask(question, doc=scope or None, history=history)
                text = render.answer_text(answer)
        except BudgetQAError as err:
            log.info("question not answered: %s", one_line(err))
            text = f"⚠️ {one_line(err)}"
        except Exception as err:  # UI boundary: keep the session alive, log the traceback
            log.exception("question failed: %s", question[:80])
            text = f"⚠️ 内部错误，这个问题没能回答：{one_line(err)}"
        for piece in [text] if live else render.stream_pieces(text):
            chat[-1] = render.chat_message("assistant", piece)
            yield chat, "", turns, keep, keep, keep, keep
            time.sleep(0 if live else STREAM_DELAY_S)
        citations = [render.citation_dict(c) for c in answer.citations] if answer else []
        turn = {
            "question": question,
            "answer": answer.answer if answer else "",
            "text": text,
            "value": answer.value if answer else None,
            "unit": answer.unit if answer else None,
            "citations": citations,
        }
        turns = [*turns, turn]
        yield chat, "", turns, self.chips_update(citations), render.source_html(None), citations, ""

    @staticmethod
    def _ask_live(
        qa: AssistantLike,
        question: str,
        scope: list[str] | None,
        history: list[tuple[str, str]],
        chat: list[dict[str, Any]],
        turns: list[dict[str, Any]],
    ) -> Generator[Outputs, None, Answer]:
        """Ask in a worker thread; show the written answer as it grows, only sentences already grounded."""
        from assistant.llm_route import stream_to

        grown: list[str] = []
        box: dict[str, Any] = {}
        done = threading.Event()

        def run() -> None:
            try:
                with stream_to(grown.append):
                    box["answer"] = qa.ask(question, doc=scope, history=history)
            except BaseException as err:  # handed to the page's thread, which reports it
                box["error"] = err
            finally:
                done.set()

        threading.Thread(target=run, name="budgetqa-ask", daemon=True).start()
        shown, keep = "", gr.skip()
        while not done.wait(LIVE_POLL_S):
            if grown and grown[-1] != shown:
                shown = grown[-1]
                chat[-1] = render.chat_message("assistant", f"{shown} …")
                yield chat, "", turns, keep, keep, keep, keep
        if "error" in box:
            raise box["error"]
        answer: Answer = box["answer"]
        return answer

    def ask_example(
        self,
        chat: list[dict[str, Any]] | None,
        scope: list[str] | None,
        turns: list[dict[str, Any]],
        evt: gr.SelectData,
    ) -> Iterator[Outputs]:
        """A click on one of the welcome's example questions asks it."""
        value = evt.value if isinstance(evt.value, dict) else {"text": evt.value}
        yield from self.respond(str(value.get("text") or ""), chat, scope, turns)

    @staticmethod
    def chips_update(citations: Sequence[dict[str, Any]]) -> Any:
        choices = [(render.chip_label(i, c), str(i)) for i, c in enumerate(citations, 1)]
        return gr.update(choices=choices, value=None, visible=bool(choices))

    def show_source(self, choice: str | None, current: list[dict[str, Any]]) -> str:
        if not choice or not choice.isdigit() or not 1 <= int(choice) <= len(current):
            return render.source_html(None)
        return self.source_panel(current[int(choice) - 1])

    def source_panel(self, citation: dict[str, Any]) -> str:
        """The source panel for one citation, with the page (or the text's lines) it points at."""
        return render.source_html(citation, self._place_html(citation))

    def _place_html(self, citation: dict[str, Any]) -> str:
        """The cited page cropped and marked (PDF kept in the store), or the lines around it (text); "" if neither."""
        from assistant.ui_pageview import render_view, text_lines_html, view_html
        from index.read.plain import decode_text
        from index.store.files import find_kept

        try:
            qa = self.runtime.wait()
            document, settings = getattr(qa, "document", None), getattr(qa, "settings", None)
            if document is None or settings is None or not citation.get("doc"):
                return ""
            kept = find_kept(settings.home, document(str(citation["doc"])).sha256)
            bbox, page = citation.get("bbox"), citation.get("page")
            if kept is None:
                return ""
            if kept.suffix != ".pdf":
                lines = decode_text(kept, kept.read_bytes()).splitlines()
                return text_lines_html(lines, str(citation.get("quote") or ""), str(citation.get("mark") or ""))
            if not bbox or not page:
                return ""
            pdf = kept
            box = (float(bbox[0]), float(bbox[1]), float(bbox[2]), float(bbox[3]))
            return view_html(render_view(pdf, int(page), box), box)
        except BudgetQAError as err:
            log.info("source page not shown: %s", one_line(err))
        except Exception:  # UI boundary: the quote is still shown
            log.exception("source page could not be rendered: %s", citation.get("locator"))
        return ""

    def on_cite(self, request: str, turns: list[dict[str, Any]]) -> Outputs:
        """A click on `[n]` in an answer (the page's script sends `answer index:n:nonce`): that source, opened."""
        parts = (request or "").split(":")
        if len(parts) < 2 or not parts[0].isdigit() or not parts[1].isdigit() or int(parts[0]) >= len(turns):
            return gr.skip(), gr.skip(), gr.skip()
        citations = turns[int(parts[0])]["citations"]
        n = int(parts[1])
        if not 1 <= n <= len(citations):
            return gr.skip(), gr.skip(), gr.skip()
        choices = [(render.chip_label(i, c), str(i)) for i, c in enumerate(citations, 1)]
        chips = gr.update(choices=choices, value=str(n), visible=True)
        return chips, self.source_panel(citations[n - 1]), citations

    def pick_turn(self, turns: list[dict[str, Any]], evt: gr.SelectData) -> Outputs:
        """Clicking an earlier answer brings back its citation chips."""
        index = evt.index if isinstance(evt.index, int) else evt.index[0]
        if index % 2 == 0 or index // 2 >= len(turns):  # a question, not an answer
            return gr.skip(), gr.skip(), gr.skip()
        citations = turns[index // 2]["citations"]
        return self.chips_update(citations), render.source_html(None), citations

    @staticmethod
    def reset() -> Outputs:
        return [], [], gr.update(choices=[], value=None, visible=False), render.source_html(None), [], ""

    # -- API ---------------------------------------------------------------------------------------

    def documents(self) -> list[dict[str, Any]]:
        """Summaries of the loaded documents."""
        return self.runtime.wait().documents()

    def answer(self, question: str, doc_ids: list[str] | None = None) -> dict[str, Any]:
        """One answer as the `ask --json` object, citations with their table header and row."""
        try:
            result = self.runtime.wait().ask(question, doc=doc_ids or None)
        except BudgetQAError as err:
            log.info("API question not answered: %s", one_line(err))
            raise gr.Error(str(err), print_exception=False) from err
        data = result.to_json()
        data["citations"] = [render.citation_dict(c) for c in result.citations]
        return data


class _IngestJob:
    """`qa.ingest` in a worker thread, its latest progress kept as one Chinese line; deletes the uploads after."""

    def __init__(self, qa: AssistantLike, paths: list[Path], lock: threading.Lock, upload_root: Path) -> None:
        self.line = "等待上一次上传完成…" if lock.locked() else "开始读取…"
        self.finished = threading.Event()
        self.error: BaseException | None = None
        self.paths = paths
        self._qa, self._lock, self._root = qa, lock, upload_root
        self.report: Any = None
        threading.Thread(target=self._run, name="budgetqa-upload", daemon=True).start()

    def _progress(self, done: int, total: int, message: str) -> None:
        self.line = render.progress_line(done, total, message)

    def _run(self) -> None:
        try:
            with self._lock:
                self.report = self._qa.ingest(self.paths, progress=self._progress)
        except BaseException as err:  # handed to the page's thread, which reports it
            self.error = err
        finally:
            remove_uploads(self.paths, self._root)
            self.finished.set()
