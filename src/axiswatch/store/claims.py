"""Write extracted claims to the workspace; read them back with :func:`read_claims`.

``read_claims`` lives in :mod:`axiswatch.store.reference` beside the verifications that use
it and is re-exported here, so that claims are read and written from one module.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

import duckdb

from axiswatch.errors import StoreError
from axiswatch.model import Claim
from axiswatch.store.reference import read_claims
from axiswatch.store.rows import insert_rows

__all__ = ["read_claims", "write_claims"]

_COLUMNS = (
    "claim_id",
    "document_id",
    "sentence",
    "start_char",
    "end_char",
    "subject",
    "predicate",
    "object",
    "value",
    "unit",
    "time",
    "epistemic",
    "checkable_against",
    "rule",
    "extractor_version",
    "created_at",
)


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def write_claims(
    con: duckdb.DuckDBPyConnection,
    claims: Sequence[Claim],
    *,
    document_id: str | None,
    extractor_version: str | None = None,
) -> int:
    """Store a document's claims in one transaction, replacing the ones stored before.

    The verifications of the replaced claims are deleted with them: they judged the old text.
    ``document_id`` None stores claims that belong to no document and replaces nothing.
    """
    if document_id is not None:
        strays = sorted({c.claim_id for c in claims if c.document_id not in {None, document_id}})
        if strays:
            raise StoreError(
                f"claims {', '.join(strays[:3])} belong to another document than "
                f"{document_id}: write each document's claims separately"
            )
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows = [
        [
            c.claim_id,
            c.document_id if c.document_id is not None else document_id,
            c.sentence,
            c.start_char,
            c.end_char,
            _json(c.subject),
            c.predicate,
            _json(c.object),
            c.value,
            c.unit,
            c.time,
            c.epistemic,
            c.checkable_against,
            c.rule,
            extractor_version,
            now,
        ]
        for c in claims
    ]
    con.execute("BEGIN TRANSACTION")
    try:
        if document_id is not None:
            old = "SELECT claim_id FROM claims WHERE document_id = ?"
            con.execute(f"DELETE FROM verifications WHERE claim_id IN ({old})", [document_id])
            con.execute("DELETE FROM claims WHERE document_id = ?", [document_id])
        insert_rows(con, "claims", _COLUMNS, rows)
    except duckdb.Error as e:
        con.execute("ROLLBACK")
        raise StoreError(f"cannot store the claims of document {document_id}: {e}") from e
    con.execute("COMMIT")
    return len(rows)
