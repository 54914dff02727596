"""GET /api/dyad, /api/triangle, /api/votes/align and /api/changes."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from axiswatch.api.analyses import changes_json, dyad_json, triangle_json, votes_json
from axiswatch.api.routers import ERRORS
from axiswatch.api.schemas import ChangesOut, DyadOut, TriangleOut, VotesOut
from axiswatch.api.state import AnalysisDep

router = APIRouter(prefix="/api", tags=["analyses"], responses=ERRORS)

Actor = Annotated[str, Query(min_length=1, description="Actor code, e.g. RUS.")]
Period = Annotated[str, Query(description="year, quarter or month.")]
Epistemic = Annotated[
    list[str] | None,
    Query(description="Statuses to keep (repeatable; default asserted,reported; 'all')."),
]
Count = Annotated[
    Literal["events", "mentions"],
    Query(description="events (each act once) or mentions (every coded sentence)."),
]
Reviewed = Annotated[bool, Query(description="Only events an analyst accepted or corrected.")]


@router.get("/dyad", response_model=DyadOut)
def dyad(
    ws: AnalysisDep,
    a: Actor,
    b: Actor,
    by: Period = "year",
    epistemic: Epistemic = None,
    count: Count = "events",
    reviewed: Reviewed = False,
) -> dict[str, Any]:
    """Events between A and B per period and direction: counts by QuadClass, Goldstein."""
    return dyad_json(ws, a, b, by=by, epistemic=epistemic, count=count, reviewed=reviewed)


@router.get("/triangle", response_model=TriangleOut)
def triangle(
    ws: AnalysisDep,
    a: Actor = "CHN",
    b: Actor = "RUS",
    c: Actor = "PRK",
    by: Period = "year",
    tau: Annotated[float, Query(ge=0)] = 1.0,
    n_min: Annotated[int, Query(ge=1)] = 1,
    symmetric: bool = False,
    epistemic: Epistemic = None,
    window: Annotated[
        int, Query(ge=1, le=50, description="Periods pooled for each sign (1: the period).")
    ] = 1,
    count: Count = "events",
    reviewed: Reviewed = False,
) -> dict[str, Any]:
    """The A-B-C triangle per period: dyad signs, Dittmer's pattern, balance, flips."""
    return triangle_json(
        ws,
        a,
        b,
        c,
        by=by,
        tau=tau,
        n_min=n_min,
        symmetric=symmetric,
        epistemic=epistemic,
        window=window,
        count=count,
        reviewed=reviewed,
    )


@router.get("/votes/align", response_model=VotesOut)
def votes_align(
    ws: AnalysisDep,
    countries: Annotated[str, Query(description="Two or more ISO codes: RUS,CHN,PRK.")],
    start: Annotated[int, Query(alias="from", ge=1946, le=2100)] = 1991,
    end: Annotated[int, Query(alias="to", ge=1946, le=2100)] = 2024,
    by: Annotated[str, Query(description="session or year.")] = "session",
    dataset: Annotated[
        str | None,
        Query(
            max_length=64,
            pattern=r"^[A-Za-z0-9._-]+$",
            description="UN vote dataset; default: the newest covering the period.",
        ),
    ] = None,
    successors: Annotated[
        bool, Query(description="Soviet Union's votes (to 1991) count as Russia's.")
    ] = True,
) -> dict[str, Any]:
    """UN General Assembly voting alignment of every pair of the countries."""
    return votes_json(
        ws, countries, start=start, end=end, by=by, dataset=dataset, successors=successors
    )


@router.get("/changes", response_model=ChangesOut)
def changes(
    ws: AnalysisDep,
    a: Actor,
    b: Actor,
    by: Period = "month",
    penalty: Annotated[float, Query(gt=0)] = 2.0,
    epistemic: Epistemic = None,
    count: Count = "events",
    reviewed: Reviewed = False,
) -> dict[str, Any]:
    """Change points in the A-B mean-Goldstein series (PELT), with the events near each."""
    return changes_json(
        ws, a, b, by=by, penalty=penalty, epistemic=epistemic, count=count, reviewed=reviewed
    )
