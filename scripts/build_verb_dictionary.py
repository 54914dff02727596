"""Compile the PETRARCH-2 CAMEO verb dictionary into the package's verb table.

usage: python scripts/build_verb_dictionary.py [--source FILE] [--out FILE]
(defaults: ../shared/data/phoenix_dictionaries/CAMEO.2.0.txt and
src/axiswatch/extract/data/cameo_verbs.json)

The dictionary (Open Event Data Alliance, MIT licence; format in its SOURCE.md) has three parts:
synonym sets (``&FIGHT`` then ``+WORD`` lines), and verb blocks: ``---  HEAD  [code]  ---``, the
block's verbs (``WORD {INFLECTIONS} [code]``; ``+WORD_PARTICLE`` for phrasal verbs), and phrase
patterns (``- LEFT * RIGHT [code] # verb``) that apply to every verb of the block. The output
keeps, for each verb lemma, its block and default code; for each block, its patterns as lists
of required words (the words before and after the verb, a prepositional phrase's preposition
and head, a synonym set's members); and the synonym sets. Codes ``[a:b]`` keep ``a`` (the code
for the source's act); ``[---]`` and ``[:b]`` mean "no event" and are kept as null.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT / ".." / "shared" / "data" / "phoenix_dictionaries" / "CAMEO.2.0.txt"
DEFAULT_OUT = ROOT / "src" / "axiswatch" / "extract" / "data" / "cameo_verbs.json"
BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
CODE = re.compile(r"\[([^\]]*)\]")
MARKERS = set("$+%^|<>=")


def code_of(text: str) -> str | None:
    """The source-side code of "[042:043]" ("042"); None for "[---]" or "[:173]"."""
    first = text.split(":")[0].strip()
    return first if re.fullmatch(r"\d{2,4}", first) else None


def words_of(raw: str) -> list[str]:
    """ "JUMBO_JET" -> ["jumbo", "jet"]; a trailing "_" (no inflection) is dropped."""
    return [w for w in raw.strip("_").lower().split("_") if w]


def parse_pattern(text: str) -> dict:
    """ "- * (TO {PEACE PLAN}) [037] # AGREE" -> before/after lists of word alternatives."""
    body, _, _ = text.partition("#")
    match = CODE.search(body)
    code = code_of(match.group(1)) if match else None
    body = CODE.sub(" ", body)[1:]  # drop the leading "-"
    before_text, _, after_text = body.partition("*")
    return {"before": _elements(before_text), "after": _elements(after_text), "code": code}


def _elements(text: str) -> list[list[str]]:
    """Required elements: each a list of alternative words (one of them must be present)."""
    text = text.replace("(", " ").replace(")", " ").replace("{", " ").replace("}", " ")
    out: list[list[str]] = []
    for raw in text.split():
        raw = "".join(ch for ch in raw if ch not in MARKERS)
        if not raw:
            continue
        if raw.startswith("&"):
            out.append([raw])  # a synonym set, expanded at load time
        else:
            out.extend([w] for w in words_of(raw))
    return out


def compile_dictionary(source: Path) -> dict:
    synsets: dict[str, list[str]] = {}
    verbs: dict[str, dict] = {}
    blocks: dict[str, dict] = {}
    current_set: str | None = None
    block: str | None = None
    for line in source.read_text("utf-8", errors="replace").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            current_set = None if not stripped else current_set
            continue
        head = BLOCK.match(stripped)
        if head:
            block, current_set = head.group(1), None
            blocks[block] = {"code": code_of(head.group(2)), "patterns": []}
            continue
        if block is None:  # the synonym-set part of the file
            if stripped.startswith("&"):
                current_set = stripped.split()[0]
                synsets[current_set] = []
            elif stripped.startswith("+") and current_set:
                synsets[current_set].append(" ".join(words_of(stripped[1:].split()[0])))
            continue
        if stripped.startswith("-"):
            blocks[block]["patterns"].append(parse_pattern(stripped))
            continue
        body = stripped.split("#")[0]
        own = CODE.search(re.sub(r"\{[^}]*\}", " ", body))
        name = body.split()[0].lstrip("+")
        parts = words_of(name)
        if not parts:
            continue
        entry = {
            "block": block,
            "code": code_of(own.group(1)) if own else blocks[block]["code"],
            "particle": " ".join(parts[1:]) or None,
        }
        key = " ".join(parts)
        verbs.setdefault(key, entry)
    return {"synsets": synsets, "verbs": verbs, "blocks": blocks}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    data = args.source.read_bytes()
    table = compile_dictionary(args.source)
    table = {
        "provenance": {
            "source": "PETRARCH-2 CAMEO verb dictionary CAMEO.2.0.txt "
            "(openeventdata/petrarch2, data/dictionaries, commit 676801cd, 2015-04-30 update)",
            "licence": "MIT, Copyright (c) 2014 Open Event Data Alliance",
            "sha256": hashlib.sha256(data).hexdigest(),
            "built": dt.date.today().isoformat(),
            "built_by": "scripts/build_verb_dictionary.py",
        },
        **table,
    }
    args.out.write_text(json.dumps(table, ensure_ascii=False, separators=(",", ":")), "utf-8")
    n_patterns = sum(len(b["patterns"]) for b in table["blocks"].values())
    print(
        f"{args.out}: {len(table['verbs'])} verbs in {len(table['blocks'])} blocks, "
        f"{n_patterns} patterns, {len(table['synsets'])} synonym sets"
    )


if __name__ == "__main__":
    main()
