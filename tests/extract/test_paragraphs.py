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


def test_timeline_entry_separators_are_parsed_as_commas() -> None:
    from axiswatch.extract.paragraphs import for_parsing

    cases = {
        "Dec 2 - Trump speaks by phone": "Dec 2 , Trump speaks by phone",
        "October 1950: China intervenes": "October 1950, China intervenes",
        "August 15, 1947: India and Pakistan": "August 15, 1947, India and Pakistan",
        "- 2019: Xi visits 'best friend' -": "- 2019: Xi visits 'best friend' -",  # a heading
        "In 2019 - not an entry": "In 2019 - not an entry",
        "2019-2020: a range": "2019-2020: a range",
    }
    for text, parsed in cases.items():
        assert for_parsing(text) == parsed
        assert len(for_parsing(text)) == len(text)


def test_a_timeline_entry_verb_is_parsed_as_a_verb() -> None:
    [paragraph] = parse_paragraphs(load_nlp(), "Jan 11 - Taiwan scrambles jets and navy ships.")
    verb = next(t for t in paragraph.sents[0] if t.text == "scrambles")
    assert (verb.pos_, verb.dep_) == ("VERB", "ROOT")
