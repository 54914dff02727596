"""Fixtures for the API tests: the sample workspace and clients of apps over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.api._sample import Sample, build_sample

from axiswatch.api import create_app

TOKEN = "test-token-0123456789"


@pytest.fixture(scope="session")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Sample:
    """The sample workspace, built once and only read by the tests that share it."""
    return build_sample(tmp_path_factory.mktemp("sample"))


@pytest.fixture(scope="session")
def client(sample: Sample) -> Iterator[TestClient]:
    """A client of a read-only app (no token) over the sample workspace."""
    with TestClient(create_app(sample.path, token="")) as test_client:
        yield test_client


@pytest.fixture
def fresh(tmp_path: Path) -> Sample:
    """A sample workspace of this test's own, for writes."""
    return build_sample(tmp_path)


@pytest.fixture
def no_env_token(monkeypatch: pytest.MonkeyPatch) -> None:
    """No AXISWATCH_TOKEN in the environment."""
    monkeypatch.delenv("AXISWATCH_TOKEN", raising=False)
