"""Phrase-level helpers of the narrative reader: figure patterns, subject cleaning, measure and change words.

Everything here is driven by index/data/fact_phrases.toml (units, change verbs,
measure phrases, words cut from a subject, heading suffixes); index/facts/narrative.py
uses it to read sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from index.facts.table import vocabulary as table_vocabulary
from index.lexicon import load_data
from index.text import NUMBER, YEAR_IN_TEXT

NUMBERED = re.compile(r"^\s*(?:\d+\s*[.、．](?!\d)|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)\s*")


@cache
def phrases() -> dict[str, Any]:
    """The narrative vocabulary from index/data/fact_phrases.toml, loaded once."""
    return load_data("index.data", "fact_phrases.toml")


def alt(words: Sequence[str]) -> str:
    """A regex alternation of `words`, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def count_units() -> list[str]:
    """Counting units, with their scaled forms (`次` and `万次`)."""
    v = phrases()
    base = v["count_units"] + v["score_units"]
    return base + [s + u for s in v["count_scales"] for u in base] + size_units()


def size_units() -> list[str]:
    """Units of size (平方米, 米…): figures of a project's description, not of a year."""
    return list(phrases()["size_units"])


@cache
def figure() -> re.Pattern[str]:
    """A printed figure: optional comparison, the number, its unit (`≥ 350万次`, `5,883 万元`, `1次/季度`)."""
    v = phrases()
    units = alt(v["money_units"] + count_units())
    cmps = alt(list(table_vocabulary()["comparisons"]))
    not_after = alt(v["unit_not_before"])
    return re.compile(
        rf"(?P<cmp>{cmps})?\s*(?<![\d.,A-Za-z])(?P<num>{NUMBER})\s*(?P<unit>%|％|{units})(?!{not_after})"
        rf"(?P<per>/[\u4e00-\u9fff]{{1,3}})?"
    )


@cache
def flat() -> re.Pattern[str]:
    """`与2025年预算持平`, `与2023年度相比，X持平`: no change against the compared year (group `who`: X)."""
    v = phrases()
    year = rf"(?:{alt(v['compare_words'])})\s*((?:19|20)\d{{2}})\s*年"
    flat_word = rf"(?:{alt(v['flat_words'])})"
    # or the subject after the comparison: 与2023年度相比，财政拨款收入支出总计持平
    return re.compile(
        rf"{year}[^，。；,;\d]{{0,12}}?{flat_word}|{year}度?相比[，,]\s*(?P<who>[^，。；,;\d]{{2,30}}?){flat_word}"
    )


@cache
def bare_flat() -> re.Pattern[str]:
    """`其中：公务接待费支出决算持平`: no change, against the year the sentence before compared with."""
    return re.compile(rf"(?:{alt(phrases()['flat_words'])})")


MARKED = re.compile(r"\$([^$\n]{1,40})\$")


def unmark(text: str) -> str:
    """The inside of a `$…$` span with its typesetting commands made plain (`\\geq 95\\%` -> `≥ 95%`)."""
    for raw, plain in sorted(phrases()["markup"].items(), key=lambda kv: len(kv[0]), reverse=True):
        text = text.replace(raw, plain)
    return text


def strip_words(text: str, words: Sequence[str], *, prefix: bool) -> str:
    """`text` with any of `words` cut from its start (or end), repeatedly."""
    ordered = sorted(words, key=len, reverse=True)
    changed = True
    while changed and text:
        changed = False
        for w in ordered:
            if prefix and text.startswith(w):
                text, changed = text[len(w) :], True
                break
            if not prefix and text.endswith(w):
                text, changed = text[: -len(w)], True
                break
    return text


def clean_phrase(phrase: str, department: str = "") -> str:
    """The subject in a phrase before a number: years, numbering, the department, connectors and measure words cut."""
    v = phrases()["subject"]
    s = re.sub(r"[\s“”\"‘’]", "", phrase)
    s = NUMBERED.sub("", s)
    s = YEAR_IN_TEXT.sub("", s)
    s = re.sub(r"^[，,。；;：:、]+", "", s)
    if department:
        s = s.replace(re.sub(r"\s", "", department), "")
    s = strip_words(s, v["strip_prefixes"], prefix=True)
    s = strip_words(s, v["strip_suffixes"], prefix=False)
    s = strip_words(s, v["strip_prefixes"], prefix=True)
    return s


def is_weak(subject: str) -> bool:
    """True when `subject` names nothing on its own (`预算`, `本年`, digits only, or a run-on clause)."""
    return subject in phrases()["subject"]["weak"] or not re.search(r"[\u4e00-\u9fff]", subject) or len(subject) > 40


def measure_in(phrase: str) -> str | None:
    """The measure a phrase names (`年初预算为` -> 年初预算数), the longest phrase found winning."""
    table = phrases()["measure_phrases"]
    for key in sorted(table, key=len, reverse=True):
        if key in phrase:
            return str(table[key])
    return None


def direction(phrase: str) -> int:
    """+1 / -1 for the last change word in the phrase, 0 when none."""
    v = phrases()
    best, sign = -1, 0
    for words, s in ((v["up_words"], 1), (v["down_words"], -1)):
        for w in words:
            i = phrase.rfind(w)
            if i > best or (i == best and i >= 0 and len(w) > 1):
                best, sign = i, s
    return sign


def own_year(phrase: str) -> int | None:
    """A year in the phrase that is not the compared year (`比2025年`)."""
    compare = tuple(phrases()["compare_words"])
    years = [m for m in YEAR_IN_TEXT.finditer(phrase) if not phrase[: m.start()].rstrip().endswith(compare)]
    return int(years[-1].group(1)) if years else None


def heading_subject(path: Sequence[str], department: str = "") -> tuple[str, str | None]:
    """(subject, measure) a heading path names, innermost heading first.

    `人民调解项目经费情况说明 › 六、年度预算安排` -> (`人民调解项目`, `预算数`): a heading that
    only names a measure gives the measure, its parent the subject.
    """
    v = phrases()["headings"]
    measure = None
    for heading in reversed(path):
        name = re.sub(v["numbering"], "", re.sub(r"\s", "", heading))
        measure = measure or measure_in(name)
        name = strip_words(clean_phrase(name, department), v["strip_suffixes"], prefix=False)
        name = clean_phrase(name, department)
        if not is_weak(name):
            return name, measure
    return "", measure
