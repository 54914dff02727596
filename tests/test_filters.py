"""The keyword filters of Workspace.events: each value read and checked on its own."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from axiswatch.errors import InputError
from axiswatch.filters import actors_arg, day_arg, dyad_arg, epistemic_arg, event_filter


@pytest.mark.parametrize(
    ("value", "last", "day"),
    [
        ("2019", False, dt.date(2019, 1, 1)),
        ("2019", True, dt.date(2019, 12, 31)),
        ("2024-02", True, dt.date(2024, 2, 29)),
        ("2019-06-12", True, dt.date(2019, 6, 12)),
        (dt.date(2019, 6, 12), True, dt.date(2019, 6, 12)),
        (dt.datetime(2019, 6, 12, 23, 59), False, dt.date(2019, 6, 12)),
        (pd.Timestamp("2019-06-12 08:00"), True, dt.date(2019, 6, 12)),
        (None, False, None),
    ],
)
def test_days_from_dates_and_iso_text(value, last: bool, day: dt.date | None) -> None:
    assert day_arg(value, name="since", last=last) == day


@pytest.mark.parametrize("value", ["June 2019", "2019-02-30", 2019])
def test_a_value_that_is_no_date_names_the_keyword(value) -> None:
    with pytest.raises(InputError, match="until="):
        day_arg(value, name="until")


def test_codes_are_upper_cased_in_either_spelling() -> None:
    assert actors_arg("rus") == ("RUS",)
    assert actors_arg(["rus", "chn"]) == ("RUS", "CHN")
    assert dyad_arg("rus-prk") == dyad_arg(("RUS", "prk")) == ("RUS", "PRK")
    with pytest.raises(InputError, match="dyad"):
        dyad_arg(("RUS", "PRK", "CHN"))
    with pytest.raises(InputError, match="actor"):
        actors_arg([])


def test_epistemic_takes_one_or_several_once_each() -> None:
    assert epistemic_arg("Asserted") == ("asserted",)
    assert epistemic_arg(["reported", "asserted", "reported"]) == ("reported", "asserted")
    with pytest.raises(InputError, match="epistemic"):
        epistemic_arg([])


def test_the_filter_holds_the_checked_values() -> None:
    flt = event_filter(actor="rus", type="consult", since="2019", until="2019", limit=5)
    assert (flt.actors, flt.event_type, flt.since, flt.until, flt.limit) == (
        ("RUS",),
        "CONSULT",
        dt.date(2019, 1, 1),
        dt.date(2019, 12, 31),
        5,
    )
