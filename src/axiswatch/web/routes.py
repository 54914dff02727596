"""The workbench's HTML pages. Each route calls one page function and renders its template.

Templates are Jinja2 with autoescaping on, so every value from the workspace (document text,
titles, sentences) is shown as text; the only markup inserted as it is comes from
:mod:`axiswatch.web.marks` (escaped text with <mark> elements) and the SVG drawings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader

from axiswatch import __version__
from axiswatch.api.state import AnalysisDep, WorkspaceDep
from axiswatch.web.analysis_pages import dyad_page, graph_page, overview_page
from axiswatch.web.evidence_pages import (
    claims_page,
    documents_page,
    event_page,
    hypotheses_page,
    hypothesis_page,
    ingest_page,
    reader_page,
    timeline_page,
)
from axiswatch.web.votes_pages import rollcalls_page, votes_page

STATIC_DIR = Path(__file__).parent / "static"
NAV: tuple[tuple[str, str], ...] = (
    ("/", "Triangle"),
    ("/timeline", "Timeline"),
    ("/documents", "Documents"),
    ("/claims", "Claims"),
    ("/hypotheses", "Hypotheses"),
    ("/dyad", "Dyad"),
    ("/network", "Network"),
    ("/map", "Map"),
    ("/votes", "UN votes"),
    ("/ingest", "Ingest"),
)

templates = Environment(
    loader=PackageLoader("axiswatch.web", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
templates.globals.update(nav=NAV, version=__version__)

router = APIRouter(include_in_schema=False)

Text = Annotated[str | None, Query()]


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    """A template rendered with the request's path (for the navigation) and the context."""
    html = templates.get_template(name).render(path=request.url.path, **context)
    return HTMLResponse(html, status_code=status)


def render_error(request: Request, status: int, code: str, message: str) -> Response:
    """The HTML error page (the JSON twin has the same status, code and message)."""
    context = {"title": f"{status} {code}", "status": status, "code": code, "message": message}
    return render(request, "error.html", context, status)


@router.get("/", response_class=HTMLResponse)
def overview(
    request: Request,
    ws: AnalysisDep,
    a: str = "CHN",
    b: str = "RUS",
    c: str = "PRK",
    by: str = "year",
) -> Response:
    """The triangle now and by period; each sign links to the events behind it."""
    return render(request, "overview.html", overview_page(ws, (a, b, c), by=by))


@router.get("/timeline", response_class=HTMLResponse)
def timeline(
    request: Request,
    ws: WorkspaceDep,
    actor: Text = None,
    dyad: Text = None,
    event_type: Annotated[str | None, Query(alias="type")] = None,
    since: Text = None,
    until: Text = None,
    epistemic: Text = None,
    count: Text = None,
    review: Text = None,
    min_confidence: Text = None,
    document: Text = None,
    limit: Annotated[int | None, Query(ge=1, le=5000)] = None,
    after: Annotated[str | None, Query(max_length=400)] = None,
) -> Response:
    """Events with their sentences, filtered by the GET form, a page at a time."""
    values = {
        "actor": actor,
        "dyad": dyad,
        "type": event_type,
        "since": since,
        "until": until,
        "epistemic": epistemic,
        "count": count,
        "review": review,
        "min_confidence": min_confidence,
        "document": document,
    }
    return render(request, "timeline.html", timeline_page(ws, values, limit, after))


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, ws: WorkspaceDep, event_id: str) -> Response:
    """One event's evidence."""
    return render(request, "event.html", event_page(ws, event_id))


@router.get("/documents", response_class=HTMLResponse)
def documents(
    request: Request,
    ws: WorkspaceDep,
    q: Annotated[str | None, Query(max_length=200)] = None,
    publisher: Annotated[str | None, Query(max_length=200)] = None,
    since: Text = None,
    until: Text = None,
    limit: Text = None,
    after: Annotated[str | None, Query(max_length=400)] = None,
) -> Response:
    """The stored documents, filtered by title words, publisher and publication date, a page
    at a time."""
    values = {
        "q": q,
        "publisher": publisher,
        "since": since,
        "until": until,
        "limit": limit,
        "after": after,
    }
    return render(request, "documents.html", documents_page(ws, values))


