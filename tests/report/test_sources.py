"""Numbered citations: every [n] leads to entry n of the Sources, one entry per document."""

from __future__ import annotations

import re

from tests.api._sample import Sample
from tests.report._html import parse, section_text
from tests.report.conftest import BAD_URL, SUMMIT_PUBLISHER, SUMMIT_URL

from axiswatch.model import Document, Event
from axiswatch.report.sources import Citations

QUOTED_SECTIONS = ("summary", "events", "claims", "hypotheses")


def _event(event_id: str, **fields: object) -> Event:
    base = {"origin": "extracted", "date_start": "2024", "date_end": "2024"}
    return Event(event_id=event_id, source="RUS", target="PRK", event_type="AGREE", **base | fields)


def test_a_document_keeps_its_number() -> None:
    docs = {d: Document(d, "text", title=d.upper()) for d in ("a", "b")}
    cites = Citations(docs)
    first = cites.cite_event(_event("e1", document_id="a", sentence="One."))
    second = cites.cite_claim({"claim_id": "c1", "document_id": "b", "sentence": "Two."})
    again = cites.cite_event(_event("e2", document_id="a", sentence="Three."))
    assert (first, second, again) == (1, 2, 1)
    assert [s.title for s in cites.sources] == ["A", "B"]
    assert [q.text for q in cites.sources[0].quotes] == ["One.", "Three."]


def test_a_sentence_quoted_twice_is_listed_once() -> None:
    cites = Citations({"a": Document("a", "text")})
    cites.cite_event(_event("e1", document_id="a", sentence="Same."))
    cites.cite_event(_event("e2", document_id="a", sentence="Same."))
    (quote,) = cites.sources[0].quotes
    assert quote.refs == ["E e1", "E e2"]


def test_dataset_events_and_orphans_have_sources_of_their_own() -> None:
    cites = Citations({})
    dataset = cites.cite_event(_event("e1", dataset="acled", dataset_row="42"))
    same = cites.cite_event(_event("e2", dataset="acled", dataset_row="43"))
    orphan = cites.cite_claim({"claim_id": "c9", "document_id": None, "sentence": "Maybe."})
    assert dataset == same != orphan
    kinds = {s.number: s.kind for s in cites.sources}
    assert kinds == {dataset: "dataset", orphan: "none"}
    assert [q.text for q in cites.sources[0].quotes] == ["row 42", "row 43"]


def test_only_http_urls_are_linkable() -> None:
    cites = Citations(
        {d: Document(d, "t", url=u) for d, u in (("a", SUMMIT_URL), ("b", BAD_URL), ("c", None))}
    )
    for doc in "abc":
        cites.cite_claim({"claim_id": doc, "document_id": doc, "sentence": doc})
    assert [s.linkable for s in cites.sources] == [True, False, False]


def test_every_citation_link_resolves_in_the_sources(brief_html: str) -> None:
    parsed = parse(brief_html)
    refs = parsed.refs
    assert {r.section for r in refs} >= {"summary", "events", "claims"}
    for ref in refs:
        target = ref.attrs["href"].removeprefix("#")
        assert parsed.ids.get(target) == "sources", ref.attrs["href"]
        assert ref.text == f"[{target.removeprefix('src-')}]"
    cited = {r.attrs["href"][1:] for r in refs}
    entries = {i for i, s in parsed.ids.items() if s == "sources" and i.startswith("src-")}
    assert cited == entries  # no entry that nothing cites


def test_every_quote_carries_a_citation(brief_html: str) -> None:
    quoted = set()
    for section in QUOTED_SECTIONS:
        html = brief_html.split(f'<section id="{section}">')[1].split("</section>")[0]
        quotes = re.findall(r"“[^”]+”\s*(<a class=\"ref\"[^>]*>)?", html)
        assert all(link for link in quotes), section
        quoted |= {section} if quotes else set()
    assert quoted >= {"summary", "events", "claims"}


def test_one_entry_per_document_with_its_metadata(brief_html: str, report_sample: Sample) -> None:
    parsed = parse(brief_html)
    entries = {i: t for i, t in parsed.text_by_id.items() if re.fullmatch(r"src-\d+", i)}
    summit = [t for t in entries.values() if "Summit in Vladivostok" in t]
    assert len(summit) == 1
    text = summit[0]
    assert SUMMIT_PUBLISHER in text and SUMMIT_URL in text
    assert report_sample.documents["summit.md"].published_iso in text
    signed = "Russia and North Korea signed a treaty on 19 June 2024."
    assert signed in text
    links = [a for a in parsed.anchors if a.attrs["href"] == SUMMIT_URL]
    assert [a.text for a in links] == [SUMMIT_URL]


def test_a_script_url_is_shown_but_never_linked(brief_html: str) -> None:
    assert f'href="{BAD_URL}"' not in brief_html
    assert BAD_URL in section_text(brief_html, "sources")
