"""SVG drawings of actors and their ties: the network (force-directed) and the triangle.

Drawn here, in Python, as plain SVG (no chart library): nodes sized by their event counts,
edges by the events between two actors and coloured by the mean Goldstein value.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup, escape

from axiswatch.web.labels import Node, place_labels

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


def node_radius(events: int, biggest: int) -> float:
    """A node's radius: its area grows with the events touching it."""
    return 5 + 17 * math.sqrt(events / max(biggest, 1))


def draw_graph(
    graph: Mapping[str, Any],
    positions: Mapping[str, tuple[float, float]],
    *,
    width: int,
    height: int,
    label: str,
    backdrop: str = "",
    links: bool = True,
    elsewhere: frozenset[str] | set[str] = frozenset(),
) -> Markup:
    """Edges, nodes and non-colliding labels of the graph at the given positions, as one
    <svg> element. Each edge links to the pair's events, each node to its timeline; nodes in
    ``elsewhere`` (placed off the drawing's frame) are dashed and say so."""
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
            f'<line class="edge" data-pair="{escape(e["a"])}-{escape(e["b"])}" '
            f'x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="{tone(g)}" stroke-width="{w:.1f}" stroke-opacity="0.7"/>'
        )
        pair = f"{e['a']}-{e['b']}"
        href = f"/timeline?{urlencode({'dyad': pair})}" if links else None
        parts.append(_a(href, line, f"{e['a']}–{e['b']}: {e['n']} events, {mean}"))
    marks = [
        Node(n["id"], *positions[n["id"]], node_radius(n["events"], biggest), n["id"])
        for n in nodes
    ]
    for n, mark in zip(nodes, marks, strict=True):
        away = n["id"] in elsewhere
        dash = ' stroke-dasharray="3 2" class="node elsewhere"' if away else ' class="node"'
        body = (
            f'<circle{dash} data-actor="{escape(n["id"])}" cx="{mark.x:.1f}" '
            f'cy="{mark.y:.1f}" r="{mark.r:.1f}" {NODE}/>'
        )
        href = f"/timeline?{urlencode({'actor': n['id']})}" if links else None
        where = " (outside this frame)" if away else ""
        parts.append(_a(href, body, f"{n['name']} ({n['id']}): {n['events']} events{where}"))
    parts.append(_labels(marks, width, height))
    parts.append("</svg>")
    return Markup("".join(parts))


def _labels(marks: list[Node], width: int, height: int) -> str:
    """The placed labels (with a leader line when set apart from their node)."""
    placed = place_labels(marks, width=width, height=height)
    by_key = {m.key: m for m in marks}
    out = ['<g class="labels" font-size="11">']
    for key, lab in placed.items():
        if lab.leader:
            m = by_key[key]
            out.append(
                f'<line class="leader" x1="{m.x:.1f}" y1="{m.y:.1f}" '
                f'x2="{lab.box.x + lab.box.w / 2:.1f}" y2="{lab.box.y + lab.box.h / 2:.1f}" '
                'stroke="#4a5568" stroke-width="0.6"/>'
            )
        out.append(
            f'<text class="label" data-actor="{escape(key)}" x="{lab.x:.1f}" y="{lab.y:.1f}" '
            f'text-anchor="middle" paint-order="stroke" stroke="#fff" stroke-width="3">'
            f"{escape(lab.text)}</text>"
        )
    out.append("</g>")
    return "".join(out)


def focus_graph(graph: Mapping[str, Any], actor: str | None) -> dict[str, Any]:
    """The actor and its neighbours with the ties among them (all of it when no actor)."""
    if not actor:
        return dict(graph)
    near = {actor} | {e["b"] for e in graph["edges"] if e["a"] == actor}
    near |= {e["a"] for e in graph["edges"] if e["b"] == actor}
    return {
        **graph,
        "nodes": [n for n in graph["nodes"] if n["id"] in near],
        "edges": [e for e in graph["edges"] if e["a"] in near and e["b"] in near],
    }


def force_layout(
    graph: Mapping[str, Any], *, width: int, height: int, margin: int = 50
) -> dict[str, tuple[float, float]]:
    """Positions by a force-directed layout (networkx's Fruchterman-Reingold, weighted by
    event counts, fixed seed so a page draws the same way twice), scaled into the box."""
    import networkx as nx

    ids = [n["id"] for n in graph["nodes"][:MAX_NODES]]
    if len(ids) == 1:
        return {ids[0]: (width / 2, height / 2)}
    g = nx.Graph()
    g.add_nodes_from(ids)
    for e in graph["edges"]:
        if e["a"] in g and e["b"] in g:
            g.add_edge(e["a"], e["b"], weight=math.log1p(e["n"]))
    k = 1.6 / math.sqrt(max(len(ids), 1))
    raw = nx.spring_layout(g, weight="weight", seed=7, k=k, iterations=200)
    xs = [p[0] for p in raw.values()]
    ys = [p[1] for p in raw.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    return {
        node: (
            margin + (x - min(xs)) / span_x * (width - 2 * margin),
            margin + (y - min(ys)) / span_y * (height - 2 * margin),
        )
        for node, (x, y) in raw.items()
    }


def network_svg(
    graph: Mapping[str, Any], *, width: int = 1040, height: int = 640, links: bool = True
) -> Markup:
    """The actors placed by their ties (force-directed), sized by their events."""
    positions = force_layout(graph, width=width, height=height)
    return draw_graph(
        graph, positions, width=width, height=height, label="network of actors", links=links
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
