"""The SVG drawings: network on a circle, map at capitals, triangle diagram."""

from __future__ import annotations

import math

from axiswatch.web.geo import capitals, frame_for, map_layout, map_svg, place_of, spread
from axiswatch.web.network import circle_layout, network_svg, tone, triangle_svg

GRAPH = {
    "nodes": [
        {"id": "RUS", "name": "Russia", "events": 5},
        {"id": "PRK", "name": "North Korea", "events": 4},
        {"id": "RUS_TASS", "name": "TASS", "events": 1},
        {"id": "XXX", "name": "Nowhere", "events": 1},
    ],
    "edges": [
        {"a": "PRK", "b": "RUS", "n": 4, "goldstein_mean": 3.0, "n_conflict": 0},
        {"a": "RUS", "b": "XXX", "n": 1, "goldstein_mean": -5.0, "n_conflict": 1},
    ],
}


def test_capitals_cover_the_triangle_and_seats() -> None:
    table = capitals()
    assert {"CHN", "RUS", "PRK", "KOR", "JPN", "USA", "UN", "NATO"} <= set(table)
    moscow = table["RUS"]
    assert moscow.place == "Moscow" and math.isclose(moscow.longitude, 37.62)
    assert all(-90 <= p.latitude <= 90 and -180 <= p.longitude <= 180 for p in table.values())


def test_place_of_organ_is_its_state_capital() -> None:
    assert place_of("RUS_TASS") == capitals()["RUS"]
    assert place_of("XXX") is None


def test_map_layout_lists_unplaced_actors() -> None:
    layout = map_layout(GRAPH)
    assert layout["unplaced"] == ["XXX"]
    frame = layout["frame"]
    x_moscow, _ = frame.xy(55.76, 37.62)
    x_pyongyang, _ = frame.xy(39.04, 125.76)
    assert 0 < x_moscow < x_pyongyang < frame.width


def test_frame_for_nothing_is_the_world() -> None:
    frame = frame_for([])
    assert (frame.west, frame.east, frame.south, frame.north) == (-180, 180, -90, 90)
    assert frame.height == frame.width // 2


def test_spread_pushes_close_points_apart() -> None:
    moved = spread({"a": (100.0, 100.0), "b": (100.0, 100.0), "c": (300.0, 300.0)}, gap=20)
    (ax, ay), (bx, by) = moved["a"], moved["b"]
    assert math.hypot(ax - bx, ay - by) >= 19.9
    assert moved["c"] == (300.0, 300.0)


def test_map_svg_links_actors_and_dyads() -> None:
    svg = str(map_svg(GRAPH))
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert 'href="/timeline?actor=RUS"' in svg and 'href="/dyad?a=PRK&amp;b=RUS"' in svg
    assert "XXX" not in svg


def test_network_svg_puts_actors_on_a_circle() -> None:
    positions = circle_layout(["a", "b", "c", "d"], cx=100, cy=100, r=50)
    assert positions["a"] == (100.0, 50.0)
    svg = str(network_svg(GRAPH))
    assert svg.count("<circle") == 4 and svg.count("<line") == 2
    assert tone(-5.0) in svg and tone(3.0) in svg


def test_network_svg_escapes_names() -> None:
    graph = {"nodes": [{"id": "<X>", "name": "<b>x</b>", "events": 1}], "edges": []}
    svg = str(network_svg(graph, links=False))
    assert "<b>" not in svg and "&lt;X&gt;" in svg and "href" not in svg


def test_triangle_svg_edges_link_their_events() -> None:
    period = {
        "period": "2024",
        "actors": ["CHN", "RUS", "PRK"],
        "roles": {},
        "dyads": [
            {
                "dyad": d,
                "a": d[:3],
                "b": d[4:],
                "sign": s,
                "g": g,
                "n_ab": 1,
                "n_ba": 0,
                "links": {"timeline": f"/timeline?dyad={d}"},
            }
            for d, s, g in (("CHN-RUS", 1, 2.0), ("RUS-PRK", -1, -3.0), ("PRK-CHN", None, None))
        ],
    }
    svg = str(triangle_svg(period))
    assert 'href="/timeline?dyad=CHN-RUS"' in svg
    assert ">+1<" in svg and ">-1<" in svg and ">?<" in svg
    assert "href" not in str(triangle_svg(period, links=False))
    assert str(triangle_svg(None)) == ""
