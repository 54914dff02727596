"""Country shapes for the map: Natural Earth (1:50m) from the reference pack, as SVG paths.

The pack ships the shapes as TopoJSON (quantised, delta-encoded arcs shared between
neighbours). They are decoded once into rings of (longitude, latitude) per ISO 3166-1 alpha-3
code and projected into the map's frame on demand: points within a pixel to the
previous one are dropped and rings outside the frame skipped, so a world map stays small.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, pairwise
from typing import Any, Protocol

Ring = tuple[tuple[float, float], ...]


class Projection(Protocol):
    """Anything that turns a latitude and longitude into pixels (the map's frame)."""

    width: int
    height: int

    def xy(self, latitude: float, longitude: float) -> tuple[float, float]: ...


@dataclass(frozen=True)
class Country:
    """One country's rings and its bounding box (west, south, east, north)."""

    iso3: str
    name: str
    rings: tuple[Ring, ...]
    bbox: tuple[float, float, float, float]


def _arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Every arc as absolute (longitude, latitude) points."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    out = []
    for arc in topology["arcs"]:
        xs = accumulate(p[0] for p in arc)
        ys = accumulate(p[1] for p in arc)
        out.append([(x * sx + tx, y * sy + ty) for x, y in zip(xs, ys, strict=True)])
    return out


def _ring(indices: Sequence[int], arcs: list[list[tuple[float, float]]]) -> Ring:
    """A ring from its arcs; ``~i`` is arc ``i`` reversed; shared end points appear once."""
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return tuple(points)


def _polygons(geometry: dict[str, Any]) -> list[list[Sequence[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def _iso3(numeric: Any) -> str | None:
    import pycountry

    if numeric is None or not str(numeric).isdigit():
        return None
    found = pycountry.countries.get(numeric=f"{int(numeric):03d}")
    return found.alpha_3 if found else None


@cache
def countries() -> dict[str, Country]:
    """ISO alpha-3 → its shape (areas without an ISO code, such as Kosovo, are left out)."""
    from axiswatch.reference.pack import map_topology

    topology = map_topology()
    arcs = _arcs(topology)
    out: dict[str, Country] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        iso3 = _iso3(geometry.get("id"))
        if iso3 is None:
            continue
        rings = tuple(_ring(r, arcs) for poly in _polygons(geometry) for r in poly)
        points = [p for ring in rings for p in ring]
        if not points:
            continue
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        name = (geometry.get("properties") or {}).get("name", iso3)
        out[iso3] = Country(iso3, name, rings, (min(lons), min(lats), max(lons), max(lats)))
    return out


def _inside(bbox: tuple[float, float, float, float], frame: Projection) -> bool:
    west, south, east, north = bbox
    x1, y1 = frame.xy(north, west)
    x2, y2 = frame.xy(south, east)
    return x2 >= 0 and x1 <= frame.width and y2 >= 0 and y1 <= frame.height


def ring_path(ring: Ring, frame: Projection, *, tolerance: float = 1.0) -> str:
    """One ring as a relative SVG path (``M…l…z``), thinned to the pixel; '' if it vanishes."""
    kept: list[tuple[float, float]] = []
    for lon, lat in ring:
        x, y = frame.xy(lat, lon)
        x, y = round(x, 1), round(y, 1)
        if kept and abs(x - kept[-1][0]) < tolerance and abs(y - kept[-1][1]) < tolerance:
            continue
        kept.append((x, y))
    if len(kept) < 3:
        return ""
    steps = (
        f"l{round(x2 - x1, 1):g},{round(y2 - y1, 1):g}" for (x1, y1), (x2, y2) in pairwise(kept)
    )
    return f"M{kept[0][0]:g},{kept[0][1]:g}" + "".join(steps) + "z"


def country_path(country: Country, frame: Projection) -> str:
    """The country's rings inside the frame as one SVG path's ``d`` ('' when none shows)."""
    if not _inside(country.bbox, frame):
        return ""
    parts = []
    for ring in country.rings:
        lons, lats = [p[0] for p in ring], [p[1] for p in ring]
        if _inside((min(lons), min(lats), max(lons), max(lats)), frame):
            parts.append(ring_path(ring, frame))
    return "".join(parts)


def shapes_in(frame: Projection, codes: Iterable[str] | None = None) -> dict[str, str]:
    """ISO alpha-3 → path ``d`` of every country (or of ``codes``) that shows in the frame."""
    table = countries()
    wanted = table if codes is None else {c: table[c] for c in codes if c in table}
    out = {}
    for iso3, country in wanted.items():
        path = country_path(country, frame)
        if path:
            out[iso3] = path
    return out
