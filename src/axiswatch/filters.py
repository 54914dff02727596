"""The keyword filters of ``Workspace.events``, checked and made into an EventFilter.

Each value is checked on its own and a bad one is an InputError naming the keyword; whether
an actor code is known needs the workspace and is checked there (Workspace.events).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from axiswatch.codes import actor_list, check_event_type, did_you_mean
from axiswatch.errors import InputError
from axiswatch.model import EPISTEMIC_VALUES
from axiswatch.store.events import EventFilter, parse_dyad

DateLike = dt.date | str
"""A date, a datetime or Timestamp (its day), or ISO text: "2019", "2019-06", "2019-06-12"."""
Codes = str | Sequence[str]
"""One code, or several."""


def actors_arg(actor: Codes | None) -> tuple[str, ...] | None:
    """``actor=``: one code or several, upper-cased (events touching any of them)."""
    if actor is None:
        return None
    codes = actor_list([actor] if isinstance(actor, str) else actor)
    if not codes:
        raise InputError("actor: give an actor code such as RUS, or several")
    return tuple(codes)


def dyad_arg(dyad: Codes | None) -> tuple[str, str] | None:
    """``dyad=``: "RUS-PRK" or ("RUS", "PRK") as two upper-cased codes (either direction)."""
    if dyad is None:
        return None
    if isinstance(dyad, str):
        return parse_dyad(dyad, label="dyad")
    codes = actor_list(dyad)
    if len(codes) != 2 or len(dyad) != 2:
        raise InputError(f"dyad {dyad!r}: give two actor codes, e.g. ('RUS', 'PRK') or 'RUS-PRK'")
    return codes[0], codes[1]


def day_arg(value: DateLike | None, *, name: str, last: bool = False) -> dt.date | None:
    """``since=``/``until=`` as a day; ISO text means its first day (``last``: its last day),
    so that ``until="2019"`` keeps the whole of 2019."""
    from axiswatch.extract.dates import parse_iso

    if isinstance(value, dt.datetime):
        return value.date()
    if value is None or isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise InputError(f"{name}={value!r}: give a date or ISO text (YYYY, YYYY-MM, YYYY-MM-DD)")
    try:
        first, final = parse_iso(value.strip())
    except InputError as e:
        raise InputError(f"{name}={value!r}: {e}; write YYYY, YYYY-MM or YYYY-MM-DD") from None
    return final if last else first


def epistemic_arg(epistemic: Codes | None) -> tuple[str, ...] | None:
    """``epistemic=``: one status or several, each one of EPISTEMIC_VALUES."""
    if epistemic is None:
        return None
    values = [epistemic] if isinstance(epistemic, str) else list(epistemic)
    values = [v.strip().lower() for v in values]
    if not values:
        raise InputError(f"epistemic: give one or more of {', '.join(EPISTEMIC_VALUES)}")
    for value in values:
        if value not in EPISTEMIC_VALUES:
            hint = did_you_mean(value, EPISTEMIC_VALUES)
            raise InputError(
                f"epistemic {value!r}: choose from {', '.join(EPISTEMIC_VALUES)}{hint}"
            )
    return tuple(dict.fromkeys(values))


def limit_arg(limit: int | None) -> int | None:
    """``limit=``: a positive number of rows, or None for all."""
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise InputError(f"limit={limit!r}: give a positive whole number of rows, or None")
    return limit


def event_filter(
    *,
    actor: Codes | None = None,
    dyad: Codes | None = None,
    type: str | None = None,
    since: DateLike | None = None,
    until: DateLike | None = None,
    epistemic: Codes | None = None,
    document_id: str | None = None,
    count: str = "events",
    review: str | None = None,
    min_confidence: float | None = None,
    limit: int | None = None,
) -> EventFilter:
    """The EventFilter of Workspace.events' keywords (see there), every value checked."""
    first, last = day_arg(since, name="since"), day_arg(until, name="until", last=True)
    if first and last and first > last:
        raise InputError(f"since={since!r} is after until={until!r}: nothing can match")
    return EventFilter(
        actors=actors_arg(actor),
        dyad=dyad_arg(dyad),
        event_type=check_event_type(type, label="type") if type else None,
        since=first,
        until=last,
        epistemic=epistemic_arg(epistemic),
        document_id=document_id,
        count=count,
        review=review,
        min_confidence=min_confidence,
        limit=limit_arg(limit),
    )
