"""`axiswatch report`: the file, --title, --since/--until, --format, and misuse in one line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.api._sample import Sample
from typer.testing import CliRunner

import axiswatch
from axiswatch.cli.app import app
from axiswatch.cli.serve import parse_actors
from axiswatch.errors import UsageError
from axiswatch.report.pdf import ENV_ENGINE, PdfError, find_engine

runner = CliRunner()


def _report(sample: Sample, out: Path, *args: str, env: dict | None = None):
    return runner.invoke(
        app, ["report", "--out", str(out), *args, "--db", str(sample.path)], env=env
    )


def _section(html: str, section: str) -> str:
    return html.split(f'<section id="{section}">')[1].split("</section>")[0]


def test_report_writes_the_html_brief(report_sample: Sample, tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    result = _report(report_sample, out, "--actors", "RUS,PRK,CHN")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"wrote {out} (html)" in result.stderr
    assert "<h1>The RUS–PRK–CHN triangle</h1>" in out.read_text(encoding="utf-8")


def test_title_names_the_brief_and_is_escaped(report_sample: Sample, tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    title = "Northeast Asia <b>weekly</b> & more"
    assert _report(report_sample, out, "--title", title).exit_code == 0
    html = out.read_text(encoding="utf-8")
    escaped = "Northeast Asia &lt;b&gt;weekly&lt;/b&gt; &amp; more"
    assert f"<h1>{escaped}</h1>" in html
    assert f"<title>{escaped} · axiswatch brief</title>" in html


def test_since_and_until_limit_events_and_periods(report_sample: Sample, tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    result = _report(report_sample, out, "--since", "2020", "--until", "2023-06")
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    with axiswatch.open(report_sample.path) as ws:
        everything = [p["period"] for p in ws.triangle_periods("CHN", "RUS", "PRK")]
    inside = [p for p in everything if "2020" <= p <= "2023"]
    assert set(everything) - set(inside), "the sample should have periods outside the window"
    shown = re.findall(r"<tr><th>(\d{4})</th>", _section(html, "movement"))
    assert shown == inside
    dates = re.findall(r"<li><strong>([\d-]+)</strong>", _section(html, "events"))
    assert dates and all("2020" <= d[:7] <= "2023-06" for d in dates)
    assert "from 2020-01-01 to 2023-06-30" in html
    assert f"<strong>Now ({inside[-1]}):</strong>" in _section(html, "summary")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "2024-13"], "--since '2024-13' is not a date: write YYYY, YYYY-MM or"),
        (["--until", "soon"], "--until 'soon' is not a date"),
        (["--since", "2024-03", "--until", "2023"], "--since 2024-03 is after --until 2023"),
        (["--actors", "CHN,RUS,PKR"], "PKR: no such actor; did you mean PRK"),
        (["--actors", "RUS"], "--actors 'RUS': give three actor codes"),
        (["--format", "pdf"], "--format pdf but --out brief.html is html: make them agree"),
    ],
)
def test_misuse_is_one_line_and_exit_2(
    report_sample: Sample, tmp_path: Path, args: list[str], message: str
) -> None:
    out = tmp_path / "brief.html"
    result = _report(report_sample, out, *args)
    assert result.exit_code == 2, result.output
    assert result.stderr == f"error: {result.stderr[7:].strip()}\n"
    assert message in result.stderr
    assert result.stdout == ""
    assert not out.exists()


def test_a_missing_workspace_is_misuse(tmp_path: Path) -> None:
    db = tmp_path / "missing.duckdb"
    result = runner.invoke(app, ["report", "--out", str(tmp_path / "b.html"), "--db", str(db)])
    assert result.exit_code == 2
    assert "no workspace there" in result.stderr
    assert not db.exists()


def test_parse_actors_needs_three() -> None:
    assert parse_actors("chn, rus, prk") == ("CHN", "RUS", "PRK")
    assert parse_actors("CHN-RUS-PRK") == ("CHN", "RUS", "PRK")
    with pytest.raises(UsageError, match="three actor codes"):
        parse_actors("CHN,RUS")


def test_without_chromium_pdf_fails_in_one_line_and_html_still_works(
    report_sample: Sample, tmp_path: Path
) -> None:
    bare = {"PATH": str(tmp_path), ENV_ENGINE: None}
    pdf = tmp_path / "brief.pdf"
    result = _report(report_sample, pdf, env=bare)
    assert result.exit_code == 1
    assert result.stderr.startswith("error: no PDF engine: install Chromium (apt-get install")
    assert result.stderr.count("\n") == 1
    assert not pdf.exists()
    html = tmp_path / "brief.html"
    assert _report(report_sample, html, env=bare).exit_code == 0
    assert html.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_an_engine_variable_pointing_nowhere_fails_naming_it(
    report_sample: Sample, tmp_path: Path
) -> None:
    result = _report(
        report_sample, tmp_path / "b.pdf", env={ENV_ENGINE: str(tmp_path / "no-chromium")}
    )
    assert result.exit_code == 1
    assert f"${ENV_ENGINE}=" in result.stderr and "no such program" in result.stderr


def test_a_pdf_out_file_gets_a_pdf(report_sample: Sample, tmp_path: Path) -> None:
    try:
        find_engine()
    except PdfError as e:
        pytest.skip(f"no Chromium to print with: {e}")
    out = tmp_path / "brief.pdf"
    result = _report(report_sample, out, "--since", "2024")
    assert result.exit_code == 0, result.output
    assert f"wrote {out} (pdf)" in result.stderr
    assert out.read_bytes().startswith(b"%PDF")
