"""Read and write reference data (UN votes, vetoes, Factbook rows) and claim verifications.

Writing goes through :func:`replacing_dataset`: one transaction that first deletes the rows of
the same dataset and version, so a re-import replaces and an error leaves nothing half-written.
Rows are buffered and inserted in column batches (``unnest`` of lists), which is fast enough for
the 870,000 vote rows of the dgrtwo files.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

import duckdb

from axiswatch.errors import StoreError
from axiswatch.model import Claim

log = logging.getLogger(__name__)

BATCH_ROWS = 50_000


@dataclass(frozen=True)
class TableSpec:
    """A reference table's writable columns and their DuckDB types."""

    name: str
    columns: tuple[tuple[str, str], ...]


REFERENCE_TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec(
            "un_rollcalls",
            (
                ("rcid", "VARCHAR"),
                ("session", "INTEGER"),
                ("session_label", "VARCHAR"),
                ("date", "DATE"),
                ("resolution", "VARCHAR"),
                ("title", "VARCHAR"),
                ("short_title", "VARCHAR"),
                ("importantvote", "BOOLEAN"),
                ("amend", "BOOLEAN"),
                ("para", "BOOLEAN"),
            ),
        ),
        TableSpec(
            "un_votes",
            (
                ("rcid", "VARCHAR"),
                ("country", "VARCHAR"),
                ("vote", "VARCHAR"),
                ("country_raw", "VARCHAR"),
            ),
        ),
        TableSpec(
            "unsc_vetoes",
            (
                ("draft", "VARCHAR"),
                ("date", "DATE"),
                ("meeting", "VARCHAR"),
                ("agenda", "VARCHAR"),
                ("subject", "VARCHAR"),
                ("vetoed_by", "VARCHAR"),
                ("vetoed_by_raw", "VARCHAR"),
            ),
        ),
        TableSpec(
            "borders",
            (
                ("country", "VARCHAR"),
                ("neighbour", "VARCHAR"),
                ("neighbour_name", "VARCHAR"),
                ("segment", "VARCHAR"),
                ("length_km", "DOUBLE"),
                ("note", "VARCHAR"),
            ),
        ),
        TableSpec(
            "trade_partners",
            (
                ("country", "VARCHAR"),
                ("direction", "VARCHAR"),
                ("rank", "INTEGER"),
                ("partner", "VARCHAR"),
                ("partner_name", "VARCHAR"),
                ("share_pct", "DOUBLE"),
                ("year", "INTEGER"),
            ),
        ),
        TableSpec(
            "arms_transfers",
            (
                ("deal_id", "VARCHAR"),
                ("supplier", "VARCHAR"),
                ("recipient", "VARCHAR"),
                ("supplier_raw", "VARCHAR"),
                ("recipient_raw", "VARCHAR"),
                ("designation", "VARCHAR"),
                ("description", "VARCHAR"),
                ("category", "VARCHAR"),
                ("order_year", "INTEGER"),
                ("delivery_year", "INTEGER"),
                ("delivered", "INTEGER"),
                ("tiv_delivered", "DOUBLE"),
                ("status", "VARCHAR"),
            ),
        ),
        TableSpec(
            "factbook_profiles",
            (
                ("country", "VARCHAR"),
                ("gec", "VARCHAR"),
                ("name", "VARCHAR"),
                ("land_boundaries_km", "DOUBLE"),
            ),
        ),
    )
}


class DatasetWriter:
    """Buffers rows per table and inserts them in batches, stamped with dataset and version."""

    def __init__(self, con: duckdb.DuckDBPyConnection, dataset: str, version: str) -> None:
        self._con = con
        self.dataset = dataset
        self.version = version
        self._buffers: dict[str, list[Sequence[Any]]] = {}
        self._widths: dict[str, int] = {}
        self._written: dict[str, int] = {}

    def add(self, table: str, row: Sequence[Any]) -> None:
        """Queue one row, its values in the order of the table's spec columns."""
        buffer = self._buffers.get(table)
        if buffer is None:
            buffer = self._buffers[table] = []
            self._widths[table] = len(REFERENCE_TABLES[table].columns)
        if len(row) != self._widths[table]:
            raise ValueError(f"{table}: {len(row)} values for {self._widths[table]} columns")
        buffer.append(row)
        if len(buffer) >= BATCH_ROWS:
            self._flush(table)

    @property
    def counts(self) -> dict[str, int]:
        """Rows queued so far per table."""
        tables = [*self._buffers, *(t for t in self._written if t not in self._buffers)]
        return {t: self._written.get(t, 0) + len(self._buffers.get(t, ())) for t in tables}

    def count(self, table: str, rows: int) -> None:
        """Record ``rows`` the caller inserted into ``table`` itself (``INSERT ... SELECT``)."""
        self._written[table] = self._written.get(table, 0) + rows

    @property
    def rows(self) -> int:
        """Rows queued so far, all tables together."""
        return sum(self.counts.values())

    def flush(self) -> None:
        """Insert every queued row."""
        for table in list(self._buffers):
            self._flush(table)

    def _flush(self, table: str) -> None:
        rows = self._buffers.get(table)
        if not rows:
            return
        spec = REFERENCE_TABLES[table]
        names = [name for name, _ in spec.columns]
        selects = [f"unnest(?::{kind}[])" for _, kind in spec.columns]
        columns = [list(col) for col in zip(*rows, strict=True)]
        self._con.execute(
            f"INSERT INTO {table} ({', '.join(names)}, dataset, dataset_version) "
            f"SELECT *, ?, ? FROM (SELECT {', '.join(selects)})",
            [self.dataset, self.version, *columns],
        )
        self._written[table] = self._written.get(table, 0) + len(rows)
        rows.clear()


