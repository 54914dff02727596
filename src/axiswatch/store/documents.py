"""Read and write documents in the workspace database."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import duckdb

from axiswatch.errors import InputError, NotFoundError
from axiswatch.model import Document
from axiswatch.store.cursors import decode_cursor, encode_cursor

_COLUMNS = (
    "document_id, title, url, publisher, published, published_source, language, media_type, "
    "text, path, metadata, ingested_at"
)


def _to_document(row: tuple) -> Document:
    (
        doc_id,
        title,
        url,
        publisher,
        published,
        published_source,
        language,
        media_type,
        text,
        path,
        metadata,
        ingested_at,
    ) = row
    return Document(
        document_id=doc_id,
        title=title,
        url=url,
        publisher=publisher,
        published=published,
        published_source=published_source,
        language=language,
        media_type=media_type,
        text=text,
        path=path,
        metadata=json.loads(metadata) if metadata else {},
        ingested_at=ingested_at,
    )


def has_document(con: duckdb.DuckDBPyConnection, document_id: str) -> bool:
    """True when a document with this id is stored."""
    row = con.execute("SELECT 1 FROM documents WHERE document_id = ?", [document_id]).fetchone()
    return row is not None


def write_document(con: duckdb.DuckDBPyConnection, document: Document, *, raw_sha256: str) -> bool:
    """Store a document and its path in one transaction; False when the text was stored already."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    con.execute("BEGIN TRANSACTION")
    try:
        added = not has_document(con, document.document_id)
        if added:
            con.execute(
                f"INSERT INTO documents ({_COLUMNS}, words) VALUES "
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    document.document_id,
                    document.title,
                    document.url,
                    document.publisher,
                    document.published,
                    document.published_source,
                    document.language,
                    document.media_type,
                    document.text,
                    document.path,
                    json.dumps(document.metadata, default=str),
                    now,
                    document.words,
                ],
            )
        if document.path:
            con.execute(
                "INSERT INTO document_paths VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [document.document_id, document.path, raw_sha256, now],
            )
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
    return added


def needs_extraction(con: duckdb.DuckDBPyConnection, document_id: str) -> bool:
    """Whether the document's extraction never finished (interrupted, or --no-extract)."""
    row = con.execute(
        "SELECT extracted_at IS NULL FROM documents WHERE document_id = ?", [document_id]
    ).fetchone()
    return bool(row and row[0])


def mark_extracted(con: duckdb.DuckDBPyConnection, document_id: str) -> None:
    """Record that the document's events and claims are all stored."""
    con.execute(
        "UPDATE documents SET extracted_at = ? WHERE document_id = ?",
        [dt.datetime.now(dt.UTC).replace(tzinfo=None), document_id],
    )


def read_documents(con: duckdb.DuckDBPyConnection, *, limit: int | None = None) -> list[Document]:
    """Every stored document, oldest ingestion first."""
    sql = f"SELECT {_COLUMNS} FROM documents ORDER BY ingested_at, document_id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [_to_document(row) for row in con.execute(sql).fetchall()]


def read_document(con: duckdb.DuckDBPyConnection, id_or_prefix: str) -> Document:
    """One document by its id or a unique id prefix (at least 4 characters)."""
    key = id_or_prefix.strip().lower()
    if len(key) < 4:
        raise InputError(f"document id {id_or_prefix!r} is too short: give at least 4 characters")
    rows = con.execute(
        f"SELECT {_COLUMNS} FROM documents WHERE starts_with(document_id, ?) LIMIT 2", [key]
    ).fetchall()
    if not rows:
        raise NotFoundError(f"no document with id {id_or_prefix!r}: see `axiswatch documents`")
    if len(rows) > 1:
        raise InputError(f"document id prefix {id_or_prefix!r} is ambiguous: give more characters")
    return _to_document(rows[0])


def count_documents(con: duckdb.DuckDBPyConnection) -> int:
    """How many documents are stored."""
    return con.execute("SELECT count(*) FROM documents").fetchone()[0]


@dataclass(frozen=True)
class DocumentQuery:
    """Which documents to list: words of the title, publisher words, publication dates, and
    the page (``limit`` rows after the cursor ``after``)."""

    words: str | None = None
    publisher: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    limit: int = 100
    after: str | None = None


@dataclass(frozen=True)
class DocumentPage:
    """One page of document summaries (no text), the cursor after the last, the total."""

    rows: list[dict[str, Any]]
    cursor: str | None
    total: int


_SUMMARY = (
    "document_id, title, url, publisher, published, published_source, language, media_type, "
    "path, metadata, ingested_at, words"
)


def _where(query: DocumentQuery) -> tuple[str, list[Any]]:
    clauses, params = ["TRUE"], []
    if query.words:
        clauses.append("contains(lower(coalesce(title, '')), ?)")
        params.append(query.words.lower())
    if query.publisher:
        clauses.append("contains(lower(coalesce(publisher, '')), ?)")
        params.append(query.publisher.lower())
    if query.since is not None:
        clauses.append("published >= ?")
        params.append(query.since)
    if query.until is not None:
        clauses.append("published <= ?")
        params.append(query.until)
    return " AND ".join(clauses), params


def _after(cursor: str) -> tuple[dt.datetime, str]:
    when, doc_id = decode_cursor(cursor, 2)
    try:
        return dt.datetime.fromisoformat(when), str(doc_id)
    except (ValueError, TypeError) as e:
        raise InputError(f"after={cursor[:40]!r}: not a cursor from a `next` link") from e


def read_document_page(con: duckdb.DuckDBPyConnection, query: DocumentQuery) -> DocumentPage:
    """The documents matching ``query`` in ingestion order, one page of them with their
    mention counts, counted and filtered in SQL (texts are not read)."""
    where, params = _where(query)
    total = con.execute(f"SELECT count(*) FROM documents WHERE {where}", params).fetchone()[0]
    page_where, page_params = where, list(params)
    if query.after:
        page_where += " AND (ingested_at, document_id) > (?, ?)"
        page_params += list(_after(query.after))
    sql = (
        f"WITH page AS (SELECT {_SUMMARY} FROM documents WHERE {page_where} "
        "ORDER BY ingested_at, document_id LIMIT ?) "
        "SELECT page.*, (SELECT count(*) FROM events e WHERE e.document_id = page.document_id) "
        "AS events FROM page ORDER BY ingested_at, document_id"
    )
    cur = con.execute(sql, [*page_params, query.limit + 1])
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    more = len(rows) > query.limit
    rows = rows[: query.limit]
    for row in rows:
        row["metadata"] = json.loads(row["metadata"]) if row["metadata"] else {}
    last = [rows[-1]["ingested_at"], rows[-1]["document_id"]] if more and rows else None
    return DocumentPage(rows, encode_cursor(last) if last else None, total)


def latest_documents(con: duckdb.DuckDBPyConnection, n: int = 10) -> list[dict[str, Any]]:
    """The ``n`` documents ingested last, newest first (summaries, no text)."""
    cur = con.execute(
        f"SELECT {_SUMMARY} FROM documents ORDER BY ingested_at DESC, document_id DESC LIMIT ?",
        [n],
    )
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
