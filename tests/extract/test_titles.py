"""Titles of texts inside a sentence."""

from __future__ import annotations

import pytest

from axiswatch.extract.nlp import load_nlp
from axiswatch.extract.titles import title_tokens

pytestmark = pytest.mark.slow


def _titled_words(text: str) -> set[str]:
    sent = next(load_nlp()(text).sents)
    return {sent.doc[i].text for i in title_tokens(sent)}


def test_a_quoted_title_after_the_word_resolution_is_a_title() -> None:
    words = _titled_words('The Assembly adopted resolution ES-11/1, "Aggression against Ukraine".')
    assert {"Aggression", "Ukraine"} <= words


def test_quoted_speech_is_not_a_title() -> None:
    assert _titled_words('Russia said "we will attack Ukraine" on Monday.') == set()
