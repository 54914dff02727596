"""The briefing report: one self-contained HTML file on a triangle of actors.

Sections: the triangle's state in the latest period and its movement period by period; the
dyads' charts; key events quoted with their documents; supported and contradicted claims
with their verdicts' explanations; hypotheses with their evidence; UN voting alignment when
votes are imported. Every figure names its sources (event ids, dataset versions). CSS and SVG
are inline and there are no scripts, so the file opens anywhere, offline.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader

from axiswatch import __version__
from axiswatch.analysis.selection import DEFAULT_EPISTEMIC, actor_codes
from axiswatch.analysis.triangle import sign_text
from axiswatch.api.claims import claim_rows, hypothesis_rows
from axiswatch.errors import InputError, NotFoundError
from axiswatch.model import Event
from axiswatch.report.figures import alignment_figure, dyad_figure, triangle_figure
from axiswatch.store.reference import list_datasets
from axiswatch.web.network import triangle_svg
from axiswatch.workspace import Workspace

log = logging.getLogger(__name__)

DEFAULT_ACTORS: tuple[str, str, str] = ("CHN", "RUS", "PRK")
KEY_EVENTS = 12
REPORTED_VERDICTS: tuple[str, ...] = ("supported", "contradicted", "partly")

_templates = Environment(
    loader=PackageLoader("axiswatch.report", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


def citation(event: Event, titles: dict[str, str | None]) -> dict[str, Any]:
    """An event as the brief quotes it: date, dyad, type, sentence, document, id."""
    return {
        "event_id": event.event_id,
        "when": event.date_start
        if event.date_start == event.date_end
        else f"{event.date_start}..{event.date_end}",
        "source": event.source,
        "target": event.target,
        "event_type": event.event_type,
        "epistemic": event.epistemic,
        "goldstein": event.goldstein,
        "sentence": event.sentence,
        "document_title": titles.get(event.document_id or "")
        or (f"dataset {event.dataset}" if event.dataset else None),
    }


def key_events(events: Sequence[Event], flipped: set[str], *, top: int = KEY_EVENTS) -> list:
    """The events behind sign flips first, then the strongest by |Goldstein|, in date order."""
    ranked = sorted(
        events,
        key=lambda e: (e.event_id not in flipped, -abs(e.goldstein or 0.0), e.date_start or ""),
    )
    return sorted(ranked[:top], key=lambda e: (e.date_start or "", e.event_id))


def _state_line(period: dict[str, Any]) -> str:
    parts = [
        f"{d['dyad']} {sign_text(d['sign'])}"
        + (f" (g {d['g']:+.2f}, {d['n_ab'] + d['n_ba']} events)" if d["g"] is not None else "")
        for d in period["dyads"]
    ]
    return "; ".join(parts)


def _movement(period: dict[str, Any]) -> list[str]:
    lines = []
    if period["configuration_changed"]:
        lines.append(
            f"configuration {period['configuration'].replace('_', ' ')} "
            f"(was different in {period['previous_period']})"
        )
    lines += [
        f"{f['dyad']} {sign_text(f['from'])}→{sign_text(f['to'])} "
        f"(events {', '.join(f['event_ids'])})"
        for f in period["flipped"]
    ]
    return lines


def _alignment(
    ws: Workspace, actors: Sequence[str], dataset: str | None = None
) -> dict[str, Any] | None:
    try:
        frame = ws.votes_align(list(actors), dataset=dataset)
    except (NotFoundError, InputError) as e:
        return {"figure": None, "note": str(e), "datasets": [], "rows": 0}
    if frame.empty:
        return {"figure": None, "note": "no roll calls in range", "datasets": [], "rows": 0}
    datasets = list(frame.attrs.get("notes", []))
    return {
        "figure": alignment_figure(frame),
        "note": None,
        "datasets": datasets,
        "rows": len(frame),
    }


def build_brief(
    ws: Workspace,
    *,
    actors: Sequence[str] = DEFAULT_ACTORS,
    by: str = "year",
    dataset: str | None = None,
) -> dict[str, Any]:
    """Everything the brief shows, as a template context (``dataset``: the UN vote dataset)."""
    a, b, c = actor_codes(*actors)
    periods = ws.triangle_periods(a, b, c, by=by)
    titles = {d.document_id: d.title for d in ws.documents()}
    behind = sorted({i for p in periods for d in p["dyads"] for i in d["event_ids"]})
    flipped = {i for p in periods for f in p["flipped"] for i in f["event_ids"]}
    among = [
        e
        for e in ws.events()
        if e.source in (a, b, c)
        and e.target in (a, b, c)
        and e.source != e.target
        and e.epistemic in DEFAULT_EPISTEMIC
        and e.date_start
    ]
    dyads = []
    for x, y in combinations((a, b, c), 2):
        ids = sorted(e.event_id for e in among if {e.source, e.target} == {x, y})
        frame = ws.dyad(x, y, by=by) if ids else None
        dyads.append(
            {
                "dyad": f"{x}–{y}",
                "event_ids": ids,
                "figure": dyad_figure(frame, title=f"{x}–{y} by {by}")
                if frame is not None
                else None,
            }
        )
    claims = [r for r in claim_rows(ws) if r["verdict"] in REPORTED_VERDICTS]
    for row in claims:
        row["document_title"] = titles.get(row.get("document_id") or "")
    latest = periods[-1] if periods else None
    return {
        "title": f"The {a}–{b}–{c} triangle",
        "actors": [a, b, c],
        "by": by,
        "generated": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "version": __version__,
        "workspace": str(ws.path),
        "counts": {"documents": len(titles), "events": len(ws.events())},
        "latest": latest,
        "latest_line": _state_line(latest) if latest else "",
        "diagram": triangle_svg(latest, links=False),
        "periods": [{**p, "state": _state_line(p), "movement": _movement(p)} for p in periods],
        "triangle_figure": triangle_figure(periods) if periods else None,
        "triangle_sources": behind,
        "dyads": dyads,
        "key_events": [citation(e, titles) for e in key_events(among, flipped)],
        "claims": claims,
        "hypotheses": hypothesis_rows(ws),
        "alignment": _alignment(ws, (a, b, c), dataset),
        "datasets": list_datasets(ws.con),
    }


def render_brief(context: dict[str, Any]) -> str:
    """The brief's HTML from its context."""
    return _templates.get_template("brief.html").render(**context)


def write_brief(
    ws: Workspace,
    path: str | Path,
    *,
    actors: Sequence[str] = DEFAULT_ACTORS,
    by: str = "year",
    dataset: str | None = None,
) -> Path:
    """Write the brief on ``actors`` (a triangle) to ``path``; returns the path."""
    path = Path(path)
    if path.parent and not path.parent.is_dir():
        raise InputError(f"{path}: folder {path.parent} does not exist; create it first")
    html = render_brief(build_brief(ws, actors=actors, by=by, dataset=dataset))
    path.write_text(html, encoding="utf-8")
    log.info("wrote the brief to %s (%d bytes)", path, len(html))
    return path
