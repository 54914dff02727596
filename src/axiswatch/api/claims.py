"""Claims with their verdicts, and hypotheses with their evidence, as JSON-ready dicts.

Claims come from ``ws.claims()`` and their verifications from the store as they are (an
empty claims table gives an empty list). Hypotheses come from ``ws.hypotheses()`` when
``axiswatch.analysis.hypotheses`` is installed; without it the list is empty and
``available`` is False.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
from typing import Any

from axiswatch.analysis.verify import VERDICTS
from axiswatch.errors import InputError
from axiswatch.store.reference import read_verifications
from axiswatch.workspace import Workspace

HYPOTHESES_MODULE = "axiswatch.analysis.hypotheses"


def claim_anchor(claim_id: str) -> str:
    """The id of the element that marks a claim in the document reader."""
    return f"cl-{claim_id}"


def claim_rows(
    ws: Workspace, *, document_id: str | None = None, verdict: str | None = None
) -> list[dict[str, Any]]:
    """Stored claims (optionally of one document or one verdict), each with its verification.

    ``verdict`` is None for a claim not yet verified; ``verification`` holds the explanation,
    the dataset and version and the reference rows that decided it.
    """
    if verdict and verdict not in (*VERDICTS, "unchecked"):
        raise InputError(f"verdict={verdict!r}: choose one of {', '.join(VERDICTS)}, unchecked")
    claims = [c for c in ws.claims() if document_id is None or c.document_id == document_id]
    checks: dict[str, dict[str, Any]] = {}
    for row in read_verifications(ws.con, [c.claim_id for c in claims]):
        checks[row["claim_id"]] = row
    rows = []
    for claim in claims:
        check = checks.get(claim.claim_id)
        row = claim.to_dict()
        row["verdict"] = check["verdict"] if check else None
        row["verification"] = _plain(check) if check else None
        row["links"] = {
            "document": f"/documents/{claim.document_id}#{claim_anchor(claim.claim_id)}"
            if claim.document_id
            else None
        }
        if verdict is None or (row["verdict"] or "unchecked") == verdict:
            rows.append(row)
    return rows


def verdict_counts(rows: list[dict[str, Any]]) -> dict[str, int]:
    """How many claims have each verdict (``unchecked`` for those not verified)."""
    counts = dict.fromkeys((*VERDICTS, "unchecked"), 0)
    for row in rows:
        counts[row["verdict"] or "unchecked"] += 1
    return counts


def has_hypotheses() -> bool:
    """Whether the hypotheses analysis is installed."""
    return importlib.util.find_spec(HYPOTHESES_MODULE) is not None


def hypothesis_rows(ws: Workspace) -> list[dict[str, Any]]:
    """Every hypothesis with its evidence and score, or [] without the analysis module."""
    if not has_hypotheses():
        return []
    return [_plain(_as_dict(item)) for item in ws.hypotheses()]


def _as_dict(item: Any) -> dict[str, Any]:
    if isinstance(item, dict):
        return item
    if hasattr(item, "to_dict"):
        return item.to_dict()
    if dataclasses.is_dataclass(item) and not isinstance(item, type):
        return dataclasses.asdict(item)
    if hasattr(item, "model_dump"):
        return item.model_dump()
    return {"statement": str(item)}


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    """Dates and other values as JSON would carry them."""
    return json.loads(json.dumps(row, ensure_ascii=False, default=str))


def claim_list(
    ws: Workspace, *, verdict: str | None = None, document_id: str | None = None
) -> dict[str, Any]:
    """Claims (optionally of one verdict or document) and the verdict counts of all of them."""
    everything = claim_rows(ws, document_id=document_id)
    rows = claim_rows(ws, document_id=document_id, verdict=verdict) if verdict else everything
    return {"count": len(rows), "verdicts": verdict_counts(everything), "claims": rows}


def hypothesis_list(ws: Workspace) -> dict[str, Any]:
    """Hypotheses with their evidence, and whether the analysis is installed."""
    rows = hypothesis_rows(ws)
    return {"available": has_hypotheses(), "count": len(rows), "hypotheses": rows}
