"""Versioned schema migrations for the workspace database.

Each migration is applied once, in its own transaction, and recorded in
``schema_migrations``; running ``migrate`` twice changes nothing the second time.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import duckdb

from axiswatch.errors import StoreError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Migration:
    """One schema step: a version number, a name and the statements it runs."""

    version: int
    name: str
    statements: tuple[str, ...]


_V1 = Migration(
    1,
    "documents, actors, events, claims, reference tables",
    (
        """CREATE TABLE documents (
            document_id VARCHAR PRIMARY KEY,
            title VARCHAR, url VARCHAR, publisher VARCHAR,
            published DATE, published_source VARCHAR,
            language VARCHAR, media_type VARCHAR NOT NULL,
            text VARCHAR NOT NULL, words INTEGER NOT NULL,
            path VARCHAR, metadata JSON,
            ingested_at TIMESTAMP NOT NULL
        )""",
        """CREATE TABLE document_paths (
            document_id VARCHAR NOT NULL, path VARCHAR NOT NULL,
            raw_sha256 VARCHAR NOT NULL, seen_at TIMESTAMP NOT NULL,
            PRIMARY KEY (document_id, path, raw_sha256)
        )""",
        """CREATE TABLE actors (
            actor_id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, name VARCHAR NOT NULL,
            state VARCHAR, aliases VARCHAR[], source VARCHAR
        )""",
        """CREATE TABLE events (
            event_id VARCHAR PRIMARY KEY,
            origin VARCHAR NOT NULL, dataset VARCHAR, dataset_row VARCHAR,
            document_id VARCHAR, sentence VARCHAR, sentence_start INTEGER, sentence_end INTEGER,
            trigger VARCHAR, start_char INTEGER, end_char INTEGER,
            date_start VARCHAR, date_end VARCHAR, day_start DATE, day_end DATE,
            precision VARCHAR, date_from_context BOOLEAN,
            source VARCHAR, source_person VARCHAR, target VARCHAR, target_person VARCHAR,
            event_type VARCHAR NOT NULL, mode VARCHAR, cameo VARCHAR,
            quad_class INTEGER, goldstein DOUBLE, location VARCHAR,
            epistemic VARCHAR NOT NULL, confidence DOUBLE, rule VARCHAR, why JSON,
            extractor_version VARCHAR, created_at TIMESTAMP NOT NULL
        )""",
        "CREATE INDEX events_document ON events (document_id)",
        "CREATE INDEX events_dyad ON events (source, target)",
        """CREATE TABLE claims (
            claim_id VARCHAR PRIMARY KEY, document_id VARCHAR,
            sentence VARCHAR NOT NULL, start_char INTEGER, end_char INTEGER,
            subject JSON, predicate VARCHAR NOT NULL, object JSON,
            value DOUBLE, unit VARCHAR, time VARCHAR,
            epistemic VARCHAR NOT NULL, checkable_against VARCHAR NOT NULL,
            rule VARCHAR, extractor_version VARCHAR, created_at TIMESTAMP NOT NULL
        )""",
        """CREATE TABLE verifications (
            claim_id VARCHAR NOT NULL, verdict VARCHAR NOT NULL, explanation VARCHAR NOT NULL,
            dataset VARCHAR, dataset_version VARCHAR, reference_rows JSON,
            verified_at TIMESTAMP NOT NULL
        )""",
        """CREATE TABLE datasets (
            dataset VARCHAR NOT NULL, version VARCHAR NOT NULL, kind VARCHAR NOT NULL,
            path VARCHAR, rows BIGINT, imported_at TIMESTAMP NOT NULL,
            PRIMARY KEY (dataset, version)
        )""",
        """CREATE TABLE un_rollcalls (
            rcid VARCHAR NOT NULL, session INTEGER, date DATE, resolution VARCHAR,
            title VARCHAR, short_title VARCHAR, importantvote BOOLEAN,
            dataset VARCHAR NOT NULL, dataset_version VARCHAR NOT NULL
        )""",
        """CREATE TABLE un_votes (
            rcid VARCHAR NOT NULL, country VARCHAR NOT NULL, vote VARCHAR NOT NULL,
            dataset VARCHAR NOT NULL, dataset_version VARCHAR NOT NULL
        )""",
        """CREATE TABLE unsc_vetoes (
            draft VARCHAR, date DATE, meeting VARCHAR, agenda VARCHAR, vetoed_by VARCHAR,
            dataset VARCHAR NOT NULL, dataset_version VARCHAR NOT NULL
        )""",
        """CREATE TABLE borders (
            country VARCHAR NOT NULL, neighbour VARCHAR NOT NULL, length_km DOUBLE,
            dataset VARCHAR NOT NULL, dataset_version VARCHAR NOT NULL
        )""",
        """CREATE TABLE trade_partners (
            country VARCHAR NOT NULL, direction VARCHAR NOT NULL, partner VARCHAR NOT NULL,
            share_pct DOUBLE, year INTEGER,
            dataset VARCHAR NOT NULL, dataset_version VARCHAR NOT NULL
        )""",
    ),
)

_V2 = Migration(
    2,
    "reference provenance: raw names, border segments, Factbook profiles, roll-call flags",
    (
        "ALTER TABLE borders ADD COLUMN neighbour_name VARCHAR",
        "ALTER TABLE borders ADD COLUMN segment VARCHAR",
        "ALTER TABLE borders ADD COLUMN note VARCHAR",
        "ALTER TABLE borders ALTER COLUMN neighbour DROP NOT NULL",
        "ALTER TABLE trade_partners ADD COLUMN partner_name VARCHAR",
        "ALTER TABLE trade_partners ADD COLUMN rank INTEGER",
        "ALTER TABLE trade_partners ALTER COLUMN partner DROP NOT NULL",
        "ALTER TABLE un_rollcalls ADD COLUMN session_label VARCHAR",
        "ALTER TABLE un_rollcalls ADD COLUMN amend BOOLEAN",
        "ALTER TABLE un_rollcalls ADD COLUMN para BOOLEAN",
        "ALTER TABLE un_votes ADD COLUMN country_raw VARCHAR",
        "ALTER TABLE unsc_vetoes ADD COLUMN subject VARCHAR",
        "ALTER TABLE unsc_vetoes ADD COLUMN vetoed_by_raw VARCHAR",
        """CREATE TABLE factbook_profiles (
            country VARCHAR NOT NULL, gec VARCHAR NOT NULL, name VARCHAR,
            land_boundaries_km DOUBLE,
            dataset VARCHAR NOT NULL, dataset_version VARCHAR NOT NULL
        )""",
    ),
)

_V3 = Migration(
    3,
    "event-data import ledger, indexes parked during bulk imports",
    (
        """CREATE TABLE event_imports (
            import_id VARCHAR PRIMARY KEY,
            kind VARCHAR NOT NULL, dataset VARCHAR NOT NULL, path VARCHAR NOT NULL,
            file_bytes BIGINT, actors VARCHAR[], status VARCHAR NOT NULL,
            rows_read BIGINT NOT NULL, added BIGINT NOT NULL, duplicates BIGINT NOT NULL,
            filtered BIGINT NOT NULL, rejected BIGINT NOT NULL, reject_file VARCHAR,
            started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP
        )""",
        """CREATE TABLE event_import_indexes (
            index_name VARCHAR PRIMARY KEY, sql VARCHAR NOT NULL, parked_at TIMESTAMP NOT NULL
        )""",
    ),
)

_CORRECTED = (
    "source",
    "target",
    "event_type",
    "mode",
    "cameo",
    "quad_class",
    "goldstein",
    "date_start",
    "date_end",
    "day_start",
    "day_end",
    "precision",
    "epistemic",
)
_V4 = Migration(
    4,
    "events grouped from mentions, analysts' reviews, publishers' mention counts",
    (
        "ALTER TABLE events ADD COLUMN mentions INTEGER",
        "CREATE TABLE event_groups AS SELECT * FROM events LIMIT 0",
        "ALTER TABLE event_groups ADD COLUMN documents INTEGER",
        "ALTER TABLE event_groups ADD COLUMN review VARCHAR",
        "ALTER TABLE event_groups ADD COLUMN reviewer VARCHAR",
        "ALTER TABLE event_groups ADD COLUMN reviewed_at TIMESTAMP",
        """CREATE TABLE event_mentions (
            mention_id VARCHAR PRIMARY KEY, event_id VARCHAR NOT NULL,
            mention_key VARCHAR NOT NULL, reason VARCHAR NOT NULL, reviewed BOOLEAN NOT NULL
        )""",
        "CREATE INDEX event_mentions_event ON event_mentions (event_id)",
        """CREATE TABLE reviews (
            review_id VARCHAR PRIMARY KEY, event_id VARCHAR NOT NULL,
            mention_keys VARCHAR[] NOT NULL, action VARCHAR NOT NULL, changes JSON,
            note VARCHAR, reviewer VARCHAR, created_at TIMESTAMP NOT NULL
        )""",
        # one row per event: the grouped extracted mentions and every imported row
        """CREATE VIEW grouped_events AS
            SELECT * FROM event_groups
            UNION ALL BY NAME
            SELECT * REPLACE (coalesce(mentions, 1) AS mentions),
                   1 AS documents, 'unreviewed' AS review
            FROM events WHERE origin <> 'extracted'""",
        # one row per mention, with its event's review and corrections
        "CREATE VIEW reviewed_mentions AS SELECT e.* REPLACE ("
        + ", ".join(
            f"CASE WHEN g.review = 'corrected' THEN g.{c} ELSE e.{c} END AS {c}" for c in _CORRECTED
        )
        + ", coalesce(e.mentions, 1) AS mentions), 1 AS documents, "
        "coalesce(g.review, 'unreviewed') AS review, "
        "m.event_id AS group_id FROM events e "
        "LEFT JOIN event_mentions m ON m.mention_id = e.event_id "
        "LEFT JOIN event_groups g ON g.event_id = m.event_id",
    ),
)

_V5 = Migration(
    5,
    "when a document's extraction finished (an interrupted one is finished by the next ingest)",
    (
        "ALTER TABLE documents ADD COLUMN extracted_at TIMESTAMP",
        # documents stored before this column existed count as extracted (`reextract` redoes)
        "UPDATE documents SET extracted_at = ingested_at",
    ),
)

_V6 = Migration(
    6,
    "arms transfers: the SIPRI trade register (deliveries of major conventional arms)",
    (
        """CREATE TABLE arms_transfers (
            deal_id VARCHAR, supplier VARCHAR, recipient VARCHAR, supplier_raw VARCHAR,
            recipient_raw VARCHAR, designation VARCHAR, description VARCHAR, category VARCHAR,
            order_year INTEGER, delivery_year INTEGER, delivered INTEGER, tiv_delivered DOUBLE,
            status VARCHAR,
            dataset VARCHAR NOT NULL, dataset_version VARCHAR NOT NULL
        )""",
    ),
)

MIGRATIONS: tuple[Migration, ...] = (_V1, _V2, _V3, _V4, _V5, _V6)


def _ensure_ledger(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,
            applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp
        )"""
    )


def applied_versions(con: duckdb.DuckDBPyConnection) -> set[int]:
    """The migration versions already recorded in this database."""
    _ensure_ledger(con)
    return {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply every pending migration in order; returns the versions applied now."""
    done = applied_versions(con)
    applied: list[int] = []
    for migration in MIGRATIONS:
        if migration.version in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in migration.statements:
                con.execute(statement)
            con.execute(
                "INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
                [migration.version, migration.name],
            )
        except duckdb.Error as e:
            con.execute("ROLLBACK")
            raise StoreError(
                f"schema migration {migration.version} ({migration.name}) failed: {e}"
            ) from e
        con.execute("COMMIT")
        log.info("applied schema migration %s: %s", migration.version, migration.name)
        applied.append(migration.version)
    return applied


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest applied migration version (0 for an empty database)."""
    return max(applied_versions(con), default=0)
