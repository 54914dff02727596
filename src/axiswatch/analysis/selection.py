"""Which events enter an analysis: the actors, origins and epistemic statuses asked for."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import ibis

from axiswatch.errors import InputError
from axiswatch.model import DEFAULT_EPISTEMIC, EPISTEMIC_VALUES

ACTOR_CODE = re.compile(r"[A-Z0-9][A-Z0-9_.-]{0,31}")
"""What an actor code looks like: RUS, UNSC, E-3, a workspace's own WAGNER."""


def actor_codes(*actors: str) -> list[str]:
    """Actor codes upper-cased and checked to be distinct, non-empty and well formed."""
    codes = [a.strip().upper() for a in actors]
    if any(not c for c in codes):
        raise InputError("an actor code is empty: give codes such as RUS, CHN, PRK")
    bad = next((a for a, c in zip(actors, codes, strict=True) if not ACTOR_CODE.fullmatch(c)), None)
    if bad is not None:
        raise InputError(
            f"actor {bad!r}: not an actor code; give letters, digits, '-' or '_' (RUS, E-3)"
        )
    if len(set(codes)) != len(codes):
        raise InputError(f"actors {', '.join(codes)}: give distinct actor codes")
    return codes


def epistemic_values(epistemic: Iterable[str] | None) -> tuple[str, ...] | None:
    """The epistemic statuses to keep (None keeps all); InputError lists the valid ones."""
    if epistemic is None:
        return None
    values = tuple(epistemic)
    bad = [v for v in values if v not in EPISTEMIC_VALUES]
    if bad or not values:
        raise InputError(
            f"epistemic {', '.join(bad) or '(none)'}: choose from {', '.join(EPISTEMIC_VALUES)}"
        )
    return values


def event_filters(
    origins: Iterable[str] | None, epistemic: Iterable[str] | None
) -> tuple[list[str] | None, list[str] | None]:
    """The origins and epistemic statuses to keep as lists (None keeps all), checked."""
    keep = epistemic_values(epistemic)
    wanted = None if origins is None else list(origins)
    if wanted is not None and not wanted:
        raise InputError("origins is empty: give None for all origins or name some")
    return wanted, None if keep is None else list(keep)


def select_events(
    events: ibis.Table,
    actors: Sequence[str],
    *,
    origins: Iterable[str] | None = None,
    epistemic: Iterable[str] | None = DEFAULT_EPISTEMIC,
) -> ibis.Table:
    """Dated events whose source and target are both among ``actors`` (and differ)."""
    wanted, keep = event_filters(origins, epistemic)
    return filter_events(events, actors, origins=wanted, epistemic=keep)


def filter_events(
    events: ibis.Table,
    actors: Sequence[str],
    *,
    origins: Sequence[str] | None,
    epistemic: Sequence[str] | None,
) -> ibis.Table:
    """:func:`select_events` on values already checked (see :func:`event_filters`)."""
    codes = list(actors)
    out = events.filter(
        events.day_start.notnull(),
        events.source.isin(codes),
        events.target.isin(codes),
        events.source != events.target,
    )
    if origins is not None:
        out = out.filter(out.origin.isin(list(origins)))
    if epistemic is not None:
        out = out.filter(out.epistemic.isin(list(epistemic)))
    return out
