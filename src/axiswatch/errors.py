"""The exception tree of axiswatch.

AxiswatchError
├── InputError (ValueError)         bad user input: a file, a line, a field
│   ├── IngestError                 one document could not be read
│   └── ActorDataError              an actor file fails validation
├── StoreError (RuntimeError)       the workspace database refused an operation
└── NotFoundError (LookupError)     an id that is not in the workspace
"""

from __future__ import annotations


class AxiswatchError(Exception):
    """Root of every error axiswatch raises on purpose."""


class InputError(AxiswatchError, ValueError):
    """Input that axiswatch cannot use; the message names the file, line or field."""


class UsageError(InputError):
    """A command given something it cannot mean: an unknown code, a workspace that is not there
    (the CLI exits 2 for these, as for a misspelt option)."""


class IngestError(InputError):
    """A document that could not be read or decoded."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ActorDataError(InputError):
    """An actor or alias file that fails validation."""


class StoreError(AxiswatchError, RuntimeError):
    """The workspace database refused an operation."""


class NotFoundError(AxiswatchError, LookupError):
    """An id or name that the workspace does not hold."""


class WorkspaceBusy(StoreError):
    """Another process held the workspace file for longer than we would wait for it."""
