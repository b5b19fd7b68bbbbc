"""Chunks: the retrievable pieces of a Document.

Three kinds: `section` (narrative cut on sentence ends into ~200–400 characters,
heading path in front), `row` (one table row with its table label, unit and
column names, so a row is findable on its own) and `table` (one summary per
table). Ids are stable (`doc_id:kind:index`), so re-chunking the same Document
gives the same ids.

Every chunk is in SQLite, BM25 and the dense index. The vector of a row of
labels and figures (`2010302 一般行政管理事务 | 合计 1,461 | …`) is computed from
its table and row label only (`Chunk.dense_text`): the figures tell an embedding
nothing a question can match (the fact index and BM25 answer them), and they
were four fifths of the tokens encoded. Rows carrying prose embed their text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from index.lexicon import load_data
from index.model import HEADING_SEP, LOCATOR_SEP, Document, Section, Table
from index.read.columns import row_label, value_columns
from index.read.tables import is_number

CHUNKER_VERSION = "4"  # 4: a number row's vector is of its table and row label (`Chunk.dense_text`)
DENSE_LABEL = "label"  # metadata["dense"] of a number row
SENTENCE_END = re.compile(r"(?<=[。；！？!?;])|\n+")
MIN_CHARS = 200
MAX_CHARS = 400
SHORT_SENTENCE = 20  # a sentence this short is a label or lead-in: it stays with the sentence after it
CLAUSE_ENDS = ("，", "、", "：", ",", ":")
SUMMARY_ROW_LABELS = 300  # characters of row labels listed in a table's summary chunk
LABEL_MAX_CHARS = 40  # a label cell longer than this is prose: the row keeps its vector


@dataclass(slots=True)
class Chunk:
    """One retrievable piece: `text` is what BM25 indexes and answers quote; `dense_text` what is embedded."""

    id: str
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return str(self.metadata.get("kind", ""))

    @property
    def dense_text(self) -> str:
        """What the chunk's vector is computed from: its text, or for a number row its table and row label."""
        if self.metadata.get("dense") == DENSE_LABEL:
            return f"{self.metadata.get('table', '')} {self.metadata.get('row', '')}".strip()
        return self.text


def is_number_row(row: Sequence[str], values: Sequence[int]) -> bool:
    """A row of short labels and figures only: every figure cell a number (or a dash), no label cell of prose."""
    if not values:
        return False
    placeholders = set(load_data("index.data", "table_kinds.toml")["rows"]["figure_placeholders"])
    for c, cell in enumerate(row):
        if not cell:
            continue
        if c in values:
            if not (is_number(cell) or cell.strip() in placeholders):
                return False
        elif len(cell) > LABEL_MAX_CHARS:
            return False
    return True


def split_sentences(text: str) -> list[str]:
    """Sentences (ending punctuation kept) and lines, stripped, empty ones dropped."""
    return [s.strip() for s in SENTENCE_END.split(text) if s and s.strip()]


