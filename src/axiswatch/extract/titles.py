"""Titles of texts inside a sentence, which name a text rather than tell an act.

A resolution's title quoted after the word that names the text ("resolution ES-11/1,
"Aggression against Ukraine"") or given after "titled"/"entitled" is not an act of anyone:
its words are no triggers.
"""

from __future__ import annotations

from spacy.tokens import Span

TITLE_NOUNS = frozenset(
    {
        "resolution",
        "declaration",
        "treaty",
        "agreement",
        "statement",
        "report",
        "act",
        "law",
        "bill",
        "document",
        "doctrine",
        "strategy",
        "initiative",
        "concept",
        "communique",
        "communiqué",
    }
)
TITLING_WORDS = frozenset({"titled", "entitled", "called", "named", "dubbed"})
QUOTES = frozenset({'"', "“", "”", "«", "»"})


def title_tokens(sent: Span) -> set[int]:
    """Tokens that name a text rather than tell an act: a resolution's title ("resolution
    ES-11/1, "Aggression against Ukraine"", "the resolution titled Aggression against
    Ukraine")."""
    out: set[int] = set()
    quotes = [t.i for t in sent if t.text in QUOTES]
    for open_i, close_i in zip(quotes[::2], quotes[1::2], strict=False):
        before = [t for t in sent.doc[max(sent.start, open_i - 4) : open_i] if not t.is_punct]
        if any(t.lemma_.lower() in TITLE_NOUNS | TITLING_WORDS for t in before):
            out.update(range(open_i + 1, close_i))
    for tok in sent:
        if tok.lower_ in TITLING_WORDS and tok.dep_ in {"acl", "amod"}:  # "a text titled X"
            for child in tok.children:
                if child.i > tok.i and child.dep_ in {"oprd", "dobj", "attr", "xcomp", "npadvmod"}:
                    out.update(t.i for t in child.subtree)
    return out
