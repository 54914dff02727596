"""Who a document speaks for and about, read from its title and publisher.

An official text is issued by a state organ (publisher "The White House", "Korean Central News
Agency", "Ministry of Foreign Affairs of the Russian Federation"); a statement has a speaker
named in its title ("DPRK Foreign Minister Choe Son Hui Issues Press Statement"); a readout
names its participants ("... meeting between the United States, the Republic of Korea and
Japan"). Inside such a text "I" and "we" are the speaker, an unqualified "the President" is
the issuer's, and "the National Security Advisors" are the participants.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from axiswatch.actors.kb import ActorKB

FIRST_PERSON = frozenset({"i", "we", "us", "our", "my", "me"})
OFFICES = {"President": "head_of_state", "Chairman": "head_of_state"}
"""Capitalised offices that, unqualified ("the President"), name the issuer's holder."""
TITLE_WORDS = frozenset(
    {
        "advisor",
        "adviser",
        "secretary",
        "minister",
        "ambassador",
        "spokesperson",
        "spokesman",
        "envoy",
        "representative",
        "director",
        "premier",
    }
)
"""An office before a name the actor base does not know ("National Security Advisor Jake
Sullivan"): in an official text with no country named, the issuer's official."""


@dataclass(frozen=True)
class DocumentFrame:
    """The issuing state, the speaker (a person of a state) and the named participants."""

    issuer: str | None = None
    speaker_actor: str | None = None
    speaker_person: str | None = None
    participants: tuple[str, ...] = ()


def document_frame(
    kb: ActorKB,
    title: str | None,
    publisher: str | None,
    on: dt.date | None,
    igo_ids: frozenset[str] = frozenset(),
) -> DocumentFrame:
    """Read the frame from the title and the publisher (either may be missing)."""
    organs = {
        m.actor for m in kb.find_mentions(publisher or "", on=on) if m.actor and m.form == "organ"
    }
    issuer = next(iter(organs)) if len(organs) == 1 else None
    mentions = [m for m in kb.find_mentions(title or "", on=on) if m.actor]
    persons = {(m.actor, m.person) for m in mentions if m.person}
    states = tuple(dict.fromkeys(m.actor for m in mentions if m.actor not in igo_ids))
    speaker = next(iter(persons)) if len(persons) == 1 else (issuer, None)
    return DocumentFrame(
        issuer=issuer,
        speaker_actor=speaker[0],
        speaker_person=speaker[1],
        participants=states if len(states) >= 2 else (),
    )
