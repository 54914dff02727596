"""Which events enter an analysis: the actors, origins and epistemic statuses asked for."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import ibis

from axiswatch.errors import InputError
from axiswatch.model import EPISTEMIC_VALUES

DEFAULT_EPISTEMIC: tuple[str, ...] = ("asserted", "reported")


def actor_codes(*actors: str) -> list[str]:
    """Actor codes upper-cased and checked to be distinct and non-empty."""
    codes = [a.strip().upper() for a in actors]
    if any(not c for c in codes):
        raise InputError("an actor code is empty: give codes such as RUS, CHN, PRK")
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


def select_events(
    events: ibis.Table,
    actors: Sequence[str],
    *,
    origins: Iterable[str] | None = None,
    epistemic: Iterable[str] | None = DEFAULT_EPISTEMIC,
) -> ibis.Table:
    """Dated events whose source and target are both among ``actors`` (and differ)."""
    codes = list(actors)
    keep = epistemic_values(epistemic)
    out = events.filter(
        events.day_start.notnull(),
        events.source.isin(codes),
        events.target.isin(codes),
        events.source != events.target,
    )
    if origins is not None:
        wanted = list(origins)
        if not wanted:
            raise InputError("origins is empty: give None for all origins or name some")
        out = out.filter(out.origin.isin(wanted))
    if keep is not None:
        out = out.filter(out.epistemic.isin(list(keep)))
    return out
