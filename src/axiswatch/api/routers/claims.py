"""GET /api/claims (with verdicts) and /api/hypotheses."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from axiswatch.api.claims import claim_list, hypothesis_list
from axiswatch.api.routers import ERRORS
from axiswatch.api.schemas import ClaimList, HypothesisList
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


@router.get("/hypotheses", response_model=HypothesisList)
def hypotheses(ws: WorkspaceDep) -> dict[str, Any]:
    """Hypotheses with their evidence and scores (empty until the analysis is installed)."""
    return hypothesis_list(ws)
