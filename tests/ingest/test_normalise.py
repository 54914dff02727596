"""Normalisation and ids: the same text always gets the same id."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from axiswatch.ingest.normalise import document_id, normalise_text


@given(st.text())
def test_document_id_same_text_same_id(text: str) -> None:
    assert document_id(text) == document_id(str(text))


@given(st.text())
def test_normalise_text_is_idempotent(text: str) -> None:
    assert normalise_text(normalise_text(text)) == normalise_text(text)


# No CR in the text itself: writing "\r\n" for "\n" in "0\r\n0" gives "0\r\r\n0", which
# holds one more line break (a lone CR is one), so it is rightly another document.
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r")))
def test_document_id_ignores_line_endings_and_outer_space(text: str) -> None:
    assert document_id("\ufeff" + text.replace("\n", "\r\n") + "\n") == document_id(text)


def test_normalise_text_keeps_inner_characters() -> None:
    text = "Moscow\u00a0– “Pyongyang”"
    assert normalise_text(f"  {text}\r\n") == text


def test_document_id_reads_crlf_and_lone_cr_as_one_line_break() -> None:
    assert document_id("a\r\nb") == document_id("a\nb") == document_id("a\rb")
    assert document_id("a\r\r\nb") == document_id("a\n\nb")
