"""The map: country shapes, actors at their capitals (organisations at their seats), ties.

Country shapes (Natural Earth 1:50m) and state capitals (the Factbook) come from the
reference pack in the package; organisations' seats from a small table here
(``data/capitals.csv``). A state organ or medium (``RUS_TASS``) is placed at its state's
capital. The frame is a named region or the box around the placed actors, drawn
equirectangular. With a focus actor, each state is coloured by the mean Goldstein value of
its events with that actor. Nothing outside the package is needed.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from markupsafe import Markup, escape

from axiswatch.actors.kb import ActorKB
from axiswatch.web.network import draw_graph, tone

EDGE = 14.0
"""Pixels from the border where an actor outside the frame is drawn."""
# west, east, south, north
REGIONS: dict[str, tuple[float, float, float, float]] = {
    "world": (-180, 180, -60, 85),
    "east-asia": (70, 160, 0, 60),
    "eurasia": (-15, 180, 5, 80),
    "europe": (-25, 60, 33, 72),
    "middle-east": (25, 65, 10, 45),
    "south-asia": (60, 100, 0, 40),
    "africa": (-20, 55, -37, 38),
    "americas": (-170, -30, -57, 75),
}


@dataclass(frozen=True)
class Place:
    """Where an actor is drawn."""

    actor_id: str
    place: str
    latitude: float
    longitude: float
    kind: str


@cache
def capitals() -> dict[str, Place]:
    """Actor id → its capital (the pack's 231 states) or seat (the package's table)."""
    from axiswatch.reference.pack import capitals as state_capitals

    text = files("axiswatch.web").joinpath("data/capitals.csv").read_text(encoding="utf-8")
    table = {
        row["actor_id"]: Place(
            row["actor_id"],
            row["place"],
            float(row["latitude"]),
            float(row["longitude"]),
            row["kind"],
        )
        for row in csv.DictReader(text.splitlines())
    }
    for iso3, row in state_capitals().items():
        table.setdefault(iso3, Place(iso3, row["name"], row["lat"], row["lon"], "capital"))
    return table


def place_of(actor_id: str, kb: ActorKB | None = None) -> Place | None:
    """The place of an actor, else of the state an organ stands for (per ``kb``), or None."""
    table = capitals()
    if actor_id in table:
        return table[actor_id]
    return table.get((kb or ActorKB.default()).stands_for(actor_id))


@dataclass(frozen=True)
class Frame:
    """The part of the globe shown and its size in pixels (equirectangular)."""

    west: float
    east: float
    south: float
    north: float
    width: int

    @property
    def height(self) -> int:
        """Pixels, keeping one degree of latitude as long as one of longitude."""
        return max(1, round(self.width * (self.north - self.south) / (self.east - self.west)))

    def xy(self, latitude: float, longitude: float) -> tuple[float, float]:
        """Pixel position of a point."""
        x = (longitude - self.west) / (self.east - self.west) * self.width
        y = (self.north - latitude) / (self.north - self.south) * self.height
        return x, y


def frame_for(
    places: list[Place], *, width: int = 1040, margin: float = 12.0, region: str | None = None
) -> Frame:
    """The named region's box, else the box around the places (at least 60 by 30 degrees),
    else the world."""
    if region:
        west, east, south, north = REGIONS[region]
        return Frame(west, east, south, north, width)
    if not places:
        return frame_for([], width=width, region="world")
    west = min(p.longitude for p in places) - margin
    east = max(p.longitude for p in places) + margin
    south = min(p.latitude for p in places) - margin
    north = max(p.latitude for p in places) + margin
    if east - west < 60:
        mid = (east + west) / 2
        west, east = mid - 30, mid + 30
    if north - south < 30:
        mid = (north + south) / 2
        south, north = mid - 15, mid + 15
    return Frame(max(-180, west), min(180, east), max(-90, south), min(90, north), width)


def _graticule(frame: Frame) -> str:
    step = 10 if frame.east - frame.west <= 120 else 30
    lines = ['<g class="graticule" stroke-opacity="0.6">']
    lon = math.ceil(frame.west / step) * step
    while lon <= frame.east:
        x, _ = frame.xy(0, lon)
        lines.append(
            f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{frame.height}" stroke="#e2e8f0"/>'
            f'<text x="{x + 2:.1f}" y="{frame.height - 4}" font-size="9" fill="#a0aec0">'
            f"{lon}°</text>"
        )
        lon += step
    lat = math.ceil(frame.south / step) * step
    while lat <= frame.north:
        _, y = frame.xy(lat, 0)
        lines.append(
            f'<line x1="0" y1="{y:.1f}" x2="{frame.width}" y2="{y:.1f}" stroke="#e2e8f0"/>'
            f'<text x="2" y="{y - 2:.1f}" font-size="9" fill="#a0aec0">{lat}°</text>'
        )
        lat += step
    lines.append("</g>")
    return "".join(lines)


def spread(
    points: Mapping[str, tuple[float, float]], *, gap: float = 30.0, rounds: int = 30
) -> dict[str, tuple[float, float]]:
    """Points closer than ``gap`` pixels pushed apart, pair by pair, for a few rounds."""
    out = dict(points)
    names = list(out)
    for _ in range(rounds):
        moved = False
        for i, p in enumerate(names):
            for q in names[i + 1 :]:
                (x1, y1), (x2, y2) = out[p], out[q]
                dx, dy = x2 - x1, y2 - y1
                dist = math.hypot(dx, dy)
                if dist >= gap:
                    continue
                if dist == 0:
                    dx, dy, dist = math.cos(i + 1.0), math.sin(i + 1.0), 1.0
                push = (gap - dist) / 2 / dist
                out[p] = (x1 - dx * push, y1 - dy * push)
                out[q] = (x2 + dx * push, y2 + dy * push)
                moved = True
        if not moved:
            break
    return out


def map_layout(
    graph: Mapping[str, Any], kb: ActorKB | None = None, *, region: str | None = None
) -> dict[str, Any]:
    """Where each actor goes: placed ones with their place, and the ones without a place."""
    placed = {n["id"]: place_of(n["id"], kb) for n in graph["nodes"]}
    known = {a: p for a, p in placed.items() if p is not None}
    return {
        "places": known,
        "unplaced": sorted(a for a, p in placed.items() if p is None),
        "frame": frame_for(list(known.values()), region=region),
    }


def state_tones(
    graph: Mapping[str, Any], focus: str | None, kb: ActorKB | None = None
) -> dict[str, dict[str, Any]]:
    """ISO alpha-3 → fill and tooltip. With a focus actor: the focus state, and each state
    with events with it coloured by their mean Goldstein (organs count for their state);
    without one: the states that have any events."""
    kb = kb or ActorKB.default()
    out: dict[str, dict[str, Any]] = {}
    if not focus:
        for n in graph["nodes"]:
            state = kb.stands_for(n["id"]) or n["id"]
            entry = out.setdefault(state, {"fill": "#cbd5e0", "n": 0})
            entry["n"] += n["events"]
        for state, entry in out.items():
            entry["title"] = f"{state}: {entry['n']} events"
        return out
    home = kb.stands_for(focus) or focus
    sums: dict[str, list[float]] = {}
    for e in graph["edges"]:
        if focus not in (e["a"], e["b"]):
            continue
        other = e["b"] if e["a"] == focus else e["a"]
        state = kb.stands_for(other) or other
        acc = sums.setdefault(state, [0, 0.0, 0])
        acc[0] += e["n"]
        if e["goldstein_mean"] is not None:
            acc[1] += e["goldstein_mean"] * e["n"]
            acc[2] += e["n"]
    for state, (n, total, weighted) in sums.items():
        mean = total / weighted if weighted else None
        said = "no Goldstein values" if mean is None else f"mean Goldstein {mean:+.1f}"
        out[state] = {
            "fill": tone(mean),
            "n": n,
            "title": f"{state} with {focus}: {n} events, {said}",
        }
    out[home] = {"fill": "#fefcbf", "n": 0, "title": f"{home}: the focus", "focus": True}
    return out


def _countries(frame: Frame, tones: Mapping[str, dict[str, Any]]) -> str:
    from axiswatch.web.shapes import countries, shapes_in

    names = countries()
    parts = [
        f'<rect class="ocean" x="0" y="0" width="{frame.width}" height="{frame.height}" '
        'fill="#eef5fb" stroke="#a0aec0"/><g class="countries" stroke="#ffffff" '
        'stroke-width="0.6" stroke-linejoin="round">'
    ]
    for iso3, d in shapes_in(frame).items():
        look = tones.get(iso3)
        fill = look["fill"] if look else "#e2e8f0"
        extra = ' stroke="#2d3748" stroke-width="1.4"' if look and look.get("focus") else ""
        opacity = ' fill-opacity="0.55"' if look and not look.get("focus") else ""
        title = look["title"] if look else names[iso3].name
        parts.append(
            f'<path class="country" data-iso="{iso3}" d="{d}" fill="{fill}"{opacity}{extra}>'
            f"<title>{escape(names[iso3].name)} — {escape(title)}</title></path>"
        )
    parts.append("</g>")
    return "".join(parts)


def map_svg(
    graph: Mapping[str, Any],
    *,
    kb: ActorKB | None = None,
    links: bool = True,
    focus: str | None = None,
    region: str | None = None,
    layout: dict[str, Any] | None = None,
) -> Markup:
    """Country shapes (coloured by their events with ``focus``), actors at their capitals,
    ties between them, labels that do not collide (``layout``: map_layout's, if at hand)."""
    layout = layout or map_layout(graph, kb, region=region)
    frame: Frame = layout["frame"]
    points, outside = {}, set()
    for actor, place in layout["places"].items():
        x, y = frame.xy(place.latitude, place.longitude)
        inside = 0 <= x <= frame.width and 0 <= y <= frame.height
        if not inside:  # at the edge, towards where it is, drawn dashed
            x, y = min(max(x, EDGE), frame.width - EDGE), min(max(y, EDGE), frame.height - EDGE)
            outside.add(actor)
        points[actor] = (x, y)
    backdrop = _countries(frame, state_tones(graph, focus, kb)) + _graticule(frame)
    # ties with no end inside the frame belong to another map; so do actors left without one
    edges = [e for e in graph["edges"] if not {e["a"], e["b"]} <= outside]
    tied = {x for e in edges for x in (e["a"], e["b"])}
    points = {a: xy for a, xy in points.items() if a not in outside or a in tied}
    return draw_graph(
        {**graph, "edges": edges},
        spread(points),
        width=frame.width,
        height=frame.height,
        label="map of actors at their capitals",
        backdrop=backdrop,
        links=links,
        elsewhere=outside,
    )
