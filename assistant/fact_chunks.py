"""Structured retrieval: the chunks that print the facts a question matches best.

Dense and BM25 rankings see chunks as text; the fact ranker (`match.rank_facts`)
sees the same document as data — a row label, a measure, a year, a unit — and
knows that "项目支出" names the row 项目支出 rather than every row with a
项目支出 column. Its best facts, mapped back to the chunks that print them, are a
third ranking for the fusion.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from assistant.analyze import Query
from assistant.match import rank_facts
from index.model import Fact
from index.settings import Tunables
from index.store.chunks import Chunk
from index.text import normalize

FACTS_PER_RANKING = 12  # best facts mapped to chunks per question (or named part)
# Facts scoring more than `Tunables.fact_margin` below the best one are left out: below it the ranking holds
# every row that merely has the asked column ("项目支出" in each row of 表7), which only echoes BM25.


@dataclass(slots=True)
class FactChunks:
    """Where each fact is printed: (doc_id, table label or heading) -> [(chunk id, normalised text)],
    and each table's summary chunk."""

    places: dict[tuple[str, str], list[tuple[str, str]]] = field(default_factory=dict)
    summaries: dict[tuple[str, str], str] = field(default_factory=dict)  # (doc_id, table label) -> summary chunk
    documents: set[str] = field(default_factory=set)  # documents whose chunks were added

    def add(self, doc_ids: Iterable[str], chunks: Iterable[Chunk]) -> None:
        """Index these documents' row and section chunks (a document with no chunks still counts as read)."""
        self.documents.update(doc_ids)
        for chunk in chunks:
            meta = chunk.metadata
            kind = chunk.kind
            if kind == "table":
                self.summaries[(str(meta.get("doc_id", "")), str(meta.get("table", "")))] = chunk.id
            where = meta.get("table") if kind == "row" else meta.get("heading") if kind == "section" else None
            if where is not None:
                key = (str(meta.get("doc_id", "")), str(where))
                self.places.setdefault(key, []).append((chunk.id, normalize(chunk.text)))

    def chunk_of(self, fact: Fact) -> str | None:
        """The chunk that prints this fact: in its table (or section), holding its printed value and,
        where one does, its quote or its label; None when no chunk there prints the value."""
        src = fact.source
        if fact.empty:  # a table published empty is printed by its summary (title, note, 空表)
            return self.summaries.get((src.doc_id, src.table or ""))
        # a target written inside a table cell is a text fact whose place is still the table
        places = [src.table, src.section] if fact.origin == "table" else [src.section, src.table]
        candidates = [c for where in places if where for c in self.places.get((src.doc_id, where), [])]
        value = normalize(fact.text)
        labels = [normalize(x) for x in (src.row, fact.subject) if x]
        quote = normalize(src.quote)
        labelled: str | None = None
        valued: str | None = None  # a cell's label can be a column header, not in the row's text
        for chunk_id, text in candidates:
            if value and value not in text:
                continue
            if quote and quote in text:
                return chunk_id
            if labelled is None and any(label in text for label in labels):
                labelled = chunk_id
            valued = valued or chunk_id
        return labelled or valued

    def ranking(
        self,
        query: Query,
        facts: Sequence[Fact],
        *,
        tun: Tunables,
        text: str | None = None,
        departments: frozenset[str] = frozenset(),
    ) -> list[tuple[str, float]]:
        """(chunk id, fact score) of the chunks printing the best-matching facts, best first."""
        out: dict[str, float] = {}
        ranked = rank_facts(query, facts, text=text, departments=departments, tun=tun)[: FACTS_PER_RANKING * 2]
        floor = ranked[0].score - tun.fact_margin if ranked else 0.0
        for scored in ranked:
            if scored.score < floor:
                break
            chunk_id = self.chunk_of(scored.fact)
            if chunk_id is not None and chunk_id not in out:
                out[chunk_id] = scored.score
            if len(out) >= FACTS_PER_RANKING:
                break
        return list(out.items())


__all__ = ["FACTS_PER_RANKING", "FactChunks"]
