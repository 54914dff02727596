"""Actor pairs, types and direction on PLV sentences between two resolvable actors.

usage: python benchmarks/plv_interstate.py [--shared ../shared]
The PLV train sentences (../shared/data/zsp_plv/plv_train.jsonl) carry gold source and target
spans. Those whose two spans both resolve (through our actor knowledge base, without a date)
to two different states or organisations form an inter-state subset; on it this prints the
share of sentences where the pipeline codes an event between the same two actors (pair
recall), and among those the accuracy of the PLOVER type (PLV labels: CONCEDE and RETREAT
count as YIELD) and of the direction. The spans are resolved with the same knowledge base the
pipeline uses, so pair recall measures the coder, not actor coverage.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from plv_types import plv_label

from axiswatch.actors.kb import ActorKB
from axiswatch.extract.pipeline import Extractor, SourceText

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT / ".." / "shared")
    args = parser.parse_args()
    path = args.shared / "data" / "zsp_plv" / "plv_train.jsonl"
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    kb = ActorKB.default()
    extractor = Extractor(kb, keep_undated=True)
    n = pairs = types = directions = 0
    for row in rows:
        gold = row["events"][0]
        source, target = kb.resolve(gold["source"]).actor, kb.resolve(gold["target"]).actor
        if not source or not target or source == target:
            continue
        n += 1
        events = extractor.extract_one(SourceText(row["id"], row["text"]))
        same = [e for e in events if {e.source, e.target} == {source, target}]
        if not same:
            continue
        pairs += 1
        types += plv_label(same[0].event_type) == plv_label(gold["code"])
        directions += (same[0].source, same[0].target) == (source, target)
    print(f"inter-state sentences={n} of {len(rows)}")
    print(
        f"pair_recall={pairs / n:.3f} type_acc={types / max(pairs, 1):.3f} "
        f"direction_acc={directions / max(pairs, 1):.3f}"
    )


if __name__ == "__main__":
    main()
