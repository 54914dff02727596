"""Deciding what a name refers to: one actor or person, or a list of candidates.

Rules, in order: an exact name or alias; a person's full name, surname or partial name (one
person, or the one in the highest office on the date); a title with a state ("Russian
President") resolved to the office holder on the date; otherwise the mentions found in the
text are combined. Ambiguity never becomes a guess: ``actor`` is None and ``candidates`` lists
the options.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from axiswatch.actors.aliases import alias_key
from axiswatch.actors.model import (
    LEADER,
    RULE_CONFIDENCE,
    SINGLE_HOLDER_ROLES,
    Mention,
    Resolution,
    role_rank,
)

if TYPE_CHECKING:
    from axiswatch.actors.kb import ActorKB, Entry

NONE = Resolution(None, rule="no_match")
NOT_AN_ACTOR = Resolution(None, rule="not_an_actor")


def confidence(rule: str) -> float:
    """The confidence that a rule gives."""
    return RULE_CONFIDENCE.get(rule, 0.5)


def ambiguous(candidates: Sequence[str]) -> Resolution:
    """No decision: the candidates, sorted."""
    options = tuple(sorted(set(candidates)))
    return Resolution(None, None, None, 1 / max(len(options), 1), "ambiguous", options)


def person_resolution(kb: ActorKB, name: str, on: date | None, rule: str) -> Resolution:
    """A person, with the state and office they held on the date."""
    person = kb.persons[name]
    offices = person.offices_on(on) if on is not None else []
    role = offices[0].role if offices else None
    return Resolution(person.state_on(on), name, role, confidence(rule), rule)


def pick_by_date(kb: ActorKB, names: Sequence[str], on: date | None) -> str | None:
    """Of several persons, the one in the highest office on the date (None if tied or none)."""
    if on is None:
        return None
    ranked: list[tuple[int, str]] = []
    for name in names:
        offices = kb.persons[name].offices_on(on)
        if offices:
            ranked.append((role_rank(offices[0].role), name))
    if not ranked:
        return None
    ranked.sort()
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        return None
    return ranked[0][1]


def resolve_entries(kb: ActorKB, entries: Sequence[Entry], on: date | None) -> Resolution | None:
    """What the entries of one alias key stand for; None if there are none."""
    actors = [e for e in entries if e.kind == "actor"]
    if actors:
        targets = sorted({e.target for e in actors})
        if len(targets) > 1:
            existing = _existing_on(kb, targets, on)
            if len(existing) != 1:
                return ambiguous([kb.stands_for(t) for t in targets])
            targets = existing
            actors = [e for e in actors if e.target == targets[0]]
        best = max(actors, key=lambda e: confidence(e.rule))
        actor = kb.stands_for(targets[0])
        organ = targets[0] if actor != targets[0] else None
        return Resolution(actor, None, None, confidence(best.rule), best.rule, (), organ)
    for kinds, single_rule, dated_rule in (
        (("person",), None, "alias"),
        (("partial",), "partial_name", "partial_name_by_date"),
        (("surname",), "surname", "surname_by_date"),
    ):
        found = [e for e in entries if e.kind in kinds]
        if not found:
            continue
        names = sorted({e.target for e in found})
        if len(names) == 1:
            rule = single_rule or max(found, key=lambda e: confidence(e.rule)).rule
            return person_resolution(kb, names[0], on, rule)
        picked = pick_by_date(kb, names, on)
        if picked is not None:
            return person_resolution(kb, picked, on, dated_rule)
        return ambiguous(names)
    if any(e.kind == "block" for e in entries):
        return NOT_AN_ACTOR
    return None


def _existing_on(kb: ActorKB, targets: Sequence[str], on: date | None) -> list[str]:
    """The targets that existed on the day (today when undated): "Moscow" in 1985 is the
    Soviet Union, in 2015 Russia."""
    day = on or date.today()
    return [t for t in targets if t not in kb.actors or kb.actors[t].exists_on(day)]


def resolve_role(
    kb: ActorKB,
    state: str | None,
    role: str | None,
    on: date | None,
    *,
    to: str | None = None,
    person: str | None = None,
) -> tuple[str | None, str | None, str]:
    """``(role, person, rule)`` for a title, with the office holder on the date if known."""
    if role == LEADER:
        role = kb.leader_role(state) if state is not None else None
    if person is not None:
        return role, person, "role_person"
    if state is not None and role in SINGLE_HOLDER_ROLES and on is not None:
        holder = kb.holder(role, state, on, to=to)
        if holder is not None:
            return role, holder.name, "role_by_date"
    return role, None, "role_title"


def resolve_text(kb: ActorKB, text: str, on: date | None = None) -> Resolution:
    """Resolve a name, title or short phrase (see the module docstring)."""
    key = alias_key(text)
    if not key:
        return NONE
    entries = kb.entries.get(key)
    if entries:
        found = resolve_entries(kb, entries, on)
        if found is not None:
            return found
    raw = text.strip()
    if raw.isupper() and raw in kb.actors:
        actor = kb.stands_for(raw)
        organ = raw if actor != raw else None
        return Resolution(actor, None, None, confidence("id"), "id", (), organ)
    from axiswatch.actors.mentions import find_mentions

    return combine(kb, find_mentions(kb, text, on=on, strict_case=False), on)


def from_mention(mention: Mention) -> Resolution:
    """A mention's decision as a resolution."""
    return Resolution(
        mention.actor,
        mention.person,
        mention.role,
        mention.confidence,
        mention.rule,
        mention.candidates,
        mention.organ,
    )


def combine(kb: ActorKB, mentions: Sequence[Mention], on: date | None) -> Resolution:
    """One decision from the mentions in a phrase ("Sergei Shoigu, the Minister of ...")."""
    useful = [m for m in mentions if m.actor or m.person or m.candidates]
    if not useful:
        return NONE
    if len(useful) == 1:
        return from_mention(useful[0])
    persons = {m.person for m in useful if m.person}
    actors = {m.actor for m in useful if m.actor}
    open_choices = [m for m in useful if m.candidates and not m.actor]
    if len(persons) == 1 and len(actors) <= 1 and not open_choices:
        name = persons.pop()
        role_mention = next((m for m in useful if m.form == "role" and m.role), None)
        person_mention = next(m for m in useful if m.person == name)
        actor = next(iter(actors)) if actors else kb.persons[name].state_on(on)
        if role_mention is not None:
            return Resolution(
                actor, name, role_mention.role, confidence("role_person"), "role_person"
            )
        return Resolution(
            actor, name, person_mention.role, person_mention.confidence, person_mention.rule
        )
    if not persons and len(actors) == 1 and not open_choices:
        best = max(useful, key=lambda m: (m.form == "role", m.confidence))
        return Resolution(best.actor, None, best.role, best.confidence, best.rule)
    options: set[str] = set(actors) | set(persons)
    for m in open_choices:
        options.update(m.candidates)
    return ambiguous(sorted(options))
