"""Strategic triangle: signs, Dittmer's patterns with pivot and outcast, balance, transitions."""

from __future__ import annotations

import pytest

from axiswatch.analysis.triangle import (
    INDETERMINATE,
    MARRIAGE,
    MENAGE,
    ROMANTIC,
    UNIT_VETO,
    classify,
    dyad_sign,
    triangle,
    triangle_frame,
)
from axiswatch.errors import InputError

ACTORS = ("RUS", "CHN", "PRK")


@pytest.mark.parametrize(
    ("signs", "name", "pivot", "outcast", "roles"),
    [
        ((1, 1, 1), MENAGE, None, None, ("friend", "friend", "friend")),
        ((1, 1, -1), ROMANTIC, "CHN", None, ("wing", "pivot", "wing")),
        ((-1, 1, 1), ROMANTIC, "PRK", None, ("wing", "wing", "pivot")),
        ((1, -1, 1), ROMANTIC, "RUS", None, ("pivot", "wing", "wing")),
        ((1, -1, -1), MARRIAGE, None, "PRK", ("partner", "partner", "outcast")),
        ((-1, 1, -1), MARRIAGE, None, "RUS", ("outcast", "partner", "partner")),
        ((-1, -1, 1), MARRIAGE, None, "CHN", ("partner", "outcast", "partner")),
        ((-1, -1, -1), UNIT_VETO, None, None, ("foe", "foe", "foe")),
    ],
    ids=[
        "menage",
        "romantic-pivot-CHN",
        "romantic-pivot-PRK",
        "romantic-pivot-RUS",
        "marriage-outcast-PRK",
        "marriage-outcast-RUS",
        "marriage-outcast-CHN",
        "unit-veto",
    ],
)
def test_classify_configuration_roles(signs, name, pivot, outcast, roles):
    config = classify(ACTORS, *signs)
    assert config.name == name
    assert config.pivot == pivot
    assert config.outcast == outcast
    assert tuple(config.roles[a] for a in ACTORS) == roles
    score = {"friend": 1, "partner": 1, "pivot": 3, "wing": -1, "foe": -1, "outcast": -3}
    assert config.role_scores == {a: score[config.roles[a]] for a in ACTORS}


def test_classify_romantic_wings_and_marriage_partners_in_actor_order():
    assert classify(ACTORS, 1, 1, -1).wings == ("RUS", "PRK")
    assert classify(ACTORS, 1, -1, -1).partners == ("RUS", "CHN")


@pytest.mark.parametrize(
    ("signs", "strong", "weak", "label"),
    [
        ((1, 1, 1), True, True, "balanced"),
        ((1, -1, -1), True, True, "balanced"),
        ((1, 1, -1), False, False, "unbalanced"),
        ((-1, -1, -1), False, True, "weakly balanced"),
    ],
    ids=["menage", "marriage", "romantic", "unit-veto"],
)
def test_classify_structural_balance(signs, strong, weak, label):
    config = classify(ACTORS, *signs)
    assert (config.balanced_strong, config.balanced_weak, config.balance) == (strong, weak, label)


@pytest.mark.parametrize(
    "signs", [(1, 0, 1), (1, None, -1), (None, None, None)], ids=["zero", "none", "all-none"]
)
def test_classify_indeterminate_when_a_sign_is_zero_or_none(signs):
    config = classify(ACTORS, *signs)
    assert config.name == INDETERMINATE
    assert config.balance is None
    assert config.roles == {}


@pytest.mark.parametrize(
    ("args", "kwargs", "expected"),
    [
        ((2.0, 1, 0.0, 1), {}, (1, 1.0, "both")),
        ((2.0, 1, -1.0, 1), {}, (0, 0.5, "both")),
        ((-3.0, 2, -1.0, 2), {}, (-1, -2.0, "both")),
        ((0.5, 1, 1.5, 1), {"tau": 1.0}, (1, 1.0, "both")),
        ((4.0, 1, None, 0), {}, (1, 4.0, "ab")),
        ((None, 0, -4.0, 1), {}, (-1, -4.0, "ba")),
        ((4.0, 1, None, 0), {"symmetric": True}, (None, None, None)),
        ((4.0, 2, 2.0, 1), {"n_min": 2}, (1, 4.0, "ab")),
        ((4.0, 2, 2.0, 1), {"n_min": 2, "symmetric": True}, (None, None, None)),
        ((None, 0, None, 0), {}, (None, None, None)),
    ],
    ids=[
        "plus-at-tau",
        "zero-between",
        "minus",
        "tau-boundary",
        "one-sided-ab",
        "one-sided-ba",
        "symmetric-needs-both",
        "n-min-drops-weak-side",
        "symmetric-n-min",
        "no-events",
    ],
)
def test_dyad_sign_rule(args, kwargs, expected):
    assert dyad_sign(*args, **kwargs) == expected


