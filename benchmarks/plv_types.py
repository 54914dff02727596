"""PLOVER-type macro-F1 on the PLV train sentences (../shared/data/zsp_plv/plv_train.jsonl).

usage: python benchmarks/plv_types.py [--shared ../shared] [--limit N]
Each sentence is coded with undated events kept (the sentences carry no dates). The predicted
type of a sentence is the type of its first event; a sentence with no event counts as a miss
("NONE"). Gold labels use PLOVER v0.5 names, mapped to the current types. Prints per-type
precision/recall/F1, the macro-F1 over gold types, and coverage (share of sentences coded).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from axiswatch.extract.pipeline import Extractor, SourceText
from axiswatch.ontology.plover import normalise_plover_label

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT / ".." / "shared")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    rows = [json.loads(x) for x in (args.shared / "data" / "zsp_plv" / "plv_train.jsonl")
            .read_text(encoding="utf-8").splitlines() if x.strip()]
    rows = rows[: args.limit] if args.limit else rows
    extractor = Extractor(keep_undated=True)
    tp, fp, fn = Counter(), Counter(), Counter()
    coded = 0
    for row in rows:
        gold = normalise_plover_label(row["events"][0]["code"])
        events = extractor.extract_one(SourceText(row["id"], row["text"]))
        pred = events[0].event_type if events else "NONE"
        coded += bool(events)
        if pred == gold:
            tp[gold] += 1
        else:
            fn[gold] += 1
            if pred != "NONE":
                fp[pred] += 1
    f1s = {}
    for label in sorted(set(tp) | set(fn)):
        p = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
        r = tp[label] / (tp[label] + fn[label]) if tp[label] + fn[label] else 0.0
        f1s[label] = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{label:10s} P={p:.3f} R={r:.3f} F1={f1s[label]:.3f} n={tp[label] + fn[label]}")
    print(f"sentences={len(rows)} coded={coded} ({coded / len(rows):.1%})")
    macro = sum(f1s.values()) / len(f1s)
    print(f"macro_f1={macro:.4f} accuracy={sum(tp.values()) / len(rows):.4f}")


if __name__ == "__main__":
    main()
