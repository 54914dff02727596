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
from axiswatch.analysis.periods import period_label, period_starts
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
    "no_events": "#ffffff",
}
WIDTH = 1040
GAPS = "break-paths-show-domains"  # a missing value breaks the line instead of bridging it
_TICKS = {
    "year": ("year", 1, "%Y"),
    "quarter": ("month", 3, "%Y Q%q"),
    "month": ("month", 1, "%b %Y"),
}
MEASURE_TITLES = {
    "agree": "share of roll calls voted alike (0–1)",
    "lijphart": "Lijphart index of agreement (0–1)",
}
QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


def _data(rows: Sequence[dict[str, Any]]) -> alt.Data:
    return alt.Data(values=list(rows))


def grain(labels: Sequence[str]) -> str:
    """The period of labels made by ``period_label``: '2019' year, '2019-Q3' quarter, else month."""
    first = next(iter(labels), "")
    return "quarter" if "-Q" in first else "year" if len(first) == 4 else "month"


def period_axis(by: str, n_periods: int, title: str = "period") -> alt.X:
    """A time axis ticking at the period's own grain (every k-th period when there are many)."""
    unit, step, fmt = _TICKS[by]
    step *= max(1, -(-n_periods // 24))
    return alt.X(
        "period_start:T",
        title=title,
        axis=alt.Axis(format=fmt, tickCount={"interval": unit, "step": step}, labelOverlap=True),
    )


def with_empty_periods(
    rows: Sequence[dict[str, Any]], by: str, *, keys: Sequence[str] = ()
) -> list[dict[str, Any]]:
    """The rows plus one row (no values) per ``keys`` group for each period between the
    first and the last that has none, so lines break there instead of bridging the gap."""
    if not rows:
        return []
    starts = sorted({str(r["period_start"])[:10] for r in rows})
    groups = sorted({tuple(r[k] for k in keys) for r in rows})
    have = {(str(r["period_start"])[:10], *(r[k] for k in keys)) for r in rows}
    filled = list(rows)
    for start in period_starts(starts[0], starts[-1], by):
        for group in groups:
            if (start.isoformat(), *group) not in have:
                blank = {"period_start": start.isoformat(), "period": period_label(start, by)}
                filled.append(blank | dict(zip(keys, group, strict=True)))
    return sorted(filled, key=lambda r: str(r["period_start"])[:10])


def dyad_chart(
    series: pd.DataFrame, *, title: str | None = None, by: str | None = None
) -> alt.VConcatChart:
    """Mean Goldstein per direction over time, above event counts by QuadClass (both ways).

    Every period from the first to the last is on the axis; a period without events breaks
    the lines (nothing is drawn across it) and has no bars.
    """
    rows = records(series)
    by = by or grain([r["period"] for r in rows])
    filled = with_empty_periods(rows, by, keys=("direction",))
    x = period_axis(by, len({r["period"] for r in filled}))
    means = (
        alt.Chart(_data(filled))
        .mark_line(point=True, invalid=GAPS)
        .encode(
            x=x,
            y=alt.Y("goldstein_mean:Q", title="mean Goldstein (−10 hostile … +10 cooperative)"),
            color=alt.Color("direction:N", title="direction"),
            tooltip=["period:N", "direction:N", "n_events:Q", "goldstein_mean:Q"],
        )
        .properties(width=WIDTH, height=220, title=title or "dyad")
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
            x=x,
            y=alt.Y("events:Q", title="events (both directions)", stack="zero"),
            color=alt.Color("quad:N", title="QuadClass", sort=list(QUAD_NAMES.values())),
            tooltip=["period:N", "quad:N", "events:Q"],
        )
        .properties(width=WIDTH, height=160, title="events per period by QuadClass")
    )
    return alt.vconcat(means, counts).resolve_scale(color="independent")


def every_period(periods: Sequence[dict[str, Any]], by: str) -> list[dict[str, Any]]:
    """Triangle periods with a blank one ("no events", no signs) for each period in between
    that has no events of its own."""
    if not periods:
        return []
    have = {p["period"]: p for p in periods}
    out = []
    for start in period_starts(periods[0]["period_start"], periods[-1]["period_start"], by):
        label = period_label(start, by)
        out.append(have.get(label) or _blank_period(periods[0], label, start.isoformat()))
    return out


def _blank_period(like: dict[str, Any], label: str, start: str) -> dict[str, Any]:
    dyads = [
        {"dyad": d["dyad"], "a": d["a"], "b": d["b"], "sign": None, "g": None, "n_ab": 0}
        | {"n_ba": 0, "event_ids": []}
        for d in like["dyads"]
    ]
    return {"period": label, "period_start": start, "configuration": "no_events", "empty": True} | {
        "dyads": dyads,
        "flipped": [],
        "actors": like.get("actors"),
    }


def _sign_key(sign: int | None) -> str:
    return "none" if sign is None else f"{sign:+d}" if sign else "0"


def triangle_chart(
    periods: Sequence[dict[str, Any]], *, title: str | None = None, by: str | None = None
) -> alt.VConcatChart:
    """Each dyad's sign per period (colour) with g, under a strip naming the configuration.

    Every period from the first to the last is a column; one without events is blank and
    its strip says "no events".
    """
    by = by or grain([p["period"] for p in periods])
    periods = every_period(periods, by)
    cells = [
        {
            "period": p["period"],
            "dyad": d["dyad"],
            "sign": _sign_key(d["sign"]),
            "g": None if d["g"] is None else round(d["g"], 2),
            "mean Goldstein": "no events" if d["g"] is None else f"{d['g']:+.2f}",
            "events": d["n_ab"] + d["n_ba"],
        }
        for p in periods
        for d in p["dyads"]
    ]
    order = [p["period"] for p in periods]
    x = alt.X("period:O", sort=order, title=by, axis=alt.Axis(labelOverlap=True))
    dyads = [d["dyad"] for d in periods[0]["dyads"]] if periods else None
    heat = alt.Chart(_data(cells)).encode(x=x, y=alt.Y("dyad:N", sort=dyads, title=None))
    rect = heat.mark_rect(stroke="white").encode(
        color=alt.Color(
            "sign:N",
            title="sign (none: no events)",
            scale=alt.Scale(domain=list(SIGN_COLOURS), range=list(SIGN_COLOURS.values())),
        ),
        tooltip=["period:N", "dyad:N", "sign:N", "mean Goldstein:N", "events:Q"],
    )
    text = (
        heat.transform_filter("isValid(datum.g)")
        .mark_text(fontSize=10)
        .encode(text=alt.Text("g:Q", format=".1f"))
    )
    patterns = [
        {
            "period": p["period"],
            "row": "configuration",
            "configuration": p["configuration"],
            "pivot": p.get("pivot") or "–",
            "outcast": p.get("outcast") or "–",
            "balance": p.get("balance") or "–",
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
    width = WIDTH
    return alt.vconcat(
        strip.properties(width=width, height=24, title=title or "strategic triangle"),
        (rect + text).properties(
            width=width, height=120, title="sign of each dyad (g = mean Goldstein)"
        ),
    ).resolve_scale(color="independent")


def alignment_chart(
    frame: pd.DataFrame, *, measure: str = "agree", title: str | None = None
) -> alt.Chart:
    """One line per country pair of an alignment measure over sessions or years."""
    if measure not in MEASURES:
        raise InputError(f"measure {measure!r}: choose one of {', '.join(MEASURES)}")
    by = "session" if "session" in frame.columns else "year"
    rows = [{**r, "pair": f"{r['a']}-{r['b']}"} for r in records(frame)]
    seen = {(r[by], r["pair"]) for r in rows}
    if rows:
        steps = range(min(r[by] for r in rows), max(r[by] for r in rows) + 1)
        pairs = sorted({r["pair"] for r in rows})
        rows += [{by: k, "pair": p} for k in steps for p in pairs if (k, p) not in seen]
    return (
        alt.Chart(_data(sorted(rows, key=lambda r: (r["pair"], r[by]))))
        .mark_line(point=True, invalid=GAPS)
        .encode(
            x=alt.X(f"{by}:Q", title=by, axis=alt.Axis(format="d", tickMinStep=1)),
            y=alt.Y(f"{measure}:Q", title=MEASURE_TITLES.get(measure, measure)),
            color=alt.Color("pair:N", title="pair"),
            tooltip=[f"{by}:Q", "pair:N", "n:Q", f"{measure}:Q"],
        )
        .properties(width=WIDTH, height=300, title=title or f"UNGA voting alignment ({measure})")
    )


def changes_chart(analysis: ChangeAnalysis, *, title: str | None = None) -> alt.LayerChart:
    """The series PELT saw, with a rule at each break and the segment means."""
    series = records(analysis.series)
    axis = period_axis(analysis.by, len(series))
    base = alt.Chart(_data(series)).encode(x=axis)
    line = base.mark_line(point=True, invalid=GAPS).encode(
        y=alt.Y("value:Q", title="mean Goldstein (−10 … +10)"),
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
    segments = _segments([r for r in series if r["value"] is not None], analysis)
    if segments:
        layers.append(
            alt.Chart(_data(segments))
            .mark_rule(color="#2f855a", strokeWidth=2)
            .encode(x="start:T", x2="end:T", y="mean:Q")
        )
    label = title or f"change points {analysis.a}-{analysis.b} ({analysis.by})"
    return alt.layer(*layers).properties(width=WIDTH, height=260, title=label)


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
