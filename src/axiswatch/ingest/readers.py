"""Readers that turn a file's bytes into text: plain text, Markdown, HTML and PDF."""

from __future__ import annotations

import datetime as dt
import io
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from axiswatch.errors import IngestError

log = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
PDF_SUFFIXES = frozenset({".pdf"})
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES


@dataclass(frozen=True)
class RawText:
    """Text read from a file, before front matter and normalisation."""

    text: str
    media_type: str
    metadata: dict[str, Any] = field(default_factory=dict)


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return bool(head) and control / len(head) > 0.05


def decode_text(data: bytes, *, path: str) -> str:
    """UTF-8 (or UTF-16 with a byte-order mark) to str; a clear error otherwise."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise IngestError(
                path,
                f"UTF-16 text broken at byte {e.start} ({e.reason}; an odd byte count means a "
                "truncated file): re-save the file as UTF-8",
            ) from e
    if _looks_binary(data):
        raise IngestError(path, "binary file, not text, HTML or PDF: give a text, HTML or PDF file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise IngestError(
            path,
            f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}): "
            "re-save the file as UTF-8",
        ) from e


def read_plain(data: bytes, *, path: str) -> RawText:
    """A plain-text or Markdown file."""
    media = "text/markdown" if Path(path).suffix.lower() in {".md", ".markdown"} else "text/plain"
    return RawText(decode_text(data, path=path), media)


def read_html(data: bytes, *, path: str) -> RawText:
    """The main text of an HTML page, without navigation and boilerplate (trafilatura)."""
    import trafilatura

    html = decode_text(data, path=path)
    text = trafilatura.extract(
        html, include_comments=False, include_tables=True, favor_precision=True, fast=True
    )
    if not text or not text.strip():
        raise IngestError(path, "no main text found in this HTML page")
    meta: dict[str, Any] = {}
    doc_meta = trafilatura.extract_metadata(html, extensive=False)
    if doc_meta is not None:
        meta = {
            "title": doc_meta.title,
            "url": doc_meta.url,
            "publisher": doc_meta.sitename,
            "published": _iso_or_none(doc_meta.date),
            "language": doc_meta.language,
        }
    return RawText(text, "text/html", {k: v for k, v in meta.items() if v})


def _iso_or_none(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


MAX_PDF_TEXT_CHARS = 10_000_000
"""The most text read from one PDF (about 1,500,000 words); a longer one is refused early."""


def read_pdf(data: bytes, *, path: str) -> RawText:
    """The text layer of a PDF, page by page."""
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PyPdfError

    pages: list[str] = []
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise IngestError(path, "the PDF is encrypted: decrypt it first")
        size = 0
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            size += len(pages[-1])
            if size > MAX_PDF_TEXT_CHARS:
                raise IngestError(
                    path,
                    f"the PDF's text passes {MAX_PDF_TEXT_CHARS:,} characters by page "
                    f"{len(pages)}: split it into smaller files",
                )
    except LimitReachedError as e:
        raise IngestError(
            path, f"a stream of the PDF decompresses past the safety limit ({e}): refused"
        ) from e
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as e:
        raise IngestError(path, f"not a readable PDF ({type(e).__name__}: {e})"[:300]) from e
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text:
        raise IngestError(path, "the PDF has no text layer (a scan?): run OCR on it first")
    meta: dict[str, Any] = {}
    info = reader.metadata
    if info is not None and info.title:
        meta["title"] = str(info.title)
    return RawText(text, "application/pdf", meta)


def read_bytes(data: bytes, *, path: str) -> RawText:
    """Pick the reader by suffix, or by sniffing the bytes for an unknown suffix."""
    suffix = Path(path).suffix.lower()
    if not data.strip():
        raise IngestError(path, "empty file: nothing to ingest")
    if suffix in PDF_SUFFIXES or data.startswith(b"%PDF-"):
        return read_pdf(data, path=path)
    if suffix in HTML_SUFFIXES:
        return read_html(data, path=path)
    if suffix not in TEXT_SUFFIXES and data.lstrip()[:200].lower().startswith(
        (b"<!doctype html", b"<html")
    ):
        return read_html(data, path=path)
    return read_plain(data, path=path)
