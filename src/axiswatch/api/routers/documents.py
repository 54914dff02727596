"""GET /api/documents and /api/documents/{document_id}."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from axiswatch.api.evidence import document_detail, list_documents
from axiswatch.api.routers import ERRORS
from axiswatch.api.schemas import DocumentDetail, DocumentList
from axiswatch.api.state import WorkspaceDep

router = APIRouter(prefix="/api/documents", tags=["documents"], responses=ERRORS)


@router.get("", response_model=DocumentList)
def documents(
    ws: WorkspaceDep,
    limit: Annotated[
        int | None, Query(ge=1, le=5000, description="Documents per page (default 100).")
    ] = None,
    after: Annotated[
        str | None, Query(max_length=400, description="Cursor from a `next` link.")
    ] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words of the title.")] = None,
    publisher: Annotated[str | None, Query(max_length=200)] = None,
    since: Annotated[str | None, Query(description="Published from (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, Query(description="Published up to (YYYY-MM-DD).")] = None,
) -> dict[str, Any]:
    """Stored documents in ingestion order, a page at a time, with their event counts."""
    return list_documents(
        ws, limit=limit, after=after, words=q, publisher=publisher, since=since, until=until
    )


@router.get("/{document_id}", response_model=DocumentDetail)
def document(ws: WorkspaceDep, document_id: str) -> dict[str, Any]:
    """One document (by id or unique prefix): its text, its events and its claims."""
    return document_detail(ws, document_id)
