"""The spaCy components: found by entry point, same events and claims as the extractor."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest

from axiswatch.errors import InputError
from axiswatch.extract.nlp import MODEL_PACKAGES, UNUSED_PIPES
from axiswatch.extract.pipeline import Extractor, SourceText

pytestmark = pytest.mark.slow

TEXT = (
    "On 19 June 2024, Putin visited Pyongyang and signed a treaty with Kim Jong Un.\n\n"
    "Russia is expanding its military cooperation with North Korea. China, the largest "
    "trade partner of North Korea, accounts for 96 percent of its trade."
)
META = {"published": "2024-06-20", "name": "t.txt", "title": "Putin in Pyongyang"}


@pytest.fixture(scope="module")
def own_nlp():
    """A pipeline of the user's own (not the extractor's shared one)."""
    for name in MODEL_PACKAGES:
        try:
            return importlib.import_module(name).load(exclude=list(UNUSED_PIPES))
        except ImportError:
            continue
    pytest.skip("no English spaCy model installed")


def _run(nlp, text: str, meta: dict):
    doc = nlp.make_doc(text)
    doc._.axiswatch_meta = meta
    return nlp(doc)


def test_components_are_added_by_name_and_agree_with_the_extractor(own_nlp) -> None:
    own_nlp.add_pipe("axiswatch_events")
    own_nlp.add_pipe("axiswatch_claims")
    doc = _run(own_nlp, TEXT, META)
    expected = Extractor().extract_one(
        SourceText("t.txt", TEXT, None, dt.date(2024, 6, 20), title="Putin in Pyongyang")
    )

    def key(e):
        return (e.source, e.target, e.event_type, e.date_start, e.start_char, e.sentence)

    assert [key(e) for e in doc._.axiswatch_events] == [key(e) for e in expected]
    assert {e.date_start for e in doc._.axiswatch_events} == {"2024-06-19", "2024-06-20"}
    assert any(c.value == 96 for c in doc._.axiswatch_claims)


def test_a_bad_publication_date_is_one_clear_error(own_nlp) -> None:
    if "axiswatch_events" not in own_nlp.pipe_names:
        own_nlp.add_pipe("axiswatch_events")
    with pytest.raises(InputError, match="axiswatch_meta"):
        _run(own_nlp, TEXT, {"published": "June 2024"})
