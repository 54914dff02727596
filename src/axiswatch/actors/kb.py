"""The actor knowledge base: states, organisations, state organs and officials, loaded once.

Built-in data: every ISO 3166-1 state from pycountry, the tables in ``data/`` (state names,
demonyms and capitals; organisations, organs and media; persons and their offices). User files
(YAML or CSV) are laid over them with :meth:`ActorKB.load`.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pycountry

from axiswatch.actors import names as person_names
from axiswatch.actors.aliases import AliasTrie, acronym_mask, alias_key, normalise
from axiswatch.actors.datafiles import (
    ActorData,
    ActorRecord,
    PersonRecord,
    read_extra,
    read_state_table,
    read_yaml,
)
from axiswatch.actors.model import (
    LEADER,
    RULE_CONFIDENCE,
    Actor,
    Affiliation,
    Mention,
    Person,
    Resolution,
)
from axiswatch.actors.roles import (
    OrganNoun,
    Title,
    build_organ_trie,
    build_title_trie,
    title_words,
)
from axiswatch.errors import ActorDataError

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).with_name("data")
_HISTORIC = ("SUN", "DDR", "YUG", "CSK")
_INVERTED_TAILS = (" of", " of the")
# Surnames that are also common English words: never matched alone.
_WORD_SURNAMES = frozenset(
    {"no", "an", "o", "so", "do", "go", "he", "in", "on", "or", "to", "be", "we", "us", "it"}
)
_TITLE_WORDS = frozenset(
    {
        "chairman",
        "president",
        "premier",
        "general",
        "marshal",
        "minister",
        "secretary",
        "comrade",
        "king",
        "queen",
        "prince",
        "emperor",
        "supreme",
        "leader",
    }
)
"""Titles that lead some aliases ("Chairman Mao"): never a surname taken from an alias."""
# Only leaders are written with a shortened name ("Kim Jong" for Kim Jong Il).
_TOP_ROLES = frozenset({"supreme_leader", "head_of_state"})


@dataclass(frozen=True, slots=True)
class Entry:
    """What one alias key stands for.

    ``kind``: ``actor`` (an actor id), ``person`` (a full name), ``surname`` and ``partial``
    (part of a name, resolved by date), or ``block`` (a place or thing, not an actor).
    """

    target: str
    kind: str
    rule: str
    form: str
    mask: tuple[bool, ...] = ()
    hyphen: bool = False


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One actor or person whose name or alias contains the query."""

    id: str
    kind: str
    name: str
    state: str | None
    matched: str
    score: int


