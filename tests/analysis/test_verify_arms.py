"""Arms-transfer claims against hand-built SIPRI register rows: direction, names, silence."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from axiswatch.analysis.verify import claim_family, verify_claim
from axiswatch.analysis.verify_arms import parties
from axiswatch.model import Claim
from axiswatch.store.connect import connect
from axiswatch.store.reference import replacing_dataset

ROWS = [  # deal, supplier, recipient, raw names, designation, description, category,
    # order year, delivery year, delivered, TIV, status
    ("1", "RUS", "CHN", "Russia", "China", "Su-35S", "FGA aircraft", "Aircraft",
     2015, 2016, 4, 240.0, "New"),
    ("2", "RUS", "CHN", "Russia", "China", "S-400", "SAM system", "Air defence systems",
     2014, 2018, 2, 500.0, "New"),
    ("3", "PRK", "RUS", "North Korea", "Russia", "Hwasong-11", "SSM", "Missiles",
     2023, 2023, 5, 50.0, "New"),
]  # fmt: skip


@pytest.fixture
def con(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = connect(tmp_path / "w.duckdb")
    with replacing_dataset(
        connection,
        dataset="sipri-arms-transfers",
        version="t",
        kind="arms_transfers",
        path="hand-built",
        tables=["arms_transfers"],
    ) as writer:
        for row in ROWS:
            writer.add("arms_transfers", row)
    yield connection
    connection.close()


def transfer(
    subject: str, predicate: str, obj: str, time: str | None, sentence: str = "A sentence."
) -> Claim:
    return Claim(
        claim_id="a1",
        document_id=None,
        subject=subject,
        predicate=predicate,
        object=obj,
        time=time,
        checkable_against="arms_transfers",
        sentence=sentence,
    )


def test_the_subject_supplies_unless_the_verb_receives() -> None:
    assert parties(transfer("RUS", "supplies_jets_to", "CHN", None)) == ("RUS", "CHN")
    assert parties(transfer("CHN", "buys_jets_from", "RUS", None)) == ("RUS", "CHN")
    assert claim_family(transfer("RUS", "supplies_jets_to", "CHN", None)) == "arms_transfer"


def test_a_named_weapon_is_matched_and_its_rows_named(con) -> None:
    claim = transfer("CHN", "buys_jets_from", "RUS", "2016", "China bought Su-35 jets.")
    result = verify_claim(con, claim)
    assert result.verdict == "supported"
    assert "named in the claim: Su-35S" in result.explanation
    assert [r["deal_id"] for r in result.reference_rows] == ["1"]


def test_no_year_reads_the_whole_register(con) -> None:
    result = verify_claim(con, transfer("PRK", "supplies_missiles_to", "RUS", None))
    assert result.verdict == "supported"
    assert "Hwasong-11" in result.explanation


@pytest.mark.parametrize(
    ("claim", "words"),
    [
        (transfer("PRK", "supplies_shells_to", "RUS", "2022"), "does not record ammunition"),
        (transfer("PRK", "supplies_drones_to", "RUS", "2022"), "neither supports nor contradicts"),
        # 2018 saw an S-400 delivered, no aircraft: a claim about jets finds nothing
        (transfer("CHN", "buys_jets_from", "RUS", "2018"), "neither supports nor contradicts"),
        (transfer("CHN", "supplies_drones_to", "RUS", "2024"), "deliveries up to 2023"),
        (transfer("RUS", "supplies_jets_to", "CHN", "2016").__class__(
            **{**transfer("RUS", "supplies_jets_to", "CHN", "2016").to_dict(),
               "epistemic": "hypothetical"}), "future"),
    ],
)  # fmt: skip
def test_silence_or_a_possibility_is_never_contradicted(con, claim: Claim, words: str) -> None:
    result = verify_claim(con, claim)
    assert result.verdict == "unverifiable"
    assert words in result.explanation


def test_without_the_register_says_how_to_import_it(tmp_path: Path) -> None:
    connection = connect(tmp_path / "empty.duckdb")
    try:
        result = verify_claim(connection, transfer("RUS", "supplies_jets_to", "CHN", "2016"))
    finally:
        connection.close()
    assert "axiswatch import sipri FILE" in result.explanation
