"""One extractor for the extraction tests (spaCy and the actor base load once)."""

from __future__ import annotations

import datetime as dt

import pytest

from axiswatch.extract.pipeline import Extractor, SourceText
from axiswatch.model import Event


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def extract(extractor: Extractor):
    def run(text: str, published: dt.date | None = None) -> list[Event]:
        return extractor.extract_one(SourceText("t.txt", text, "d" * 64, published))

    return run
