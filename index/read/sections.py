"""Narrative lines -> `Section`s: headings of the genre's skeletons, paragraphs rejoined.

Heading patterns, paragraph starts, the table of contents and page furniture
are data in index/data/headings.toml. The reader hands over narrative lines
with table bodies already removed; this module

1. drops the table of contents and running page numbers,
2. rejoins lines broken mid-sentence by PDF layout (or by a stray blank line
   in extracted text) into paragraphs, keeping the page where each starts,
3. files paragraphs under the heading path in force (第三部分 › 一、… › （四）…).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from index.lexicon import load_data
from index.model import Line, Section

_CJK_SPACE = re.compile(
    r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’])[ \t\u3000]+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’])"
)
_PART = re.compile(r"^(第[一二三四五六七八九十]+部分)\s*(?=\S)")
_HEADING_BAD_INSIDE = "。；;"
_HEADING_BAD_END = "。；，！？;,!?"


@dataclass(frozen=True, slots=True)
class _Level:
    name: str
    max_chars: int
    patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True, slots=True)
class _Rules:
    levels: tuple[_Level, ...]
    starts: tuple[re.Pattern[str], ...]
    terminals: str
    paged_terminals: str
    full_line_ratio: float
    toc_start: re.Pattern[str]
    toc_leader: re.Pattern[str]
    toc_entry: re.Pattern[str]
    toc_max_chars: int
    skip: tuple[re.Pattern[str], ...]
    max_width_ratio: float
    tail_chars: int


@cache
def _rules() -> _Rules:
    raw = load_data("index.data", "headings.toml")
    toc = raw["toc"]
    return _Rules(
        levels=tuple(
            _Level(lv["name"], int(lv["max_chars"]), tuple(re.compile(p) for p in lv["patterns"]))
            for lv in raw["levels"]
        ),
        starts=tuple(re.compile(p) for p in raw["paragraphs"]["starts"]),
        terminals=raw["paragraphs"]["terminals"],
        paged_terminals=raw["paragraphs"]["paged_terminals"],
        full_line_ratio=float(raw["paragraphs"]["full_line_ratio"]),
        toc_start=re.compile(toc["start"]),
        toc_leader=re.compile(toc["leader"]),
        toc_entry=re.compile(toc["entry"]),
        toc_max_chars=int(toc["max_entry_chars"]),
        skip=tuple(re.compile(p) for p in raw["skip"]["patterns"]),
        max_width_ratio=float(raw["max_width_ratio"]),
        tail_chars=int(raw["tail_chars"]),
    )


def normalise_line(text: str) -> str:
    """Trim, drop spaces between CJK characters ("数据 管理局" -> "数据管理局"), collapse other runs of spaces."""
    text = text.replace("\u3000", " ").strip()
    text = _CJK_SPACE.sub("", text)
    text = _PART.sub(r"\1 ", text)
    return re.sub(r"[ \t]{2,}", " ", text)


def heading_level(text: str) -> int | None:
    """The skeleton level (0 = outermost) of a heading line, or None for a paragraph line."""
    rules = _rules()
    if not text or any(ch in _HEADING_BAD_INSIDE for ch in text[:-1]) or text[-1] in _HEADING_BAD_END:
        return None
    for depth, level in enumerate(rules.levels):
        if len(text) <= level.max_chars and any(p.search(text) for p in level.patterns):
            return depth
    return None


def _starts_paragraph(text: str) -> bool:
    return heading_level(text) is not None or any(p.search(text) for p in _rules().starts)


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _toc_key(text: str) -> str:
    text = _rules().toc_leader.sub("", text)
    return re.sub(r"[\s\-·•]", "", text)


def _is_toc_entry(text: str) -> bool:
    rules = _rules()
    if rules.toc_leader.search(text):
        return True
    if re.fullmatch(r"\d{1,4}", text):
        return True
    stripped = re.sub(r"^-\s*", "", text)
    return (
        len(stripped) <= rules.toc_max_chars
        and bool(rules.toc_entry.search(text))
        and not re.search("[。；，]", stripped)
    )


def _split_toc(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """(body, contents): the table of contents runs from 目录 through its entries, until an entry is
    printed again or prose starts; the body is everything else."""
    rules = _rules()
    out: list[Line] = []
    contents: list[Line] = []
    i = 0
    while i < len(lines):
        if not rules.toc_start.match(lines[i].text):
            out.append(lines[i])
            i += 1
            continue
        seen: set[str] = set()
        j = i + 1
        while j < len(lines):
            text = lines[j].text
            key = _toc_key(text)
            if key in seen or not _is_toc_entry(text):
                break  # an entry again, or prose: the body starts here
            if not re.fullmatch(r"\d+", key):
                seen.add(key)
                contents.append(lines[j])
            j += 1
        i = j
    return out, contents


def _drop_toc(lines: list[Line]) -> list[Line]:
    """Drop the table of contents (see `_split_toc`)."""
    return _split_toc(lines)[0]


def contents_entries(lines: list[Line]) -> list[Line]:
    """The table of contents' entries as printed (without page numbers or leaders), [] when there is none."""
    return [Line(_rules().toc_leader.sub("", ln.text).strip(), ln.page) for ln in _split_toc(_clean(lines))[1]]


