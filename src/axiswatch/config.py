"""Defaults, AXISWATCH_* environment variables and the optional config file.

Where a setting comes from, first found wins: the command's option, the environment variable,
the config file, the built-in default. The config file is ``axiswatch.toml`` (top-level keys) or
the ``[tool.axiswatch]`` table of a ``pyproject.toml``, in the current folder or the nearest one
above it; ``$AXISWATCH_CONFIG`` names one directly. Keys: ``db`` (a path, relative to the file's
folder), ``token`` and ``read_token`` (for ``serve``).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from axiswatch.errors import InputError

DEFAULT_DB = "axiswatch.duckdb"
ENV_DB = "AXISWATCH_DB"
ENV_CONFIG = "AXISWATCH_CONFIG"
CONFIG_NAME = "axiswatch.toml"
KEYS = ("db", "token", "read_token")


@dataclass(frozen=True)
class Config:
    """Settings read from a config file (None: not set there)."""

    path: Path | None = None
    db: Path | None = None
    token: str | None = None
    read_token: str | None = None


def _find(start: Path) -> tuple[Path, bool] | None:
    """The config file nearest ``start`` and whether it is a pyproject.toml."""
    for folder in (start, *start.parents):
        own = folder / CONFIG_NAME
        if own.is_file():
            return own, False
        project = folder / "pyproject.toml"
        if project.is_file() and "[tool.axiswatch]" in project.read_text("utf-8", "replace"):
            return project, True
    return None


def load_config(start: Path | None = None) -> Config:
    """The config file's settings (an empty Config when there is none)."""
    named = os.environ.get(ENV_CONFIG)
    if named:
        found: tuple[Path, bool] | None = (Path(named), Path(named).name == "pyproject.toml")
        if not Path(named).is_file():
            raise InputError(f"${ENV_CONFIG}={named}: no such file; unset it or fix the path")
    else:
        found = _find((start or Path.cwd()).resolve())
    if found is None:
        return Config()
    path, in_project = found
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise InputError(f"{path}: not a readable TOML file ({e}); fix or remove it") from e
    if in_project:
        data = data.get("tool", {}).get("axiswatch", {})
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise InputError(f"{path}: unknown key(s) {', '.join(unknown)}; use {', '.join(KEYS)}")
    bad = [k for k in KEYS if k in data and not isinstance(data[k], str)]
    if bad:
        raise InputError(f"{path}: {', '.join(bad)} must be a string")
    db = Path(data["db"]) if "db" in data else None
    return Config(
        path=path,
        db=(path.parent / db) if db is not None and not db.is_absolute() else db,
        token=data.get("token") or None,
        read_token=data.get("read_token") or None,
    )


def default_db_path() -> Path:
    """The workspace file: $AXISWATCH_DB, else the config file's ``db``, else the default."""
    if os.environ.get(ENV_DB):
        return Path(os.environ[ENV_DB])
    return load_config().db or Path(DEFAULT_DB)
