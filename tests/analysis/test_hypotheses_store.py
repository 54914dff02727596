"""Hypotheses read from the store (SQL matching and counting, paged) equal the Python reference
(`build_hypotheses` over every event), on a small random workspace with every kind of item."""

from __future__ import annotations

import random

import duckdb
import pytest

from axiswatch.analysis.hypotheses import (
    build_hypotheses,
    evidence_page,
    hypotheses,
    hypothesis_page,
)
from axiswatch.errors import InputError, NotFoundError
from axiswatch.model import Claim, Event
from axiswatch.store.claims import write_claims
from axiswatch.store.events import EventFilter, read_events, write_events
from axiswatch.store.reference import read_claims

ACTORS = ("CHN", "RUS", "PRK", "USA", None)
TYPES = ("COOPERATE", "AID", "SANCTION", "CONSULT", "SUPPORT", "THREATEN", "ACCUSE", "OTHER")
MODES = (None, "", "trade", "arms_transfer", "small_arms", "visit", "military_support")
EPISTEMIC = ("asserted", "reported", "negated", "alleged", "hypothetical")
PREDICATES = (
    "provides_dual_use_goods_to",
    "may_supply_shells_to",
    "continues_to_act",
    "relations_decay_with",
    "meets",
    "plays_part",
    "supports",
)


def _random_workspace(con: duckdb.DuckDBPyConnection, seed: int = 7) -> None:
    rng = random.Random(seed)
    events = [
        Event(
            event_id=f"e{n:03d}",
            origin="manual",
            date_start=(day := rng.choice([None, "2023", "2023-05", "2023-05-02"])),
            date_end=day if rng.random() < 0.7 or day is None else "2024",
            source=rng.choice(ACTORS),
            target=rng.choice(ACTORS),
            event_type=rng.choice(TYPES),
            mode=rng.choice(MODES),
            sentence=f"sentence {n}",
            epistemic=rng.choice(EPISTEMIC),
        )
        for n in range(300)
    ]
    write_events(con, events)
    claims = [
        Claim(
            claim_id=f"c{n:02d}",
            document_id=None,
            sentence=f"claim {n}",
            subject=rng.choice(["CHN", "RUS", ["PRK", "RUS"], ["CHN", "USA"], "Six-Party Talks"]),
            predicate=rng.choice(PREDICATES),
            object=rng.choice([None, "RUS", "PRK", "CHN", ["USA", "RUS"]]),
            epistemic=rng.choice(EPISTEMIC),
            checkable_against=rng.choice(["none", "trade", "arms_transfers"]),
            start_char=rng.choice([None, n]),
        )
        for n in range(30)
    ]
    write_claims(con, claims, document_id=None)


@pytest.fixture
def randomised(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    _random_workspace(con)
    return con


def test_store_hypotheses_equal_the_python_reference(randomised: duckdb.DuckDBPyConnection):
    reference = build_hypotheses(read_claims(randomised), read_events(randomised, EventFilter()))
    found = hypotheses(randomised)
    assert len(found) >= 5 and sum(len(h.evidence) for h in found) >= 100
    assert [h.to_dict() for h in found] == [h.to_dict() for h in reference]
    assert {r for h in found for r, n in h.counts.items() if n} == {"C", "I", "N"}


@pytest.mark.parametrize("size", [1, 3, 7])
def test_paging_walks_the_same_items(randomised: duckdb.DuckDBPyConnection, size: int) -> None:
    reference = hypotheses(randomised)
    listed, after = [], None
    while True:
        page = hypothesis_page(randomised, limit=size, after=after, evidence=2)
        assert page.total == len(reference)
        listed += page.hypotheses
        after = page.cursor
        if after is None:
            break
    assert [h.hypothesis_id for h in listed] == [h.hypothesis_id for h in reference]
    for short, whole in zip(listed, reference, strict=True):
        assert short.counts == whole.counts and short.evidence_total == len(whole.evidence)
        assert short.evidence == whole.evidence[:2]
        items, after = list(short.evidence), short.evidence_cursor
        while after:  # the rest of the evidence from the cursor the list gives
            rest = evidence_page(randomised, whole.hypothesis_id, limit=size, after=after)
            assert rest.hypothesis.counts == whole.counts
            items += rest.hypothesis.evidence
            after = rest.hypothesis.evidence_cursor
        assert items == whole.evidence


def test_bad_cursor_and_unknown_hypothesis(randomised: duckdb.DuckDBPyConnection) -> None:
    first = hypotheses(randomised)[0].hypothesis_id
    with pytest.raises(InputError, match="after="):
        evidence_page(randomised, first, after="x.nonsense")
    with pytest.raises(InputError, match="after="):
        hypothesis_page(randomised, after="nonsense")
    with pytest.raises(NotFoundError):
        evidence_page(randomised, "no-such-claim")
