"""Events built from stored mentions and reviews (tables ``event_groups``, ``event_mentions``).

``regroup`` rebuilds both from the extracted mentions in the ``events`` table and the
``reviews`` table, in one transaction, so they are always a function of what is stored.
Imported rows (GDELT, ICEWS, POLECAT) are events of their own and are not copied: the
``grouped_events`` view adds them with their publisher's mention counts.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import duckdb

from axiswatch.extract.dates import iso_precision
from axiswatch.review.grouping import Group, Mention, group_mentions, mention_key
from axiswatch.review.reviews import apply_changes, verdict
from axiswatch.store.reviews import read_reviews


def key_of(row: dict[str, Any]) -> str:
    """The review key of one stored mention row."""
    return mention_key(
        row.get("document_id"),
        row.get("start_char"),
        row.get("end_char"),
        row.get("source"),
        row.get("target"),
        row["event_type"],
        row["event_id"],
    )


def _mention(row: dict[str, Any]) -> Mention:
    return Mention(
        event_id=row["event_id"],
        key=key_of(row),
        document_id=row.get("document_id"),
        source=row.get("source"),
        target=row.get("target"),
        event_type=row["event_type"],
        epistemic=row.get("epistemic") or "asserted",
        day_start=row.get("day_start"),
        day_end=row.get("day_end"),
        precision=row.get("precision")
        or (iso_precision(row["date_start"]) if row.get("date_start") else None),
        start_char=row.get("start_char"),
        confidence=row.get("confidence"),
    )


_GROUPING_COLUMNS = (
    "event_id",
    "document_id",
    "start_char",
    "end_char",
    "source",
    "target",
    "event_type",
    "epistemic",
    "day_start",
    "day_end",
    "precision",
    "date_start",
    "confidence",
)


def _summary(group: Group, reviews: list) -> dict[str, Any]:
    """One group's own columns (the rest is copied from its first mention in SQL)."""
    found = verdict(reviews, group.keys)
    confidences = [m.confidence for m in group.mentions if m.confidence is not None]
    return {
        "group_id": group.group_id,
        "first_id": group.first.event_id,
        "mentions": len(group.mentions),
        "documents": len(group.documents),
        "epistemic": group.epistemic,
        "confidence": max(confidences) if confidences else None,
        "review": found.status,
        "reviewer": found.reviewer,
        "reviewed_at": found.reviewed_at,
        "_changes": found.changes,
        "_covered": found.covered,
    }


def regroup(con: duckdb.DuckDBPyConnection) -> int:
    """Rebuild the events from every extracted mention and every review; returns their number.

    Grouping is decided in Python (review.grouping); the rows are then written by SQL, each
    event a copy of its first mention with its own counts, status and review, so the cost
    stays near one pass over the mentions.
    """
    import pandas as pd

    cur = con.execute(
        f"SELECT {', '.join(_GROUPING_COLUMNS)} FROM events WHERE origin = 'extracted'"
    )
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    reviews = read_reviews(con)
    merges = [(r.review_id, set(r.mention_keys)) for r in reviews if r.action == "merge"]
    splits = [(r.review_id, set(r.mention_keys)) for r in reviews if r.action == "split"]
    groups = group_mentions((_mention(r) for r in rows), merges=merges, splits=splits)
    summaries = [_summary(g, reviews) for g in groups]
    members = pd.DataFrame(
        [
            (m.event_id, g.group_id, m.key, reason, m.key in summary["_covered"])
            for g, summary in zip(groups, summaries, strict=True)
            for m, reason in zip(g.mentions, g.reasons, strict=True)
        ],
        columns=["mention_id", "event_id", "mention_key", "reason", "reviewed"],
    )
    heads = pd.DataFrame(
        [{k: v for k, v in s.items() if not k.startswith("_")} for s in summaries],
        columns=[
            "group_id", "first_id", "mentions", "documents", "epistemic", "confidence",
            "review", "reviewer", "reviewed_at",
        ],
    )  # fmt: skip
    heads["reviewed_at"] = pd.to_datetime(heads["reviewed_at"])
    corrected = [(s["group_id"], s["_changes"]) for s in summaries if s["_changes"]]
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM event_groups")
        con.execute("DELETE FROM event_mentions")
        con.register("_aw_heads", heads)
        con.register("_aw_members", members)
        con.execute(
            "INSERT INTO event_groups BY NAME SELECT e.* REPLACE ("
            "h.group_id AS event_id, h.mentions AS mentions, h.epistemic AS epistemic, "
            "h.confidence AS confidence), h.documents, h.review, h.reviewer, "
            "CAST(h.reviewed_at AS TIMESTAMP) AS reviewed_at "
            "FROM _aw_heads h JOIN events e ON e.event_id = h.first_id"
        )
        con.execute("INSERT INTO event_mentions BY NAME SELECT * FROM _aw_members")
        for group_id, changes in corrected:
            _correct(con, group_id, changes)
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        con.unregister("_aw_heads")
        con.unregister("_aw_members")
    con.execute("COMMIT")
    return len(groups)


def _correct(con: duckdb.DuckDBPyConnection, group_id: str, changes: dict[str, Any]) -> None:
    """Apply an analyst's corrections to one stored event."""
    cur = con.execute("SELECT * FROM event_groups WHERE event_id = ?", [group_id])
    names = [d[0] for d in cur.description]
    row = dict(zip(names, cur.fetchone(), strict=True))
    fixed = apply_changes(row, changes)
    changed = [k for k in names if k in fixed and fixed[k] != row[k]]
    if changed:
        sets = ", ".join(f"{k} = ?" for k in changed)
        con.execute(
            f"UPDATE event_groups SET {sets} WHERE event_id = ?",
            [_cell(fixed[k]) for k in changed] + [group_id],
        )


def _cell(value: Any) -> Any:
    """A Python value as DuckDB takes it (dicts as JSON text)."""
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def mentions_of(con: duckdb.DuckDBPyConnection, event_id: str) -> list[dict[str, Any]]:
    """The mentions of one event: id, document, sentence, offsets, why it joined, reviewed."""
    cur = con.execute(
        "SELECT e.event_id, e.document_id, e.sentence, e.start_char, e.end_char, e.date_start, "
        "e.date_end, e.source, e.target, e.event_type, e.epistemic, m.mention_key, m.reason, "
        "m.reviewed FROM event_mentions m JOIN events e ON e.event_id = m.mention_id "
        "WHERE m.event_id = ? ORDER BY e.day_start NULLS LAST, e.document_id, e.start_char",
        [event_id],
    )
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def group_of(con: duckdb.DuckDBPyConnection, mention_id: str) -> str | None:
    """The event a mention belongs to (None when it is not an extracted mention)."""
    row = con.execute(
        "SELECT event_id FROM event_mentions WHERE mention_id = ?", [mention_id]
    ).fetchone()
    return row[0] if row else None


def now() -> dt.datetime:
    """The current UTC time, naive, as stored."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
