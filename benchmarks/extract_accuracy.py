"""Accuracy of event extraction on the development set (the two seed articles).

usage: python benchmarks/extract_accuracy.py [--shared ../shared] [--out out/dev-events.jsonl]
Writes the predicted events as JSON lines and prints the scorer's report
(../shared/eval/score.py: precision, recall, F1, strict F1 and per-field accuracy).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from axiswatch.cli.extract import event_to_guide_json
from axiswatch.extract.pipeline import Extractor, SourceText
from axiswatch.ingest.documents import build_document

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT / ".." / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "dev-events.jsonl")
    args = parser.parse_args()
    docs = sorted((args.shared / "eval" / "docs").glob("*.txt"))
    extractor = Extractor()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for path in docs:
            document, _ = build_document(path)
            source = SourceText(path.name, document.text, document.document_id, document.published)
            for event in extractor.extract_one(source):
                fh.write(json.dumps(event_to_guide_json(event), ensure_ascii=False) + "\n")
    gold = args.shared / "eval" / "seed-gold-events.jsonl"
    score = args.shared / "eval" / "score.py"
    subprocess.run([sys.executable, str(score), str(gold), str(args.out)], check=True)


if __name__ == "__main__":
    main()