@router.get("/ingest", response_class=HTMLResponse)
def ingest(request: Request, ws: WorkspaceDep) -> Response:
    """The form that stores files or a pasted text (through POST /api/ingest)."""
    return render(request, "ingest.html", ingest_page(ws))


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document(request: Request, ws: WorkspaceDep, document_id: str) -> Response:
    """The reader: the text with events and claims marked."""
    return render(request, "document.html", reader_page(ws, document_id))


@router.get("/claims", response_class=HTMLResponse)
def claims(
    request: Request,
    ws: WorkspaceDep,
    verdict: Text = None,
    after: Annotated[str | None, Query(max_length=400)] = None,
) -> Response:
    """Claims with verdicts and the reference rows behind them, a page at a time."""
    return render(request, "claims.html", claims_page(ws, verdict, after))


@router.get("/hypotheses", response_class=HTMLResponse)
def hypotheses(
    request: Request, ws: WorkspaceDep, after: Annotated[str | None, Query(max_length=400)] = None
) -> Response:
    """Hypotheses with their scores and first items of evidence, a page at a time."""
    return render(request, "hypotheses.html", hypotheses_page(ws, after))


@router.get("/hypotheses/{hypothesis_id}", response_class=HTMLResponse)
def hypothesis(
    request: Request,
    ws: WorkspaceDep,
    hypothesis_id: str,
    after: Annotated[str | None, Query(max_length=400)] = None,
) -> Response:
    """One hypothesis with its evidence, a page at a time."""
    return render(request, "hypothesis.html", hypothesis_page(ws, hypothesis_id, after))


@router.get("/dyad", response_class=HTMLResponse)
def dyad(
    request: Request, ws: AnalysisDep, a: str = "RUS", b: str = "PRK", by: str = "year"
) -> Response:
    """Charts and the table of one dyad."""
    return render(request, "dyad.html", dyad_page(ws, a, b, by=by))


@router.get("/network", response_class=HTMLResponse)
def network(
    request: Request,
    ws: WorkspaceDep,
    since: Text = None,
    until: Text = None,
    epistemic: Text = None,
    actor: Text = None,
) -> Response:
    """Actors placed by their ties, sized by their events; ``actor`` focuses on one."""
    page = graph_page(
        ws, since=since, until=until, epistemic=epistemic, kind="network", focus=actor
    )
    return render(request, "graph.html", page)


@router.get("/map", response_class=HTMLResponse)
def world_map(
    request: Request,
    ws: WorkspaceDep,
    since: Text = None,
    until: Text = None,
    epistemic: Text = None,
    actor: Text = None,
    region: Text = None,
) -> Response:
    """Countries coloured by their events with ``actor``; actors at their capitals, tied."""
    page = graph_page(
        ws,
        since=since,
        until=until,
        epistemic=epistemic,
        kind="map",
        focus=actor,
        region=region or None,
    )
    return render(request, "graph.html", page)


@router.get("/votes", response_class=HTMLResponse)
def votes(
    request: Request,
    ws: AnalysisDep,
    countries: Text = None,
    start: Text = None,
    end: Text = None,
    by: Text = None,
    measure: Text = None,
    dataset: Text = None,
) -> Response:
    """UN General Assembly voting alignment of chosen states, chart and table."""
    values = {
        "countries": countries,
        "start": start,
        "end": end,
        "by": by,
        "measure": measure,
        "dataset": dataset,
    }
    return render(request, "votes.html", votes_page(ws, values))


@router.get("/votes/rollcalls", response_class=HTMLResponse)
def rollcalls(
    request: Request,
    ws: AnalysisDep,
    a: Text = None,
    b: Text = None,
    period: Text = None,
    by: Text = None,
    dataset: Text = None,
    version: Text = None,
) -> Response:
    """The roll calls behind one cell of the UN votes table."""
    values = {"a": a, "b": b, "period": period, "by": by, "dataset": dataset, "version": version}
    return render(request, "rollcalls.html", rollcalls_page(ws, values))
