"""SVG drawings of actors and their ties: the network on a circle and the triangle diagram.

Drawn here, in Python, as plain SVG (no chart library): nodes sized by their event counts,
edges by the events between two actors and coloured by the mean Goldstein value.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup, escape

COOPERATIVE = "#2b6cb0"
HOSTILE = "#c53030"
NEUTRAL = "#718096"
UNKNOWN = "#cbd5e0"
NODE = 'fill="#edf2f7" stroke="#2d3748" stroke-width="1.5"'

MAX_NODES = 40


def tone(goldstein: float | None, *, tau: float = 1.0) -> str:
    """The colour of a tie: blue if cooperative, red if hostile, grey between, pale if unknown."""
    if goldstein is None:
        return UNKNOWN
    if goldstein >= tau:
        return COOPERATIVE
    if goldstein <= -tau:
        return HOSTILE
    return NEUTRAL


def sign_colour(sign: int | None) -> str:
    """The colour of a triangle sign (+1, 0, -1, None)."""
    return UNKNOWN if sign is None else {1: COOPERATIVE, -1: HOSTILE}.get(sign, NEUTRAL)


def circle_layout(ids: Sequence[str], *, cx: float, cy: float, r: float) -> dict[str, tuple]:
    """Positions of the ids on a circle, the first at the top, clockwise."""
    n = max(len(ids), 1)
    return {
        node: (cx + r * math.sin(2 * math.pi * i / n), cy - r * math.cos(2 * math.pi * i / n))
        for i, node in enumerate(ids)
    }


def _a(href: str | None, body: str, title: str) -> str:
    inner = f"<title>{escape(title)}</title>{body}"
    return f'<a href="{escape(href)}">{inner}</a>' if href else f"<g>{inner}</g>"


def draw_graph(
    graph: Mapping[str, Any],
    positions: Mapping[str, tuple[float, float]],
    *,
    width: int,
    height: int,
    label: str,
    backdrop: str = "",
    links: bool = True,
) -> Markup:
    """Edges then nodes of the graph at the given positions, as one <svg> element."""
    nodes = [n for n in graph["nodes"] if n["id"] in positions]
    edges = [e for e in graph["edges"] if e["a"] in positions and e["b"] in positions]
    biggest = max((n["events"] for n in nodes), default=1)
    heaviest = max((e["n"] for e in edges), default=1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="graph" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(label)}">',
        backdrop,
    ]
    for e in edges:
        (x1, y1), (x2, y2) = positions[e["a"]], positions[e["b"]]
        w = 1 + 7 * math.sqrt(e["n"] / heaviest)
        g = e["goldstein_mean"]
        mean = "no Goldstein values" if g is None else f"mean Goldstein {g:+.1f}"
        line = (
            f'<line class="edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="{tone(g)}" stroke-width="{w:.1f}" stroke-opacity="0.7"/>'
        )
        href = f"/dyad?{urlencode({'a': e['a'], 'b': e['b']})}" if links else None
        parts.append(_a(href, line, f"{e['a']}–{e['b']}: {e['n']} events, {mean}"))
    for n in nodes:
        x, y = positions[n["id"]]
        r = 5 + 17 * math.sqrt(n["events"] / biggest)
        body = (
            f'<circle class="node" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" {NODE}/>'
            f'<text x="{x:.1f}" y="{y + r + 12:.1f}" text-anchor="middle" font-size="11">'
            f"{escape(n['id'])}</text>"
        )
        href = f"/timeline?{urlencode({'actor': n['id']})}" if links else None
        parts.append(_a(href, body, f"{n['name']} ({n['id']}): {n['events']} events"))
    parts.append("</svg>")
    return Markup("".join(parts))


def network_svg(graph: Mapping[str, Any], *, size: int = 620, links: bool = True) -> Markup:
    """The actors on a circle (most events first, at the top), ties between them."""
    ids = [n["id"] for n in graph["nodes"][:MAX_NODES]]
    positions = circle_layout(ids, cx=size / 2, cy=size / 2, r=size / 2 - 60)
    return draw_graph(
        graph, positions, width=size, height=size, label="network of actors", links=links
    )


def triangle_svg(period: Mapping[str, Any] | None, *, links: bool = True) -> Markup:
    """The three actors and the sign of each dyad in one period; each edge links its events."""
    if period is None:
        return Markup("")
    a, b, c = period["actors"]
    pos = {a: (180.0, 40.0), b: (50.0, 250.0), c: (310.0, 250.0)}
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" class="triangle" viewBox="0 0 360 300" '
        f'width="360" height="300" role="img" aria-label="triangle {escape(period["period"])}">'
    ]
    for d in period["dyads"]:
        (x1, y1), (x2, y2) = pos[d["a"]], pos[d["b"]]
        text = "?" if d["sign"] is None else f"{d['sign']:+d}" if d["sign"] else "0"
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        n = d["n_ab"] + d["n_ba"]
        g = "no events" if d["g"] is None else f"g = {d['g']:+.2f}"
        body = (
            f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{sign_colour(d["sign"])}" '
            f'stroke-width="6"/>'
            f'<circle cx="{mx}" cy="{my}" r="16" fill="white" stroke="{sign_colour(d["sign"])}"/>'
            f'<text class="sign" x="{mx}" y="{my + 5}" text-anchor="middle" font-weight="bold">'
            f"{escape(text)}</text>"
        )
        href = d.get("links", {}).get("timeline") if links else None
        parts.append(_a(href, body, f"{d['dyad']} {text}: {n} events, {g}"))
    for actor, (x, y) in pos.items():
        role = period["roles"].get(actor)
        parts.append(
            f'<circle class="node" cx="{x}" cy="{y}" r="24" {NODE}/>'
            f'<text class="actor" x="{x}" y="{y + 5}" text-anchor="middle" font-weight="bold">'
            f"{escape(actor)}</text>"
        )
        if role:
            parts.append(
                f'<text class="role" x="{x}" y="{y + 40}" text-anchor="middle" font-size="11">'
                f"{escape(role)}</text>"
            )
    parts.append("</svg>")
    return Markup("".join(parts))
