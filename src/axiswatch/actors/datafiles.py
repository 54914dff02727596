"""Reading actor and person files (built-in YAML, user YAML or CSV) into checked records.

Every problem raises :class:`ActorDataError` with the file, the place (CSV line, or YAML entry
index and field) and what to do about it. Cross-references (does state ``XYZ`` exist?) are
checked later, when the knowledge base is assembled, with the same ``origin`` string.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from axiswatch.actors.model import ACTOR_KINDS, LEADER, ROLES
from axiswatch.errors import ActorDataError

_ID_RE = re.compile(r"^[A-Z][A-Z0-9_]{1,31}$")
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_LIST_SPLIT = re.compile(r"\s*[|;]\s*")

ACTOR_FIELDS = (
    "id",
    "kind",
    "name",
    "aliases",
    "state",
    "demonyms",
    "plurals",
    "capitals",
    "combining",
    "leader",
    "president_governs",
    "since",
    "until",
)
PERSON_FIELDS = ("name", "aliases", "source", "state", "surnames", "affiliations")
AFFILIATION_FIELDS = ("role", "state", "start", "end", "title", "to")
PERSON_CSV_FIELDS = ("person", "aliases", "source", "state", "role", "start", "end", "title", "to")

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A safe YAML loader that leaves dates as text, so that they are checked here."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True, slots=True)
class _Place:
    """Where an entry sits: a YAML entry (``file: actors[2]``) or a CSV row (``file:3``)."""

    text: str
    csv: bool = False

    def __str__(self) -> str:
        return self.text

    def at(self, name: str) -> str:
        """The place of one field of the entry."""
        return f"{self.text}: column '{name}'" if self.csv else f"{self.text}.{name}"


@dataclass(frozen=True, slots=True)
class ActorRecord:
    """An actor entry as written; ``kind`` None extends an actor that already exists."""

    actor_id: str
    origin: str
    kind: str | None = None
    name: str | None = None
    aliases: tuple[str, ...] = ()
    state: str | None = None
    demonyms: tuple[str, ...] = ()
    plurals: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    combining: tuple[str, ...] = ()
    leader: str | None = None
    president_governs: bool | None = None
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True, slots=True)
class AffiliationRecord:
    """One office as written."""

    role: str
    state: str | None
    start: date
    end: date | None
    title: str | None
    to: str | None
    origin: str


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """A person entry as written."""

    name: str
    origin: str
    aliases: tuple[str, ...] = ()
    source: str | None = None
    state: str | None = None
    surnames: tuple[str, ...] | None = None
    affiliations: tuple[AffiliationRecord, ...] = ()


@dataclass(slots=True)
class ActorData:
    """The contents of one or more actor files."""

    actors: list[ActorRecord] = field(default_factory=list)
    persons: list[PersonRecord] = field(default_factory=list)
    not_actors: list[str] = field(default_factory=list)


def read_extra(path: Path) -> ActorData:
    """Read a user extension file: ``.yaml``/``.yml`` or ``.csv``."""
    path = Path(path)
    if not path.is_file():
        raise ActorDataError(f"{path}: no such file; pass the path of a .yaml or .csv actor file")
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return read_yaml(path)
    if suffix == ".csv":
        return read_csv(path)
    raise ActorDataError(
        f"{path}: unknown file type '{path.suffix}'; use a .yaml, .yml or .csv actor file"
    )


def _load_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise ActorDataError(f"{path}: not UTF-8 text ({e.reason}); save it as UTF-8") from e
    try:
        return yaml.load(text, Loader=_Loader)
    except (yaml.YAMLError, ValueError) as e:
        mark = getattr(e, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(e, "problem", None) or str(e)
        raise ActorDataError(f"{where}: not valid YAML ({problem}); fix the syntax") from e


def read_yaml(path: Path) -> ActorData:
    """Read a YAML actor file: a mapping with ``actors``/``persons``/``not_actors`` or a list."""
    doc = _load_yaml(path)
    data = ActorData()
    if doc is None:
        return data
    if isinstance(doc, list):
        for i, entry in enumerate(doc):
            if isinstance(entry, Mapping) and "id" in entry:
                data.actors.append(_actor(entry, _Place(f"{path}: [{i}]")))
            else:
                data.persons.append(_person(entry, _Place(f"{path}: [{i}]")))
        return data
    if not isinstance(doc, Mapping):
        raise ActorDataError(
            f"{path}: the top level is a {type(doc).__name__}; write a mapping with 'actors' "
            "and/or 'persons' lists"
        )
    unknown = sorted(set(map(str, doc)) - {"actors", "persons", "not_actors"})
    if unknown:
        raise ActorDataError(
            f"{path}: unknown top-level key '{unknown[0]}'; use 'actors', 'persons' or 'not_actors'"
        )
    for key in ("actors", "persons", "not_actors"):
        if key in doc and not isinstance(doc[key], list):
            raise ActorDataError(f"{path}: '{key}' must be a list of entries")
    for i, entry in enumerate(doc.get("actors") or []):
        data.actors.append(_actor(entry, _Place(f"{path}: actors[{i}]")))
    for i, entry in enumerate(doc.get("persons") or []):
        data.persons.append(_person(entry, _Place(f"{path}: persons[{i}]")))
    for i, phrase in enumerate(doc.get("not_actors") or []):
        data.not_actors.append(_text(phrase, f"{path}: not_actors[{i}]"))
    return data


def read_state_table(path: Path) -> list[ActorRecord]:
    """Read the built-in state table: a mapping from state id to its fields."""
    doc = _load_yaml(path)
    if not isinstance(doc, Mapping):
        raise ActorDataError(f"{path}: write a mapping from state id to its fields")
    records = []
    for actor_id, fields in doc.items():
        entry = {"id": actor_id, "kind": "state", **(fields or {})}
        records.append(_actor(entry, _Place(f"{path}: {actor_id}")))
    return records


def _check_fields(entry: Any, allowed: Iterable[str], where: _Place | str) -> Mapping[str, Any]:
    if not isinstance(entry, Mapping):
        raise ActorDataError(f"{where}: expected a mapping of fields, got {entry!r}")
    allowed = tuple(allowed)
    for key in entry:
        if key not in allowed:
            raise ActorDataError(
                f"{where}: unknown field '{key}'; use one of: {', '.join(allowed)}"
            )
    return entry


def _text(value: Any, where: str, *, required: bool = True) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ActorDataError(f"{where}: is missing or empty; give a value")
        return ""
    if not isinstance(value, str | int | float):
        raise ActorDataError(f"{where}: expected text, got {value!r}")
    return str(value).strip()


def _texts(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(v for v in _LIST_SPLIT.split(value.strip()) if v)
    if not isinstance(value, list):
        raise ActorDataError(f"{where}: expected a list of names, got {value!r}")
    return tuple(_text(v, f"{where}[{i}]") for i, v in enumerate(value))


def _actor_id(value: Any, where: str) -> str:
    text = _text(value, where)
    if not _ID_RE.match(text):
        raise ActorDataError(
            f"{where}: '{text}' is not a valid id; use 2-32 upper-case letters, digits or _ "
            "starting with a letter (an ISO alpha-3 code such as RUS for a state)"
        )
    return text


def _optional_id(value: Any, where: str) -> str | None:
    if value is None or value == "":
        return None
    return _actor_id(value, where)


def parse_date(value: Any, where: str) -> date:
    """A date from YAML or CSV: a date, ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (1st of)."""
    if isinstance(value, date):
        return value
    text = str(value).strip() if value is not None else ""
    match = _DATE_RE.match(text)
    if match:
        year, month, day = (int(g) if g else 1 for g in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            pass
    raise ActorDataError(f"{where}: '{text}' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY")


def _bool(value: Any, where: str) -> bool | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    if str(value).strip().lower() in ("true", "yes", "1"):
        return True
    if str(value).strip().lower() in ("false", "no", "0"):
        return False
    raise ActorDataError(f"{where}: '{value}' is not true or false")


def _actor(entry: Any, where: _Place) -> ActorRecord:
    entry = _check_fields(entry, ACTOR_FIELDS, where)
    actor_id = _actor_id(entry.get("id"), where.at("id"))
    kind = entry.get("kind")
    if kind is not None:
        kind = _text(kind, where.at("kind")).lower()
        if kind not in ACTOR_KINDS:
            raise ActorDataError(
                f"{where.at('kind')}: '{kind}' is not a known kind; "
                f"use one of: {', '.join(ACTOR_KINDS)}"
            )
    name = _text(entry.get("name"), where.at("name"), required=False) or None
    leader = entry.get("leader")
    if leader is not None:
        leader = _text(leader, where.at("leader"))
        if leader not in ROLES:
            raise ActorDataError(
                f"{where.at('leader')}: '{leader}' is not a role; use one of: {', '.join(ROLES)}"
            )
    return ActorRecord(
        actor_id=actor_id,
        origin=str(where),
        kind=kind,
        name=name,
        aliases=_texts(entry.get("aliases"), where.at("aliases")),
        state=_optional_id(entry.get("state"), where.at("state")),
        demonyms=_texts(entry.get("demonyms"), where.at("demonyms")),
        plurals=_texts(entry.get("plurals"), where.at("plurals")),
        capitals=_texts(entry.get("capitals"), where.at("capitals")),
        combining=_texts(entry.get("combining"), where.at("combining")),
        leader=leader,
        president_governs=_bool(entry.get("president_governs"), where.at("president_governs")),
        since=_optional_date(entry.get("since"), where.at("since")),
        until=_optional_date(entry.get("until"), where.at("until")),
    )


def _optional_date(value: Any, where: str) -> date | None:
    return None if value in (None, "") else parse_date(value, where)


def _role(value: Any, where: str) -> str:
    role = _text(value, where)
    if role not in ROLES and role != LEADER:
        raise ActorDataError(f"{where}: '{role}' is not a role; use one of: {', '.join(ROLES)}")
    return role


def _affiliation(entry: Any, where: _Place) -> AffiliationRecord:
    entry = _check_fields(entry, AFFILIATION_FIELDS, where)
    if "start" not in entry or entry["start"] in (None, ""):
        raise ActorDataError(f"{where.at('start')}: is missing; give the first day in office")
    start = parse_date(entry["start"], where.at("start"))
    end_value = entry.get("end")
    end = None if end_value in (None, "") else parse_date(end_value, where.at("end"))
    if end is not None and end < start:
        raise ActorDataError(
            f"{where.at('end')}: {end.isoformat()} is before start {start.isoformat()}; "
            "swap or fix them"
        )
    role = _role(entry.get("role"), where.at("role"))
    to = _optional_id(entry.get("to"), where.at("to"))
    if role == "ambassador" and to is None:
        raise ActorDataError(f"{where.at('to')}: an ambassador needs 'to', the receiving state id")
    title = _text(entry.get("title"), where.at("title"), required=False) or None
    state = _optional_id(entry.get("state"), where.at("state"))
    return AffiliationRecord(role, state, start, end, title, to, str(where))


def _person(entry: Any, where: _Place) -> PersonRecord:
    entry = _check_fields(entry, PERSON_FIELDS, where)
    name = _text(entry.get("name"), where.at("name"))
    source = _text(entry.get("source"), where.at("source"), required=False) or None
    if source is None:
        raise ActorDataError(
            f"{where.at('source')}: is missing; "
            "give the URL of a public page that supports the offices"
        )
    affiliations = entry.get("affiliations") or []
    if not isinstance(affiliations, list):
        raise ActorDataError(f"{where.at('affiliations')}: expected a list of offices")
    surnames = entry.get("surnames")
    return PersonRecord(
        name=name,
        origin=str(where),
        aliases=_texts(entry.get("aliases"), where.at("aliases")),
        source=source,
        state=_optional_id(entry.get("state"), where.at("state")),
        surnames=None if surnames is None else _texts(surnames, where.at("surnames")),
        affiliations=tuple(
            _affiliation(a, _Place(f"{where.at('affiliations')}[{i}]"))
            for i, a in enumerate(affiliations)
        ),
    )


def read_csv(path: Path) -> ActorData:
    """Read a CSV of actors (column ``id``) or of offices (column ``person``), one per row."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = [(h or "").strip().lower() for h in (reader.fieldnames or [])]
            reader.fieldnames = header
            if "id" in header:
                allowed: tuple[str, ...] = ACTOR_FIELDS
            elif "person" in header:
                allowed = PERSON_CSV_FIELDS
            else:
                raise ActorDataError(
                    f"{path}:1: no 'id' or 'person' column; start with a header such as "
                    "'id,kind,name,aliases,state' or 'person,role,state,start,end,source'"
                )
            for column in header:
                if column not in allowed:
                    raise ActorDataError(
                        f"{path}:1: unknown column '{column}'; use: {', '.join(allowed)}"
                    )
            rows = []
            for row in reader:
                values = {k: (v or "").strip() for k, v in row.items() if k is not None}
                if None in row:
                    raise ActorDataError(
                        f"{path}:{reader.line_num}: more values than columns; quote values "
                        "that contain commas"
                    )
                if any(values.values()):
                    rows.append((reader.line_num, values))
    except UnicodeDecodeError as e:
        raise ActorDataError(f"{path}: not UTF-8 text ({e.reason}); save it as UTF-8") from e
    except csv.Error as e:
        raise ActorDataError(f"{path}: not valid CSV ({e}); fix the quoting") from e
    data = ActorData()
    if "id" in header:
        for line, values in rows:
            entry = {k: v for k, v in values.items() if v != ""}
            data.actors.append(_actor(entry, _Place(f"{path}:{line}", csv=True)))
        return data
    persons: dict[str, dict[str, Any]] = {}
    for line, values in rows:
        where = _Place(f"{path}:{line}", csv=True)
        name = _text(values.get("person"), where.at("person"))
        person = persons.setdefault(
            name, {"name": name, "aliases": [], "offices": [], "place": where}
        )
        person["aliases"].extend(_texts(values.get("aliases"), where.at("aliases")))
        for key in ("source", "state"):
            if values.get(key):
                person[key] = values[key]
        if values.get("role"):
            office = {k: values[k] for k in AFFILIATION_FIELDS if values.get(k)}
            person["offices"].append(_affiliation(office, where))
    for person in persons.values():
        place = person.pop("place")
        offices = tuple(person.pop("offices"))
        record = _person(person, place)
        data.persons.append(
            PersonRecord(
                record.name,
                record.origin,
                record.aliases,
                record.source,
                record.state,
                record.surnames,
                offices,
            )
        )
    return data
