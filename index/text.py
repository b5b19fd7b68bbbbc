"""Text shared by both sides: normalised names, bigrams, and the patterns of years, money units and numbers.

Reading, fact extraction and question matching all compare names and find years and
figures; they take the forms from here so a year or a number is recognised the same way
everywhere.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Set
from functools import lru_cache

from index.model import MONEY_UNITS

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
        "「": "",
        "」": "",
        "『": "",
        "』": "",
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
_SQUASH = re.compile(r"[\s\u3000“”\"'‘’]")

YEAR = r"(?:19|20)\d{2}"  # a four-digit year of the documents' era
YEAR_WORD = rf"({YEAR})\s*年度?"  # `2024年`, `2024 年度`; group 1 is the year
YEAR_IN_TEXT = re.compile(YEAR_WORD)
YEAR_CELL = re.compile(rf"^{YEAR_WORD}$")  # a cell or header that is only a year
YEAR_PREFIX = re.compile(rf"^{YEAR_WORD}")  # a name that starts with its year
MONEY_UNIT = "|".join(reversed(MONEY_UNITS))  # `亿元|万元|元`: a money unit as printed, largest first
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"  # a printed figure: thousands commas, decimals


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


def squash(text: str) -> str:
    """A name reduced for comparison: no spaces or quote marks, ASCII brackets (full-width forms otherwise kept)."""
    return _SQUASH.sub("", text).replace("（", "(").replace("）", ")")


def containment(part: Set[str], whole: Set[str]) -> float:
    """Share of `part` found in `whole` (0 when `part` is empty)."""
    return len(part & whole) / len(part) if part else 0.0
