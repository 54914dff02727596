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
from urllib.parse import urlencode

from axiswatch.analysis.verify import VERDICTS
from axiswatch.errors import InputError
from axiswatch.store.reference import read_verifications
from axiswatch.workspace import Workspace

HYPOTHESES_MODULE = "axiswatch.analysis.hypotheses"
DEFAULT_CLAIMS = 100


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
    _check_verdict(verdict)
    claims = [c for c in ws.claims() if document_id is None or c.document_id == document_id]
    rows = _with_checks(ws, claims)
    return [r for r in rows if verdict is None or (r["verdict"] or "unchecked") == verdict]


def _check_verdict(verdict: str | None) -> None:
    if verdict and verdict not in (*VERDICTS, "unchecked"):
        raise InputError(f"verdict={verdict!r}: choose one of {', '.join(VERDICTS)}, unchecked")


def _with_checks(ws: Workspace, claims: list[Any]) -> list[dict[str, Any]]:
    """Each claim as a dict with its verdict, verification and link to its document."""
    checks = {r["claim_id"]: r for r in read_verifications(ws.con, [c.claim_id for c in claims])}
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
    ws: Workspace,
    *,
    verdict: str | None = None,
    document_id: str | None = None,
    limit: int | None = None,
    after: str | None = None,
) -> dict[str, Any]:
    """One page of claims (optionally of one verdict or document; ``limit``, default 100,
    after the cursor ``after``), the verdict counts of all of them, the ``total`` that match
    and the ``next`` page's address."""
    from axiswatch.store.claim_pages import read_claim_page

    _check_verdict(verdict)
    page = read_claim_page(
        ws.con,
        document_id=document_id,
        verdict=verdict or None,
        limit=limit or DEFAULT_CLAIMS,
        after=after or None,
    )
    rows = _with_checks(ws, page.claims)
    kept = {"verdict": verdict, "document_id": document_id, "limit": limit}
    query = {k: v for k, v in kept.items() if v not in (None, "")}
    nxt = f"/api/claims?{urlencode({**query, 'after': page.cursor})}" if page.cursor else None
    counts = dict.fromkeys((*VERDICTS, "unchecked"), 0) | page.verdicts
    return {
        "count": len(rows),
        "total": page.total,
        "next": nxt,
        "cursor": page.cursor,
        "verdicts": counts,
        "claims": rows,
    }


def hypothesis_list(ws: Workspace) -> dict[str, Any]:
    """Hypotheses with their evidence, and whether the analysis is installed."""
    rows = hypothesis_rows(ws)
    return {"available": has_hypotheses(), "count": len(rows), "hypotheses": rows}
