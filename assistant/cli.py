"""`budgetqa` command line: each command parses input, calls one library function, formats output.

Known errors (`BudgetQAError`) print one line and exit 1; tracebacks only with `--debug`.
Heavy modules are imported inside commands so `budgetqa --help` stays fast.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from assistant.answer_types import Answer
from assistant.cli_index import docs_app, doctor, models_app
from assistant.cli_options import LlmKey, LlmModel, LlmTimeout, LlmUrl, settings, state, use_llm
from assistant.cli_plugins import add_commands
from index.errors import BudgetQAError

if TYPE_CHECKING:
    from assistant.assistant import Assistant
    from index.ingest import IngestReport

app = typer.Typer(
    help="BudgetQA: ask questions of Chinese budget disclosures (部门预算/单位预算/部门决算) and get cited figures. "
    "Commands, the `ask --json` object and settings: docs/CONTRACT.md.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root(
    home: Annotated[
        Path | None, typer.Option(help="Store directory (default: $BUDGETQA_HOME or ~/.local/share/budgetqa).")
    ] = None,
    debug: Annotated[bool, typer.Option(help="Show tracebacks for errors.")] = False,
) -> None:
    state["home"] = home
    state["debug"] = debug


@app.command()
def inspect(
    file: Annotated[Path, typer.Argument(help="A disclosure: .pdf with a text layer, .txt or .md (UTF-8 or GBK).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print everything read as one JSON object.")] = False,
) -> None:
    """Show what BudgetQA reads from FILE: metadata, sections, tables, fact counts, warnings."""
    from index.read.document import read_document
    from index.read.inspect import render_inspect

    doc = read_document(file)
    typer.echo(render_inspect(doc, as_json=as_json))


@app.command()
def check(
    target: Annotated[str, typer.Argument(help="A disclosure (.pdf/.txt/.md) or a document id from `budgetqa docs`.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as one JSON object.")] = False,
    rules: Annotated[
        Path | None, typer.Option("--rules", help="Rules file (TOML) instead of assistant/data/check_rules.toml.")
    ] = None,
) -> None:
    """Audit a disclosure against itself: sums by 科目编码, row and cross-table totals, narrative vs tables,
    stated changes, completeness. Each finding cites both figures. Exit 0 with findings, 1 only on errors."""
    from assistant.check import check_document, render_report, resolve_document
    from assistant.check_rules import load_rules

    rule_list = load_rules(rules)  # a bad rules file fails before a PDF is read
    doc = resolve_document(target, settings())
    typer.echo(render_report(check_document(doc, rule_list), as_json=as_json))


def _print_answer(ans: Answer, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(ans.to_json(), ensure_ascii=False))
        return
    typer.echo(ans.answer)
    if ans.formula:
        typer.echo(f"  计算：{ans.formula}")
    for i, c in enumerate(ans.citations, 1):
        page = f" 第{c.page}页" if c.page else ""
        typer.echo(f"  [{i}] {c.title}{page} · {c.locator}")
        typer.echo(f"      “{c.quote}”")
    for w in ans.warnings:
        typer.echo(f"  注意：{w}")


def _open_assistant(quiet: bool = False) -> Assistant:
    from assistant.assistant import Assistant

    def progress(done: int, total: int, message: str) -> None:
        if not quiet:
            typer.echo(f"  [{done}/{total}] {message}", err=True)

    qa = Assistant.open(settings(), progress=progress)
    if qa.store.reseeded:
        typer.echo(
            "（存储由旧版本建立且只含内置示例：已按本版本重建 / rebuilt the sample-only store of an older version）",
            err=True,
        )
    if qa.seeded:
        typer.echo("（存储为空：已先索引内置示例文件 深圳市大鹏新区政务服务数据管理局 2022年部门预算）", err=True)
    return qa


def _error_record(question: str, err: Exception) -> dict[str, object]:
    """An `ask --json` record for a question that got no answer: the contract's fields, abstained, plus `error`."""
    record = Answer(question=question, answer=f"错误：{err}", abstained=True).to_json()
    record["error"] = str(err)
    return record