class ActorKB:
    """Actors and persons with their aliases, and the indexes that match them in text."""

    def __init__(
        self,
        actors: dict[str, Actor],
        persons: dict[str, Person],
        not_actors: Iterable[str] = (),
    ) -> None:
        self.actors = actors
        self.persons = persons
        self.entries: dict[tuple[str, ...], list[Entry]] = {}
        self.trie: AliasTrie[list[Entry]] = AliasTrie()
        self.titles: AliasTrie[Title] = build_title_trie()
        self.organs: AliasTrie[OrganNoun] = build_organ_trie()
        self._offices: dict[tuple[str, str], list[tuple[Person, Affiliation]]] = {}
        self.title_words: frozenset[str] = title_words()
        for actor in actors.values():
            self._index_actor(actor)
        for person in persons.values():
            self._index_person(person)
        for phrase in not_actors:
            self._add(phrase, Entry("", "block", "not_an_actor", "name"))

    # ------------------------------------------------------------------ loading

    @classmethod
    def default(cls) -> ActorKB:
        """The built-in knowledge base (loaded on first use, then cached)."""
        return cls.load(())

    @classmethod
    def load(cls, extra: Iterable[Path | str] = ()) -> ActorKB:
        """The built-ins with user files laid over them, in order; cached per file state."""
        paths = tuple(Path(p) for p in extra)
        key = tuple(_file_key(p) for p in paths)
        with _CACHE_LOCK:
            kb = _CACHE.get(key)
            if kb is None:
                started = time.perf_counter()
                kb = _build(paths)
                _CACHE[key] = kb
                log.info(
                    "actor KB: %d actors, %d persons, %d aliases in %.0f ms",
                    len(kb.actors),
                    len(kb.persons),
                    len(kb.entries),
                    (time.perf_counter() - started) * 1000,
                )
            return kb

    # ------------------------------------------------------------------ lookups

    def actor(self, actor_id: str) -> Actor | None:
        """The actor with this id (any case), or None."""
        return self.actors.get(actor_id.strip().upper())

    def person(self, name: str) -> Person | None:
        """The person with this canonical name or full-name alias, or None."""
        if name in self.persons:
            return self.persons[name]
        for entry in self.entries.get(alias_key(name), ()):
            if entry.kind == "person":
                return self.persons[entry.target]
        return None

    def stands_for(self, actor_id: str) -> str:
        """The state an organ or medium stands for; any other actor stands for itself."""
        actor = self.actors.get(actor_id)
        if actor is not None and actor.kind in ("organ", "media") and actor.state:
            return actor.state
        return actor_id

    def lookup(self, text: str) -> list[Entry]:
        """The alias entries whose key equals the normalised text."""
        return list(self.entries.get(alias_key(text), ()))

    def leader_role(self, state: str) -> str:
        """The office that "<state> leader" means for this state."""
        actor = self.actors.get(state)
        return actor.leader_role if actor is not None else "head_of_state"

    def holders(self, role: str, state: str, on: date, *, to: str | None = None) -> list[Person]:
        """Everyone holding that office for that state on that day (ambassadors: ``to``)."""
        actor = self.actors.get(state)
        if role == LEADER:
            role = self.leader_role(state)
        if role == "head_of_government" and actor is not None and actor.president_governs:
            role = "head_of_state"
        out: list[Person] = []
        for person, office in self._offices.get((role, state), ()):
            if office.active(on) and (to is None or office.to == to) and person not in out:
                out.append(person)
        return out

    def holder(self, role: str, state: str, on: date, *, to: str | None = None) -> Person | None:
        """The one person holding that office on that day, or None if nobody or several."""
        found = self.holders(role, state, on, to=to)
        if len(found) > 1:
            log.warning("%d holders of %s for %s on %s", len(found), role, state, on)
        return found[0] if len(found) == 1 else None

    def offices(self, state: str) -> list[tuple[Person, Affiliation]]:
        """Every recorded office of a state, in order of start."""
        rows = [row for (_, s), rows in self._offices.items() if s == state for row in rows]
        return sorted(rows, key=lambda row: (row[1].start, row[1].role))

    def resolve(self, text: str, date: date | None = None) -> Resolution:
        """What a name, title or phrase refers to (see :mod:`axiswatch.actors.resolve`)."""
        from axiswatch.actors.resolve import resolve_text

        return resolve_text(self, text, date)

    def find_mentions(self, text: str, *, on: date | None = None) -> list[Mention]:
        """Non-overlapping actor mentions in text (see :mod:`axiswatch.actors.mentions`)."""
        from axiswatch.actors.mentions import find_mentions

        return find_mentions(self, text, on=on)

    def search(self, query: str, limit: int = 25) -> list[SearchHit]:
        """Actors and persons whose id, name or alias contains the query, best first."""
        needle = normalise(query)
        if not needle:
            return []
        hits: dict[str, SearchHit] = {}
        for target, kind, name, state, alias in self._searchable():
            hay = normalise(alias)
            if needle == hay or needle.upper() == target:
                score = 3
            elif hay.startswith(needle):
                score = 2
            elif needle in hay:
                score = 1
            else:
                continue
            best = hits.get(target)
            if best is None or score > best.score:
                hits[target] = SearchHit(target, kind, name, state, alias, score)
        ranked = sorted(hits.values(), key=lambda h: (-h.score, h.kind == "person", h.name))
        return ranked[:limit]

    def _searchable(self) -> Iterator[tuple[str, str, str, str | None, str]]:
        for actor in self.actors.values():
            for alias in (actor.actor_id, actor.name, *actor.aliases, *actor.demonyms):
                yield actor.actor_id, actor.kind, actor.name, actor.state, alias
        for person in self.persons.values():
            for alias in (person.name, *person.aliases):
                yield person.name, "person", person.name, person.state, alias

    # ------------------------------------------------------------------ indexing

    def _add(self, alias: str, entry: Entry) -> None:
        key = alias_key(alias)
        if not key or not any(ch.isalnum() for ch in alias):
            return
        bucket = self.entries.get(key)
        if bucket is None:
            bucket = self.entries[key] = []
            self.trie.add(key, bucket)
        for i, old in enumerate(bucket):
            if old.target == entry.target and old.kind == entry.kind:
                if RULE_CONFIDENCE.get(entry.rule, 0) > RULE_CONFIDENCE.get(old.rule, 0):
                    bucket[i] = entry
                return
        bucket.append(entry)

    def _index_actor(self, actor: Actor) -> None:
        organ = actor.kind in ("organ", "media")
        name_rule = "organ" if organ else "exact_name"
        alias_rule = "organ" if organ else "alias"
        form = "organ" if organ else "name"
        aid = actor.actor_id
        self._add(actor.name, Entry(aid, "actor", name_rule, form, acronym_mask(actor.name)))
        aliases = actor.aliases
        if actor.kind == "igo" and aid.isalnum():
            aliases = (*aliases, aid)
        for alias in aliases:
            self._add(alias, Entry(aid, "actor", alias_rule, form, acronym_mask(alias)))
        for demonym in actor.demonyms:
            self._add(demonym, Entry(aid, "actor", "demonym", "demonym", acronym_mask(demonym)))
        for capital in actor.capitals:
            self._add(capital, Entry(aid, "actor", "capital_metonym", "capital"))
        for prefix in actor.combining_forms:
            self._add(prefix, Entry(aid, "actor", "combining_form", "demonym", (), True))

    def _index_person(self, person: Person) -> None:
        full = {person.name, *person.aliases}
        spellings = set(full)
        for name in full:
            spellings |= person_names.variants(name, person.state)
        for spelling in spellings:
            words = alias_key(spelling)
            if len(words) == 1:
                if words[0] not in _WORD_SURNAMES:
                    self._add(spelling, Entry(person.name, "surname", "surname", "person"))
            else:
                rule = "exact_name" if spelling == person.name else "alias"
                self._add(spelling, Entry(person.name, "person", rule, "person"))
        surnames = (
            person.surnames
            if person.surnames is not None
            else [
                n
                for n in person_names.surnames(spellings, person.state)
                if n.lower() not in _TITLE_WORDS
            ]
        )
        for surname in surnames:
            if surname not in _WORD_SURNAMES:
                self._add(surname, Entry(person.name, "surname", "surname", "person"))
        full_keys = {alias_key(s) for s in spellings}
        top = any(a.role in _TOP_ROLES for a in person.affiliations)
        for partial in person_names.partial_names(spellings, person.state) if top else ():
            if partial not in full_keys:
                self._add(" ".join(partial), Entry(person.name, "partial", "partial", "person"))
        for office in person.affiliations:
            self._offices.setdefault((office.role, office.state), []).append((person, office))


