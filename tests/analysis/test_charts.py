"""Charts: each analysis renders, and files are written offline as PNG, SVG, HTML or JSON."""

from __future__ import annotations

import json
import re

import pytest

from axiswatch.analysis.alignment import votes_align
from axiswatch.analysis.changepoints import changes
from axiswatch.analysis.charts import (
    alignment_chart,
    changes_chart,
    dyad_chart,
    triangle_chart,
    write_chart,
)
from axiswatch.analysis.dyads import dyad
from axiswatch.analysis.triangle import triangle
from axiswatch.errors import InputError

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def filled(con, add_event, add_votes):
    for i, (s, t, g, day) in enumerate(
        [
            ("RUS", "CHN", 5.0, "2019-01-10"),
            ("CHN", "PRK", 4.0, "2019-02-10"),
            ("PRK", "RUS", -6.0, "2019-03-10"),
            ("RUS", "CHN", 4.0, "2020-01-10"),
            ("CHN", "PRK", 3.0, "2020-02-10"),
            ("PRK", "RUS", 2.0, "2020-03-10"),
        ]
    ):
        add_event(f"e{i}", s, t, g, day)
    add_votes("r1", 74, "2019-10-01", {"RUS": "yes", "CHN": "yes", "USA": "no"})
    add_votes("r2", 75, "2020-10-01", {"RUS": "no", "CHN": "yes", "USA": "no"})
    return con


CHARTS = {
    "dyad": lambda c: dyad_chart(dyad(c, "RUS", "CHN")),
    "triangle": lambda c: triangle_chart(triangle(c, "RUS", "CHN", "PRK")),
    "alignment": lambda c: alignment_chart(
        votes_align(c, ["RUS", "CHN", "USA"], start=2019, end=2020), measure="kappa_lin"
    ),
    "changes": lambda c: changes_chart(changes(c, "RUS", "CHN", by="year")),
}


@pytest.mark.parametrize("kind", list(CHARTS))
def test_chart_png_has_png_signature(filled, tmp_path, kind):
    path = write_chart(CHARTS[kind](filled), tmp_path / f"{kind}.png")
    assert path.read_bytes()[:8] == PNG_SIGNATURE


@pytest.mark.parametrize("kind", list(CHARTS))
def test_chart_html_is_self_contained(filled, tmp_path, kind):
    html = write_chart(CHARTS[kind](filled), tmp_path / f"{kind}.html").read_text()
    assert "<html" in html.lower()
    assert not re.search(r"<script[^>]*\bsrc\s*=\s*[\"']?(https?:)?//", html, re.IGNORECASE)
    assert not re.search(r"<link[^>]*href\s*=\s*[\"']?(https?:)?//", html, re.IGNORECASE)
    assert "vegaEmbed" in html


@pytest.mark.parametrize(
    ("suffix", "check"),
    [
        (".svg", lambda p: p.read_text().lstrip().startswith("<svg")),
        (".json", lambda p: "$schema" in json.loads(p.read_text())),
    ],
    ids=["svg", "json"],
)
def test_chart_other_formats(filled, tmp_path, suffix, check):
    assert check(write_chart(CHARTS["triangle"](filled), tmp_path / f"t{suffix}"))


def test_chart_unknown_extension_lists_formats(filled, tmp_path):
    with pytest.raises(InputError, match=r"\.png, \.svg, \.html, \.json"):
        write_chart(CHARTS["dyad"](filled), tmp_path / "chart.gif")


def test_alignment_chart_unknown_measure(filled):
    frame = votes_align(filled, ["RUS", "CHN"], start=2019, end=2020)
    with pytest.raises(InputError, match="kappa_lin"):
        alignment_chart(frame, measure="cosine")


def test_renderable_strips_what_crashes_the_renderer() -> None:
    from axiswatch.analysis.charts import renderable

    spec = {"title": "RUS\x00-PRK\ufffe", "data": [{"a": "ok\x01", "n": 3}], "x\ud800": None}
    assert renderable(spec) == {"title": "RUS-PRK", "data": [{"a": "ok", "n": 3}], "x": None}