@app.command()
def ask(
    question: Annotated[
        str,
        typer.Argument(
            help="问题 in Chinese, or '-' to read one question per line from stdin: one answer (with --json one "
            "JSON record) per input line, in order; an empty or failing line gets an error record."
        ),
    ],
    doc: Annotated[
        list[str] | None, typer.Option("--doc", help="Limit to this document ID (repeatable); see `budgetqa docs`.")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object per answer (contract: docs/CONTRACT.md).")
    ] = False,
    llm_url: LlmUrl = None,
    llm_model: LlmModel = None,
    llm_key: LlmKey = None,
    llm_timeout: LlmTimeout = None,
) -> None:
    """Answer one question with cited figures (indexes the bundled sample first if the store is empty)."""
    use_llm(llm_url, llm_model, llm_key, llm_timeout)
    qa = _open_assistant(quiet=as_json)
    if question != "-":
        try:
            answer = qa.ask(question, doc=doc or None)
        except BudgetQAError as err:
            if as_json:
                typer.echo(json.dumps(_error_record(question, err), ensure_ascii=False))
            raise
        _print_answer(answer, as_json)
        return
    for line in sys.stdin:  # streamed: each answer is printed (and flushed) before the next line is read
        q = line.strip()
        try:
            answer = qa.ask(q, doc=doc or None)
        except Exception as err:  # one bad line must not end the batch or shift the records
            if not isinstance(err, BudgetQAError):
                if state["debug"]:
                    raise
                err = BudgetQAError(f"内部错误 / internal error: {type(err).__name__}: {err}")
                typer.echo(f"错误 / error: {err}", err=True)
            typer.echo(json.dumps(_error_record(q, err), ensure_ascii=False) if as_json else f"错误：{err}")
            continue
        _print_answer(answer, as_json)


@app.command()
def chat(
    doc: Annotated[list[str] | None, typer.Option("--doc", help="Limit to this document ID (repeatable).")] = None,
    llm_url: LlmUrl = None,
    llm_model: LlmModel = None,
    llm_key: LlmKey = None,
    llm_timeout: LlmTimeout = None,
) -> None:
    """Interactive questions with follow-ups ("那2021年呢？"). Empty line or Ctrl-D to quit."""
    use_llm(llm_url, llm_model, llm_key, llm_timeout)
    from assistant.help import help_text, is_help_request

    qa = _open_assistant()
    history: list[tuple[str, str]] = []
    typer.echo("BudgetQA 对话：输入问题，空行退出；输入“帮助”看能问什么。")
    while True:
        try:
            q = input("问> ").strip()
        except EOFError:
            break
        if not q:
            break
        if is_help_request(q):
            typer.echo(help_text(qa.documents(), qa.example_questions(doc[0] if doc and len(doc) == 1 else None)))
            continue
        try:
            answer = qa.ask(q, doc=doc or None, history=history)
        except BudgetQAError as err:
            typer.echo(f"错误：{err}")
            continue
        _print_answer(answer, as_json=False)
        history.append((q, answer.answer))


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Bind address (default $GRADIO_SERVER_NAME or 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default $GRADIO_SERVER_PORT or 7860).")] = None,
    share: Annotated[bool, typer.Option(help="Also open a public Gradio share link.")] = False,
    llm_url: LlmUrl = None,
    llm_model: LlmModel = None,
    llm_key: LlmKey = None,
    llm_timeout: LlmTimeout = None,
) -> None:
    """The chat page (same as `python app.py`); login with BUDGETQA_AUTH=user:pass."""
    use_llm(llm_url, llm_model, llm_key, llm_timeout)
    from assistant.ui import serve as serve_page
    from assistant.ui_server import bind_overrides

    serve_page(settings().with_overrides(**bind_overrides(host, port)), share=share)


