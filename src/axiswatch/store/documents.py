"""Read and write documents in the workspace database."""

from __future__ import annotations

import datetime as dt
import json

import duckdb

from axiswatch.errors import InputError, NotFoundError
from axiswatch.model import Document

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
