"""Store a posted document (uploaded file or JSON text) and extract its events.

The Workspace ingests files, so the posted bytes are written to a temporary file named after
the upload (the suffix picks the reader: .txt, .md, .html, .pdf) and ingested from there.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path
from typing import Any

from axiswatch.errors import InputError
from axiswatch.ingest.readers import KNOWN_SUFFIXES
from axiswatch.workspace import FileOutcome, Workspace

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
TEXT_NAME = "posted.txt"


def upload_name(filename: str | None) -> str:
    """A safe file name for an upload, keeping a known suffix (else .txt)."""
    name = _UNSAFE.sub("_", Path(filename or TEXT_NAME).name).strip("._") or TEXT_NAME
    if Path(name).suffix.lower() not in KNOWN_SUFFIXES:
        name += ".txt"
    return name[-120:]


def ingest_bytes(
    ws: Workspace,
    data: bytes,
    *,
    filename: str | None = None,
    title: str | None = None,
    published: dt.date | None = None,
) -> dict[str, Any]:
    """Store one document and extract its events; InputError when it cannot be read."""
    if not data.strip():
        raise InputError("the document is empty: send some text")
    with tempfile.TemporaryDirectory(prefix="axiswatch-upload-") as folder:
        path = Path(folder) / upload_name(filename)
        path.write_bytes(data)
        report = ws.ingest([path], title=title or None, published=published, extract=True)
    outcome = report.outcomes[0]
    if outcome.status == "failed":
        raise InputError(f"{upload_name(filename)}: {outcome.reason}")
    return {"documents": [outcome_json(outcome)]}


def ingest_text(
    ws: Workspace, text: str, *, title: str | None = None, published: dt.date | None = None
) -> dict[str, Any]:
    """Store a text posted as JSON (see :func:`ingest_bytes`)."""
    return ingest_bytes(ws, text.encode("utf-8"), title=title, published=published)


def outcome_json(outcome: FileOutcome) -> dict[str, Any]:
    """One file's outcome, with links to the stored document."""
    links = {}
    if outcome.document_id:
        links = {
            "self": f"/api/documents/{outcome.document_id}",
            "html": f"/documents/{outcome.document_id}",
        }
    return {
        "status": outcome.status,
        "document_id": outcome.document_id,
        "title": outcome.title,
        "events": outcome.events,
        "reason": outcome.reason,
        "extract_error": outcome.extract_error,
        "links": links,
    }