# -- index commands: ingest, docs, models ------------------------------------------------------

app.add_typer(docs_app, name="docs")
app.add_typer(models_app, name="models")
app.command()(doctor)
add_commands(app)  # eval and bench, declared in pyproject.toml ("budgetqa.commands")


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files (.pdf .txt .md) or folders (searched recursively).")],
    rebuild: Annotated[
        bool,
        typer.Option(
            help="Replace the whole store with exactly these files (also after changing the model). Every file is "
            "checked and read into a new store beside the old one, which is swapped in only if all went in; "
            "otherwise the old store is left exactly as it was."
        ),
    ] = False,
    max_mb: Annotated[
        float | None,
        typer.Option(
            "--max-mb", min=0.001, help="Refuse files larger than this many MB (default 50, BUDGETQA_MAX_UPLOAD_MB)."
        ),
    ] = None,
    max_pages: Annotated[
        int | None,
        typer.Option(
            "--max-pages",
            min=1,
            help="Refuse files with more pages (default 300, BUDGETQA_MAX_PAGES; a text file: one page per 9 KB).",
        ),
    ] = None,
) -> None:
    """Read and index disclosures. A file already stored (or a copy of a stored document in another encoding) is
    skipped, and the stored one checked and healed. Exit 1 if any file failed or no file was found."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from index.ingest import ingest as ingest_files
    from index.rebuild import rebuild_store
    from index.store.opening import open_store

    conf = settings()
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task("ingest", total=None)

        def progress(done: int, total: int, message: str) -> None:
            bar.update(task, completed=done, total=total, description=message[:40])

        if rebuild:
            report = rebuild_store(conf, paths, progress=progress, max_mb=max_mb, max_pages=max_pages)
        else:
            store = open_store(conf)
            store.lock.on_wait = lambda message: bar.console.print(message, style="dim")
            report = ingest_files(store, paths, progress=progress, max_mb=max_mb, max_pages=max_pages)
    print_ingest_report(report, paths)


def print_ingest_report(report: IngestReport, paths: list[Path]) -> None:
    """One line per file added, skipped, healed or failed, then the counts; exit 1 on a failure or nothing read."""
    for summary in report.added if not report.kept else []:
        typer.echo(
            f"added   {summary['doc_id']}  {summary['file_name']}  ({summary['tables']} tables, {summary['facts']} facts)"
        )
    for name in report.skipped if not report.kept else []:
        same = report.same_as.get(name)
        typer.echo(f"skipped {name} (already in the store{' as ' + same if same else ''})")
    for note in report.healed:
        typer.echo(f"healed  {note}")
    for name, reason in report.failed:
        typer.echo(f"failed  {name}: {reason}", err=True)
    if report.unsupported:
        shown = ", ".join(Path(p).name for p in report.unsupported[:10])
        more = f" … (+{len(report.unsupported) - 10})" if len(report.unsupported) > 10 else ""
        typer.echo(f"跳过了不支持的文件 / skipped unsupported files (not .pdf/.txt/.md): {shown}{more}", err=True)
    if report.kept:
        typer.echo("重建已放弃，文档库保持不变 / rebuild refused: the store was left exactly as it was", err=True)
        raise typer.Exit(1)
    added = len(report.added)
    typer.echo(f"{added} added, {len(report.skipped)} skipped, {len(report.failed)} failed")
    if not added and not report.skipped and not report.failed:
        where = ", ".join(str(p) for p in paths)
        typer.echo(f"错误 / error: 在 {where} 中没有找到可读取的文件（.pdf .txt .md） / no files to ingest", err=True)
        raise typer.Exit(1)
    if report.failed:
        raise typer.Exit(1)


def main() -> None:
    """Console-script entry point: run the app, turning known errors into one line."""
    try:
        app()
    except BudgetQAError as err:
        if state["debug"]:
            raise
        typer.echo(f"错误 / error: {err}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
