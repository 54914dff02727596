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
from markupsafe import Markup

from axiswatch.analysis import charts
from axiswatch.analysis.changepoints import ChangeAnalysis

_IDS = re.compile(r'\bid="([^"]+)"')
_counter = itertools.count(1)


def vl_version() -> str | None:
    """The Vega-Lite version vl-convert should use for altair's specs (None: its default)."""
    wanted = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    return wanted if wanted in vl_convert.get_vegalite_versions() else None


def chart_svg(chart: alt.TopLevelMixin) -> Markup:
    """The chart as an SVG element (safe to insert into HTML as it is)."""
    svg = vl_convert.vegalite_to_svg(charts.renderable(chart.to_dict()), vl_version=vl_version())
    return Markup(_prefix_ids(svg, f"c{next(_counter)}-"))


def _prefix_ids(svg: str, prefix: str) -> str:
    ids = set(_IDS.findall(svg))
    if not ids:
        return svg
    for name in sorted(ids, key=len, reverse=True):
        svg = svg.replace(f'id="{name}"', f'id="{prefix}{name}"')
        svg = svg.replace(f"url(#{name})", f"url(#{prefix}{name})")
        svg = svg.replace(f'href="#{name}"', f'href="#{prefix}{name}"')
    return svg


def triangle_figure(periods: Sequence[dict[str, Any]], *, title: str | None = None) -> Markup:
    """Each dyad's sign per period under the strip of configurations."""
    return chart_svg(charts.triangle_chart(periods, title=title))


def dyad_figure(series: pd.DataFrame, *, title: str | None = None) -> Markup:
    """Mean Goldstein per direction over time above event counts by QuadClass."""
    return chart_svg(charts.dyad_chart(series, title=title))


def changes_figure(analysis: ChangeAnalysis, *, title: str | None = None) -> Markup:
    """The mean-Goldstein series with its breaks and segment means."""
    return chart_svg(charts.changes_chart(analysis, title=title))


def alignment_figure(frame: pd.DataFrame, *, measure: str = "agree") -> Markup:
    """UNGA voting alignment per pair over sessions or years."""
    return chart_svg(charts.alignment_chart(frame, measure=measure))
