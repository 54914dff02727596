"""Defaults and AXISWATCH_* environment variables."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB = "axiswatch.duckdb"
ENV_DB = "AXISWATCH_DB"


def default_db_path() -> Path:
    """The workspace file: $AXISWATCH_DB, else ./axiswatch.duckdb."""
    return Path(os.environ.get(ENV_DB) or DEFAULT_DB)
