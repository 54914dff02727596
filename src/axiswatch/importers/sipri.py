"""Import the SIPRI Arms Transfers Database trade register as SIPRI exports it (CSV).

The export opens with notes on SIPRI's conventions, then a header line starting ``SIPRI AT
Database ID`` and one row per deal and delivery year: supplier, recipient, designation,
description, armament category, order date, numbers delivered, delivery year, status and the
TIV of the delivered weapons (millions). Suppliers and recipients are country names, mapped to
ISO alpha-3 (Factbook names, then ISO's); a party that is not a state ("Hamas (Palestine)*",
"unknown supplier(s)") is skipped and counted. A "?" marks an uncertain figure; the figure is
kept. The register covers major conventional weapons only: small arms, light weapons and
ammunition are not in it, so the absence of a row never contradicts a claim.

SIPRI's data is not openly licensed, so axiswatch does not ship it: import your own export
(https://armstrade.sipri.org/armstrade/page/trade_register.php) with ``axiswatch import sipri``.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pycountry

from axiswatch.importers._common import (
    PROGRESS_EVERY,
    ImportResult,
    ProgressCallback,
    ReferenceDataError,
    content_version,
    no_progress,
    one_csv,
    open_csv,
    required,
)
from axiswatch.importers._crosswalk import factbook_name_to_iso3
from axiswatch.store.reference import replacing_dataset

KIND = "arms_transfers"
DATASET = "sipri-arms-transfers"
HEADER_STARTS = "SIPRI AT Database ID"
_REQUIRED = ("SIPRI AT Database ID", "Supplier", "Recipient", "Delivery year")
_NAMES = {  # SIPRI's spellings that neither the Factbook nor ISO lists
    "soviet union": "SUN",
    "dr congo": "COD",
    "congo": "COG",
    "cote d'ivoire": "CIV",
    "north korea": "PRK",
    "south korea": "KOR",
    "russia": "RUS",
    "uae": "ARE",
    "united states": "USA",
    "turkiye": "TUR",
}


def country_iso3(name: str) -> str | None:
    """ISO alpha-3 for a SIPRI party name; None for a party that is not a state."""
    clean = name.strip()
    if not clean or clean.endswith("*") or "unknown" in clean.lower():
        return None
    key = " ".join(clean.lower().split())
    if key in _NAMES:
        return _NAMES[key]
    found = factbook_name_to_iso3(clean)
    if found:
        return found
    try:
        return str(pycountry.countries.lookup(clean).alpha_3)
    except LookupError:
        return None


def import_sipri(
    con: duckdb.DuckDBPyConnection,
    path: str | Path,
    *,
    dataset_version: str | None = None,
    progress: ProgressCallback = no_progress,
) -> ImportResult:
    """Import a SIPRI trade-register CSV export (a file, or a folder holding one ``*.csv``)."""
    file = one_csv(Path(path), "the export file", prefer=("transfer", "trade"))
    version = dataset_version or content_version([file])
    total = file.stat().st_size
    skipped = 0
    names: set[str] = set()
    with (
        replacing_dataset(
            con,
            dataset=DATASET,
            version=version,
            kind=KIND,
            path=str(path),
            tables=("arms_transfers",),
        ) as writer,
        open_csv(file, header_starts=HEADER_STARTS) as stream,
    ):
        col = stream.index(_REQUIRED)
        for n, (line, rec) in enumerate(stream.records, 1):
            supplier_raw = required(file, line, "Supplier", rec[col["Supplier"]])
            recipient_raw = required(file, line, "Recipient", rec[col["Recipient"]])
            supplier, recipient = country_iso3(supplier_raw), country_iso3(recipient_raw)
            if supplier is None or recipient is None:
                skipped += 1
                names.update(
                    r
                    for r, c in ((supplier_raw, supplier), (recipient_raw, recipient))
                    if c is None
                )
                continue
            writer.add(
                "arms_transfers",
                (
                    rec[col["SIPRI AT Database ID"]].strip() or None,
                    supplier,
                    recipient,
                    supplier_raw,
                    recipient_raw,
                    _text(rec, col, "Designation"),
                    _text(rec, col, "Description"),
                    _text(rec, col, "Armament category"),
                    _year(file, line, rec, col, "Order date"),
                    _year(file, line, rec, col, "Delivery year"),
                    _number(file, line, rec, col, "Numbers delivered", int),
                    _number(file, line, rec, col, "TIV delivery values", float),
                    _text(rec, col, "Status"),
                ),
            )
            if n % PROGRESS_EVERY == 1:
                progress(stream.bytes_read, total, file.name)
        progress(total, total, file.name)
    warnings = (
        (f"{file}: {skipped} rows with a party that is not a state skipped: "
         f"{', '.join(sorted(names)[:8])}",)
        if skipped
        else ()
    )  # fmt: skip
    return ImportResult(
        dataset=DATASET,
        version=version,
        kind=KIND,
        path=str(path),
        rows=writer.rows,
        tables=dict(writer.counts),
        skipped=skipped,
        warnings=warnings,
    )


def _text(rec: list[str], col: dict[str, int], name: str) -> str | None:
    i = col.get(name)
    return (" ".join(rec[i].split()) or None) if i is not None else None


def _year(path: Path, line: int, rec: list[str], col: dict[str, int], name: str) -> int | None:
    value = (_text(rec, col, name) or "").rstrip("?").strip()
    if not value:
        return None
    if not (value.isdigit() and len(value) == 4):
        raise ReferenceDataError(
            path, line, f"{name} {value!r} is not a year", "fix the year", field=name
        )
    return int(value)


def _number(
    path: Path, line: int, rec: list[str], col: dict[str, int], name: str, kind: type
) -> int | float | None:
    value = (_text(rec, col, name) or "").rstrip("?").strip()
    if not value:
        return None
    try:
        return kind(float(value)) if kind is int else kind(value)
    except ValueError as e:
        raise ReferenceDataError(
            path, line, f"{name} {value!r} is not a number", "fix the number", field=name
        ) from e
