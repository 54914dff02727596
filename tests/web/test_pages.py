"""The workbench in a real browser: pages load cleanly, filters work, evidence is near."""

from __future__ import annotations

import pytest
from tests.api._sample import XSS, Sample
from tests.web.conftest import Browsed

pytestmark = pytest.mark.browser


def _paths(sample: Sample) -> list[str]:
    summit = sample.documents["summit.md"].document_id
    return [
        "/",
        "/?by=quarter",
        "/timeline",
        "/timeline?dyad=RUS-PRK&type=AGREE",
        f"/events/{sample.events[0].event_id}",
        "/documents",
        f"/documents/{summit}",
        "/claims",
        "/hypotheses",
        "/dyad?a=RUS&b=PRK",
        "/network",
        "/map",
        "/votes",
        "/ingest",
    ]


PAGES = [
    "overview",
    "overview-quarter",
    "timeline",
    "timeline-filtered",
    "event",
    "documents",
    "reader",
    "claims",
    "hypotheses",
    "dyad",
    "network",
    "map",
    "votes",
    "ingest",
]


@pytest.mark.parametrize("index", range(len(PAGES)), ids=PAGES)
def test_page_loads_clean(browsed: Browsed, web_sample: Sample, index: int) -> None:
    path = _paths(web_sample)[index]
    response = browsed.page.goto(browsed.base + path)
    assert response is not None and response.status == 200
    assert browsed.page.locator("h1").count() == 1
    twin = browsed.page.locator("a.twin").get_attribute("href")
    assert twin and (twin.startswith("/api/") or twin.startswith("/openapi"))
    browsed.shot(f"page-{PAGES[index]}")


def test_timeline_filter_shows_fewer_rows(browsed: Browsed) -> None:
    page = browsed.page
    page.goto(browsed.base + "/timeline")
    before = page.locator("li.event").count()
    page.fill("input[name=actor]", "CHN")
    page.select_option("select[name=type]", "ACCUSE")
    page.click("#timeline-filters button[type=submit]")
    page.wait_for_url("**/timeline?*")
    after = page.locator("li.event").count()
    assert 0 < after < before
    assert "actor=CHN" in page.url and "type=ACCUSE" in page.url
    assert "dyad=" not in page.url  # empty fields stay out of the address
    assert page.locator("#event-count").inner_text() == str(after)
    browsed.shot("timeline-filtered-by-form")


def test_overview_sign_to_sentence_within_three_clicks(browsed: Browsed) -> None:
    page = browsed.page
    page.goto(browsed.base + "/")
    clicks = 0
    page.locator(".triangle-table a.sign-plus").first.click()
    clicks += 1
    page.wait_for_url("**/timeline?*")
    assert page.locator("li.event blockquote.sentence").count() >= 1
    page.locator("li.event a.evidence-link").first.click()
    clicks += 1
    page.wait_for_url("**/events/*")
    sentence = page.locator("#evidence-sentence")
    assert sentence.locator("mark.trigger").count() == 1
    assert len(sentence.inner_text()) > 20
    assert clicks <= 3
    browsed.shot("overview-to-evidence")


def test_reader_marks_and_side_list_scrolls(browsed: Browsed, web_sample: Sample) -> None:
    page = browsed.page
    summit = web_sample.documents["summit.md"]
    page.goto(f"{browsed.base}/documents/{summit.document_id}")
    assert page.locator("#doc-text mark.trigger").count() == 3
    assert page.locator("#doc-text mark.claim").count() >= 1
    assert page.locator("#doc-text mark.trigger").first.inner_text() == "visited"
    link = page.locator("#side-events a.jump").last
    anchor = link.get_attribute("data-ref")
    link.click()
    assert page.url.endswith(f"#{anchor}")
    page.wait_for_selector("mark.active")  # the page marks the target on hashchange
    assert page.locator("mark.active").count() >= 1
    assert page.locator(f"#doc-text mark.active[data-refs~='{anchor}']").count() >= 1
    browsed.shot("reader-after-jump")


def test_xss_document_text_is_shown_as_text(browsed: Browsed, web_sample: Sample) -> None:
    page = browsed.page
    leak = web_sample.documents["leak.txt"]
    page.goto(f"{browsed.base}/documents/{leak.document_id}")
    page.wait_for_load_state("load")
    assert browsed.dialogs == []
    text = page.locator("#doc-text")
    assert XSS in text.inner_text()
    assert text.locator("b").count() == 0
    assert text.locator("script").count() == 0
    browsed.shot("reader-xss")


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/?a=PKR", "PKR: no such actor; did you mean PRK"),
        ("/dyad?a=RUS&b=PKR", "PKR: no such actor"),
        ("/timeline?dyad=RUS-PKR", "PKR: no such actor"),
        ("/timeline?type=CONSLT", "type='CONSLT'"),
        ("/timeline?since=2020-13-01", "since='2020-13-01'"),
        ("/votes?measure=x", "measure='x'"),
        ("/map?region=mars", "region='mars'"),
        ("/documents?until=soon", "until='soon'"),
    ],
)
def test_bad_parameters_are_one_line_naming_the_field(
    browsed: Browsed, path: str, field: str
) -> None:
    response = browsed.page.request.get(browsed.base + path, headers={"accept": "text/html"})
    assert response.status == 400
    [message] = [
        line for line in response.text().splitlines() if line.startswith('<p class="error"')
    ]
    assert field in message.replace("&#39;", "'")
