"""Compile the Phoenix/PETRARCH-2 agents dictionary into the package's table of state agents.

usage: python scripts/build_agents.py [--source FILE] [--out FILE]
(defaults: ../shared/data/phoenix_dictionaries/Phoenix.agents.txt and
src/axiswatch/actors/data/agents.json)

The dictionary (Open Event Data Alliance, MIT licence) maps generic agent nouns to CAMEO sector
codes: ``POLICE {} [~COP]``, ``!MINIST!_OF_DEFENSE [~GOVMIL]``. We keep the agents that stand for
their state under the annotation guide (government, military, police, judiciary, legislature,
intelligence, and the government's own sectors, ``GOV*``): written after a state's name or
adjective ("Indian police", "the Russian judiciary") they are that state's organ, coded with
the state (CAMEO would write INDCOP; our series roll up to states). Non-state agents (rebels,
opposition, business, media, civilians ...) are left out: they do not stand for a state.
Substitution sets (``!PERSON!``) are expanded; ``{...}`` lists irregular plurals.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT / ".." / "shared" / "data" / "phoenix_dictionaries" / "Phoenix.agents.txt"
DEFAULT_OUT = ROOT / "src" / "axiswatch" / "actors" / "data" / "agents.json"
STATE_SECTORS = ("GOV", "MIL", "COP", "JUD", "LEG", "SPY")
ENTRY = re.compile(r"^(?P<word>[^\s\[{]+)\s*(?:\{(?P<plurals>[^}]*)\})?\s*\[~(?P<code>[A-Z]+)\]")
SUBSTITUTION = re.compile(r"^!(?P<name>[A-Z]+)!\s*=\s*(?P<values>.+)$")


def compile_agents(source: Path) -> dict[str, str]:
    """Agent phrase (lower case, spaces) -> sector code, for the state sectors."""
    sets: dict[str, list[str]] = {}
    agents: dict[str, str] = {}
    for line in source.read_text("utf-8", errors="replace").splitlines():
        line = line.split("#")[0].strip()
        sub = SUBSTITUTION.match(line)
        if sub:
            sets[sub["name"]] = [v.strip() for v in sub["values"].split(",") if v.strip()]
            continue
        entry = ENTRY.match(line)
        if entry is None or not entry["code"].startswith(STATE_SECTORS):
            continue
        forms = [entry["word"], *(entry["plurals"] or "").split()]
        for form in forms:
            for expanded in _expand(form, sets):
                phrase = " ".join(w for w in expanded.lower().replace("_", " ").split() if w)
                if phrase and len(phrase) > 2:
                    agents.setdefault(phrase, entry["code"])
    return dict(sorted(agents.items()))


def _expand(form: str, sets: dict[str, list[str]]) -> list[str]:
    match = re.search(r"!([A-Z]+)!", form)
    if match is None:
        return [form]
    out = []
    for value in sets.get(match.group(1), []):
        out.extend(_expand(form[: match.start()] + value + form[match.end() :], sets))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    agents = compile_agents(args.source)
    table = {
        "provenance": {
            "source": "Phoenix.agents.txt of PETRARCH-2 (openeventdata/petrarch2, "
            "data/dictionaries, commit 676801cd)",
            "licence": "MIT, Copyright (c) 2014 Open Event Data Alliance",
            "sha256": hashlib.sha256(args.source.read_bytes()).hexdigest(),
            "kept": "state sectors " + ", ".join(STATE_SECTORS) + " (and GOV* sub-sectors)",
            "built": dt.date.today().isoformat(),
            "built_by": "scripts/build_agents.py",
        },
        "agents": agents,
    }
    args.out.write_text(json.dumps(table, ensure_ascii=False, indent=0) + "\n", "utf-8")
    print(f"{args.out}: {len(agents)} state agents")


if __name__ == "__main__":
    main()
