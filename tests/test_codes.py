"""Unknown actor codes and PLOVER types are errors naming the nearest known ones."""

from __future__ import annotations

import pytest

from axiswatch.codes import actor_list, check_actors, check_event_type, did_you_mean
from axiswatch.errors import InputError, UsageError


def test_swapped_letters_come_first_then_close_ones() -> None:
    assert did_you_mean("PKR", ["PRK", "PAK", "USA"]).startswith("; did you mean PRK")
    assert did_you_mean("ZZZZ", ["PRK", "USA"]) == ""


def test_actor_list_drops_blanks_and_upper_cases() -> None:
    assert actor_list([" rus ", None, "", "prk"]) == ["RUS", "PRK"]


def test_check_actors_names_the_first_unknown_code() -> None:
    check_actors(["RUS"], {"RUS", "PRK"})
    with pytest.raises(UsageError, match="PKR: no such actor; did you mean PRK"):
        check_actors(["RUS", "PKR"], {"RUS", "PRK"})


def test_event_types_are_upper_cased_or_refused_with_the_label() -> None:
    assert check_event_type(" consult ") == "CONSULT"
    with pytest.raises(InputError, match="--type CONSLT: no such PLOVER type; did you mean"):
        check_event_type("CONSLT", label="--type")
