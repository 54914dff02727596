"""Text normalisation and content ids: the same text always gets the same id."""

from __future__ import annotations

import hashlib
import unicodedata


def normalise_text(text: str) -> str:
    """NFC, LF line endings, no byte-order mark, no leading or trailing blank space.

    Characters inside the text (no-break spaces, curly quotes, dashes) are kept as they are,
    so that evidence offsets point at the words the author wrote.
    """
    text = text.lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).strip()


def document_id(text: str) -> str:
    """The sha256 (hex) of the normalised text: the document's id."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def raw_sha256(data: bytes) -> str:
    """The sha256 (hex) of a file's raw bytes, kept as provenance."""
    return hashlib.sha256(data).hexdigest()