_CACHE: dict[tuple[tuple[str, int, int], ...], ActorKB] = {}
_CACHE_LOCK = threading.Lock()


def _file_key(path: Path) -> tuple[str, int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (str(path), -1, -1)
    return (str(path.resolve()), stat.st_mtime_ns, stat.st_size)


# ---------------------------------------------------------------------- assembly


def _build(extra: tuple[Path, ...]) -> ActorKB:
    actors: dict[str, _ActorDraft] = {}
    for draft in _pycountry_states():
        actors[draft.actor_id] = draft
    for record in read_state_table(DATA_DIR / "states.yaml"):
        _merge_actor(actors, record, builtin=True)
    builtin = read_yaml(DATA_DIR / "organisations.yaml")
    builtin.persons.extend(read_yaml(DATA_DIR / "persons.yaml").persons)
    layers: list[ActorData] = [builtin, *(read_extra(p) for p in extra)]
    not_actors: list[str] = []
    persons: dict[str, _PersonDraft] = {}
    for layer in layers:
        for record in layer.actors:
            _merge_actor(actors, record, builtin=layer is builtin)
        not_actors.extend(layer.not_actors)
    states = {aid for aid, a in actors.items() if a.kind == "state"}
    for draft in actors.values():
        draft.check(states)
    for layer in layers:
        for record in layer.persons:
            _merge_person(persons, record, states, actors)
    return ActorKB(
        {aid: d.freeze() for aid, d in actors.items()},
        {name: d.freeze() for name, d in persons.items()},
        not_actors,
    )


class _ActorDraft:
    """An actor being assembled from pycountry, the built-in tables and user files."""

    def __init__(self, actor_id: str, kind: str, name: str, origin: str) -> None:
        self.actor_id = actor_id
        self.kind = kind
        self.name = name
        self.origin = origin
        self.aliases: list[str] = []
        self.state: str | None = None
        self.demonyms: list[str] = []
        self.capitals: list[str] = []
        self.combining: list[str] = []
        self.leader = "head_of_state"
        self.president_governs = False
        self.since: date | None = None
        self.until: date | None = None

    def add_aliases(self, names: Iterable[str]) -> None:
        for name in names:
            if name and name != self.name and name not in self.aliases:
                self.aliases.append(name)

    def check(self, states: set[str]) -> None:
        if self.kind in ("organ", "media") and self.state is None:
            raise ActorDataError(
                f"{self.origin}: field 'state': {self.kind} '{self.actor_id}' needs the id of "
                "the state it stands for"
            )
        if self.state is not None and self.state not in states:
            raise ActorDataError(
                f"{self.origin}: field 'state': '{self.state}' is not a known state id; use an "
                "ISO 3166-1 alpha-3 code such as RUS"
            )

    def freeze(self) -> Actor:
        demonyms = list(self.demonyms)
        return Actor(
            actor_id=self.actor_id,
            kind=self.kind,  # type: ignore[arg-type]
            name=self.name,
            aliases=tuple(self.aliases),
            state=self.state,
            demonyms=tuple(demonyms),
            capitals=tuple(self.capitals),
            combining_forms=tuple(self.combining),
            leader_role=self.leader,
            president_governs=self.president_governs,
            since=self.since,
            until=self.until,
        )


def _invert(value: str) -> str | None:
    """``Korea, Republic of`` -> ``Republic of Korea``; None for a name that is not inverted."""
    head, comma, tail = value.partition(", ")
    if not comma:
        return value
    if tail.endswith(_INVERTED_TAILS) or tail in ("British", "U.S."):
        return f"{tail[:1].upper()}{tail[1:]} {head}"
    return None if tail.startswith("Province of") else value


def _state_names(country: object) -> list[str]:
    out: list[str] = []
    for attr in ("common_name", "name", "official_name"):
        value = getattr(country, attr, None)
        if not value:
            continue
        if "(" in value:
            head, _, rest = value.partition("(")
            out.extend([head.strip(), rest.rstrip(")").strip()])
            continue
        inverted = _invert(value)
        if inverted:
            out.append(inverted)
    return [n for i, n in enumerate(out) if n and n not in out[:i]]


def _pycountry_states() -> Iterator[_ActorDraft]:
    for country in pycountry.countries:
        names = _state_names(country)
        draft = _ActorDraft(country.alpha_3, "state", names[0], f"pycountry {country.alpha_3}")
        draft.add_aliases(names[1:])
        yield draft
    for country in pycountry.historic_countries:
        code = getattr(country, "alpha_3", None)
        if code in _HISTORIC:
            names = [
                n.strip()
                for n in country.name.split(",")
                if n.strip() and "(" not in n and not n.strip().endswith(" of")
            ]
            draft = _ActorDraft(code, "state", names[0], f"pycountry {code}")
            draft.add_aliases(names[1:])
            yield draft


def _merge_actor(actors: dict[str, _ActorDraft], record: ActorRecord, *, builtin: bool) -> None:
    draft = actors.get(record.actor_id)
    if draft is None:
        if record.kind is None or record.name is None:
            raise ActorDataError(
                f"{record.origin}: id '{record.actor_id}' is not a known actor; give 'kind' and "
                "'name' to add it, or use an existing id to add aliases"
            )
        draft = _ActorDraft(record.actor_id, record.kind, record.name, record.origin)
        actors[record.actor_id] = draft
    else:
        if record.kind is not None and record.kind != draft.kind:
            raise ActorDataError(
                f"{record.origin}: field 'kind': '{record.actor_id}' is a {draft.kind}, not a "
                f"{record.kind}; drop 'kind' to add aliases or choose a new id"
            )
        if record.name and record.name != draft.name:
            if builtin:
                draft.add_aliases([draft.name])
                draft.name = record.name
                draft.aliases = [a for a in draft.aliases if a != record.name]
            else:
                draft.add_aliases([record.name])
        draft.origin = record.origin
    draft.add_aliases(record.aliases)
    if record.state is not None:
        draft.state = record.state
    for demonym in (*record.demonyms, *record.plurals, *_plurals(record.demonyms)):
        if demonym not in draft.demonyms:
            draft.demonyms.append(demonym)
    draft.capitals.extend(c for c in record.capitals if c not in draft.capitals)
    draft.combining.extend(c for c in record.combining if c not in draft.combining)
    if record.leader is not None:
        draft.leader = record.leader
    if record.president_governs is not None:
        draft.president_governs = record.president_governs
    if record.since is not None:
        draft.since = record.since
    if record.until is not None:
        draft.until = record.until


def _plurals(demonyms: Iterable[str]) -> list[str]:
    out = []
    for demonym in demonyms:
        last = demonym.split()[-1]
        if last.isalpha() and not last.isupper() and last.endswith(("an", "i")):
            out.append(demonym + "s")
    return out


class _PersonDraft:
    """A person being assembled from the built-in table and user files."""

    def __init__(self, record: PersonRecord) -> None:
        self.name = record.name
        self.origin = record.origin
        self.aliases: list[str] = []
        self.source = record.source
        self.state = record.state
        self.surnames = record.surnames
        self.affiliations: list[Affiliation] = []

    def freeze(self) -> Person:
        offices = tuple(sorted(self.affiliations, key=lambda a: (a.start, a.role)))
        state = self.state or (offices[0].state if offices else None)
        return Person(
            name=self.name,
            aliases=tuple(self.aliases),
            affiliations=offices,
            source_url=self.source,
            state=state,
            surnames=None
            if self.surnames is None
            else tuple(alias_key(s)[0] for s in self.surnames if alias_key(s)),
        )


def _merge_person(
    persons: dict[str, _PersonDraft],
    record: PersonRecord,
    states: set[str],
    actors: dict[str, _ActorDraft],
) -> None:
    draft = persons.get(record.name)
    if draft is None:
        draft = persons[record.name] = _PersonDraft(record)
    else:
        draft.source = record.source or draft.source
        draft.state = record.state or draft.state
        if record.surnames is not None:
            draft.surnames = record.surnames
    if draft.state is not None and draft.state not in states:
        raise ActorDataError(
            f"{record.origin}: field 'state': '{draft.state}' is not a known state id; use an "
            "ISO 3166-1 alpha-3 code such as RUS"
        )
    draft.aliases.extend(a for a in record.aliases if a not in draft.aliases and a != draft.name)
    for office in record.affiliations:
        state = office.state or draft.state
        if state is None:
            raise ActorDataError(
                f"{office.origin}: field 'state': give the state of this office, or 'state' "
                "for the person"
            )
        if state not in states:
            raise ActorDataError(
                f"{office.origin}: field 'state': '{state}' is not a known state id; use an "
                "ISO 3166-1 alpha-3 code such as RUS"
            )
        if office.to is not None and office.to not in actors:
            raise ActorDataError(
                f"{office.origin}: field 'to': '{office.to}' is not a known actor id; use the "
                "receiving state's ISO alpha-3 code"
            )
        role = office.role
        if role == LEADER:
            role = actors[state].leader
        draft.affiliations.append(
            Affiliation(draft.name, role, state, office.start, office.end, office.title, office.to)
        )
