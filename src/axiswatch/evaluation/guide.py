"""Events as the annotation guide's JSON lines: written for export, read back as gold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from axiswatch.errors import InputError
from axiswatch.model import Event

GUIDE_FIELDS = (
    "id",
    "doc",
    "sentence",
    "trigger",
    "date_start",
    "date_end",
    "date_from_context",
    "source",
    "source_person",
    "target",
    "target_person",
    "event_type",
    "mode",
    "cameo",
    "location",
    "epistemic",
    "start_char",
    "end_char",
    "confidence",
    "rule",
)
REQUIRED = ("doc", "sentence", "date_start", "source", "target", "event_type")
"""What the scorer needs of every gold line."""


def guide_row(event: Event) -> dict[str, Any]:
    """An event with the annotation guide's field names (id, doc, sentence, ...)."""
    row = event.to_dict()
    row["id"] = event.event_id
    return {k: row.get(k) for k in GUIDE_FIELDS} | {
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "why": event.why,
    }


def read_guide_jsonl(path: Path, *, required: tuple[str, ...] = REQUIRED) -> list[dict[str, Any]]:
    """Events from a JSONL file; InputError names the file, line and field that is wrong."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror}") from e
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: not UTF-8 text ({e.reason}); save it as UTF-8") from e
    rows = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"{path}:{n}: not JSON ({e.msg}); write one event per line") from e
        if not isinstance(row, dict):
            raise InputError(f"{path}:{n}: not a JSON object; write one event per line")
        missing = [f for f in required if f not in row]
        if missing:
            raise InputError(
                f"{path}:{n}: no field {missing[0]!r}; every line needs {', '.join(required)}"
            )
        rows.append(row)
    return rows
