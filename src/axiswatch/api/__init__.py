"""The REST API and the web workbench over one workspace: ``create_app(db_path)``.

``create_app`` is imported on first use, so the JSON builders of this package
(``axiswatch.api.evidence``, ``.claims``, ``.analyses``) load without FastAPI's app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from axiswatch.api.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from axiswatch.api.app import create_app

        return create_app
    raise AttributeError(f"module 'axiswatch.api' has no attribute {name!r}")
