"""SQLite side of the store: documents (summary + bodies), facts, chunks, and a change counter.

SQLite is the source of truth: the BM25 index is rebuilt from its chunks table,
and Chroma entries without a row here are removed on open.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from index.chunks import Chunk
from index.model import Document, Fact, Provenance, Section, Table

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, sha256 TEXT UNIQUE NOT NULL, file_name TEXT, department TEXT, year INTEGER,
    stage TEXT, summary TEXT NOT NULL, body TEXT NOT NULL, ord INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS facts (
    doc_id TEXT NOT NULL, ord INTEGER NOT NULL, subject TEXT, measure TEXT, value REAL, unit TEXT, code TEXT,
    code_level TEXT, year INTEGER, comparison TEXT, text TEXT, context TEXT, origin TEXT, empty INTEGER,
    locator TEXT, quote TEXT, page INTEGER, tbl TEXT, table_kind TEXT, row_label TEXT, col TEXT, section TEXT,
    PRIMARY KEY (doc_id, ord));
CREATE TABLE IF NOT EXISTS chunks (
    id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, ord INTEGER NOT NULL, kind TEXT, text TEXT NOT NULL, metadata TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc_id);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""

_FACT_COLS = (
    "subject",
    "measure",
    "value",
    "unit",
    "code",
    "code_level",
    "year",
    "comparison",
    "text",
    "context",
    "origin",
    "empty",
)
_PROV_COLS = ("locator", "quote", "page", "tbl", "table_kind", "row_label", "col", "section")
_PROV_FIELDS = ("locator", "quote", "page", "table", "table_kind", "row", "column", "section")


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating) the database; autocommit off, writes happen in explicit transactions."""
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.executescript(SCHEMA)
    return conn


