"""GET /api/claims (with verdicts), /api/hypotheses and a hypothesis' evidence."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from axiswatch.api.claims import (
    MAX_EVIDENCE,
    MAX_HYPOTHESES,
    claim_list,
    hypothesis_evidence,
    hypothesis_list,
)
from axiswatch.api.routers import ERRORS
from axiswatch.api.schemas import ClaimList, HypothesisEvidence, HypothesisList
from axiswatch.api.state import WorkspaceDep

router = APIRouter(prefix="/api", tags=["claims"], responses=ERRORS)


@router.get("/claims", response_model=ClaimList)
def claims(
    ws: WorkspaceDep,
    verdict: Annotated[
        str | None,
        Query(description="supported, contradicted, partly, unverifiable or unchecked."),
    ] = None,
    document_id: Annotated[str | None, Query(description="Claims of one document.")] = None,
    limit: Annotated[
        int | None, Query(ge=1, le=5000, description="Claims per page (default 100).")
    ] = None,
    after: Annotated[
        str | None, Query(max_length=400, description="Cursor from a `next` link.")
    ] = None,
) -> dict[str, Any]:
    """Claims with their verdicts, explanations and the reference rows behind them, a page at
    a time."""
    return claim_list(ws, verdict=verdict, document_id=document_id, limit=limit, after=after)


After = Annotated[str | None, Query(max_length=400, description="Cursor from a `next` link.")]


@router.get("/hypotheses", response_model=HypothesisList)
def hypotheses(
    ws: WorkspaceDep,
    limit: Annotated[
        int | None,
        Query(ge=1, le=MAX_HYPOTHESES, description="Hypotheses per page (default 50)."),
    ] = None,
    after: After = None,
    evidence: Annotated[
        int | None,
        Query(
            ge=0,
            le=MAX_EVIDENCE,
            description="Items of evidence shown with each hypothesis (default 20); the rest "
            "from its `evidence_next`.",
        ),
    ] = None,
) -> dict[str, Any]:
    """Hypotheses with their scores over all their evidence and its first items, a page at a
    time (empty until the analysis is installed)."""
    return hypothesis_list(ws, limit=limit, after=after, evidence=evidence)


@router.get("/hypotheses/{hypothesis_id}/evidence", response_model=HypothesisEvidence)
def evidence(
    ws: WorkspaceDep,
    hypothesis_id: str,
    limit: Annotated[
        int | None,
        Query(ge=1, le=MAX_EVIDENCE, description="Items per page (default 100)."),
    ] = None,
    after: After = None,
) -> dict[str, Any]:
    """One hypothesis' evidence, rated C, I or N, a page at a time: events, then claims."""
    return hypothesis_evidence(ws, hypothesis_id, limit=limit, after=after)
