"""The map: actors at their capitals (organisations at their seats) on an equirectangular frame.

The coordinates are a small table shipped with the package (``data/capitals.csv``). A state
organ or state medium (``RUS_TASS``) is placed at its state's capital. The frame is the
bounding box of the placed actors with a margin, drawn with a graticule every 10 or 30
degrees; there are no coastlines, so nothing outside the package is needed.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from markupsafe import Markup

from axiswatch.actors.kb import ActorKB
from axiswatch.web.network import draw_graph


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
    """Actor id → its capital or seat, from the package table."""
    text = files("axiswatch.web").joinpath("data/capitals.csv").read_text(encoding="utf-8")
    return {
        row["actor_id"]: Place(
            row["actor_id"],
            row["place"],
            float(row["latitude"]),
            float(row["longitude"]),
            row["kind"],
        )
        for row in csv.DictReader(text.splitlines())
    }


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


def frame_for(places: list[Place], *, width: int = 760, margin: float = 12.0) -> Frame:
    """The box around the places (at least 60 by 30 degrees), or the whole world."""
    if not places:
        return Frame(-180, 180, -90, 90, width)
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
    lines = [
        f'<rect x="0" y="0" width="{frame.width}" height="{frame.height}" fill="#f7fafc" '
        'stroke="#a0aec0"/>'
    ]
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


def map_layout(graph: Mapping[str, Any], kb: ActorKB | None = None) -> dict[str, Any]:
    """Where each actor goes: placed ones with their place, and the ones without a place."""
    placed = {n["id"]: place_of(n["id"], kb) for n in graph["nodes"]}
    known = {a: p for a, p in placed.items() if p is not None}
    return {
        "places": known,
        "unplaced": sorted(a for a, p in placed.items() if p is None),
        "frame": frame_for(list(known.values())),
    }


def map_svg(graph: Mapping[str, Any], *, kb: ActorKB | None = None, links: bool = True) -> Markup:
    """Actors at their capitals, ties between them, on a graticule."""
    layout = map_layout(graph, kb)
    frame: Frame = layout["frame"]
    points = {a: frame.xy(p.latitude, p.longitude) for a, p in layout["places"].items()}
    return draw_graph(
        graph,
        spread(points),
        width=frame.width,
        height=frame.height,
        label="map of actors at their capitals",
        backdrop=_graticule(frame),
        links=links,
    )
