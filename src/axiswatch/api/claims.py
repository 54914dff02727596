"""Claims with their verdicts, and hypotheses with their evidence, as JSON-ready dicts.

Claims come from ``ws.claims()`` and their verifications from the store as they are (an
empty claims table gives an empty list). Hypotheses come from ``axiswatch.analysis.hypotheses``
when it is installed, a page at a time, each with its scores over all its evidence and the
first items of it (the rest a page at a time from its ``evidence_next``); without the module
the list is empty and ``available`` is False.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
from types import ModuleType
from typing import Any
from urllib.parse import quote, urlencode

from axiswatch.analysis.verify import VERDICTS
from axiswatch.errors import InputError, NotFoundError
from axiswatch.store.reference import read_verifications
from axiswatch.workspace import Workspace

HYPOTHESES_MODULE = "axiswatch.analysis.hypotheses"
DEFAULT_CLAIMS = 100
DEFAULT_HYPOTHESES = 50
"""Hypotheses per page of /api/hypotheses (at most MAX_HYPOTHESES)."""
MAX_HYPOTHESES = 500
DEFAULT_EVIDENCE = 20
"""Items of evidence shown with each hypothesis of the list (at most MAX_EVIDENCE)."""
DEFAULT_EVIDENCE_PAGE = 100
"""Items per page of /api/hypotheses/{id}/evidence (at most MAX_EVIDENCE)."""
MAX_EVIDENCE = 1000


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


def _analysis() -> ModuleType | None:
    """The hypotheses analysis module, or None when it is not installed."""
    return importlib.import_module(HYPOTHESES_MODULE) if has_hypotheses() else None


def _evidence_url(hypothesis_id: str, query: dict[str, Any]) -> str:
    kept = {k: v for k, v in query.items() if v not in (None, "")}
    tail = f"?{urlencode(kept)}" if kept else ""
    return f"/api/hypotheses/{quote(hypothesis_id, safe='')}/evidence{tail}"


def _with_evidence_link(row: dict[str, Any], shown: int) -> dict[str, Any]:
    """The row with ``evidence_next``: the address of the evidence after the items shown."""
    total = row.get("evidence_total")
    cursor = row.get("evidence_cursor")
    ident = str(row.get("hypothesis_id") or "")
    if cursor:
        row["evidence_next"] = _evidence_url(ident, {"after": cursor})
    elif total and not shown:  # none shown: the evidence from its start
        row["evidence_next"] = _evidence_url(ident, {})
    else:
        row["evidence_next"] = None
    return row


def hypothesis_list(
    ws: Workspace,
    *,
    limit: int | None = None,
    after: str | None = None,
    evidence: int | None = None,
) -> dict[str, Any]:
    """One page of hypotheses (``limit``, default 50, after the cursor ``after``), each with
    its scores over all its evidence and its first ``evidence`` items (default 20); the
    ``total`` of hypotheses and the ``next`` page's address."""
    module = _analysis()
    if module is None:
        return {
            "available": False,
            "count": 0,
            "total": 0,
            "next": None,
            "cursor": None,
            "hypotheses": [],
        }
    shown = DEFAULT_EVIDENCE if evidence is None else evidence
    paged = getattr(module, "hypothesis_page", None)
    if paged is None:  # an analysis without paging: its whole list on one page
        rows, cursor = hypothesis_rows(ws), None
        total = len(rows)
    else:
        page = paged(ws.con, limit=limit or DEFAULT_HYPOTHESES, after=after, evidence=shown)
        rows = [_plain(_as_dict(h)) for h in page.hypotheses]
        cursor, total = page.cursor, page.total
    rows = [_with_evidence_link(r, len(r.get("evidence") or [])) for r in rows]
    kept = {k: v for k, v in {"limit": limit, "evidence": evidence}.items() if v is not None}
    nxt = f"/api/hypotheses?{urlencode({**kept, 'after': cursor})}" if cursor else None
    return {
        "available": True,
        "count": len(rows),
        "total": total,
        "next": nxt,
        "cursor": cursor,
        "hypotheses": rows,
    }


def hypothesis_evidence(
    ws: Workspace, hypothesis_id: str, *, limit: int | None = None, after: str | None = None
) -> dict[str, Any]:
    """One page of a hypothesis' evidence (``limit``, default 100, after the cursor
    ``after``), with the hypothesis and its scores over all its evidence."""
    module = _analysis()
    paged = getattr(module, "evidence_page", None) if module else None
    if paged is None:
        raise NotFoundError("the hypotheses analysis is not installed")
    page = paged(ws.con, hypothesis_id, limit=limit or DEFAULT_EVIDENCE_PAGE, after=after)
    hypothesis = _plain(_as_dict(page.hypothesis))
    items = hypothesis.pop("evidence")
    cursor = hypothesis.get("evidence_cursor")
    kept = {"limit": limit, "after": cursor}
    return {
        "hypothesis": hypothesis,
        "count": len(items),
        "total": hypothesis.get("evidence_total", len(items)),
        "next": _evidence_url(hypothesis_id, kept) if cursor else None,
        "cursor": cursor,
        "evidence": items,
    }