def _clean(lines: list[Line]) -> list[Line]:
    skip = _rules().skip
    cleaned = [Line(normalise_line(ln.text), ln.page) for ln in lines]
    return [ln for ln in cleaned if ln.text and not any(p.match(ln.text) for p in skip)]


def _full_width(lines: list[Line]) -> float | None:
    """The usual width of a full line in a paged document (90th percentile), None for text files."""
    widths = sorted(_display_width(ln.text) for ln in lines if ln.page is not None)
    if len(widths) < 5:
        return None
    return float(widths[int(0.9 * (len(widths) - 1))])


def _continues(prev: str, nxt: str, prev_paged: bool, full: float | None) -> bool:
    """Whether `nxt` continues the paragraph whose last line is `prev`."""
    rules = _rules()
    if _starts_paragraph(nxt):
        return False
    if prev_paged and full is not None:
        return prev[-1] not in rules.paged_terminals and _display_width(prev) >= rules.full_line_ratio * full
    return prev[-1] not in rules.terminals


def _is_heading_tail(text: str) -> bool:
    """A short CJK-only line that finishes a heading printed over two lines."""
    return (
        len(text) <= _rules().tail_chars
        and bool(re.fullmatch(r"[\u4e00-\u9fff]+", text))
        and not _starts_paragraph(text)
    )


def _join(a: str, b: str) -> str:
    if a[-1:].isascii() and a[-1:].isalnum() and b[:1].isascii() and b[:1].isalnum():
        return f"{a} {b}"
    return a + b


@dataclass
class _Open:
    """The section being filled: its path, paragraphs and where each printed line lies."""

    path: tuple[str, ...]
    page: int | None
    end_page: int | None
    paragraphs: list[str] = field(default_factory=list)
    line_pages: list[tuple[int, int]] = field(default_factory=list)
    length: int = 0  # len("\n".join(paragraphs))

    def add(self, line: Line, *, join: bool) -> None:
        """Append a printed line, either continuing the last paragraph or starting a new one."""
        if join and self.paragraphs:
            self.paragraphs[-1] = _join(self.paragraphs[-1], line.text)
            self.length = sum(len(p) for p in self.paragraphs) + len(self.paragraphs) - 1
        else:
            if not self.paragraphs and self.page is None:
                self.page = line.page
            self.length += len(line.text) + (1 if self.paragraphs else 0)
            self.paragraphs.append(line.text)
        if line.page is not None and (not self.line_pages or self.line_pages[-1][1] != line.page):
            self.line_pages.append((self.length - len(line.text), line.page))
        self.end_page = line.page

    def section(self) -> Section | None:
        if not self.paragraphs:
            return None
        return Section(self.path, "\n".join(self.paragraphs), self.page, self.end_page, self.line_pages)


def build_sections(lines: list[Line], *, title: str = "") -> list[Section]:
    """Group narrative lines into sections under their heading paths.

    Text before the first heading goes to a section whose path is `(title,)`.
    Headings with no text of their own produce no section (their path lives on
    in the sections below them).
    """
    rules = _rules()
    body = _drop_toc(_clean(lines))
    full = _full_width(body)
    sections: list[Section] = []
    stack: list[tuple[int, str]] = []
    current = _Open((title,) if title else (), None, None)
    last: Line | None = None

    for ln in body:
        level = heading_level(ln.text)
        if level is not None and full is not None and ln.page is not None:
            if _display_width(ln.text) >= rules.max_width_ratio * full:
                level = None  # as wide as a full line: a wrapped paragraph's first line
        if not current.paragraphs and stack and _is_heading_tail(ln.text):
            joined = stack[-1][1] + ln.text
            stack[-1] = (stack[-1][0], joined)
            current.path = (*current.path[:-1], joined)
            continue
        if level is not None:
            if (done := current.section()) is not None:
                sections.append(done)
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, ln.text))
            current = _Open(tuple(h for _, h in stack), ln.page, ln.page)
            last = None
            continue
        join = last is not None and _continues(last.text, ln.text, last.page is not None, full)
        current.add(ln, join=join)
        last = ln
    if (done := current.section()) is not None:
        sections.append(done)
    return sections
