"""`axiswatch serve` (the REST API and the web workbench) and `axiswatch report` (the brief).

Mount them in ``cli/app.py``::

    app.command("serve")(serve_cmd)
    app.command("report")(report_cmd)
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from axiswatch.cli.options import DEFAULT_DB_PATH, DbOption, resolve_db
from axiswatch.cli.output import cli_errors, say
from axiswatch.errors import InputError

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
    app = create_app(path, token=token, allowed_hosts=hosts, read_token=read_token or "")
    writes = "writes need the token" if app.state.axiswatch.token else "read-only (no --token)"
    reads = "; reads need the read token: open /?token=TOKEN once" if read_token else ""
    say(f"axiswatch: serving {path} at http://{host}:{port}/ ({writes}{reads}); Ctrl-C stops")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def parse_actors(value: str) -> tuple[str, str, str]:
    """'CHN,RUS,PRK' → ('CHN', 'RUS', 'PRK'); exactly three codes."""
    codes = [c.strip().upper() for c in value.replace("-", ",").split(",") if c.strip()]
    if len(codes) != 3:
        raise InputError(f"--actors {value!r}: give three actor codes, e.g. CHN,RUS,PRK")
    return codes[0], codes[1], codes[2]


@cli_errors
def report_cmd(
    out: Annotated[
        Path, typer.Option("--out", "-o", help="The HTML file to write.", show_default=False)
    ],
    actors: Annotated[str, typer.Option("--actors", help="The triangle, three codes.")] = (
        "CHN,RUS,PRK"
    ),
    by: Annotated[str, typer.Option("--by", help="Period: year, quarter or month.")] = "year",
    dataset: Annotated[
        str | None,
        typer.Option(
            "--dataset", help="UN vote dataset for the alignment (default: newest covering)."
        ),
    ] = None,
    db: DbOption = DEFAULT_DB_PATH,
) -> None:
    """Write a self-contained HTML brief: the triangle, key events, claims, charts, sources."""
    from axiswatch.report.brief import write_brief
    from axiswatch.workspace import Workspace

    triangle = parse_actors(actors)
    with Workspace(resolve_db(db)) as ws:
        path = write_brief(ws, out, actors=triangle, by=by, dataset=dataset)
    say(f"wrote {path}")
