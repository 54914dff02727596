"""Checks of actor codes and PLOVER types, with the nearest known ones on a miss.

An unknown code is an error ("PKR: no such actor; did you mean PRK?") rather than an empty
result; the command line (axiswatch.cli.checks) and the Python API (Workspace.events) share
these checks.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable

from axiswatch.errors import UsageError


def did_you_mean(value: str, known: Iterable[str]) -> str:
    """ "; did you mean PRK?": same letters in another order first (a typo's usual kind),
    then the closest by difflib; "" when nothing is close."""
    pool = sorted(set(known))
    swapped = [k for k in pool if sorted(k) == sorted(value) and k != value]
    close = [*swapped, *difflib.get_close_matches(value, pool, n=3, cutoff=0.5)]
    close = list(dict.fromkeys(close))[:3]
    return f"; did you mean {' or '.join(close)}?" if close else ""


def actor_list(codes: Iterable[str | None]) -> list[str]:
    """The non-empty codes, stripped and upper-cased."""
    return [c.strip().upper() for c in codes if c and c.strip()]


def check_actors(codes: Iterable[str], known: Collection[str]) -> None:
    """UsageError for the first code that ``known`` lacks, naming the nearest known ones."""
    for code in codes:
        if code not in known:
            raise UsageError(f"{code}: no such actor{did_you_mean(code, known)}")


def check_event_type(value: str, *, label: str = "type") -> str:
    """The PLOVER type (or OTHER) upper-cased; UsageError naming the nearest ones otherwise.

    ``label`` names where the value came from in the message ("--type", "type").
    """
    from axiswatch.ontology import OTHER, PLOVER_TYPES

    types = (*PLOVER_TYPES, OTHER)
    code = value.strip().upper()
    if code not in types:
        raise UsageError(f"{label} {value}: no such PLOVER type{did_you_mean(code, types)}")
    return code
