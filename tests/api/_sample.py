"""A small workspace built by hand: three documents, events at known offsets, two claims.

No spaCy: documents are ingested without extraction and the events are written with
offsets found in the stored text, so ``text[start_char:end_char] == trigger`` holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import axiswatch
from axiswatch.model import Claim, Document, Event
from axiswatch.store.claims import write_claims
from axiswatch.store.events import write_events
from axiswatch.store.reference import write_verifications

XSS = "<script>alert(1)</script><b>bold</b>"

DOCUMENTS: dict[str, str] = {
    "summit.md": (
        "---\ntitle: Summit in Vladivostok\npublished: 2019-04-30\n---\n"
        "Kim Jong Un visited Vladivostok on 25 April 2019 and met Vladimir Putin.\n"
        "Russia and North Korea signed a treaty on 19 June 2024.\n"
        "North Korea reportedly sent artillery shells to Russia in 2023.\n"
        "Russia and North Korea share a land border of 17 km.\n"
    ),
    "partners.md": (
        "---\ntitle: China and Russia\npublished: 2024-05-20\n---\n"
        "Xi Jinping hosted Vladimir Putin in Beijing on 16 May 2024.\n"
        "China condemned North Korea's missile test on 1 March 2020.\n"
        "China is the largest trading partner of North Korea.\n"
    ),
    "leak.txt": (
        "Leaked memo\n"
        f"The memo quoted {XSS} in full.\n"
        "Russia accused North Korea of delays on 2 February 2021.\n"
    ),
}

# (file, trigger, source, target, type, date, goldstein, quad, epistemic)
EVENTS: list[tuple[str, str, str, str, str, str, float, int, str]] = [
    ("summit.md", "visited", "PRK", "RUS", "CONSULT", "2019-04-25", 1.9, 1, "asserted"),
    ("summit.md", "signed", "RUS", "PRK", "AGREE", "2024-06-19", 4.8, 1, "asserted"),
    ("summit.md", "sent", "PRK", "RUS", "AID", "2023", 7.4, 2, "reported"),
    ("partners.md", "hosted", "CHN", "RUS", "CONSULT", "2024-05-16", 2.8, 1, "asserted"),
    ("partners.md", "condemned", "CHN", "PRK", "ACCUSE", "2020-03-01", -2.0, 3, "asserted"),
    ("leak.txt", "accused", "RUS", "PRK", "ACCUSE", "2021-02-02", -2.0, 3, "alleged"),
]


@dataclass
class Sample:
    """The workspace file and what was put in it."""

    path: Path
    documents: dict[str, Document] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    claim_ids: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Check:
    claim_id: str
    verdict: str
    explanation: str
    dataset: str | None
    dataset_version: str | None
    reference_rows: list[dict[str, Any]]


def _line_bounds(text: str, start: int) -> tuple[int, int]:
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", start)
    return lo, hi if hi != -1 else len(text)


def build_sample(folder: Path) -> Sample:
    """Write the files, ingest them without extraction and store the events and claims."""
    source = folder / "docs"
    source.mkdir(parents=True, exist_ok=True)
    for name, text in DOCUMENTS.items():
        (source / name).write_text(text, encoding="utf-8")
    sample = Sample(folder / "sample.duckdb")
    with axiswatch.open(sample.path) as ws:
        ws.ingest([source], extract=False)
        sample.documents = {Path(d.path or "").name: d for d in ws.documents()}
        for n, (name, trigger, src, tgt, kind, date, g, quad, epi) in enumerate(EVENTS, 1):
            document = sample.documents[name]
            start = document.text.index(trigger)
            lo, hi = _line_bounds(document.text, start)
            sample.events.append(
                Event(
                    event_id=f"{document.document_id[:12]}-t{n}",
                    origin="extracted",
                    date_start=date,
                    date_end=date,
                    source=src,
                    target=tgt,
                    event_type=kind,
                    document_id=document.document_id,
                    sentence=document.text[lo:hi],
                    sentence_start=lo,
                    sentence_end=hi,
                    trigger=trigger,
                    start_char=start,
                    end_char=start + len(trigger),
                    precision="day" if len(date) == 10 else "year",
                    goldstein=g,
                    quad_class=quad,
                    epistemic=epi,
                    confidence=0.9,
                    rule=f"trigger:{trigger}",
                    why={"trigger_lemma": trigger, "source_via": "subject"},
                    extractor_version="test.v1",
                )
            )
        write_events(ws.con, sample.events)
        sample.claim_ids = _write_claims(ws, sample.documents)
    return sample


def _write_claims(ws: axiswatch.Workspace, documents: dict[str, Document]) -> dict[str, str]:
    """Two claims (border length, trade rank) with a verdict each, written by hand."""
    rows = [
        (
            "c-border",
            "summit.md",
            "share a land border of 17 km",
            "land_border_length_with",
            "supported",
            "The Factbook gives 17 km (within 1 km).",
            "cia-world-factbook",
            "2024",
        ),
        (
            "c-trade",
            "partners.md",
            "largest trading partner",
            "largest_trade_partner_of",
            "contradicted",
            "The Factbook ranks Russia first.",
            "cia-world-factbook",
            "2024",
        ),
    ]
    checks = []
    for claim_id, name, phrase, predicate, verdict, why, dataset, version in rows:
        text = documents[name].text
        start = text.index(phrase)
        lo, hi = _line_bounds(text, start)
        ws.con.execute(
            "INSERT INTO claims (claim_id, document_id, sentence, start_char, end_char, subject, "
            "predicate, object, epistemic, checkable_against, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'asserted', 'borders', now())",
            [
                claim_id,
                documents[name].document_id,
                text[lo:hi],
                lo,
                hi,
                '"PRK"',
                predicate,
                '"RUS"',
            ],
        )
        checks.append(_Check(claim_id, verdict, why, dataset, version, [{"km": 17}]))
    write_verifications(ws.con, checks)
    return {c.claim_id: c.verdict for c in checks}


def seed_hypotheses(ws: axiswatch.Workspace, hedged: int = 55, events: int = 30) -> None:
    """``hedged`` hypotheses (CHN and RUS meeting, acting, falling out) and ``events`` more
    meetings between them, stored through the workspace."""
    predicates = ("meets", "relations_decay_with", "supports", "plays_part")
    claims = [
        Claim(
            claim_id=f"h-{n:03d}",
            document_id=None,
            sentence=f"China and Russia: hypothesis {n}.",
            subject="CHN",
            predicate=predicates[n % len(predicates)],
            object="RUS",
            epistemic="hypothetical" if n % 3 else "alleged",
        )
        for n in range(hedged)
    ]
    write_claims(ws.con, claims, document_id=None)
    write_events(
        ws.con,
        [
            Event(
                event_id=f"m-{n:03d}",
                origin="manual",
                date_start=f"2020-01-{n % 28 + 1:02d}",
                date_end=f"2020-01-{n % 28 + 1:02d}",
                source="CHN" if n % 2 else "RUS",
                target="RUS" if n % 2 else "CHN",
                event_type="CONSULT" if n % 4 else "THREATEN",
                mode="visit",
                sentence=f"They met, time {n}.",
                epistemic="negated" if n % 7 == 0 else "reported",
            )
            for n in range(events)
        ],
    )