def split_paragraphs(text: str) -> list[str]:
    """Lines (paragraphs or list items), stripped, empty ones dropped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def _cut_long(sentence: str, max_chars: int) -> list[str]:
    """A sentence longer than max_chars cut after a comma or colon when one falls in its second half, else at max_chars."""
    parts: list[str] = []
    while len(sentence) > max_chars:
        window = sentence[:max_chars]
        cut = max((window.rfind(p) for p in CLAUSE_ENDS), default=-1) + 1
        if cut <= max_chars // 2:
            cut = max_chars
        parts.append(sentence[:cut])
        sentence = sentence[cut:]
    return [*parts, sentence] if sentence else parts


def pack_sentences(sentences: list[str], min_chars: int = MIN_CHARS, max_chars: int = MAX_CHARS) -> list[str]:
    """Group sentences into pieces of about min..max characters; a longer sentence is cut at a comma (or max_chars).

    A piece never ends on a short sentence such as a list label ("2.公务接待费。"):
    that sentence opens the next piece, beside the sentence it introduces.
    """
    pieces: list[str] = []
    current = ""
    last = ""
    for sentence in (part for s in sentences for part in _cut_long(s, max_chars)):
        if current and len(current) + len(sentence) > max_chars:
            if len(last) <= SHORT_SENTENCE and len(current) > len(last):
                pieces.append(current[: -len(last)])
                current = last
            else:
                pieces.append(current)
                current = ""
        current += sentence
        last = sentence
        if len(current) >= min_chars and len(sentence) > SHORT_SENTENCE:
            pieces.append(current)
            current = ""
    if current:
        if pieces and len(current) < min_chars // 4 and len(pieces[-1]) + len(current) <= max_chars:
            pieces[-1] += current
        else:
            pieces.append(current)
    return pieces


def pack_section(text: str, min_chars: int = MIN_CHARS, max_chars: int = MAX_CHARS) -> list[str]:
    """A section's text as pieces that keep its paragraphs (list items) whole where they fit.

    Paragraphs are joined until a piece reaches min_chars; a paragraph longer than
    max_chars is cut on sentence ends (`pack_sentences`).
    """
    pieces: list[str] = []
    current = ""
    for paragraph in split_paragraphs(text):
        units = (
            [paragraph]
            if len(paragraph) <= max_chars
            else pack_sentences(split_sentences(paragraph), min_chars, max_chars)
        )
        for unit in units:
            if current and (len(current) >= min_chars or len(current) + len(unit) > max_chars):
                pieces.append(current)
                current = ""
            current += unit
    if current:
        pieces.append(current)
    return pieces


def table_heading(table: Table) -> str:
    """`表7 一般公共预算支出表（按功能分类）（单位：万元）`."""
    return f"{table.label}（单位：{table.unit}）" if table.unit else table.label


def _row_labels(table: Table, row: list[str], values: list[int]) -> str:
    labels: list[str] = []
    for c in values:
        label = row_label(table, row, c)
        if label and label not in labels:
            labels.append(label)
    if not labels:
        labels = [next((cell for cell in row if cell), "")]
    return " / ".join(labels)


def _base(doc: Document) -> dict[str, Any]:
    return {
        "doc_id": doc.doc_id,
        "department": doc.department,
        "year": doc.year,
        "stage": doc.stage,
        "file_name": doc.file_name,
    }


def _section_chunks(doc: Document, sections: list[Section]) -> list[Chunk]:
    chunks: list[Chunk] = []
    for section in sections:
        heading = section.heading
        for piece in pack_section(section.text):
            text = f"{heading}\n{piece}" if heading else piece
            meta = {
                **_base(doc),
                "kind": "section",
                "page": section.page,
                "locator": heading or doc.title,
                "heading": heading,
            }
            chunks.append(Chunk(f"{doc.doc_id}:section:{len(chunks)}", text, meta))
    return chunks


def _table_chunks(doc: Document, table: Table, t_index: int, row_start: int) -> tuple[Chunk, list[Chunk]]:
    heading = table_heading(table)
    values = value_columns(table)
    first_page = table.pages[0] if table.pages else None
    base = {**_base(doc), "table": table.label, "table_kind": table.kind}
    rows: list[Chunk] = []
    labels: list[str] = []
    for i, row in enumerate(table.rows):
        if not any(row) or table.empty:  # an empty table's rows are bare labels: its summary chunk stands for it
            continue
        label = _row_labels(table, row, values)
        labels.append(label)
        cells = [f"{name} {cell}" if name else cell for name, cell in zip(table.header, row, strict=False) if cell]
        page = table.row_pages[i] if i < len(table.row_pages) and table.row_pages[i] is not None else first_page
        meta = {**base, "kind": "row", "page": page, "locator": f"{table.label}{LOCATOR_SEP}{label}", "row": label}
        if is_number_row(row, values):
            meta["dense"] = DENSE_LABEL
        rows.append(Chunk(f"{doc.doc_id}:row:{row_start + len(rows)}", " | ".join([heading, *cells]), meta))
    parts = [heading, f"类型 {table.kind}", f"列 {'、'.join(h for h in table.header if h)}", f"共 {len(rows)} 行"]
    if table.empty:
        parts.append("本表为空表（无数据）")
    if table.note:
        parts.append(f"注 {table.note}")
    listed = "、".join(labels)
    if listed:
        parts.append(f"行 {listed[:SUMMARY_ROW_LABELS]}")
    meta = {**base, "kind": "table", "page": first_page, "locator": table.label, "empty": table.empty}
    return Chunk(f"{doc.doc_id}:table:{t_index}", " | ".join(parts), meta), rows


def build_chunks(doc: Document) -> list[Chunk]:
    """All chunks of a Document: sections, then per table its summary and its rows."""
    chunks = _section_chunks(doc, doc.sections)
    n_rows = 0
    for t_index, table in enumerate(doc.tables):
        summary, rows = _table_chunks(doc, table, t_index, n_rows)
        n_rows += len(rows)
        chunks.append(summary)
        chunks.extend(rows)
    return chunks


__all__ = [
    "CHUNKER_VERSION",
    "HEADING_SEP",
    "Chunk",
    "build_chunks",
    "is_number_row",
    "pack_section",
    "pack_sentences",
    "split_paragraphs",
    "split_sentences",
    "table_heading",
]