def generation(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key='generation'").fetchone()
    return int(row[0]) if row else 0


def bump_generation(conn: sqlite3.Connection) -> int:
    new = generation(conn) + 1
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('generation', ?)", (str(new),))
    return new


def _body(doc: Document) -> str:
    data = {f.name: getattr(doc, f.name) for f in fields(doc) if f.name != "facts"}
    data["sections"] = [asdict(s) for s in doc.sections]
    data["tables"] = [asdict(t) for t in doc.tables]
    return json.dumps(data, ensure_ascii=False)


def insert_document(conn: sqlite3.Connection, doc: Document, chunks: Sequence[Chunk]) -> None:
    """Insert one document, its facts and chunks (inside the caller's transaction)."""
    (ord_,) = conn.execute("SELECT COALESCE(MAX(ord), 0) + 1 FROM documents").fetchone()
    conn.execute(
        "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?)",
        (doc.doc_id, doc.sha256, doc.file_name, doc.department, doc.year, doc.stage,
         json.dumps(doc.summary(), ensure_ascii=False), _body(doc), ord_),
    )  # fmt: skip
    conn.executemany(
        f"INSERT INTO facts VALUES ({','.join('?' * (2 + len(_FACT_COLS) + len(_PROV_COLS)))})",
        [
            (doc.doc_id, i, *(getattr(f, c) for c in _FACT_COLS), *(getattr(f.source, p) for p in _PROV_FIELDS))
            for i, f in enumerate(doc.facts)
        ],
    )
    conn.executemany(
        "INSERT INTO chunks VALUES (?,?,?,?,?,?)",
        [
            (c.id, doc.doc_id, i, c.kind, c.text, json.dumps(c.metadata, ensure_ascii=False))
            for i, c in enumerate(chunks)
        ],
    )


def delete_document(conn: sqlite3.Connection, doc_id: str) -> list[str]:
    """Delete a document everywhere in SQLite (caller's transaction); returns its chunk ids."""
    ids = [r[0] for r in conn.execute("SELECT id FROM chunks WHERE doc_id=?", (doc_id,))]
    for table in ("documents", "facts", "chunks"):
        conn.execute(f"DELETE FROM {table} WHERE doc_id=?", (doc_id,))
    return ids


def summaries(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [json.loads(r[0]) for r in conn.execute("SELECT summary FROM documents ORDER BY ord")]


def sha_index(conn: sqlite3.Connection) -> dict[str, str]:
    """sha256 -> doc_id of every stored document."""
    return {sha: doc_id for sha, doc_id in conn.execute("SELECT sha256, doc_id FROM documents")}


# Rows are turned into facts positionally (a third of the time of keyword dicts; a first question
# over 300 documents reads 100,000 facts), so the column lists must follow the dataclass fields.
_N_FACT = 2 + len(_FACT_COLS)
_EMPTY = _N_FACT - 1
assert tuple(f.name for f in fields(Provenance)) == ("doc_id", *_PROV_FIELDS)
assert tuple(f.name for f in fields(Fact)) == (*_FACT_COLS[:4], "source", *_FACT_COLS[4:])


def _fact(row: sqlite3.Row | tuple[Any, ...]) -> Fact:
    """A facts-table row (doc_id, ord, fact columns, provenance columns) as a Fact."""
    subject, measure, value, unit = row[2:6]
    code, code_level, year, comparison, text, context, origin = row[6:_EMPTY]
    source = Provenance(row[0], *row[_N_FACT:])
    return Fact(
        subject, measure, value, unit, source, code, code_level, year, comparison, text, context, origin,
        bool(row[_EMPTY]),
    )  # fmt: skip


def facts(conn: sqlite3.Connection, doc_ids: Sequence[str] | None = None) -> list[Fact]:
    """Facts of the given documents (all when None), in document then extraction order."""
    sql = "SELECT f.* FROM facts f JOIN documents d ON d.doc_id = f.doc_id"
    args: tuple[str, ...] = ()
    if doc_ids is not None:
        sql += f" WHERE f.doc_id IN ({','.join('?' * len(doc_ids))})"
        args = tuple(doc_ids)
    return [_fact(r) for r in conn.execute(sql + " ORDER BY d.ord, f.ord", args)]


def get_document(conn: sqlite3.Connection, doc_id: str) -> Document | None:
    row = conn.execute("SELECT body FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
    if row is None:
        return None
    data = json.loads(row[0])
    data["sections"] = [Section(**{**s, "heading_path": tuple(s["heading_path"])}) for s in data["sections"]]
    data["tables"] = [Table(**t) for t in data["tables"]]
    return Document(**data, facts=facts(conn, [doc_id]))


def chunks(
    conn: sqlite3.Connection, ids: Iterable[str] | None = None, doc_ids: Sequence[str] | None = None
) -> list[Chunk]:
    """Chunks by id (in the order asked), by document, or all (document order)."""
    if ids is not None:
        wanted = list(ids)
        if not wanted:
            return []
        rows = conn.execute(
            f"SELECT id, text, metadata FROM chunks WHERE id IN ({','.join('?' * len(wanted))})", wanted
        )
        found = {r[0]: Chunk(r[0], r[1], json.loads(r[2])) for r in rows}
        return [found[i] for i in wanted if i in found]
    sql = "SELECT c.id, c.text, c.metadata FROM chunks c JOIN documents d ON d.doc_id = c.doc_id"
    args: tuple[str, ...] = ()
    if doc_ids is not None:
        sql += f" WHERE c.doc_id IN ({','.join('?' * len(doc_ids))})"
        args = tuple(doc_ids)
    return [Chunk(r[0], r[1], json.loads(r[2])) for r in conn.execute(sql + " ORDER BY d.ord, c.ord", args)]


def chunk_ids(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT id FROM chunks")}


def chunk_filters(conn: sqlite3.Connection) -> dict[str, tuple[str, str, int | None]]:
    """chunk id -> (doc_id, department, year) of its document, for retrieval filters."""
    rows = conn.execute(
        "SELECT c.id, c.doc_id, d.department, d.year FROM chunks c JOIN documents d ON d.doc_id = c.doc_id"
    ).fetchall()
    return {r[0]: (r[1], r[2] or "", r[3]) for r in rows}


def chunk_ids_and_texts(conn: sqlite3.Connection) -> tuple[list[str], list[str]]:
    rows = conn.execute(
        "SELECT c.id, c.text FROM chunks c JOIN documents d ON d.doc_id = c.doc_id ORDER BY d.ord, c.ord"
    ).fetchall()
    return [r[0] for r in rows], [r[1] for r in rows]
