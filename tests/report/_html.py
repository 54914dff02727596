"""A small reading of the brief's HTML (stdlib parser): its links, ids and sections."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Anchor:
    """One <a>: its attributes, its text and the section it sits in."""

    attrs: dict[str, str]
    section: str | None
    text: str = ""


@dataclass
class Parsed:
    """Every anchor, and every element id with the section that holds it."""

    anchors: list[Anchor] = field(default_factory=list)
    ids: dict[str, str | None] = field(default_factory=dict)
    text_by_id: dict[str, str] = field(default_factory=dict)

    @property
    def refs(self) -> list[Anchor]:
        """The citation links, ``<a class="ref">``."""
        return [a for a in self.anchors if "ref" in a.attrs.get("class", "").split()]


class _Reader(HTMLParser):
    VOID = frozenset({"br", "img", "meta", "hr", "input", "link", "source", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parsed = Parsed()
        self.sections: list[str | None] = []
        self.open: list[tuple[str, str | None]] = []  # (tag, id) of open elements
        self.anchor: Anchor | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "section":
            self.sections.append(values.get("id"))
        section = next((s for s in reversed(self.sections) if s), None)
        if "id" in values:
            self.parsed.ids[values["id"]] = section
            self.parsed.text_by_id[values["id"]] = ""
        if tag == "a":
            self.anchor = Anchor(values, section)
            self.parsed.anchors.append(self.anchor)
        if tag not in self.VOID:
            self.open.append((tag, values.get("id")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "section" and self.sections:
            self.sections.pop()
        if tag == "a":
            self.anchor = None
        while self.open:
            name, _ = self.open.pop()
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.anchor is not None:
            self.anchor.text += data
        for _, ident in self.open:
            if ident:
                self.parsed.text_by_id[ident] += data


def parse(html: str) -> Parsed:
    """Read the brief's anchors and ids."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.parsed


def section_text(html: str, section: str) -> str:
    """The text of ``<section id=section>``."""
    return parse(html).text_by_id.get(section, "")
