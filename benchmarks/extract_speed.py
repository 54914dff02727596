"""Speed of the whole extraction (events and claims) against bare spaCy on the same text.

usage: python benchmarks/extract_speed.py [--shared ../shared] [--repeat 5] [--sentences 2000]
Text: the PLV train sentences (../shared/data/zsp_plv/plv_train.jsonl) joined into paragraphs
of ten sentences. Bare spaCy is `nlp.pipe` with the same loaded pipeline (ner excluded in both).
Ours is what ingest does: one parse (``parse_paragraphs``), events, then claims on that parse.
Reports sentences per second for each and the ratio (ours / bare), in one run.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from axiswatch.extract.claims import extract_claims
from axiswatch.extract.nlp import load_nlp
from axiswatch.extract.paragraphs import iter_paragraphs, parse_paragraphs
from axiswatch.extract.pipeline import Extractor, SourceText

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT / ".." / "shared")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sentences", type=int, default=2000)
    args = parser.parse_args()
    path = args.shared / "data" / "zsp_plv" / "plv_train.jsonl"
    lines = [json.loads(x)["text"] for x in path.read_text(encoding="utf-8").splitlines()]
    lines = lines[: args.sentences]
    text = "\n\n".join(" ".join(lines[i : i + 10]) for i in range(0, len(lines), 10))
    nlp = load_nlp()
    extractor = Extractor()
    extractor.extract_one(SourceText("warmup", text[:5000]))
    bare, ours, bare_cpu, ours_cpu = [], [], [], []
    for _ in range(args.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        n_sents = sum(len(list(d.sents)) for d in nlp.pipe(p for _, p in iter_paragraphs(text)))
        bare.append(time.perf_counter() - t0)
        bare_cpu.append(time.process_time() - c0)
        t0, c0 = time.perf_counter(), time.process_time()
        paragraphs = parse_paragraphs(nlp, text)
        events = extractor.extract_one(SourceText("bench", text), paragraphs=paragraphs)
        claims = extract_claims(
            text,
            doc="bench",
            document_id=None,
            published=None,
            kb=extractor.kb,
            nlp=nlp,
            events=events,
            paragraphs=paragraphs,
        )
        ours.append(time.perf_counter() - t0)
        ours_cpu.append(time.process_time() - c0)
    b, o = min(bare), min(ours)
    paired = sorted(bi / oi for bi, oi in zip(bare, ours, strict=True))
    print(
        f"sentences={n_sents} events={len(events)} claims={len(claims)} "
        f"repeats={args.repeat} (best of)"
    )
    print(f"bare spaCy nlp.pipe: {n_sents / b:.1f} sentences/s ({b:.2f} s)")
    print(f"axiswatch events+claims: {n_sents / o:.1f} sentences/s ({o:.2f} s)")
    print(
        f"ratio ours/bare: {b / o:.3f} (best of each); median of paired runs "
        f"{paired[len(paired) // 2]:.3f}; range {paired[0]:.3f}-{paired[-1]:.3f}"
    )


if __name__ == "__main__":
    main()
