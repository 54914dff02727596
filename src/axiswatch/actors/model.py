"""The actor knowledge base's value types: actors, persons, their offices, and results."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

ActorKind = Literal["state", "igo", "organ", "media", "person"]
MentionForm = Literal["name", "demonym", "capital", "role", "person", "organ"]

ACTOR_KINDS: tuple[str, ...] = ("state", "igo", "organ", "media", "person")

# Offices, highest first: the order decides which office holder a bare surname means.
ROLES: tuple[str, ...] = (
    "supreme_leader",
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "vice_foreign_minister",
    "deputy_defence_minister",
    "ambassador",
)
# Offices that one person holds at a time for a state (ambassadors: per receiving state).
SINGLE_HOLDER_ROLES: frozenset[str] = frozenset(
    {
        "supreme_leader",
        "head_of_state",
        "head_of_government",
        "foreign_minister",
        "defence_minister",
        "ambassador",
    }
)
# "leader" in text: resolved to the state's own leading office (Actor.leader_role).
LEADER = "leader"

RULE_CONFIDENCE: dict[str, float] = {
    "id": 1.0,
    "exact_name": 1.0,
    "person_name": 0.98,
    "role_person": 0.97,
    "alias": 0.95,
    "organ": 0.9,
    "demonym": 0.9,
    "combining_form": 0.85,
    "role_by_date": 0.85,
    "role_title": 0.85,
    "surname": 0.8,
    "partial_name": 0.75,
    "capital_metonym": 0.75,
    "partial_name_by_date": 0.7,
    "surname_by_date": 0.65,
    "ambiguous": 0.0,
    "not_an_actor": 0.0,
    "no_match": 0.0,
}


def role_rank(role: str) -> int:
    """The rank of an office: 0 is the highest; unknown roles rank last."""
    return ROLES.index(role) if role in ROLES else len(ROLES)


@dataclass(frozen=True, slots=True)
class Actor:
    """A state, an international organisation, or a state organ or state medium."""

    actor_id: str
    kind: ActorKind
    name: str
    aliases: tuple[str, ...] = ()
    state: str | None = None
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    combining_forms: tuple[str, ...] = ()
    leader_role: str = "head_of_state"
    president_governs: bool = False
    since: date | None = None
    until: date | None = None

    def exists_on(self, on: date) -> bool:
        """Whether the actor existed on that day (``since``/``until`` bound a name it shares
        with another state, as "Moscow" for the Soviet Union and Russia)."""
        return (self.since is None or self.since <= on) and (self.until is None or on <= self.until)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready view."""
        return {
            "id": self.actor_id,
            "kind": self.kind,
            "name": self.name,
            "state": self.state,
            "aliases": list(self.aliases),
            "demonyms": list(self.demonyms),
            "capitals": list(self.capitals),
            "combining_forms": list(self.combining_forms),
        }


@dataclass(frozen=True, slots=True)
class Affiliation:
    """One office held by a person: ``start <= day < end`` (``end`` None: still in office)."""

    person: str
    role: str
    state: str
    start: date
    end: date | None = None
    title: str | None = None
    to: str | None = None

    def active(self, on: date) -> bool:
        """Whether the office was held on that day."""
        return self.start <= on and (self.end is None or on < self.end)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready view."""
        return {
            "role": self.role,
            "state": self.state,
            "to": self.to,
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "title": self.title,
        }


@dataclass(frozen=True, slots=True)
class Person:
    """A named official with the offices that tie them to a state."""

    name: str
    aliases: tuple[str, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()
    source_url: str | None = None
    state: str | None = None
    surnames: tuple[str, ...] | None = None

    def offices_on(self, on: date) -> list[Affiliation]:
        """Offices held on that day, highest rank first."""
        return sorted(
            (a for a in self.affiliations if a.active(on)), key=lambda a: role_rank(a.role)
        )

    def state_on(self, on: date | None) -> str | None:
        """The state the person stands for on that day (their home state when not in office)."""
        if on is not None:
            offices = self.offices_on(on)
            if offices:
                return offices[0].state
        return self.state

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready view."""
        return {
            "name": self.name,
            "state": self.state,
            "aliases": list(self.aliases),
            "source": self.source_url,
            "affiliations": [a.to_dict() for a in self.affiliations],
        }


@dataclass(frozen=True, slots=True)
class Resolution:
    """What one piece of text refers to; ``candidates`` is set (and ``actor`` None) if unsure.

    ``actor`` is a state or organisation id; for a state organ or state medium it is the state
    it stands for, and ``organ`` holds the organ's own id (``PRK_KCNA``).
    """

    actor: str | None
    person: str | None = None
    role: str | None = None
    confidence: float = 0.0
    rule: str = "no_match"
    candidates: tuple[str, ...] = field(default=())
    organ: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready view with the keys the CLI prints."""
        return {
            "actor": self.actor,
            "person": self.person,
            "role": self.role,
            "confidence": round(self.confidence, 3),
            "rule": self.rule,
            "candidates": list(self.candidates),
            "organ": self.organ,
        }


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the original text that names or stands for an actor.

    ``text == original[start_char:end_char]``; ``actor``, ``organ`` and ``candidates`` as in
    :class:`Resolution`.
    """

    start_char: int
    end_char: int
    text: str
    actor: str | None
    person: str | None
    role: str | None
    rule: str
    confidence: float
    form: MentionForm
    candidates: tuple[str, ...] = ()
    organ: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready view."""
        return {
            "start_char": self.start_char,
            "end_char": self.end_char,
            "text": self.text,
            "actor": self.actor,
            "person": self.person,
            "role": self.role,
            "rule": self.rule,
            "confidence": round(self.confidence, 3),
            "form": self.form,
            "candidates": list(self.candidates),
            "organ": self.organ,
        }
