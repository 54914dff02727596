"""Published UNGA agreement values reproduced from the Voeten 2024 votes (../shared data)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from axiswatch.analysis.alignment import votes_align
from axiswatch.analysis.idealpoints import load_idealpoints
from axiswatch.errors import InputError
from axiswatch.store.connect import connect

pytestmark = [pytest.mark.shared, pytest.mark.slow]

COW_TO_ISO3 = {2: "USA", 365: "RUS", 710: "CHN", 731: "PRK", 732: "KOR"}
ISO2_TO_ISO3 = {"US": "USA", "RU": "RUS", "CN": "CHN", "KP": "PRK", "KR": "KOR"}
IDEAL = "data/unga_idealpoints"


@pytest.fixture(scope="module")
def voeten_db(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace holding the Voeten 2024 roll calls and the five fixture countries' votes."""
    path = tmp_path_factory.mktemp("voeten") / "w.duckdb"
    votes = str(shared_dir / "data/unvotes_voeten2024/votes_1946_2024.csv.gz")
    con = connect(path)
    con.execute(
        "INSERT INTO un_rollcalls (rcid, session, date, dataset, dataset_version) "
        "SELECT CAST(resid AS VARCHAR), session, min(date), 'voeten', '2024' "
        "FROM read_csv(?) GROUP BY resid, session",
        [votes],
    )
    con.execute("CREATE TEMP TABLE cow (ccode BIGINT, iso3 VARCHAR)")
    con.executemany("INSERT INTO cow VALUES (?, ?)", list(COW_TO_ISO3.items()))
    con.execute(
        "INSERT INTO un_votes (rcid, country, vote, dataset, dataset_version) "
        "SELECT CAST(v.resid AS VARCHAR), cow.iso3, "
        "CASE v.vote WHEN 1 THEN 'yes' WHEN 2 THEN 'abstain' WHEN 3 THEN 'no' END, "
        "'voeten', '2024' FROM read_csv(?) AS v JOIN cow USING (ccode)",
        [votes],
    )
    con.close()
    return path


@pytest.fixture(scope="module")
def alignment(voeten_db: Path):
    return votes_align(voeten_db, list(COW_TO_ISO3.values()), start=1946, end=2024)


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _lookup(frame, session: int, x: str, y: str):
    a, b = (x, y) if (x, y) in set(zip(frame["a"], frame["b"], strict=True)) else (y, x)
    rows = frame[(frame["session"] == session) & (frame["a"] == a) & (frame["b"] == b)]
    assert len(rows) == 1
    return rows.iloc[0]


def test_alignment_reproduces_published_agreement(shared_dir, alignment):
    rows = [
        r
        for r in _csv(shared_dir / IDEAL / "agreement_reference_fixture.csv")
        if r["exact_match"] == "True"
    ]
    assert len(rows) == 168
    for r in rows:
        got = _lookup(
            alignment, int(r["session"]), COW_TO_ISO3[int(r["ccode"])], ISO2_TO_ISO3[r["partner"]]
        )
        where = f"session {r['session']} {r['iso2']}-{r['partner']}"
        assert got["n"] == int(r["n_both"]), where
        assert got["agree"] == pytest.approx(float(r["voeten_agree_jun2024"]), abs=1e-7), where


MEASURE_COLUMNS = {
    "agree": "agree",
    "lijphart": "lijphart",
    "s_abs": "S_abs",
    "s_sq": "S_sq",
    "kappa_lin": "kappa_lin",
    "kappa_sq": "kappa_quad",
    "pi_lin": "pi_lin",
    "pi_sq": "pi_quad",
}


def test_alignment_matches_worked_example_measures(shared_dir, alignment):
    rows = _csv(shared_dir / IDEAL / "measures_worked_example.csv")
    assert len(rows) == 20
    for r in rows:
        got = _lookup(alignment, int(r["session"]), ISO2_TO_ISO3[r["a"]], ISO2_TO_ISO3[r["b"]])
        assert got["n"] == int(r["n"])
        for ours, theirs in MEASURE_COLUMNS.items():
            assert got[ours] == pytest.approx(float(r[theirs]), abs=1e-6), (r, ours)
        assert float(r["sk_kappa_lin"]) == pytest.approx(got["kappa_lin"], abs=1e-6)


def test_alignment_methods_reference_sessions_74_77_78(alignment):
    expected = {
        (74, "RUS", "CHN"): (87, 69),
        (74, "RUS", "PRK"): (78, 61),
        (74, "CHN", "PRK"): (80, 67),
        (74, "USA", "CHN"): (89, 12),
        (77, "RUS", "CHN"): (87, 61),
        (77, "RUS", "PRK"): (77, 64),
        (77, "CHN", "PRK"): (76, 61),
        (77, "USA", "CHN"): (87, 16),
        (78, "RUS", "CHN"): (86, 59),
    }
    for (session, a, b), (n, same) in expected.items():
        got = _lookup(alignment, session, a, b)
        assert (got["n"], got["n_same"]) == (n, same)


def test_idealpoints_july2025_sign_and_order(shared_dir, voeten_db, tmp_path):
    path = tmp_path / "copy.duckdb"
    path.write_bytes(voeten_db.read_bytes())
    con = connect(path)
    stored = load_idealpoints(con, shared_dir / IDEAL / "idealpoints_july2025.csv")
    assert stored > 30_000
    assert load_idealpoints(con, shared_dir / IDEAL / "idealpoints_july2025.csv") == stored
    con.close()
    df = votes_align(path, ["USA", "RUS", "CHN", "PRK"], start=2022, end=2022, by="year")
    points = dict(zip(df["a"], df["idealpoint_a"], strict=True))
    points.update(zip(df["b"], df["idealpoint_b"], strict=True))
    assert points["USA"] > 0 > points["RUS"] > points["PRK"] > points["CHN"]
    dist = {(a, b): d for a, b, d in zip(df["a"], df["b"], df["idealpoint_distance"], strict=True)}
    assert dist[("USA", "CHN")] > dist[("USA", "RUS")] > dist[("RUS", "PRK")]


def test_idealpoints_june2024_layout_is_per_session(shared_dir, tmp_path):
    con = connect(tmp_path / "w.duckdb")
    load_idealpoints(con, shared_dir / IDEAL / "idealpoint_estimates_all_jun2024.csv")
    rows = con.execute(
        "SELECT DISTINCT measure, dataset_version, year IS NULL, "
        "session IS NOT NULL FROM un_idealpoints"
    ).fetchall()
    con.close()
    assert rows == [("idealpointall", "2024-06", True, True)]


def test_idealpoints_wrong_file_is_an_input_error(shared_dir, tmp_path):
    con = connect(tmp_path / "w.duckdb")
    with pytest.raises(InputError, match="ideal point file"):
        load_idealpoints(con, shared_dir / IDEAL / "measures_worked_example.csv")
    con.close()
