"""SQLite side of the store: documents (summary + bodies), facts, chunks, and a change counter.

SQLite is the source of truth: the BM25 index is rebuilt from its chunks table.
A document's rows are written first, marked `adding` with the writer's identity,
and only marked `done` once its vectors and BM25 entries are in; a removal marks
it `removing` before touching anything else. Readers see `done` documents only,
so a write in progress (or one killed half-way) is invisible until repaired.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from index.model import Document, Fact, Provenance, Section, Table
from index.store.chunks import Chunk

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, sha256 TEXT UNIQUE NOT NULL, file_name TEXT, department TEXT, year INTEGER,
    stage TEXT, summary TEXT NOT NULL, body TEXT NOT NULL, ord INTEGER NOT NULL,
    state TEXT NOT NULL DEFAULT 'done', writer TEXT, identity TEXT, n_chunks INTEGER);
CREATE TABLE IF NOT EXISTS facts (
    doc_id TEXT NOT NULL, ord INTEGER NOT NULL, subject TEXT, measure TEXT, value REAL, unit TEXT, code TEXT,
    code_level TEXT, year INTEGER, comparison TEXT, text TEXT, context TEXT, origin TEXT, empty INTEGER,
    locator TEXT, quote TEXT, page INTEGER, tbl TEXT, table_kind TEXT, row_label TEXT, col TEXT, section TEXT,
    bbox TEXT, PRIMARY KEY (doc_id, ord));
CREATE TABLE IF NOT EXISTS chunks (
    id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, ord INTEGER NOT NULL, kind TEXT, text TEXT NOT NULL, metadata TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc_id);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""
# Columns added since the first schema: (name, declaration), added to older stores on open.
_ADDED_COLUMNS = (
    ("state", "TEXT NOT NULL DEFAULT 'done'"),
    ("writer", "TEXT"),
    ("identity", "TEXT"),
    ("n_chunks", "INTEGER"),
)
DONE, ADDING, REMOVING = "done", "adding", "removing"
_DONE = f"d.state = '{DONE}'"

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
_PROV_COLS = ("locator", "quote", "page", "tbl", "table_kind", "row_label", "col", "section", "bbox")
_PROV_FIELDS = ("locator", "quote", "page", "table", "table_kind", "row", "column", "section", "bbox")


def _bbox_text(bbox: tuple[float, float, float, float] | None) -> str | None:
    """A bounding box as stored: "x0,top,x1,bottom" in PDF points, two decimals."""
    return None if bbox is None else ",".join(f"{v:.2f}" for v in bbox)


def _prov_values(fact: Fact) -> tuple[Any, ...]:
    """A fact's provenance columns as stored (the box as text)."""
    return (*(getattr(fact.source, p) for p in _PROV_FIELDS[:-1]), _bbox_text(fact.source.bbox))


def _bbox(text: str | None) -> tuple[float, float, float, float] | None:
    if not text:
        return None
    x0, top, x1, bottom = (float(v) for v in text.split(","))
    return (x0, top, x1, bottom)


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating) the database; autocommit off, writes happen in explicit transactions."""
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=30.0)
    conn.execute("PRAGMA busy_timeout=30000")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.executescript(SCHEMA)
    have = {r[1] for r in conn.execute("PRAGMA table_info(documents)")}
    for name, decl in _ADDED_COLUMNS:
        if name not in have:
            try:
                conn.execute(f"ALTER TABLE documents ADD COLUMN {name} {decl}")
            except sqlite3.OperationalError as err:  # another process added it first
                if "duplicate column" not in str(err):
                    raise
    conn.execute("CREATE INDEX IF NOT EXISTS documents_identity ON documents(identity)")
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


def _normal(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def identity(doc: Document) -> str:
    """What makes two files the same document: department, year, stage and a hash of the normalised text.

    The text is the sections' and tables' content after NFKC with whitespace dropped, so
    a GBK and a UTF-8 (or UTF-16) copy of one disclosure, or a re-saved PDF, are one document.
    """
    digest = hashlib.sha256()
    for section in doc.sections:
        digest.update(_normal(section.text).encode())
        digest.update(b"\x1e")
    for table in doc.tables:
        for cell in (table.title, *table.header, *(c for row in table.rows for c in row)):
            digest.update(_normal(cell or "").encode())
            digest.update(b"\x1f")
        digest.update(b"\x1e")
    return f"{doc.department}|{doc.year}|{doc.stage}|{digest.hexdigest()}"


def insert_document(
    conn: sqlite3.Connection,
    doc: Document,
    chunks: Sequence[Chunk],
    *,
    state: str = DONE,
    writer: str | None = None,
    ident: str | None = None,
) -> None:
    """Insert one document, its facts and chunks (inside the caller's transaction)."""
    (ord_,) = conn.execute("SELECT COALESCE(MAX(ord), 0) + 1 FROM documents").fetchone()
    conn.execute(
        "INSERT INTO documents (doc_id, sha256, file_name, department, year, stage, summary, body, ord, state,"
        " writer, identity, n_chunks) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (doc.doc_id, doc.sha256, doc.file_name, doc.department, doc.year, doc.stage,
         json.dumps(doc.summary(), ensure_ascii=False), _body(doc), ord_, state, writer,
         ident or identity(doc), len(chunks)),
    )  # fmt: skip
    replace_content(conn, doc, chunks)


