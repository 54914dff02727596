"""The publishers' event file formats by name: what `import KIND` and `--raw KIND` read."""

from __future__ import annotations

from axiswatch.errors import InputError
from axiswatch.importers._events_common import EventFormat
from axiswatch.importers.gdelt import GdeltFormat
from axiswatch.importers.icews import IcewsFormat
from axiswatch.importers.polecat import PolecatFormat

EVENT_FORMATS: dict[str, type[EventFormat]] = {
    "gdelt": GdeltFormat,
    "icews": IcewsFormat,
    "polecat": PolecatFormat,
}
KINDS: tuple[str, ...] = tuple(EVENT_FORMATS)


def event_format(kind: str) -> EventFormat:
    """The format object of a publisher kind; InputError lists the kinds."""
    fmt = EVENT_FORMATS.get(kind)
    if fmt is None:
        raise InputError(f"event format {kind!r}: choose from {', '.join(KINDS)}")
    return fmt()
