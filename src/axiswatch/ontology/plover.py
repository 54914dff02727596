"""PLOVER event types and modes: quad class, score and the CAMEO code axiswatch emits for each.

Types follow the PLOVER manual (Draft 0.8+) with the corrections of METHODS.md 2.4: SANCTION is
quad class 4 and ACCUSE scores -3. Mode names repeat across types with different meanings, so a
mode is always looked up with its type.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from axiswatch.errors import InputError
from axiswatch.ontology._tables import optional_float, read_table

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
"""The 16 PLOVER event types, in the manual's order."""

OTHER = "OTHER"
"""The label for an event that no PLOVER type covers (CAMEO 01x and 02x, for instance)."""

LEGACY_LABELS: Mapping[str, tuple[str, str | None]] = MappingProxyType(
    {
        "DEMAND": ("REQUEST", None),
        "DISAPPROVE": ("ACCUSE", "disapprove"),
        "INVESTIGATE": ("ACCUSE", "investigate"),
        "FIGHT": ("ASSAULT", None),
        "YIELD": ("CONCEDE", None),
        "COOPERATION": ("COOPERATE", None),
    }
)
"""Labels of older PLOVER drafts (v0.5 gold records, PLV data, the 2016 table) -> (type, mode).

PLV's YIELD merges CONCEDE and RETREAT; it maps to CONCEDE.
"""


@dataclass(frozen=True, slots=True)
class PloverType:
    """One PLOVER event type."""

    type: str
    quad_class: int
    score: float
    description: str
    default_cameo: str
    requires_recipient: bool


@dataclass(frozen=True, slots=True)
class PloverMode:
    """One mode of a type: a manual mode, or an axiswatch form word (source 'axiswatch')."""

    type: str
    mode: str
    score: float | None
    default_cameo: str | None
    source: str


@cache
def _types() -> Mapping[str, PloverType]:
    rows = {
        row["type"]: PloverType(
            type=row["type"],
            quad_class=int(row["quad_class"]),
            score=float(row["score"]),
            description=row["description"],
            default_cameo=row["default_cameo"],
            requires_recipient=row["requires_recipient"] == "1",
        )
        for row in read_table("plover.csv")
    }
    return MappingProxyType(rows)


@cache
def _modes() -> Mapping[tuple[str, str], PloverMode]:
    rows = {
        (row["type"], row["mode"]): PloverMode(
            type=row["type"],
            mode=row["mode"],
            score=optional_float(row["score"]),
            default_cameo=row["default_cameo"] or None,
            source=row["source"],
        )
        for row in read_table("modes.csv")
    }
    return MappingProxyType(rows)


def is_plover_type(name: str) -> bool:
    """Whether name is one of the 16 PLOVER types, spelt exactly (OTHER and old labels are not)."""
    return name in _types()


def plover_type(name: str) -> PloverType:
    """The PLOVER type called name; InputError for anything else (see normalise_plover_label)."""
    try:
        return _types()[name]
    except (KeyError, TypeError):
        raise InputError(f"not a PLOVER event type: {name!r}") from None


def plover_modes(type_name: str) -> tuple[PloverMode, ...]:
    """The modes of a type: the manual's in its order, then axiswatch's form words."""
    plover_type(type_name)
    return tuple(mode for (owner, _), mode in _modes().items() if owner == type_name)


def plover_mode(type_name: str, mode: str) -> PloverMode | None:
    """The mode of a type with that name, or None when the type has no such mode."""
    plover_type(type_name)
    return _modes().get((type_name, mode))


def default_cameo(type_name: str, mode: str | None = None) -> str:
    """The CAMEO code axiswatch emits for a type, or for the mode when one code fits it.

    A mode that the type lacks, or that has no code of its own, gives the type's default.
    """
    entry = plover_type(type_name)
    found = plover_mode(type_name, mode) if mode else None
    if found is not None and found.default_cameo is not None:
        return found.default_cameo
    return entry.default_cameo


def plover_score(type_name: str, mode: str | None = None) -> float:
    """The PLOVER score of a type, or of the mode where the manual scores it."""
    entry = plover_type(type_name)
    found = plover_mode(type_name, mode) if mode else None
    if found is not None and found.score is not None:
        return found.score
    return entry.score


def normalise_plover_label(label: str) -> str:
    """A PLOVER type from a label as found in data: case and spaces ignored, old names mapped.

    OTHER is returned as is; any other label raises InputError.
    """
    if not isinstance(label, str):
        raise InputError(f"not a PLOVER event label: {label!r}")
    name = label.strip().upper()
    if name in LEGACY_LABELS:
        return LEGACY_LABELS[name][0]
    if name == OTHER or is_plover_type(name):
        return name
    raise InputError(f"not a PLOVER event label: {label!r}")
