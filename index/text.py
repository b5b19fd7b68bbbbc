"""Text normalisation shared by question analysis and fact matching."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Set
from functools import lru_cache

_FOLD = str.maketrans(
    {
        "（": "(",
        "）": ")",
        "“": "",
        "”": "",
        "‘": "",
        "’": "",
        '"': "",
        "'": "",
        "《": "",
        "》": "",
        "【": "(",
        "】": ")",
        "％": "%",
        "，": ",",
        "：": ":",
        "；": ";",
        "？": "?",
        "！": "!",
        "．": ".",
    }
)
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)
def normalize(text: str) -> str:
    """Fold full-width forms, drop quotes and whitespace, keep everything else."""
    text = unicodedata.normalize("NFKC", text).translate(_FOLD)
    return _SPACE.sub("", text)


@lru_cache(maxsize=1 << 16)
def bigrams(text: str) -> frozenset[str]:
    """Character bigrams of normalised CJK/alnum text (single characters for 1-char strings)."""
    chars = [c for c in text if c.isalnum() or c in "()%"]
    s = "".join(chars)
    if len(s) < 2:
        return frozenset({s} if s else ())
    return frozenset(s[i : i + 2] for i in range(len(s) - 1))


def containment(part: Set[str], whole: Set[str]) -> float:
    """Share of `part` found in `whole` (0 when `part` is empty)."""
    return len(part & whole) / len(part) if part else 0.0
