"""Change points: PELT on a synthetic series with one obvious break, missing periods, evidence."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest

from axiswatch.analysis.changepoints import build_series, changes, find_breaks
from axiswatch.errors import InputError


def _noise(n: int, seed: int = 7) -> np.ndarray:
    return np.random.default_rng(seed).normal(0.0, 0.4, n)


@pytest.mark.parametrize("at", [8, 12, 20], ids=["early", "middle", "late"])
def test_find_breaks_one_obvious_break(at):
    x = np.r_[np.full(at, 3.0), np.full(30 - at, -4.0)] + _noise(30)
    breaks, beta = find_breaks(x)
    assert breaks == [at]
    assert beta == pytest.approx(2 * np.var(x) * math.log(30))


@pytest.mark.parametrize(
    "x",
    [np.full(20, 2.0), np.array([1.0, 5.0, 1.0, 5.0, 1.0]), _noise(40)],
    ids=["constant", "too-short", "pure-noise"],
)
def test_find_breaks_none_when_nothing_to_find(x):
    assert find_breaks(x)[0] == []


@pytest.fixture
def monthly(add_event):
    """24 months RUS-USA: +3 for a year, then -4; the biggest event sits next to the break."""
    noise = _noise(24)
    for m in range(24):
        day = dt.date(2015 + m // 12, m % 12 + 1, 15).isoformat()
        g = (3.0 if m < 12 else -4.0) + float(noise[m])
        add_event(f"m{m:02d}", "RUS" if m % 2 else "USA", "USA" if m % 2 else "RUS", g, day)
    add_event("big", "USA", "RUS", -10.0, "2016-02-03", "ASSAULT", 4)
    add_event("far", "USA", "RUS", -10.0, "2016-09-03", "ASSAULT", 4)


def test_changes_finds_the_break_with_means_and_top_events(con, monthly):
    analysis = changes(con, "RUS", "USA")
    assert len(analysis.breaks) == 1
    bp = analysis.breaks[0]
    assert (bp.period, bp.previous_period) == ("2016-01", "2015-12")
    assert bp.before_mean == pytest.approx(3.0, abs=0.3)
    assert bp.after_mean < -4.0
    ids = [e["event_id"] for e in bp.top_events]
    assert ids[0] == "big"
    assert "far" not in ids
    assert set(ids) <= {"big", "m11", "m12", "m13"}
    assert bp.top_events[0]["sentence"] == "sentence of big"


def test_changes_series_marks_sparse_periods_missing(con, add_event):
    add_event("a", "RUS", "USA", 2.0, "2015-01-10")
    add_event("b", "RUS", "USA", 4.0, "2015-01-20")
    add_event("c", "USA", "RUS", 1.0, "2015-03-10")
    series = changes(con, "RUS", "USA", min_events=2).series
    assert series["period"].tolist() == ["2015-01", "2015-02", "2015-03"]
    assert series["observed"].tolist() == [True, False, False]
    assert series["value"].iloc[0] == pytest.approx(3.0)
    assert math.isnan(series["value"].iloc[2])


def test_build_series_interpolates_inside_gaps():
    counts = _counts(
        [("2015-01-01", 1, 2.0, 1, 2.0, 0, None), ("2015-04-01", 1, 8.0, 1, 8.0, 0, None)]
    )
    s = build_series(counts, "month", missing="interpolate")
    assert s["value"].tolist() == pytest.approx([2.0, 4.0, 6.0, 8.0])
    assert s["observed"].tolist() == [True, False, False, True]


def test_build_series_symmetric_needs_both_directions():
    counts = _counts(
        [("2015-01-01", 2, 1.0, 1, 3.0, 1, -1.0), ("2015-02-01", 1, 5.0, 1, 5.0, 0, None)]
    )
    s = build_series(counts, "month", symmetric=True)
    assert s["value"].iloc[0] == pytest.approx(1.0)
    assert math.isnan(s["value"].iloc[1])


def _counts(rows):
    import pandas as pd

    cols = ["period_start", "n_events", "mean", "n_ab", "mean_ab", "n_ba", "mean_ba"]
    df = pd.DataFrame(rows, columns=cols)
    df["period_start"] = [dt.date.fromisoformat(d) for d in df["period_start"]]
    return df


def test_changes_to_dict_is_json_ready(con, monthly):
    import json

    out = changes(con, "RUS", "USA", by="quarter").to_dict()
    text = json.dumps(out, allow_nan=False)
    assert '"by": "quarter"' in text
    assert out["series"][0]["period"] == "2015-Q1"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"missing": "zero"}, "drop, interpolate"),
        ({"penalty": 0}, "penalty"),
        ({"min_events": 0}, "min_events"),
        ({"by": "week"}, "month"),
    ],
    ids=["bad-missing", "zero-penalty", "zero-min-events", "bad-period"],
)
def test_changes_bad_arguments(con, kwargs, message):
    with pytest.raises(InputError, match=message):
        changes(con, "RUS", "USA", **kwargs)


def test_changes_empty_dyad_has_no_breaks(con):
    analysis = changes(con, "RUS", "USA")
    assert analysis.breaks == []
    assert analysis.series.empty
