"""`budgetqa` command line: each command parses input, calls one library function, formats output.

Known errors (`BudgetQAError`) print one line and exit 1; tracebacks only with `--debug`.
Heavy modules are imported inside commands so `budgetqa --help` stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from index.errors import BudgetQAError
from index.settings import Settings

app = typer.Typer(
    help="BudgetQA: ask questions of Chinese budget disclosures (部门预算/单位预算/部门决算) and get cited figures.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

_state: dict[str, object] = {"debug": False, "home": None}


@app.callback()
def _root(
    home: Annotated[Path | None, typer.Option(help="Store directory (default: $BUDGETQA_HOME or ~/.local/share/budgetqa).")] = None,
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
