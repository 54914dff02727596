"""Fixtures for the report tests: the sample workspace, opened, and its brief.

The sample's documents gain what a news crawl records: the summit story a publisher and an
https URL; the partners story a URL that must never become a link (``javascript:``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.api._sample import Sample, build_sample

import axiswatch
from axiswatch.report import write_brief

HEDGED = "North Korea may act together with Russia."
SUMMIT_URL = "https://news.example.org/2019/04/summit-vladivostok?id=7&lang=en"
SUMMIT_PUBLISHER = "Example News Agency"
BAD_URL = "javascript:alert(1)"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "brief"


@pytest.fixture(scope="session")
def report_sample(tmp_path_factory: pytest.TempPathFactory) -> Sample:
    """The sample workspace (events, documents, two verified claims, one hedged claim)."""
    sample = build_sample(tmp_path_factory.mktemp("report"))
    with axiswatch.open(sample.path) as ws:
        ws.con.execute(
            "INSERT INTO claims (claim_id, document_id, sentence, subject, predicate, object, "
            "epistemic, checkable_against, created_at) VALUES ('c-hedged', NULL, ?, '\"PRK\"', "
            "'acts_together_with', '\"RUS\"', 'hypothetical', 'none', now())",
            [HEDGED],
        )
        for name, url, publisher in (
            ("summit.md", SUMMIT_URL, SUMMIT_PUBLISHER),
            ("partners.md", BAD_URL, None),
        ):
            ws.con.execute(
                "UPDATE documents SET url = ?, publisher = ? WHERE document_id = ?",
                [url, publisher, sample.documents[name].document_id],
            )
    return sample


@pytest.fixture
def ws(report_sample: Sample) -> Iterator[axiswatch.Workspace]:
    """The sample workspace, open."""
    with axiswatch.open(report_sample.path) as workspace:
        yield workspace


@pytest.fixture(scope="session")
def brief_path(report_sample: Sample, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample's brief, written once with the defaults."""
    out = tmp_path_factory.mktemp("brief") / "brief.html"
    with axiswatch.open(report_sample.path) as workspace:
        assert write_brief(workspace, out) == out
    return out


@pytest.fixture(scope="session")
def brief_html(brief_path: Path) -> str:
    """The sample's brief as text."""
    return brief_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """test-artifacts/brief/ (gitignored), for PNGs of the PDF and screenshots."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
