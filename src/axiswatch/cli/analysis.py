"""`axiswatch dyad`, `triangle`, `changes` and `votes align`: the analyses on the command line.

The event analyses read the workspace by default, or Parquet events with ``--events``, on
DuckDB or on Spark (``--engine spark``): see :mod:`axiswatch.analysis.engines`.

The analysis modules (Ibis, ruptures, altair) are imported inside the commands so that
`axiswatch --help` and the other commands start fast.
"""

from __future__ import annotations

import json
import sys
from contextlib import AbstractContextManager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from axiswatch.cli.checks import existing_workspace, known_actors
from axiswatch.cli.options import (
    DEFAULT_DB_PATH,
    DbOption,
    FormatOption,
    OutputFormat,
    resolve_db,
)
from axiswatch.cli.output import cli_errors, render_rows, say

if TYPE_CHECKING:
    import altair as alt


class Period(StrEnum):
    """Calendar period of the event analyses."""

    year = "year"
    quarter = "quarter"
    month = "month"


class VotePeriod(StrEnum):
    """Period of the UN voting alignment."""

    session = "session"
    year = "year"


class Engine(StrEnum):
    """What runs the event analyses."""

    duckdb = "duckdb"
    spark = "spark"


class Missing(StrEnum):
    """What change detection does with periods that have too few events."""

    drop = "drop"
    interpolate = "interpolate"


ActorArg = Annotated[str, typer.Argument(help="Actor code, e.g. RUS.", show_default=False)]
ChartOption = Annotated[
    Path | None,
    typer.Option(
        "--chart",
        help="Also write a chart: .png, .svg, .html (self-contained) or .json (Vega-Lite).",
        show_default=False,
    ),
]
OriginOption = Annotated[
    list[str] | None,
    typer.Option(
        "--origin",
        help="Only events of this origin (repeatable): extracted, gdelt, icews, polecat, manual.",
        show_default=False,
    ),
]
EpistemicOption = Annotated[
    list[str] | None,
    typer.Option(
        "--epistemic",
        help="Keep events with this status (repeatable; default "
        "asserted and reported; 'all' keeps every status).",
        show_default=False,
    ),
]


class Count(StrEnum):
    """What an indicator counts."""

    events = "events"
    mentions = "mentions"


CountOption = Annotated[
    Count,
    typer.Option(
        "--count",
        help="events (each act once, however many sentences report it) or mentions "
        "(every coded sentence, the old behaviour).",
    ),
]
ReviewedOption = Annotated[
    bool,
    typer.Option("--reviewed", help="Only events an analyst accepted or corrected."),
]
EngineOption = Annotated[
    Engine,
    typer.Option(
        "--engine",
        help="duckdb (the workspace, or --events Parquet) or spark (--events Parquet on a "
        "Spark session; needs the spark extra and Java 17).",
    ),
]
EventsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--events",
        help="Read events from this Parquet file, folder or glob (repeatable) instead of the "
        "workspace, e.g. from `axiswatch export events`.",
        show_default=False,
    ),
]
SparkMasterOption = Annotated[
    str | None,
    typer.Option(
        "--spark-master",
        envvar="AXISWATCH_SPARK_MASTER",
        help="Spark master URL (default local[*]), e.g. spark://host:7077 or yarn.",
        show_default=False,
    ),
]
RawOption = Annotated[
    str | None,
    typer.Option(
        "--raw",
        help="The --events paths are publisher files of this kind (gdelt, icews, polecat), "
        "mapped by the importer on the engine, instead of Parquet.",
        show_default=False,
    ),
]
RejectsOption = Annotated[
    Path | None,
    typer.Option(
        "--rejects",
        help="Folder for the reject files of --raw input (default ./axiswatch.rejects).",
        show_default=False,
    ),
]

DYAD_COLUMNS = [
    "period",
    "direction",
    "n_events",
    "n_mentions",
    "n_quad1",
    "n_quad2",
    "n_quad3",
    "n_quad4",
    "goldstein_mean",
    "goldstein_total",
    "net_cooperation",
]
CHANGE_COLUMNS = [
    "period",
    "previous_period",
    "before_mean",
    "after_mean",
    "shift",
    "top_event_ids",
]
ALIGN_MEASURES = ["n", "agree", "lijphart", "s_abs", "kappa_lin", "pi_lin"]


