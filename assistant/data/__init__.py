"""Vocabularies and cue patterns of the question side, as TOML data files."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_data(name: str) -> dict[str, Any]:
    """One data file of this package, parsed (cached: the files never change at run time)."""
    return tomllib.loads(resources.files("assistant.data").joinpath(name).read_text("utf-8"))
