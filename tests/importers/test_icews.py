"""ICEWS event files: columns by header name, country names to ISO codes, METHODS §1.4 quirks."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import duckdb
import pycountry
import pytest
from tests.importers.conftest import FIXTURES, count

from axiswatch.errors import InputError
from axiswatch.importers._events_reference import country_name_rows, name_key
from axiswatch.importers.icews import ICEWS_COLUMNS, import_icews

ICEWS = FIXTURES / "eventdata" / "events.2019.sample.tab"


def event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict:
    cur = con.execute("SELECT * FROM events WHERE event_id = ?", [event_id])
    row = dict(zip([d[0] for d in cur.description], cur.fetchall()[0], strict=True))
    row["why"] = json.loads(row["why"])
    return row


def test_fixture_counts_and_rejects(con: duckdb.DuckDBPyConnection) -> None:
    summary = import_icews(con, [ICEWS])
    assert (summary.read, summary.added, summary.duplicates, summary.rejected) == (10, 5, 1, 4)
    assert [(r.line, r.field) for r in summary.rejects] == [
        (4, "CAMEO Code"),
        (6, "(row)"),
        (9, "Intensity"),
        (10, "Event Date"),
    ]
    assert summary.rejects[0].problem == "'13y' is not a CAMEO event code"
    assert summary.rejects[1].problem == "18 fields where icews rows have 20"


def test_one_event_mapped(con: duckdb.DuckDBPyConnection) -> None:
    import_icews(con, [ICEWS])
    row = event(con, "icews:26001")
    assert row["dataset"] == "icews:events.2019.sample.tab"
    assert row["dataset_row"] == "events.2019.sample.tab:2"  # line 1 is the header
    assert (row["date_start"], row["source"], row["target"]) == ("2019-06-05", "CHN", "RUS")
    assert (row["event_type"], row["cameo"], row["quad_class"]) == ("AGREE", "036", 1)
    assert row["goldstein"] == 4.0  # Intensity
    assert row["location"] == "Moscow, Moskva, Russian Federation"
    assert (row["origin"], row["epistemic"], row["rule"]) == ("icews", "reported", "import:icews")
    assert row["why"]["source_name"] == "Xi Jinping"
    assert row["why"]["cameo_from"] == "CAMEO Code"


def test_us_style_dates_and_country_names(con: duckdb.DuckDBPyConnection) -> None:
    import_icews(con, [ICEWS])
    row = event(con, "icews:26002")  # 1/15/2017, Russian Federation -> North Korea
    assert (row["date_start"], row["source"], row["target"]) == ("2017-01-15", "RUS", "PRK")
    assert (event(con, "icews:26005")["source"], event(con, "icews:26005")["target"]) == (
        "PSE",
        "ISR",
    )
    soviet = event(con, "icews:26009")  # 1990: Soviet Union; Côte d'Ivoire with its accent
    assert (soviet["source"], soviet["target"]) == ("SUN", "CIV")


def test_unknown_country_name_kept_raw(con: duckdb.DuckDBPyConnection) -> None:
    import_icews(con, [ICEWS])
    row = event(con, "icews:26006")
    assert row["source"] is None
    assert row["why"]["source_country"] == "Atlantis"
    assert row["why"]["source_note"] == "country name not in the ICEWS name table"


def test_repeated_event_id_with_another_date_is_a_duplicate(
    con: duckdb.DuckDBPyConnection,
) -> None:
    import_icews(con, [ICEWS])
    assert event(con, "icews:26001")["date_start"] == "2019-06-05"  # not line 5's 06-08
    again = import_icews(con, [ICEWS])
    assert (again.added, again.duplicates) == (0, 6)
    assert count(con, "events") == 5


def test_release_without_cameo_code_maps_event_text(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    drop = ICEWS_COLUMNS.index("CAMEO Code")
    rows = [line.split("\t") for line in ICEWS.read_text("utf-8").splitlines()]
    no_code = tmp_path / "events.2017.tab"
    no_code.write_text(
        "\n".join("\t".join(r[:drop] + r[drop + 1 :]) for r in rows if len(r) == 20) + "\n"
    )
    summary = import_icews(con, [no_code])
    row = event(con, "icews:26001")  # "Express intent to meet or negotiate" is 036
    assert (row["cameo"], row["event_type"]) == ("036", "AGREE")
    assert row["why"]["cameo_from"] == "Event Text"
    codes = dict(con.execute("SELECT event_id, cameo FROM events").fetchall())
    assert codes["icews:26002"] == "042"  # "Make a visit"
    assert codes["icews:26003"] == "130"  # "Threaten": 13 and its child 130 -> 130
    assert [r.field for r in summary.rejects] == ["Intensity", "Event Date"]


def test_event_text_naming_no_code_is_rejected(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    header = [c for c in ICEWS_COLUMNS if c != "CAMEO Code"]
    row = {c: "" for c in header} | {
        "Event ID": "1",
        "Event Date": "2019-01-01",
        "Event Text": "Dance together",
        "Source Country": "China",
        "Target Country": "Russia",
    }
    path = tmp_path / "events.tab"
    path.write_text("\t".join(header) + "\n" + "\t".join(row[c] for c in header) + "\n")
    summary = import_icews(con, [path])
    assert summary.rejects[0].field == "Event Text"
    assert summary.rejects[0].problem.startswith("'Dance together' names no single CAMEO code")


def test_zipped_file_and_actor_filter(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    archive = tmp_path / "events.2019.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(ICEWS, "events.2019.20200101.tab")
    summary = import_icews(con, [archive], actors=["PRK", "ISR"])
    assert summary.added == 2
    assert {r[0] for r in con.execute("SELECT event_id FROM events").fetchall()} == {
        "icews:26002",
        "icews:26005",
    }


def test_header_without_needed_columns(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    comma = tmp_path / "events.csv"
    comma.write_text(",".join(ICEWS_COLUMNS) + "\n1,2019-01-01\n")
    with pytest.raises(InputError, match=r"line 1: the header lacks Event ID.*tab-separated"):
        import_icews(con, [comma])


def test_quoted_header_and_values(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    rows = [line.split("\t") for line in ICEWS.read_text("utf-8").splitlines()[:2]]
    quoted = tmp_path / "quoted.tab"
    quoted.write_text("\n".join("\t".join(f'"{v}"' for v in r) for r in rows) + "\n")
    summary = import_icews(con, [quoted])
    assert summary.added == 1
    assert event(con, "icews:26001")["source"] == "CHN"


def test_country_name_table_codes_are_iso() -> None:
    known = {c.alpha_3 for c in pycountry.countries}
    known |= {c.alpha_3 for c in pycountry.historic_countries} | {"XKX"}
    for key, iso3, start, end, _ in country_name_rows():
        assert iso3 in known, key
        assert start <= end
    keys = {r[0] for r in country_name_rows()}
    assert {name_key("Russian Federation"), name_key("Côte d’Ivoire"), "north korea"} <= keys


def test_header_only_file(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    path = tmp_path / "20230101-icews-events.tab"
    path.write_text("\t".join(ICEWS_COLUMNS) + "\n")
    summary = import_icews(con, [path])
    assert (summary.read, summary.added) == (0, 0)
