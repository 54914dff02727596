"""Security Council veto importer: one row per vetoing member, ISO codes, errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest
from tests.importers.conftest import FIXTURES, count

from axiswatch.importers._common import ReferenceDataError
from axiswatch.importers.vetoes import import_vetoes, member_iso3

VETOES = FIXTURES / "vetoes" / "vetoes.csv"


@pytest.mark.parametrize(
    ("name", "day", "iso3"),
    [
        ("USSR", dt.date(1950, 1, 1), "SUN"),
        ("Russia", dt.date(2022, 1, 1), "RUS"),
        ("China", dt.date(1955, 12, 13), "TWN"),
        ("China", dt.date(1972, 8, 25), "CHN"),
        ("UK", dt.date(1956, 10, 30), "GBR"),
        ("Germany", dt.date(2000, 1, 1), None),
    ],
    ids=["ussr", "russia", "roc-seat", "prc-seat", "uk", "not-a-member"],
)
def test_member_iso3_maps_permanent_members(name: str, day: dt.date, iso3: str | None) -> None:
    assert member_iso3(name, day) == iso3


def test_import_vetoes_one_row_per_member(con: duckdb.DuckDBPyConnection) -> None:
    result = import_vetoes(con, VETOES, dataset_version="t")
    assert (result.dataset, result.rows) == ("unsc-vetoes", 5)
    rows = con.execute(
        "SELECT draft, date, meeting, agenda, subject, vetoed_by, vetoed_by_raw FROM unsc_vetoes "
        "ORDER BY date, vetoed_by"
    ).fetchall()
    assert rows[0][5] == "TWN"
    assert rows[1][3] == "A made-up agenda item that spans two lines"
    assert [r[5] for r in rows[1:3]] == ["FRA", "GBR"]
    assert rows[3:] == [
        (
            "S/2022/431",
            dt.date(2022, 5, 26),
            "S/PV.9048",
            "Non-proliferation - Democratic People's Republic of Korea",
            "North Korea",
            "CHN",
            "China",
        ),
        (
            "S/2022/431",
            dt.date(2022, 5, 26),
            "S/PV.9048",
            "Non-proliferation - Democratic People's Republic of Korea",
            "North Korea",
            "RUS",
            "Russia",
        ),
    ]


def test_import_vetoes_folder_and_reimport(con: duckdb.DuckDBPyConnection) -> None:
    import_vetoes(con, VETOES.parent)
    import_vetoes(con, VETOES.parent)
    assert count(con, "unsc_vetoes") == 5
    assert count(con, "datasets") == 1


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        (
            "2023,13/1/2023,1,S/X,S/PV.X,item,topic,Asia,Russia,,,1,0,0,0,1,0,0,0,0,0,0,0,0",
            "date '13/1/2023' is not M/D/YYYY",
        ),
        (
            "2023,1/1/2023,1,S/X,S/PV.X,item,topic,Asia,Germany,,,1,0,0,0,1,0,0,0,0,0,0,0,0",
            "'Germany' is not a permanent member of the Security Council",
        ),
        (
            "2023,1/1/2023,1,S/X,S/PV.X,item,topic,Asia,,,,1,0,0,0,1,0,0,0,0,0,0,0,0",
            "no vetoing member",
        ),
    ],
    ids=["bad-date", "not-a-member", "no-member"],
)
def test_import_vetoes_malformed_row_rolls_back(
    con: duckdb.DuckDBPyConnection, tmp_path: Path, bad_line: str, message: str
) -> None:
    bad = tmp_path / "vetoes.csv"
    bad.write_text(VETOES.read_text() + bad_line + "\n")
    with pytest.raises(ReferenceDataError) as err:
        import_vetoes(con, bad)
    assert str(err.value).startswith(f"{bad}:6: {message}; ")
    assert count(con, "unsc_vetoes") == count(con, "datasets") == 0
