"""A name typed with a slip of pinyin input: one character replaced by another of the same sound (公务用车运形费 for
公务用车运行费, 城乡社区环境卫声 for 城乡社区环境卫生, 行政单位离退修 for 行政单位离退休), read as the name.

Only names of four characters or more that the lexicon or the national classification knows (the 三公 table's items
too) are mended, and only when the words typed differ from exactly one of them in exactly one character, that
character sounds as the printed one does (any reading, tones aside: pypinyin's dictionary), and the words typed are
no name themselves. A word of another meaning (离休 for 退休) never sounds alike, so it is never read as the other.
pypinyin is imported only when words typed are one character off a name.
"""

from __future__ import annotations

from functools import cache

from assistant.lexicon import known_terms
from index.classification import printed_names

MIN_LENGTH = 4  # shorter names differ from other words in one sound too often (工资, 公司)


@cache
def _names() -> frozenset[str]:
    # known_terms holds the national classification's names already
    return frozenset(n for n in known_terms() | printed_names() if len(n) >= MIN_LENGTH and _chinese(n))


@cache
def _masked() -> dict[str, frozenset[str]]:
    """Each name with one character masked (公务用车运_费) -> the names it masks."""
    masks: dict[str, set[str]] = {}
    for name in _names():
        for at in range(len(name)):
            masks.setdefault(f"{name[:at]}_{name[at + 1 :]}", set()).add(name)
    return {k: frozenset(v) for k, v in masks.items()}


def mended(text: str) -> str:
    """`text` with each name typed one homophone off read as the name. One character replaced leaves a name of four
    characters or more its first two or its last two, so only words beginning or ending as a name does are read."""
    names, masks = _names(), _masked()
    starts, ends = _ends()
    for at in range(len(text) - 1):
        pair = text[at : at + 2]
        for name in starts.get(pair, ()):
            text = _mend_at(text, at, name, names, masks)
        for name in ends.get(pair, ()):
            text = _mend_at(text, at + 2 - len(name), name, names, masks)
    return text


def _mend_at(text: str, at: int, name: str, names: frozenset[str], masks: dict[str, frozenset[str]]) -> str:
    words = text[at : at + len(name)] if at >= 0 else ""
    if len(words) != len(name) or sum(a != b for a, b in zip(words, name, strict=True)) != 1 or not _chinese(words):
        return text
    return text[:at] + name + text[at + len(name) :] if _slipped(words, names, masks) == name else text


@cache
def _ends() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """The names by their first two characters, and by their last two."""
    starts: dict[str, list[str]] = {}
    ends: dict[str, list[str]] = {}
    for name in sorted(_names()):
        starts.setdefault(name[:2], []).append(name)
        ends.setdefault(name[-2:], []).append(name)
    return {k: tuple(v) for k, v in starts.items()}, {k: tuple(v) for k, v in ends.items()}


def _slipped(words: str, names: frozenset[str], masks: dict[str, frozenset[str]]) -> str | None:
    """The one name `words` is a homophone slip of, or None."""
    if words in names:
        return None
    found = {n for k in range(len(words)) for n in masks.get(f"{words[:k]}_{words[k + 1 :]}", ())}
    if len(found) != 1:
        return None
    name = next(iter(found))
    k = next(i for i, (a, b) in enumerate(zip(words, name, strict=True)) if a != b)
    return name if _sounds_alike(words[k], name[k]) else None


def _sounds_alike(typed: str, printed: str) -> bool:
    from pypinyin import Style, pinyin  # its dictionary loads only when a slip is possible

    readings = [set(r) for r in pinyin([typed, printed], style=Style.NORMAL, heteronym=True)]
    return bool(readings[0] & readings[1])


def _chinese(words: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in words)
