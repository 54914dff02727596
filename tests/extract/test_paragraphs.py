"""Paragraphs, footnote masks and the one parse every extractor reads."""

from __future__ import annotations

from axiswatch.extract.nlp import load_nlp
from axiswatch.extract.paragraphs import (
    iter_paragraphs,
    mask_footnotes,
    paragraphs_of_doc,
    parse_paragraphs,
)


def test_mask_footnotes_keeps_length() -> None:
    text = "relations.[8] Therefore"
    assert mask_footnotes(text) == "relations.    Therefore"


def test_iter_paragraphs_offsets() -> None:
    text = "One.\n\n  \nTwo.\nStill two.\n\nThree."
    found = list(iter_paragraphs(text))
    assert [o for o, _ in found] == [0, 9, 26]
    assert all(text[o : o + len(p)] == p for o, p in found)


def test_iter_paragraphs_cuts_oversized_paragraphs_at_sentence_ends() -> None:
    sentence = "Kim Jong Un met Putin in Moscow in 2019. "
    text = sentence * 2000  # one 80,000-character paragraph
    chunks = list(iter_paragraphs(text))
    assert len(chunks) > 1
    assert all(len(chunk) <= 20_000 for _, chunk in chunks)
    assert "".join(chunk for _, chunk in chunks) == text
    assert all(text[o : o + len(c)] == c for o, c in chunks)


def test_parsed_paragraphs_and_a_whole_doc_give_the_same_sentence_offsets() -> None:
    text = "First paragraph here. It has two sentences.\n\nSecond one follows."
    nlp = load_nlp()
    own = parse_paragraphs(nlp, text)
    whole = paragraphs_of_doc(nlp(text))
    assert [p.start for p in own] == [p.start for p in whole] == [0, 45]

    def sentences(paras):  # a whole-text Doc keeps the blank line inside the sentence
        return [
            text[p.base + s.start_char : p.base + s.end_char].strip()
            for p in paras
            for s in p.sents
        ]

    assert (
        sentences(own)
        == sentences(whole)
        == [
            "First paragraph here.",
            "It has two sentences.",
            "Second one follows.",
        ]
    )
