"""Claims in the store and hypotheses built from the hedged ones, rated against the evidence."""

from __future__ import annotations

import duckdb
import pytest

from axiswatch.analysis.hypotheses import build_hypotheses, hypotheses
from axiswatch.errors import StoreError
from axiswatch.model import Claim, Event
from axiswatch.store.claims import read_claims, write_claims
from axiswatch.store.events import write_events

DOC_A, DOC_B = "a" * 64, "b" * 64


def _claim(claim_id: str, subject, predicate: str, obj=None, **fields) -> Claim:
    fields.setdefault("document_id", DOC_A)
    fields.setdefault("sentence", f"sentence of {claim_id}")
    return Claim(claim_id=claim_id, subject=subject, predicate=predicate, object=obj, **fields)


def _event(event_id: str, source: str, target: str, event_type: str, mode: str, **fields) -> Event:
    return Event(
        event_id=event_id,
        origin="manual",
        date_start=fields.pop("date", "2023"),
        date_end=fields.pop("date_end", "2023"),
        source=source,
        target=target,
        event_type=event_type,
        mode=mode,
        sentence=f"sentence of {event_id}",
        **fields,
    )


# --- store -----------------------------------------------------------------------------------


def test_write_claims_round_trip(con: duckdb.DuckDBPyConnection) -> None:
    claims = [
        _claim(
            "t-c1",
            "resolution on Crimea (2016)",
            "no_votes",
            ["SYR", "RUS"],
            value=4.0,
            unit="countries",
            time="2016",
            checkable_against="un_votes",
            start_char=10,
            end_char=90,
            rule="vote_count:no",
        ),
        _claim("t-c2", ["CHN", "RUS"], "trade_value", None, value=6.5e10, unit="USD"),
    ]
    assert write_claims(con, claims, document_id=DOC_A, extractor_version="v1") == 2
    assert read_claims(con) == claims
    version = con.execute("SELECT DISTINCT extractor_version FROM claims").fetchall()
    assert version == [("v1",)]


def test_write_claims_replaces_a_documents_claims_and_their_verifications(
    con: duckdb.DuckDBPyConnection,
) -> None:
    write_claims(con, [_claim("a-c1", "CHN", "x"), _claim("a-c2", "RUS", "y")], document_id=DOC_A)
    write_claims(con, [_claim("b-c1", "PRK", "z", document_id=DOC_B)], document_id=DOC_B)
    con.execute(
        "INSERT INTO verifications VALUES ('a-c1', 'supported', 'e', NULL, NULL, NULL, now())"
    )
    write_claims(con, [_claim("a-c1", "CHN", "w")], document_id=DOC_A)
    assert [(c.claim_id, c.predicate) for c in read_claims(con)] == [("a-c1", "w"), ("b-c1", "z")]
    assert con.execute("SELECT count(*) FROM verifications").fetchone() == (0,)


def test_write_claims_failure_leaves_the_stored_claims(con: duckdb.DuckDBPyConnection) -> None:
    write_claims(con, [_claim("a-c1", "CHN", "x")], document_id=DOC_A)
    twice = [_claim("a-c2", "CHN", "y"), _claim("a-c2", "CHN", "y")]
    with pytest.raises(StoreError, match="cannot store the claims of document"):
        write_claims(con, twice, document_id=DOC_A)
    assert [c.claim_id for c in read_claims(con)] == ["a-c1"]


def test_write_claims_refuses_another_documents_claims(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(StoreError, match="belong to another document"):
        write_claims(con, [_claim("b-c1", "PRK", "z", document_id=DOC_B)], document_id=DOC_A)


# --- hypotheses ------------------------------------------------------------------------------

HEDGED = _claim(
    "h-c1",
    "CHN",
    "provides_dual_use_goods_to",
    "RUS",
    epistemic="hypothetical",
    checkable_against="trade",
)
EVENTS = [
    _event("e1", "CHN", "RUS", "COOPERATE", "trade"),
    _event("e2", "RUS", "CHN", "SANCTION", "sanctions"),
    _event("e3", "USA", "CHN", "SANCTION", "sanctions"),
    _event("e4", "CHN", "RUS", "CONSULT", "visit"),
    _event("e5", "CHN", "RUS", "COOPERATE", "trade", epistemic="alleged"),
    _event("e6", "JPN", "KOR", "COOPERATE", "trade"),
]


def test_hypotheses_rate_related_events() -> None:
    (hyp,) = build_hypotheses([HEDGED], EVENTS)
    ratings = {item.item_id: item.rating for item in hyp.evidence}
    assert ratings == {"e1": "C", "e2": "I", "e3": "N", "e5": "N"}  # e4, e6 are unrelated
    assert hyp.counts == {"C": 1, "I": 1, "N": 2}
    assert hyp.inconsistency == 1
    assert (hyp.topics, hyp.statement) == (("trade",), HEDGED.sentence)


def test_hypotheses_rate_related_claims_and_skip_asserted_ones() -> None:
    asserted = _claim("h-c2", "CHN", "exports_goods_to", "RUS", checkable_against="trade")
    denied = _claim(
        "h-c3", "CHN", "exports_goods_to", "RUS", epistemic="negated", checkable_against="trade"
    )
    unrelated = _claim("h-c4", "CHN", "participant_in", "Six-Party Talks")
    found = build_hypotheses([HEDGED, asserted, denied, unrelated], [])
    assert [h.hypothesis_id for h in found] == ["h-c1"]
    assert [(i.item_id, i.rating) for i in found[0].evidence] == [("h-c2", "C"), ("h-c3", "I")]


def test_hypotheses_arms_and_contact_topics() -> None:
    arms = _claim(
        "h-c5", "PRK", "may_supply_shells_to", "RUS", epistemic="alleged",
        checkable_against="arms_transfers",
    )  # fmt: skip
    together = _claim("h-c6", ["PRK", "RUS"], "continues_to_act", epistemic="hypothetical")
    events = [
        _event("e7", "PRK", "RUS", "COOPERATE", "arms_transfer"),
        _event("e8", "RUS", "PRK", "CONSULT", "visit"),
    ]
    by_id = {h.hypothesis_id: h for h in build_hypotheses([arms, together], events)}
    assert [(i.item_id, i.rating) for i in by_id["h-c5"].evidence] == [("e7", "C")]
    assert by_id["h-c6"].topics == ("contact",)
    assert [(i.item_id, i.rating) for i in by_id["h-c6"].evidence] == [("e8", "C")]


def test_hypotheses_from_the_store(con: duckdb.DuckDBPyConnection) -> None:
    write_claims(con, [HEDGED], document_id=DOC_A)
    write_events(con, EVENTS)
    (hyp,) = hypotheses(con)
    assert hyp.hypothesis_id == "h-c1"
    assert hyp.counts == {"C": 1, "I": 1, "N": 2}
    row = hyp.to_dict()
    assert row["evidence"][0]["kind"] == "event" and row["topics"] == ["trade"]


def test_hypotheses_decaying_relations_are_inconsistent_with_acting_together() -> None:
    together = _claim("h-c7", ["PRK", "RUS"], "continues_to_act", epistemic="hypothetical")
    decay = _claim("h-c8", "RUS", "relations_decay_with", "PRK", time="1990/1999")
    (hyp,) = build_hypotheses([together, decay], [])
    assert [(i.item_id, i.rating) for i in hyp.evidence] == [("h-c8", "I")]
    assert hyp.inconsistency == 1
