"""The layout of a document that dates and frames its sentences: datelines and headings.

- A dateline opens a wire or state-media story ("SEOUL (Reuters) –", "Pyongyang, November 2
  (KCNA) --", "Beijing, (APP - Pakistan Point News - 14th May, 2024)", "SEOUL, Korea, Republic
  Of —", "UN, June 3. /TASS/."). It names where and by whom the story was filed: no actor of
  the story is in it.
- A heading is a short line of its own without a sentence's final stop ("- 2019: Xi visits
  'best friend' -", "Broader CRINK Alignment Since 2022: Limited by Power Imbalances"). A date
  in it dates the paragraphs under it, until the next heading.
"""

from __future__ import annotations

import re

DATELINE = re.compile(
    r"""\A\s*
    (?:
        [A-Z][A-Za-z.'-]*(?:\s+[A-Z][A-Za-z.'-]*){0,3}     # a place: Seoul, SEOUL, New Delhi
        (?:,\s*[A-Za-z0-9]+(?:\s+[A-Za-z0-9]+){0,2}\.?)?   # a date or region: , November 2
        ,?\s*\([^()\n]{1,120}\)                           # the agency: (KCNA), (APP - ... 2024)
        \s*(?:--|—|–|-)?
      |
        [A-Z]{3,}(?:\s+[A-Z]{2,})*                         # an upper-case place: SEOUL
        (?:,\s*[A-Za-z]+(?:\s+[A-Za-z]+){0,3}){0,3}        # , Korea, Republic Of
        \s+(?:--|—|–)
      |
        [A-Z][A-Za-z.'-]*(?:\s+[A-Z][A-Za-z.'-]*){0,3}     # a place: UN, MOSCOW
        ,\s*[A-Za-z]+\s+\d{1,2}\.?                         # , June 3.
        \s*/[A-Z][A-Za-z-]{1,20}/\.?                        # /TASS/.
    )\s*""",
    re.VERBOSE,
)
HEADING_MAX_WORDS = 12
FOOTNOTE_MARK = re.compile(r"\[\d+\]\s*$")
SENTENCE_END = (".", "!", "?", '"', "”", "’", ";", ",", ":")


def dateline_end(paragraph: str) -> int:
    """Where the paragraph's dateline ends (0 when it has none)."""
    match = DATELINE.match(paragraph)
    if match is None or match.end() >= len(paragraph.rstrip()):
        return 0
    return match.end()


def is_heading(paragraph: str) -> bool:
    """A short line of its own that does not end as a sentence does."""
    text = FOOTNOTE_MARK.sub("", paragraph).strip()
    if not text or "\n" in text or len(text.split()) > HEADING_MAX_WORDS:
        return False
    return not text.endswith(SENTENCE_END) or (text.startswith("-") and text.endswith("-"))
