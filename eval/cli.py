"""`budgetqa eval` and `budgetqa bench`: the benchmarks, added to the `budgetqa` app by `register`.

pyproject.toml declares `register` under the entry-point group `budgetqa.commands`, which assistant/cli.py
reads: the product never imports eval. The rest of eval/ is imported only when a command runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from assistant.cli_options import LlmKey, LlmModel, LlmTimeout, LlmUrl, settings, use_llm
from index.errors import BudgetQAError
from index.settings import Settings


def register(app: typer.Typer) -> None:
    """Add `eval` and `bench` to the `budgetqa` app (the entry point pyproject.toml declares)."""
    app.command("eval")(eval_cmd)
    app.command()(bench)


def eval_settings(llm: bool) -> Settings:
    """The run's settings: offline unless --llm, so runs compare; --llm needs a configured endpoint."""
    conf = settings()
    if not llm:  # comparable runs: offline unless asked
        return conf.model_copy(update={"llm_url": None})
    if not (conf.llm_url and conf.llm_model):
        raise BudgetQAError(
            "eval --llm: no endpoint configured (BUDGETQA_LLM_URL and BUDGETQA_LLM_MODEL, or --llm-url)"
        )
    return conf


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
    llm: Annotated[
        bool,
        typer.Option("--llm", help="Use the configured LLM endpoint and report grounding (else the eval is offline)."),
    ] = False,
    llm_url: LlmUrl = None,
    llm_model: LlmModel = None,
    llm_key: LlmKey = None,
    llm_timeout: LlmTimeout = None,
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
    use_llm(llm_url, llm_model, llm_key, llm_timeout)
    conf = eval_settings(llm)
    from eval.progress import progress_bar
    from eval.report import DEFAULT_OUT, render_terminal, to_json
    from eval.run import run_eval

    with progress_bar() as progress:
        report = run_eval(
            files,
            conf,
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


_RUNS_HELP = (
    "Repetitions; medians are reported [default: 3; 1 with --scale-store]. With --scale each run "
    "ingests into a fresh store (300 documents take about 20 minutes a run on 2 cores)."
)


def bench(
    files: Annotated[
        list[Path] | None,
        typer.Argument(help="Question sets (JSONL) naming the documents; default: eval/questions/*.jsonl."),
    ] = None,
    runs: Annotated[int | None, typer.Option("--runs", min=1, help=_RUNS_HELP)] = None,
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
            "unscoped), cold ask and peak RSS. Ignores FILES.",
        ),
    ] = None,
    scale_store: Annotated[
        Path | None,
        typer.Option(
            "--scale-store",
            help="With --scale: keep the store in this folder (reused next time) instead of a temp one; "
            "needs --runs 1.",
        ),
    ] = None,
    server: Annotated[
        bool,
        typer.Option(
            "--server",
            help="With --scale: start `chroma run` on 127.0.0.1 (stopped at the end, also on Ctrl-C) and keep the "
            "vectors there through the HTTP client; adds the server's peak RSS and data size.",
        ),
    ] = False,
) -> None:
    """Benchmarks: ingest time per document, warm ask p50/p95, cold CLI ask, peak memory (medians of --runs).

    With --scale N: a load test over N synthetic documents (ingest, store size, warm and cold ask, peak RSS).
    """
    from eval.report import DEFAULT_OUT

    def progress(done: int, total: int, message: str) -> None:
        typer.echo(f"  {message}", err=True)

    if scale is not None:
        bench_at_scale(scale, scale_store, out or DEFAULT_OUT, server=server, runs=runs or (1 if scale_store else 3))
        return

    from eval.bench import render_bench, run_bench
    from eval.questionset import default_files

    result = run_bench(
        settings(), files or default_files(), runs=runs or 3, progress=progress, out_dir=out or DEFAULT_OUT
    )
    render_bench(result)


def bench_at_scale(scale: int, scale_store: Path | None, out: Path, *, server: bool = False, runs: int = 1) -> None:
    """`bench --scale N`: the load test over N synthetic documents, with a progress bar while they are ingested."""
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
            runs=runs,
            store=scale_store,
            server=server,
            out_dir=out,
            progress=ingest_progress,
            note=lambda message: bar.console.print(f"  {message}"),
        )
    render_scale_bench(result)
