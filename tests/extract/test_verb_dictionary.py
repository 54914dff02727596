"""The compiled CAMEO verb dictionary and its matching on the parse."""

from __future__ import annotations

import pytest

from axiswatch.extract.nlp import load_nlp
from axiswatch.extract.verb_dictionary import dictionary_trigger, verb_dictionary

pytestmark = pytest.mark.slow


def _trigger_of(text: str, word: str):
    doc = load_nlp()(text)
    tok = next(t for t in doc if t.text == word)
    return dictionary_trigger(tok)


def test_dictionary_records_its_provenance_and_size() -> None:
    table = verb_dictionary()
    assert "CAMEO.2.0.txt" in table.provenance["source"]
    assert len(table.provenance["sha256"]) == 64
    assert len(table.verbs) > 1500
    assert sum(len(p) for p in table.patterns.values()) > 4000


@pytest.mark.parametrize(
    ("text", "word", "plover", "cameo"),
    [
        pytest.param("Iran collaborated with Russia.", "collaborated", "SUPPORT", "050", id="verb"),
        pytest.param("Japan accused China of espionage.", "accused", "ACCUSE", "112", id="accuse"),
        pytest.param(
            "Moscow visited Beijing for talks.", "visited", "CONSULT", "046", id="pattern-for-talks"
        ),
    ],
)
def test_dictionary_codes_a_verb_with_its_most_specific_pattern(
    text: str, word: str, plover: str, cameo: str
) -> None:
    trig = _trigger_of(text, word)
    assert trig is not None and trig.from_dictionary
    assert (trig.event_type, trig.cameo) == (plover, cameo)


def test_dictionary_leaves_statements_uncoded() -> None:
    # "say" is CAMEO 010, which PLOVER leaves without a type: no event from the dictionary
    assert _trigger_of("Russia said it was ready.", "said") is None


def test_dictionary_codes_only_verbs() -> None:
    assert _trigger_of("The visit was short.", "visit") is None


def test_dictionary_leaves_idioms_of_its_verbs_uncoded() -> None:
    # TAKE is APPREHEND (171); "took place" and "took note" are no seizure
    assert _trigger_of("The talks took place in Beijing.", "took") is None
    assert _trigger_of("Russia took note of the proposal.", "took") is None
    assert _trigger_of("Police took the suspects into custody.", "took") is not None
