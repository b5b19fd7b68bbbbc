"""The cue patterns of assistant/data/question.toml, compiled once, and the organisation words of answering.toml:
what every step that reads a question's words looks for."""

from __future__ import annotations

import re
from functools import cache

from assistant.data import load_data


@cache
def cues() -> dict[str, re.Pattern[str]]:
    """Every cue pattern of assistant/data/question.toml, compiled once, by name."""
    data = load_data("question.toml")
    pieces = data["pieces"]
    return {
        name: re.compile(_PIECE.sub(lambda m: pieces[m.group(1)], p)) for name, p in data.items() if isinstance(p, str)
    }


_PIECE = re.compile("⟨(\\w+)⟩")  # a piece several cues share (question.toml [pieces])


def cue(name: str) -> re.Pattern[str]:
    """One cue pattern of assistant/data/question.toml by name (for modules outside the framing)."""
    return cues()[name]


@cache
def organisations() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """How organisations' names end (answering.toml [organisations]), longest first: the strong endings (局,
    街道…), the weak ones (院, 中心…), and the words before an ending that refer to the document's own department
    (本, 该: 本局, 该局)."""
    org = load_data("answering.toml")["organisations"]

    def longest_first(words: list[str]) -> tuple[str, ...]:
        return tuple(sorted(words, key=len, reverse=True))

    return longest_first(org["strong"]), longest_first(org["weak"]), tuple(org["self_words"])
