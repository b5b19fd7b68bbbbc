"""Structured retrieval: facts mapped back to the chunks that print them (real documents, no store)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.analyze import analyze
from assistant.fact_chunks import FactChunks
from index.model import Document
from index.read.document import read_document
from index.settings import Tunables
from index.store.chunks import Chunk, build_chunks
from index.text import normalize

ROOT = Path(__file__).resolve().parents[2]
DAPENG = ROOT / "index" / "data" / "shenzhen_dapeng_data_bureau_2022_dept_budget.txt"
JUSTICE = ROOT / "tests" / "fixtures" / "shanghai_putuo_justice_2026_dept_budget.pdf"


@pytest.fixture(scope="module", params=[DAPENG, JUSTICE], ids=["dapeng", "justice"])
def indexed(request: pytest.FixtureRequest) -> tuple[Document, dict[str, Chunk], FactChunks]:
    doc = read_document(request.param)
    chunks = build_chunks(doc)
    places = FactChunks()
    places.add([doc.doc_id], chunks)
    return doc, {c.id: c for c in chunks}, places


def test_every_fact_maps_to_a_chunk_printing_its_value(indexed: tuple[Document, dict[str, Chunk], FactChunks]) -> None:
    doc, chunks, places = indexed
    facts = [f for f in doc.facts if not f.empty]
    missing = []
    for fact in facts:
        chunk_id = places.chunk_of(fact)
        if chunk_id is None or normalize(fact.text) not in normalize(chunks[chunk_id].text):
            missing.append((fact.subject, fact.text))
            continue
        meta = chunks[chunk_id].metadata
        assert meta["doc_id"] == doc.doc_id
        assert meta.get("table") in (fact.source.table, fact.source.section) or meta.get("heading") in (
            fact.source.section,
            fact.source.table,
        )
    assert len(missing) <= len(facts) // 100, missing[:10]


def test_text_and_table_facts_land_on_their_own_row_or_sentence() -> None:
    doc = read_document(DAPENG)
    chunks = {c.id: c for c in build_chunks(doc)}
    places = FactChunks()
    places.add([doc.doc_id], chunks.values())
    # read from the document: "7. 政府投资项目 2,008 万元" (第三部分) and 表14's row 政府投资项目 2,008
    text_fact = next(f for f in doc.facts if f.origin == "text" and f.subject == "政府投资项目" and f.value == 2008)
    text_chunk = chunks[places.chunk_of(text_fact) or ""]
    assert text_chunk.kind == "section" and "政府投资项目2,008万元" in normalize(text_chunk.text)
    row_fact = next(f for f in doc.facts if f.origin == "table" and f.subject == "政府投资项目" and f.value == 2008)
    row_chunk = chunks[places.chunk_of(row_fact) or ""]
    assert row_chunk.kind == "row" and row_chunk.metadata["table"] == row_fact.source.table
    empty = next(f for f in doc.facts if f.empty)
    summary = chunks[places.chunk_of(empty) or ""]
    assert summary.kind == "table" and "空表" in summary.text


def test_ranking_keeps_only_facts_near_the_best() -> None:
    # "项目支出" names the row 项目支出 (4,644 万元, 表3 and the narrative); every row of 表7 merely
    # has a 项目支出 column, and those must not ride along into the ranking
    doc = read_document(DAPENG)
    chunks = {c.id: c for c in build_chunks(doc)}
    places = FactChunks()
    places.add([doc.doc_id], chunks.values())
    ranking = places.ranking(analyze("项目支出占总支出的比例"), doc.facts, text="项目支出", tun=Tunables())
    assert ranking
    assert all("4,644" in chunks[chunk_id].text for chunk_id, _ in ranking)
