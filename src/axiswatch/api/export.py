"""Events as CSV: the rows an API page or the timeline shows, one line per event."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import fields
from typing import Any

from axiswatch.model import Event

COLUMNS: tuple[str, ...] = (*(f.name for f in fields(Event)), "document_title")
"""Every field of an event (as ``ws.events()`` has them) and its document's title."""


def _cell(value: Any) -> Any:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return "" if value is None else value


def events_csv_text(rows: Iterable[Mapping[str, Any]]) -> str:
    """The rows (event records as the API gives them) as CSV with a header line; fields an
    event lacks are empty, nested ones JSON."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in COLUMNS])
    return buffer.getvalue()
