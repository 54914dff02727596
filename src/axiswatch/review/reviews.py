"""Analysts' reviews of events: accept, reject, correct, merge, split.

A review is stored apart from extraction with who made it and when, and names the mentions
(by their keys, see :func:`axiswatch.review.grouping.mention_key`) of the event it was made
on, so it still applies after `reextract` renumbers the mentions. For one event the reviews
covering any of its mentions are applied in the order they were made: the later wins, and
every one stays in the history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from axiswatch.errors import InputError
from axiswatch.model import EPISTEMIC_VALUES

ACTIONS = ("accept", "reject", "edit", "merge", "split")
STATUSES = ("unreviewed", "accepted", "corrected", "rejected")
EDITABLE = ("event_type", "source", "target", "date_start", "date_end", "epistemic")


@dataclass(frozen=True)
class Review:
    """One stored review."""

    review_id: str
    event_id: str
    mention_keys: tuple[str, ...]
    action: str
    changes: Mapping[str, Any] = field(default_factory=dict)
    note: str | None = None
    reviewer: str | None = None
    created_at: dt.datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "review_id": self.review_id,
            "event_id": self.event_id,
            "mention_keys": list(self.mention_keys),
            "action": self.action,
            "changes": dict(self.changes),
            "note": self.note,
            "reviewer": self.reviewer,
            "created_at": self.created_at.isoformat() if self.created_at else None,
        }


@dataclass(frozen=True)
class Verdict:
    """What the reviews of one event add up to."""

    status: str = "unreviewed"
    changes: Mapping[str, Any] = field(default_factory=dict)
    reviewer: str | None = None
    reviewed_at: dt.datetime | None = None
    covered: frozenset[str] = frozenset()


def check_action(action: str) -> str:
    """The action, or InputError naming the valid ones."""
    if action not in ACTIONS:
        raise InputError(f"action {action!r}: choose one of {', '.join(ACTIONS)}")
    return action


def check_changes(
    changes: Mapping[str, Any], *, known_actors: set[str], plover_types: Sequence[str]
) -> dict[str, Any]:
    """Edits checked field by field; InputError names the first bad field and what to do."""
    from axiswatch.extract.dates import parse_iso

    out: dict[str, Any] = {}
    for name, value in changes.items():
        if name not in EDITABLE:
            raise InputError(f"{name}: not an editable field; edit {', '.join(EDITABLE)}")
        if value is None or value == "":
            raise InputError(f"{name}: give a value")
        text = str(value).strip()
        if name in {"source", "target"}:
            text = text.upper()
            if text not in known_actors:
                raise InputError(
                    f"{name} {text!r}: no such actor code; see `axiswatch actors list`"
                )
        elif name == "event_type":
            text = text.upper()
            if text not in plover_types:
                raise InputError(
                    f"event_type {text!r}: not a PLOVER type; choose from {', '.join(plover_types)}"
                )
        elif name == "epistemic":
            if text not in EPISTEMIC_VALUES:
                raise InputError(f"epistemic {text!r}: choose one of {', '.join(EPISTEMIC_VALUES)}")
        else:
            try:
                parse_iso(text)
            except InputError:
                raise InputError(
                    f"{name} {text!r}: not an ISO date; write YYYY, YYYY-MM or YYYY-MM-DD"
                ) from None
        out[name] = text
    if (
        "date_start" in out
        and "date_end" in out
        and parse_iso(out["date_end"])[1] < parse_iso(out["date_start"])[0]
    ):
        raise InputError("date_end: it is before date_start; give the dates in order")
    if out.get("source") and out.get("source") == out.get("target"):
        raise InputError("target: it is the same actor as the source; give two actors")
    return out


def verdict(reviews: Sequence[Review], keys: set[str]) -> Verdict:
    """The reviews (accept, reject, edit) that cover any of ``keys``, applied oldest first."""
    status, changes = "unreviewed", {}
    reviewer, at = None, None
    covered: set[str] = set()
    for r in sorted(reviews, key=lambda r: (r.created_at or dt.datetime.min, r.review_id)):
        if r.action not in {"accept", "reject", "edit"} or not (set(r.mention_keys) & keys):
            continue
        covered |= set(r.mention_keys)
        if r.action == "reject":
            status = "rejected"
        elif r.action == "edit":
            changes.update(r.changes)
            status = "corrected"
        else:
            status = "corrected" if changes else "accepted"
        reviewer, at = r.reviewer, r.created_at
    return Verdict(status, changes, reviewer, at, frozenset(covered & keys))


def apply_changes(row: dict[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """An event row with the corrections applied (type fixes CAMEO, QuadClass and Goldstein)."""
    from axiswatch.extract.dates import iso_precision, parse_iso
    from axiswatch.ontology.cameo import cameo_code
    from axiswatch.ontology.plover import default_cameo

    out = dict(row)
    out.update(changes)
    if "event_type" in changes and changes["event_type"] != row.get("event_type"):
        code = default_cameo(changes["event_type"])
        info = cameo_code(code)
        out.update(cameo=code, mode=None, quad_class=info.quad_class, goldstein=info.goldstein)
    if "date_start" in changes or "date_end" in changes:
        if "date_start" in changes and "date_end" not in changes:
            out["date_end"] = changes["date_start"]
        start = out["date_start"]
        out["precision"] = iso_precision(start)
        out["day_start"], out["day_end"] = parse_iso(start)[0], parse_iso(out["date_end"])[1]
        out["date_from_context"] = False
    return out
