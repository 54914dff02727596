"""Accuracy of event extraction: the development corpus by genre and by miss class, and the seeds.

usage: python benchmarks/extract_accuracy.py [--shared ../shared] [--out out/] [--set dev|seed|all]
                                             [--misses N]

For each set it writes the predicted events as JSON lines (``out/<set>-events.jsonl``) and prints
the scorer's figures (``../shared/eval/score.py``: precision, recall, F1, strict F1), then for the
development corpus the same figures per genre (from the genre column of its README) and the
misses by class:

- no event in the sentence: no predicted event shares the gold event's sentence;
- wrong pair: the sentence yields events, none with the gold actor pair;
- wrong date: the pair is found in the sentence, its dates do not overlap the gold ones;
- taken: a matching prediction exists but the one-to-one matching gave it to another gold event;
and among matched events, wrong direction and wrong type. ``--misses N`` lists N examples a class.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from types import ModuleType

from axiswatch.evaluation.guide import guide_row
from axiswatch.extract.pipeline import Extractor, SourceText
from axiswatch.ingest.documents import build_document

ROOT = Path(__file__).resolve().parents[1]
GENRES = (  # keyword in the README's genre column -> coarse genre, first match wins
    ("timeline", "timeline"),
    ("think-tank", "think-tank"),
    ("encyclopedia", "encyclopedia"),
    ("state media", "state media"),
    ("state news", "state media"),
    ("wire", "news"),
    ("newspaper", "news"),
    ("UN meeting", "news"),
)


def load_scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def genres_of(readme: Path) -> dict[str, str]:
    """File name -> coarse genre, from the README table of the development corpus."""
    out: dict[str, str] = {}
    for line in readme.read_text("utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and cells[0].endswith(".txt"):
            out[cells[0]] = next((g for k, g in GENRES if k in cells[1]), "official")
    return out


def extract(extractor: Extractor, docs: list[Path], out: Path) -> list[dict]:
    rows: list[dict] = []
    for path in docs:
        document, _ = build_document(path)
        source = SourceText.of(document, path.name)
        rows.extend(guide_row(ev) for ev in extractor.extract_one(source))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return rows


def figures(res: dict) -> str:
    return (
        f"gold {res['gold']:4d} pred {res['pred']:4d} P {res['precision']:.3f} "
        f"R {res['recall']:.3f} F1 {res['f1']:.3f} strict {res['strict_f1']:.3f}"
    )


def miss_classes(score: ModuleType, gold: list[dict], pred: list[dict], res: dict) -> dict:
    """Gold events missed, by why; matched events with a wrong direction or type."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for p in pred:
        by_doc[p["doc"]].append(p)
    classes: dict[str, list[dict]] = defaultdict(list)
    for g in res["missed"]:
        same = [p for p in by_doc[g["doc"]] if score.sent_sim(g["sentence"], p["sentence"]) >= 0.6]
        paired = [p for p in same if score.pair(p) == score.pair(g)]
        if not same:
            classes["no event in the sentence"].append(g)
        elif not paired:
            classes["wrong pair"].append(g)
        elif not any(score.dates_overlap(g, p) for p in paired):
            classes["wrong date"].append(g)
        else:
            classes["taken by another gold event"].append(g)
    matched = [g for g in gold if all(g is not m for m in res["missed"])]
    for g in matched:
        p = _best_match(score, g, by_doc[g["doc"]])
        if p is None:
            continue
        if (score.norm(g["source"]), score.norm(g["target"])) != (
            score.norm(p["source"]),
            score.norm(p["target"]),
        ):
            classes["matched, wrong direction"].append(g)
        if score.norm(g["event_type"]) != score.norm(p["event_type"]):
            classes["matched, wrong type"].append(g | {"predicted_type": p["event_type"]})
    return classes


def _best_match(score: ModuleType, g: dict, preds: list[dict]) -> dict | None:
    cands = [
        p
        for p in preds
        if score.pair(p) == score.pair(g)
        and score.dates_overlap(g, p)
        and score.sent_sim(g["sentence"], p["sentence"]) >= 0.6
    ]
    return max(cands, key=lambda p: score.sent_sim(g["sentence"], p["sentence"]), default=None)


def report_dev(score: ModuleType, shared: Path, out: Path, extractor: Extractor, misses: int):
    dev = shared / "eval" / "dev"
    docs = sorted((dev / "docs").glob("*.txt"))
    pred = extract(extractor, docs, out / "dev-events.jsonl")
    gold = score.load(str(dev / "gold-events.jsonl"))
    res = score.score(gold, pred)
    print(f"development corpus ({len(docs)} texts): {figures(res)}")
    genre = genres_of(dev / "README.md")
    print("by genre:")
    for name in sorted(set(genre.values())):
        names = {d for d, g in genre.items() if g == name}
        sub = score.score(
            [g for g in gold if g["doc"] in names], [p for p in pred if p["doc"] in names]
        )
        print(f"  {name:13s} ({len(names):2d} texts) {figures(sub)}")
    print("misses by class (share of gold):")
    classes = miss_classes(score, gold, pred, res)
    for name, items in sorted(classes.items(), key=lambda kv: -len(kv[1])):
        types = Counter(i["event_type"] for i in items).most_common(4)
        print(f"  {name:30s} {len(items):4d} ({len(items) / len(gold):.1%})  e.g. types {types}")
        for item in items[:misses]:
            extra = f" (pred {item['predicted_type']})" if "predicted_type" in item else ""
            sentence = re.sub(r"\s+", " ", item["sentence"])[:110]
            print(
                f"      {item['doc'][:12]} {item['date_start']} {item['source']}->{item['target']}"
                f" {item['event_type']}{extra} | {sentence}"
            )


def report_seed(score: ModuleType, shared: Path, out: Path, extractor: Extractor) -> None:
    docs = sorted((shared / "eval" / "docs").glob("*.txt"))
    pred = extract(extractor, docs, out / "seed-events.jsonl")
    gold = score.load(str(shared / "eval" / "seed-gold-events.jsonl"))
    print(f"seed articles ({len(docs)} texts):      {figures(score.score(gold, pred))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT / ".." / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "out")
    parser.add_argument("--set", choices=("dev", "seed", "all"), default="all")
    parser.add_argument("--misses", type=int, default=0, help="examples listed per miss class")
    args = parser.parse_args()
    if not (args.shared / "eval" / "score.py").exists():
        sys.exit(f"{args.shared}/eval/score.py not found: give --shared")
    score = load_scorer(args.shared)
    extractor = Extractor()
    if args.set in ("seed", "all"):
        report_seed(score, args.shared, args.out, extractor)
    if args.set in ("dev", "all"):
        report_dev(score, args.shared, args.out, extractor, args.misses)


if __name__ == "__main__":
    main()
