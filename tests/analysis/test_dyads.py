"""Dyad series: counts per type and QuadClass, Goldstein mean and total, filters, periods."""

from __future__ import annotations

import math

import pytest

from axiswatch.analysis.dyads import dyad
from axiswatch.errors import InputError


@pytest.fixture
def dyad_events(add_event):
    add_event("e1", "RUS", "PRK", 1.0, "2019-04-25", "CONSULT", 1)
    add_event("e2", "RUS", "PRK", 3.0, "2019-04-25", "AGREE", 1)
    add_event("e3", "PRK", "RUS", 7.4, "2019-08-01", "AID", 2)
    add_event("e4", "RUS", "PRK", -5.0, "2017-09-11", "SANCTION", 4)
    add_event("e5", "CHN", "RUS", 7.0, "2019-01-01", "AID", 2)  # another dyad
    add_event("e6", "RUS", "PRK", -2.0, "2019-05-01", "ACCUSE", 3, epistemic="alleged")
    add_event("e7", "RUS", "PRK", None, "2019-06-01", "OTHER", None)


def _row(df, period, direction):
    rows = df[(df["period"] == period) & (df["direction"] == direction)]
    assert len(rows) == 1
    return rows.iloc[0]


def test_dyad_counts_and_means_by_hand(con, dyad_events):
    df = dyad(con, "rus", "prk")
    assert list(df["period"].unique()) == ["2017", "2019"]
    fwd = _row(df, "2019", "RUS->PRK")
    assert (fwd["n_events"], fwd["n_consult"], fwd["n_agree"], fwd["n_other"]) == (3, 1, 1, 1)
    assert (fwd["n_quad1"], fwd["n_quad2"], fwd["n_quad3"], fwd["n_quad4"]) == (2, 0, 0, 0)
    assert fwd["n_goldstein"] == 2
    assert fwd["goldstein_mean"] == pytest.approx(2.0)
    assert fwd["goldstein_total"] == pytest.approx(4.0)
    both = _row(df, "2019", "both")
    assert both["n_events"] == 4
    assert both["goldstein_mean"] == pytest.approx((1 + 3 + 7.4) / 3)
    assert both["net_cooperation"] == pytest.approx(1.0)
    assert both["conflict_share"] == pytest.approx(0.0)


def test_dyad_type_columns_sum_to_events(con, dyad_events):
    df = dyad(con, "RUS", "PRK", epistemic=None)
    type_columns = [c for c in df.columns if c.startswith("n_") and not c.startswith("n_quad")]
    type_columns = [c for c in type_columns if c not in ("n_events", "n_mentions", "n_goldstein")]
    assert (df[type_columns].sum(axis=1) == df["n_events"]).all()
    assert df["n_events"].sum() == 2 * 6  # each event once directed, once pooled


def test_dyad_missing_direction_is_filled_with_zero_counts(con, dyad_events):
    row = _row(dyad(con, "RUS", "PRK"), "2017", "PRK->RUS")
    assert row["n_events"] == 0
    assert math.isnan(row["goldstein_mean"])
    assert row["goldstein_total"] == 0


def test_dyad_epistemic_filter_keeps_alleged_when_asked(con, dyad_events):
    df = dyad(con, "RUS", "PRK", epistemic=["alleged"])
    assert df["period"].tolist() == ["2019"] * 3
    row = _row(df, "2019", "RUS->PRK")
    assert (row["n_events"], row["n_accuse"], row["n_quad3"]) == (1, 1, 1)
    assert row["conflict_share"] == pytest.approx(1.0)


def test_dyad_origin_filter(con, dyad_events, add_event):
    add_event("g1", "RUS", "PRK", 4.0, "2019-02-02", origin="gdelt")
    df = dyad(con, "RUS", "PRK", origins=["gdelt"])
    assert _row(df, "2019", "both")["n_events"] == 1


@pytest.mark.parametrize(
    ("by", "periods"),
    [
        ("year", ["2017", "2019"]),
        ("quarter", ["2017-Q3", "2019-Q2", "2019-Q3"]),
        ("month", ["2017-09", "2019-04", "2019-06", "2019-08"]),
    ],
    ids=["year", "quarter", "month"],
)
def test_dyad_period_from_day_start(con, dyad_events, by, periods):
    assert sorted(dyad(con, "RUS", "PRK", by=by)["period"].unique()) == periods


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"by": "week"}, "year, quarter, month"),
        ({"epistemic": ["rumoured"]}, "asserted"),
        ({"origins": []}, "origins"),
    ],
    ids=["bad-period", "bad-epistemic", "empty-origins"],
)
def test_dyad_bad_arguments_list_choices(con, kwargs, message):
    with pytest.raises(InputError, match=message):
        dyad(con, "RUS", "PRK", **kwargs)


def test_dyad_same_actor_twice_is_an_input_error(con):
    with pytest.raises(InputError, match="distinct"):
        dyad(con, "RUS", "rus")


def test_dyad_empty_workspace_gives_empty_frame(con):
    df = dyad(con, "RUS", "PRK")
    assert df.empty
    assert "goldstein_mean" in df.columns


@pytest.mark.parametrize("code", ["RU\x00S", "\ufffe", "RUS PRK", "a" * 40])
def test_malformed_actor_codes_are_refused(con, code: str) -> None:
    with pytest.raises(InputError, match="not an actor code"):
        dyad(con, code, "PRK")
