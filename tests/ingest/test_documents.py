"""Building a document from a file: the size limit for one document."""

from __future__ import annotations

from pathlib import Path

import pytest

import axiswatch.ingest.documents as documents
from axiswatch.errors import IngestError


def test_a_file_over_the_size_limit_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("Russia and China met on 1 May 2024. " * 100, "utf-8")
    monkeypatch.setattr(documents, "MAX_DOCUMENT_BYTES", 1_000_000 // 1000)
    with pytest.raises(IngestError, match=r"huge.txt.*over the 0 MB limit.*split it"):
        documents.build_document(path)
    monkeypatch.setattr(documents, "MAX_DOCUMENT_BYTES", 200_000_000)
    document, _ = documents.build_document(path)
    assert document.text.startswith("Russia and China")