@pytest.fixture
def two_years(add_event):
    add_event("a1", "RUS", "CHN", 5.0, "2019-01-10")
    add_event("a2", "CHN", "RUS", 3.0, "2019-02-10")
    add_event("a3", "CHN", "PRK", 4.0, "2019-03-10")
    add_event("a4", "PRK", "RUS", -6.0, "2019-04-10", "THREATEN", 3)
    add_event("b1", "RUS", "CHN", 5.0, "2021-01-10")
    add_event("b2", "CHN", "PRK", 4.0, "2021-02-10")
    add_event("b3", "RUS", "PRK", 6.0, "2021-03-10")


def test_triangle_per_period_configuration_and_evidence(con, two_years):
    periods = triangle(con, "RUS", "CHN", "PRK")
    assert [p["period"] for p in periods] == ["2019", "2021"]
    first = periods[0]
    assert first["configuration"] == ROMANTIC
    assert first["pivot"] == "CHN"
    assert first["balance"] == "unbalanced"
    edges = {d["dyad"]: d for d in first["dyads"]}
    assert list(edges) == ["RUS-CHN", "CHN-PRK", "PRK-RUS"]
    assert edges["RUS-CHN"]["g"] == pytest.approx(4.0)
    assert edges["RUS-CHN"]["basis"] == "both"
    assert edges["RUS-CHN"]["event_ids"] == ["a1", "a2"]
    assert edges["PRK-RUS"]["sign"] == -1
    assert edges["PRK-RUS"]["event_ids"] == ["a4"]
    assert periods[1]["configuration"] == MENAGE


def test_triangle_transition_flags_flipped_dyad(con, two_years):
    second = triangle(con, "RUS", "CHN", "PRK")[1]
    assert second["previous_period"] == "2019"
    assert second["configuration_changed"] is True
    assert second["flipped"] == [{"dyad": "PRK-RUS", "from": -1, "to": 1, "event_ids": ["b3"]}]


def test_triangle_undetermined_on_too_few_events(con, two_years):
    periods = triangle(con, "RUS", "CHN", "PRK", symmetric=True)
    assert [p["configuration"] for p in periods] == [INDETERMINATE, INDETERMINATE]
    signs = {d["dyad"]: d["sign"] for d in periods[0]["dyads"]}
    assert signs == {"RUS-CHN": 1, "CHN-PRK": None, "PRK-RUS": None}
    strict = triangle(con, "RUS", "CHN", "PRK", n_min=2)
    assert all(d["sign"] is None for p in strict for d in p["dyads"])


def test_triangle_none_sign_is_not_a_flip(con, two_years, add_event):
    add_event("c1", "RUS", "CHN", 5.0, "2022-01-10")
    third = triangle(con, "RUS", "CHN", "PRK")[2]
    assert third["configuration"] == INDETERMINATE
    assert third["configuration_changed"] is True
    assert third["flipped"] == []


def test_triangle_asymmetric_dyad_flagged(con, add_event):
    add_event("x1", "RUS", "CHN", 4.0, "2019-01-10")
    add_event("x2", "CHN", "RUS", -3.0, "2019-01-11")
    edge = triangle(con, "RUS", "CHN", "PRK")[0]["dyads"][0]
    assert edge["asymmetric"] is True
    assert edge["sign"] == 0


def test_triangle_tau_parameter_moves_the_threshold(con, two_years):
    periods = triangle(con, "RUS", "CHN", "PRK", tau=4.5)
    assert [d["sign"] for d in periods[1]["dyads"]] == [1, 0, 1]


def test_triangle_frame_flat_view(con, two_years):
    frame = triangle_frame(triangle(con, "RUS", "CHN", "PRK"))
    assert frame["configuration"].tolist() == [ROMANTIC, MENAGE]
    assert frame.loc[1, "flipped"] == "PRK-RUS -1→+1"
    assert frame.loc[0, "n_RUS-CHN"] == 2


def test_triangle_window_pools_earlier_periods(con, add_event):
    add_event("w1", "RUS", "CHN", 5.0, "2019-01-10")
    add_event("w2", "CHN", "RUS", 3.0, "2020-01-10")
    add_event("w3", "RUS", "CHN", 2.0, "2016-01-10")  # outside a two-year window of 2020
    plain = triangle(con, "RUS", "CHN", "PRK", symmetric=True)
    assert [p["dyads"][0]["sign"] for p in plain] == [None, None, None]
    pooled = triangle(con, "RUS", "CHN", "PRK", symmetric=True, window=2)
    last = pooled[-1]
    assert (last["period"], last["window_start"]) == ("2020", "2019")
    edge = last["dyads"][0]
    assert (edge["n_ab"], edge["n_ba"], edge["sign"]) == (1, 1, 1)
    assert edge["g"] == pytest.approx(4.0)
    assert edge["event_ids"] == ["w1", "w2"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"tau": -1.0}, "tau"),
        ({"n_min": 0}, "n_min"),
        ({"by": "decade"}, "year, quarter, month"),
        ({"window": 0}, "window"),
    ],
    ids=["negative-tau", "zero-n-min", "bad-period", "zero-window"],
)
def test_triangle_bad_arguments(con, kwargs, message):
    with pytest.raises(InputError, match=message):
        triangle(con, "RUS", "CHN", "PRK", **kwargs)
