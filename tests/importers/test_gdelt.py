"""GDELT 1.0/2.0 event files into the events table: mapping, rejects, duplicates, batches."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import zipfile
from pathlib import Path

import duckdb
import pycountry
import pytest
import typer
from tests.importers.conftest import FIXTURES, count
from typer.testing import CliRunner

from axiswatch.cli import eventdata
from axiswatch.errors import InputError
from axiswatch.importers import _events_import, _events_indexes
from axiswatch.importers._events_ledger import list_imports
from axiswatch.importers._events_reference import actor_code_iso3, actor_code_rows
from axiswatch.importers.gdelt import import_gdelt

EVENTDATA = FIXTURES / "eventdata"
DAILY = EVENTDATA / "gdelt1_daily.export.CSV"
GDELT2 = EVENTDATA / "gdelt2_20240619.export.CSV"


def event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict:
    """One stored event as a dict (why decoded)."""
    cur = con.execute("SELECT * FROM events WHERE event_id = ?", [event_id])
    row = dict(zip([d[0] for d in cur.description], cur.fetchall()[0], strict=True))
    row["why"] = json.loads(row["why"])
    return row


def test_fixture_counts_and_rejects_with_lines(con: duckdb.DuckDBPyConnection) -> None:
    summary = import_gdelt(con, [DAILY])
    assert (summary.read, summary.added, summary.duplicates, summary.rejected) == (17, 11, 1, 5)
    assert summary.filtered == 0
    assert summary.files[0].blank == 1
    assert [(r.line, r.field) for r in summary.rejects] == [
        (10, "(row)"),
        (11, "SQLDATE"),
        (12, "EventCode"),
        (13, "QuadClass"),
        (18, "GoldsteinScale"),
    ]
    assert str(summary.rejects[0]) == (
        "gdelt1_daily.export.CSV:10: (row): 57 fields where gdelt1 rows have 58"
    )
    assert summary.rejects[2].problem == "'13y' is not a CAMEO event code"
    assert count(con, "events") == 11


def test_line_numbers_hold_across_row_groups_read_in_parallel(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    template = DAILY.read_text(encoding="utf-8").splitlines()[0].split("\t")
    bad_dates = {7, 150_001, 299_998}
    lines = []
    for n in range(1, 300_001):
        fields = [str(n), *template[1:]]
        if n in bad_dates:
            fields[1] = "2019-06-05"
        lines.append("\t".join(fields))
    big = tmp_path / "big.export.CSV"
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = import_gdelt(con, [big], reject_dir=tmp_path)
    assert (summary.added, summary.rejected) == (300_000 - 3, 3)
    assert [(r.line, r.field) for r in summary.rejects] == [
        (n, "SQLDATE") for n in sorted(bad_dates)
    ]
    for n in (1, 122_881, 200_000, 300_000):
        assert event(con, f"gdelt:{n}")["dataset_row"] == f"big.export.CSV:{n}"


def test_reject_file_holds_every_reject_and_the_raw_line(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    summary = import_gdelt(con, [DAILY], show_rejects=2)
    assert len(summary.rejects) == 2
    reject_file = tmp_path / "w.duckdb.rejects" / "gdelt1_daily.export.CSV.tsv"
    assert summary.reject_files == [str(reject_file)]
    lines = reject_file.read_text("utf-8").splitlines()
    assert lines[0] == "file\tline\tfield\tproblem\traw"
    assert len(lines) == 1 + 5
    file, line, field, problem, raw = lines[2].split("\t", 4)
    assert (file, line, field) == ("gdelt1_daily.export.CSV", "11", "SQLDATE")
    assert problem == "'20191301' is not a date (YYYYMMDD)"
    assert raw == DAILY.read_text("utf-8").splitlines()[10]


def test_reject_folder_can_be_given(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    summary = import_gdelt(con, [DAILY], reject_dir=tmp_path / "rej")
    assert summary.reject_files == [str(tmp_path / "rej" / "gdelt1_daily.export.CSV.tsv")]


def test_one_event_mapped_to_every_column(con: duckdb.DuckDBPyConnection) -> None:
    import_gdelt(con, [DAILY])
    row = event(con, "gdelt:900001")
    expected = {
        "origin": "gdelt",
        "dataset": "gdelt1:gdelt1_daily.export.CSV",
        "dataset_row": "gdelt1_daily.export.CSV:1",
        "date_start": "2019-06-05",
        "date_end": "2019-06-05",
        "precision": "day",
        "source": "CHN",
        "target": "RUS",
        "event_type": "AGREE",
        "cameo": "036",
        "quad_class": 1,
        "goldstein": 4.0,
        "location": "Moscow, Moskva, Russia",
        "epistemic": "reported",
        "confidence": None,
        "sentence": None,
        "document_id": None,
        "rule": "import:gdelt",
        "mentions": 4,
    }
    assert {k: row[k] for k in expected} == expected
    grouped = con.execute(
        "SELECT mentions, documents, review FROM grouped_events WHERE event_id = 'gdelt:900001'"
    ).fetchall()
    assert grouped == [(4, 1, "unreviewed")]  # its own event, with the publisher's count
    assert str(row["day_start"]) == str(row["day_end"]) == "2019-06-05"
    assert row["why"] == {
        "actor1": "CHNGOV",
        "actor1_name": "CHINA",
        "actor1_country": "CHN",
        "source_note": None,
        "actor2": "RUSGOV",
        "actor2_name": "RUSSIA",
        "actor2_country": "RUS",
        "target_note": None,
        "url": "https://example.org/news/900001",
    }


def test_plover_type_and_mode_from_the_ontology(con: duckdb.DuckDBPyConnection) -> None:
    import_gdelt(con, [DAILY])
    assert (event(con, "gdelt:900003")["event_type"], event(con, "gdelt:900003")["mode"]) == (
        "CONSULT",
        "visit",
    )
    assert event(con, "gdelt:900004")["event_type"] == "SANCTION"
    assert event(con, "gdelt:900009")["event_type"] == "OTHER"  # 020 appeal: no PLOVER type


@pytest.mark.parametrize(
    ("event_id", "source", "target", "note"),
    [
        ("gdelt:900005", None, "PRK", None),  # IGOUNO: a non-state actor, no country
        ("gdelt:900006", "SUN", "USA", None),  # USSR in 1985
        ("gdelt:900007", None, "USA", "not a state on 1995-03-01"),  # SUN after 1991
        ("gdelt:900008", "ROU", "RUS", None),  # CAMEO's ROM
        ("gdelt:900009", "SSD", "RUS", None),  # no country code: first block of SSDGOV
        ("gdelt:900014", "XKX", None, None),  # Kosovo KSV; target XYZ unknown
    ],
)
def test_country_codes_through_the_dated_crosswalk(
    con: duckdb.DuckDBPyConnection,
    event_id: str,
    source: str | None,
    target: str | None,
    note: str | None,
) -> None:
    import_gdelt(con, [DAILY])
    row = event(con, event_id)
    assert (row["source"], row["target"]) == (source, target)
    assert row["why"]["source_note"] == note


def test_unknown_code_kept_raw_with_a_note(con: duckdb.DuckDBPyConnection) -> None:
    import_gdelt(con, [DAILY])
    why = event(con, "gdelt:900014")["why"]
    assert why["actor2_country"] == "XYZ"
    assert why["target_note"] == "unknown CAMEO country code"


def test_second_import_adds_nothing(con: duckdb.DuckDBPyConnection) -> None:
    import_gdelt(con, [DAILY])
    again = import_gdelt(con, [DAILY])
    assert again.added == 0
    assert again.duplicates == 12
    assert count(con, "events") == 11
    assert [r["status"] for r in list_imports(con, "gdelt")] == ["done", "done"]


def test_stored_ids_in_a_file_never_seen_are_skipped(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    import_gdelt(con, [DAILY])
    renamed = tmp_path / "renamed.export.CSV"
    renamed.write_bytes(DAILY.read_bytes())
    again = import_gdelt(con, [renamed], batch_rows=4)
    assert (again.added, again.duplicates, again.rejected) == (0, 12, 5)
    assert count(con, "events") == 11


def test_duplicate_id_in_the_file_keeps_the_first_row(con: duckdb.DuckDBPyConnection) -> None:
    import_gdelt(con, [DAILY])
    assert event(con, "gdelt:900001")["date_start"] == "2019-06-05"  # line 14 says 06-06


def test_actors_filter_keeps_events_with_one_of_them(con: duckdb.DuckDBPyConnection) -> None:
    summary = import_gdelt(con, [DAILY], actors="prk")
    assert (summary.added, summary.filtered, summary.duplicates) == (3, 9, 0)
    ids = {r[0] for r in con.execute("SELECT event_id FROM events").fetchall()}
    assert ids == {"gdelt:900003", "gdelt:900005", "gdelt:900015"}


def test_actors_must_be_iso_codes(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(InputError, match="ISO 3166 alpha-3"):
        import_gdelt(con, [DAILY], actors="RUSSIA")


def test_gdelt2_zip(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    archive = tmp_path / "20240619000000.export.CSV.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(GDELT2, "20240619000000.export.CSV")
    summary = import_gdelt(con, [archive])
    assert (summary.added, summary.rejected) == (3, 1)
    assert summary.rejects[0].problem == "58 fields where gdelt2 rows have 61"
    row = event(con, "gdelt:1200001")
    assert row["dataset"] == "gdelt2:20240619000000.export.CSV.zip"
    assert (row["source"], row["target"], row["event_type"]) == ("RUS", "PRK", "CONSULT")
    assert row["location"] == "Vostochny Cosmodrome, Amur, Russia"


def test_zip_with_two_files_is_refused(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    archive = tmp_path / "two.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(DAILY, "a.CSV")
        z.write(GDELT2, "b.CSV")
    with pytest.raises(InputError, match="holds 2 files"):
        import_gdelt(con, [archive])


def test_57_column_back_file(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    back = tmp_path / "201201.csv"
    rows = [r.split("\t") for r in DAILY.read_text("utf-8").splitlines()]
    back.write_text("\n".join("\t".join(r[:57]) for r in rows if len(r) == 58) + "\n")
    summary = import_gdelt(con, [back])
    assert summary.files[0].dataset == "gdelt1:201201.csv"
    assert summary.added == 11
    assert event(con, "gdelt:900001")["why"]["url"] is None


def test_other_files_are_refused_with_the_field_count(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    mentions = tmp_path / "x.mentions.CSV"
    mentions.write_text("\t".join(["1"] * 16) + "\n")
    with pytest.raises(InputError, match=r"16 tab-separated fields.*57"):
        import_gdelt(con, [mentions])


def test_missing_file_named(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        import_gdelt(con, [tmp_path / "nowhere.CSV"])


def test_crlf_invalid_utf8_and_stray_cr_keep_line_numbers(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    lines = DAILY.read_bytes().split(b"\n")[:3]
    lines[1] = lines[1].replace(b"Moscow", b"Mos\xffcow").replace(b"RUSSIA", b"RUS\rSIA")
    odd = tmp_path / "odd.CSV"
    odd.write_bytes(b"\r\n".join(lines) + b"\r\n")
    summary = import_gdelt(con, [odd])
    assert (summary.read, summary.added, summary.rejected) == (3, 3, 0)
    row = event(con, "gdelt:900002")
    assert row["dataset_row"] == "odd.CSV:2"
    assert row["location"] == "Mos\ufffdcow, Moskva, Russia"


def test_progress_reports_rows_and_file(con: duckdb.DuckDBPyConnection) -> None:
    calls: list[tuple[int, int | None, str]] = []
    import_gdelt(con, [DAILY], batch_rows=5, progress=lambda *a: calls.append(a))
    assert calls[0] == (0, None, "gdelt1_daily.export.CSV")
    assert calls[-1] == (17, None, "gdelt1_daily.export.CSV")
    assert len(calls) == 1 + 4


def test_failed_batch_rolls_back_whole_and_a_rerun_completes(
    con: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = _events_import.ledger.update_import
    calls = {"n": 0}

    def interrupted(*args: object, **kwargs: object) -> None:
        if len(args) < 4 and "status" not in kwargs:
            calls["n"] += 1
            if calls["n"] == 2:
                raise KeyboardInterrupt
        real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(_events_import.ledger, "update_import", interrupted)
    with pytest.raises(KeyboardInterrupt):
        import_gdelt(con, [DAILY], batch_rows=5)
    assert count(con, "events") == 5  # lines 1-5; lines 6-10 rolled back
    assert list_imports(con)[0]["status"] == "failed"
    assert list_imports(con)[0]["added"] == 5
    monkeypatch.undo()
    rerun = import_gdelt(con, [DAILY], batch_rows=5)
    assert (rerun.added, rerun.duplicates) == (6, 6)
    assert count(con, "events") == 11


def test_bulk_imports_park_the_secondary_indexes(con: duckdb.DuckDBPyConnection) -> None:
    def indexes() -> set[str]:
        rows = con.execute("SELECT index_name FROM duckdb_indexes() WHERE table_name = 'events'")
        return {r[0] for r in rows.fetchall()}

    with _events_indexes.bulk_indexes(con, expected_rows=1_000_000) as parked:
        assert parked
        assert indexes() == set()
        assert count(con, "event_import_indexes") == 2
    assert indexes() == {"events_dyad", "events_document"}
    assert count(con, "event_import_indexes") == 0
    with _events_indexes.bulk_indexes(con, expected_rows=10) as parked:
        assert not parked


def test_indexes_left_parked_by_a_killed_import_are_rebuilt(
    con: duckdb.DuckDBPyConnection,
) -> None:
    con.execute(
        "INSERT INTO event_import_indexes VALUES "
        "('events_dyad', 'CREATE INDEX events_dyad ON events(source, target);', now())"
    ).fetchall()
    con.execute("DROP INDEX events_dyad").fetchall()
    import_gdelt(con, [GDELT2])
    names = con.execute("SELECT index_name FROM duckdb_indexes() WHERE table_name = 'events'")
    assert "events_dyad" in {r[0] for r in names.fetchall()}
    assert count(con, "event_import_indexes") == 0


def test_folder_of_files(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    folder = tmp_path / "gdelt"
    folder.mkdir()
    (folder / "a.export.CSV").write_bytes(DAILY.read_bytes())
    (folder / "b.export.CSV").write_bytes(GDELT2.read_bytes())
    summary = import_gdelt(con, [folder])
    assert [Path(f.path).name for f in summary.files] == ["a.export.CSV", "b.export.CSV"]
    assert summary.added == 14


@pytest.mark.shared
def test_real_sample_rows_all_import_with_gdelt_values(
    con: duckdb.DuckDBPyConnection, shared_dir: Path
) -> None:
    sample = shared_dir / "data" / "gdelt_samples" / "georgia_2012-07-08.export.CSV"
    rows = [line.split("\t") for line in sample.read_text("utf-8").splitlines()]
    summary = import_gdelt(con, [sample])
    assert (summary.read, summary.added, summary.rejected) == (2764, 2764, 0)
    stored = {
        r[0]: r[1:]
        for r in con.execute(
            "SELECT event_id, quad_class, goldstein, cameo, source, target FROM events"
        ).fetchall()
    }
    iso = {c.alpha_3 for c in pycountry.countries}
    for r in rows:
        quad, gold, code, source, target = stored[f"gdelt:{r[0]}"]
        assert (quad, gold, code) == (int(r[29]), float(r[30]), r[26])
        for raw, mapped in ((r[7], source), (r[17], target)):
            if raw in iso:
                assert mapped == raw
            elif raw:
                assert mapped is None, raw  # EUR, WST, AFR, ASA: regions
    again = import_gdelt(con, [sample])
    assert (again.added, again.duplicates) == (0, 2764)


@pytest.mark.shared
def test_real_sample_actor_filter(con: duckdb.DuckDBPyConnection, shared_dir: Path) -> None:
    sample = shared_dir / "data" / "gdelt_samples" / "georgia_2012-07-08.export.CSV"
    rows = [line.split("\t") for line in sample.read_text("utf-8").splitlines()]
    expected = sum(1 for r in rows if "RUS" in (r[7], r[17]))
    summary = import_gdelt(con, [sample], actors=["RUS"])
    assert summary.added == expected
    assert summary.filtered == 2764 - expected


runner = CliRunner()
cli = typer.Typer()
imports_app = typer.Typer()
imports_app.command("gdelt")(eventdata.gdelt_cmd)
cli.add_typer(imports_app, name="import")
cli.add_typer(eventdata.export_app, name="export")


@cli.callback()
def _root() -> None:
    """Test root."""


def test_cli_import_reports_counts_and_rejects(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    result = runner.invoke(
        cli, ["import", "gdelt", str(DAILY), "--db", str(db), "--actors", "CHN,RUS"]
    )
    assert result.exit_code == 0, result.output
    assert "gdelt: read 17 rows from 1 file" in result.stderr
    assert "rejected 5" in result.stderr
    assert "gdelt1_daily.export.CSV:11: SQLDATE: '20191301' is not a date" in result.stderr


def test_cli_import_error_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(
        cli, ["import", "gdelt", str(tmp_path / "x.CSV"), "--db", str(tmp_path / "w.duckdb")]
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ")
    assert "no such file" in result.stderr


def test_crosswalk_table_is_explicit_and_dated() -> None:
    rows = actor_code_rows()
    known = {c.alpha_3 for c in pycountry.countries}
    known |= {c.alpha_3 for c in pycountry.historic_countries} | {"XKX"}
    spans: dict[str, list[tuple[dt.date, dt.date]]] = {}
    for code, iso3, start, end, kind, note in rows:
        assert kind in {"iso3", "state", "former", "territory", "region", "nonstate"}, code
        assert (iso3 is None) == (kind in {"region", "nonstate"}), code
        assert iso3 is None or iso3 in known, (code, iso3)
        assert start <= end and note, code
        spans.setdefault(code, []).append((start, end))
    for code, dated in spans.items():
        dated.sort()
        assert all(a[1] < b[0] for a, b in itertools.pairwise(dated)), code


@pytest.mark.parametrize(
    ("code", "day", "iso3"),
    [
        ("SUN", dt.date(1991, 12, 24), "SUN"),
        ("SUN", dt.date(1991, 12, 26), None),
        ("SCG", dt.date(1999, 3, 24), "YUG"),
        ("SCG", dt.date(2004, 1, 1), "SCG"),
        ("SCG", dt.date(2007, 1, 1), None),
        ("JAP", dt.date(2000, 1, 1), "JPN"),
        ("KOS", dt.date(2020, 1, 1), "XKX"),
        ("SAF", dt.date(2020, 1, 1), None),
        ("PRK", dt.date(2020, 1, 1), "PRK"),
        ("GOV", dt.date(2020, 1, 1), None),
    ],
)
def test_actor_code_on_a_day(code: str, day: dt.date, iso3: str | None) -> None:
    assert actor_code_iso3(code, day) == iso3


def test_empty_file_imports_nothing(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    empty = tmp_path / "20130401.export.CSV"
    empty.write_bytes(b"")
    summary = import_gdelt(con, [empty])
    assert (summary.read, summary.added, summary.rejected) == (0, 0, 0)


def test_a_line_over_a_mebibyte_is_rejected_by_number_and_the_rest_imported(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    lines = DAILY.read_text(encoding="utf-8").splitlines()
    huge = lines[0].split("\t")
    huge[0], huge[6] = "999999", "X" * 2_100_000  # an actor name of 2 MB
    path = tmp_path / "huge.export.CSV"
    path.write_text("\n".join([*lines[:3], "\t".join(huge), *lines[3:]]) + "\n")
    plain = tmp_path / "plain.export.CSV"
    plain.write_text("\n".join(lines) + "\n")
    summary = import_gdelt(con, [path])
    [huge_reject] = [r for r in summary.rejects if r.line == 4]
    assert huge_reject.problem == "longer than 1 MiB: not read"
    from axiswatch.store.connect import connect

    other = connect(tmp_path / "other.duckdb")
    assert import_gdelt(other, [plain]).added == summary.added  # nothing else was lost
