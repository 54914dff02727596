"""The roll calls behind an alignment cell add up to the cell's counts."""

from __future__ import annotations

import pytest

from axiswatch.analysis.rollcalls import pair_rollcalls
from axiswatch.errors import InputError
from axiswatch.workspace import Workspace


@pytest.fixture(scope="module")
def voted(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    ws = Workspace(tmp_path_factory.mktemp("rollcalls") / "w.duckdb")
    ws.ensure_reference(["un_votes"])
    yield ws
    ws.close()


@pytest.mark.parametrize(("by", "period"), [("session", 73), ("year", 2018), ("session", 44)])
def test_rollcalls_match_the_alignment_cell(voted: Workspace, by: str, period: int) -> None:
    year = period + 1945 if by == "session" else period
    frame = voted.votes_align(["RUS", "PRK"], start=year, end=year, by=by)
    cell = frame[frame[by] == period].iloc[0]
    rows = pair_rollcalls(
        voted.con,
        "RUS",
        "PRK",
        period,
        by=by,
        dataset=frame.attrs["dataset"],
        dataset_version=frame.attrs["dataset_version"],
    )
    assert len(rows) == cell["n"] and sum(r["same"] for r in rows) == cell["n_same"]
    assert all(r["RUS"] in ("yes", "no", "abstain") for r in rows)
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    if year <= 1991:  # the Soviet seat, read as Russia's, says so
        assert all("Soviet" in r["note"] for r in rows)


def test_rollcalls_refuse_bad_codes(voted: Workspace) -> None:
    with pytest.raises(InputError):
        pair_rollcalls(voted.con, "RUS", "R1", 73, dataset="x", dataset_version="y")
