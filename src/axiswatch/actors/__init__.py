"""Actor knowledge base: states, organisations, state organs and officials, and their names.

Usage: ``kb = ActorKB.default()``; ``kb.resolve("North Korean leader", date(2001, 1, 1))``
gives PRK and Kim Jong Il; ``kb.find_mentions(text, on=day)`` lists the actor mentions of a
text; ``kb.holder("foreign_minister", "RUS", day)`` names the office holder.
"""

from __future__ import annotations

from axiswatch.actors.aliases import normalise
from axiswatch.actors.kb import ActorKB, SearchHit
from axiswatch.actors.model import (
    ROLES,
    SINGLE_HOLDER_ROLES,
    Actor,
    Affiliation,
    Mention,
    Person,
    Resolution,
)

__all__ = [
    "ROLES",
    "SINGLE_HOLDER_ROLES",
    "Actor",
    "ActorKB",
    "Affiliation",
    "Mention",
    "Person",
    "Resolution",
    "SearchHit",
    "normalise",
]
