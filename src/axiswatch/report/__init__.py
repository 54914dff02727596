"""Reports: a self-contained HTML brief of the workspace (``write_brief``)."""

from __future__ import annotations

from axiswatch.report.brief import write_brief

__all__ = ["write_brief"]
