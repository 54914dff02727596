"""The bundled reference pack: manifest true to its files, install idempotent, user data first."""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

import duckdb
import pytest

from axiswatch.importers.vetoes import import_vetoes
from axiswatch.reference import pack
from axiswatch.store.connect import connect

FIXTURES = Path(__file__).parents[1] / "importers" / "fixtures"


@pytest.fixture
def con(tmp_path: Path):
    connection = connect(tmp_path / "w.duckdb")
    yield connection
    connection.close()


def _file(name: str) -> bytes:
    return resources.files("axiswatch.reference").joinpath("data", name).read_bytes()


def test_manifest_names_source_licence_version_and_true_file_hashes() -> None:
    entries = pack.datasets()
    assert {e.name for e in entries} >= {"unvotes-voeten", "unsc-vetoes", "cia-world-factbook"}
    for entry in entries:
        assert entry.publisher and entry.licence and entry.version and entry.retrieved
        for table, spec in entry.tables.items():
            assert hashlib.sha256(_file(spec["file"])).hexdigest() == spec["sha256"], table
    total = sum(
        len(_file(p.name))
        for p in resources.files("axiswatch.reference").joinpath("data").iterdir()
    )
    assert total < 15_000_000  # the budget for the package's growth


def test_install_writes_the_manifest_rows_and_twice_changes_nothing(con) -> None:
    pack.install(con, ["unsc-vetoes", "cia-world-factbook"])
    first = con.execute("SELECT dataset, version, rows FROM datasets ORDER BY ALL").fetchall()
    pack.install(con, ["unsc-vetoes", "cia-world-factbook"])
    again = con.execute("SELECT dataset, version, rows FROM datasets ORDER BY ALL").fetchall()
    assert first == again
    vetoes = pack.dataset("unsc-vetoes").tables["unsc_vetoes"]["rows"]
    assert con.execute("SELECT count(*) FROM unsc_vetoes").fetchone()[0] == vetoes
    # the publisher's rows only: the list's span is its coverage
    assert con.execute("SELECT max(date) FROM unsc_vetoes").fetchone()[0].isoformat() == (
        "2022-07-08"  # the last veto in the file (it was compiled to 15 Sept 2022)
    )


def test_ensure_leaves_kinds_the_user_imported_alone(con) -> None:
    import_vetoes(con, FIXTURES / "vetoes")
    installed = pack.ensure(con, ["unsc_vetoes", "factbook"])
    assert [d.name for d in installed] == ["cia-world-factbook"]
    assert con.execute("SELECT count(*) FROM unsc_vetoes").fetchone()[0] < 10
    assert pack.ensure(con, ["unsc_vetoes", "factbook"]) == []


def test_unknown_dataset_names_the_choices() -> None:
    with pytest.raises(Exception, match="choose one of unvotes-voeten"):
        pack.dataset("unvotes-2030")


def test_map_shapes_hold_the_triangle() -> None:
    topology = pack.map_topology()
    ids = {g.get("id") for g in topology["objects"]["countries"]["geometries"]}
    assert {"156", "408", "643"} <= ids  # China, North Korea, Russia (ISO numeric)


def test_installed_rows_are_readable_by_duckdb_alone(con) -> None:
    pack.install(con, ["unvotes-voeten"])
    row = con.execute(
        "SELECT count(*) FROM un_votes v JOIN un_rollcalls r USING (rcid, dataset, "
        "dataset_version) WHERE r.date = DATE '2014-03-27' AND v.country = 'PRK' AND "
        "v.vote = 'no'"
    ).fetchone()
    assert row[0] >= 1
    assert isinstance(con, duckdb.DuckDBPyConnection)


def test_capitals_for_the_map_come_with_coordinates() -> None:
    capitals = pack.capitals()
    assert capitals["PRK"]["name"] == "Pyongyang"
    assert (round(capitals["PRK"]["lat"], 2), round(capitals["PRK"]["lon"], 2)) == (39.02, 125.75)
    assert capitals["USA"]["lon"] < 0 and capitals["BOL"]["lat"] < 0  # west and south signs
    assert len(capitals) > 190
