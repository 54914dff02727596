"""POST /api/events/{event_id}/review: accept, reject, correct, merge or split (token needed)."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from axiswatch.api.auth import require_token
from axiswatch.api.evidence import event_detail
from axiswatch.api.routers import ERRORS
from axiswatch.api.state import app_state

router = APIRouter(prefix="/api/events", tags=["write"], responses=ERRORS)


class ReviewIn(BaseModel):
    """One review of an event."""

    action: Literal["accept", "reject", "edit", "merge", "split"]
    changes: dict[str, str] = Field(
        default_factory=dict,
        description="For edit: event_type, source, target, date_start, date_end, epistemic.",
    )
    others: list[str] = Field(default_factory=list, description="For merge: the other events.")
    mentions: list[str] = Field(
        default_factory=list, description="For split: the mention ids to make an event of."
    )
    note: str | None = Field(None, max_length=2000)
    reviewer: str | None = Field(None, max_length=200)


@router.post("/{event_id}/review", status_code=201, dependencies=[Depends(require_token)])
async def review(request: Request, event_id: str, posted: ReviewIn) -> dict[str, Any]:
    """Record a review; answers the review and the event as it now stands (reviews are kept
    apart from extraction and survive re-extraction; the later of two reviews wins)."""
    state = app_state(request)

    def store() -> dict[str, Any]:
        with state.writer() as ws:
            own = [m["event_id"] for m in ws.mentions(ws.event_id_of(event_id))]
            stays = next((m for m in own if m not in posted.mentions), own[0])
            done = ws.review(
                event_id,
                posted.action,
                changes=posted.changes or None,
                others=posted.others,
                mentions=posted.mentions,
                note=posted.note,
                reviewer=posted.reviewer or "api",
            )
            return {"review": done.to_dict(), **event_detail(ws, ws.event_id_of(stays))}

    return await run_in_threadpool(store)
