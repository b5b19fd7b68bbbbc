"""The document model every stage shares: Document, Section, Table, Fact.

A reader turns one file into a `Document`; facts are extracted from its tables
and narrative; chunks and stores are built from it; the answer engine reads
facts back. Keep these plain dataclasses: they are serialised to JSON (inspect,
SQLite) and compared in tests.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

MONEY_UNITS = ("元", "万元", "亿元")
_YUAN_PER = {"元": 1.0, "万元": 10_000.0, "亿元": 100_000_000.0}

BBox = tuple[float, float, float, float]

HEADING_SEP = " › "
LOCATOR_SEP = " · "


def convert_money(value: float, unit: str, to: str) -> float:
    """Convert an amount between 元, 万元 and 亿元."""
    return value * _YUAN_PER[unit] / _YUAN_PER[to]


@dataclass(slots=True)
class Section:
    """A run of narrative under one heading path (第三部分 › 一、… › （四）…)."""

    heading_path: tuple[str, ...]
    text: str
    page: int | None = None  # first page (1-based) for PDFs, None for text files
    end_page: int | None = None
    # (char offset in `text` where a printed line starts, its page), ascending; empty when unknown
    line_pages: list[tuple[int, int]] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return HEADING_SEP.join(self.heading_path)

    def page_at(self, offset: int) -> int | None:
        """Page of the character at `offset` in `text` (falls back to `page`)."""
        page = self.page
        for start, p in self.line_pages:
            if start > offset:
                break
            page = p
        return page


@dataclass(slots=True)
class Table:
    """One logical table, merged across pages.

    `header` holds one flattened name per column; multi-row headers are joined
    with "/" from the outer to the inner cell (`公务用车购置及运行维护费/小计`).
    `rows` are aligned to `header` (same length, "" for a blank cell), already
    cleaned (no `<p>` tags, wrapped names joined, thousands separators kept as
    printed). `row_pages[i]` is the page of `rows[i]`.
    """

    title: str  # as printed, without its number ("一般公共预算支出表（按功能分类）")
    kind: str  # canonical kind key from index/data/table_kinds.toml, "other" if unknown
    unit: str | None  # "元" / "万元" / None when not printed
    header: list[str]
    rows: list[list[str]]
    row_pages: list[int | None] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    number: str | None = None  # printed number as in the document: "表7", "5", "五"
    note: str | None = None  # 注：… printed under the table
    empty: bool = False  # published empty on purpose (note says so, or no data rows)

    @property
    def label(self) -> str:
        """Title with its number, as a person would cite it: `表7 一般公共预算支出表（按功能分类）`."""
        if not self.number:
            return self.title
        num = self.number if self.number.startswith("表") else f"表{self.number}"
        return f"{num} {self.title}"


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a figure stands, precisely enough for a person to find it."""

    doc_id: str
    locator: str  # "表7 一般公共预算支出表（按功能分类） · 2010302 一般行政管理事务 · 支出总计" or a heading path
    quote: str  # the printed line or table row that holds the value
    page: int | None = None
    table: str | None = None  # Table.label
    table_kind: str | None = None
    row: str | None = None  # row label as printed (code + name)
    column: str | None = None  # column name (flattened header)
    section: str | None = None  # heading path joined with HEADING_SEP
    # (x0, top, x1, bottom) in PDF points on `page`: the table cell, or the printed value in a sentence
    bbox: tuple[float, float, float, float] | None = None


@dataclass(frozen=True, slots=True)
class Fact:
    """One figure a user could ask about.

    `value` is in `unit` as printed. Money is available in any money unit via
    `in_unit`. `empty=True` marks the explicit record of a table published
    empty (value 0, subject = the table's kind/title).
    """

    subject: str  # row label / 科目名称 / project / indicator, cleaned ("一般行政管理事务")
    measure: str  # canonical measure ("预算数", "基本支出", "比上年增减", "增长率", "目标值", …)
    value: float
    unit: str  # "元", "万元", "%", "人", "辆", "个", …
    source: Provenance
    code: str | None = None  # 科目编码, normalised digits ("2010302")
    code_level: str | None = None  # "类" / "款" / "项"
    year: int | None = None
    comparison: str | None = None  # "≥", "≤", ">", "<" for targets; None means equals
    text: str = ""  # the value as printed ("2,087,959.00", "8.1万元", "≥12 次")
    context: str = ""  # qualifiers: parent 科目 path, side of a two-sided table, project …
    origin: str = "table"  # "table" or "text"
    empty: bool = False

    @property
    def is_money(self) -> bool:
        return self.unit in MONEY_UNITS

    def in_unit(self, unit: str) -> float | None:
        """The value in `unit`, or None when it cannot be converted."""
        if unit == self.unit:
            return self.value
        if self.is_money and unit in MONEY_UNITS:
            return convert_money(self.value, self.unit, unit)
        return None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Document:
    """Everything read from one disclosure file."""

    doc_id: str  # first 12 hex digits of sha256
    title: str
    department: str
    year: int | None
    stage: str  # "预算" or "决算"
    scope: str  # "部门" or "单位"
    file_name: str
    sha256: str
    page_count: int | None  # None for text files
    sections: list[Section] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # the table of contents' entries as printed (kept out of `sections`), and the page it starts on
    contents: list[str] = field(default_factory=list)
    contents_page: int | None = None

    def summary(self) -> dict[str, Any]:
        """Metadata and counts, without the bodies."""
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "department": self.department,
            "year": self.year,
            "stage": self.stage,
            "scope": self.scope,
            "file_name": self.file_name,
            "sha256": self.sha256,
            "page_count": self.page_count,
            "sections": len(self.sections),
            "tables": len(self.tables),
            "facts": len(self.facts),
            "warnings": list(self.warnings),
        }


@dataclass(slots=True)
class Hit:
    """One retrieved chunk with its fused score and where it comes from."""

    chunk_id: str
    text: str
    score: float
    doc_id: str
    kind: str  # "section" | "row" | "table"
    locator: str
    page: int | None = None
    metadata: dict[str, Any] = field(default_factory=dict)  # table, table_kind, row, heading, year, department, stage …


@dataclass(slots=True)
class Line:
    """One line of narrative text and the page it is printed on (None for text files)."""

    text: str
    page: int | None = None


@dataclass(slots=True)
class Extracted:
    """What a format reader returns, before sections, metadata and facts are built."""

    lines: list[Line]  # narrative lines in reading order, table bodies removed
    tables: list[Table]
    page_count: int | None = None
    warnings: list[str] = field(default_factory=list)
    # PDF only: page -> ruled-table rows as printed, each cell (clean text, (x0, top, x1, bottom) or None)
    cells: dict[int, list[list[tuple[str, BBox | None]]]] = field(default_factory=dict)
    # PDF only: page -> its printed characters (index.read.locate.PageChars), kept to place sentence facts
    pages: dict[int, Any] = field(default_factory=dict)
