"""Grouping mentions into events: same act once, different acts apart, reviews obeyed."""

from __future__ import annotations

import datetime as dt

from axiswatch.extract.dates import parse_iso
from axiswatch.review.grouping import Mention, group_mentions


def _m(
    n: int,
    date: str | None,
    source: str = "PRK",
    target: str = "CHN",
    event_type: str = "CONSULT",
    epistemic: str = "asserted",
    date_end: str | None = None,
) -> Mention:
    lo = parse_iso(date)[0] if date else None
    hi = parse_iso(date_end or date)[1] if date else None
    precision = {4: "year", 7: "month", 10: "day"}[len(date)] if date else None
    return Mention(
        event_id=f"d-e{n}",
        key=f"k{n}",
        document_id=f"doc{n % 2}",
        source=source,
        target=target,
        event_type=event_type,
        epistemic=epistemic,
        day_start=lo,
        day_end=hi,
        precision=precision,
        start_char=n * 10,
    )


def _shape(groups) -> list[list[str]]:
    return sorted(sorted(m.event_id for m in g.mentions) for g in groups)


def test_a_day_and_its_month_are_one_event_dated_to_the_day() -> None:
    [group] = group_mentions([_m(1, "2018-06"), _m(2, "2018-06-19"), _m(3, "2018")])
    assert group.first.day_start == dt.date(2018, 6, 19)
    assert len(group.mentions) == 3
    assert group.reasons[0] == "first mention"
    assert "dates nest" in group.reasons[1]


def test_two_days_are_two_events() -> None:
    assert _shape(group_mentions([_m(1, "2018-06-19"), _m(2, "2018-06-20")])) == [
        ["d-e1"],
        ["d-e2"],
    ]


def test_a_month_joins_the_event_with_more_mentions() -> None:
    mentions = [_m(1, "2018-06-19"), _m(2, "2018-06-20"), _m(3, "2018-06-20"), _m(4, "2018-06")]
    assert _shape(group_mentions(mentions)) == [["d-e1"], ["d-e2", "d-e3", "d-e4"]]


def test_a_meeting_is_one_act_whichever_side_comes_first() -> None:
    meeting = [_m(1, "2019-04-25"), _m(2, "2019-04-25", source="CHN", target="PRK")]
    assert len(group_mentions(meeting)) == 1
    support = [
        _m(1, "2019-04-25", event_type="SUPPORT"),
        _m(2, "2019-04-25", source="CHN", target="PRK", event_type="SUPPORT"),
    ]
    assert len(group_mentions(support)) == 2


def test_a_denied_act_is_not_the_act() -> None:
    mentions = [_m(1, "2019-04-25"), _m(2, "2019-04-25", epistemic="negated")]
    assert len(group_mentions(mentions)) == 2


def test_reported_and_asserted_mentions_give_the_stronger_status() -> None:
    [group] = group_mentions([_m(1, "2019-04", epistemic="reported"), _m(2, "2019-04-25")])
    assert group.epistemic == "asserted"


def test_undated_mentions_and_long_spans_stay_alone() -> None:
    mentions = [_m(1, None), _m(2, None), _m(3, "2018", date_end="2021"), _m(4, "2019")]
    assert _shape(group_mentions(mentions)) == [["d-e1"], ["d-e2"], ["d-e3"], ["d-e4"]]


def test_ids_do_not_depend_on_input_order() -> None:
    mentions = [_m(1, "2018-06"), _m(2, "2018-06-19"), _m(3, "2020-01-02"), _m(4, None)]
    forward = {g.group_id for g in group_mentions(mentions)}
    backward = {g.group_id for g in group_mentions(list(reversed(mentions)))}
    assert forward == backward and len(forward) == 3


def test_split_and_merge_reviews() -> None:
    mentions = [_m(1, "2018-06-19"), _m(2, "2018-06"), _m(3, "2020-01-02")]
    split = group_mentions(mentions, splits=[("rv-1", {"k2"})])
    assert _shape(split) == [["d-e1"], ["d-e2"], ["d-e3"]]
    assert any("split off by review rv-1" in g.reasons for g in split)
    merged = group_mentions(mentions, merges=[("rv-2", {"k1", "k3"})])
    assert _shape(merged) == [["d-e1", "d-e2", "d-e3"]]
    assert "merged by review rv-2" in merged[0].reasons
