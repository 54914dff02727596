"""The trigger lexicon: every word list holds words (YAML reads a bare "on" as true)."""

from __future__ import annotations

import pytest

from axiswatch.extract import lexicon


def test_every_trigger_word_list_holds_strings() -> None:
    for senses in lexicon.triggers().values():
        for trig in senses:
            assert all(isinstance(w, str) for w in trig.needs | trig.needs_modifier), trig


def test_prepositions_quoted_in_the_yaml_are_kept() -> None:
    call = next(t for t in lexicon.triggers()["call"] if "VERB" in t.pos)
    assert "on" in call.needs_prep


def test_a_boolean_in_a_word_list_is_refused_with_its_key() -> None:
    with pytest.raises(ValueError, match="call/VERB: needs holds \\[True\\]"):
        lexicon._words({"needs": ["for", True]}, "needs", "call/VERB")
