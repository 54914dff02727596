"""Vega-Lite charts (altair) of the analyses, written offline to PNG, SVG, HTML or JSON.

Data are inlined into each spec as plain records, so a chart file needs nothing beyond
itself: HTML pages carry the Vega, Vega-Lite and vega-embed libraries inline (vl-convert's
``bundle=True``), PNG and SVG are rendered by vl-convert without a browser or network.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import altair as alt
import numpy as np
import pandas as pd
import vl_convert

from axiswatch.analysis.alignment import MEASURES
from axiswatch.analysis.changepoints import ChangeAnalysis
from axiswatch.analysis.records import records
from axiswatch.errors import InputError

FORMATS: tuple[str, ...] = (".png", ".svg", ".html", ".json")
SIGN_COLOURS = {"+1": "#2b6cb0", "0": "#a0aec0", "-1": "#c53030", "none": "#f7fafc"}
PATTERN_COLOURS = {
    "menage_a_trois": "#2b6cb0",
    "romantic_triangle": "#d69e2e",
    "stable_marriage": "#805ad5",
    "unit_veto": "#c53030",
    "indeterminate": "#e2e8f0",
}
QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


def _data(rows: Sequence[dict[str, Any]]) -> alt.Data:
    return alt.Data(values=list(rows))


def dyad_chart(series: pd.DataFrame, *, title: str | None = None) -> alt.VConcatChart:
    """Mean Goldstein per direction over time, above event counts by QuadClass (both ways)."""
    rows = records(series)
    means = (
        alt.Chart(_data(rows))
        .mark_line(point=True)
        .encode(
            x=alt.X("period_start:T", title="period"),
            y=alt.Y("goldstein_mean:Q", title="mean Goldstein"),
            color=alt.Color("direction:N", title="direction"),
            tooltip=["period:N", "direction:N", "n_events:Q", "goldstein_mean:Q"],
        )
        .properties(width=640, height=220, title=title or "dyad")
    )
    quads = [
        {
            "period_start": r["period_start"],
            "period": r["period"],
            "quad": QUAD_NAMES[q],
            "events": r[f"n_quad{q}"],
        }
        for r in rows
        if r["direction"] == "both"
        for q in QUAD_NAMES
    ]
    counts = (
        alt.Chart(_data(quads))
        .mark_bar()
        .encode(
            x=alt.X("period_start:T", title="period"),
            y=alt.Y("events:Q", title="events (both directions)", stack="zero"),
            color=alt.Color("quad:N", title="QuadClass", sort=list(QUAD_NAMES.values())),
            tooltip=["period:N", "quad:N", "events:Q"],
        )
        .properties(width=640, height=160)
    )
    return alt.vconcat(means, counts).resolve_scale(color="independent")


def _sign_key(sign: int | None) -> str:
    return "none" if sign is None else f"{sign:+d}" if sign else "0"


def triangle_chart(
    periods: Sequence[dict[str, Any]], *, title: str | None = None
) -> alt.VConcatChart:
    """Each dyad's sign per period (colour) with g, under a strip naming the configuration."""
    cells = [
        {
            "period": p["period"],
            "dyad": d["dyad"],
            "sign": _sign_key(d["sign"]),
            "g": None if d["g"] is None else round(d["g"], 2),
            "n": d["n_ab"] + d["n_ba"],
        }
        for p in periods
        for d in p["dyads"]
    ]
    order = [p["period"] for p in periods]
    x = alt.X("period:O", sort=order, title="period")
    dyads = [d["dyad"] for d in periods[0]["dyads"]] if periods else None
    heat = alt.Chart(_data(cells)).encode(x=x, y=alt.Y("dyad:N", sort=dyads, title=None))
    rect = heat.mark_rect(stroke="white").encode(
        color=alt.Color(
            "sign:N",
            title="sign",
            scale=alt.Scale(domain=list(SIGN_COLOURS), range=list(SIGN_COLOURS.values())),
        ),
        tooltip=["period:N", "dyad:N", "sign:N", "g:Q", "n:Q"],
    )
    text = heat.mark_text(fontSize=10).encode(text=alt.Text("g:Q", format=".1f"))
    patterns = [
        {
            "period": p["period"],
            "row": "pattern",
            "configuration": p["configuration"],
            "pivot": p["pivot"],
            "outcast": p["outcast"],
            "balance": p["balance"],
        }
        for p in periods
    ]
    strip = (
        alt.Chart(_data(patterns))
        .mark_rect(stroke="white")
        .encode(
            x=alt.X("period:O", sort=order, title=None, axis=alt.Axis(labels=False, ticks=False)),
            y=alt.Y("row:N", title=None),
            color=alt.Color(
                "configuration:N",
                title="configuration",
                scale=alt.Scale(domain=list(PATTERN_COLOURS), range=list(PATTERN_COLOURS.values())),
            ),
            tooltip=["period:N", "configuration:N", "pivot:N", "outcast:N", "balance:N"],
        )
    )
    width = max(240, 28 * len(order))
    return alt.vconcat(
        strip.properties(width=width, height=24, title=title or "strategic triangle"),
        (rect + text).properties(width=width, height=120),
    ).resolve_scale(color="independent")


