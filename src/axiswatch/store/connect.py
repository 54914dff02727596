"""Open the workspace database file and bring its schema up to date.

DuckDB lets one process at a time open a file for writing. When another axiswatch process
(the workbench, an ingest) holds it, ``connect`` waits for it, saying so after a moment, and
gives up with a one-line error after ``wait`` seconds ($AXISWATCH_LOCK_WAIT, default 30).
The server and the CLI both hold the file only while they use it.

A process waiting for the file leaves a marker beside it (``<file>.waiting-<pid>``); the
server lets a waiting process in first (:func:`yield_to_waiters`) rather than keep the file
busy with one request after another.
"""

from __future__ import annotations

import logging
import os
import re
import time
from pathlib import Path

import duckdb

from axiswatch.errors import StoreError, WorkspaceBusy
from axiswatch.store.migrations import migrate
from axiswatch.store.recovery import recover

log = logging.getLogger(__name__)

ENV_LOCK_WAIT = "AXISWATCH_LOCK_WAIT"
DEFAULT_LOCK_WAIT = 30.0
SAY_AFTER = 2.0
_HOLDER = re.compile(r"held in (.+?) \(PID (\d+)\)")


def lock_wait() -> float:
    """How long to wait for a workspace another process holds (seconds)."""
    try:
        return max(0.0, float(os.environ.get(ENV_LOCK_WAIT, DEFAULT_LOCK_WAIT)))
    except ValueError:
        return DEFAULT_LOCK_WAIT


def _locked(error: duckdb.Error) -> bool:
    return "Could not set lock" in str(error) or "Conflicting lock" in str(error)


def _holder(error: duckdb.Error) -> str:
    found = _HOLDER.search(str(error))
    return f"{Path(found[1]).name} (pid {found[2]})" if found else "another process"


def connect(
    path: str | Path, *, read_only: bool = False, wait: float | None = None
) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) the DuckDB file at ``path`` and apply pending migrations."""
    path = Path(path)
    if path.parent and not path.parent.exists():
        raise StoreError(f"{path}: folder {path.parent} does not exist; create it or pick --db")
    limit = lock_wait() if wait is None else wait
    started = time.monotonic()
    said = False
    delay = 0.05
    marker = _marker(path, os.getpid())
    try:
        while True:
            try:
                con = duckdb.connect(str(path), read_only=read_only)
                break
            except duckdb.Error as e:
                if not _locked(e):
                    raise StoreError(f"{path}: cannot open the workspace database: {e}") from e
                waited = time.monotonic() - started
                if waited >= limit:
                    raise WorkspaceBusy(
                        f"{path}: in use by {_holder(e)} for over {limit:.0f} s; try again when "
                        f"it is done (or set {ENV_LOCK_WAIT} to wait longer)"
                    ) from e
                if not marker.exists():
                    marker.touch()  # a server seeing it lets us in between its requests
                if not said and waited >= SAY_AFTER:
                    log.warning("waiting for %s: %s is using it", path, _holder(e))
                    said = True
                time.sleep(min(delay, limit - waited))
                delay = min(delay * 2, 0.25)
    finally:
        marker.unlink(missing_ok=True)
    if not read_only:
        migrate(con)
        recover(con)
    return con


def _marker(path: Path, pid: int) -> Path:
    return path.with_name(f"{path.name}.waiting-{pid}")


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs (someone else's counts as running)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def others_waiting(path: str | Path) -> bool:
    """Whether another live process waits to open the file (a stale marker is removed)."""
    path = Path(path)
    waiting = False
    for marker in path.parent.glob(f"{path.name}.waiting-*"):
        pid = marker.name.rsplit("-", 1)[1]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        if process_alive(int(pid)):
            waiting = True
        else:
            marker.unlink(missing_ok=True)  # left by a process that died waiting
    return waiting


def yield_to_waiters(path: str | Path, limit: float) -> None:
    """Wait (up to ``limit`` seconds) while another live process waits for the file."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        if not others_waiting(path):
            return
        time.sleep(0.05)
