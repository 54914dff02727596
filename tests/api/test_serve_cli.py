"""`axiswatch serve`: binds 127.0.0.1 by default and passes the token to the app."""

from __future__ import annotations

from typing import Any

import pytest
import typer
from tests.api._sample import Sample
from typer.testing import CliRunner

from axiswatch.cli.serve import serve_cmd


def _invoke(monkeypatch: pytest.MonkeyPatch, args: list[str]) -> tuple[Any, dict[str, Any]]:
    seen: dict[str, Any] = {}

    def fake_run(app: Any, **kwargs: Any) -> None:
        seen.update(kwargs, app=app)

    monkeypatch.setattr("uvicorn.run", fake_run)
    cli = typer.Typer()
    cli.command("serve")(serve_cmd)
    cli.command("noop")(lambda: None)
    return CliRunner().invoke(cli, ["serve", *args]), seen


def test_serve_binds_localhost_by_default(monkeypatch: pytest.MonkeyPatch, sample: Sample) -> None:
    monkeypatch.delenv("AXISWATCH_TOKEN", raising=False)
    result, seen = _invoke(monkeypatch, ["--db", str(sample.path)])
    assert result.exit_code == 0, result.output
    assert (seen["host"], seen["port"]) == ("127.0.0.1", 8000)
    assert seen["app"].state.axiswatch.token is None
    assert "read-only" in result.output


def test_serve_host_port_token(monkeypatch: pytest.MonkeyPatch, sample: Sample) -> None:
    args = ["--db", str(sample.path), "--host", "0.0.0.0", "--port", "9001", "--token", "s3"]
    result, seen = _invoke(monkeypatch, args)
    assert result.exit_code == 0, result.output
    assert (seen["host"], seen["port"]) == ("0.0.0.0", 9001)
    assert seen["app"].state.axiswatch.token == "s3"
