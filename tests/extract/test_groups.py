"""Groupings a text defines by listing their members."""

from __future__ import annotations

import datetime as dt

import pytest

from axiswatch.actors.kb import ActorKB
from axiswatch.extract.groups import define_groups


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.default()


@pytest.mark.parametrize(
    ("text", "name", "members"),
    [
        pytest.param(
            "ties among China, Russia, Iran, and North Korea (CRINK) deepened",
            "CRINK",
            ("CHN", "RUS", "IRN", "PRK"),
            id="list-then-name",
        ),
        pytest.param(
            "the E-3 countries—France, Germany, and the United Kingdom—launched a process",
            "E-3",
            ("FRA", "DEU", "GBR"),
            id="name-then-list",
        ),
    ],
)
def test_define_groups_reads_both_shapes(kb: ActorKB, text: str, name: str, members) -> None:
    groups = define_groups(text, kb.find_mentions(text, on=dt.date(2025, 1, 1)))
    assert groups == {name: members}


def test_define_groups_needs_a_list(kb: ActorKB) -> None:
    text = "Russia (RUS) and a talk (TALK) about China."
    assert define_groups(text, kb.find_mentions(text, on=dt.date(2025, 1, 1))) == {}
