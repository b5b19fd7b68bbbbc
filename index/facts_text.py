"""Narrative sentences -> facts: amounts, changes, rates, counts and targets with their subject.

The subject is the noun phrase just before the number (connectors and measure
words cut), the topic of the numbered item or 科目 chain
(`公共安全支出（204类）司法（06款）行政运行（01项）`) when the phrase names none.
Vocabulary (units, change verbs, measure phrases) lives in index/data/fact_phrases.toml.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from index.facts_table import vocabulary as table_vocabulary
from index.model import HEADING_SEP, Document, Fact, Provenance, Section

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?")
_NUMBERED = re.compile(r"^\s*(?:\d+\s*[.、．](?!\d)|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)\s*")
_NAME = r"(?:[^（()）\s，。；：:、“”\"‘’]|[（(](?!\d*[类款项][）)])[^（()）]{1,8}[）)])+"
_CHAIN = re.compile(
    rf"(?P<n1>{_NAME})[（(](?P<c1>\d*)类[）)](?P<n2>{_NAME})[（(](?P<c2>\d*)款[）)](?P<n3>{_NAME})[（(](?P<c3>\d*)项[）)]"
)
_SENTENCE_END = "。！？；;!?\n"
_CLAUSE_SEP = "，,：:、；;"


@cache
def phrases() -> dict[str, Any]:
    """The narrative vocabulary from index/data/fact_phrases.toml, loaded once."""
    text = resources.files("index.data").joinpath("fact_phrases.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _figure() -> re.Pattern[str]:
    v = phrases()
    units = _alt(v["money_units"] + v["count_units"])
    cmps = _alt(list(table_vocabulary()["comparisons"]))
    return re.compile(
        rf"(?P<cmp>{cmps})?\s*(?<![\d.,])(?P<num>{_NUM})\s*(?P<unit>%|％|{units})(?!目)(?P<per>/[\u4e00-\u9fff]{{1,3}})?"
    )


@cache
def _flat() -> re.Pattern[str]:
    v = phrases()
    return re.compile(
        rf"(?:{_alt(v['compare_words'])})\s*((?:19|20)\d{{2}})\s*年[^，。；,;\d]{{0,12}}?(?:{_alt(v['flat_words'])})"
    )


@dataclass(slots=True)
class _Chain:
    start: int
    end: int
    subject: str
    code: str | None
    level: str | None
    context: str


def _chains(sentence: str) -> list[_Chain]:
    out = []
    for m in _CHAIN.finditer(sentence):
        parts = [m.group(k) for k in ("c1", "c2", "c3")]
        code = "".join(parts) if all(p.isdigit() for p in parts) else None
        names = [m.group(k).strip('“”"') for k in ("n1", "n2", "n3")]
        out.append(_Chain(m.start(), m.end(), names[2], code, "项" if code else None, HEADING_SEP.join(names[:2])))
    return out


def _strip(text: str, words: list[str], *, prefix: bool) -> str:
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
    s = _NUMBERED.sub("", s)
    s = _YEAR.sub("", s)
    s = re.sub(r"^[，,。；;：:、]+", "", s)
    if department:
        s = s.replace(re.sub(r"\s", "", department), "")
    s = _strip(s, v["strip_prefixes"], prefix=True)
    s = _strip(s, v["strip_suffixes"], prefix=False)
    s = _strip(s, v["strip_prefixes"], prefix=True)
    return s


def _is_weak(subject: str) -> bool:
    return subject in phrases()["subject"]["weak"] or not re.search(r"[\u4e00-\u9fff]", subject) or len(subject) > 40


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch in _SENTENCE_END:
            spans.append((start, i + 1))
            start = i + 1
    if start < len(text):
        spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _flatten(text: str) -> tuple[str, list[int]]:
    """Text with line breaks removed (PDF lines wrap mid-sentence) and each char's offset in the original.

    A break before a numbered item (`1.`, `（二）`) is kept: it ends a sentence.
    """
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if ch in "\r\n":
            if ch == "\n" and _NUMBERED.match(text[i + 1 : i + 12].lstrip()) and chars and chars[-1] != "\n":
                chars.append("\n")
                offsets.append(i)
            continue
        chars.append(ch)
        offsets.append(i)
    return "".join(chars), offsets


def _measure_in(phrase: str) -> str | None:
    table = phrases()["measure_phrases"]
    for key in sorted(table, key=len, reverse=True):
        if key in phrase:
            return table[key]
    return None


def _direction(phrase: str) -> int:
    """+1 / -1 for the last change word in the phrase, 0 when none."""
    v = phrases()
    best, sign = -1, 0
    for words, s in ((v["up_words"], 1), (v["down_words"], -1)):
        for w in words:
            i = phrase.rfind(w)
            if i > best or (i == best and i >= 0 and len(w) > 1):
                best, sign = i, s
    return sign


def _own_year(phrase: str) -> int | None:
    """A year in the phrase that is not the compared year (`比2025年`)."""
    compare = tuple(phrases()["compare_words"])
    years = [m for m in _YEAR.finditer(phrase) if not phrase[: m.start()].rstrip().endswith(compare)]
    return int(years[-1].group(1)) if years else None


class _Reader:
    """Reads one section's sentences, keeping the topic across sentences of a numbered item."""

    def __init__(self, doc: Document, section: Section) -> None:
        self.doc, self.section = doc, section
        self.flat, self.offsets = _flatten(section.text)
        self.topic: tuple[str, str | None, str | None, str] = ("", None, None, "")
        self.facts: list[Fact] = []
        self.default_measure = table_vocabulary()["stage_measure"].get(doc.stage, "预算数")

    def read(self) -> list[Fact]:
        for a, b in _sentences(self.flat):
            self._sentence(a, b)
        return self.facts

    def _page(self, pos: int) -> int | None:
        if not self.offsets:
            return self.section.page
        return self.section.page_at(self.offsets[min(pos, len(self.offsets) - 1)])

    def _emit(self, a: int, b: int, pos: int, printed: str, **kw: Any) -> None:
        quote = self.flat[a:b].strip()
        heading = self.section.heading or "正文"
        src = Provenance(self.doc.doc_id, heading, quote, self._page(pos), section=self.section.heading or None)
        value = kw.pop("value")
        if not kw["subject"]:
            return
        self.facts.append(Fact(value=0.0 if value == 0 else value, source=src, text=printed, origin="text", **kw))

    def _sentence(self, a: int, b: int) -> None:
        s = self.flat[a:b]
        chains = _chains(s)
        numbered = _NUMBERED.match(s)
        if chains and chains[0].start <= (numbered.end() if numbered else 0) + 2:
            c = chains[0]
            self.topic = (c.subject, c.code, c.level, c.context)
        elif numbered:
            head = re.split(rf"[{_CLAUSE_SEP}。\d]", s[numbered.end() :], maxsplit=1)[0]
            name = clean_phrase(head, self.doc.department)
            if not _is_weak(name):
                self.topic = (name, None, None, "")
        events = [(m.start(), m) for m in _figure().finditer(s)] + [(m.start(), m) for m in _flat().finditer(s)]
        events.sort(key=lambda e: e[0])
        v = phrases()
        subject, code, level, context = self.topic
        year = _own_year(s[: events[0][0]]) if events else None
        year = year or self.doc.year
        money_unit = "万元"
        prev_end, count_subject, count_end, locked = 0, "", 0, False
        for start, m in events:
            cut = max((i + 1 for i in range(prev_end, start) if s[i] in _CLAUSE_SEP), default=prev_end)
            phrase = s[max(cut, prev_end) : start]
            chain = next((c for c in chains if prev_end <= c.end <= start and c.start >= max(cut, prev_end) - 40), None)
            if "num" not in m.groupdict():  # 持平: no change against the compared year
                self._emit(
                    a,
                    b,
                    a + start,
                    m.group(0),
                    subject=subject,
                    measure="比上年增减",
                    value=0.0,
                    unit=money_unit,
                    code=code,
                    code_level=level,
                    year=year,
                    context=context,
                )
                prev_end = m.end()
                continue
            after = s[m.end() : m.end() + 5]
            if any(phrase.endswith(w) for w in v["subject"]["threshold_before"]) or any(
                after.startswith(w) for w in v["subject"]["threshold_after"]
            ):
                continue
            value = float(m.group("num").replace(",", ""))
            unit = "%" if m.group("unit") in "%％" else m.group("unit") + (m.group("per") or "")
            printed = m.group(0).strip()
            prev_end = m.end()
            own_year = _own_year(phrase)
            sign = _direction(phrase)
            cmp = table_vocabulary()["comparisons"].get(m.group("cmp") or "")
            if chain:
                subject, code, level, context = chain.subject, chain.code, chain.level, chain.context
                self.topic = (subject, code, level, context)
            named = clean_phrase(phrase, self.doc.department) if not chain else chain.subject
            if unit == "%":
                if cmp or (named.endswith("率") and any(w in s for w in v["targets"]["markers"])):
                    self._emit(
                        a,
                        b,
                        a + start,
                        printed,
                        subject=named if not _is_weak(named) else subject,
                        measure="目标值",
                        value=value,
                        unit=unit,
                        comparison=cmp,
                        year=year,
                        context=context,
                    )
                elif sign:
                    self._emit(
                        a,
                        b,
                        a + start,
                        printed,
                        subject=subject,
                        measure="增长率",
                        value=sign * value,
                        unit=unit,
                        code=code,
                        code_level=level,
                        year=year,
                        context=context,
                    )
                elif any(w in phrase for w in v["share_words"]):
                    self._emit(
                        a,
                        b,
                        a + start,
                        printed,
                        subject=subject,
                        measure="占比",
                        value=value,
                        unit=unit,
                        code=code,
                        code_level=level,
                        year=year,
                        context=context,
                    )
                elif any(w in phrase for w in v["completion_words"]):
                    self._emit(
                        a,
                        b,
                        a + start,
                        printed,
                        subject=subject,
                        measure="完成率",
                        value=value,
                        unit=unit,
                        code=code,
                        code_level=level,
                        year=year,
                        context=context,
                    )
                elif not _is_weak(named):
                    self._emit(
                        a, b, a + start, printed, subject=named, measure="比率", value=value, unit=unit, year=year
                    )
                continue
            is_money = unit in v["money_units"]
            if sign and not cmp:
                before = re.split(_alt(v["compare_words"] + v["up_words"] + v["down_words"]), phrase)[0]
                who = clean_phrase(before, self.doc.department)
                own = not _is_weak(who)
                self._emit(
                    a,
                    b,
                    a + start,
                    printed,
                    subject=who if own else subject,
                    measure="比上年增减",
                    value=sign * value,
                    unit=unit,
                    code=None if own else code,
                    code_level=None if own else level,
                    year=year,
                    context="" if own else context,
                )
                continue
            if own_year:
                year = own_year
            if is_money:
                money_unit = unit
                measure = _measure_in(phrase) or self.default_measure
                if not chain and not _is_weak(named):
                    subject, code, level, context = named, None, None, ""
                self._emit(
                    a,
                    b,
                    a + start,
                    printed,
                    subject=subject,
                    measure=measure,
                    value=value,
                    unit=unit,
                    code=code,
                    code_level=level,
                    year=year,
                    context=context,
                )
                continue
            who = named
            tail = None if m.group("per") else re.match(r"[\u4e00-\u9fff（）()]+", s[m.end() :])
            if tail and not tail.group(0).startswith(("以", "其", "主要")):
                who = re.split(r"和|及|与|的|财政|开展", tail.group(0))[0][:12] or who
            if _is_weak(who):
                continue
            measure = "目标值" if cmp or any(w in s for w in v["targets"]["markers"]) else "数量"
            locked = locked or "其中" in s[count_end:start]
            self._emit(
                a,
                b,
                a + start,
                printed,
                subject=who,
                measure=measure,
                value=value,
                unit=unit,
                comparison=cmp,
                year=own_year or self.doc.year,
                context=count_subject,
            )
            if not locked:
                count_subject, count_end = who, m.end()


def section_facts(section: Section, doc: Document) -> list[Fact]:
    """Every figure stated in one section's narrative."""
    return _Reader(doc, section).read()
