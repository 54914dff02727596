"""The optional pair stage: scoring, and proposals added beside the rules' events."""

from __future__ import annotations

import datetime as dt

import pytest

from axiswatch.extract.arguments import ActorRef
from axiswatch.extract.pairs import Candidate, PairModel, shipped_model
from axiswatch.extract.pipeline import Extractor, SourceText

pytestmark = pytest.mark.slow

TEXT = "In March 2023, Chinese and Russian officials gathered in Moscow to talk about trade."


class _Everything:
    def __init__(self) -> None:
        self.seen: list[Candidate] = []

    def accept(self, candidates: list[Candidate], sentence: str) -> list[bool]:
        self.seen.extend(candidates)
        return [True] * len(candidates)


def test_pair_model_scores_by_weights_and_threshold() -> None:
    model = PairModel({"rule": 2.0, "quote": -3.0}, bias=-1.0, threshold=0.5)
    a, b = ActorRef("CHN", None, 0, "subject"), ActorRef("RUS", None, 1, "object")
    assert model.probability({"rule": 1.0}) == pytest.approx(1 / (1 + 2.718281828**-1.0))
    assert model.accept([Candidate(a, b, {"rule": 1.0}), Candidate(a, b, {})], "") == [
        True,
        False,
    ]


def test_no_model_ships_so_the_rules_run_alone() -> None:
    assert shipped_model() is None
    assert Extractor().pair_judge is None


def test_accepted_proposals_are_added_and_rule_events_kept() -> None:
    judge = _Everything()
    rules = Extractor(pair_judge=None).extract_one(SourceText("t", TEXT, None, dt.date(2023, 4, 1)))
    judged = Extractor(pair_judge=judge).extract_one(
        SourceText("t", TEXT, None, dt.date(2023, 4, 1))
    )
    assert {e.event_id for e in rules} <= {e.event_id for e in judged}
    assert all("proposal=" in "".join(c.features) for c in judge.seen)
