"""The briefing report: one self-contained HTML file (or its PDF print) on a triangle of actors.

An executive summary first (axiswatch.report.summary); then the triangle's state in the
latest period and its movement period by period; the dyads' charts; key events quoted with
their documents; supported and contradicted claims with their verdicts' explanations;
hypotheses with their evidence; UN voting alignment when votes are imported. Every quoted
event or claim carries ``[n]``, a link to entry n of the Sources section (one per document,
axiswatch.report.sources); every figure names its event ids or dataset versions. A date
window (axiswatch.report.window) limits the events and periods shown. CSS and SVG are inline
and there are no scripts, so the file opens anywhere, offline.
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
from axiswatch.report.pdf import find_engine, html_to_pdf
from axiswatch.report.sources import Citations
from axiswatch.report.summary import executive_summary
from axiswatch.report.window import DateWindow
from axiswatch.store.events import EventFilter, count_events, read_event, read_events
from axiswatch.store.reference import list_datasets
from axiswatch.web.network import triangle_svg
from axiswatch.workspace import Workspace

log = logging.getLogger(__name__)

DEFAULT_ACTORS: tuple[str, str, str] = ("CHN", "RUS", "PRK")
KEY_EVENTS = 12
FIRST_VOTE_YEAR = 1991
"""Where the alignment starts by default (the Russian Federation's first session)."""
UN_FIRST_SESSION = 1946
REPORTED_VERDICTS: tuple[str, ...] = ("supported", "contradicted", "partly")
FORMATS: tuple[str, ...] = ("html", "pdf")

_templates = Environment(
    loader=PackageLoader("axiswatch.report", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


def quoted_event(event: Event, citations: Citations) -> dict[str, Any]:
    """An event as the brief quotes it: date, dyad, type, sentence, id and citation number."""
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
        "n": citations.cite_event(event),
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
    ws: Workspace, actors: Sequence[str], dataset: str | None, window: DateWindow
) -> dict[str, Any] | None:
    years = {"start": window.since.year} if window.since else {}
    years |= {"end": window.until.year} if window.until else {}
    if window.until and not window.since and window.until.year < FIRST_VOTE_YEAR:
        years["start"] = UN_FIRST_SESSION  # an early --until alone: from the first session
    try:
        frame = ws.votes_align(list(actors), dataset=dataset, **years)
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


def triangle_events(events: Sequence[Event], actors: Sequence[str]) -> list[Event]:
    """Dated, asserted or reported events from one of ``actors`` to another."""
    return [
        e
        for e in events
        if e.source in actors
        and e.target in actors
        and e.source != e.target
        and e.epistemic in DEFAULT_EPISTEMIC
        and e.date_start
    ]


def _dyads(
    ws: Workspace, among: Sequence[Event], actors: Sequence[str], by: str, window: DateWindow
) -> list[dict[str, Any]]:
    """Each pair's chart (periods in the window) and the event ids behind it."""
    dyads = []
    for x, y in combinations(actors, 2):
        ids = sorted(e.event_id for e in among if {e.source, e.target} == {x, y})
        frame = ws.dyad(x, y, by=by) if ids else None
        if frame is not None:
            inside = frame["period_start"].map(lambda start: window.has_period(start, by))
            frame = frame[inside].reset_index(drop=True)
        dyads.append(
            {
                "dyad": f"{x}–{y}",
                "event_ids": ids,
                "figure": dyad_figure(frame, title=f"{x}–{y} by {by}")
                if frame is not None and not frame.empty
                else None,
            }
        )
    return dyads


def _cite_hypotheses(
    ws: Workspace, rows: list[dict[str, Any]], claims: dict[str, dict[str, Any]], cites: Citations
) -> list[dict[str, Any]]:
    """Hypotheses with a citation number on the statement and on each quoted piece of evidence."""
    for row in rows:
        claim = claims.get(row.get("hypothesis_id") or "")
        row["n"] = cites.cite_claim(claim) if claim and row.get("statement") else None
        for ev in row.get("evidence") or []:
            if isinstance(ev, dict) and ev.get("sentence"):
                ev["n"] = _cite_evidence(ws, ev, claims, cites)
    return rows


def _cite_evidence(
    ws: Workspace, ev: dict[str, Any], claims: dict[str, dict[str, Any]], cites: Citations
) -> int | None:
    item = str(ev.get("item_id") or "")
    if ev.get("kind") == "event":
        try:
            return cites.cite_event(read_event(ws.con, item))
        except NotFoundError:
            return None
    claim = claims.get(item)
    return cites.cite_claim(claim) if claim else None


def build_brief(
    ws: Workspace,
    *,
    actors: Sequence[str] = DEFAULT_ACTORS,
    by: str = "year",
    dataset: str | None = None,
    window: DateWindow | None = None,
    title: str | None = None,
) -> dict[str, Any]:
    """Everything the brief shows, as a template context (``dataset``: the UN vote dataset;
    ``window``: the dates whose events and periods are shown)."""
    a, b, c = actor_codes(*actors)
    window = window or DateWindow()
    periods = ws.triangle_periods(a, b, c, by=by)
    shown = [p for p in periods if window.has_period(p["period_start"], by)]
    documents = {d.document_id: d for d in ws.documents()}
    flt = EventFilter(actors=(a, b, c), since=window.since, until=window.until)
    touching = read_events(ws.con, flt)
    among = triangle_events(touching, (a, b, c))
    flipped = {i for p in shown for f in p["flipped"] for i in f["event_ids"]}
    everything = claim_rows(ws)
    claims = [r for r in everything if r["verdict"] in REPORTED_VERDICTS]
    cites = Citations(documents)
    summary = executive_summary(periods, shown, touching, claims, cites, by=by, actors=(a, b, c))
    key = [quoted_event(e, cites) for e in key_events(among, flipped)]
    for row in claims:
        row["n"] = cites.cite_claim(row)
    by_id = {r["claim_id"]: r for r in everything}
    hypotheses = _cite_hypotheses(ws, hypothesis_rows(ws), by_id, cites)
    latest = shown[-1] if shown else None
    return {
        "title": title or f"The {a}–{b}–{c} triangle",
        "actors": [a, b, c],
        "by": by,
        "window": window.describe(),
        "generated": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "version": __version__,
        "workspace": str(ws.path),
        "counts": {"documents": len(documents), "events": count_events(ws.con)},
        "summary": summary,
        "latest": latest,
        "latest_line": _state_line(latest) if latest else "",
        "diagram": triangle_svg(latest, links=False) if latest else None,
        "periods": [{**p, "state": _state_line(p), "movement": _movement(p)} for p in shown],
        "triangle_figure": triangle_figure(shown) if shown else None,
        "triangle_sources": sorted({i for p in shown for d in p["dyads"] for i in d["event_ids"]}),
        "dyads": _dyads(ws, among, (a, b, c), by, window),
        "key_events": key,
        "claims": claims,
        "hypotheses": hypotheses,
        "alignment": _alignment(ws, (a, b, c), dataset, window),
        "sources": cites.sources,
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
    window: DateWindow | None = None,
    title: str | None = None,
    fmt: str = "html",
) -> Path:
    """Write the brief on ``actors`` (a triangle) to ``path`` as HTML or, with
    ``fmt="pdf"``, as PDF printed by headless Chromium; returns the path."""
    if fmt not in FORMATS:
        raise InputError(f"format {fmt!r}: choose one of {', '.join(FORMATS)}")
    path = Path(path)
    if path.parent and not path.parent.is_dir():
        raise InputError(f"{path}: folder {path.parent} does not exist; create it first")
    engine = find_engine() if fmt == "pdf" else None  # no engine: say so before the work
    context = build_brief(ws, actors=actors, by=by, dataset=dataset, window=window, title=title)
    html = render_brief(context)
    if engine is not None:
        html_to_pdf(html, path, engine=engine)
    else:
        path.write_text(html, encoding="utf-8")
    log.info("wrote the brief to %s (%s, %d sources)", path, fmt, len(context["sources"]))
    return path
