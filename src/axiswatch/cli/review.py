"""`axiswatch review`: list events to review; accept, reject, correct, merge or split them."""

from __future__ import annotations

import getpass
import os
from typing import Annotated, Any

import typer

from axiswatch.cli.events import LIST_COLUMNS, make_filter
from axiswatch.cli.options import (
    DEFAULT_DB_PATH,
    DbOption,
    FormatOption,
    LimitOption,
    OutputFormat,
    resolve_db,
)
from axiswatch.cli.output import cli_errors, render_rows, say
from axiswatch.errors import InputError

app = typer.Typer(
    help="Review extracted events: list them, then accept, reject, edit, merge or split by id. "
    "Reviews are kept apart from extraction and survive `reextract`.",
    no_args_is_help=True,
)

ENV_REVIEWER = "AXISWATCH_REVIEWER"
PAST = {"accept": "accepted", "reject": "rejected"}
IdsArg = Annotated[list[str], typer.Argument(help="Event ids (or ids of their mentions).")]
NoteOpt = Annotated[str | None, typer.Option("--note", help="Why, for the review history.")]
ReviewerOpt = Annotated[
    str | None,
    typer.Option("--reviewer", envvar=ENV_REVIEWER, help="Who reviews (default: the login name)."),
]


def _reviewer(value: str | None) -> str:
    if value:
        return value
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USER", "unknown")


@app.command("list")
@cli_errors
def list_cmd(
    document: Annotated[str | None, typer.Option("--document", help="Document id.")] = None,
    dyad: Annotated[str | None, typer.Option("--dyad", help="Both directions of A-B.")] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Events touching it.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="YYYY-MM-DD.")] = None,
    status: Annotated[
        str,
        typer.Option(
            "--status",
            help="unreviewed (default), accepted, corrected, rejected, reviewed or any.",
        ),
    ] = "unreviewed",
    min_confidence: Annotated[
        float | None,
        typer.Option("--min-confidence", min=0.0, max=1.0, help="Only events at least this sure."),
    ] = None,
    db: DbOption = DEFAULT_DB_PATH,
    fmt: FormatOption = OutputFormat.table,
    limit: LimitOption = None,
) -> None:
    """Events of a document, dyad or period that await review (or have the status asked)."""
    from dataclasses import replace

    from axiswatch.workspace import Workspace

    flt = make_filter(
        actor, dyad, None, since, until, None, limit, review=status, min_confidence=min_confidence
    )
    with Workspace(resolve_db(db)) as ws:
        if document:
            flt = replace(flt, document_id=ws.document(document).document_id)
        rows = [e.to_dict() for e in ws.event_list(flt) if e.origin == "extracted"]
    render_rows(rows, LIST_COLUMNS, fmt, title=f"events to review ({status})")


def _review_each(
    db: Any, ids: list[str], action: str, note: str | None, reviewer: str | None
) -> None:
    from axiswatch.workspace import Workspace

    with Workspace(resolve_db(db)) as ws:
        events = [ws.event_id_of(i) for i in ids]  # every id checked before anything is stored
        for event_id in dict.fromkeys(events):
            review = ws.review(event_id, action, note=note, reviewer=_reviewer(reviewer))
            say(f"{PAST[action]} {event_id} ({review.review_id})")


@app.command("accept")
@cli_errors
def accept_cmd(
    ids: IdsArg, note: NoteOpt = None, reviewer: ReviewerOpt = None, db: DbOption = DEFAULT_DB_PATH
) -> None:
    """Mark events as right."""
    _review_each(db, ids, "accept", note, reviewer)


@app.command("reject")
@cli_errors
def reject_cmd(
    ids: IdsArg, note: NoteOpt = None, reviewer: ReviewerOpt = None, db: DbOption = DEFAULT_DB_PATH
) -> None:
    """Mark events as wrong: they leave every indicator, and stay out after `reextract`."""
    _review_each(db, ids, "reject", note, reviewer)


