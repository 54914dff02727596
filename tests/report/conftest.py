"""Fixtures for the report tests: the sample workspace, opened."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.api._sample import Sample, build_sample

import axiswatch

HEDGED = "North Korea may act together with Russia."


@pytest.fixture(scope="module")
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
    return sample


@pytest.fixture
def ws(report_sample: Sample) -> Iterator[axiswatch.Workspace]:
    """The sample workspace, open."""
    with axiswatch.open(report_sample.path) as workspace:
        yield workspace
