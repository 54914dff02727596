"""Read and write analysts' reviews (the ``reviews`` table); never changed, only added to."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

import duckdb

from axiswatch.review.reviews import Review, check_action


def add_review(
    con: duckdb.DuckDBPyConnection,
    *,
    event_id: str,
    mention_keys: Sequence[str],
    action: str,
    changes: Mapping[str, Any] | None = None,
    note: str | None = None,
    reviewer: str | None = None,
) -> Review:
    """Store one review (already checked by the caller) and return it."""
    review = Review(
        review_id="rv-" + uuid.uuid4().hex[:12],
        event_id=event_id,
        mention_keys=tuple(mention_keys),
        action=check_action(action),
        changes=dict(changes or {}),
        note=note,
        reviewer=reviewer,
        created_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
    )
    con.execute(
        "INSERT INTO reviews VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            review.review_id,
            review.event_id,
            list(review.mention_keys),
            review.action,
            json.dumps(review.changes, ensure_ascii=False),
            review.note,
            review.reviewer,
            review.created_at,
        ],
    )
    return review


def read_reviews(
    con: duckdb.DuckDBPyConnection, *, mention_keys: Sequence[str] | None = None
) -> list[Review]:
    """Reviews in the order they were made; with ``mention_keys``, those covering any of them."""
    sql = "SELECT * FROM reviews"
    params: list[Any] = []
    if mention_keys is not None:
        sql += " WHERE list_has_any(mention_keys, ?::VARCHAR[])"
        params.append(list(mention_keys))
    cur = con.execute(sql + " ORDER BY created_at, review_id", params)
    names = [d[0] for d in cur.description]
    out = []
    for r in cur.fetchall():
        row = dict(zip(names, r, strict=True))
        out.append(
            Review(
                review_id=row["review_id"],
                event_id=row["event_id"],
                mention_keys=tuple(row["mention_keys"] or ()),
                action=row["action"],
                changes=json.loads(row["changes"]) if row["changes"] else {},
                note=row["note"],
                reviewer=row["reviewer"],
                created_at=row["created_at"],
            )
        )
    return out
