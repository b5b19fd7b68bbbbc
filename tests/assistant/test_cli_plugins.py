"""`eval` and `bench` reach `budgetqa` through the `budgetqa.commands` entry point, not an import of eval."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from assistant.cli import app
from assistant.cli_plugins import add_commands, checkout_commands, load_command


def test_the_checkout_declares_the_eval_commands() -> None:
    assert checkout_commands() == {"eval": "eval.cli:register"}


def test_a_pyproject_without_the_table_declares_nothing(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert checkout_commands(pyproject) == {}
    assert checkout_commands(tmp_path / "missing.toml") == {}


def test_budgetqa_has_eval_and_bench_in_their_old_place() -> None:
    names = [command.name or command.callback.__name__ for command in app.registered_commands if command.callback]
    assert names[names.index("doctor") :] == ["doctor", "eval", "bench", "ingest"]


@pytest.mark.parametrize(
    ("command", "option"), [("eval", "--no-long-form"), ("bench", "--scale-store"), ("eval", "--lodo-budget")]
)
def test_the_registered_commands_keep_their_options(command: str, option: str) -> None:
    fresh = typer.Typer()
    fresh.command()(lambda: None)  # a second command, so typer keeps the command names
    add_commands(fresh)
    result = CliRunner().invoke(fresh, [command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert option in result.output


def test_a_missing_plugin_is_skipped_but_a_broken_one_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_command("no_such_budgetqa_plugin.cli:register") is None
    (tmp_path / "broken_budgetqa_plugin.py").write_text("import no_such_dependency_of_it\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ModuleNotFoundError, match="no_such_dependency_of_it"):
        load_command("broken_budgetqa_plugin:register")
