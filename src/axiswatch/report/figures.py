"""The analyses' charts (axiswatch.analysis.charts) as inline SVG text, rendered offline.

vl-convert renders each Vega-Lite spec to SVG without a browser or network; the brief and the
web pages put that SVG straight into the HTML. Element ids inside a chart get a prefix unique
to the chart, so several charts can share one page.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Any

import altair as alt
import pandas as pd
import vl_convert
from markupsafe import Markup, escape

from axiswatch.analysis import charts
from axiswatch.analysis.changepoints import ChangeAnalysis

_IDS = re.compile(r'\bid="([^"]+)"')
_counter = itertools.count(1)


def vl_version() -> str | None:
    """The Vega-Lite version vl-convert should use for altair's specs (None: its default)."""
    wanted = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    return wanted if wanted in vl_convert.get_vegalite_versions() else None


def chart_svg(chart: alt.TopLevelMixin, alt_text: str = "") -> Markup:
    """The chart as an SVG element (safe to insert into HTML as it is); ``alt_text`` becomes
    its accessible name and <title>, the text alternative of the drawing."""
    svg = vl_convert.vegalite_to_svg(charts.renderable(chart.to_dict()), vl_version=vl_version())
    svg = _prefix_ids(svg, f"c{next(_counter)}-")
    if alt_text:
        text = escape(alt_text)
        svg = svg.replace("<svg ", f'<svg role="img" aria-label="{text}" ', 1)
        svg = svg.replace(">", f"><title>{text}</title>", 1)
    return Markup(svg)


def _prefix_ids(svg: str, prefix: str) -> str:
    ids = set(_IDS.findall(svg))
    if not ids:
        return svg
    for name in sorted(ids, key=len, reverse=True):
        svg = svg.replace(f'id="{name}"', f'id="{prefix}{name}"')
        svg = svg.replace(f"url(#{name})", f"url(#{prefix}{name})")
        svg = svg.replace(f'href="#{name}"', f'href="#{prefix}{name}"')
    return svg


def triangle_figure(
    periods: Sequence[dict[str, Any]], *, title: str | None = None, by: str | None = None
) -> Markup:
    """Each dyad's sign per period under the strip of configurations."""
    chart = charts.triangle_chart(periods, title=title, by=by)
    shown = [p for p in periods if p["dyads"]]
    text = (
        f"Strategic triangle, {len(shown)} periods with events from {shown[0]['period']} to "
        f"{shown[-1]['period']}; latest configuration {shown[-1]['configuration']}."
        if shown
        else "Strategic triangle: no periods with events."
    )
    return chart_svg(chart, text.replace("_", " "))


def dyad_figure(series: pd.DataFrame, *, title: str | None = None, by: str | None = None) -> Markup:
    """Mean Goldstein per direction over time above event counts by QuadClass."""
    both = series[series["direction"] == "both"] if "direction" in series else series
    text = f"{title or 'Dyad'}: mean Goldstein per direction and events by QuadClass"
    if len(both):
        mean = both["goldstein_mean"].dropna()
        text += (
            f"; {len(both)} periods with events, {both['period'].iloc[0]} to "
            f"{both['period'].iloc[-1]}, {int(both['n_events'].sum())} events"
            + (f", mean Goldstein from {mean.min():+.1f} to {mean.max():+.1f}" if len(mean) else "")
        )
    return chart_svg(charts.dyad_chart(series, title=title, by=by), text + ".")


def changes_figure(analysis: ChangeAnalysis, *, title: str | None = None) -> Markup:
    """The mean-Goldstein series with its breaks and segment means."""
    breaks = ", ".join(bp.period for bp in analysis.breaks) or "none"
    text = f"Change points of {analysis.a}-{analysis.b} ({analysis.by}ly mean Goldstein): {breaks}."
    return chart_svg(charts.changes_chart(analysis, title=title), text)


def alignment_figure(frame: pd.DataFrame, *, measure: str = "agree") -> Markup:
    """UNGA voting alignment per pair over sessions or years."""
    by = "session" if "session" in frame.columns else "year"
    parts = []
    for (a, b), rows in frame.groupby(["a", "b"], sort=True) if len(frame) else []:
        values = rows[measure].dropna()
        if len(values):
            parts.append(f"{a}-{b} {values.mean():.2f} over {len(values)} {by}s")
    text = f"UN General Assembly voting alignment ({measure}): " + ("; ".join(parts) or "no data")
    return chart_svg(charts.alignment_chart(frame, measure=measure), text + ".")
