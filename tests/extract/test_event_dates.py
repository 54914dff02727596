"""Which date an act takes: its own, its clause's, none when placed at another time."""

from __future__ import annotations


def _summary(events) -> list[tuple]:
    return [(e.source, e.target, e.event_type, e.date_start, e.date_end) for e in events]


def test_an_act_placed_before_or_after_the_clause_gets_no_date_of_its(extract) -> None:
    events = extract(
        "Modi hosted Bangladeshi Prime Minister Sheikh Hasina in New Delhi in March 2019, "
        "weeks before her summit with Xi Jinping."
    )
    assert _summary(events) == [("BGD", "IND", "CONSULT", "2019-03", "2019-03")]


def test_a_date_describing_a_thing_does_not_date_the_act(extract) -> None:
    events = extract(
        "Modi arrived in Tokyo on 28 October 2018. The same day the two signed an accord "
        "that replaced the agreement of March 2008."
    )
    assert [(e.event_type, e.date_start) for e in events] == [
        ("CONSULT", "2018-10-28"),
        ("SUPPORT", "2018-10-28"),
    ]


def test_an_act_in_an_after_clause_is_not_dated_by_the_main_clause(extract) -> None:
    events = extract("In 2014, after Russia annexed Crimea, Belarus backed Moscow.")
    assert _summary(events) == [("BLR", "RUS", "SUPPORT", "2014", "2014")]


def test_a_planned_meeting_is_not_dated_by_the_clause(extract) -> None:
    events = extract(
        "Modi visited Beijing in April 2018 as preparations for a summit between Modi and "
        "Xi Jinping were under way."
    )
    assert _summary(events) == [("IND", "CHN", "CONSULT", "2018-04", "2018-04")]


def test_a_named_period_as_the_object_is_not_the_date(extract) -> None:
    events = extract(
        "Lukashenko pledged full support for Russia's war in Ukraine during his March 2023 "
        "visit to Moscow."
    )
    assert {(e.event_type, e.date_start) for e in events} == {
        ("AGREE", "2023-03"),
        ("CONSULT", "2023-03"),
    }
