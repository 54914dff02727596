"""Write rows to stdout as a Rich table, JSON or CSV; messages go to stderr."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import wraps
from typing import Any, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from axiswatch.cli.options import OutputFormat
from axiswatch.errors import AxiswatchError, UsageError

P = ParamSpec("P")
R = TypeVar("R")


def stdout_console() -> Console:
    """A console on the current stdout (resolved late, so test runners can capture it)."""
    return Console(file=sys.stdout, soft_wrap=False)


def stderr_console() -> Console:
    """A console on the current stderr, for messages and progress."""
    return Console(file=sys.stderr, soft_wrap=True)


def say(message: str) -> None:
    """A message for the person at the terminal (stderr)."""
    stderr_console().print(message, highlight=False)


def render_rows(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
    fmt: OutputFormat,
    *,
    title: str | None = None,
) -> None:
    """Write rows in the chosen format; tables show ``columns`` only, json and csv all keys."""
    if fmt is OutputFormat.json:
        sys.stdout.write(json.dumps(list(rows), ensure_ascii=False, indent=2, default=str) + "\n")
        return
    if fmt is OutputFormat.csv:
        keys = list(rows[0].keys()) if rows else list(columns)
        writer = csv.DictWriter(sys.stdout, fieldnames=keys, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k)) for k in keys})
        return
    table = Table(title=title, show_lines=False)
    for col in columns:
        table.add_column(col)
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in columns))
    stdout_console().print(table)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def cli_errors(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn an AxiswatchError into one line on stderr and exit code 1 (2 for misuse)."""

    @wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except AxiswatchError as e:
            sys.stderr.write(f"error: {e}\n")
            raise typer.Exit(2 if isinstance(e, UsageError) else 1) from e

    return wrapper


@contextmanager
def progress_bar(label: str, *, enabled: bool = True) -> Iterator[Callable[[int, int, str], None]]:
    """A progress bar on stderr; yields the callback that the Workspace calls."""
    if not enabled:
        yield lambda done, total, item: None
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=stderr_console(), transient=True) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int, item: str) -> None:
            bar.update(task, completed=done, total=total)

        yield update
