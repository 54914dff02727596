"""Fixtures for the actor knowledge base tests."""

from __future__ import annotations

import pytest

from axiswatch.actors import ActorKB


@pytest.fixture(scope="session")
def kb() -> ActorKB:
    """The built-in knowledge base (loaded once)."""
    return ActorKB.default()