@contextmanager
def replacing_dataset(
    con: duckdb.DuckDBPyConnection,
    *,
    dataset: str,
    version: str,
    kind: str,
    path: str,
    tables: Sequence[str],
) -> Iterator[DatasetWriter]:
    """One transaction that replaces ``dataset`` at ``version`` in ``tables``.

    Earlier rows of the same dataset and version are deleted first; on any error everything is
    rolled back, so the tables hold either the old rows or the complete new ones.
    """
    con.execute("BEGIN TRANSACTION")
    try:
        for table in tables:
            con.execute(
                f"DELETE FROM {table} WHERE dataset = ? AND dataset_version = ?",
                [dataset, version],
            )
        con.execute("DELETE FROM datasets WHERE dataset = ? AND version = ?", [dataset, version])
        writer = DatasetWriter(con, dataset, version)
        yield writer
        writer.flush()
        con.execute(
            "INSERT INTO datasets (dataset, version, kind, path, rows, imported_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [dataset, version, kind, path, writer.rows, _now()],
        )
    except BaseException:
        con.execute("ROLLBACK")
        raise
    try:
        con.execute("COMMIT")
    except duckdb.Error as e:
        raise StoreError(f"{path}: the import of {dataset} {version} failed to commit: {e}") from e
    log.info("imported %s %s: %s", dataset, version, writer.counts)


def insert_parquet(
    con: duckdb.DuckDBPyConnection, table: str, path: str, dataset: str, version: str
) -> None:
    """Insert a Parquet file holding ``table``'s spec columns, stamped with dataset and version
    (inside :func:`replacing_dataset`, whose writer is told the rows with ``count``)."""
    columns = ", ".join(name for name, _ in REFERENCE_TABLES[table].columns)
    con.execute(
        f"INSERT INTO {table} ({columns}, dataset, dataset_version) "
        f"SELECT {columns}, ?, ? FROM read_parquet(?)",
        [dataset, version, path],
    )


