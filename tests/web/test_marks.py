"""Marks at character offsets over escaped text."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from axiswatch.web.marks import Span, mark_text, mark_trigger

TAGS = re.compile(r'<span class="anchor" id="[^"]*"></span>|<mark[^>]*>|</mark>')


def test_mark_text_escapes_then_marks() -> None:
    text = "<script>alert(1)</script> met <b>Kim</b>"
    start = text.index("met")
    html = mark_text(text, [Span(start, start + 3, "trigger", "ev-1")])
    assert isinstance(html, Markup)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; " in html
    assert (
        '<span class="anchor" id="ev-1"></span><mark class="trigger" data-refs="ev-1">met</mark>'
        in html
    )
    assert html.endswith("&lt;b&gt;Kim&lt;/b&gt;")


def test_mark_text_overlapping_spans_share_pieces() -> None:
    html = mark_text("abcdef", [Span(0, 4, "sentence"), Span(2, 6, "claim", "cl-1")])
    assert str(html) == (
        '<mark class="sentence">ab</mark><span class="anchor" id="cl-1"></span>'
        '<mark class="claim sentence" data-refs="cl-1">cd</mark>'
        '<mark class="claim" data-refs="cl-1">ef</mark>'
    )


def test_mark_text_drops_empty_and_clamps_spans() -> None:
    assert str(mark_text("abc", [Span(2, 2, "x"), Span(-5, 1, "y"), Span(2, 99, "z")])) == (
        '<mark class="y">a</mark>b<mark class="z">c</mark>'
    )


def test_mark_trigger_without_offsets_is_escaped_sentence() -> None:
    assert mark_trigger("a < b", None, None) == "a &lt; b"
    assert mark_trigger(None, 0, 1) == ""


@given(
    st.text(alphabet="ab<>&\"' \n", max_size=40),
    st.lists(st.tuples(st.integers(-3, 45), st.integers(-3, 45)), max_size=6),
)
def test_mark_text_keeps_the_text(text: str, bounds: list[tuple[int, int]]) -> None:
    spans = [Span(lo, hi, "m", f"k{i}") for i, (lo, hi) in enumerate(bounds)]
    html = str(mark_text(text, spans))
    stripped = TAGS.sub("", html)
    assert "<" not in stripped
    assert Markup(stripped).unescape() == text
