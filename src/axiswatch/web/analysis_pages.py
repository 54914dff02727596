"""What the analysis pages show: the triangle overview, a dyad, the network, the map."""

from __future__ import annotations

from typing import Any

from axiswatch.analysis.changepoints import changes
from axiswatch.analysis.charts import every_period
from axiswatch.analysis.records import records
from axiswatch.analysis.triangle import sign_text
from axiswatch.api.actors import actor_graph
from axiswatch.api.analyses import DEFAULT_TRIANGLE, epistemic_choice, triangle_json
from axiswatch.api.evidence import TitleCache, event_filter, event_json
from axiswatch.errors import InputError
from axiswatch.report.figures import changes_figure, dyad_figure, triangle_figure
from axiswatch.web.evidence_pages import event_view, query_string
from axiswatch.web.geo import REGIONS, map_layout, map_svg
from axiswatch.web.network import focus_graph, network_svg, triangle_svg
from axiswatch.workspace import Workspace

PERIODS: tuple[str, ...] = ("year", "quarter", "month")
SIGN_CLASSES = {1: "plus", 0: "zero", -1: "minus", None: "none"}


def sign_cell(dyad: dict[str, Any]) -> dict[str, Any]:
    """One dyad of one period as a table cell: sign, class, count, the link to its events."""
    n = dyad["n_ab"] + dyad["n_ba"]
    g = "" if dyad["g"] is None else f"g = {dyad['g']:+.2f}"
    return {
        "dyad": dyad["dyad"],
        "sign": sign_text(dyad["sign"]),
        "css": SIGN_CLASSES[dyad["sign"]],
        "n": n,
        "title": f"{dyad['dyad']}: {n} events {g}".strip(),
        "href": dyad.get("links", {}).get("timeline"),
        "event_ids": dyad["event_ids"],
    }


def movement(period: dict[str, Any], gap: list[str] | None = None) -> str:
    """What changed since the previous period with events: configuration and flipped signs;
    ``gap`` names the periods without events in between."""
    parts = []
    between = ""
    if gap:
        span = gap[0] if len(gap) == 1 else f"{gap[0]}–{gap[-1]}"
        between = f" (no events in {span})"
    if period.get("configuration_changed"):
        parts.append(f"configuration changed from {period['previous_period']}{between}")
    parts += [f"{f['dyad']} {sign_text(f['from'])}→{sign_text(f['to'])}" for f in period["flipped"]]
    return "; ".join(parts)


def period_rows(periods: list[dict[str, Any]], by: str) -> list[dict[str, Any]]:
    """The triangle table's rows: every period from the first to the last, those without
    events included (blank, so no year is skipped silently)."""
    rows: list[dict[str, Any]] = []
    gap: list[str] = []
    for p in every_period(periods, by):
        if p.get("empty"):
            gap.append(p["period"])
            rows.append({**p, "cells": [sign_cell(d) for d in p["dyads"]], "movement": ""})
            continue
        rows.append(
            {**p, "cells": [sign_cell(d) for d in p["dyads"]], "movement": movement(p, gap)}
        )
        gap = []
    return rows


def overview_page(
    ws: Workspace, actors: tuple[str, str, str] = DEFAULT_TRIANGLE, *, by: str = "year"
) -> dict[str, Any]:
    """The triangle now (latest period, with the events behind each sign) and by period."""
    ws.check_actors(actors)
    tri = triangle_json(ws, *actors, by=by)
    latest = tri["latest"]
    behind = []
    titles = TitleCache(ws)
    if latest is not None:
        for dyad in latest["dyads"]:
            found = [ws.event(i) for i in dyad["event_ids"]]
            events = [
                event_view(event_json(e, document_title=titles.title(e.document_id))) for e in found
            ]
            behind.append({**sign_cell(dyad), "events": events})
    rows = period_rows(tri["periods"], by)
    a, b, c = tri["actors"]
    return {
        "title": f"Triangle {a}–{b}–{c}",
        "actors": tri["actors"],
        "by": by,
        "periods_choice": PERIODS,
        "latest": latest,
        "diagram": triangle_svg(latest),
        "behind": behind,
        "rows": rows,
        "dyads": [cell["dyad"] for cell in rows[0]["cells"]] if rows else [],
        "chart": triangle_figure(tri["periods"], by=by) if tri["periods"] else None,
        "json_url": "/api/triangle" + query_string({"a": a, "b": b, "c": c, "by": by}),
    }


def dyad_page(ws: Workspace, a: str, b: str, *, by: str = "year") -> dict[str, Any]:
    """The A-B series as charts and a table, and the change points of the monthly series."""
    ws.check_actors([a, b])
    keep = epistemic_choice(None)
    frame = ws.dyad(a, b, by=by, epistemic=keep)
    a, b = a.upper(), b.upper()
    series = records(frame)
    analysis = changes(ws.con, a, b, by="month", epistemic=keep)
    breaks = [
        {**bp, "events": [event_view(e) for e in bp["top_events"]]}
        for bp in analysis.to_dict()["breaks"]
    ]
    has_series = bool(analysis.series["value"].notna().any())
    return {
        "title": f"Dyad {a}–{b}",
        "a": a,
        "b": b,
        "by": by,
        "periods_choice": PERIODS,
        "series": series,
        "chart": dyad_figure(frame, title=f"{a}–{b} by {by}", by=by) if series else None,
        "changes_chart": changes_figure(analysis) if has_series else None,
        "breaks": breaks,
        "timeline_url": "/timeline" + query_string({"dyad": f"{a}-{b}"}),
        "json_url": "/api/dyad" + query_string({"a": a, "b": b, "by": by}),
        "changes_url": "/api/changes" + query_string({"a": a, "b": b}),
    }


def graph_page(
    ws: Workspace,
    *,
    since: str | None,
    until: str | None,
    epistemic: str | None,
    kind: str,
    focus: str | None = None,
    region: str | None = None,
) -> dict[str, Any]:
    """The network (force-directed) or the map (countries, actors at their capitals); with
    ``focus`` an actor and its neighbours (network) or states coloured by their events with
    it (map)."""
    if region and region not in REGIONS:
        raise InputError(f"region={region!r}: choose one of {', '.join(REGIONS)}")
    focus = focus.strip().upper() if focus else None
    whole = actor_graph(ws, event_filter(since=since, until=until, epistemic=epistemic))
    known = {n["id"] for n in whole["nodes"]}
    missing = bool(focus) and focus not in known
    graph = focus_graph(whole, focus) if kind == "network" and not missing else whole
    values = {"since": since, "until": until, "epistemic": epistemic}
    exports = {
        fmt: f"/api/network.{fmt}" + query_string({**values, "actor": focus})
        for fmt in ("graphml", "gexf")
    }
    context: dict[str, Any] = {
        "kind": kind,
        "title": "Network" if kind == "network" else "Map",
        "graph": graph,
        "form": {k: v or "" for k, v in {**values, "actor": focus, "region": region}.items()},
        "actors": sorted(known),
        "regions": list(REGIONS),
        "focus_missing": focus if missing else None,
        "exports": exports,
        "json_url": "/api/network" + query_string(values),
    }
    if kind == "network":
        context["svg"] = network_svg(graph)
        context["unplaced"] = []
    else:
        kb = ws.kb
        layout = map_layout(graph, kb, region=region)
        use = None if missing else focus
        context["svg"] = map_svg(graph, kb=kb, focus=use, region=region, layout=layout)
        context["unplaced"] = layout["unplaced"]
        context["places"] = {a: p.place for a, p in layout["places"].items()}
    return context
