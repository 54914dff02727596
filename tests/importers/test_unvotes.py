"""UN vote importers: the three layouts, code mapping, errors, rollback and re-import."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import duckdb
import pytest
from tests.importers.conftest import FIXTURES, count

from axiswatch.importers._common import ReferenceDataError
from axiswatch.importers.unvotes import detect_layout, import_unvotes, resolution_symbol


def _votes(con: duckdb.DuckDBPyConnection, rcid: str) -> dict[str, str]:
    rows = con.execute("SELECT country, vote FROM un_votes WHERE rcid = ?", [rcid]).fetchall()
    return dict(rows)


@pytest.mark.parametrize(
    ("header", "layout"),
    [
        (["rcid", "session", "importantvote", "date", "unres"], "dgrtwo-rollcalls"),
        (["rcid", "country", "country_code", "vote"], "dgrtwo-votes"),
        (["rcid", "short_name", "issue"], "dgrtwo-issues"),
        (["resid", "session", "ccode", "iso3c", "date", "year", "vote"], "voeten"),
        (["undl_id", "ms_code", "ms_name", "ms_vote", "date", "resolution"], "undl"),
        (["id", "name"], None),
    ],
    ids=["dgrtwo-rollcalls", "dgrtwo-votes", "dgrtwo-issues", "voeten", "undl", "unknown"],
)
def test_detect_layout_from_header(header: list[str], layout: str | None) -> None:
    assert detect_layout(header) == layout


@pytest.mark.parametrize(
    ("text", "symbol"),
    [
        ("R/68/262", "A/RES/68/262"),
        ("A/RES/ES-10/19", "A/RES/ES-10/19"),
        ("resolution 68/262 of March 2014", "A/RES/68/262"),
        ("the ES-11/1 vote", "A/RES/ES-11/1"),
        ("the 2022 vote on Ukraine", None),
    ],
    ids=["voeten-form", "emergency", "resolution-n", "bare-es", "none"],
)
def test_resolution_symbol_normalises(text: str, symbol: str | None) -> None:
    assert resolution_symbol(text) == symbol


def test_import_unvotes_dgrtwo_maps_codes_and_dates(con: duckdb.DuckDBPyConnection) -> None:
    result = import_unvotes(con, FIXTURES / "dgrtwo", dataset_version="t1")
    assert (result.dataset, result.version, result.kind) == ("unvotes-dgrtwo", "t1", "un_votes")
    assert result.tables == {"un_rollcalls": 3, "un_votes": 10}
    assert result.skipped == 1  # Zanzibar has no ISO code
    assert _votes(con, "101") == {"SUN": "no", "NAM": "yes", "DEU": "abstain"}
    assert _votes(con, "102")["RUS"] == "no"
    rollcall = con.execute(
        "SELECT resolution, amend, title FROM un_rollcalls WHERE rcid = '103'"
    ).fetchone()
    assert rollcall == (
        "A/RES/68/262",
        True,
        "An amendment vote on the same symbol,\nspanning two lines",
    )
    assert con.execute("SELECT DISTINCT dataset, dataset_version FROM un_votes").fetchall() == [
        ("unvotes-dgrtwo", "t1")
    ]
    assert con.execute("SELECT dataset, version, kind, rows FROM datasets").fetchall() == [
        ("unvotes-dgrtwo", "t1", "un_votes", 13)
    ]


def test_import_unvotes_voeten_applies_cow_seat_rules(con: duckdb.DuckDBPyConnection) -> None:
    result = import_unvotes(con, FIXTURES / "voeten" / "votes.csv", dataset_version="t1")
    assert result.dataset == "unvotes-voeten"
    assert _votes(con, "1001") == {"TWN": "yes", "SUN": "no"}
    assert _votes(con, "25001") == {"TWN": "yes", "YUG": "absent"}
    assert _votes(con, "26001") == {"CHN": "abstain"}
    assert _votes(con, "45001") == {"SUN": "no", "NAM": "yes"}
    assert _votes(con, "68061") == {
        "RUS": "no",
        "PRK": "no",
        "CHN": "abstain",
        "USA": "yes",
        "SRB": "non_member",
    }
    assert result.skipped == 1
    sessions = con.execute("SELECT rcid, session, date FROM un_rollcalls ORDER BY rcid").fetchall()
    assert sessions[-2:] == [
        ("68061", 68, dt.date(2014, 3, 27)),
        ("68061:2014-04-01", 68, dt.date(2014, 4, 1)),
    ]
    assert _votes(con, "68061:2014-04-01") == {"CAN": "yes"}
    assert any("1 resid(s) also carry votes on another date" in w for w in result.warnings)


def test_import_unvotes_undl_votes_and_emergency_session(con: duckdb.DuckDBPyConnection) -> None:
    import_unvotes(con, FIXTURES / "undl" / "ga_voting.csv", dataset_version="t1")
    assert _votes(con, "T0001") == {
        "RUS": "no",
        "PRK": "no",
        "CHN": "abstain",
        "USA": "yes",
        "NAM": "yes",
        "VEN": "absent",
    }
    assert _votes(con, "T0002") == {"USA": "yes", "SUN": "absent"}
    row = con.execute(
        "SELECT session, session_label, resolution FROM un_rollcalls WHERE rcid = 'T0001'"
    ).fetchone()
    assert row == (None, "ES-11", "A/RES/ES-11/1")


def test_import_unvotes_sessions_filter_keeps_only_those(con: duckdb.DuckDBPyConnection) -> None:
    result = import_unvotes(con, FIXTURES / "dgrtwo", sessions={68})
    assert result.tables == {"un_rollcalls": 2, "un_votes": 7}


def test_import_unvotes_twice_replaces(con: duckdb.DuckDBPyConnection) -> None:
    first = import_unvotes(con, FIXTURES / "voeten" / "votes.csv")
    second = import_unvotes(con, FIXTURES / "voeten" / "votes.csv")
    assert first.version == second.version
    assert count(con, "un_votes") == first.tables["un_votes"]
    assert count(con, "datasets") == 1


BAD_CASES = [
    ("voeten", "68061,68,365,RUS,2014-03-27,2014,7", "vote '7' is not one of 1, 2, 3, 8 or 9"),
    (
        "voeten",
        "68061,68,999,XXX,2014-03-27,2014,1",
        "COW code 999 on 2014-03-27 is not in the crosswalk",
    ),
    ("voeten", "68061,68,365,RUS,27/03/2014,2014,1", "date '27/03/2014' is not YYYY-MM-DD"),
    ("voeten", "68061,68,365", "3 fields where the header has 7"),
    (
        "undl",
        "T0001,ZZ,NOWHERE,Y,2022-03-02,ES-11,A/RES/ES-11/1" + "," * 12,
        "ms_code 'ZZ' is not an ISO alpha-3 code",
    ),
]


@pytest.mark.parametrize(
    ("layout", "bad_line", "message"),
    BAD_CASES,
    ids=["bad-vote", "unknown-cow", "bad-date", "short-row", "bad-iso3"],
)
def test_import_unvotes_malformed_row_names_file_line_and_rolls_back(
    con: duckdb.DuckDBPyConnection, tmp_path: Path, layout: str, bad_line: str, message: str
) -> None:
    source = FIXTURES / layout / ("votes.csv" if layout == "voeten" else "ga_voting.csv")
    lines = source.read_text().splitlines()
    lines.insert(3, bad_line)
    bad = tmp_path / source.name
    bad.write_text("\n".join(lines) + "\n")
    with pytest.raises(ReferenceDataError) as err:
        import_unvotes(con, bad, dataset_version="v")
    assert str(err.value).startswith(f"{bad}:4: {message}; ")
    assert err.value.line == 4
    assert count(con, "un_votes") == count(con, "un_rollcalls") == count(con, "datasets") == 0


def test_import_unvotes_failed_reimport_keeps_earlier_rows(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    good = import_unvotes(con, FIXTURES / "voeten" / "votes.csv", dataset_version="v")
    bad = tmp_path / "votes.csv"
    bad.write_text(
        (FIXTURES / "voeten" / "votes.csv").read_text() + "1,1,2,USA,1946-01-01,1946,x\n"
    )
    with pytest.raises(ReferenceDataError):
        import_unvotes(con, bad, dataset_version="v")
    assert count(con, "un_votes") == good.tables["un_votes"]
    assert con.execute("SELECT rows FROM datasets").fetchall() == [(good.rows,)]


def test_import_unvotes_dgrtwo_unknown_iso2_error(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    folder = tmp_path / "dgrtwo"
    shutil.copytree(FIXTURES / "dgrtwo", folder)
    votes = folder / "un_votes.csv"
    votes.write_text(votes.read_text() + "102,Atlantis,QQ,yes\n")
    with pytest.raises(ReferenceDataError) as err:
        import_unvotes(con, folder)
    assert str(err.value) == (
        f"{votes}:13: unknown country code 'QQ' (Atlantis); "
        "add it to axiswatch/importers/data/dgrtwo_iso2.csv"
    )


@pytest.mark.parametrize(
    ("keep", "message"),
    [
        (["un_votes.csv"], "dgrtwo/unvotes layout without its un_roll_calls.csv file"),
        (["un_roll_call_issues.csv"], "no UN vote CSV found"),
    ],
    ids=["votes-only", "issues-only"],
)
def test_import_unvotes_incomplete_folder_errors(
    con: duckdb.DuckDBPyConnection, tmp_path: Path, keep: list[str], message: str
) -> None:
    for name in keep:
        shutil.copy(FIXTURES / "dgrtwo" / name, tmp_path / name)
    with pytest.raises(ReferenceDataError, match=message):
        import_unvotes(con, tmp_path)


def test_import_unvotes_reports_progress(con: duckdb.DuckDBPyConnection) -> None:
    calls: list[tuple[int, int, str]] = []
    import_unvotes(
        con, FIXTURES / "dgrtwo", progress=lambda d, t, label: calls.append((d, t, label))
    )
    total = sum(
        (FIXTURES / "dgrtwo" / n).stat().st_size for n in ("un_roll_calls.csv", "un_votes.csv")
    )
    assert calls[-1] == (total, total, "un_votes.csv")
    assert all(done <= t for done, t, _ in calls)
