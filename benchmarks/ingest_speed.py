"""Speed of `ingest` (read, store, one parse, events, claims, grouping) against bare spaCy.

usage: python benchmarks/ingest_speed.py [--shared ../shared] [--repeat 3] [--copies 2]

Documents: the development corpus (``../shared/eval/dev/docs``, 20 texts of six genres),
copied ``--copies`` times with a line that makes each copy a new text. Each round ingests
them into a fresh workspace with ``Workspace.ingest`` and, in the same run, parses the same
texts with the same loaded spaCy pipeline (``nlp.pipe``, the floor). Prints seconds for each,
words per second and the ratio ingest / spaCy (best and median of the rounds). Reported, never
asserted.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from axiswatch.extract.nlp import load_nlp
from axiswatch.ingest.documents import build_document
from axiswatch.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]


def corpus(shared: Path, copies: int, folder: Path) -> list[Path]:
    """The development texts written ``copies`` times into ``folder``, each copy distinct."""
    out = []
    for k in range(copies):
        for path in sorted((shared / "eval" / "dev" / "docs").glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            copy = folder / f"{path.stem}-{k}.txt"
            copy.write_text(text + f"\n\n(copy {k})\n", encoding="utf-8")
            out.append(copy)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT / ".." / "shared")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--copies", type=int, default=2)
    args = parser.parse_args()
    nlp = load_nlp()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        files = corpus(args.shared, args.copies, folder)
        texts = [build_document(p)[0].text for p in files]
        words = sum(len(t.split()) for t in texts)
        with Workspace(Path(tmp) / "warm.duckdb") as ws:  # models and tables loaded once
            ws.ingest(files[:1])
        ours, bare = [], []
        for k in range(args.repeat):
            t0 = time.perf_counter()
            with Workspace(Path(tmp) / f"run{k}.duckdb") as ws:
                report = ws.ingest(files)
            ours.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            for _ in nlp.pipe(texts):
                pass
            bare.append(time.perf_counter() - t0)
        added = sum(o.status == "added" for o in report.outcomes)
    ratios = sorted(o / b for o, b in zip(ours, bare, strict=True))
    print(f"{len(files)} documents ({added} added), {words:,} words, {args.repeat} rounds")
    print(f"ingest: best {min(ours):.2f} s ({words / min(ours):,.0f} words/s)")
    print(f"spaCy:  best {min(bare):.2f} s ({words / min(bare):,.0f} words/s)")
    print(f"ingest / spaCy: best {ratios[0]:.2f}x, median {statistics.median(ratios):.2f}x")


if __name__ == "__main__":
    main()
