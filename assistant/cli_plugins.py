"""Commands other parts of the project add to `budgetqa` (the eval's `eval` and `bench`), found by entry point.

A package declares `[project.entry-points."budgetqa.commands"] NAME = "module:register"` in pyproject.toml;
`register(app)` adds its commands to the Typer app, so the product never imports them. The installed
distribution's entry points are read (one file, fast for a cold `ask`); run from a checkout that was not
reinstalled since (PYTHONPATH), the checkout's own pyproject.toml is read for the same table.
"""

from __future__ import annotations

import importlib
import tomllib
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

import typer

GROUP = "budgetqa.commands"
CHECKOUT_PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def installed_commands() -> dict[str, str]:
    """NAME -> "module:function" from the installed budgetqa distribution (none when it is not installed)."""
    try:
        entry_points = distribution("budgetqa").entry_points
    except PackageNotFoundError:
        return {}
    return {ep.name: ep.value for ep in entry_points.select(group=GROUP)}


def checkout_commands(pyproject: Path = CHECKOUT_PYPROJECT) -> dict[str, str]:
    """NAME -> "module:function" declared in the pyproject.toml beside the package, when run from a checkout."""
    if not pyproject.is_file():
        return {}
    project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
    declared = project.get("entry-points", {}).get(GROUP, {})
    return {str(name): str(value) for name, value in declared.items()}


def load_command(value: str) -> Callable[[typer.Typer], None] | None:
    """The `register` function an entry point names, or None when its module is not there (not installed)."""
    module_name, _, attr = value.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as err:
        missing = err.name or ""
        if missing and f"{module_name}.".startswith(f"{missing}."):  # the plugin itself, not one of its imports
            return None
        raise
    register: Callable[[typer.Typer], None] = getattr(module, attr or "register")
    return register


def add_commands(app: typer.Typer) -> None:
    """Let every declared plugin add its commands to `app` (the checkout's declaration wins over a stale install)."""
    declared = installed_commands() | checkout_commands()
    for value in declared.values():
        register = load_command(value)
        if register is not None:
            register(app)
