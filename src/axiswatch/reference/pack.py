"""The reference pack: versioned snapshots of reference data that ship in the package.

``data/manifest.json`` lists each dataset with its source, licence, version and retrieval date
and the Parquet files of its tables (built by ``scripts/build_reference_pack.py`` from the
publishers' files). :func:`install` copies datasets into a workspace's reference tables in one
transaction, stamped with the dataset name and the pack's version, so verdicts and alignment
name exactly what they read; a version a user imported later from the publisher is newer and
wins (see :mod:`axiswatch.reference.update`).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from axiswatch.errors import InputError
from axiswatch.store.reference import (
    has_rows,
    insert_parquet,
    list_datasets,
    replacing_dataset,
)

MANIFEST = "manifest.json"
PACK_VERSION = "2026.12"
PACK_PATH = "axiswatch reference pack"


@dataclass(frozen=True)
class PackDataset:
    """One dataset of the pack, as its manifest entry describes it."""

    name: str
    kind: str
    version: str
    title: str
    publisher: str
    licence: str
    retrieved: str
    coverage: str
    url: str | None
    tables: dict[str, dict[str, Any]]
    changes: tuple[str, ...] = field(default=())

    @property
    def rows(self) -> int:
        """Rows over all tables."""
        return sum(int(t["rows"]) for t in self.tables.values())


@contextmanager
def _data_dir() -> Iterator[Path]:
    with resources.as_file(resources.files("axiswatch.reference") / "data") as path:
        yield Path(path)


@cache
def manifest() -> dict[str, Any]:
    """The pack's manifest (datasets, map, pack version)."""
    text = resources.files("axiswatch.reference").joinpath("data", MANIFEST).read_text("utf-8")
    return json.loads(text)


def datasets() -> list[PackDataset]:
    """Every dataset in the pack, in manifest order."""
    return [
        PackDataset(
            name=e["name"],
            kind=e["kind"],
            version=e["version"],
            title=e["title"],
            publisher=e["publisher"],
            licence=e["licence"],
            retrieved=e["retrieved"],
            coverage=e["coverage"],
            url=e.get("url"),
            tables=e["tables"],
            changes=tuple(e.get("changes", ())),
        )
        for e in manifest()["datasets"]
    ]


def dataset(name: str) -> PackDataset:
    """The pack dataset called ``name``; an error lists the names there are."""
    for entry in datasets():
        if entry.name == name:
            return entry
    names = ", ".join(d.name for d in datasets())
    raise InputError(f"reference dataset {name!r} is not in the pack; choose one of {names}")


def pack_version_label(entry: PackDataset) -> str:
    """The version a pack dataset is stored under: ``pack-2026.12:1946-2024.06``."""
    return f"pack-{manifest()['pack_version']}:{entry.version}"


def install(
    con: duckdb.DuckDBPyConnection, names: Iterable[str] | None = None
) -> list[PackDataset]:
    """Copy pack datasets (all, or ``names``) into the workspace; returns those installed.

    Each dataset is one transaction that replaces an earlier install of the same pack version,
    so installing twice changes nothing and an error leaves the earlier rows in place.
    """
    chosen = datasets() if names is None else [dataset(n) for n in names]
    with _data_dir() as folder:
        for entry in chosen:
            version = pack_version_label(entry)
            with replacing_dataset(
                con,
                dataset=entry.name,
                version=version,
                kind=entry.kind,
                path=PACK_PATH,
                tables=list(entry.tables),
            ) as writer:
                for table, spec in entry.tables.items():
                    insert_parquet(con, table, str(folder / spec["file"]), entry.name, version)
                    writer.count(table, int(spec["rows"]))
    return chosen


KIND_TABLES = {"un_votes": "un_rollcalls", "unsc_vetoes": "unsc_vetoes", "factbook": "borders"}


def missing_kinds(con: duckdb.DuckDBPyConnection, kinds: Iterable[str]) -> list[str]:
    """The kinds of reference data of which the workspace holds no rows at all."""
    return [kind for kind in kinds if not has_rows(con, KIND_TABLES[kind])]


def ensure(con: duckdb.DuckDBPyConnection, kinds: Iterable[str]) -> list[PackDataset]:
    """Install the pack datasets of every kind the workspace holds nothing of; returns them.

    A kind the user imported (any version, any dataset) is left alone: their data decide.
    """
    missing = set(missing_kinds(con, kinds))
    wanted = [d.name for d in datasets() if d.kind in missing]
    return install(con, wanted) if wanted else []


def map_topology() -> dict[str, Any]:
    """The Natural Earth country shapes (TopoJSON; ``id`` is the ISO 3166-1 numeric code)."""
    name = manifest()["map"]["file"]
    raw = resources.files("axiswatch.reference").joinpath("data", name).read_bytes()
    return json.loads(gzip.decompress(raw))


def capitals() -> dict[str, dict[str, Any]]:
    """ISO alpha-3 -> the capital's ``name``, ``lat`` and ``lon`` (from the Factbook)."""
    name = manifest()["capitals"]["file"]
    rows = json.loads(resources.files("axiswatch.reference").joinpath("data", name).read_text())
    return {row["country"]: row for row in rows}


def installed(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Reference datasets in the workspace, newest first, each marked ``from_pack``."""
    return [row | {"from_pack": row["path"] == PACK_PATH} for row in list_datasets(con)]
