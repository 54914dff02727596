"""axiswatch: an evidence-linked, queryable model of a system of states."""

from __future__ import annotations

from axiswatch.errors import (
    ActorDataError,
    AxiswatchError,
    IngestError,
    InputError,
    NotFoundError,
    StoreError,
)
from axiswatch.workspace import Workspace, open

__version__ = "0.1.0"

__all__ = [
    "ActorDataError",
    "AxiswatchError",
    "IngestError",
    "InputError",
    "NotFoundError",
    "StoreError",
    "Workspace",
    "__version__",
    "open",
]