def replace_content(conn: sqlite3.Connection, doc: Document, chunks: Sequence[Chunk]) -> None:
    """(Re)write a document's facts and chunks (caller's transaction)."""
    conn.execute("DELETE FROM facts WHERE doc_id=?", (doc.doc_id,))
    conn.execute("DELETE FROM chunks WHERE doc_id=?", (doc.doc_id,))
    conn.execute("UPDATE documents SET n_chunks=? WHERE doc_id=?", (len(chunks), doc.doc_id))
    conn.executemany(
        f"INSERT INTO facts VALUES ({','.join('?' * (2 + len(_FACT_COLS) + len(_PROV_COLS)))})",
        [(doc.doc_id, i, *(getattr(f, c) for c in _FACT_COLS), *_prov_values(f)) for i, f in enumerate(doc.facts)],
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
    ids = doc_chunk_ids(conn, doc_id)
    for table in ("documents", "facts", "chunks"):
        conn.execute(f"DELETE FROM {table} WHERE doc_id=?", (doc_id,))
    return ids


def set_state(conn: sqlite3.Connection, doc_id: str, state: str, writer: str | None = None) -> None:
    conn.execute("UPDATE documents SET state=?, writer=? WHERE doc_id=?", (state, writer, doc_id))


@dataclass(frozen=True, slots=True)
class Row:
    """A document row's bookkeeping: state, writer, file name and expected counts."""

    doc_id: str
    sha256: str
    file_name: str
    state: str
    writer: str | None
    identity: str | None
    n_chunks: int | None
    n_facts: int


_ROW_SQL = "SELECT doc_id, sha256, file_name, state, writer, identity, n_chunks, summary FROM documents"


def _row(r: tuple[Any, ...]) -> Row:
    return Row(r[0], r[1], r[2] or "", r[3], r[4], r[5], r[6], int(json.loads(r[7]).get("facts", 0)))


def rows(conn: sqlite3.Connection, state: str | None = None) -> list[Row]:
    """Bookkeeping of every document (or those in `state`), in ingest order."""
    if state is None:
        return [_row(r) for r in conn.execute(_ROW_SQL + " ORDER BY ord")]
    return [_row(r) for r in conn.execute(_ROW_SQL + " WHERE state=? ORDER BY ord", (state,))]


def row(conn: sqlite3.Connection, doc_id: str) -> Row | None:
    found = conn.execute(_ROW_SQL + " WHERE doc_id=?", (doc_id,)).fetchone()
    return _row(found) if found else None


def pending(conn: sqlite3.Connection) -> list[Row]:
    """Documents a write left half-way (adding or removing)."""
    return [_row(r) for r in conn.execute(_ROW_SQL + " WHERE state != ? ORDER BY ord", (DONE,))]


def find_same(conn: sqlite3.Connection, sha256: str, ident: str, *, any_state: bool = False) -> Row | None:
    """The stored document with these bytes, or else the same document by identity (None when new)."""
    state = "" if any_state else f" AND state = '{DONE}'"
    for column, value in (("sha256", sha256), ("identity", ident)):
        found = conn.execute(f"{_ROW_SQL} WHERE {column}=?{state} ORDER BY ord LIMIT 1", (value,)).fetchone()
        if found:
            return _row(found)
    return None


def set_identity(conn: sqlite3.Connection, doc_id: str, ident: str, n_chunks: int) -> None:
    conn.execute("UPDATE documents SET identity=?, n_chunks=? WHERE doc_id=?", (ident, n_chunks, doc_id))


def counts(conn: sqlite3.Connection, doc_id: str) -> tuple[int, int]:
    """(chunk rows, fact rows) stored for a document."""
    (n_chunks,) = conn.execute("SELECT COUNT(*) FROM chunks WHERE doc_id=?", (doc_id,)).fetchone()
    (n_facts,) = conn.execute("SELECT COUNT(*) FROM facts WHERE doc_id=?", (doc_id,)).fetchone()
    return int(n_chunks), int(n_facts)


def doc_chunk_ids(conn: sqlite3.Connection, doc_id: str) -> list[str]:
    """A document's chunk ids in order, whatever its state."""
    return [r[0] for r in conn.execute("SELECT id FROM chunks WHERE doc_id=? ORDER BY ord", (doc_id,))]


def doc_chunks(conn: sqlite3.Connection, doc_id: str) -> list[Chunk]:
    """A document's chunks in order, whatever its state (to embed a staged document, or heal one)."""
    rows_ = conn.execute("SELECT id, text, metadata FROM chunks WHERE doc_id=? ORDER BY ord", (doc_id,))
    return [Chunk(r[0], r[1], json.loads(r[2])) for r in rows_]


def summaries(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [json.loads(r[0]) for r in conn.execute(f"SELECT summary FROM documents d WHERE {_DONE} ORDER BY ord")]


def sha_index(conn: sqlite3.Connection) -> dict[str, str]:
    """sha256 -> doc_id of every stored (done) document."""
    return {sha: doc_id for sha, doc_id in conn.execute(f"SELECT sha256, doc_id FROM documents d WHERE {_DONE}")}


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
    locator, quote, page, table, table_kind, row_label, column, section, bbox = row[_N_FACT:]
    source = Provenance(row[0], locator, quote, page, table, table_kind, row_label, column, section, _bbox(bbox))
    return Fact(
        subject, measure, value, unit, source, code, code_level, year, comparison, text, context, origin,
        bool(row[_EMPTY]),
    )  # fmt: skip


def facts(conn: sqlite3.Connection, doc_ids: Sequence[str] | None = None) -> list[Fact]:
    """Facts of the given documents (all when None), in document then extraction order."""
    sql = f"SELECT f.* FROM facts f JOIN documents d ON d.doc_id = f.doc_id WHERE {_DONE}"
    args: tuple[str, ...] = ()
    if doc_ids is not None:
        sql += f" AND f.doc_id IN ({','.join('?' * len(doc_ids))})"
        args = tuple(doc_ids)
    return [_fact(r) for r in conn.execute(sql + " ORDER BY d.ord, f.ord", args)]


def get_document(
    conn: sqlite3.Connection, doc_id: str, *, any_state: bool = False, facts_read: list[Fact] | None = None
) -> Document | None:
    """A stored (done) document with its facts (`facts_read`: its facts, already read by the caller);
    `any_state` also finds one being written (facts left empty)."""
    state = "" if any_state else f" AND {_DONE}"
    row = conn.execute(f"SELECT body FROM documents d WHERE doc_id=?{state}", (doc_id,)).fetchone()
    if row is None:
        return None
    data = json.loads(row[0])
    data["sections"] = [Section(**{**s, "heading_path": tuple(s["heading_path"])}) for s in data["sections"]]
    data["tables"] = [Table(**t) for t in data["tables"]]
    return Document(**data, facts=facts(conn, [doc_id]) if facts_read is None else facts_read)


def chunks(
    conn: sqlite3.Connection, ids: Iterable[str] | None = None, doc_ids: Sequence[str] | None = None
) -> list[Chunk]:
    """Chunks by id (in the order asked), by document, or all (document order)."""
    if ids is not None:
        wanted = list(ids)
        if not wanted:
            return []
        rows_ = conn.execute(
            "SELECT c.id, c.text, c.metadata FROM chunks c JOIN documents d ON d.doc_id = c.doc_id"
            f" WHERE {_DONE} AND c.id IN ({','.join('?' * len(wanted))})",
            wanted,
        )
        found = {r[0]: Chunk(r[0], r[1], json.loads(r[2])) for r in rows_}
        return [found[i] for i in wanted if i in found]
    sql = f"SELECT c.id, c.text, c.metadata FROM chunks c JOIN documents d ON d.doc_id = c.doc_id WHERE {_DONE}"
    args: tuple[str, ...] = ()
    if doc_ids is not None:
        sql += f" AND c.doc_id IN ({','.join('?' * len(doc_ids))})"
        args = tuple(doc_ids)
    return [Chunk(r[0], r[1], json.loads(r[2])) for r in conn.execute(sql + " ORDER BY d.ord, c.ord", args)]


def chunk_ids(conn: sqlite3.Connection) -> set[str]:
    """Every chunk id with a row, whatever its document's state (what may have a vector)."""
    return {r[0] for r in conn.execute("SELECT id FROM chunks")}


def done_chunk_count(conn: sqlite3.Connection) -> int:
    (n,) = conn.execute(
        f"SELECT COUNT(*) FROM chunks c JOIN documents d ON d.doc_id = c.doc_id WHERE {_DONE}"
    ).fetchone()
    return int(n)


def chunk_docs(conn: sqlite3.Connection) -> dict[str, str]:
    """chunk id -> doc_id of its document, for retrieval within some documents."""
    rows = conn.execute(f"SELECT c.id, c.doc_id FROM chunks c JOIN documents d ON d.doc_id = c.doc_id WHERE {_DONE}")
    return {r[0]: r[1] for r in rows.fetchall()}


def chunk_ids_and_texts(conn: sqlite3.Connection) -> tuple[list[str], list[str]]:
    rows = conn.execute(
        f"SELECT c.id, c.text FROM chunks c JOIN documents d ON d.doc_id = c.doc_id WHERE {_DONE} ORDER BY d.ord, c.ord"
    ).fetchall()
    return [r[0] for r in rows], [r[1] for r in rows]