def _epistemic(values: list[str] | None) -> tuple[str, ...] | None:
    from axiswatch.analysis.selection import DEFAULT_EPISTEMIC

    if not values:
        return DEFAULT_EPISTEMIC
    if "all" in values:
        return None
    return tuple(values)


def _events(
    db: Path | None,
    engine: Engine,
    events: list[Path] | None,
    spark_master: str | None,
    raw: str | None,
    rejects: Path | None,
    *,
    actors: tuple[str, ...] = (),
) -> AbstractContextManager[Any]:
    """Where the event analyses read (see :func:`axiswatch.analysis.engines.event_source`);
    on the workspace, it must exist and hold or know the actors."""
    from axiswatch.analysis.engines import event_source

    if engine is Engine.duckdb and events is None and raw is None:
        known_actors(existing_workspace(resolve_db(db)), actors)

    return event_source(
        resolve_db(db),
        engine=engine.value,
        events=events,
        spark_master=spark_master,
        raw=raw,
        reject_dir=rejects,
        on_report=say,
    )


def _rounded(rows: list[dict[str, Any]], digits: int = 3) -> list[dict[str, Any]]:
    return [
        {k: round(v, digits) if isinstance(v, float) else v for k, v in r.items()} for r in rows
    ]


def _write_chart(chart: alt.TopLevelMixin, path: Path) -> None:
    from axiswatch.analysis.charts import write_chart

    say(f"chart written to {write_chart(chart, path)}")


@cli_errors
def dyad_cmd(
    a: ActorArg,
    b: ActorArg,
    by: Annotated[Period, typer.Option("--by", help="Period: year, quarter or month.")] = (
        Period.year
    ),
    origin: OriginOption = None,
    epistemic: EpistemicOption = None,
    count: CountOption = Count.events,
    reviewed: ReviewedOption = False,
    db: DbOption = DEFAULT_DB_PATH,
    fmt: FormatOption = OutputFormat.table,
    chart: ChartOption = None,
    engine: EngineOption = Engine.duckdb,
    events: EventsOption = None,
    spark_master: SparkMasterOption = None,
    raw: RawOption = None,
    rejects: RejectsOption = None,
) -> None:
    """Events between A and B per period and direction: counts by type and QuadClass, Goldstein."""
    from axiswatch.analysis.dyads import dyad
    from axiswatch.analysis.records import records

    with _events(db, engine, events, spark_master, raw, rejects, actors=(a, b)) as source:
        df = dyad(
            source,
            a,
            b,
            by=by.value,
            origins=origin,
            epistemic=_epistemic(epistemic),
            count=count.value,
            reviewed=reviewed,
        )
    rows = records(df)
    render_rows(
        _rounded(rows) if fmt is OutputFormat.table else rows,
        DYAD_COLUMNS,
        fmt,
        title=f"dyad {a.upper()}-{b.upper()} by {by.value}",
    )
    if chart is not None:
        from axiswatch.analysis.charts import dyad_chart

        _write_chart(dyad_chart(df, title=f"{a.upper()}-{b.upper()}"), chart)


