"""`axiswatch documents`: list stored documents or show one."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.markup import escape

from axiswatch.cli.options import (
    DEFAULT_DB_PATH,
    DbOption,
    FormatOption,
    LimitOption,
    OutputFormat,
    resolve_db,
)
from axiswatch.cli.output import cli_errors, render_rows, stdout_console

app = typer.Typer(help="List stored documents, or show one.", no_args_is_help=False)

LIST_COLUMNS = ["id", "title", "published", "words"]


@app.callback(invoke_without_command=True)
@cli_errors
def documents_cmd(
    ctx: typer.Context,
    db: DbOption = DEFAULT_DB_PATH,
    fmt: FormatOption = OutputFormat.table,
    limit: LimitOption = None,
) -> None:
    """List documents: id prefix, title, publication date, words."""
    from axiswatch.workspace import Workspace

    if ctx.invoked_subcommand is not None:
        return
    with Workspace(resolve_db(db)) as ws:
        rows = [
            {
                "id": d.document_id[:12],
                "document_id": d.document_id,
                "title": d.title,
                "published": d.published_iso,
                "published_source": d.published_source,
                "words": d.words,
                "path": d.path,
                "media_type": d.media_type,
            }
            for d in ws.documents(limit=limit)
        ]
    render_rows(rows, LIST_COLUMNS, fmt, title="documents")


@app.command("show")
@cli_errors
def show_cmd(
    document_id: Annotated[str, typer.Argument(help="Document id or a unique prefix.")],
    db: DbOption = DEFAULT_DB_PATH,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Print one document: its metadata, then its text."""
    from axiswatch.workspace import Workspace

    with Workspace(resolve_db(db)) as ws:
        document = ws.document(document_id)
    if fmt is OutputFormat.json:
        sys.stdout.write(json.dumps(document.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    if fmt is OutputFormat.csv:
        render_rows([document.to_dict()], [], fmt)
        return
    console = stdout_console()
    meta = document.to_dict(with_text=False)
    for key in (
        "document_id",
        "title",
        "published",
        "published_source",
        "url",
        "publisher",
        "language",
        "media_type",
        "path",
        "words",
    ):
        if meta.get(key) is not None:
            console.print(f"[bold]{key}[/bold]: {escape(str(meta[key]))}", highlight=False)
    console.print()
    sys.stdout.write(document.text + "\n")
