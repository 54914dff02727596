"""Readers: each input format, and each kind of bad input."""

from __future__ import annotations

import pytest
from tests.ingest._fixtures import ARTICLE, HTML_PAGE, make_blank_pdf, make_text_pdf

from axiswatch.errors import IngestError
from axiswatch.ingest.readers import read_bytes


def test_read_bytes_plain_text_kept_verbatim() -> None:
    raw = read_bytes("Moscow\u00a0and Pyongyang – “allies”.".encode(), path="a.txt")
    assert raw.text == "Moscow\u00a0and Pyongyang – “allies”."
    assert raw.media_type == "text/plain"


def test_read_bytes_markdown_media_type() -> None:
    assert read_bytes(b"# Title\n\nBody.", path="a.md").media_type == "text/markdown"


def test_read_bytes_html_keeps_main_text_and_drops_boilerplate() -> None:
    raw = read_bytes(HTML_PAGE.encode(), path="page.html")
    assert "Vladimir Putin visited Pyongyang" in raw.text
    for boilerplate in ("Subscribe now", "Cookie policy", "Login Register"):
        assert boilerplate not in raw.text
    assert raw.metadata.get("title") == "Putin in Pyongyang"
    assert raw.media_type == "text/html"


def test_read_bytes_html_sniffed_without_suffix() -> None:
    assert read_bytes(HTML_PAGE.encode(), path="page").media_type == "text/html"


def test_read_bytes_pdf_text_layer() -> None:
    raw = read_bytes(make_text_pdf(ARTICLE[:80]), path="brief.pdf")
    assert "Vladimir Putin visited Pyongyang" in raw.text
    assert raw.media_type == "application/pdf"


@pytest.mark.parametrize(
    ("data", "path", "reason"),
    [
        pytest.param(b"", "empty.txt", "empty file", id="empty"),
        pytest.param(b"  \n\t\n", "blank.txt", "empty file", id="whitespace-only"),
        pytest.param(bytes(range(256)) * 4, "blob.bin", "binary file", id="binary"),
        pytest.param(
            b"caf\xe9 au lait in Pyongyang", "latin1.txt", "not valid UTF-8", id="undecodable"
        ),
        pytest.param(b"%PDF-1.4 broken", "broken.pdf", "not a readable PDF", id="corrupt-pdf"),
    ],
)
def test_read_bytes_bad_input_names_the_reason(data: bytes, path: str, reason: str) -> None:
    with pytest.raises(IngestError, match=reason) as info:
        read_bytes(data, path=path)
    assert str(info.value).startswith(f"{path}: ")


def test_read_bytes_pdf_without_text_layer() -> None:
    with pytest.raises(IngestError, match="no text layer"):
        read_bytes(make_blank_pdf(), path="scan.pdf")


def test_read_bytes_utf16_with_bom() -> None:
    assert read_bytes("Pyongyang".encode("utf-16"), path="u16.txt").text == "Pyongyang"


def test_utf16_with_an_odd_byte_count_is_a_clear_error() -> None:
    from axiswatch.errors import IngestError
    from axiswatch.ingest.readers import decode_text

    data = "\ufeffhello world".encode("utf-16-le") + b"\x00"
    with pytest.raises(
        IngestError, match=r"UTF-16 text broken at byte .*re-save the file as UTF-8"
    ):
        decode_text(data, path="u16.txt")


def test_a_pdf_whose_text_passes_the_limit_is_refused_early(monkeypatch) -> None:
    import axiswatch.ingest.readers as readers

    monkeypatch.setattr(readers, "MAX_PDF_TEXT_CHARS", 20)
    with pytest.raises(IngestError, match="text passes 20 characters by page 1: split it"):
        read_bytes(make_text_pdf("Russia and China signed a treaty in 2001."), path="big.pdf")