@cli_errors
def triangle_cmd(
    a: ActorArg,
    b: ActorArg,
    c: ActorArg,
    by: Annotated[Period, typer.Option("--by", help="Period: year, quarter or month.")] = (
        Period.year
    ),
    tau: Annotated[
        float, typer.Option("--tau", min=0.0, help="Sign threshold τ on the mean Goldstein.")
    ] = 1.0,
    n_min: Annotated[
        int, typer.Option("--n-min", min=1, help="Events needed per direction and period.")
    ] = 1,
    symmetric: Annotated[
        bool,
        typer.Option(
            "--symmetric/--one-sided",
            help="Require both directions (METHODS §4.3), or let one direction suffice.",
        ),
    ] = False,
    window: Annotated[
        int,
        typer.Option(
            "--window",
            min=1,
            help="Pool each period with the periods before it (e.g. 5 years) to sign sparse dyads.",
        ),
    ] = 1,
    origin: OriginOption = None,
    epistemic: EpistemicOption = None,
    count: CountOption = Count.events,
    reviewed: ReviewedOption = False,
    db: DbOption = DEFAULT_DB_PATH,
    fmt: FormatOption = OutputFormat.table,
    chart: ChartOption = None,
    engine: EngineOption = Engine.duckdb,
    events: EventsOption = None,
    spark_master: SparkMasterOption = None,
    raw: RawOption = None,
    rejects: RejectsOption = None,
) -> None:
    """Strategic triangle of A, B, C per period: dyad signs, Dittmer's pattern, balance."""
    from axiswatch.analysis.records import records
    from axiswatch.analysis.triangle import triangle, triangle_frame

    with _events(db, engine, events, spark_master, raw, rejects, actors=(a, b, c)) as source:
        periods = triangle(
            source,
            a,
            b,
            c,
            by=by.value,
            tau=tau,
            n_min=n_min,
            symmetric=symmetric,
            origins=origin,
            epistemic=_epistemic(epistemic),
            window=window,
            count=count.value,
            reviewed=reviewed,
        )
    if fmt is OutputFormat.json:
        sys.stdout.write(json.dumps(periods, ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        frame = triangle_frame(periods)
        rows = records(frame)
        columns = [col for col in frame.columns if not col.startswith(("g_", "n_"))] or [
            "period",
            "configuration",
        ]
        render_rows(
            _rounded(rows) if fmt is OutputFormat.table else rows,
            columns,
            fmt,
            title=f"triangle {a.upper()}-{b.upper()}-{c.upper()} by {by.value}",
        )
    if chart is not None:
        from axiswatch.analysis.charts import triangle_chart

        _write_chart(triangle_chart(periods), chart)


@cli_errors
def changes_cmd(
    a: ActorArg,
    b: ActorArg,
    by: Annotated[Period, typer.Option("--by", help="Period: month, quarter or year.")] = (
        Period.month
    ),
    min_events: Annotated[
        int, typer.Option("--min-events", min=1, help="Events a period needs to count.")
    ] = 1,
    missing: Annotated[
        Missing, typer.Option("--missing", help="Periods with too few events: drop or interpolate.")
    ] = Missing.drop,
    penalty: Annotated[
        float,
        typer.Option("--penalty", min=0.0, help="PELT penalty multiplier: β = penalty·var·ln n."),
    ] = 2.0,
    symmetric: Annotated[
        bool,
        typer.Option(
            "--symmetric/--pooled", help="½(mean A→B + mean B→A), or both directions pooled."
        ),
    ] = (False),
    top: Annotated[int, typer.Option("--top", min=1, help="Events shown per break.")] = 5,
    origin: OriginOption = None,
    epistemic: EpistemicOption = None,
    count: CountOption = Count.events,
    reviewed: ReviewedOption = False,
    db: DbOption = DEFAULT_DB_PATH,
    fmt: FormatOption = OutputFormat.table,
    chart: ChartOption = None,
    engine: EngineOption = Engine.duckdb,
    events: EventsOption = None,
    spark_master: SparkMasterOption = None,
    raw: RawOption = None,
    rejects: RejectsOption = None,
) -> None:
    """Change points in the mean Goldstein of A-B (PELT), with the events around each break."""
    from dataclasses import asdict

    from axiswatch.analysis.changepoints import changes

    with _events(db, engine, events, spark_master, raw, rejects, actors=(a, b)) as source:
        analysis = changes(
            source,
            a,
            b,
            by=by.value,
            min_events=min_events,
            missing=missing.value,
            penalty=penalty,
            symmetric=symmetric,
            top=top,
            origins=origin,
            epistemic=_epistemic(epistemic),
            count=count.value,
            reviewed=reviewed,
        )
    if fmt is OutputFormat.json:
        sys.stdout.write(
            json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2, default=str) + "\n"
        )
    else:
        rows = []
        for bp in analysis.breaks:
            row = asdict(bp)
            row["top_event_ids"] = " ".join(e["event_id"] for e in row.pop("top_events"))
            rows.append(row)
        render_rows(
            _rounded(rows) if fmt is OutputFormat.table else rows,
            CHANGE_COLUMNS,
            fmt,
            title=f"change points {analysis.a}-{analysis.b} by {by.value}",
        )
    if chart is not None:
        from axiswatch.analysis.charts import changes_chart

        _write_chart(changes_chart(analysis), chart)


votes_app = typer.Typer(
    help="UN General Assembly votes: alignment of countries.", no_args_is_help=True
)


@votes_app.command("align")
@cli_errors
def align_cmd(
    countries: Annotated[
        list[str], typer.Argument(help="ISO3 codes, e.g. RUS CHN PRK USA.", show_default=False)
    ],
    start: Annotated[
        int, typer.Option("--from", help="First year (a session counts by the year it opens).")
    ] = 1991,
    end: Annotated[int, typer.Option("--to", help="Last year.")] = 2024,
    by: Annotated[VotePeriod, typer.Option("--by", help="session or year.")] = (VotePeriod.session),
    dataset: Annotated[
        str | None,
        typer.Option("--dataset", help="UN vote dataset, when the workspace holds several."),
    ] = None,
    dataset_version: Annotated[
        str | None, typer.Option("--dataset-version", help="Its version.")
    ] = None,
    idealpoints: Annotated[
        str | None,
        typer.Option(
            "--idealpoints",
            help="Ideal point measure (idealpointfp, idealpointall, "
            "idealpointlegacy); default: the best one stored for --by.",
        ),
    ] = None,
    measure: Annotated[
        str,
        typer.Option(
            "--measure",
            help="Measure to chart: agree, lijphart, "
            "s_abs, s_sq, kappa_lin, kappa_sq, pi_lin, pi_sq.",
        ),
    ] = ("agree"),
    db: DbOption = DEFAULT_DB_PATH,
    fmt: FormatOption = OutputFormat.table,
    chart: ChartOption = None,
    engine: EngineOption = Engine.duckdb,
    tables: Annotated[
        Path | None,
        typer.Option(
            "--tables",
            help="Read the vote tables from this folder of Parquet files (from `axiswatch "
            "export votes`) instead of the workspace.",
            show_default=False,
        ),
    ] = None,
    spark_master: SparkMasterOption = None,
    successors: Annotated[
        bool,
        typer.Option(
            "--successors/--no-successors",
            help="Count the Soviet Union's votes (to 1991) as Russia's: one continuous seat.",
        ),
    ] = True,
) -> None:
    """Voting alignment of every pair of COUNTRIES per session or year (absences ignored).

    Without --dataset the newest vote dataset covering the period is read; the choice is
    printed. A workspace without UN votes gets the bundled ones first.
    """
    from axiswatch.analysis.alignment import votes_align
    from axiswatch.analysis.engines import vote_source
    from axiswatch.analysis.records import records

    if engine is Engine.duckdb and tables is None:
        from axiswatch.analysis.alignment import country_codes
        from axiswatch.workspace import Workspace

        country_codes(countries)  # the form first (exit 1), then whether they exist (exit 2)
        known_actors(existing_workspace(resolve_db(db)), countries)
        with Workspace(resolve_db(db)) as ws:
            installed = ws.ensure_reference(["un_votes"])
        if installed:
            say(f"installed the bundled UN votes: {', '.join(installed)}")
    with vote_source(
        resolve_db(db), engine=engine.value, tables=tables, spark_master=spark_master
    ) as source:
        df = votes_align(
            source,
            countries,
            start=start,
            end=end,
            by=by.value,
            dataset=dataset,
            dataset_version=dataset_version,
            idealpoint_measure=idealpoints,
            successors=successors,
        )
    rows = records(df)
    columns = [by.value, "a", "b", *ALIGN_MEASURES]
    if "idealpoint_distance" in df.columns:
        columns.append("idealpoint_distance")
    render_rows(
        _rounded(rows) if fmt is OutputFormat.table else rows,
        columns,
        fmt,
        title=f"UNGA voting alignment by {by.value}",
    )
    for note in df.attrs.get("notes", []):
        say(note)
    if chart is not None:
        from axiswatch.analysis.charts import alignment_chart

        _write_chart(alignment_chart(df, measure=measure), chart)


@votes_app.command("load-idealpoints")
@cli_errors
def load_idealpoints_cmd(
    path: Annotated[
        Path, typer.Argument(help="Bailey–Strezhnev–Voeten ideal point CSV.", show_default=False)
    ],
    db: DbOption = DEFAULT_DB_PATH,
) -> None:
    """Load an ideal point file (July 2025 or June 2024 layout) into the workspace."""
    from axiswatch.analysis.idealpoints import load_idealpoints
    from axiswatch.store.connect import connect

    con = connect(resolve_db(db))
    try:
        rows = load_idealpoints(con, path)
    finally:
        con.close()
    say(f"loaded {rows} ideal point rows from {path}")
