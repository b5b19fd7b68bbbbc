"""Vocabularies and cue patterns of the question side, as TOML data files."""

from __future__ import annotations

from typing import Any

from index import lexicon


def load_data(name: str) -> dict[str, Any]:
    """One data file of this package, parsed (through `index.lexicon`, cached: the files never change at run time)."""
    return lexicon.load_data("assistant.data", name)
