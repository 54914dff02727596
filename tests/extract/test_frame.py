"""Who a document speaks for and about."""

from __future__ import annotations

import datetime as dt

import pytest

from axiswatch.actors.kb import ActorKB
from axiswatch.extract.frame import document_frame

ON = dt.date(2024, 10, 25)


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.default()


def test_frame_of_a_readout_names_issuer_and_participants(kb: ActorKB) -> None:
    frame = document_frame(
        kb,
        "Joint Readout of the meeting between the United States, the Republic of Korea and Japan",
        "The White House",
        ON,
    )
    assert frame.issuer == "USA"
    assert frame.participants == ("USA", "KOR", "JPN")


def test_frame_of_a_statement_names_its_speaker(kb: ActorKB) -> None:
    frame = document_frame(
        kb, "DPRK Foreign Minister Choe Son Hui Issues Press Statement", "KCNA", ON
    )
    assert (frame.issuer, frame.speaker_actor, frame.speaker_person) == (
        "PRK",
        "PRK",
        "Choe Son Hui",
    )
    assert frame.participants == ()


def test_frame_of_a_wire_story_is_empty(kb: ActorKB) -> None:
    frame = document_frame(kb, "Russia and Iran have a troubled history", "Reuters", ON)
    assert frame.issuer is None and frame.speaker_actor is None
