"""GET /api/actors (search or the workspace's actors), /api/actors/resolve, /api/actors/{id},
/api/network and its GraphML/GEXF files."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from axiswatch.api.actors import (
    actor_detail,
    actor_graph,
    actor_list,
    resolve_actor,
)
from axiswatch.api.evidence import event_filter
from axiswatch.api.routers import ERRORS
from axiswatch.api.schemas import ActorList, Graph
from axiswatch.api.state import WorkspaceDep

router = APIRouter(prefix="/api", tags=["actors"], responses=ERRORS)


@router.get("/actors", response_model=ActorList)
def actors(
    ws: WorkspaceDep,
    q: Annotated[str | None, Query(description="Search names and aliases.")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 25,
) -> dict[str, Any]:
    """Knowledge-base actors and persons matching ``q``; without it, the workspace's actors."""
    return actor_list(ws, q, limit=limit)


@router.get("/actors/resolve")
def resolve(
    ws: WorkspaceDep,
    text: Annotated[str, Query(description="A name, title or phrase.")],
    date: Annotated[str | None, Query(description="The day it refers to (YYYY-MM-DD).")] = None,
) -> dict[str, Any]:
    """What a name or phrase refers to: actor, person, role, confidence and the rule used."""
    return resolve_actor(ws, text, date=date)


@router.get("/actors/{actor_id}")
def actor(ws: WorkspaceDep, actor_id: str) -> dict[str, Any]:
    """An actor of the knowledge base, with its events' counterparts in the workspace."""
    return actor_detail(ws, actor_id)


@router.get("/network", response_model=Graph)
def network(
    ws: WorkspaceDep,
    since: str | None = None,
    until: str | None = None,
    epistemic: str | None = None,
    count: Annotated[
        Literal["events", "mentions"],
        Query(description="events (each act once) or mentions (every coded sentence)."),
    ] = "events",
    reviewed: Annotated[
        bool, Query(description="Only events an analyst accepted or corrected.")
    ] = False,
) -> dict[str, Any]:
    """Actors and the pairs with events between them (the twin of /network and /map)."""
    flt = event_filter(
        since=since,
        until=until,
        epistemic=epistemic,
        count=count,
        review="reviewed" if reviewed else None,
    )
    return actor_graph(ws, flt)


@router.get("/network.{fmt}", response_class=Response)
def network_file(
    ws: WorkspaceDep,
    fmt: Annotated[Literal["graphml", "gexf"], Path(description="graphml or gexf")],
    since: str | None = None,
    until: str | None = None,
    epistemic: str | None = None,
    actor: Annotated[str | None, Query(description="Only this actor and its neighbours.")] = None,
) -> Response:
    """The actor graph as a GraphML or GEXF file (for Gephi), as shown on /network."""
    from axiswatch.web.graph_export import FORMATS, export_graph
    from axiswatch.web.network import focus_graph

    graph = actor_graph(ws, event_filter(since=since, until=until, epistemic=epistemic))
    if actor:
        graph = focus_graph(graph, actor.strip().upper())
    headers = {"Content-Disposition": f'attachment; filename="axiswatch-network.{fmt}"'}
    return Response(export_graph(graph, fmt), media_type=FORMATS[fmt], headers=headers)
