"""Veto claims checked against hand-built veto rows: joint vetoes, the Soviet seat, coverage."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from axiswatch.analysis.verify import claim_family, verify_claim
from axiswatch.model import Claim
from axiswatch.store.connect import connect
from axiswatch.store.reference import replacing_dataset

ROWS = [  # draft, date, meeting, agenda, subject, vetoed_by, vetoed_by_raw
    ("S/1990/1", dt.date(1990, 5, 31), "S/PV.1", "Middle East", None, "SUN", "USSR"),
    ("S/2014/189", dt.date(2014, 3, 15), "S/PV.7138", "Ukraine", None, "RUS", "Russia"),
    ("S/2022/431", dt.date(2022, 5, 26), "S/PV.9048", "DPRK", "North Korea", "CHN", "China"),
    ("S/2022/431", dt.date(2022, 5, 26), "S/PV.9048", "DPRK", "North Korea", "RUS", "Russia"),
    ("S/2022/500", dt.date(2022, 6, 30), "S/PV.9099", "Other", None, "USA", "USA"),
]


@pytest.fixture
def con(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = connect(tmp_path / "w.duckdb")
    with replacing_dataset(
        connection,
        dataset="unsc-vetoes",
        version="t",
        kind="unsc_vetoes",
        path="hand-built",
        tables=["unsc_vetoes"],
    ) as writer:
        for row in ROWS:
            writer.add("unsc_vetoes", row)
    yield connection
    connection.close()


def veto(subject: Any, time: str | None, epistemic: str = "asserted") -> Claim:
    return Claim(
        claim_id="v1",
        document_id=None,
        subject=subject,
        predicate="vetoed",
        object=None,
        time=time,
        epistemic=epistemic,
        checkable_against="vetoes",
        sentence="A sentence.",
    )


@pytest.mark.parametrize(
    ("subject", "time", "verdict", "words"),
    [
        ("RUS", "2014-03-15", "supported", "S/2014/189"),
        (["CHN", "RUS"], "2022-05", "supported", "S/2022/431"),
        ("RUS", "1990", "supported", "S/1990/1"),  # the Soviet seat is Russia's
        (["CHN", "USA"], "2022-05/2022-06", "partly", "no draft vetoed by all"),
        ("FRA", "2022-05", "contradicted", "no veto by France"),
        ("RUS", "2014-03-16", "contradicted", "no veto at all then"),
        ("RUS", "2023", "unverifiable", "covers 1990-05-31 to 2022-06-30"),
        ("RUS", None, "unverifiable", "no date"),
    ],
)
def test_veto_verdicts(con, subject: Any, time: str | None, verdict: str, words: str) -> None:
    result = verify_claim(con, veto(subject, time))
    assert (result.verdict, result.dataset) == (verdict, "unsc-vetoes")
    assert words in result.explanation


def test_veto_verdict_names_the_rows_it_read(con) -> None:
    result = verify_claim(con, veto(["CHN", "RUS"], "2022-05-26"))
    assert {(r["draft"], r["vetoed_by"]) for r in result.reference_rows} == {
        ("S/2022/431", "CHN"),
        ("S/2022/431", "RUS"),
    }
    assert claim_family(veto("RUS", "2014")) == "un_veto"


def test_a_possible_veto_is_not_checked(con) -> None:
    result = verify_claim(con, veto("RUS", "2022", epistemic="hypothetical"))
    assert result.verdict == "unverifiable"


def test_no_veto_list_says_how_to_get_one(tmp_path: Path) -> None:
    connection = connect(tmp_path / "empty.duckdb")
    try:
        result = verify_claim(connection, veto("RUS", "2014"))
    finally:
        connection.close()
    assert "axiswatch reference install unsc-vetoes" in result.explanation


def test_a_date_read_from_the_sentences_before_never_contradicts(con) -> None:
    guessed = veto("FRA", "2014")
    guessed = type(guessed)(**{**guessed.to_dict(), "rule": "veto_verb+date_from_context"})
    result = verify_claim(con, guessed)
    assert result.verdict == "unverifiable"
    assert "comes from the sentences before" in result.explanation
    joint = veto(["CHN", "RUS"], "2022")
    joint = type(joint)(**{**joint.to_dict(), "rule": "veto_noun+date_from_context"})
    assert verify_claim(con, joint).verdict == "supported"


def count(subject: Any, value: float, time: str, obj: Any = None) -> Claim:
    return Claim(
        claim_id="n1",
        document_id=None,
        subject=subject,
        predicate="vetoes_drafts",
        object=obj,
        value=value,
        unit="drafts",
        time=time,
        checkable_against="vetoes",
        sentence="A sentence.",
    )


@pytest.mark.parametrize(
    ("claim", "verdict", "words"),
    [
        (count("UNSC", 3, "2014/2022-06"), "supported", "3 drafts vetoed by any permanent"),
        (count(["CHN", "RUS"], 1, "2022-01/2022-06"), "supported", "China and Russia"),
        (count("RUS", 2, "2014/2022-06"), "supported", "S/2014/189, S/2022/431"),
        (count("RUS", 3, "2014/2022-06"), "partly", "the text says 3"),
        (count("RUS", 5, "2014/2022-06", obj="PRK"), "contradicted", "on North Korea"),
        (count("RUS", 17, "2022/2025"), "unverifiable", "not all of 2022–2025"),
        (count("RUS", 17, "2022/.."), "unverifiable", "no period"),
    ],
)
def test_veto_counts(con, claim: Claim, verdict: str, words: str) -> None:
    assert claim_family(claim) == "un_veto_count"
    result = verify_claim(con, claim)
    assert result.verdict == verdict
    assert words in result.explanation


def test_a_count_by_a_state_that_cannot_veto_is_not_a_veto_count() -> None:
    assert claim_family(count("IND", 3, "2014")) is None


def first_since(year: int, time: str, obj: Any = None, rule: str = "first_veto_verb") -> Claim:
    return Claim(
        claim_id="f1",
        document_id=None,
        subject=["CHN", "RUS"],
        predicate="first_veto_since",
        object=obj,
        value=float(year),
        unit="year",
        time=time,
        checkable_against="vetoes",
        sentence="A sentence.",
        rule=rule,
    )


@pytest.mark.parametrize(
    ("claim", "verdict", "words"),
    [
        (first_since(2006, "2022-05-26", "PRK"), "supported", "no veto on North Korea from 2006"),
        (first_since(1991, "2022-05-26"), "contradicted", "S/2014/189 (2014-03-15)"),
        (first_since(1991, "2022", rule="first_veto_noun+date_from_context"), "unverifiable",
         "read from the sentences before"),
        (first_since(1980, "2022-05-26"), "unverifiable", "covers 1990-05-31"),
    ],
)  # fmt: skip
def test_first_veto_since(con, claim: Claim, verdict: str, words: str) -> None:
    assert claim_family(claim) == "un_veto_first"
    result = verify_claim(con, claim)
    assert result.verdict == verdict
    assert words in result.explanation
