"""Shared test fixtures: the location of ../shared, skipped cleanly when absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = (REPO_ROOT / ".." / "shared").resolve()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared reference data folder beside the checkout; skips the test when absent."""
    if not SHARED_DIR.is_dir():
        pytest.skip(
            f"{SHARED_DIR} is absent: the shared reference data is not beside this checkout"
        )
    return SHARED_DIR
