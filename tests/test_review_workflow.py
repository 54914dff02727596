"""Reviews on a real workspace: grouped events, rejections and corrections that survive
`reextract` and reach the indicators, bad reviews that change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

import axiswatch
from axiswatch.errors import InputError, NotFoundError
from axiswatch.store.events import EventFilter

ONE = """---
title: One
published: 2018-06-25
---
North Korean leader Kim Jong Un visited Beijing on 19 June 2018.

Russia condemned Japan on 3 May 2018.
"""
TWO = """---
title: Two
published: 2018-07-02
---
In June 2018 Kim Jong Un visited China.
"""


@pytest.fixture
def ws(tmp_path: Path):
    (tmp_path / "one.txt").write_text(ONE, encoding="utf-8")
    (tmp_path / "two.txt").write_text(TWO, encoding="utf-8")
    with axiswatch.open(tmp_path / "w.duckdb") as ws:
        ws.ingest([tmp_path / "one.txt", tmp_path / "two.txt"])
        yield ws


def _visit(ws: axiswatch.Workspace):
    return next(e for e in ws.event_list() if e.event_type == "CONSULT")


def test_one_act_in_two_documents_is_one_event_with_two_mentions(ws) -> None:
    visit = _visit(ws)
    assert (visit.date_start, visit.source, visit.target) == ("2018-06-19", "PRK", "CHN")
    assert (visit.mentions, visit.documents) == (2, 2)
    assert len(ws.event_list(EventFilter(count="mentions"))) == 3
    row = ws.dyad("PRK", "CHN").query("direction == 'both'").iloc[0]
    assert (row.n_events, row.n_mentions) == (1, 2)
    mentions = ws.dyad("PRK", "CHN", count="mentions").query("direction == 'both'").iloc[0]
    assert mentions.n_events == 2


def test_a_rejected_event_stays_out_of_every_indicator_after_reextract(ws) -> None:
    visit = _visit(ws)
    ws.review(visit.event_id, "reject", reviewer="a", note="wrong")
    ws.extract_all()
    assert ws.dyad("PRK", "CHN").empty
    assert ws.event(visit.event_id).review == "rejected"
    assert visit.event_id not in {e.event_id for e in ws.event_list()}
    assert [e.event_id for e in ws.event_list(EventFilter(review="rejected"))] == [visit.event_id]
    assert all(
        not d["event_ids"] for p in ws.triangle_periods("CHN", "RUS", "PRK") for d in p["dyads"]
    )


def test_a_corrected_direction_reaches_the_dyad_series_and_survives_reextract(ws) -> None:
    accuse = next(e for e in ws.event_list() if e.event_type == "ACCUSE")
    ws.review(accuse.event_id, "edit", changes={"source": "JPN", "target": "RUS"})
    ws.extract_all()
    rows = ws.dyad("RUS", "JPN")
    counts = dict(zip(rows.direction, rows.n_events, strict=True))
    assert counts == {"RUS->JPN": 0, "JPN->RUS": 1, "both": 1}
    assert ws.event(accuse.event_id).review == "corrected"
    assert ws.dyad("RUS", "JPN", reviewed=True).n_events.sum() == 2


def test_reviewed_only_indicators(ws) -> None:
    assert ws.dyad("PRK", "CHN", reviewed=True).empty
    ws.review(_visit(ws).event_id, "accept")
    assert not ws.dyad("PRK", "CHN", reviewed=True).empty


def test_later_review_wins_and_both_are_kept(ws) -> None:
    visit = _visit(ws)
    ws.review(visit.event_id, "reject", reviewer="first")
    ws.review(visit.event_id, "accept", reviewer="second")
    assert ws.event(visit.event_id).review == "accepted"
    assert [r.reviewer for r in ws.reviews(visit.event_id)] == ["first", "second"]


def test_split_and_merge(ws) -> None:
    visit = _visit(ws)
    mentions = [m["event_id"] for m in ws.mentions(visit.event_id)]
    ws.review(visit.event_id, "split", mentions=mentions[1:])
    apart = ws.event_id_of(mentions[1])
    assert apart != ws.event_id_of(mentions[0])
    assert "split off by review" in ws.mentions(apart)[0]["reason"]
    ws.review(apart, "merge", others=[ws.event_id_of(mentions[0])])
    assert ws.event_id_of(mentions[1]) == ws.event_id_of(mentions[0])


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda ws, e: ws.review("ev-nope", "accept"), NotFoundError, "no event with id"),
        (lambda ws, e: ws.review(e, "edit", changes={"source": "XYZ"}), InputError, "source"),
        (lambda ws, e: ws.review(e, "edit", changes={"date_start": "June"}), InputError, "date"),
        (lambda ws, e: ws.review(e, "approve"), InputError, "action 'approve'"),
        (lambda ws, e: ws.review(e, "split", mentions=["x-e1"]), InputError, "split: mention"),
        (lambda ws, e: ws.review(e, "merge"), InputError, "merge: name at least one"),
    ],
)
def test_bad_reviews_change_nothing(ws, call, error, message) -> None:
    before = [(e.event_id, e.review) for e in ws.event_list(EventFilter(review="any"))]
    with pytest.raises(error, match=message):
        call(ws, _visit(ws).event_id)
    assert ws.reviews() == []
    assert [(e.event_id, e.review) for e in ws.event_list(EventFilter(review="any"))] == before
