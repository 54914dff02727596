"""Checks of what a command is given before it runs: the workspace exists, codes are known.

An unknown actor or event type is an error with the nearest known ones ("PKR: no such actor;
did you mean PRK?") rather than an empty table; a read command given a --db that is not there
says so rather than creating an empty workspace. Both exit 2 (misuse).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path

from axiswatch.errors import UsageError


def existing_workspace(path: Path) -> Path:
    """The workspace path, or UsageError when no file is there."""
    if not path.exists():
        raise UsageError(
            f"--db {path}: no workspace there; give the right --db, or create one with "
            "`axiswatch ingest PATHS` or `axiswatch demo`"
        )
    return path


def _suggest(value: str, known: Iterable[str]) -> str:
    """ "; did you mean PRK?": same letters in another order first (a typo's usual kind),
    then the closest by difflib."""
    pool = sorted(set(known))
    swapped = [k for k in pool if sorted(k) == sorted(value) and k != value]
    close = [*swapped, *difflib.get_close_matches(value, pool, n=3, cutoff=0.5)]
    close = list(dict.fromkeys(close))[:3]
    return f"; did you mean {' or '.join(close)}?" if close else ""


def known_actors(path: Path, codes: Iterable[str | None]) -> None:
    """UsageError for a code neither the actor knowledge base nor the workspace's events hold."""
    wanted = [c.strip().upper() for c in codes if c and c.strip()]
    if not wanted:
        return
    from axiswatch.actors import ActorKB

    known = set(ActorKB.default().actors)
    missing = [c for c in wanted if c not in known]
    if not missing:
        return
    from axiswatch.workspace import Workspace

    with Workspace(path) as ws:
        rows = ws.con.execute(
            "SELECT DISTINCT source FROM events WHERE source IS NOT NULL UNION "
            "SELECT DISTINCT target FROM events WHERE target IS NOT NULL"
        ).fetchall()
    known |= {r[0] for r in rows}
    for code in missing:
        if code not in known:
            raise UsageError(f"{code}: no such actor{_suggest(code, known)}")


def known_event_type(value: str | None) -> str | None:
    """The PLOVER type upper-cased, or UsageError naming the nearest ones."""
    if not value:
        return None
    from axiswatch.ontology import OTHER, PLOVER_TYPES

    types = (*PLOVER_TYPES, OTHER)
    code = value.strip().upper()
    if code not in types:
        raise UsageError(f"--type {value}: no such PLOVER type{_suggest(code, types)}")
    return code