def has_rows(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    """Whether a reference table holds any row."""
    if table not in REFERENCE_TABLES:
        raise ValueError(f"{table} is not a reference table")
    return con.execute(f"SELECT count(*) FROM (FROM {table} LIMIT 1)").fetchone()[0] > 0


def set_dataset_path(con: duckdb.DuckDBPyConnection, dataset: str, version: str, path: str) -> None:
    """Record where a dataset version came from (a URL rather than a scratch copy)."""
    con.execute(
        "UPDATE datasets SET path = ? WHERE dataset = ? AND version = ?", [path, dataset, version]
    )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


# --- datasets -----------------------------------------------------------------------------


def list_datasets(con: duckdb.DuckDBPyConnection, kind: str | None = None) -> list[dict[str, Any]]:
    """Imported datasets, newest import first; optionally only one kind."""
    sql = "SELECT dataset, version, kind, path, rows, imported_at FROM datasets"
    params: list[Any] = []
    if kind is not None:
        sql += " WHERE kind = ?"
        params.append(kind)
    return _dicts(con.execute(sql + " ORDER BY imported_at DESC, dataset, version", params))


# --- UN votes -----------------------------------------------------------------------------

_ROLLCALL_COLUMNS = (
    "rcid, session, session_label, date, resolution, title, short_title, importantvote, "
    "amend, para, dataset, dataset_version"
)


def rollcall_span(
    con: duckdb.DuckDBPyConnection, dataset: str, version: str
) -> tuple[dt.date | None, dt.date | None]:
    """First and last roll-call date of one vote dataset."""
    row = con.execute(
        "SELECT min(date), max(date) FROM un_rollcalls WHERE dataset = ? AND dataset_version = ?",
        [dataset, version],
    ).fetchone()
    return (row[0], row[1]) if row else (None, None)


def rollcalls_between(
    con: duckdb.DuckDBPyConnection, dataset: str, version: str, start: dt.date, end: dt.date
) -> list[dict[str, Any]]:
    """Roll calls of one dataset dated from ``start`` to ``end`` (inclusive)."""
    return _dicts(
        con.execute(
            f"SELECT {_ROLLCALL_COLUMNS} FROM un_rollcalls WHERE dataset = ? AND "
            "dataset_version = ? AND date BETWEEN ? AND ? ORDER BY date, rcid",
            [dataset, version, start, end],
        )
    )


def rollcalls_by_resolution(
    con: duckdb.DuckDBPyConnection, dataset: str, version: str, symbol: str
) -> list[dict[str, Any]]:
    """Roll calls on resolution ``symbol`` (``A/RES/68/262``), whole-resolution votes first."""
    return _dicts(
        con.execute(
            f"SELECT {_ROLLCALL_COLUMNS} FROM un_rollcalls WHERE dataset = ? AND "
            "dataset_version = ? AND upper(resolution) = upper(?) "
            "ORDER BY coalesce(amend, false), coalesce(para, false), date, rcid",
            [dataset, version, symbol],
        )
    )


def votes_on(
    con: duckdb.DuckDBPyConnection, dataset: str, version: str, rcid: str
) -> dict[str, str]:
    """Country (ISO alpha-3) → vote on one roll call."""
    rows = con.execute(
        "SELECT country, vote FROM un_votes WHERE dataset = ? AND dataset_version = ? "
        "AND rcid = ? ORDER BY country",
        [dataset, version, rcid],
    ).fetchall()
    return {country: vote for country, vote in rows}


# --- vetoes -------------------------------------------------------------------------------


def vetoes_between(
    con: duckdb.DuckDBPyConnection,
    start: dt.date,
    end: dt.date,
    dataset: str | None = None,
    version: str | None = None,
) -> list[dict[str, Any]]:
    """Veto rows (one per vetoing member) dated from ``start`` to ``end``; optionally of one
    dataset version only."""
    return _dicts(
        con.execute(
            "SELECT draft, date, meeting, agenda, subject, vetoed_by, vetoed_by_raw, dataset, "
            "dataset_version FROM unsc_vetoes WHERE date BETWEEN ? AND ? "
            "AND (? IS NULL OR dataset = ?) AND (? IS NULL OR dataset_version = ?) "
            "ORDER BY date, draft",
            [start, end, dataset, dataset, version, version],
        )
    )


def veto_span(
    con: duckdb.DuckDBPyConnection, dataset: str, version: str
) -> tuple[dt.date | None, dt.date | None]:
    """First and last veto date of one veto dataset version."""
    row = con.execute(
        "SELECT min(date), max(date) FROM unsc_vetoes WHERE dataset = ? AND dataset_version = ?",
        [dataset, version],
    ).fetchone()
    return (row[0], row[1]) if row else (None, None)


def deliveries_between(
    con: duckdb.DuckDBPyConnection,
    supplier: str,
    recipient: str,
    first_year: int,
    last_year: int,
    dataset: str,
    version: str,
) -> list[dict[str, Any]]:
    """Arms-transfer register rows from ``supplier`` to ``recipient`` delivered in the years."""
    return _dicts(
        con.execute(
            "SELECT deal_id, supplier, recipient, designation, description, category, "
            "order_year, delivery_year, delivered, tiv_delivered FROM arms_transfers "
            "WHERE supplier = ? AND recipient = ? AND delivery_year BETWEEN ? AND ? "
            "AND dataset = ? AND dataset_version = ? ORDER BY delivery_year, deal_id",
            [supplier, recipient, first_year, last_year, dataset, version],
        )
    )


def delivery_span(
    con: duckdb.DuckDBPyConnection, dataset: str, version: str
) -> tuple[int | None, int | None]:
    """First and last delivery year of one arms-transfer dataset version."""
    row = con.execute(
        "SELECT min(delivery_year), max(delivery_year) FROM arms_transfers "
        "WHERE dataset = ? AND dataset_version = ?",
        [dataset, version],
    ).fetchone()
    return (row[0], row[1]) if row else (None, None)


# --- Factbook -----------------------------------------------------------------------------


def factbook_profile(
    con: duckdb.DuckDBPyConnection, country: str, dataset: str, version: str
) -> dict[str, Any] | None:
    """The Factbook profile row of a country (ISO alpha-3), or None."""
    rows = _dicts(
        con.execute(
            "SELECT country, gec, name, land_boundaries_km, dataset, dataset_version "
            "FROM factbook_profiles WHERE country = ? AND dataset = ? AND dataset_version = ? "
            "ORDER BY gec",
            [country, dataset, version],
        )
    )
    return rows[0] if rows else None


def borders_between(
    con: duckdb.DuckDBPyConnection, a: str, b: str, dataset: str, version: str
) -> list[dict[str, Any]]:
    """Border segments listed in a's profile for b and in b's profile for a."""
    return _dicts(
        con.execute(
            "SELECT country, neighbour, neighbour_name, segment, length_km, note, dataset, "
            "dataset_version FROM borders WHERE dataset = ? AND dataset_version = ? AND "
            "((country = ? AND neighbour = ?) OR (country = ? AND neighbour = ?)) "
            "ORDER BY country, segment NULLS FIRST",
            [dataset, version, a, b, b, a],
        )
    )


def trade_partners_of(
    con: duckdb.DuckDBPyConnection, country: str, dataset: str, version: str
) -> list[dict[str, Any]]:
    """Export and import partner rows of a country, by direction and rank."""
    return _dicts(
        con.execute(
            "SELECT country, direction, rank, partner, partner_name, share_pct, year, dataset, "
            "dataset_version FROM trade_partners WHERE country = ? AND dataset = ? AND "
            "dataset_version = ? ORDER BY direction, rank",
            [country, dataset, version],
        )
    )


# --- claims and verifications ---------------------------------------------------------------


_CLAIM_COLUMNS = (
    "claim_id, document_id, sentence, subject, predicate, object, value, unit, "
    "time, epistemic, checkable_against, start_char, end_char, rule"
)
_CLAIM_ORDER = "ORDER BY document_id NULLS LAST, start_char NULLS LAST, claim_id"


def read_claims(con: duckdb.DuckDBPyConnection) -> list[Claim]:
    """Every stored claim, subject and object decoded from JSON, in document order."""
    return _claims(_dicts(con.execute(f"SELECT {_CLAIM_COLUMNS} FROM claims {_CLAIM_ORDER}")))


def read_claim_rows(con: duckdb.DuckDBPyConnection, claim_ids: Sequence[str]) -> list[Claim]:
    """The claims with these ids, in document order."""
    if not claim_ids:
        return []
    marks = ", ".join("?" for _ in claim_ids)
    sql = f"SELECT {_CLAIM_COLUMNS} FROM claims WHERE claim_id IN ({marks}) {_CLAIM_ORDER}"
    return _claims(_dicts(con.execute(sql, list(claim_ids))))


def _claims(rows: list[dict[str, Any]]) -> list[Claim]:
    claims = []
    for row in rows:
        row["subject"] = _json_value(row["subject"])
        row["object"] = _json_value(row["object"])
        claims.append(Claim(**row))
    return claims


def _json_value(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    return value


class VerificationRecord(Protocol):
    """What :func:`write_verifications` stores (``axiswatch.analysis.verify.Verification``)."""

    claim_id: str
    verdict: str
    explanation: str
    dataset: str | None
    dataset_version: str | None
    reference_rows: list[dict[str, Any]]


def write_verifications(
    con: duckdb.DuckDBPyConnection, verifications: Iterable[VerificationRecord]
) -> int:
    """Store verifications in one transaction, replacing earlier ones of the same claims."""
    items = list(verifications)
    now = _now()
    rows = [
        [
            v.claim_id,
            v.verdict,
            v.explanation,
            v.dataset,
            v.dataset_version,
            json.dumps(v.reference_rows, ensure_ascii=False, default=str),
            now,
        ]
        for v in items
    ]
    con.execute("BEGIN TRANSACTION")
    try:
        for claim_id in {v.claim_id for v in items}:
            con.execute("DELETE FROM verifications WHERE claim_id = ?", [claim_id])
        if rows:
            con.executemany("INSERT INTO verifications VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    except duckdb.Error as e:
        con.execute("ROLLBACK")
        raise StoreError(f"cannot store verifications: {e}") from e
    con.execute("COMMIT")
    return len(rows)


def read_verifications(
    con: duckdb.DuckDBPyConnection, claim_ids: Sequence[str] | None = None
) -> list[dict[str, Any]]:
    """Stored verifications (reference rows decoded), optionally only for some claims."""
    sql = (
        "SELECT claim_id, verdict, explanation, dataset, dataset_version, reference_rows, "
        "verified_at FROM verifications"
    )
    params: list[Any] = []
    if claim_ids is not None:
        if not claim_ids:
            return []
        sql += f" WHERE claim_id IN ({', '.join('?' for _ in claim_ids)})"
        params.extend(claim_ids)
    rows = _dicts(con.execute(sql + " ORDER BY claim_id", params))
    for row in rows:
        row["reference_rows"] = _json_value(row["reference_rows"]) or []
    return rows
