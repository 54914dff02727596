"""`axiswatch serve` (the REST API and the web workbench) and `axiswatch report` (the brief).

Mount them in ``cli/app.py``::

    app.command("serve")(serve_cmd)
    app.command("report")(report_cmd)
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from axiswatch.cli.options import DEFAULT_DB_PATH, DbOption, resolve_db
from axiswatch.cli.output import cli_errors, say
from axiswatch.errors import UsageError

HostOption = Annotated[
    str, typer.Option("--host", help="Address to bind (only this machine unless told otherwise).")
]
PortOption = Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")]
TokenOption = Annotated[
    str | None,
    typer.Option(
        "--token",
        envvar="AXISWATCH_TOKEN",
        help="Token for writes (POST /api/ingest); without one, writes are refused.",
        show_default=False,
    ),
]


ReadTokenOption = Annotated[
    str | None,
    typer.Option(
        "--read-token",
        envvar="AXISWATCH_READ_TOKEN",
        help="Token for reading too (machines with other users): open /?token=TOKEN once.",
        show_default=False,
    ),
]

AllowHostOption = Annotated[
    list[str] | None,
    typer.Option(
        "--allow-host",
        help="Also answer requests for this Host name (repeatable), e.g. a proxy's name. "
        "By default only 127.0.0.1, localhost and --host are answered.",
        show_default=False,
    ),
]


@cli_errors
def serve_cmd(
    host: HostOption = "127.0.0.1",
    port: PortOption = 8000,
    db: DbOption = DEFAULT_DB_PATH,
    token: TokenOption = None,
    allow_host: AllowHostOption = None,
    read_token: ReadTokenOption = None,
    cache: Annotated[
        int,
        typer.Option(
            "--cache",
            min=0,
            help="JSON read answers kept until the workspace changes (0: none).",
        ),
    ] = 256,
) -> None:
    """Serve the REST API (/api, /openapi.json) and the web workbench (/) over a workspace."""
    import uvicorn

    from axiswatch.api.app import create_app
    from axiswatch.api.guard import LOCAL_HOSTS
    from axiswatch.config import load_config

    path = resolve_db(db)
    config = load_config()
    token = token if token is not None else config.token
    read_token = read_token if read_token is not None else config.read_token
    hosts = [*LOCAL_HOSTS, *(allow_host or [])]
    if host not in {"0.0.0.0", "::"}:
        hosts.append(host)
    app = create_app(
        path, token=token, allowed_hosts=hosts, read_token=read_token or "", cache_size=cache
    )
    writes = "writes need the token" if app.state.axiswatch.token else "read-only (no --token)"
    reads = "; reads need the read token: open /?token=TOKEN once" if read_token else ""
    say(f"axiswatch: serving {path} at http://{host}:{port}/ ({writes}{reads}); Ctrl-C stops")
    uvicorn.run(app, host=host, port=port, log_level="warning")


class BriefFormat(StrEnum):
    """What `axiswatch report` writes."""

    html = "html"
    pdf = "pdf"


def parse_actors(value: str) -> tuple[str, str, str]:
    """'CHN,RUS,PRK' → ('CHN', 'RUS', 'PRK'); exactly three codes (UsageError otherwise)."""
    codes = [c.strip().upper() for c in value.replace("-", ",").split(",") if c.strip()]
    if len(codes) != 3:
        raise UsageError(f"--actors {value!r}: give three actor codes, e.g. CHN,RUS,PRK")
    return codes[0], codes[1], codes[2]


def report_format(out: Path, fmt: BriefFormat | None) -> str:
    """``--format``, else what ``--out`` ends in (.pdf: pdf, anything else: html);
    UsageError when the two disagree."""
    suffix = out.suffix.lower()
    implied = "pdf" if suffix == ".pdf" else "html"
    if fmt is None:
        return implied
    if suffix in {".pdf", ".html", ".htm"} and fmt.value != implied:
        raise UsageError(f"--format {fmt.value} but --out {out.name} is {implied}: make them agree")
    return fmt.value


@cli_errors
def report_cmd(
    out: Annotated[
        Path,
        typer.Option("--out", "-o", help="The file to write (.pdf: a PDF).", show_default=False),
    ],
    actors: Annotated[str, typer.Option("--actors", help="The triangle, three codes.")] = (
        "CHN,RUS,PRK"
    ),
    by: Annotated[str, typer.Option("--by", help="Period: year, quarter or month.")] = "year",
    since: Annotated[
        str | None,
        typer.Option("--since", help="Show events and periods from this date (YYYY[-MM[-DD]])."),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option("--until", help="Show events and periods up to this date (YYYY[-MM[-DD]])."),
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", help="The brief's title (default: The A–B–C triangle).")
    ] = None,
    fmt: Annotated[
        BriefFormat | None,
        typer.Option(
            "--format",
            help="html or pdf (default: from --out's suffix); pdf needs Chromium.",
            show_default=False,
        ),
    ] = None,
    dataset: Annotated[
        str | None,
        typer.Option(
            "--dataset", help="UN vote dataset for the alignment (default: newest covering)."
        ),
    ] = None,
    db: DbOption = DEFAULT_DB_PATH,
) -> None:
    """Write a self-contained brief (HTML, or PDF printed by headless Chromium): a summary,
    the triangle, key events, claims, charts, numbered sources."""
    from axiswatch.cli.checks import existing_workspace, known_actors
    from axiswatch.report.brief import write_brief
    from axiswatch.report.window import parse_window
    from axiswatch.workspace import Workspace

    triangle = parse_actors(actors)
    window = parse_window(since, until)
    kind = report_format(out, fmt)
    path = existing_workspace(resolve_db(db))
    known_actors(path, triangle)
    with Workspace(path) as ws:
        written = write_brief(
            ws,
            out,
            actors=triangle,
            by=by,
            dataset=dataset,
            window=window,
            title=(title or "").strip() or None,
            fmt=kind,
        )
    say(f"wrote {written} ({kind})")
