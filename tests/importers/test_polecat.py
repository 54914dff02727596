"""POLECAT weekly files: header names, empty trailing fields, PLOVER types given directly."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from tests.importers.conftest import FIXTURES, count

from axiswatch.errors import InputError
from axiswatch.importers.polecat import import_polecat

POLECAT = FIXTURES / "eventdata" / "ngecEvents.20230913.txt"


def event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict:
    cur = con.execute("SELECT * FROM events WHERE event_id = ?", [event_id])
    row = dict(zip([d[0] for d in cur.description], cur.fetchall()[0], strict=True))
    row["why"] = json.loads(row["why"])
    return row


def test_fixture_counts_and_rejects(con: duckdb.DuckDBPyConnection) -> None:
    summary = import_polecat(con, [POLECAT])
    assert (summary.read, summary.added, summary.rejected) == (8, 6, 2)
    assert [(r.line, r.field) for r in summary.rejects] == [(6, "Event Type"), (7, "(row)")]
    assert summary.rejects[0].problem == "'DANCE' is not a PLOVER event type"
    assert summary.rejects[1].problem == (
        "43 fields where polecat rows have 41 and the extra fields are not empty"
    )


def test_type_mode_quad_and_intensity_given(con: duckdb.DuckDBPyConnection) -> None:
    import_polecat(con, [POLECAT])
    row = event(con, "polecat:pc-0001")
    assert (row["source"], row["target"]) == ("PRK", "RUS")
    assert (row["event_type"], row["mode"], row["quad_class"]) == ("CONSULT", "visit", 1)
    assert row["goldstein"] == 4.0
    assert row["cameo"] is None
    assert row["dataset"] == "polecat:ngecEvents.20230913.txt"
    assert row["why"]["contexts"] == "military"
    assert row["why"]["version"] == "1.1"
    assert row["why"]["quad_source"] == "polecat"


def test_labels_in_other_cases_and_old_names(con: duckdb.DuckDBPyConnection) -> None:
    import_polecat(con, [POLECAT])
    agree = event(con, "polecat:pc-0002")  # "agree", Quad Code "Verbal Cooperation"
    assert (agree["event_type"], agree["quad_class"]) == ("AGREE", 1)
    demand = event(con, "polecat:pc-0004")  # DEMAND is REQUEST in PLOVER 0.8
    assert (demand["event_type"], demand["quad_class"]) == ("REQUEST", 3)
    assert demand["why"]["quad_source"] == "plover_type"


def test_country_codes_and_names(con: duckdb.DuckDBPyConnection) -> None:
    import_polecat(con, [POLECAT])
    assert event(con, "polecat:pc-0002")["source"] == "RUS"  # "Russia", a name
    assert event(con, "polecat:pc-0003")["source"] == "XKX"  # PLOVER's KOS
    several = event(con, "polecat:pc-0007")
    assert several["source"] is None
    assert several["why"]["source_note"] == "several countries"
    igo = event(con, "polecat:pc-0008")
    assert igo["source"] is None
    assert igo["why"]["source_note"] == "non-state: intergovernmental organisation"
    assert igo["date_start"] == "2023-01-06"  # 01/06/2023


def test_second_import_adds_nothing(con: duckdb.DuckDBPyConnection) -> None:
    import_polecat(con, [POLECAT])
    again = import_polecat(con, [POLECAT], actors="RUS")
    assert (again.added, again.duplicates, again.filtered) == (0, 3, 3)
    assert count(con, "events") == 6


def test_intensity_column_of_some_files(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    renamed = tmp_path / "ngecEvents.20230920.txt"
    renamed.write_text(POLECAT.read_text("utf-8").replace("Event Intensity", "Intensity", 1))
    import_polecat(con, [renamed])
    assert event(con, "polecat:pc-0003")["goldstein"] == -3.5


def test_header_must_name_event_type(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    bad = tmp_path / "x.txt"
    bad.write_text("Event ID\tEvent Date\nA\t2023-01-01\n")
    with pytest.raises(InputError, match="lacks Event Type"):
        import_polecat(con, [bad])
