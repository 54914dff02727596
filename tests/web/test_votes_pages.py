"""The UN votes pages in a real browser: chart and table, each cell down to its roll calls."""

from __future__ import annotations

import pytest
from tests.web.conftest import Browsed

pytestmark = pytest.mark.browser


def test_votes_table_cell_leads_to_its_roll_calls(browsed: Browsed) -> None:
    page = browsed.page
    page.goto(browsed.base + "/votes?countries=CHN,RUS,PRK&start=2015&end=2020")
    assert page.locator("figure.chart svg[role=img]").count() == 1
    headers = page.locator(".votes-table thead th").all_inner_texts()
    assert headers[1:] == ["CHN-RUS", "CHN-PRK", "RUS-PRK"]
    assert page.locator(".votes-table tbody tr").count() == 6  # sessions 70 to 75
    browsed.shot("votes")
    cell = page.locator(".votes-table tbody td a").first
    n = int(cell.locator("xpath=..").locator("small").inner_text().strip("()"))
    cell.click()
    page.wait_for_url("**/votes/rollcalls?*")
    assert page.locator("table.rollcalls tbody tr").count() == n
    browsed.shot("votes-rollcalls")


def test_votes_unknown_country_is_one_line(browsed: Browsed) -> None:
    response = browsed.page.request.get(browsed.base + "/votes?countries=RUS,PKR")
    assert response.status == 400
    assert "PKR has no votes" in response.text() and "did you mean PRK" in response.text()
    response = browsed.page.request.get(browsed.base + "/votes?start=2030&end=2020")
    assert response.status == 400 and "start=2030 is after end=2020" in response.text()
