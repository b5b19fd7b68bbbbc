"""Grounding check: every number a language model writes must be a figure its cited passages print
(or one the deterministic engine computed), after unit conversion and at the precision written.

`2,008万元` is grounded by a passage printing `20,080,000元` (20,080,000 元 is 2,008 万元 at 0 decimals);
`2,000万元` is not (the model rounded to a figure the document does not print). A sentence holding a
number no cited passage grounds is dropped and counted; citation marks pointing at no passage are
removed. Numbers are compared by magnitude: prose writes `减少71万元` where a table prints `-71`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

MONEY = {"元": 1, "千元": 1_000, "万元": 10_000, "亿元": 100_000_000}
PERCENT = ("%", "％", "个百分点")
COUNT_UNITS = "人次|批次|平方米|个|人|辆|次|项|台|套|家|户|份|批|名|条|所|天|倍"
_UNIT = rf"亿元|万元|千元|元|%|％|个百分点|{COUNT_UNITS}|年"
NUMBER = re.compile(rf"(?<![\d.])(\d{{1,3}}(?:,\d{{3}})+|\d+)(\.\d+)?\s*({_UNIT})?")
CITE = re.compile(r"\[(\d{1,3})\]")
# list markers (1. / 2、 / （3）) and ordinals (第4) number items, they are not figures
LIST_MARK = re.compile(r"(?:(?<![\d.,])\d{1,2}[.、．](?!\d))|[（(]\d{1,2}[)）]|第\d{1,2}")
DECLARED_UNIT = re.compile(r"单位[：:]\s*(亿元|万元|千元|元)")
COLUMN_UNIT = re.compile(r"[（(](亿元|万元|千元|元)[)）]\s*(-?[\d,]+(?:\.\d+)?)")
SENTENCE_END = "。！？；!?;"


@dataclass(frozen=True, slots=True)
class Number:
    """A number as written: its magnitude, unit (None when printed bare) and decimals shown."""

    value: Decimal
    unit: str | None
    decimals: int
    text: str = ""

    @property
    def is_year(self) -> bool:
        return self.unit == "年" and self.decimals == 0 and 1900 <= self.value <= 2100


def numbers_in(text: str, default_unit: str | None = None) -> list[Number]:
    """Numbers in `text` with their units; citation marks and list markers are not numbers.

    A bare number takes `default_unit` (a table's `单位：万元`) when given; `（万元） 526` takes its column's unit.
    """
    text = LIST_MARK.sub(" ", CITE.sub(" ", normalize_marks(text)))
    found: list[Number] = []
    for m in NUMBER.finditer(text):
        whole, frac, unit = m.group(1), m.group(2) or "", m.group(3)
        if unit == "年" and not (len(whole) == 4 and not frac):
            unit = None  # 3年 is a duration, kept as a bare number
        found.append(
            Number(Decimal(whole.replace(",", "") + frac), unit or default_unit, max(len(frac) - 1, 0), m.group(0))
        )
    for m in COLUMN_UNIT.finditer(text):
        raw = m.group(2).replace(",", "").lstrip("-")
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        found.append(Number(Decimal(raw), m.group(1), decimals, m.group(0)))
    return found


def passage_numbers(text: str) -> list[Number]:
    """The figures a passage prints; bare table cells take the table's declared unit when it has one."""
    declared = DECLARED_UNIT.search(text)
    return numbers_in(text, declared.group(1) if declared else None)


def normalize_marks(text: str) -> str:
    """`【1】`, `[1,2]`, `[1][2]` all as `[1][2]`."""
    text = re.sub(r"【(\d{1,3})】", r"[\1]", text)
    return re.sub(
        r"\[(\d{1,3}(?:\s*[,，、]\s*\d{1,3})+)\]",
        lambda m: "".join(f"[{n}]" for n in re.split(r"\s*[,，、]\s*", m.group(1))),
        text,
    )


def _rounded(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def matches(written: Number, source: Number) -> bool:
    """Whether `source` (printed) grounds `written`: same magnitude after unit conversion, at the precision written."""
    if written.unit in MONEY:
        if source.unit in MONEY:
            in_unit = source.value * MONEY[source.unit] / MONEY[written.unit]
            return _rounded(in_unit, written.decimals) == written.value
        if source.unit is not None:
            return False
    elif written.unit in PERCENT:
        if source.unit is not None and source.unit not in PERCENT:
            return False
    elif written.unit is not None and not written.is_year and source.unit not in (None, written.unit):
        return False
    return _rounded(source.value, written.decimals) == written.value and source.decimals >= written.decimals


@dataclass(slots=True)
class Checked:
    """One sentence after the check: its text (bad citation marks removed), the passages it cites, or why it went."""

    text: str
    cites: list[int]
    dropped: str | None = None  # "ungrounded_number" | "uncited_number"
    numbers: int = 0
    bad_cites: int = 0


@dataclass(slots=True)
class Grounder:
    """Checks sentences against numbered passages (1-based) and the engine's own figures."""

    passages: Sequence[Sequence[Number]]
    engine: Sequence[Number] = ()
    years: frozenset[int] = frozenset()  # years the question or document names: not figures
    tally: Counter[str] = field(default_factory=Counter)

    def check(self, sentence: str) -> Checked:
        """Keep a sentence only if each of its numbers is grounded by a passage it cites or the engine."""
        sentence = normalize_marks(sentence)
        cites: list[int] = []
        bad = 0
        for m in CITE.finditer(sentence):
            n = int(m.group(1))
            if not 1 <= n <= len(self.passages):
                bad += 1
            elif n not in cites:
                cites.append(n)
        text = CITE.sub(lambda m: m.group(0) if 1 <= int(m.group(1)) <= len(self.passages) else "", sentence)
        numbers = [n for n in numbers_in(text) if not (n.is_year and int(n.value) in self.years)]
        sources = [s for c in cites for s in self.passages[c - 1]] + list(self.engine)
        result = Checked(text=text, cites=cites, numbers=len(numbers), bad_cites=bad)
        if any(not any(matches(n, s) for s in sources) for n in numbers):
            result.dropped = "ungrounded_number" if cites else "uncited_number"
        self.tally["sentences"] += 1
        self.tally["numbers"] += len(numbers)
        self.tally["citations_dropped"] += bad
        self.tally[f"dropped_{result.dropped}" if result.dropped else "kept"] += 1
        return result


def split_sentences(text: str) -> list[str]:
    """Sentences with the citation marks that follow their end (`…增加。[1]` stays one sentence)."""
    stream = SentenceStream()
    return [*stream.feed(text), *stream.flush()]


class SentenceStream:
    """Cuts streamed text into whole sentences as soon as each is complete (its citation marks included)."""

    def __init__(self) -> None:
        self._buffer = ""

    def feed(self, piece: str) -> list[str]:
        self._buffer += piece
        done: list[str] = []
        while True:
            cut = _sentence_end(self._buffer)
            if cut is None:
                return done
            sentence, self._buffer = self._buffer[:cut].strip(), self._buffer[cut:]
            if sentence:
                done.append(sentence)

    def flush(self) -> list[str]:
        rest, self._buffer = self._buffer.strip(), ""
        return [rest] if rest else []


def _sentence_end(text: str) -> int | None:
    """Where the first complete sentence ends, or None while it may still get citation marks."""
    for i, ch in enumerate(text):
        if ch == "\n":
            return i + 1
        if ch in SENTENCE_END:
            j = i + 1
            while j < len(text) and text[j] in SENTENCE_END:
                j += 1
            while True:
                m = re.match(r"\s*(?:\[\d{1,3}(?:\s*[,，、]\s*\d{1,3})*\]|【\d{1,3}】)", text[j:])
                if not m:
                    break
                j += m.end()
            rest = text[j:]
            if not rest.strip() or re.match(r"\s*[\[【]\d*[\d,，、\s]*$", rest):
                return None  # more may follow: a citation mark may still be arriving
            return j
    return None


def summarize(checked: Iterable[Checked]) -> dict[str, int]:
    """Counts for `Answer.grounding`: sentences, kept, dropped by reason, numbers checked, citations dropped."""
    items = list(checked)
    reasons = Counter(c.dropped for c in items if c.dropped)
    return {
        "sentences": len(items),
        "kept": sum(1 for c in items if not c.dropped),
        "dropped_ungrounded_number": reasons["ungrounded_number"],
        "dropped_uncited_number": reasons["uncited_number"],
        "numbers_checked": sum(c.numbers for c in items),
        "citations_dropped": sum(c.bad_cites for c in items),
    }
