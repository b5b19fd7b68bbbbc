"""The chat page: a Gradio Blocks app that is a thin adapter over `Assistant`.

Everything that reads, retrieves or answers goes through the Assistant. The page is split
by concern: `ui_layout` (components, theme, CSS), `ui_events` (what each event does),
`ui_render` (escaped text and our own markup), `ui_upload` (size limit, deleting uploads) and
`ui_server` (bind address, login throttling, warnings, log), `ui_runtime` (the one Assistant, opened
in the background). This module wires events to handlers and launches the server.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import gradio as gr

from assistant import ui_history as history
from assistant import ui_overview as overview
from assistant.ui_events import Handlers
from assistant.ui_layout import CITE_JS, CSS, Page, lay_out, theme, translations
from assistant.ui_runtime import AssistantLike, Runtime
from assistant.ui_server import (
    AUTH_MESSAGE,
    ClientAddress,
    LoginThrottle,
    configure_logging,
    exposure_warning,
    parse_auth,
)
from assistant.ui_upload import CEILING_FACTOR, DEFAULT_MAX_UPLOAD_MB, private_upload_folder, upload_limit_mb
from index.settings import Settings

__all__ = ["AssistantLike", "Runtime", "build_app", "launch", "parse_auth", "serve"]

ASK_CONCURRENCY = 8  # questions answered at once; the rest wait in Gradio's queue
QUIET: dict[str, Any] = {"show_progress": "hidden"}  # progress is shown in our own lines, never as overlays
ASKING: dict[str, Any] = {"concurrency_id": "ask", "concurrency_limit": ASK_CONCURRENCY, **QUIET}
STORING: dict[str, Any] = {"concurrency_id": "store", "concurrency_limit": 1, **QUIET}


def build_app(runtime: Runtime) -> gr.Blocks:
    """Lay out the page (ui_layout) and wire every event to the handlers around `runtime` (ui_events)."""
    page = lay_out()
    on = Handlers(runtime)
    with page.demo:  # the order of the wiring is the order of the page's events and API
        wire_chat(page, on)
        wire_documents(page, on)
        wire_overview(page, on)
        page.demo.load(
            history.restore,
            [page.saved],
            [page.chatbot, page.turns, page.chips, page.current],
            api_visibility="private",
            **QUIET,
        )
        gr.api(on.documents, api_name="documents")
        gr.api(on.answer, api_name="answer", concurrency_id="ask", concurrency_limit=ASK_CONCURRENCY)
    return page.demo


def wire_chat(page: Page, on: Handlers) -> None:
    """Asking (typed, sent or an example), the citations shown, clearing and exporting; each saves the history."""
    reset_outputs = [page.chatbot, page.turns, page.chips, page.source, page.current, page.hint]
    answer_outputs = [page.chatbot, page.question, page.turns, page.chips, page.source, page.current, page.hint]
    ask_inputs = [page.question, page.chatbot, page.scope, page.turns]
    keep: dict[str, Any] = {"fn": history.save, "inputs": [page.turns], "outputs": [page.saved], **QUIET}
    page.question.submit(on.respond, ask_inputs, answer_outputs, api_name="ask", **ASKING).then(**keep)
    page.send.click(on.respond, ask_inputs, answer_outputs, api_visibility="private", **ASKING).then(**keep)
    page.chatbot.example_select(
        on.ask_example,
        [page.chatbot, page.scope, page.turns],
        answer_outputs,
        api_visibility="private",
        **ASKING,
    ).then(**keep)
    page.chips.input(on.show_source, [page.chips, page.current], page.source, api_name="source", **QUIET)
    page.cite_request.change(
        on.on_cite,
        [page.cite_request, page.turns],
        [page.chips, page.source, page.current],
        api_visibility="private",
        **QUIET,
    )
    page.chatbot.select(
        on.pick_turn, [page.turns], [page.chips, page.source, page.current], api_visibility="private", **QUIET
    )
    page.examples.click(
        lambda sample: sample[0] if isinstance(sample, list) else sample,
        [page.examples],
        [page.question],
        api_visibility="private",
        **QUIET,
    )
    page.clear.click(on.reset, outputs=reset_outputs, api_name="clear", **QUIET).then(**keep)
    page.chatbot.clear(on.reset, outputs=reset_outputs, api_visibility="private", **QUIET).then(**keep)
    page.export.click(history.export, [page.turns], [page.export_files, page.hint], api_visibility="private", **QUIET)


def wire_documents(page: Page, on: Handlers) -> None:
    """The scope, uploads and removals (one at a time), and the document list when the page loads."""
    welcome = [page.examples, page.chatbot]
    doc_outputs = [page.status, page.docs_table, page.scope, page.remove_pick, *welcome]
    page.scope.change(on.on_scope, [page.scope], welcome, api_visibility="private", **QUIET)
    page.upload.upload(
        on.on_upload,
        [page.upload, page.scope],
        [page.upload_status, page.upload, *doc_outputs],
        api_name="upload",
        **STORING,
    )
    page.remove_btn.click(
        on.on_remove,
        [page.remove_pick, page.scope],
        [page.upload_status, *doc_outputs],
        api_name="remove",
        **STORING,
    )
    page.demo.load(on.on_load, outputs=doc_outputs, api_name="status", **QUIET)


def wire_overview(page: Page, on: Handlers) -> None:
    """The 文档概览 tab: opening it, picking a document, clicking a figure for its source."""
    page.overview_tab.select(
        lambda current: overview.on_overview_tab(on, current),
        [page.overview_pick],
        [page.overview_pick, page.overview_body, page.overview_cites, page.overview_source],
        api_visibility="private",
        **QUIET,
    )
    page.overview_pick.input(
        lambda doc_id: overview.on_overview_pick(on, doc_id),
        [page.overview_pick],
        [page.overview_body, page.overview_cites, page.overview_source],
        api_visibility="private",
        **QUIET,
    )
    page.overview_request.change(
        lambda request, cites: overview.on_overview_cite(on, request, cites),
        [page.overview_request, page.overview_cites],
        [page.overview_source],
        api_visibility="private",
        **QUIET,
    )


def launch(
    demo: gr.Blocks,
    *,
    host: str = "127.0.0.1",
    port: int = 7860,
    share: bool = False,
    auth: tuple[str, str] | None = None,
    block: bool = True,
    max_upload_mb: float = DEFAULT_MAX_UPLOAD_MB,
) -> None:
    """Start the queue and the server (returns at once with `block=False`, for tests).

    A login is checked by `LoginThrottle` (per client address); Gradio itself refuses uploads
    over CEILING_FACTOR × the limit, the page refuses those over the limit in Chinese.
    """
    from starlette.middleware import Middleware

    warning = exposure_warning(host, share, auth)
    if warning:
        print(warning, file=sys.stderr, flush=True)
    demo.queue(default_concurrency_limit=ASK_CONCURRENCY)
    demo.launch(
        server_name=host,
        server_port=port,
        share=share,
        auth=LoginThrottle(*auth) if auth else None,
        auth_message=AUTH_MESSAGE if auth else None,
        prevent_thread_lock=not block,
        css=CSS,
        js=CITE_JS,
        theme=theme(),
        i18n=translations(),
        footer_links=["api"],
        quiet=not block,
        max_file_size=f"{int(max_upload_mb * CEILING_FACTOR)}mb",
        app_kwargs={"middleware": [Middleware(ClientAddress)]},
    )


def serve(settings: Settings, *, share: bool = False) -> None:
    """Open (and if empty, seed) the store in the background and serve the page until interrupted."""
    from assistant.assistant import Assistant

    configure_logging()
    auth = parse_auth(settings.auth)
    limit = upload_limit_mb(settings)
    os.environ.setdefault("GRADIO_TEMP_DIR", str(private_upload_folder(settings.home)))
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # no third-party bars in the server log
    runtime = Runtime.opening(
        lambda progress: Assistant.open(settings, seed_sample=True, progress=progress), max_upload_mb=limit
    )
    launch(
        build_app(runtime),
        host=settings.host,
        port=settings.port,
        share=share,
        auth=auth,
        max_upload_mb=limit,
    )
