"""`reference update` against a real HTTP server on 127.0.0.1 serving fixture files."""

from __future__ import annotations

import contextlib
import io
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from axiswatch.cli.app import app
from axiswatch.errors import InputError
from axiswatch.reference import pack
from axiswatch.reference.update import update
from axiswatch.store.connect import connect

FIXTURES = Path(__file__).parents[1] / "importers" / "fixtures"
VETOES = (FIXTURES / "vetoes" / "vetoes.csv").read_bytes()


def _zip(name: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, data)
    return buffer.getvalue()


ROUTES: dict[str, tuple[int, bytes, int | None]] = {
    "/vetoes.csv": (200, VETOES, None),
    "/vetoes.zip": (200, _zip("vetoes.csv", VETOES), None),
    "/truncated.csv": (200, VETOES[:200], len(VETOES)),
    "/wrong.csv": (200, b"country,year,value\nRUS,2020,1\n", None),
    "/corrupt.zip": (200, b"PK\x03\x04 not really a zip" * 10, None),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        status, body, length = ROUTES.get(self.path, (404, b"not here", None))
        self.send_response(status)
        self.send_header("Content-Length", str(length if length is not None else len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def con(tmp_path: Path):
    connection = connect(tmp_path / "w.duckdb")
    pack.install(connection, ["unsc-vetoes"])
    yield connection
    connection.close()


def _in_use(con) -> tuple[str, int]:
    """The version read for vetoes (the newest import) and its row count."""
    version, rows = con.execute(
        "SELECT version, rows FROM datasets WHERE dataset = 'unsc-vetoes' "
        "ORDER BY imported_at DESC LIMIT 1"
    ).fetchone()
    return version, rows


def test_update_downloads_and_the_new_version_is_in_use(con, server) -> None:
    result = update(con, "unsc-vetoes", f"{server}/vetoes.csv")
    assert result.version.startswith("sha256:")
    assert _in_use(con) == (result.version, result.rows)
    assert (
        con.execute("SELECT path FROM datasets WHERE version = ?", [result.version]).fetchone()[0]
        == f"{server}/vetoes.csv"
    )
    # the pack's version is still there, just no longer the newest
    assert con.execute("SELECT count(*) FROM datasets").fetchone()[0] == 2


def test_update_reads_a_zip(con, server) -> None:
    result = update(con, "unsc-vetoes", f"{server}/vetoes.zip")
    assert _in_use(con)[0] == result.version


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/truncated.csv", "stopped at 200 of"),
        ("/wrong.csv", "member_veto1"),
        ("/corrupt.zip", "not a readable zip"),
        ("/missing.csv", "answered 404"),
    ],
)
def test_a_bad_download_is_refused_and_the_current_version_stays(
    con, server, path: str, message: str
) -> None:
    before = _in_use(con)
    with pytest.raises(InputError, match=message):
        update(con, "unsc-vetoes", server + path)
    assert _in_use(con) == before
    assert con.execute("SELECT count(*) FROM datasets").fetchone()[0] == 1


def test_a_dataset_without_a_download_address_asks_for_from(con) -> None:
    with pytest.raises(InputError, match="pass --from"):
        update(con, "unvotes-voeten")


def test_cli_update_from_a_local_file_then_list(tmp_path: Path, server) -> None:
    db = str(tmp_path / "cli.duckdb")
    runner = CliRunner()
    done = runner.invoke(
        app,
        [
            "reference",
            "update",
            "unsc-vetoes",
            "--from",
            str(FIXTURES / "vetoes" / "vetoes.csv"),
            "--db",
            db,
        ],
    )
    assert done.exit_code == 0, done.output
    assert "is now the version in use" in done.output
    listed = runner.invoke(app, ["reference", "list", "--format", "json", "--db", db])
    assert listed.exit_code == 0
    assert '"in_use": "yes"' in listed.stdout
    bad = runner.invoke(
        app, ["reference", "update", "unsc-vetoes", "--from", f"{server}/truncated.csv", "--db", db]
    )
    assert bad.exit_code == 1
    assert "stopped at 200 of" in bad.output
