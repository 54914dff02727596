"""Tests of the temporal expression tagger (axiswatch.extract.dates)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from axiswatch.errors import InputError
from axiswatch.extract._periods import Period, periods
from axiswatch.extract.dates import TimeExpr, covers, latest_absolute, parse_iso, tag_dates

ANCHOR = dt.date(2024, 4, 10)  # a Wednesday
NBSP = "\u00a0"


def found(text: str, **kw: Any) -> list[tuple[str, str, str]]:
    """(text, date_start, date_end) of every expression, checking the offsets on the way."""
    out = []
    for e in tag_dates(text, **kw):
        assert text[e.start_char : e.end_char] == e.text
        out.append((e.text, e.date_start, e.date_end))
    return out


def expr(date_start: str, date_end: str | None = None) -> TimeExpr:
    """An absolute expression standing for a date of an earlier sentence."""
    return TimeExpr(0, 4, "x", date_start, date_end or date_start, "year", "year", False)


# ---- absolute forms ------------------------------------------------------------------------

ABSOLUTE = [
    ("held on April 25, 2019.", "April 25, 2019", "2019-04-25", "2019-04-25", "day_month_first"),
    ("on 25 April 2019 in", "25 April 2019", "2019-04-25", "2019-04-25", "day_day_first"),
    ("met on September 26, 2018, in New York", "September 26, 2018", "2018-09-26", "2018-09-26",
     "day_month_first"),
    ("On April 9-11, 2018, he", "April 9-11, 2018", "2018-04-09", "2018-04-11",
     "day_span_month_first"),
    ("on 9–11 April 2018", "9–11 April 2018", "2018-04-09", "2018-04-11", "day_span_day_first"),
    ("April 30 – May 2, 2018", "April 30 – May 2, 2018", "2018-04-30", "2018-05-02",
     "day_span_cross_month_first"),
    ("30 April – 2 May 2018", "30 April – 2 May 2018", "2018-04-30", "2018-05-02",
     "day_span_cross_day_first"),
    ("December 30 – January 2, 2019", "December 30 – January 2, 2019", "2018-12-30",
     "2019-01-02", "day_span_cross_month_first"),
    ("between April 9 and 11, 2018", "between April 9 and 11, 2018", "2018-04-09", "2018-04-11",
     "day_span_month_first"),
    ("visited on July 25-27, 2023.", "July 25-27, 2023", "2023-07-25", "2023-07-27",
     "day_span_month_first"),
    ("on Monday, April 9, 2018", "Monday, April 9, 2018", "2018-04-09", "2018-04-09",
     "day_month_first"),
    ("the 25th of April 2019", "the 25th of April 2019", "2019-04-25", "2019-04-25",
     "day_day_first"),
    ("Sept. 5, 2019", "Sept. 5, 2019", "2019-09-05", "2019-09-05", "day_month_first"),
    ("voted in March 2014 against", "March 2014", "2014-03", "2014-03", "month_year"),
    ("In August 2011, they met", "August 2011", "2011-08", "2011-08", "month_year"),
    ("March–April 2014", "March–April 2014", "2014-03", "2014-04", "month_span"),
    ("from March 2014 to May 2015", "from March 2014 to May 2015", "2014-03", "2015-05",
     "month_span"),
    ("In 2000, Putin visited", "2000", "2000", "2000", "year"),
    ("in 2022.", "2022", "2022", "2022", "year"),
    ("the 2017 restructuring", "2017", "2017", "2017", "year"),
    ("from 2017 to 2018", "from 2017 to 2018", "2017", "2018", "year_span"),
    ("between 2017 and 2018", "between 2017 and 2018", "2017", "2018", "year_span"),
    ("in 2022-2023", "2022-2023", "2022", "2023", "year_span"),
    ("in 2022–23", "2022–23", "2022", "2023", "year_span"),
    ("in 1999-00", "1999-00", "1999", "2000", "year_span"),
    ("the 2022/23 season", "2022/23", "2022", "2023", "year_span"),
    ("In the 1990s, relations", "the 1990s", "1990", "1999", "decade"),
    ("the late 1990s", "the late 1990s", "1997", "1999", "decade_part"),
    ("the early 2000s", "the early 2000s", "2000", "2002", "decade_part"),
    ("the 1900s", "the 1900s", "1900", "1999", "century"),
    ("the 20th century", "the 20th century", "1901", "2000", "century"),
    ("the twentieth century", "the twentieth century", "1901", "2000", "century"),
    ("in early 2019", "early 2019", "2019-01", "2019-04", "year_part"),
    ("by mid-2020", "mid-2020", "2020-05", "2020-08", "year_part"),
    ("at the end of 2019", "the end of 2019", "2019-09", "2019-12", "year_part"),
    ("in late March 2014", "late March 2014", "2014-03-21", "2014-03-31", "month_part"),
    ("the summer of 2019", "the summer of 2019", "2019-06", "2019-08", "season"),
    ("in fall 2020", "fall 2020", "2020-09", "2020-11", "season"),
    ("the winter of 2018-19", "the winter of 2018-19", "2018-12", "2019-02", "season"),
    ("in winter 2019", "winter 2019", "2019", "2019", "season"),
    ("in Q3 2023", "Q3 2023", "2023-07", "2023-09", "quarter"),
    ("the third quarter of 2023", "the third quarter of 2023", "2023-07", "2023-09", "quarter"),
    ("in H1 2023", "H1 2023", "2023-01", "2023-06", "half_year"),
    ("the second half of 2019", "the second half of 2019", "2019-07", "2019-12", "half_year"),
    ("accessed 07.09.2022)", "07.09.2022", "2022-09-07", "2022-09-07", "numeric_dotted"),
    ("Release Date : 2022-09-07", "2022-09-07", "2022-09-07", "2022-09-07", "numeric_iso"),
    ("on 13/9/2022", "13/9/2022", "2022-09-13", "2022-09-13", "numeric_slash"),
    ("on 9/13/2022", "9/13/2022", "2022-09-13", "2022-09-13", "numeric_slash"),
    ("on 9/7/2022", "9/7/2022", "2022", "2022", "numeric_slash_ambiguous"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "text", "start", "end", "rule"),
    ABSOLUTE,
    ids=[f"{a[4]}-{a[0]}" for a in ABSOLUTE],
)
def test_tag_dates_absolute_form(sentence: str, text: str, start: str, end: str, rule: str) -> None:
    exprs = tag_dates(sentence)
    assert [(e.text, e.date_start, e.date_end, e.rule) for e in exprs] == [(text, start, end, rule)]
    e = exprs[0]
    assert sentence[e.start_char : e.end_char] == text
    assert not e.relative


@pytest.mark.parametrize(
    ("sentence", "precision"),
    [
        ("April 25, 2019", "day"),
        ("March 2014", "month"),
        ("Q3 2023", "month"),
        ("2000", "year"),
        ("the late 1990s", "year"),
        ("the 1990s", "decade"),
        ("the 20th century", "century"),
    ],
    ids=["day", "month", "quarter", "year", "decade_part", "decade", "century"],
)
def test_tag_dates_precision(sentence: str, precision: str) -> None:
    assert [e.precision for e in tag_dates(sentence)] == [precision]


def test_tag_dates_two_years_are_two_expressions() -> None:
    text = "it intervened in the Canadian elections in 2019 and 2022,[5] and"
    assert found(text) == [("2019", "2019", "2019"), ("2022", "2022", "2022")]


def test_tag_dates_slash_order_from_an_unambiguous_sibling() -> None:
    assert found("13/9/2022 and 9/7/2022") == [
        ("13/9/2022", "2022-09-13", "2022-09-13"),
        ("9/7/2022", "2022-07-09", "2022-07-09"),
    ]
    assert found("12/31/2022 and 9/7/2022")[1] == ("9/7/2022", "2022-09-07", "2022-09-07")


def test_tag_dates_offsets_with_nbsp_and_dashes() -> None:
    text = f"On{NBSP}April{NBSP}9–11,{NBSP}2018 — and in{NBSP}2017—2018 — see 24.10.2022."
    exprs = tag_dates(text)
    assert [(e.text, e.date_start, e.date_end) for e in exprs] == [
        (f"April{NBSP}9–11,{NBSP}2018", "2018-04-09", "2018-04-11"),
        ("2017—2018", "2017", "2018"),
        ("24.10.2022", "2022-10-24", "2022-10-24"),
    ]
    for e in exprs:
        assert text[e.start_char : e.end_char] == e.text


def test_tag_dates_invalid_day_is_left_out() -> None:
    assert found("on February 30, 2019") == [("2019", "2019", "2019")]


# ---- numbers that are not years ------------------------------------------------------------

NOT_YEARS = [
    ("kilometers", "the border between China and North Korea is 1420 kilometers"),
    ("kilometers_small", "the land border is just 39 kilometers"),
    ("ordinal", "on the sidelines of the 73rd session of the UN General Assembly"),
    ("percent", "Russia alone provides 14% of the world's energy supply"),
    ("count", "one of the 11 countries that voted"),
    ("hyphen_unit", "Kim Jong-un's six-day visit to Russia"),
    ("thousands", "a border of 1,352 km"),
    ("currency", "a fine of US$ 2000 was paid"),
    ("currency_code", "worth USD 2000"),
    ("page", "see p. 2012 and pp. 1998–2005"),
    ("un_symbol", "resolution A/RES/68/262 was adopted"),
    ("resolution_number", "under Resolution 2094"),
    ("troops", "it sent 2000 troops"),
    ("people", "about 1900 people died"),
    ("tons", "exports of 2015 tons"),
    ("percent_word", "a rise of 2019 percent"),
    ("quantity_span", "between 1900 and 2000 troops"),
    ("number_pair", "between 2000 and 3000"),
    ("out_of_range", "the year 1700 and 2200"),
    ("hyphen_compound", "a 2000-strong force"),
    ("time_of_day", "at 1800 GMT"),
    ("iso_month_like", "code 2019-05"),
]


@pytest.mark.parametrize(("name", "text"), NOT_YEARS, ids=[n for n, _ in NOT_YEARS])
def test_tag_dates_rejects_non_year(name: str, text: str) -> None:
    assert tag_dates(text, anchor=ANCHOR) == []


def test_tag_dates_year_before_a_noun_after_a_preposition() -> None:
    assert found("In 2000 troops were sent") == [("2000", "2000", "2000")]


# ---- since, open ends ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("tests since September 2022 have", None, ("since September 2022", "2022-09", "2022-09")),
        ("tests since September 2022 have", dt.date(2022, 11, 9),
         ("since September 2022", "2022-09", "2022-11")),
        ("ever since 2014", ANCHOR, ("ever since 2014", "2014", "2024")),
        ("from 2017 onwards", ANCHOR, ("from 2017 onwards", "2017", "2024")),
        ("2014–present", ANCHOR, ("2014–present", "2014", "2024")),
        ("since the 1990s", ANCHOR, ("since the 1990s", "1990", "2024")),
    ],
    ids=["no_anchor", "anchor_month", "ever_since", "onwards", "present", "decade"],
)  # fmt: skip
def test_tag_dates_since_open_end(
    text: str, anchor: dt.date | None, expected: tuple[str, str, str]
) -> None:
    exprs = tag_dates(text, anchor=anchor)
    assert [(e.text, e.date_start, e.date_end) for e in exprs] == [expected]
    assert exprs[0].open_end


def test_tag_dates_since_anchor_before_start_keeps_end() -> None:
    e = tag_dates("since 2022", anchor=dt.date(2020, 1, 1))[0]
    assert (e.date_start, e.date_end, e.open_end) == ("2022", "2022", True)


# ---- relative to the previous date or within the sentence ----------------------------------

PREVIOUS = [
    ("a year before in Pyongyang", expr("2001"), ("a year before", "2000", "2000")),
    ("two years later", expr("2017", "2018"), ("two years later", "2020", "2020")),
    ("a decade earlier", expr("2011"), ("a decade earlier", "2001", "2001")),
    ("the same year", expr("2018-09-26"), ("the same year", "2018", "2018")),
    ("later that year", expr("2018-05"), ("later that year", "2018", "2018")),
    ("that month", expr("2018-09-26"), ("that month", "2018-09", "2018-09")),
    ("The same day", expr("2018-09-26"), ("The same day", "2018-09-26", "2018-09-26")),
    ("the following day", expr("2018-09-26"), ("the following day", "2018-09-27", "2018-09-27")),
    ("the following year", expr("2018-09-26"), ("the following year", "2019", "2019")),
    ("the previous year", expr("2018"), ("the previous year", "2017", "2017")),
    ("the day before", expr("2018-03-01"), ("the day before", "2018-02-28", "2018-02-28")),
    ("three days later", expr("2018-04-09", "2018-04-11"),
     ("three days later", "2018-04-14", "2018-04-14")),
    ("a week later", expr("2018-12-28"), ("a week later", "2019-01-04", "2019-01-04")),
    ("six months later", expr("2014"), ("six months later", "2014", "2015")),
    ("in March", expr("2014"), ("March", "2014-03", "2014-03")),
    ("on April 25", expr("2019"), ("April 25", "2019-04-25", "2019-04-25")),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "previous", "expected"), PREVIOUS, ids=[p[2][0].lower() for p in PREVIOUS]
)
def test_tag_dates_relative_to_previous(
    text: str, previous: TimeExpr, expected: tuple[str, str, str]
) -> None:
    exprs = tag_dates(text, previous=previous)
    assert [(e.text, e.date_start, e.date_end) for e in exprs] == [expected]
    assert exprs[0].relative


@pytest.mark.parametrize(
    "text",
    ["a year before in Pyongyang", "the same year", "The same day", "two years later",
     "the following month", "on April 25", "in March"],
    ids=["year_before", "same_year", "same_day", "years_later", "following_month", "day",
         "month"],
)  # fmt: skip
def test_tag_dates_relative_without_context_is_left_out(text: str) -> None:
    assert tag_dates(text) == []


@pytest.mark.parametrize(
    ("text", "previous"),
    [("the same day", expr("2018")), ("that month", expr("2018")),
     ("the same year", expr("2017", "2018"))],
    ids=["day_of_a_year", "month_of_a_year", "year_of_a_span"],
)  # fmt: skip
def test_tag_dates_same_as_too_coarse_previous_is_left_out(text: str, previous: TimeExpr) -> None:
    assert tag_dates(text, previous=previous) == []


def test_tag_dates_years_after_date_later_in_sentence() -> None:
    text = (
        "Russia invaded Ukraine for the second time, eight years after annexing Crimea in "
        "violation of international law in 2014."
    )
    exprs = tag_dates(text, previous=expr("1990"))
    assert [(e.text, e.date_start, e.relative, e.rule) for e in exprs] == [
        ("eight years after", "2022", True, "offset_from_date"),
        ("2014", "2014", False, "year"),
    ]


def test_tag_dates_year_before_object_date() -> None:
    assert found("the year before the 2018 summit")[0] == ("the year before", "2017", "2017")


def test_tag_dates_offset_object_across_a_comma_uses_previous() -> None:
    exprs = found("a year after the visit, in 2019, they met", previous=expr("2000"))
    assert exprs == [("a year after", "2001", "2001"), ("2019", "2019", "2019")]


def test_tag_dates_relative_prefers_date_earlier_in_sentence() -> None:
    exprs = found("In 2001 they met, and the same year they signed", previous=expr("1990"))
    assert exprs == [("2001", "2001", "2001"), ("the same year", "2001", "2001")]


def test_tag_dates_day_without_year_takes_following_year_in_clause() -> None:
    assert found("On May 5 and June 3, 2019, they met")[0] == ("May 5", "2019-05-05", "2019-05-05")


def test_tag_dates_month_without_preposition_is_not_a_date() -> None:
    assert tag_dates("In March 20 countries voted", anchor=ANCHOR) == []
    assert tag_dates("Theresa May said", anchor=ANCHOR) == []


# ---- relative to the anchor ----------------------------------------------------------------

ANCHORED = [
    ("last week", ("last week", "2024-04-01", "2024-04-07")),
    ("this week", ("this week", "2024-04-08", "2024-04-14")),
    ("yesterday", ("yesterday", "2024-04-09", "2024-04-09")),
    ("tomorrow", ("tomorrow", "2024-04-11", "2024-04-11")),
    ("on Monday", ("Monday", "2024-04-08", "2024-04-08")),
    ("on Wednesday", ("Wednesday", "2024-04-10", "2024-04-10")),
    ("last Wednesday", ("last Wednesday", "2024-04-03", "2024-04-03")),
    ("next Friday", ("next Friday", "2024-04-12", "2024-04-12")),
    ("last year", ("last year", "2023", "2023")),
    ("earlier this year", ("earlier this year", "2024", "2024")),
    ("next month", ("next month", "2024-05", "2024-05")),
    ("last month", ("last month", "2024-03", "2024-03")),
    ("three days ago", ("three days ago", "2024-04-07", "2024-04-07")),
    ("two years ago", ("two years ago", "2022", "2022")),
    ("on April 25", ("April 25", "2024-04-25", "2024-04-25")),
    ("on April 2", ("April 2", "2024-04-02", "2024-04-02")),
    ("on December 20", ("December 20", "2023-12-20", "2023-12-20")),
    ("in March", ("March", "2024-03", "2024-03")),
    ("in November", ("November", "2023-11", "2023-11")),
]


@pytest.mark.parametrize(("text", "expected"), ANCHORED, ids=[a[0] for a in ANCHORED])
def test_tag_dates_relative_to_anchor(text: str, expected: tuple[str, str, str]) -> None:
    exprs = tag_dates(text, anchor=ANCHOR)
    assert [(e.text, e.date_start, e.date_end) for e in exprs] == [expected]
    assert exprs[0].relative


@pytest.mark.parametrize(
    "text",
    ["last week", "yesterday", "on Monday", "last year", "three days ago"],
    ids=["last_week", "yesterday", "weekday", "last_year", "ago"],
)
def test_tag_dates_anchor_forms_without_anchor_are_left_out(text: str) -> None:
    assert tag_dates(text) == []


@pytest.mark.parametrize(
    "text",
    ["his last year in office", "in the last year of the war", "over the next year"],
    ids=["possessive", "the_last_year", "over_the_next_year"],
)
def test_tag_dates_deictic_lookalikes_are_not_dates(text: str) -> None:
    assert tag_dates(text, anchor=ANCHOR, previous=expr("2010")) == []


# ---- named periods -------------------------------------------------------------------------

NAMED = [
    ("The Korean War, when the Soviet", "The Korean War", "1950", "1953"),
    ("World War II ended", "World War II", "1939", "1945"),
    ("after the Second World War", "the Second World War", "1939", "1945"),
    ("during the Cold War", "the Cold War", "1947", "1991"),
    ("During the Sino-Soviet split in relations", "the Sino-Soviet split", "1956", "1966"),
    ("began during the previous administration of US President Donald Trump constituted",
     "the previous administration of US President Donald Trump", "2017", "2021"),
    ("the Trump administration", "the Trump administration", "2017", "2021"),
    ("the Obama administration", "the Obama administration", "2009", "2017"),
    ("the Biden administration", "the Biden administration", "2021", "2025"),
    ("participants in the Six-Party Talks, which", "the Six-Party Talks", "2003", "2009"),
    ("the Arab Spring", "the Arab Spring", "2010", "2012"),
    ("the end of the Cold War", "the end of the Cold War", "1991", "1991"),
    ("During the 12-day war between Iran and Israel", "the 12-day war", "2025", "2025"),
    ("after the Israel-Iran war ended", "the Israel-Iran war", "2025", "2025"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "text", "start", "end"), NAMED, ids=[n[1] for n in NAMED])
def test_tag_dates_named_period(sentence: str, text: str, start: str, end: str) -> None:
    exprs = tag_dates(sentence)
    assert [(e.text, e.date_start, e.date_end) for e in exprs] == [(text, start, end)]
    assert exprs[0].relative
    assert exprs[0].rule.startswith("named_period")


def test_tag_dates_named_period_ongoing_closes_at_anchor() -> None:
    e = tag_dates("Since the start of the Ukraine War, China", anchor=dt.date(2022, 11, 9))[0]
    assert (e.text, e.date_start, e.date_end, e.open_end) == (
        "Since the start of the Ukraine War",
        "2022",
        "2022",
        True,
    )
    e = tag_dates("the war in Ukraine", anchor=ANCHOR)[0]
    assert (e.date_start, e.date_end, e.open_end) == ("2022", "2024", True)


@pytest.mark.parametrize(
    "text",
    ["a new Cold War", "the second Korean War", "another Cold War"],
    ids=["new", "second", "another"],
)
def test_tag_dates_named_period_with_modifier_is_not_the_period(text: str) -> None:
    assert tag_dates(text) == []


def test_tag_dates_named_period_ambiguous_after_date() -> None:
    assert tag_dates("the Trump administration", anchor=dt.date(2025, 6, 1)) == []
    assert found("the second Trump administration", anchor=dt.date(2025, 6, 1)) == [
        ("the second Trump administration", "2025", "2025")
    ]


@pytest.mark.parametrize("period", periods(), ids=lambda p: p.name)
def test_periods_table_each_name_is_found(period: Period) -> None:
    exprs = tag_dates(f"It happened during the {period.name}.")
    assert [(e.rule, e.date_start) for e in exprs] == [("named_period", period.start)]


# ---- helpers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("iso", "lo", "hi"),
    [
        ("2000", dt.date(2000, 1, 1), dt.date(2000, 12, 31)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2018-04-09", dt.date(2018, 4, 9), dt.date(2018, 4, 9)),
    ],
    ids=["year", "month_leap", "day"],
)
def test_parse_iso_bounds(iso: str, lo: dt.date, hi: dt.date) -> None:
    assert parse_iso(iso) == (lo, hi)


@pytest.mark.parametrize("bad", ["20", "2018-13", "2018-02-30", "2018/04/09", ""])
def test_parse_iso_rejects_invalid(bad: str) -> None:
    with pytest.raises(InputError):
        parse_iso(bad)


def test_latest_absolute_picks_last_absolute_in_text_order() -> None:
    exprs = tag_dates("In 2014 and, eight years after annexing Crimea in 2014, in 2001 too")
    last = latest_absolute(exprs)
    assert last is not None and last.text == "2001"
    relative_only = tag_dates("a year before", previous=expr("2001"))
    assert latest_absolute(relative_only) is None
    last = latest_absolute(relative_only, include_relative=True)
    assert last is not None and last.text == "a year before"
    assert latest_absolute([]) is None


def test_covers_and_bounds() -> None:
    span = tag_dates("from 2017 to 2018")[0]
    assert span.bounds() == (dt.date(2017, 1, 1), dt.date(2018, 12, 31))
    assert covers(span, "2018-05")
    assert covers(span, tag_dates("in March 2017")[0])
    assert not covers(span, "2019")


def test_tag_dates_empty_and_dateless_text() -> None:
    assert tag_dates("") == []
    assert tag_dates("Many international actors do not consider these countries democratic.") == []


# ---- property: offsets and order -----------------------------------------------------------

FRAGMENTS = [
    "April 25, 2019", "9–11 April 2018", "April 30 – May 2, 2018", "in March 2014", "In 2000",
    "from 2017 to 2018", "in 2022-2023", "the late 1990s", "early 2019", "since September 2022",
    "in 2019 and 2022", "a year before", "two years later", "the same year", "the same day",
    "last week", "yesterday", "on Monday", "eight years after annexing Crimea in 2014",
    "07.09.2022", "2022-09-07", "9/7/2022", "Q3 2023", "the summer of 2019", "mid-2020",
    "the Korean War", "the Cold War", "1420 kilometers", "the 73rd session", "14%",
    "11 countries", "six-day visit", "1,352 km", "US$ 2000", "A/RES/68/262", "on April 25",
    "the following month", "the 20th century", "2014–present", "Russia", "met", "and",
]  # fmt: skip
SEPARATORS = [" ", NBSP, ", ", " – ", "—", ". ", "-", "", " and ", "\n"]


@settings(max_examples=150, deadline=None)
@given(
    parts=st.lists(st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(SEPARATORS)), max_size=8),
    anchor=st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
    previous=st.none() | st.sampled_from(["2001", "2018-09", "2018-09-26", "1950"]),
)
def test_tag_dates_offsets_and_order_property(
    parts: list[tuple[str, str]], anchor: dt.date | None, previous: str | None
) -> None:
    text = "".join(f + s for f, s in parts)
    prev = expr(previous) if previous else None
    exprs = tag_dates(text, anchor=anchor, previous=prev)
    end = 0
    for e in exprs:
        assert text[e.start_char : e.end_char] == e.text
        assert e.start_char >= end
        end = e.end_char
        lo, hi = e.bounds()
        assert lo <= hi
        assert e.date_start <= e.date_end
        assert e.precision in {"day", "month", "year", "decade", "century"}


# ---- the development set -------------------------------------------------------------------

DOC_ANCHORS = {"burtsev-2024-new-axis.txt": dt.date(2024, 4, 10)}


@pytest.mark.shared
def test_tag_dates_finds_gold_dates_stated_in_the_sentence(shared_dir: Path) -> None:
    gold_path = shared_dir / "eval" / "seed-gold-events.jsonl"
    if not gold_path.is_file():
        pytest.skip(f"{gold_path} is absent")
    missed = []
    for line in gold_path.read_text("utf-8").splitlines():
        g = json.loads(line)
        if g["date_from_context"]:
            continue
        exprs = tag_dates(g["sentence"], anchor=DOC_ANCHORS.get(g["doc"]))
        if not any((e.date_start, e.date_end) == (g["date_start"], g["date_end"]) for e in exprs):
            missed.append(g["id"])
    assert missed == []


def test_a_timeline_day_without_a_year_is_not_after_publication_and_moves_on() -> None:
    published = dt.date(2017, 2, 10)
    lead = tag_dates("Feb 10 - Trump spoke with Xi.", anchor=published)[0]
    december = tag_dates("Dec 2 - Trump spoke with Tsai.", anchor=published, previous=lead)[0]
    january = tag_dates("Jan 11 - Taiwan scrambled jets.", anchor=published, previous=december)[0]
    assert (lead.date_start, december.date_start, january.date_start) == (
        "2017-02-10",
        "2016-12-02",
        "2017-01-11",
    )


def test_a_scheduled_day_may_follow_publication() -> None:
    (expr,) = tag_dates(
        "Exercises are to take place in Venezuela from August 13.", anchor=dt.date(2022, 8, 11)
    )
    assert expr.date_start == "2022-08-13"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("In a late-breaking meeting today, the Council voted.", "2022-05-26"),
        ("This morning, China said it objected.", "2022-05-26"),
        ("Tomorrow Xi arrives in Moscow.", "2022-05-27"),
    ],
)
def test_today_and_its_parts_are_the_publication_day(text: str, iso: str) -> None:
    (expr,) = tag_dates(text, anchor=dt.date(2022, 5, 26))
    assert expr.date_start == iso


def test_at_the_time_is_the_date_the_text_was_at() -> None:
    before = tag_dates("In March 2019, Kim met Putin.", anchor=dt.date(2024, 1, 1))[0]
    (expr,) = tag_dates(
        "At the time, Russia supported it.", anchor=dt.date(2024, 1, 1), previous=before
    )
    assert (expr.date_start, expr.relative) == ("2019-03", True)
