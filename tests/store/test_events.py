"""Events in the store: write, replace per document, filter, read back."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from axiswatch.errors import InputError, NotFoundError
from axiswatch.model import Event
from axiswatch.store.connect import connect
from axiswatch.store.events import EventFilter, parse_dyad, read_event, read_events, write_events


def _event(
    n: int,
    source: str,
    target: str,
    date: str,
    event_type: str = "CONSULT",
    document_id: str = "d1",
    epistemic: str = "asserted",
) -> Event:
    return Event(
        event_id=f"{document_id}-e{n}",
        origin="extracted",
        date_start=date,
        date_end=date,
        source=source,
        target=target,
        event_type=event_type,
        document_id=document_id,
        sentence="s",
        epistemic=epistemic,
        why={"trigger_lemma": "visit"},
    )


@pytest.fixture
def con(tmp_path: Path):
    con = connect(tmp_path / "w.duckdb")
    write_events(
        con,
        [
            _event(1, "RUS", "PRK", "2000"),
            _event(2, "PRK", "RUS", "2019-04-25"),
            _event(3, "CHN", "RUS", "2022-09", "SUPPORT"),
            _event(4, "PRK", "RUS", "2022", "COOPERATE", epistemic="alleged"),
        ],
        document_id="d1",
    )
    return con


MENTIONS = EventFilter(count="mentions")


def test_read_events_in_date_order(con) -> None:
    assert [e.event_id for e in read_events(con, MENTIONS)] == ["d1-e1", "d1-e2", "d1-e4", "d1-e3"]


def test_read_events_groups_mentions_of_one_act(con) -> None:
    write_events(
        con,
        [
            _event(1, "RUS", "PRK", "2019-04-25", document_id="d2"),
            _event(2, "PRK", "RUS", "2019-04", document_id="d2"),
        ],
        document_id="d2",
    )
    events = read_events(con, EventFilter(document_id="d2"))
    assert [(e.date_start, e.mentions, e.review) for e in events] == [
        ("2019-04-25", 3, "unreviewed")
    ]


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        pytest.param(EventFilter(actor="chn"), ["d1-e3"], id="actor"),
        pytest.param(EventFilter(dyad=("RUS", "PRK")), ["d1-e1", "d1-e2", "d1-e4"], id="dyad"),
        pytest.param(EventFilter(event_type="support"), ["d1-e3"], id="type"),
        pytest.param(
            EventFilter(since=dt.date(2019, 1, 1)), ["d1-e2", "d1-e4", "d1-e3"], id="since"
        ),
        pytest.param(
            EventFilter(until=dt.date(2022, 8, 31)),
            ["d1-e1", "d1-e2", "d1-e4"],
            id="until-overlaps-year",
        ),
        pytest.param(EventFilter(epistemic="alleged"), ["d1-e4"], id="epistemic"),
        pytest.param(EventFilter(limit=1), ["d1-e1"], id="limit"),
    ],
)
def test_read_events_filters(con, flt: EventFilter, expected: list[str]) -> None:
    flt = replace(flt, count="mentions")
    assert [e.event_id for e in read_events(con, flt)] == expected


def test_write_events_replaces_a_documents_extracted_events(con) -> None:
    write_events(con, [_event(9, "USA", "PRK", "2022-09-23", "MOBILIZE")], document_id="d1")
    assert [e.event_id for e in read_events(con, MENTIONS)] == ["d1-e9"]


def test_read_event_round_trips_fields(con) -> None:
    event = read_event(con, "d1-e3")
    assert (event.source, event.target, event.event_type, event.why) == (
        "CHN",
        "RUS",
        "SUPPORT",
        {"trigger_lemma": "visit"},
    )
    with pytest.raises(NotFoundError, match="axiswatch events"):
        read_event(con, "nope")


def test_parse_dyad() -> None:
    assert parse_dyad("rus-prk") == ("RUS", "PRK")
    with pytest.raises(InputError, match="RUS-PRK"):
        parse_dyad("RUS")


def test_actor_partners_counts_what_the_actors_events_give(con) -> None:
    from collections import Counter

    from axiswatch.store.events import actor_partners

    for code in ("RUS", "prk", "CHN", "USA"):
        events = read_events(con, EventFilter(actor=code))
        expected = Counter(e.target if e.source == code.upper() else e.source for e in events)
        total, partners = actor_partners(con, code)
        assert total == len(events)
        assert dict(partners) == dict(expected)
        assert [n for _, n in partners] == sorted((n for _, n in partners), reverse=True)


def test_actor_counts_count_each_event_once_per_actor(con) -> None:
    from collections import Counter

    from axiswatch.store.events import actor_counts

    write_events(con, [_event(9, "RUS", "RUS", "2023")], document_id="d2")
    expected: Counter[str] = Counter()
    for e in read_events(con):
        expected.update({a for a in (e.source, e.target) if a})
    assert actor_counts(con) == sorted(expected.items(), key=lambda kv: (-kv[1], kv[0]))
