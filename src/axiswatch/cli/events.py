"""`axiswatch events` and `axiswatch timeline`: stored events, filtered, with their evidence."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from axiswatch.cli.checks import existing_workspace, known_actors, known_event_type
from axiswatch.cli.ingest import parse_date_option
from axiswatch.cli.options import (
    DEFAULT_DB_PATH,
    DbOption,
    FormatOption,
    LimitOption,
    OutputFormat,
    resolve_db,
)
from axiswatch.cli.output import cli_errors, render_rows, stdout_console
from axiswatch.errors import InputError
from axiswatch.model import EPISTEMIC_VALUES

if TYPE_CHECKING:
    from axiswatch.store.events import EventFilter

if TYPE_CHECKING:
    from axiswatch.workspace import Workspace

app = typer.Typer(help="List stored events with filters, or show one with its evidence.")

LIST_COLUMNS = [
    "event_id",
    "date_start",
    "date_end",
    "source",
    "target",
    "event_type",
    "mode",
    "epistemic",
    "mentions",
    "review",
    "trigger",
]

ActorOpt = Annotated[str | None, typer.Option("--actor", help="Events touching this actor.")]
DyadOpt = Annotated[str | None, typer.Option("--dyad", help="Both directions of A-B.")]
TypeOpt = Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. CONSULT.")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="From this date (YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Up to this date (YYYY-MM-DD).")]
EpiOpt = Annotated[str | None, typer.Option("--epistemic", help="asserted, reported, ...")]
CountOpt = Annotated[
    str,
    typer.Option(
        "--count", help="events (mentions of one act grouped) or mentions (every coded sentence)."
    ),
]
ReviewOpt = Annotated[
    str | None,
    typer.Option(
        "--review",
        help="unreviewed, accepted, corrected, rejected, reviewed or any "
        "(default: all but rejected).",
    ),
]
MinConfOpt = Annotated[
    float | None,
    typer.Option("--min-confidence", min=0.0, max=1.0, help="Only events at least this sure."),
]
DocOpt = Annotated[
    str | None, typer.Option("--document", help="Events with a mention in this document (id).")
]


def make_filter(
    actor: str | None,
    dyad: str | None,
    event_type: str | None,
    since: str | None,
    until: str | None,
    epistemic: str | None,
    limit: int | None,
    *,
    count: str = "events",
    review: str | None = None,
    min_confidence: float | None = None,
    document: str | None = None,
) -> EventFilter:
    """The filter from command-line values, checked."""
    from axiswatch.store.events import COUNTS, REVIEW_FILTERS, EventFilter, parse_dyad

    if epistemic and epistemic not in EPISTEMIC_VALUES:
        raise InputError(f"--epistemic {epistemic!r}: choose one of {', '.join(EPISTEMIC_VALUES)}")
    if count not in COUNTS:
        raise InputError(f"--count {count!r}: choose events or mentions")
    if review is not None and review not in REVIEW_FILTERS:
        raise InputError(f"--review {review!r}: choose one of {', '.join(REVIEW_FILTERS)}")
    return EventFilter(
        actor=actor,
        dyad=parse_dyad(dyad) if dyad else None,
        event_type=event_type,
        since=parse_date_option(since, option="--since"),
        until=parse_date_option(until, option="--until"),
        epistemic=epistemic,
        document_id=document,
        limit=limit,
        count=count,
        review=review,
        min_confidence=min_confidence,
    )


def _document_id(ws: Workspace, flt: EventFilter) -> EventFilter:
    """The filter with a document prefix expanded to its id (NotFoundError when unknown)."""
    if flt.document_id is None:
        return flt
    return replace(flt, document_id=ws.document(flt.document_id).document_id)


@app.callback(invoke_without_command=True)
@cli_errors
def events_cmd(
    ctx: typer.Context,
    actor: ActorOpt = None,
    dyad: DyadOpt = None,
    event_type: TypeOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    epistemic: EpiOpt = None,
    count: CountOpt = "events",
    review: ReviewOpt = None,
    min_confidence: MinConfOpt = None,
    document: DocOpt = None,
    db: DbOption = DEFAULT_DB_PATH,
    fmt: FormatOption = OutputFormat.table,
    limit: LimitOption = None,
) -> None:
    """List stored events (each act once, with its number of mentions)."""
    from axiswatch.workspace import Workspace

    if ctx.invoked_subcommand is not None:
        return
    event_type = known_event_type(event_type)
    flt = make_filter(
        actor,
        dyad,
        event_type,
        since,
        until,
        epistemic,
        limit,
        count=count,
        review=review,
        min_confidence=min_confidence,
        document=document,
    )
    path = existing_workspace(resolve_db(db))
    known_actors(path, [actor, *(dyad.replace(",", "-").split("-") if dyad else [])])
    with Workspace(path) as ws:
        rows = [e.to_dict() for e in ws.event_list(_document_id(ws, flt))]
    render_rows(rows, LIST_COLUMNS, fmt, title="events")


@app.command("show")
@cli_errors
def show_cmd(
    event_id: Annotated[str, typer.Argument(help="Event id.")],
    why: Annotated[bool, typer.Option("--why", help="Explain how it was coded.")] = False,
    db: DbOption = DEFAULT_DB_PATH,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """One event with its evidence; --why tells how it was coded and why its mentions joined."""
    from axiswatch.workspace import Workspace

    with Workspace(resolve_db(db)) as ws:
        event = ws.event(event_id)
        document = ws.document(event.document_id) if event.document_id else None
        grouped = event.origin == "extracted" and event.event_id.startswith("ev-")
        mentions = ws.mentions(event.event_id) if grouped else []
        history = ws.reviews(event.event_id) if grouped else []
    row = event.to_dict()
    row["mention_list"] = [
        {k: str(v) if v is not None else None for k, v in m.items()} for m in mentions
    ]
    row["review_history"] = [r.to_dict() for r in history]
    if fmt is not OutputFormat.table:
        render_rows([row], list(row), fmt) if fmt is OutputFormat.csv else sys.stdout.write(
            json.dumps(row, ensure_ascii=False, indent=2, default=str) + "\n"
        )
        return
    console = stdout_console()
    head = (
        f"{event.date_start}..{event.date_end}  {event.source} -> {event.target}  "
        f"{event.event_type} ({event.mode}, CAMEO {event.cameo})  {event.epistemic}"
    )
    console.print(escape(head), highlight=False)
    if event.review:
        console.print(
            f"review: {event.review}; {event.mentions or 1} mention(s) in "
            f"{event.documents or 1} document(s)",
            highlight=False,
        )
    for key in ("source_person", "target_person", "location", "quad_class", "goldstein"):
        if row.get(key) is not None:
            console.print(f"{key}: {escape(str(row[key]))}", highlight=False)
    if document is not None:
        console.print(
            f"document: {escape(document.title or '')} ({document.document_id[:12]})",
            highlight=False,
        )
    console.print(f"sentence: {escape(event.sentence or '')}", highlight=False)
    if why:
        console.print(f"rule: {escape(event.rule or '')}", highlight=False)
        console.print(
            f"trigger: {escape(event.trigger or '')!r} at characters "
            f"{event.start_char}-{event.end_char}",
            highlight=False,
        )
        for key, value in (event.why or {}).items():
            console.print(f"  {key}: {escape(str(value))}", highlight=False)
        console.print(f"confidence: {event.confidence}", highlight=False)
        for m in mentions:
            mark = "" if event.review == "unreviewed" or m["reviewed"] else " (new since review)"
            console.print(
                f"mention {m['event_id']}{mark}: {escape(m['reason'])}\n"
                f"    {escape(str(m['date_start']))} {m['source']} -> {m['target']} "
                f"{m['event_type']} | {escape(m['sentence'] or '')}",
                highlight=False,
            )
        for r in history:
            console.print(
                f"review {r.review_id} {r.created_at:%Y-%m-%d %H:%M} {r.reviewer or '?'}: "
                f"{r.action} {escape(json.dumps(dict(r.changes)) if r.changes else '')}"
                f"{escape(' – ' + r.note) if r.note else ''}",
                highlight=False,
            )


@cli_errors
def timeline_cmd(
    actor: ActorOpt = None,
    dyad: DyadOpt = None,
    event_type: TypeOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    epistemic: EpiOpt = None,
    count: CountOpt = "events",
    review: ReviewOpt = None,
    min_confidence: MinConfOpt = None,
    document: DocOpt = None,
    db: DbOption = DEFAULT_DB_PATH,
    fmt: FormatOption = OutputFormat.table,
    limit: LimitOption = None,
) -> None:
    """Events in date order, each with its evidence sentence and number of mentions."""
    from axiswatch.workspace import Workspace

    event_type = known_event_type(event_type)
    flt = make_filter(
        actor,
        dyad,
        event_type,
        since,
        until,
        epistemic,
        limit,
        count=count,
        review=review,
        min_confidence=min_confidence,
        document=document,
    )
    path = existing_workspace(resolve_db(db))
    known_actors(path, [actor, *(dyad.replace(",", "-").split("-") if dyad else [])])
    with Workspace(path) as ws:
        events = ws.event_list(_document_id(ws, flt))
    if fmt is not OutputFormat.table:
        render_rows([e.to_dict() for e in events], LIST_COLUMNS, fmt)
        return
    console = stdout_console()
    for e in events:
        when = e.date_start if e.date_start == e.date_end else f"{e.date_start}..{e.date_end}"
        console.print(
            f"[bold]{escape(str(when))}[/bold]  {e.source} -> {e.target}  "
            f"{e.event_type}  [dim]{e.epistemic}  {e.event_id}"
            f"{f'  {e.mentions} mentions' if (e.mentions or 1) > 1 else ''}[/dim]",
            highlight=False,
        )
        console.print(f"    {escape(e.sentence or '')}", highlight=False)
