"""Events as CSV (axiswatch.api.export) and GET /api/events.csv."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient

from axiswatch.api.export import COLUMNS, events_csv_text


def test_csv_has_every_column_and_flattens_nested_fields() -> None:
    text = events_csv_text([{"event_id": "e1", "why": {"b": 1}, "sentence": 'He said "no", twice'}])
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert list(row) == list(COLUMNS)
    assert row["event_id"] == "e1" and row["sentence"] == 'He said "no", twice'
    assert row["source"] == ""


def test_events_csv_is_the_same_page_as_the_json(client: TestClient) -> None:
    params = {"limit": 2}
    first = client.get("/api/events", params=params).json()
    after = first["next"].split("after=", 1)[1]
    listed = client.get(f"/api/events?limit=2&after={after}").json()["events"]
    response = client.get(f"/api/events.csv?limit=2&after={after}")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["event_id"] for r in rows] == [e["event_id"] for e in listed]
    assert client.get("/api/events.csv?min_confidence=2").status_code == 400
