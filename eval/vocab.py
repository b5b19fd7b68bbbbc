"""The eval scorer's word lists (eval/data/scoring.toml), read once."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from index.errors import BudgetQAError

SCORING_TOML = Path(__file__).resolve().parent / "data" / "scoring.toml"


@cache
def words() -> dict[str, Any]:
    """The parsed scoring.toml; a broken file is an error naming it."""
    try:
        return tomllib.loads(SCORING_TOML.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise BudgetQAError(f"eval: cannot read {SCORING_TOML}: {err}") from err
