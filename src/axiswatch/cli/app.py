"""The `axiswatch` command line: one thin command per Workspace operation."""

from __future__ import annotations

import logging
import os
from typing import Annotated

import typer

from axiswatch import __version__
from axiswatch.cli import actors as actors_cli
from axiswatch.cli import analysis as analysis_cli
from axiswatch.cli import claims as claims_cli
from axiswatch.cli import documents as documents_cli
from axiswatch.cli import eventdata as eventdata_cli
from axiswatch.cli import events as events_cli
from axiswatch.cli import imports as imports_cli
from axiswatch.cli import reference as reference_cli
from axiswatch.cli import review as review_cli
from axiswatch.cli.demo import demo_cmd
from axiswatch.cli.evaluate import eval_cmd, export_gold_cmd
from axiswatch.cli.extract import extract_cmd, reextract_cmd
from axiswatch.cli.ingest import ingest_cmd
from axiswatch.cli.options import DbOption, set_root_db
from axiswatch.cli.serve import report_cmd, serve_cmd
from axiswatch.cli.verify import verify_cmd

app = typer.Typer(
    name="axiswatch",
    help="Turn writing on international relations into an evidence-linked model of states.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"axiswatch {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    db: DbOption = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress details.")] = False,
) -> None:
    """axiswatch: documents in, dated events and checked claims out."""
    set_root_db(db)
    level = (
        logging.INFO if verbose else getattr(logging, os.environ.get("AXISWATCH_LOG", "WARNING"))
    )
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


app.command("ingest")(ingest_cmd)
app.add_typer(documents_cli.app, name="documents")
app.command("demo")(demo_cmd)
app.command("extract")(extract_cmd)
app.command("reextract")(reextract_cmd)
app.add_typer(events_cli.app, name="events")
app.add_typer(review_cli.app, name="review")
app.add_typer(actors_cli.app, name="actors")
app.command("dyad")(analysis_cli.dyad_cmd)
app.command("triangle")(analysis_cli.triangle_cmd)
app.command("changes")(analysis_cli.changes_cmd)
app.add_typer(analysis_cli.votes_app, name="votes")
imports_cli.app.command("gdelt")(eventdata_cli.gdelt_cmd)
imports_cli.app.command("icews")(eventdata_cli.icews_cmd)
imports_cli.app.command("polecat")(eventdata_cli.polecat_cmd)
app.add_typer(imports_cli.app, name="import")
app.add_typer(reference_cli.app, name="reference")
eventdata_cli.export_app.command("gold")(export_gold_cmd)
app.add_typer(eventdata_cli.export_app, name="export")
app.command("eval")(eval_cmd)
app.command("verify")(verify_cmd)
app.command("claims")(claims_cli.claims_cmd)
app.command("hypotheses")(claims_cli.hypotheses_cmd)
app.command("serve")(serve_cmd)
app.command("report")(report_cmd)
app.command("timeline")(events_cli.timeline_cmd)


def main() -> None:
    """Console-script entry point."""
    app()
