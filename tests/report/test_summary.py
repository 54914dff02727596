"""The executive summary: configuration now and its change, busiest dyads, contradicted claims."""

from __future__ import annotations

from collections import defaultdict
from statistics import fmean
from typing import Any

import pytest
from tests.api._sample import EVENTS, Sample
from tests.report._html import parse, section_text

import axiswatch
from axiswatch.analysis.selection import DEFAULT_EPISTEMIC
from axiswatch.report.brief import build_brief
from axiswatch.report.summary import changes, configuration_text, sign_moves
from axiswatch.report.window import parse_window

TRIANGLE = ("CHN", "RUS", "PRK")


def _period(label: str, config: str, signs: list[int | None], previous: str | None = None) -> dict:
    names = ("A-B", "B-C", "C-A")
    return {
        "period": label,
        "configuration": config,
        "pivot": "A" if config == "romantic_triangle" else None,
        "outcast": None,
        "previous_period": previous,
        "dyads": [{"dyad": d, "sign": s} for d, s in zip(names, signs, strict=True)],
    }


def test_changes_name_the_configuration_before_and_each_move() -> None:
    before = _period("2022", "unit_veto", [-1, -1, None])
    now = _period("2023", "romantic_triangle", [1, -1, 1], previous="2022")
    lines = changes(now, [before, now])
    assert lines[0] == "configuration was unit veto in 2022"
    assert lines[1:] == ["A-B -1 → +1", "C-A ? → +1 (no events before)"]
    assert configuration_text(now) == "romantic triangle, A pivot"


def test_changes_say_when_nothing_moved() -> None:
    before = _period("2022", "indeterminate", [1, 0, None])
    now = _period("2023", "indeterminate", [1, 0, None], previous="2022")
    assert changes(now, [before, now]) == [
        "configuration unchanged since 2022",
        "no dyad changed sign since 2022",
    ]
    assert sign_moves(now, _period("2024", "indeterminate", [1, 0, 0])) == [
        "C-A ? → 0 (no events before)"
    ]
    assert "no earlier period" in changes(before, [before])[0]


def _expected_busiest(period: str) -> dict[frozenset[str], tuple[int, float]]:
    """Per pair: event count and mean Goldstein in ``period``, from the sample's own table."""
    scores: dict[frozenset[str], list[float]] = defaultdict(list)
    for _, _, source, target, _, date, g, _, epistemic in EVENTS:
        if date.startswith(period) and epistemic in DEFAULT_EPISTEMIC:
            scores[frozenset((source, target))].append(g)
    return {pair: (len(gs), fmean(gs)) for pair, gs in scores.items()}


def _latest_period() -> str:
    years = [date[:4] for *_, date, _, _, epi in EVENTS if epi in DEFAULT_EPISTEMIC]
    return max(years)


def _assert_busiest(summary: dict[str, Any], period: str) -> None:
    """The summary's busiest dyads are the sample's pairs of ``period``, counts and means."""
    wanted = _expected_busiest(period)
    got = {frozenset(r["dyad"].split("–")): r for r in summary["busiest"]}
    assert got.keys() == wanted.keys() and got
    for pair, (count, mean) in wanted.items():
        assert got[pair]["events"] == count
        assert got[pair]["goldstein"] == pytest.approx(mean)


def test_summary_is_computed_from_the_workspace(ws: axiswatch.Workspace, report_sample: Sample):
    summary = build_brief(ws)["summary"]
    latest = _latest_period()
    assert summary["period"] == latest
    _assert_busiest(summary, latest)
    periods = ws.triangle_periods(*TRIANGLE)
    assert summary["configuration"] == configuration_text(periods[-1])
    assert summary["history"][-1]["period"] == latest


def test_summary_follows_the_window(ws: axiswatch.Workspace) -> None:
    summary = build_brief(ws, window=parse_window(None, "2020"))["summary"]
    assert summary["period"] == "2020"
    _assert_busiest(summary, "2020")
    periods = {p["period"]: p for p in ws.triangle_periods(*TRIANGLE)}
    moved = sign_moves(periods[periods["2020"]["previous_period"]], periods["2020"])
    assert moved and summary["changes"][1:] == moved
    assert all(h["period"] <= "2020" for h in summary["history"])


def test_summary_cites_the_contradicted_claims(ws: axiswatch.Workspace, report_sample: Sample):
    context = build_brief(ws)
    contradicted = context["summary"]["contradicted"]
    wanted = [c for c, verdict in report_sample.claim_ids.items() if verdict == "contradicted"]
    assert contradicted["count"] == len(wanted)
    assert [c["claim_id"] for c in contradicted["shown"]] == wanted
    for claim in contradicted["shown"]:
        source = next(s for s in context["sources"] if s.number == claim["n"])
        assert claim["sentence"] in [q.text for q in source.quotes]
        assert f"claim {claim['claim_id']}" in [r for q in source.quotes for r in q.refs]


def test_summary_comes_first_and_shows_its_numbers(
    brief_html: str, ws: axiswatch.Workspace, report_sample: Sample
) -> None:
    parsed = parse(brief_html)
    sections = [i for i, s in parsed.ids.items() if i == s]
    assert sections[0] == "summary"
    text = section_text(brief_html, "summary")
    for _, mean in _expected_busiest(_latest_period()).values():
        assert f"{mean:+.2f}" in text
    wanted = [c for c, verdict in report_sample.claim_ids.items() if verdict == "contradicted"]
    assert f"{len(wanted)} claim" in text
    sentences = {c.claim_id: c.sentence for c in ws.claims()}
    assert all(sentences[c] in text for c in wanted)
