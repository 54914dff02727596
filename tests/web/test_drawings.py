"""The SVG drawings: network by force layout, map with country shapes, triangle diagram."""

from __future__ import annotations

import math
import re

import pytest

from axiswatch.errors import InputError
from axiswatch.web.geo import (
    REGIONS,
    capitals,
    frame_for,
    map_layout,
    map_svg,
    place_of,
    spread,
    state_tones,
)
from axiswatch.web.network import focus_graph, force_layout, network_svg, tone, triangle_svg

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
    assert moscow.place == "Moscow" and math.isclose(moscow.longitude, 37.62, abs_tol=0.1)
    assert table["BTN"].place == "Thimphu"  # states beyond the package table: the pack's
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


def test_frame_for_nothing_is_the_world_and_regions_are_their_boxes() -> None:
    frame = frame_for([])
    assert (frame.west, frame.east, frame.south, frame.north) == REGIONS["world"][:2] + (
        REGIONS["world"][2:]
    )
    east_asia = frame_for([], region="east-asia")
    assert (east_asia.west, east_asia.east) == (70, 160)


def test_spread_pushes_close_points_apart() -> None:
    moved = spread({"a": (100.0, 100.0), "b": (100.0, 100.0), "c": (300.0, 300.0)}, gap=20)
    (ax, ay), (bx, by) = moved["a"], moved["b"]
    assert math.hypot(ax - bx, ay - by) >= 19.9
    assert moved["c"] == (300.0, 300.0)


def test_map_svg_draws_country_shapes_and_links_actors_and_pairs() -> None:
    svg = str(map_svg(GRAPH))
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    shapes = dict(re.findall(r'data-iso="([A-Z]{3})" d="(M[^"]+)"', svg))
    assert {"RUS", "PRK", "CHN", "MNG"} <= set(shapes)  # neighbours in the frame too
    assert len(shapes["RUS"]) > 2000  # a coastline, not a dot
    assert 'href="/timeline?actor=RUS"' in svg and 'href="/timeline?dyad=PRK-RUS"' in svg
    assert 'data-actor="XXX"' not in svg


def test_map_colours_states_by_their_events_with_the_focus() -> None:
    tones = state_tones(GRAPH, "RUS")
    assert tones["RUS"]["focus"] and tones["PRK"]["fill"] == tone(3.0)
    assert "4 events" in tones["PRK"]["title"]
    svg = str(map_svg(GRAPH, focus="RUS"))
    prk = re.search(r'<path class="country" data-iso="PRK"[^>]*>', svg).group(0)
    assert f'fill="{tone(3.0)}"' in prk


def test_force_layout_keeps_actors_apart_inside_the_box() -> None:
    positions = force_layout(GRAPH, width=400, height=300)
    assert set(positions) == {"RUS", "PRK", "RUS_TASS", "XXX"}
    assert all(0 <= x <= 400 and 0 <= y <= 300 for x, y in positions.values())
    assert positions == force_layout(GRAPH, width=400, height=300)  # deterministic
    svg = str(network_svg(GRAPH))
    assert svg.count("<circle") == 4 and svg.count('class="edge"') == 2
    assert tone(-5.0) in svg and tone(3.0) in svg


def test_labels_do_not_overlap_on_a_crowded_network() -> None:
    nodes = [{"id": f"A{i:02d}", "name": f"A{i}", "events": 40 - i} for i in range(40)]
    edges = [
        {"a": f"A{i:02d}", "b": f"A{j:02d}", "n": 1, "goldstein_mean": 1.0, "n_conflict": 0}
        for i in range(40)
        for j in range(i + 1, 40)
        if (i * j) % 7 == 0
    ]
    svg = str(network_svg({"nodes": nodes, "edges": edges}))
    boxes = []
    for x, y, text in re.findall(
        r'<text class="label"[^>]* x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]+)<', svg
    ):
        w = len(text) * 11 * 0.62
        boxes.append((float(x) - w / 2, float(y) - 11, float(x) + w / 2, float(y)))
    assert len(boxes) >= 36  # nearly every actor labelled
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]


def test_focus_graph_is_the_actor_and_its_neighbours() -> None:
    focused = focus_graph(GRAPH, "PRK")
    assert {n["id"] for n in focused["nodes"]} == {"PRK", "RUS"}
    assert [(e["a"], e["b"]) for e in focused["edges"]] == [("PRK", "RUS")]
    assert focus_graph(GRAPH, None) == GRAPH


def test_network_svg_escapes_names() -> None:
    graph = {"nodes": [{"id": "<X>", "name": "<b>x</b>", "events": 1}], "edges": []}
    svg = str(network_svg(graph, links=False))
    assert "<b>" not in svg and "&lt;X&gt;" in svg and "href" not in svg


def test_graph_page_refuses_an_unknown_region(tmp_path) -> None:
    from axiswatch.web.analysis_pages import graph_page
    from axiswatch.workspace import Workspace

    with Workspace(tmp_path / "w.duckdb") as ws, pytest.raises(InputError, match="region="):
        graph_page(ws, since=None, until=None, epistemic=None, kind="map", region="mars")


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


def test_actors_outside_a_region_sit_dashed_at_its_edge() -> None:
    svg = str(map_svg(GRAPH, region="east-asia"))
    moscow = re.search(
        r'<circle stroke-dasharray="3 2" class="node elsewhere" data-actor="RUS"', svg
    )
    assert moscow is not None and "(outside this frame)" in svg
    assert 'class="node" data-actor="PRK"' in svg  # Pyongyang is in the frame
