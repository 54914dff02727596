"""PLOVER-type macro-F1 on the PLV train sentences (../shared/data/zsp_plv/plv_train.jsonl).

usage: python benchmarks/plv_types.py [--shared ../shared] [--limit N]
Each sentence is coded with undated events kept (the sentences carry no dates). Two figures:
- pipeline: the type of the sentence's first full event (two resolved actors and a trigger);
  a sentence with no event counts as a miss ("NONE").
- trigger: the type of the first trigger word the lexicon finds in the sentence (actors are
  not required), which measures the type coder apart from actor resolution.
Scoring is in PLV's 15 labels: PLV's YIELD merges CONCEDE and RETREAT, so both count as YIELD;
other v0.5 names map to current types. Prints per-type P/R/F1, macro-F1 and coverage.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from axiswatch.extract.coder import find_triggers
from axiswatch.extract.paragraphs import mask_footnotes
from axiswatch.extract.pipeline import Extractor, SourceText
from axiswatch.ontology.plover import normalise_plover_label

YIELD_TYPES = {"CONCEDE", "RETREAT"}


def plv_label(label: str) -> str:
    """A label in PLV's space: CONCEDE and RETREAT are both YIELD."""
    norm = "YIELD" if label.upper() == "YIELD" else normalise_plover_label(label)
    return "YIELD" if norm in YIELD_TYPES else norm


def report(name: str, gold: list[str], pred: list[str]) -> None:
    """Per-type P/R/F1, macro-F1 over gold types, accuracy and coverage."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred, strict=True):
        if p == g:
            tp[g] += 1
        else:
            fn[g] += 1
            if p != "NONE":
                fp[p] += 1
    f1s = {}
    print(f"== {name}")
    for label in sorted(set(gold)):
        p = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
        r = tp[label] / (tp[label] + fn[label]) if tp[label] + fn[label] else 0.0
        f1s[label] = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{label:10s} P={p:.3f} R={r:.3f} F1={f1s[label]:.3f} n={tp[label] + fn[label]}")
    coded = sum(p != "NONE" for p in pred)
    macro = sum(f1s.values()) / len(f1s)
    print(
        f"{name}: sentences={len(gold)} coded={coded} ({coded / len(gold):.1%}) "
        f"macro_f1={macro:.4f} accuracy={sum(tp.values()) / len(gold):.4f}"
    )


ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT / ".." / "shared")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    rows = [
        json.loads(x)
        for x in (args.shared / "data" / "zsp_plv" / "plv_train.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
        if x.strip()
    ]
    rows = rows[: args.limit] if args.limit else rows
    extractor = Extractor(keep_undated=True)
    gold, by_event, by_trigger = [], [], []
    for row in rows:
        gold.append(plv_label(row["events"][0]["code"]))
        events = extractor.extract_one(SourceText(row["id"], row["text"]))
        by_event.append(plv_label(events[0].event_type) if events else "NONE")
        doc = extractor.nlp(mask_footnotes(row["text"]))
        found = [t for sent in doc.sents for t in find_triggers(sent)]
        typed = [trig.event_type for _, trig in found if trig.event_type != "OTHER"]
        by_trigger.append(plv_label(typed[0]) if typed else "NONE")
    report("pipeline", gold, by_event)
    report("trigger", gold, by_trigger)


if __name__ == "__main__":
    main()
