"""`axiswatch actors`: resolve a name to an actor, search the knowledge base, show an entry."""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from axiswatch.cli.options import OutputFormat
from axiswatch.cli.output import cli_errors, render_rows, stdout_console
from axiswatch.errors import ActorDataError, InputError, NotFoundError

if TYPE_CHECKING:
    from axiswatch.actors import ActorKB

app = typer.Typer(
    help="Resolve names of states, organisations and officials; search and show entries.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class ViewFormat(StrEnum):
    """How one result is written to stdout."""

    table = "table"
    json = "json"


ActorsFileOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--actors-file",
        help="Extra actors and persons (YAML or CSV), laid over the built-ins; repeatable.",
        show_default=False,
    ),
]
ViewFormatOption = Annotated[
    ViewFormat, typer.Option("--format", "-f", help="Output format: table or json.")
]
ListFormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="Output format: table, json or csv.")
]
SEARCH_COLUMNS = ["id", "kind", "name", "state", "matched"]


def _kb(files: list[Path] | None) -> ActorKB:
    from axiswatch.actors import ActorKB

    return ActorKB.load(files or ())


def _date(value: str | None) -> date | None:
    from axiswatch.actors.datafiles import parse_date

    if value is None:
        return None
    try:
        return parse_date(value, "--date")
    except ActorDataError as e:
        raise InputError(str(e)) from None


def _json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def _fields_table(title: str, fields: dict[str, Any]) -> Table:
    table = Table(title=escape(title), show_header=False)
    table.add_column("field", style="bold")
    table.add_column("value")
    for key, value in fields.items():
        if isinstance(value, list | tuple):
            value = ", ".join(str(v) for v in value)
        table.add_row(key, escape("" if value is None else str(value)))
    return table


@app.command("resolve")
@cli_errors
def resolve_cmd(
    text: Annotated[str, typer.Argument(help="A name, title or phrase, e.g. 'Russian President'.")],
    on: Annotated[
        str | None,
        typer.Option("--date", help="The date the text speaks of (YYYY-MM-DD, YYYY-MM or YYYY)."),
    ] = None,
    fmt: ViewFormatOption = ViewFormat.table,
    actors_file: ActorsFileOption = None,
) -> None:
    """Say which actor (and person, office) a name refers to, or list the candidates."""
    day = _date(on)
    result = _kb(actors_file).resolve(text, day).to_dict()
    if fmt is ViewFormat.json:
        _json(result)
        return
    stdout_console().print(_fields_table(text, result))


@app.command("search")
@cli_errors
def search_cmd(
    text: Annotated[str, typer.Argument(help="Part of a name, alias or id.")],
    fmt: ListFormatOption = OutputFormat.table,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="At most this many.")] = 25,
    actors_file: ActorsFileOption = None,
) -> None:
    """List actors and persons whose id, name or alias contains the text."""
    hits = _kb(actors_file).search(text, limit=limit)
    rows = [
        {"id": h.id, "kind": h.kind, "name": h.name, "state": h.state, "matched": h.matched}
        for h in hits
    ]
    render_rows(rows, SEARCH_COLUMNS, fmt, title=f"actors matching {text!r}")


@app.command("show")
@cli_errors
def show_cmd(
    ident: Annotated[str, typer.Argument(metavar="ID", help="An actor id (PRK) or a person.")],
    fmt: ViewFormatOption = ViewFormat.table,
    actors_file: ActorsFileOption = None,
) -> None:
    """Show an actor (names, aliases, office holders) or a person (offices over time)."""
    kb = _kb(actors_file)
    actor = kb.actor(ident)
    if actor is not None:
        offices = [{"person": p.name, **a.to_dict()} for p, a in kb.offices(actor.actor_id)]
        if fmt is ViewFormat.json:
            _json({**actor.to_dict(), "offices": offices})
            return
        console = stdout_console()
        console.print(_fields_table(actor.actor_id, actor.to_dict()))
        if offices:
            console.print(_timeline(f"offices of {actor.actor_id}", offices, "person"))
        return
    person = kb.person(ident)
    if person is None:
        raise NotFoundError(f"no actor or person '{ident}'; try: axiswatch actors search {ident!r}")
    data = person.to_dict()
    if fmt is ViewFormat.json:
        _json(data)
        return
    console = stdout_console()
    offices = data.pop("affiliations")
    console.print(_fields_table(person.name, data))
    if offices:
        console.print(_timeline(f"offices of {person.name}", offices, "state"))


def _timeline(title: str, rows: list[dict[str, Any]], who: str) -> Table:
    table = Table(title=escape(title))
    for column in ("start", "end", who, "role", "to", "title"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            *(escape(str(row.get(c) or "")) for c in ("start", "end", who, "role", "to", "title"))
        )
    return table
