"""GET /api/events (filtered), /api/events.csv (the same page as CSV) and
/api/events/{event_id} (with its evidence)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from axiswatch.api.evidence import (
    MAX_LIMIT,
    event_detail,
    event_filter,
    list_events,
)
from axiswatch.api.export import events_csv_text
from axiswatch.api.routers import ERRORS
from axiswatch.api.schemas import EventDetail, EventList
from axiswatch.api.state import WorkspaceDep
from axiswatch.store.events import EventFilter

router = APIRouter(prefix="/api/events", tags=["events"], responses=ERRORS)


def event_query(
    actor: Annotated[str | None, Query(description="Events touching this actor.")] = None,
    dyad: Annotated[str | None, Query(description="Both directions of A-B, e.g. RUS-PRK.")] = None,
    event_type: Annotated[str | None, Query(alias="type", description="PLOVER type.")] = None,
    since: Annotated[str | None, Query(description="From this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, Query(description="Up to this date (YYYY-MM-DD).")] = None,
    epistemic: Annotated[str | None, Query(description="asserted, reported, ...")] = None,
    document_id: Annotated[str | None, Query(description="Events of one document.")] = None,
    limit: Annotated[
        int | None,
        Query(ge=1, le=MAX_LIMIT, description="Events per page (default 500, at most 5000)."),
    ] = None,
    offset: Annotated[int, Query(ge=0, description="Skip this many (prefer `after`).")] = 0,
    after: Annotated[
        str | None,
        Query(max_length=400, description="Cursor from a `next` link: the page after it."),
    ] = None,
    count: Annotated[
        Literal["events", "mentions"],
        Query(description="events (each act once) or mentions (every coded sentence)."),
    ] = "events",
    review: Annotated[
        str | None,
        Query(description="unreviewed, accepted, corrected, rejected, reviewed or any."),
    ] = None,
    min_confidence: Annotated[
        float | None, Query(ge=0, le=1, description="Only events at least this sure.")
    ] = None,
) -> EventFilter:
    """The event filter the query parameters describe (shared by the JSON and CSV lists)."""
    return event_filter(
        actor=actor,
        dyad=dyad,
        event_type=event_type,
        since=since,
        until=until,
        epistemic=epistemic,
        document_id=document_id,
        limit=limit,
        count=count,
        review=review,
        min_confidence=min_confidence,
        offset=offset,
        after=after,
    )


EventQuery = Annotated[EventFilter, Depends(event_query)]


@router.get("", response_model=EventList)
def events(ws: WorkspaceDep, flt: EventQuery) -> dict[str, Any]:
    """Stored events matching every filter given, in date order, a page at a time."""
    return list_events(ws, flt, page=True)


@router.get(".csv", response_class=Response)
def events_csv(ws: WorkspaceDep, flt: EventQuery) -> Response:
    """The same page of events as /api/events with the same parameters, as CSV."""
    listing = list_events(ws, flt, page=True)
    headers = {"Content-Disposition": 'attachment; filename="axiswatch-events.csv"'}
    return Response(events_csv_text(listing["events"]), media_type="text/csv", headers=headers)


@router.get("/{event_id}", response_model=EventDetail)
def event(ws: WorkspaceDep, event_id: str) -> dict[str, Any]:
    """One event with its evidence: the sentence, offsets, document and why it was coded."""
    return event_detail(ws, event_id)
