"""A question's content words: what is left when its years, units, codes and asking words are taken out."""

from __future__ import annotations

import re
from functools import cache

from assistant.codes import CODE
from assistant.data import load_data
from assistant.lexicon import synonyms
from assistant.question import YEAR
from assistant.relative import RELATIVE_YEARS
from index.text import normalize


@cache
def unit_cues() -> tuple[tuple[str, str], ...]:
    """(cue pattern, unit) in the order they are tried (assistant/data/question.toml `unit_cues`)."""
    return tuple((p, u) for p, u in load_data("question.toml")["unit_cues"])


@cache
def _filler() -> re.Pattern[str]:
    """Words that carry the question's form (asking, comparing, computing), not its subject."""
    data = load_data("answering.toml")
    words, inside = data["question_words"], data["question_word_patterns"]  # 有 asks, but not in 实有在编人数
    alternatives = [inside.get(w, re.escape(normalize(w))) for w in sorted(words, key=len, reverse=True)]
    return re.compile("|".join(alternatives) + r"|[?!,.:;、()]")


_COUNT_ASKED = re.compile(
    "(?<![那这])(?:几|多少)(?:个(?!点)|辆|人次|人|份|次|家|台|项|条|批次|批|名|所|套|户|期|件)"
)  # names no item


_SAID_FIGURE = re.compile(
    r"(?<=是|为|达|共)\d[\d,.]*\s*(亿元|万元|元|%)|(?<![价于过])\d[\d,.]*\s*(亿元|万元)(?!以)"
    r"|(?:大约|大概|约|差不多|将近)?[\d一二两三四五六七八九十几.]+个百分点"  # 少了大约两个百分点: a claim, no item
)


def strip_filler(norm: str) -> str:
    """The question's content words: years (2024年, 今年, 上年), units, codes and question words out."""
    text = YEAR.sub("", _SAID_FIGURE.sub("", norm))  # 是不是55.34万元, 预算1486.42万元里的: figures name nothing
    for pattern, _ in RELATIVE_YEARS:
        text = re.sub(pattern, "", text)
    for pattern, _ in unit_cues()[:3]:
        text = re.sub(pattern, "", text)
    text = CODE.sub("", _COUNT_ASKED.sub("", text))
    kept = _kept_terms()  # 用款计划 keeps its 计划
    if kept is None:
        return _filler().sub("", text)
    return "".join(p if i % 2 else _filler().sub("", p) for i, p in enumerate(kept.split(text)))


@cache
def _kept_terms() -> re.Pattern[str] | None:
    """Document terms that hold a question word (用款计划: 计划): the lexicon entries that stand for themselves."""
    words = [w for w, terms in synonyms() if w in terms and _filler().search(w)]
    return re.compile("(" + "|".join(map(re.escape, words)) + ")") if words else None