def alignment_chart(
    frame: pd.DataFrame, *, measure: str = "agree", title: str | None = None
) -> alt.Chart:
    """One line per country pair of an alignment measure over sessions or years."""
    if measure not in MEASURES:
        raise InputError(f"measure {measure!r}: choose one of {', '.join(MEASURES)}")
    by = "session" if "session" in frame.columns else "year"
    rows = [{**r, "pair": f"{r['a']}-{r['b']}"} for r in records(frame)]
    return (
        alt.Chart(_data(rows))
        .mark_line(point=True)
        .encode(
            x=alt.X(f"{by}:Q", title=by, axis=alt.Axis(format="d")),
            y=alt.Y(f"{measure}:Q", title=measure),
            color=alt.Color("pair:N", title="pair"),
            tooltip=[f"{by}:Q", "pair:N", "n:Q", f"{measure}:Q"],
        )
        .properties(width=640, height=300, title=title or f"UNGA voting alignment ({measure})")
    )


def changes_chart(analysis: ChangeAnalysis, *, title: str | None = None) -> alt.LayerChart:
    """The series PELT saw, with a rule at each break and the segment means."""
    series = records(analysis.series[analysis.series["value"].notna()])
    base = alt.Chart(_data(series)).encode(x=alt.X("period_start:T", title="period"))
    line = base.mark_line(point=True).encode(
        y=alt.Y("value:Q", title="mean Goldstein"),
        tooltip=["period:N", "n_events:Q", "value:Q"],
    )
    layers: list[alt.Chart] = [line]
    if analysis.breaks:
        rules = [
            {
                "period_start": bp.period_start,
                "period": bp.period,
                "before": bp.before_mean,
                "after": bp.after_mean,
            }
            for bp in analysis.breaks
        ]
        layers.append(
            alt.Chart(_data(rules))
            .mark_rule(color="#c53030", strokeDash=[4, 3])
            .encode(x="period_start:T", tooltip=["period:N", "before:Q", "after:Q"])
        )
    segments = _segments(series, analysis)
    if segments:
        layers.append(
            alt.Chart(_data(segments))
            .mark_rule(color="#2f855a", strokeWidth=2)
            .encode(x="start:T", x2="end:T", y="mean:Q")
        )
    label = title or f"change points {analysis.a}-{analysis.b} ({analysis.by})"
    return alt.layer(*layers).properties(width=640, height=260, title=label)


def _segments(series: list[dict[str, Any]], analysis: ChangeAnalysis) -> list[dict[str, Any]]:
    """Start, end and mean of each segment between breaks."""
    if not series:
        return []
    cuts = [bp.period_start for bp in analysis.breaks]
    starts = [series[0]["period_start"], *cuts]
    ends = [*cuts, series[-1]["period_start"]]
    if analysis.breaks:
        means = [*(bp.before_mean for bp in analysis.breaks), analysis.breaks[-1].after_mean]
    else:
        means = [float(np.mean([r["value"] for r in series]))]
    return [{"start": a, "end": b, "mean": m} for a, b, m in zip(starts, ends, means, strict=True)]


_UNRENDERABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)


def renderable(spec: Any) -> Any:
    """A chart spec with every string stripped of control characters, lone surrogates and
    noncharacters (U+FFFE): the renderer aborts the whole process on some of them."""
    if isinstance(spec, str):
        return _UNRENDERABLE.sub("", spec)
    if isinstance(spec, dict):
        return {renderable(k): renderable(v) for k, v in spec.items()}
    if isinstance(spec, list):
        return [renderable(v) for v in spec]
    return spec


def _vl_version() -> str | None:
    wanted = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    return wanted if wanted in vl_convert.get_vegalite_versions() else None


def write_chart(chart: alt.TopLevelMixin, path: str | Path) -> Path:
    """Write the chart as PNG, SVG, self-contained HTML or Vega-Lite JSON, by the extension."""
    path = Path(path)
    ext = path.suffix.lower()
    if ext not in FORMATS:
        raise InputError(f"{path}: chart files end in {', '.join(FORMATS)}")
    spec = renderable(chart.to_dict())
    version = _vl_version()
    if ext == ".png":
        path.write_bytes(vl_convert.vegalite_to_png(spec, vl_version=version, scale=2))
    elif ext == ".svg":
        path.write_text(vl_convert.vegalite_to_svg(spec, vl_version=version), encoding="utf-8")
    elif ext == ".html":
        html = vl_convert.vegalite_to_html(spec, vl_version=version, bundle=True)
        path.write_text(html, encoding="utf-8")
    else:
        path.write_text(json.dumps(spec, indent=2), encoding="utf-8")
    return path
