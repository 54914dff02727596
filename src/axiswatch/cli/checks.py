"""Checks of what a command is given before it runs: the workspace exists, codes are known.

An unknown actor or event type is an error with the nearest known ones ("PKR: no such actor;
did you mean PRK?") rather than an empty table; a read command given a --db that is not there
says so rather than creating an empty workspace. Both exit 2 (misuse).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from axiswatch.codes import actor_list, check_actors, check_event_type
from axiswatch.errors import UsageError


def existing_workspace(path: Path) -> Path:
    """The workspace path, or UsageError when no file is there."""
    if not path.exists():
        raise UsageError(
            f"--db {path}: no workspace there; give the right --db, or create one with "
            "`axiswatch ingest PATHS` or `axiswatch demo`"
        )
    return path


def known_actors(path: Path, codes: Iterable[str | None]) -> None:
    """UsageError for a code neither the actor knowledge base nor the workspace's events hold."""
    wanted = actor_list(codes)
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
    check_actors(missing, known | {r[0] for r in rows})


def known_event_type(value: str | None) -> str | None:
    """The PLOVER type upper-cased, or UsageError naming the nearest ones."""
    return check_event_type(value, label="--type") if value else None
