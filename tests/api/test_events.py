"""GET /api/events with every filter, and /api/events/{id} with its evidence."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from tests.api._sample import Sample


def test_events_all_in_date_order(client: TestClient) -> None:
    body = client.get("/api/events").json()
    assert body["count"] == 6
    dates = [e["date_start"] for e in body["events"]]
    assert dates == ["2019-04-25", "2020-03-01", "2021-02-02", "2023", "2024-05-16", "2024-06-19"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("actor=CHN", 2),
        ("actor=chn", 2),
        ("dyad=RUS-PRK", 4),
        ("dyad=PRK-RUS", 4),
        ("type=ACCUSE", 2),
        ("type=consult", 2),
        ("since=2024-01-01", 2),
        ("until=2020-12-31", 2),
        ("since=2021-01-01&until=2023-12-31", 2),
        ("epistemic=reported", 1),
        ("dyad=RUS-PRK&type=ACCUSE&epistemic=alleged", 1),
        ("limit=2", 2),
        ("actor=", 6),
    ],
    ids=lambda v: str(v),
)
def test_events_filters(client: TestClient, query: str, expected: int) -> None:
    body = client.get(f"/api/events?{query}").json()
    assert body["count"] == expected == len(body["events"])


def test_events_filter_by_document(client: TestClient, sample: Sample) -> None:
    document_id = sample.documents["partners.md"].document_id
    body = client.get(f"/api/events?document_id={document_id}").json()
    assert {e["document_id"] for e in body["events"]} == {document_id}
    assert body["filters"]["document_id"] == document_id


def test_events_rows_carry_title_and_links(client: TestClient) -> None:
    event = client.get("/api/events?type=AGREE").json()["events"][0]
    assert event["document_title"] == "Summit in Vladivostok"
    assert event["links"]["html"] == f"/events/{event['event_id']}"
    assert event["links"]["document"].endswith(f"#ev-{event['event_id']}")


def test_event_detail_evidence_slices_back(client: TestClient, sample: Sample) -> None:
    event = sample.events[1]
    body = client.get(f"/api/events/{event.event_id}").json()
    evidence = body["evidence"]
    text = sample.documents["summit.md"].text
    assert text[evidence["start_char"] : evidence["end_char"]] == evidence["trigger"] == "signed"
    assert text[evidence["sentence_start"] : evidence["sentence_end"]] == evidence["sentence"]
    lo, hi = evidence["trigger_in_sentence"]
    assert evidence["sentence"][lo:hi] == "signed"
    assert evidence["document_title"] == "Summit in Vladivostok"
    assert evidence["why"] == {"trigger_lemma": "signed", "source_via": "subject"}
    assert evidence["rule"] == "trigger:signed"
    assert body["document"]["document_id"] == event.document_id
    assert body["event"]["event_type"] == "AGREE"


def test_events_come_in_pages_with_a_total_and_a_next_link(client) -> None:
    first = client.get("/api/events", params={"limit": 2}).json()
    assert (first["count"], first["total"]) == (2, 6)
    second = client.get(first["next"]).json()
    third = client.get(second["next"]).json()
    assert third["next"] is None
    ids = [e["event_id"] for page in (first, second, third) for e in page["events"]]
    everything = client.get("/api/events").json()
    assert ids == [e["event_id"] for e in everything["events"]] and len(set(ids)) == 6
    assert everything["filters"]["limit"] == 500 and everything["next"] is None


def test_next_links_are_keyset_cursors_that_keep_the_filters(client) -> None:
    first = client.get("/api/events", params={"limit": 1, "actor": "RUS"}).json()
    assert "after=" in first["next"] and "offset=" not in first["next"]
    assert "actor=RUS" in first["next"]
    seen = [e["event_id"] for e in first["events"]]
    link = first["next"]
    while link:
        page = client.get(link).json()
        assert page["total"] == first["total"]  # the total ignores the cursor
        seen += [e["event_id"] for e in page["events"]]
        link = page["next"]
    everything = client.get("/api/events", params={"actor": "RUS"}).json()
    assert seen == [e["event_id"] for e in everything["events"]]


@pytest.mark.parametrize("cursor", ["nonsense", "W10", "WzEsMiwzXQ"])
def test_a_cursor_we_did_not_make_is_a_400_naming_the_field(client, cursor: str) -> None:
    response = client.get("/api/events", params={"after": cursor})
    assert response.status_code == 400
    assert "after=" in response.json()["error"]["message"]
