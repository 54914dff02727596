"""Who a plural stands for."""

from __future__ import annotations

import pytest

from axiswatch.extract.nlp import load_nlp
from axiswatch.extract.references import plural_lemma, plural_reference

pytestmark = pytest.mark.slow


def _token(text: str, word: str):
    return next(t for t in load_nlp()(text) if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "refers"),
    [
        ("The two countries signed a treaty.", "countries", True),
        ("They met in 2005.", "They", True),
        ("The National Security Advisors met.", "Advisors", True),
        ("Chinese leaders met.", "leaders", False),
        ("Many countries voted.", "countries", False),
    ],
)
def test_plural_reference(text: str, word: str, refers: bool) -> None:
    assert plural_reference(_token(text, word)) is refers


def test_plural_lemma_reads_a_capitalised_plural_the_tagger_calls_a_name() -> None:
    assert plural_lemma(_token("The National Security Advisors met.", "Advisors")) == "advisor"


def test_the_pair_is_a_plural_of_two() -> None:
    assert plural_reference(_token("In 2024, the pair signed a treaty.", "pair"))
    assert not plural_reference(_token("A pair of envoys arrived.", "pair"))
