"""Factbook importer: GEC crosswalk, border segments, partner shares, errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest
from tests.importers.conftest import FIXTURES, count

from axiswatch.importers._common import ReferenceDataError
from axiswatch.importers._crosswalk import factbook_name_to_iso3, gec_table
from axiswatch.importers.factbook import (
    BorderSegment,
    PartnerShare,
    import_factbook,
    parse_border_countries,
    parse_partner_shares,
)

PROFILES = FIXTURES / "factbook" / "profiles"


@pytest.mark.parametrize(
    ("gec", "iso3"),
    [("kn", "PRK"), ("ch", "CHN"), ("rs", "RUS"), ("ks", "KOR"), ("up", "UKR"), ("xo", None)],
    ids=["kn", "ch", "rs", "ks", "up", "ocean"],
)
def test_gec_table_maps_file_codes(gec: str, iso3: str | None) -> None:
    assert gec_table()[gec][0] == iso3


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("US", "USA"),
        ("Bosnia &amp; Herzegovina", "BIH"),
        ("Congo, Republic of the", "COG"),
        ("S. Korea", "KOR"),
        ("Atlantis", None),
    ],
    ids=["us", "entity", "comma-name", "abbreviation", "unknown"],
)
def test_factbook_name_to_iso3(name: str, iso3: str | None) -> None:
    assert factbook_name_to_iso3(name) == iso3


def test_parse_border_countries_segments_and_notes() -> None:
    text = (
        "China (southeast) 4,133 km and China (south) 46 km; North Korea 18 km, "
        "US 8,891 km (includes 2,475 km with Alaska); Zambia 0.15 km"
    )
    assert parse_border_countries(text) == [
        BorderSegment("China", "southeast", 4133.0, None),
        BorderSegment("China", "south", 46.0, None),
        BorderSegment("North Korea", None, 18.0, None),
        BorderSegment("US", None, 8891.0, "includes 2,475 km with Alaska"),
        BorderSegment("Zambia", None, 0.15, None),
    ]


@pytest.mark.parametrize(
    "text",
    ["China 1,352 km; about twenty km more", "China; Russia"],
    ids=["trailing-prose", "no-lengths"],
)
def test_parse_border_countries_rejects_unreadable(text: str) -> None:
    with pytest.raises(ValueError, match=r"cannot read|no 'Name N km' entry"):
        parse_border_countries(text)


def test_parse_partner_shares_with_year_and_comma_names() -> None:
    shares, year = parse_partner_shares("Congo, Republic of the 12%, China 7.5%, US 3% (2023)")
    assert year == 2023
    assert shares == [
        PartnerShare(1, "Congo, Republic of the", 12.0),
        PartnerShare(2, "China", 7.5),
        PartnerShare(3, "US", 3.0),
    ]


def test_import_factbook_borders_trade_and_profiles(con: duckdb.DuckDBPyConnection) -> None:
    result = import_factbook(con, FIXTURES / "factbook", dataset_version="t")
    assert (result.dataset, result.kind) == ("cia-world-factbook", "factbook")
    assert result.tables == {"factbook_profiles": 3, "borders": 11, "trade_partners": 14}
    assert result.skipped == 1  # the ocean; meta/ is not a profile
    borders = con.execute(
        "SELECT country, neighbour, neighbour_name, segment, length_km FROM borders "
        "WHERE country = 'RUS' ORDER BY length_km DESC"
    ).fetchall()
    assert borders == [
        ("RUS", "CHN", "China", "southeast", 4133.0),
        ("RUS", "CHN", "China", "south", 46.0),
        ("RUS", None, "US Naval Base at Guantanamo Bay", None, 28.5),
        ("RUS", "PRK", "North Korea", None, 18.0),
    ]
    vatican = con.execute("SELECT neighbour, segment FROM borders WHERE length_km = 0.5").fetchall()
    assert vatican == [("VAT", None)]
    partners = con.execute(
        "SELECT direction, rank, partner, share_pct, year FROM trade_partners "
        "WHERE country = 'PRK' ORDER BY direction, rank"
    ).fetchall()
    assert partners[0] == ("export", 1, "CHN", 74.0, 2023)
    assert partners[3] == ("import", 1, "CHN", 97.0, 2023)
    assert any("gives no shares" in w for w in result.warnings)
    total = con.execute(
        "SELECT land_boundaries_km, name FROM factbook_profiles WHERE country = 'PRK'"
    ).fetchone()
    assert total == (1607.0, "North Korea")


def test_import_factbook_twice_replaces(con: duckdb.DuckDBPyConnection) -> None:
    first = import_factbook(con, PROFILES)
    import_factbook(con, PROFILES)
    assert count(con, "borders") == first.tables["borders"]
    assert count(con, "datasets") == 1


def test_import_factbook_progress_counts_files(con: duckdb.DuckDBPyConnection) -> None:
    calls: list[tuple[int, int, str]] = []
    import_factbook(con, PROFILES, progress=lambda d, t, label: calls.append((d, t, label)))
    assert [c[:2] for c in calls] == [(1, 4), (2, 4), (3, 4), (4, 4)]


def _copy_with(tmp_path: Path, gec: str, text: str) -> Path:
    root = tmp_path / "profiles"
    shutil.copytree(PROFILES, root)
    target = next(root.rglob(f"{gec}.json"))
    target.write_text(text)
    return target


def test_import_factbook_invalid_json_names_line(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    bad = _copy_with(tmp_path, "rs", '{\n  "Geography": {\n    "Land boundaries": ,\n  }\n}\n')
    with pytest.raises(ReferenceDataError) as err:
        import_factbook(con, tmp_path / "profiles")
    assert str(err.value).startswith(f"{bad}:3: invalid JSON: Expecting value; ")
    assert count(con, "borders") == count(con, "factbook_profiles") == count(con, "datasets") == 0


def test_import_factbook_unreadable_border_text_names_line_and_rolls_back(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    profile = {"Geography": {"Land boundaries": {"border countries": {"text": "China: long"}}}}
    bad = _copy_with(tmp_path, "kn", json.dumps(profile, indent=2))
    with pytest.raises(ReferenceDataError) as err:
        import_factbook(con, tmp_path / "profiles")
    assert str(err.value) == (
        f"{bad}:5: Land boundaries > border countries: cannot read 'China: long'; "
        "write each neighbour as 'Name N km', separated by ';'"
    )
    assert err.value.field == "border countries"
    assert count(con, "borders") == 0


def test_read_capitals_parses_degrees_and_minutes(tmp_path: Path) -> None:
    from axiswatch.importers.factbook import read_capitals

    folder = tmp_path / "profiles" / "south-america"
    folder.mkdir(parents=True)
    capital = {"name": {"text": "La Paz; note - Sucre is the constitutional capital"},
               "geographic coordinates": {"text": "16 30 S, 68 09 W"}}  # fmt: skip
    (folder / "bl.json").write_text(json.dumps({"Government": {"Capital": capital}}), "utf-8")
    (folder / "xx.json").write_text(json.dumps({"Government": {}}), "utf-8")  # no GEC, skipped
    assert read_capitals(tmp_path) == [
        {"country": "BOL", "name": "La Paz", "lat": -16.5, "lon": -68.15}
    ]
