"""Claims a page at a time: filtered by document and verdict, counted per verdict, and paged
by a keyset cursor, all in SQL (only the page's claims and verifications are read)."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from axiswatch.model import Claim
from axiswatch.store.cursors import decode_cursor, encode_cursor
from axiswatch.store.reference import read_claim_rows

SORT_KEY = (
    "c.document_id IS NULL",
    "coalesce(c.document_id, '')",
    "c.start_char IS NULL",
    "coalesce(c.start_char, -1)",
    "c.claim_id",
)
"""The listing order (document, offset in it, id; unplaced last) as a comparable row."""
VERDICT = "coalesce(v.verdict, 'unchecked')"
# a claim checked twice shows its latest verdict
_JOINED = (
    "claims c LEFT JOIN (SELECT claim_id, arg_max(verdict, verified_at) AS verdict "
    "FROM verifications GROUP BY claim_id) v USING (claim_id)"
)


@dataclass(frozen=True)
class ClaimPage:
    """One page of claims, the cursor after the last (None at the end), the number that match
    and the verdict counts of all the claims in scope (the verdict filter aside)."""

    claims: list[Claim]
    cursor: str | None
    total: int
    verdicts: dict[str, int]


def read_claim_page(
    con: duckdb.DuckDBPyConnection,
    *,
    document_id: str | None = None,
    verdict: str | None = None,
    limit: int = 100,
    after: str | None = None,
) -> ClaimPage:
    """The claims of ``document_id`` (all without one) with ``verdict`` ('unchecked' for
    claims not verified), ``limit`` of them after the cursor ``after``."""
    scope, params = ("c.document_id = ?", [document_id]) if document_id else ("TRUE", [])
    counts = dict(
        con.execute(
            f"SELECT {VERDICT}, count(*) FROM {_JOINED} WHERE {scope} GROUP BY 1", params
        ).fetchall()
    )
    where, args = scope, list(params)
    if verdict:
        where += f" AND {VERDICT} = ?"
        args.append(verdict)
    total = con.execute(f"SELECT count(*) FROM {_JOINED} WHERE {where}", args).fetchone()[0]
    if after:
        where += f" AND ({', '.join(SORT_KEY)}) > ({', '.join('?' for _ in SORT_KEY)})"
        args += decode_cursor(after, len(SORT_KEY))
    keys = con.execute(
        f"SELECT {', '.join(SORT_KEY)} FROM {_JOINED} WHERE {where} "
        f"ORDER BY {', '.join(SORT_KEY)} LIMIT ?",
        [*args, limit + 1],
    ).fetchall()
    more = len(keys) > limit
    keys = keys[:limit]
    claims = read_claim_rows(con, [k[-1] for k in keys])
    cursor = encode_cursor(list(keys[-1])) if more and keys else None
    return ClaimPage(claims, cursor, total, counts)
