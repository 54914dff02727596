"""The map and the link chart in a real browser: country shapes, labels apart, focus, export."""

from __future__ import annotations

import pytest
from tests.web.conftest import Browsed

pytestmark = pytest.mark.browser


def _label_boxes(browsed: Browsed) -> list[dict[str, float]]:
    return browsed.page.eval_on_selector_all(
        "svg.graph text.label",
        "els => els.map(e => { const b = e.getBoundingClientRect();"
        " return {x: b.x, y: b.y, w: b.width, h: b.height, t: e.textContent}; })",
    )


def _overlapping(boxes: list[dict[str, float]]) -> list[tuple[str, str]]:
    out = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart = (
                a["x"] + a["w"] <= b["x"]
                or b["x"] + b["w"] <= a["x"]
                or a["y"] + a["h"] <= b["y"]
                or b["y"] + b["h"] <= a["y"]
            )
            if not apart:
                out.append((a["t"], b["t"]))
    return out


def test_map_shows_country_shapes_and_colours_by_focus(browsed: Browsed) -> None:
    page = browsed.page
    page.goto(browsed.base + "/map?actor=RUS")
    shapes = page.locator("svg.graph path.country")
    assert shapes.count() > 20
    box = page.locator('svg.graph path.country[data-iso="RUS"]').bounding_box()
    assert box is not None and box["width"] > 100  # Russia drawn as a country, not a dot
    prk_fill = page.locator('path.country[data-iso="PRK"]').get_attribute("fill")
    assert prk_fill == "#2b6cb0"  # cooperative events with RUS in the sample
    assert _overlapping(_label_boxes(browsed)) == []
    browsed.shot("map-focus-rus")


def test_map_region_zooms_and_bad_region_is_one_line(browsed: Browsed) -> None:
    page = browsed.page
    page.goto(browsed.base + "/map")
    page.select_option("select[name=region]", "east-asia")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/map?*region=east-asia*")
    assert page.locator('path.country[data-iso="JPN"]').count() == 1
    assert page.locator('path.country[data-iso="BRA"]').count() == 0
    browsed.shot("map-east-asia")
    response = page.request.get(browsed.base + "/map?region=mars")
    assert response.status == 400 and "region='mars': choose one of" in response.text()


def test_network_labels_do_not_overlap_and_focus_narrows(browsed: Browsed) -> None:
    page = browsed.page
    page.goto(browsed.base + "/network")
    everyone = page.locator("svg.graph circle.node").count()
    boxes = _label_boxes(browsed)
    assert len(boxes) == everyone and _overlapping(boxes) == []
    browsed.shot("network")
    page.fill("input[name=actor]", "CHN")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/network?*actor=CHN*")
    focused = page.locator("svg.graph circle.node").count()
    assert 1 < focused <= everyone
    edge = page.locator("svg.graph a:has(line.edge)").first
    edge.click()
    page.wait_for_url("**/timeline?dyad=*")
    assert page.locator("li.event").count() >= 1
    browsed.shot("network-edge-to-events")


def test_network_exports_for_gephi(browsed: Browsed) -> None:
    page = browsed.page
    page.goto(browsed.base + "/network")
    href = page.locator("a", has_text="GraphML").get_attribute("href")
    response = page.request.get(browsed.base + href)
    assert response.status == 200 and b"<graphml" in response.body()