@app.command("edit")
@cli_errors
def edit_cmd(
    event_id: Annotated[str, typer.Argument(help="Event id.")],
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER type.")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Actor code.")] = None,
    target: Annotated[str | None, typer.Option("--target", help="Actor code.")] = None,
    date: Annotated[str | None, typer.Option("--date", help="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    date_end: Annotated[str | None, typer.Option("--date-end", help="End of a span.")] = None,
    epistemic: Annotated[
        str | None, typer.Option("--epistemic", help="asserted, reported, ...")
    ] = None,
    swap: Annotated[bool, typer.Option("--swap", help="Reverse the direction.")] = False,
    note: NoteOpt = None,
    reviewer: ReviewerOpt = None,
    db: DbOption = DEFAULT_DB_PATH,
) -> None:
    """Correct an event's type, actors, direction, date or epistemic status."""
    from axiswatch.workspace import Workspace

    changes: dict[str, str] = {}
    with Workspace(resolve_db(db)) as ws:
        event = ws.event(ws.event_id_of(event_id))
        if swap:
            if source or target:
                raise InputError("--swap: give either --swap or --source/--target, not both")
            changes.update(source=event.target or "", target=event.source or "")
        values = {
            "event_type": event_type,
            "source": source,
            "target": target,
            "date_start": date,
            "date_end": date_end,
            "epistemic": epistemic,
        }
        changes.update({k: v for k, v in values.items() if v is not None})
        if not changes:
            raise InputError("edit: give a field to change (--type, --source, --date, ...)")
        review = ws.review(
            event.event_id, "edit", changes=changes, note=note, reviewer=_reviewer(reviewer)
        )
    say(f"corrected {event.event_id} ({review.review_id}): {review.changes}")


@app.command("merge")
@cli_errors
def merge_cmd(
    event_id: Annotated[str, typer.Argument(help="Event id.")],
    others: Annotated[list[str], typer.Argument(help="The events that are the same act.")],
    note: NoteOpt = None,
    reviewer: ReviewerOpt = None,
    db: DbOption = DEFAULT_DB_PATH,
) -> None:
    """Join events that report one act."""
    from axiswatch.workspace import Workspace

    with Workspace(resolve_db(db)) as ws:
        first = ws.mentions(event_id)[0]["event_id"]
        review = ws.review(
            event_id, "merge", others=others, note=note, reviewer=_reviewer(reviewer)
        )
        merged = ws.event_id_of(first)
    say(f"merged into {merged} ({review.review_id})")


@app.command("split")
@cli_errors
def split_cmd(
    event_id: Annotated[str, typer.Argument(help="Event id.")],
    mentions: Annotated[list[str], typer.Argument(help="Mention ids to make an event of.")],
    note: NoteOpt = None,
    reviewer: ReviewerOpt = None,
    db: DbOption = DEFAULT_DB_PATH,
) -> None:
    """Take mentions out of an event into an event of their own."""
    from axiswatch.workspace import Workspace

    with Workspace(resolve_db(db)) as ws:
        review = ws.review(
            event_id, "split", mentions=mentions, note=note, reviewer=_reviewer(reviewer)
        )
        new = ws.event_id_of(mentions[0])
    say(f"split {', '.join(mentions)} into {new} ({review.review_id})")


@app.command("history")
@cli_errors
def history_cmd(
    event_id: Annotated[str | None, typer.Argument(help="Event id (default: all).")] = None,
    db: DbOption = DEFAULT_DB_PATH,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Every review, oldest first, with who made it and when."""
    from axiswatch.workspace import Workspace

    with Workspace(resolve_db(db)) as ws:
        rows = [r.to_dict() for r in ws.reviews(event_id)]
    columns = ["created_at", "reviewer", "action", "event_id", "changes", "note"]
    render_rows(rows, columns, fmt, title="reviews")
