"""The data model's records (axiswatch.model)."""

from __future__ import annotations

from dataclasses import asdict

from axiswatch.model import Event


def test_event_to_dict_has_every_field_and_its_own_why() -> None:
    event = Event(
        event_id="e1",
        origin="extracted",
        source="RUS",
        target="PRK",
        event_type="CONSULT",
        date_start="2024-06",
        date_end="2024-06",
        why={"trigger_lemma": "visit", "cues": ["met", {"nested": [1, 2]}]},
    )
    out = event.to_dict()
    assert out == asdict(event)
    assert list(out) == list(asdict(event))
    out["why"]["cues"][1]["nested"].append(3)
    assert event.why["cues"][1]["nested"] == [1, 2]
