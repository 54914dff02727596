"""UN voting alignment on tiny hand-made roll calls: formulas, absences, N = 0, periods."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from axiswatch.analysis.alignment import MEASURES, measures, votes_align
from axiswatch.analysis.idealpoints import ensure_table
from axiswatch.errors import InputError, NotFoundError

CODES = {"yes": 1, "abstain": 2, "no": 3}


@pytest.fixture
def session_74(add_votes):
    """Three roll calls both RUS and CHN voted on, plus absences and a non-member."""
    add_votes("r1", 74, "2019-10-01", {"RUS": "yes", "CHN": "yes", "PRK": "nonmember"})
    add_votes("r2", 74, "2019-11-01", {"RUS": "no", "CHN": "abstain", "PRK": "absent"})
    add_votes("r3", 74, "2019-12-01", {"RUS": "yes", "CHN": "no", "PRK": "absent"})
    add_votes("r4", 74, "2019-12-02", {"RUS": "absent", "CHN": "yes", "PRK": "yes"})


def _pair(df, a, b, period=74, by="session"):
    rows = df[(df[by] == period) & (df["a"] == a) & (df["b"] == b)]
    assert len(rows) == 1
    return rows.iloc[0]


def test_votes_align_formulas_by_hand(con, session_74):
    row = _pair(votes_align(con, ["RUS", "CHN"], start=2019, end=2019), "RUS", "CHN")
    assert (row["n"], row["n_same"]) == (3, 1)
    assert row["agree"] == pytest.approx(1 / 3)
    assert row["lijphart"] == pytest.approx(0.5)  # 1, ½, 0
    assert row["s_abs"] == pytest.approx(0.0)
    assert row["s_sq"] == pytest.approx(1 - 2 * 1.25 / 3)
    assert row["kappa_lin"] == pytest.approx(0.0)  # D_o = D_e = ½
    # p̄ = (1/2, 1/6, 1/3): D_e = 2(1/2·1/6·½ + 1/2·1/3 + 1/6·1/3·½) = 17/36, π = 1 - ½/(17/36)
    assert row["pi_lin"] == pytest.approx(-1 / 17)


def test_votes_align_absences_never_count(con, session_74, add_votes):
    before = _pair(votes_align(con, ["RUS", "CHN"], start=2019, end=2019), "RUS", "CHN")
    add_votes("r5", 74, "2019-12-03", {"RUS": "absent", "CHN": "absent"})
    add_votes("r6", 74, "2019-12-04", {"RUS": "yes", "CHN": "absent"})
    after = _pair(votes_align(con, ["RUS", "CHN"], start=2019, end=2019), "RUS", "CHN")
    assert after[["n", *MEASURES]].tolist() == before[["n", *MEASURES]].tolist()


def test_votes_align_n_zero_gives_nan(con, session_74):
    df = votes_align(con, ["RUS", "CHN", "PRK"], start=2019, end=2019)
    row = _pair(df, "RUS", "PRK")
    assert row["n"] == 0
    assert all(math.isnan(row[m]) for m in MEASURES)
    assert _pair(df, "CHN", "PRK")["n"] == 1


def test_votes_align_pairs_follow_the_given_order(con, session_74):
    df = votes_align(con, ["CHN", "RUS", "PRK"], start=2019, end=2019)
    assert list(zip(df["a"], df["b"], strict=True)) == [
        ("CHN", "RUS"),
        ("CHN", "PRK"),
        ("RUS", "PRK"),
    ]
    assert _pair(df, "CHN", "RUS")["kappa_lin"] == pytest.approx(0.0)


def test_votes_align_session_by_opening_year_and_by_calendar_year(con, session_74, add_votes):
    add_votes("s1", 73, "2019-03-01", {"RUS": "yes", "CHN": "yes"})
    sessions = votes_align(con, ["RUS", "CHN"], start=2019, end=2019)
    assert sessions["session"].tolist() == [74]
    years = votes_align(con, ["RUS", "CHN"], start=2019, end=2019, by="year")
    assert years["year"].tolist() == [2019]
    assert years.loc[0, "n"] == 4


def test_votes_align_session_missing_is_taken_from_the_date(con, add_votes):
    add_votes("m1", None, "2019-10-01", {"RUS": "yes", "CHN": "yes"})
    add_votes("m2", None, "2020-03-01", {"RUS": "yes", "CHN": "no"})
    df = votes_align(con, ["RUS", "CHN"], start=2019, end=2019)
    assert df["session"].tolist() == [74]
    assert df.loc[0, "n"] == 2


def test_votes_align_idealpoint_distance_when_table_present(con, session_74):
    ensure_table(con)
    con.execute(
        "INSERT INTO un_idealpoints VALUES ('RUS', 2019, NULL, 'idealpointfp', -0.5, "
        "'t', '1'), ('CHN', 2019, NULL, 'idealpointfp', -1.25, 't', '1')"
    )
    df = votes_align(con, ["RUS", "CHN"], start=2019, end=2019, by="year")
    assert df.loc[0, "idealpoint_distance"] == pytest.approx(0.75)
    assert (df.loc[0, "idealpoint_a"], df.loc[0, "idealpoint_b"]) == (-0.5, -1.25)


def test_votes_align_without_idealpoints_has_no_distance(con, session_74):
    assert (
        "idealpoint_distance" not in votes_align(con, ["RUS", "CHN"], start=2019, end=2019).columns
    )


def test_votes_align_several_datasets_the_newest_covering_is_read(con, session_74, add_votes):
    add_votes("r1", 74, "2019-10-01", {"RUS": "yes", "CHN": "no"}, dataset="other")
    add_votes("r9", 78, "2023-10-01", {"RUS": "yes", "CHN": "yes"}, dataset="other")
    df = votes_align(con, ["RUS", "CHN"], start=2019, end=2023)
    assert df.attrs["dataset"] == "other"  # covers 2019-2023; "test" only 2019
    assert "the newest covering 2019-2023" in df.attrs["notes"][0]
    assert "also held: test" in df.attrs["notes"][0]
    chosen = votes_align(con, ["RUS", "CHN"], start=2019, end=2019, dataset="test")
    assert chosen.attrs["dataset"] == "test"
    assert chosen.loc[0, "n"] == 3


def test_votes_align_no_dataset_covering_the_period_names_the_option(con, session_74):
    with pytest.raises(NotFoundError, match=r"no UN vote dataset covers 1995-2000.*--dataset"):
        votes_align(con, ["RUS", "CHN"], start=1995, end=2000)


def test_votes_align_russia_continues_the_soviet_seat(con, add_votes):
    add_votes("u1", 46, "1991-10-01", {"SUN": "yes", "CHN": "yes"})
    add_votes("u2", 46, "1992-03-01", {"RUS": "no", "CHN": "yes"})
    joined = votes_align(con, ["RUS", "CHN"], start=1991, end=1991)
    assert joined.loc[0, "n"] == 2
    assert any("Soviet Union" in note for note in joined.attrs["notes"])
    apart = votes_align(con, ["RUS", "CHN"], start=1991, end=1991, successors=False)
    assert apart.loc[0, "n"] == 1
    both = votes_align(con, ["SUN", "RUS", "CHN"], start=1991, end=1991)
    assert both[(both["a"] == "SUN") & (both["b"] == "CHN")]["n"].item() == 1


def test_votes_align_no_rollcalls_is_not_found(con):
    with pytest.raises(NotFoundError, match="no UN roll calls"):
        votes_align(con, ["RUS", "CHN"])


@pytest.mark.parametrize(
    ("countries", "kwargs", "message"),
    [
        (["RUS"], {}, "at least two"),
        (["RUS", "R1"], {}, "alpha-3"),
        (["RUS", "CHN"], {"by": "decade"}, "session, year"),
        (["RUS", "CHN"], {"start": 2020, "end": 2010}, "after"),
    ],
    ids=["one-country", "bad-code", "bad-by", "start-after-end"],
)
def test_votes_align_bad_arguments(con, session_74, countries, kwargs, message):
    with pytest.raises(InputError, match=message):
        votes_align(con, countries, **kwargs)


def _reference(x: list[int], y: list[int], power: int, pooled: bool) -> float:
    """Weighted κ (or π with pooled marginals) straight from its definition, no shortcuts."""
    n = len(x)
    cats = (1, 2, 3)

    def d(a: int, b: int) -> float:
        return (abs(a - b) / 2) ** power

    observed = sum(d(a, b) for a, b in zip(x, y, strict=True)) / n
    p = {c: x.count(c) / n for c in cats}
    q = {c: y.count(c) / n for c in cats}
    if pooled:
        p = q = {c: (p[c] + q[c]) / 2 for c in cats}
    expected = sum(p[a] * q[b] * d(a, b) for a in cats for b in cats)
    return 1 - observed / expected if expected > 0 else math.nan


def _counts(x: list[int], y: list[int]) -> dict:
    row = {
        "n": len(x),
        "n_same": sum(a == b for a, b in zip(x, y, strict=True)),
        "sum_delta": sum(abs(a - b) / 2 for a, b in zip(x, y, strict=True)),
        "sum_delta_sq": sum((abs(a - b) / 2) ** 2 for a, b in zip(x, y, strict=True)),
    }
    for name, code in CODES.items():
        row[f"a_{name}"], row[f"b_{name}"] = x.count(code), y.count(code)
    return row


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from([1, 2, 3]), st.sampled_from([1, 2, 3])), min_size=1, max_size=40
    )
)
def test_measures_kappa_pi_match_definition(pairs):
    x, y = [p[0] for p in pairs], [p[1] for p in pairs]
    got = measures(_counts(x, y))
    for key, power, pooled in [
        ("kappa_lin", 1, False),
        ("kappa_sq", 2, False),
        ("pi_lin", 1, True),
        ("pi_sq", 2, True),
    ]:
        want = _reference(x, y, power, pooled)
        assert (math.isnan(got[key]) and math.isnan(want)) or got[key] == pytest.approx(want)
    assert got["s_abs"] == pytest.approx(2 * got["lijphart"] - 1)


def test_votes_align_rollcall_stored_twice_counts_once(con, session_74, add_votes):
    con.execute(
        "INSERT INTO un_rollcalls (rcid, session, date, dataset, dataset_version) "
        "VALUES ('r1', 74, '2019-10-02', 'test', '1')"
    )
    row = _pair(votes_align(con, ["RUS", "CHN"], start=2019, end=2019), "RUS", "CHN")
    assert (row["n"], row["n_same"]) == (3, 1)
