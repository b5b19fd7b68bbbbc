"""Narrative sentences -> facts: amounts, changes, rates, counts, scores and targets with their subject.

The subject is the noun phrase just before the number (connectors and measure
words cut), the topic of the numbered item or 科目 chain
(`公共安全支出（204类）司法（06款）行政运行（01项）`) when the phrase names none,
and the heading path (`人民调解项目经费情况说明 › 六、年度预算安排`) when nothing
before the figure names one. Phrase helpers are in index/facts/phrases.py,
vocabulary in index/data/fact_phrases.toml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from index.facts.phrases import (
    MARKED,
    NUMBERED,
    alt,
    bare_flat,
    clean_phrase,
    direction,
    figure,
    flat,
    heading_subject,
    is_weak,
    measure_in,
    own_year,
    phrases,
    unmark,
)
from index.facts.table import vocabulary as table_vocabulary
from index.model import HEADING_SEP, Document, Fact, Provenance, Section

__all__ = ["clean_phrase", "phrases", "section_facts"]

QUOTE_BACK = 160  # characters a quote may reach back for the sentence naming its figure's subject

_NAME = r"(?:[^（()）\s，。；：:、“”\"‘’]|[（(](?!\d*[类款项][）)])[^（()）]{1,8}[）)])+"
_CHAIN = re.compile(
    rf"(?P<n1>{_NAME})[（(](?P<c1>\d*)类[）)](?P<n2>{_NAME})[（(](?P<c2>\d*)款[）)](?P<n3>{_NAME})[（(](?P<c3>\d*)项[）)]"
)
_SENTENCE_END = "。！？；;!?\n"
_CLAUSE_SEP = "，,：:、；;"


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


def _clause_start(s: str, lo: int, hi: int) -> int:
    """Start of the clause ending at `hi`: after the last separator outside closed brackets (`数量（含办理、咨询）`)."""
    depth, cut = 0, lo
    inner: list[int] = []
    for i in range(lo, hi):
        if s[i] in "（(":
            depth += 1
        elif s[i] in "）)":
            depth = max(depth - 1, 0)
            inner = inner if depth else []
        elif s[i] in _CLAUSE_SEP:
            if depth:
                inner.append(i + 1)
            else:
                cut = i + 1
    return max([cut, *inner])


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
    """Text with line breaks removed (PDF lines wrap mid-sentence) and each char's offset in the original; a break
    before a numbered item (`1.`, `（二）`) is kept: it ends a sentence. `$…$` markup is made plain."""
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if ch in "\r\n":
            if ch == "\n" and NUMBERED.match(text[i + 1 : i + 12].lstrip()) and chars and chars[-1] != "\n":
                chars.append("\n")
                offsets.append(i)
            continue
        chars.append(ch)
        offsets.append(i)
    flat_text = "".join(chars)
    out, out_offsets, pos = [], [], 0
    for m in MARKED.finditer(flat_text):
        plain = unmark(m.group(1))
        out.append(flat_text[pos : m.start()] + plain)
        out_offsets += offsets[pos : m.start()] + [offsets[m.start()]] * len(plain)
        pos = m.end()
    out.append(flat_text[pos:])
    return "".join(out), out_offsets + offsets[pos:]


@dataclass(slots=True)
class _Sentence:
    """What the figures of one sentence share while it is read, in order."""

    a: int  # the sentence's span in the section's flat text (a, b), and its text
    b: int
    s: str
    chains: list[_Chain]
    cur: list[Any]  # subject, code, level, context of the figures that name none
    year: int | None
    money_unit: str = "万元"
    prev_end: int = 0
    count_subject: str = ""  # the count a later count in its unit belongs to
    count_end: int = 0
    count_unit: str = ""
    locked: bool = False


# a department that has none of an item (2024年上海市普陀区社会福利院无机关运行经费。/ 上海市普陀区财政局 年度无 三公
# 经费财政拨款支出。: the year lifted off the line)
_NONE = re.compile(
    r"^\s*(?:20\d{2}\s*年度?)?\s*(?P<who>[^，,。；;无\d]{2,40}?)\s*(?:20\d{2})?\s*(?:年度|年)?\s*无\s*(?P<item>[^，,。；;]{2,24}?)\s*[。；;]?\s*$"
)
# a quote of figures and units only (795万元): it names nothing, so the section's own heading goes before it
_FIGURES = re.compile(r"[\d,.%％]+|亿元|万元|元|人|辆|个|台|套|项|家|次|份|约|共|计")
_WORDS = re.compile(r"[\u4e00-\u9fff]{2}")


class _Reader:
    """Reads one section's sentences, keeping the topic across sentences of a numbered item."""

    def __init__(self, doc: Document, section: Section) -> None:
        self.doc, self.section = doc, section
        self.flat, self.offsets = _flatten(section.text)
        self.topic: tuple[str, str | None, str | None, str] = ("", None, None, "")
        self.compared = False  # the sentence before stated a change against a year (与2023年度持平)
        self.listing = False  # …and this one continues its 其中 list (after a ；)
        self.heading = heading_subject(section.heading_path, doc.department)
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
        value = kw.pop("value")
        kw["subject"] = kw["subject"] or self.heading[0]
        quote = self._quote(a, b, pos, kw["subject"])
        if self.section.heading_path and not _WORDS.search(_FIGURES.sub("", quote)):  # 六、年度预算安排 / 795万元
            quote = f"{self.section.heading_path[-1]} {quote}"
        heading = self.section.heading or "正文"
        src = Provenance(self.doc.doc_id, heading, quote, self._page(pos), section=self.section.heading or None)
        if kw["subject"]:
            self.facts.append(Fact(value=0.0 if value == 0 else value, source=src, text=printed, origin="text", **kw))

    def _quote(self, a: int, b: int, pos: int, subject: str) -> str:
        """The sentence holding the figure (at `pos`); when it does not name its subject before the figure, from
        the earlier sentence of the same item that does (`…信息化建设（项）。主要用于：…。年初预算为135.90万元…`,
        `2.公务接待费。2022年预算数2万元，…压减公务接待费。`), so the quote says what the figure is of. Only a
        short way back (QUOTE_BACK characters)."""
        quote = self.flat[a:b].strip()
        if not subject:
            return quote
        named = re.compile(r"[“”\"‘’\s]*".join(map(re.escape, subject)))
        if named.search(self.flat, a, max(a, pos)):
            return quote
        back = max(0, a - QUOTE_BACK)
        found = [m.start() for m in named.finditer(self.flat, back, a)]
        entry = self._entry_start(a)
        if not found:
            # a long numbered item (5. 信息技术服务 780 万元，主要用于…（200 characters）…。较 2021 年预算减少 73 万元):
            # from the item's own line, when its first clause names the subject
            clause = re.match(r"[^，,。；;]*", self.flat[entry[1] : a]) if entry is not None else None
            if entry is not None and clause and named.search(clause.group(0)):
                return self.flat[entry[0] : b].strip()
            return quote
        # the item's own numbered line (12、住房保障支出（221类）…住房公积金（01项）) rather than a later mention
        item = entry[0] if entry is not None and entry[0] > back else None
        own = [f for f in found if item is None or f >= item]
        start = max(self.flat.rfind(c, 0, (own or found)[0 if own else -1]) for c in "。；;\n") + 1
        return self.flat[start:b].strip()

    def _entry_start(self, a: int) -> tuple[int, int] | None:
        """Where the numbered item holding position `a` starts (after a sentence end) and where its words start
        after the number; None outside a numbered item."""
        for i in range(a - 1, -2, -1):
            if i < 0 or self.flat[i] in "。；;\n":
                numbered = NUMBERED.match(self.flat[i + 1 : a])
                if numbered:
                    return i + 1, i + 1 + numbered.end()
        return None

    def _set_topic(self, s: str, chains: list[_Chain]) -> None:
        numbered = NUMBERED.match(s)
        if chains and chains[0].start <= (numbered.end() if numbered else 0) + 2:
            c = chains[0]
            self.topic = (c.subject, c.code, c.level, c.context)
        elif numbered:
            head = re.split(rf"[{_CLAUSE_SEP}。\d]", s[numbered.end() :], maxsplit=1)[0]
            name = clean_phrase(head, self.doc.department)
            if not is_weak(name):
                self.topic = (name, None, None, "")

    def _sentence(self, a: int, b: int) -> None:
        s = self.flat[a:b]
        chains = _chains(s)
        self._set_topic(s, chains)
        flats = list(flat().finditer(s))
        # 与2023年度持平。其中：A持平；B持平。: the items listed after 其中 compare with the same year
        listed = self.compared and (re.match(r"[\s，,]*其中", s) or (self.listing and not flats))
        if listed:
            flats += [m for m in bare_flat().finditer(s) if not any(f.start() <= m.start() < f.end() for f in flats)]
        self.compared = bool(flats)
        self.listing = bool(listed) and s.rstrip().endswith(("；", ";"))
        events = sorted(
            [(m.start(), m) for m in figure().finditer(s)] + [(m.start(), m) for m in flats],
            key=lambda e: e[0],
        )
        year = (own_year(s[: events[0][0]]) if events else None) or self.doc.year
        st = _Sentence(a, b, s, chains, list(self.topic), year)  # cur: the topic of figures that name none
        for start, m in events:
            if any(c.start <= start < c.end for c in chains):
                continue  # the （01项） of a 科目 chain
            self._figure(st, start, m)
        if not events:
            self._none_stated(st)

    def _none_stated(self, st: _Sentence) -> None:
        """`2024年上海市普陀区社会福利院无机关运行经费。`: the department states it has none of an item, a 0 the
        sentence prints in words."""
        m = _NONE.match(st.s)
        who = re.sub(r"\s", "", m.group("who")) if m else ""
        if not m or not (who in ("本单位", "本部门") or who in self.doc.department or self.doc.department in who):
            return
        item = re.sub(r"[\s“”\"]", "", m.group("item"))
        if not is_weak(item):
            fields = {"subject": item, "code": None, "code_level": None, "context": "", "year": st.year}
            self._emit(
                st.a, st.b, st.a + m.start("item"), "无", value=0.0, measure=self.default_measure, unit="万元", **fields
            )

    def _emit_in(
        self, st: _Sentence, start: int, printed: str, measure: str, value: float, unit: str, **kw: Any
    ) -> None:
        fields: dict[str, Any] = {
            "subject": st.cur[0],
            "code": st.cur[1],
            "code_level": st.cur[2],
            "context": st.cur[3],
        }
        fields["year"] = st.year
        fields.update(kw)
        self._emit(st.a, st.b, st.a + start, printed, measure=measure, value=value, unit=unit, **fields)

    @staticmethod
    def _own(st: _Sentence, subject: str) -> dict[str, Any]:
        """The figure names its own subject: no 科目 code or parent path."""
        st.cur[:] = [subject, None, None, ""]
        return {"subject": subject, "code": None, "code_level": None, "context": ""}

    def _figure(self, st: _Sentence, start: int, m: re.Match[str]) -> None:
        """One figure of the sentence: a change, a rate, an amount or a count, with its subject."""
        s, v, dept = st.s, phrases(), self.doc.department
        cut = _clause_start(s, st.prev_end, start)
        phrase = s[cut:start]
        chain = next((c for c in st.chains if st.prev_end <= c.end <= start and c.start >= cut - 40), None)
        if "num" not in m.groupdict():  # 持平: no change against the compared year
            said = m.groupdict().get("who") or re.split(alt(v["compare_words"]), phrase)[0]
            who = clean_phrase(said, dept)
            own = self._own(st, who) if not is_weak(who) else {}
            self._emit_in(st, start, m.group(0), "比上年增减", 0.0, st.money_unit, **own)
            st.prev_end = m.end()
            return
        after = s[m.end() : m.end() + 5]
        if any(phrase.endswith(w) for w in v["subject"]["threshold_before"]) or any(
            after.startswith(w) for w in v["subject"]["threshold_after"]
        ):
            return
        value = float(m.group("num").replace(",", ""))
        unit = "%" if m.group("unit") in "%％" else m.group("unit") + (m.group("per") or "")
        printed = m.group(0).strip()
        st.prev_end = m.end()
        sign = direction(phrase)
        cmp = table_vocabulary()["comparisons"].get(m.group("cmp") or "")
        if chain:
            st.cur[:] = [chain.subject, chain.code, chain.level, chain.context]
            self.topic = (chain.subject, chain.code, chain.level, chain.context)
        named = clean_phrase(phrase, dept) if not chain else chain.subject
        if unit == "%":
            self._percent(st, start, printed, value, phrase, named, sign, cmp)
        elif sign and not cmp:
            before = re.split(alt(v["compare_words"] + v["up_words"] + v["down_words"]), phrase)[0]
            who = clean_phrase(before, dept)
            own = self._own(st, who) if not is_weak(who) else {}
            self._emit_in(st, start, printed, "比上年增减", sign * value, unit, **own)
        else:
            st.year = own_year(phrase) or st.year
            if unit in v["money_units"]:
                self._money(st, start, printed, value, unit, phrase, named, chain is not None)
            else:
                self._count(st, start, m, printed, value, unit, phrase, named, cmp)

    def _percent(
        self, st: _Sentence, start: int, printed: str, value: float, phrase: str, named: str, sign: int, cmp: str | None
    ) -> None:
        """A percentage: a target, a growth rate, a share, a completion rate or a named ratio."""
        v, unit = phrases(), "%"
        if cmp or (named.endswith("率") and any(w in st.s for w in v["targets"]["markers"])):
            target = {"subject": named} if not is_weak(named) else {}
            self._emit_in(
                st, start, printed, "目标值", value, unit, comparison=cmp, code=None, code_level=None, **target
            )
        elif sign:
            self._emit_in(st, start, printed, "增长率", sign * value, unit)
        elif any(w in phrase for w in v["share_words"]):
            self._emit_in(st, start, printed, "占比", value, unit)
        elif any(w in phrase for w in v["completion_words"]):
            self._emit_in(st, start, printed, "完成率", value, unit)
        elif not is_weak(named):
            self._emit_in(
                st, start, printed, "比率", value, unit, subject=named, code=None, code_level=None, context=""
            )

    def _money(
        self, st: _Sentence, start: int, printed: str, value: float, unit: str, phrase: str, named: str, chained: bool
    ) -> None:
        """An amount of money: its measure from the phrase (or the heading), its subject named or the topic's."""
        v = phrases()
        st.money_unit = unit
        measure = measure_in(phrase)
        raw = re.sub(r"\s", "", phrase)
        involve = next((w for w in v["involve_words"] if raw.startswith(w)), "")
        whose = (st.count_subject or self._clause_before(st.s[:start].rsplit(involve, 1)[0])) if involve else ""
        if whose and not chained:
            self._own(st, whose + involve + re.sub(r"[“”\"]", "", raw[len(involve) :]))
        elif not chained and not is_weak(named):
            self._own(st, named)
        if not st.cur[0]:
            measure = measure or self.heading[1]
        self._emit_in(st, start, printed, measure or self.default_measure, value, unit)

    def _clause_before(self, before: str) -> str:
        """`所有项目支出预算纳入部门预算绩效管理，涉及预算资金4644万元`: the clause before, with no count, says what of."""
        named = clean_phrase(re.split("[，,；;：:]", before.rstrip("，, "))[-1], self.doc.department)
        return named if 4 <= len(named) <= 30 and not re.search(r"\d", named) else ""

    def _count(
        self, st: _Sentence, start: int, m: re.Match[str], printed: str, value: float, unit: str, phrase: str,
        named: str, cmp: str | None,
    ) -> None:  # fmt: skip
        """A count, a score or a target: its subject is the words after the number when they name one; its parent the
        count before it in one unit (7层 is no part of 13459平方米; a score is of the things counted: 项目4个…平均得分)."""
        v, s, who = phrases(), st.s, named
        tail = None if m.group("per") else re.match(r"[\u4e00-\u9fff][\u4e00-\u9fff（）()]*", s[m.end() :])
        if tail and not tail.group(0).startswith(("以", "其", "主要")):
            who = re.split(r"和|及|与|的|财政|开展", tail.group(0))[0][:12] or who
        if is_weak(who):
            return
        is_target = bool(cmp) or any(w in s for w in v["targets"]["markers"])
        is_score = m.group("unit") in v["score_units"]
        measure = "目标值" if is_target else "得分" if is_score else "数量"
        st.locked = st.locked or "其中" in s[st.count_end : start]
        context = "" if is_target or (unit != st.count_unit and not is_score) else st.count_subject
        self._emit_in(st, start, printed, measure, value, unit, subject=who, code=None, code_level=None,
                      context=context, comparison=cmp, year=own_year(phrase) or self.doc.year)  # fmt: skip
        if not (st.locked or is_target or is_score):
            st.count_subject, st.count_end, st.count_unit = who, m.end(), unit


def section_facts(section: Section, doc: Document) -> list[Fact]:
    """Every figure stated in one section's narrative."""
    return _Reader(doc, section).read()
