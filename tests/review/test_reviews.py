"""Review verdicts (later wins, history kept), checked edits, corrections applied."""

from __future__ import annotations

import datetime as dt

import pytest

from axiswatch.errors import InputError
from axiswatch.ontology import PLOVER_TYPES
from axiswatch.review.reviews import Review, apply_changes, check_changes, verdict


def _r(n: int, action: str, keys: tuple[str, ...] = ("k1",), **changes: str) -> Review:
    return Review(
        review_id=f"rv-{n}",
        event_id="ev-1",
        mention_keys=keys,
        action=action,
        changes=changes,
        reviewer=f"analyst{n}",
        created_at=dt.datetime(2026, 1, 1, 12, n),
    )


def test_the_later_review_wins() -> None:
    assert verdict([_r(1, "reject"), _r(2, "accept")], {"k1"}).status == "accepted"
    assert verdict([_r(2, "accept"), _r(1, "reject")], {"k1"}).status == "accepted"
    assert verdict([_r(1, "accept"), _r(2, "reject")], {"k1"}).reviewer == "analyst2"


def test_an_edit_stays_applied_after_an_accept_and_goes_with_a_reject() -> None:
    found = verdict([_r(1, "edit", source="RUS"), _r(2, "accept")], {"k1", "k2"})
    assert (found.status, dict(found.changes)) == ("corrected", {"source": "RUS"})
    assert found.covered == frozenset({"k1"})
    assert verdict([_r(1, "edit", source="RUS"), _r(2, "reject")], {"k1"}).status == "rejected"


def test_reviews_of_other_mentions_do_not_apply() -> None:
    assert verdict([_r(1, "reject", keys=("k9",))], {"k1"}).status == "unreviewed"


KNOWN = {"RUS", "PRK", "CHN"}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"source": "XXX"}, "source 'XXX': no such actor code"),
        ({"event_type": "CONSLT"}, "event_type 'CONSLT': not a PLOVER type"),
        ({"date_start": "19 June"}, "date_start '19 June': not an ISO date"),
        ({"epistemic": "maybe"}, "epistemic 'maybe'"),
        ({"date_start": "2020", "date_end": "2019"}, "date_end: it is before date_start"),
        ({"source": "RUS", "target": "RUS"}, "target: it is the same actor"),
        ({"goldstein": "3"}, "goldstein: not an editable field"),
    ],
)
def test_bad_edits_name_the_field(changes: dict[str, str], message: str) -> None:
    with pytest.raises(InputError, match=message):
        check_changes(changes, known_actors=KNOWN, plover_types=PLOVER_TYPES)


def test_good_edits_are_normalised() -> None:
    out = check_changes(
        {"source": "rus", "event_type": "agree"}, known_actors=KNOWN, plover_types=PLOVER_TYPES
    )
    assert out == {"source": "RUS", "event_type": "AGREE"}


def test_a_new_type_brings_its_cameo_scales_and_a_new_date_its_bounds() -> None:
    row = {
        "event_type": "CONSULT",
        "cameo": "042",
        "quad_class": 1,
        "goldstein": 1.9,
        "date_start": "2018-06-19",
        "date_end": "2018-06-19",
        "precision": "day",
    }
    out = apply_changes(row, {"event_type": "ASSAULT", "date_start": "2018-07"})
    assert out["cameo"] != "042" and out["quad_class"] == 4 and out["goldstein"] < 0
    assert (out["date_end"], out["precision"]) == ("2018-07", "month")
    assert (out["day_start"], out["day_end"]) == (dt.date(2018, 7, 1), dt.date(2018, 7, 31))
