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
    ws: WorkspaceDep, limit: Annotated[int | None, Query(ge=1, le=5000)] = None
) -> dict[str, Any]:
    """Stored documents in ingestion order, with their event counts."""
    return list_documents(ws, limit=limit)


@router.get("/{document_id}", response_model=DocumentDetail)
def document(ws: WorkspaceDep, document_id: str) -> dict[str, Any]:
    """One document (by id or unique prefix): its text, its events and its claims."""
    return document_detail(ws, document_id)
