"""axiswatch: an evidence-linked, queryable model of a system of states."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from axiswatch.errors import (
    ActorDataError,
    AxiswatchError,
    IngestError,
    InputError,
    NotFoundError,
    StoreError,
)

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """``Workspace`` and ``open`` load the workspace module (DuckDB, pandas) on first use, so
    that ``axiswatch --help`` and light imports start fast."""
    if name in {"Workspace", "open"}:
        from axiswatch import workspace

        return getattr(workspace, name)
    raise AttributeError(f"module 'axiswatch' has no attribute {name!r}")


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

if TYPE_CHECKING:
    from axiswatch.workspace import Workspace, open
