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


def _svg(chart) -> str:
    import vl_convert

    from axiswatch.report.figures import vl_version

    return vl_convert.vegalite_to_svg(chart.to_dict(), vl_version=vl_version())


def _gappy_series():
    import pandas as pd

    rows = []
    for year, g in ((2001, 2.0), (2002, 3.0), (2011, -4.0), (2012, 1.0)):
        for direction in ("A->B", "B->A", "both"):
            rows.append(
                {
                    "period": str(year),
                    "period_start": f"{year}-01-01",
                    "direction": direction,
                    "n_events": 2,
                    "goldstein_mean": g,
                    **{f"n_quad{q}": 1 if q == 1 else 0 for q in range(1, 5)},
                }
            )
    return pd.DataFrame(rows)


def test_with_empty_periods_adds_blank_rows_per_group() -> None:
    from axiswatch.analysis.charts import with_empty_periods

    rows = [
        {"period": "2001", "period_start": "2001-01-01", "direction": "x", "v": 1},
        {"period": "2004", "period_start": "2004-01-01", "direction": "x", "v": 2},
    ]
    filled = with_empty_periods(rows, "year", keys=("direction",))
    assert [r["period"] for r in filled] == ["2001", "2002", "2003", "2004"]
    assert [r.get("v") for r in filled] == [1, None, None, 2]
    assert all(r["direction"] == "x" for r in filled)


def test_dyad_chart_breaks_lines_across_empty_years_and_ticks_by_year() -> None:
    from axiswatch.analysis.charts import dyad_chart

    svg = _svg(dyad_chart(_gappy_series(), by="year"))
    lines = [d for d in re.findall(r'd="(M[^"]*)"', svg) if "L" in d and "A" not in d]
    # each direction's line is cut between 2002 and 2011: a move inside the path
    assert any(d.count("M") >= 2 for d in lines)
    labels = set(re.findall(r">((?:19|20)\d\d)<", svg))
    assert {"2001", "2005", "2012"} <= labels  # every year ticked, no months
    assert not re.search(r">(Jan|Feb|Mar|Apr|Jul|Oct) ", svg)


def test_triangle_chart_shows_empty_periods_and_never_null() -> None:
    from axiswatch.analysis.charts import every_period, triangle_chart

    def period(label: str, sign, g) -> dict:
        dyad = {"dyad": "A-B", "a": "A", "b": "B", "sign": sign, "g": g, "n_ab": 1, "n_ba": 0}
        return {
            "period": label,
            "period_start": f"{label}-01-01",
            "configuration": "indeterminate",
            "pivot": None,
            "outcast": None,
            "balance": None,
            "dyads": [dyad | {"event_ids": ["e"]}],
        }

    periods = [period("2001", 1, 2.5), period("2004", None, None)]
    assert [p["period"] for p in every_period(periods, "year")] == ["2001", "2002", "2003", "2004"]
    svg = _svg(triangle_chart(periods, by="year"))
    assert "null" not in svg
    assert ">2003<" in svg and ">2.5<" in svg


def test_figures_carry_a_text_alternative() -> None:
    from axiswatch.report.figures import dyad_figure

    svg = str(dyad_figure(_gappy_series(), title="A–B by year", by="year"))
    assert svg.startswith('<svg role="img" aria-label="A–B by year: mean Goldstein')
    assert "<title>A–B by year: mean Goldstein" in svg
    assert "2001 to 2012" in svg
