"""Train the pair model of the extractor (``axiswatch.extract.pairs``) and measure it held out.

usage: python scripts/train_pair_model.py [--shared ../shared] [--folds 5] [--c 0.5]
                                          [--out src/axiswatch/extract/data/pair_model.json]
                                          [--cv-only]

Training data: the gold events of the development corpus (``eval/dev``, 20 texts) and of the two
seed articles (``eval``), annotated under ``eval/annotation-guide.md`` v1.2. Every pair of actors
a sentence names (or the rules code) is a candidate; it is positive when a gold event of that
document has the same actor pair in the same sentence (the scorer's sentence match).

Measure: documents are split into ``--folds`` groups; for each, a model trained on the other
documents runs inside the whole extractor on the held-out ones, and the pooled predictions are
scored with ``eval/score.py``. The threshold is chosen on these held-out predictions (one number
for all folds; the figure printed for it is therefore slightly optimistic, the others are not).
The shipped model is then trained on all documents. Needs scikit-learn (``pip install
'axiswatch[train]'``); the package itself scores the model without it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from pathlib import Path
from types import ModuleType

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from axiswatch.evaluation.guide import guide_row
from axiswatch.extract.pairs import Candidate, PairModel
from axiswatch.extract.pipeline import Extractor, SourceText
from axiswatch.ingest.documents import build_document

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from extract_accuracy import load_scorer  # noqa: E402  (the benchmark's loader of score.py)

MODEL_PATH = ROOT / "src" / "axiswatch" / "extract" / "data" / "pair_model.json"
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)


class Collector:
    """A pair judge that records each candidate with its gold label and keeps the rules' pairs."""

    def __init__(self, score: ModuleType, gold: list[dict]) -> None:
        self.score, self.gold = score, gold
        self.doc = ""
        self.rows: list[tuple[str, dict[str, float], int]] = []

    def accept(self, candidates: list[Candidate], sentence: str) -> list[bool]:
        gold = [
            g
            for g in self.gold
            if g["doc"] == self.doc and self.score.sent_sim(g["sentence"], sentence) >= 0.6
        ]
        for c in candidates:
            label = int(any(self.score.pair(g) == c.pair for g in gold))
            self.rows.append((self.doc, c.features, label))
        return [False for _ in candidates]


def corpus(shared: Path) -> list[tuple[Path, str]]:
    """(document, gold file) for the development corpus and the seed articles."""
    dev = [(p, "dev") for p in sorted((shared / "eval" / "dev" / "docs").glob("*.txt"))]
    seed = [(p, "seed") for p in sorted((shared / "eval" / "docs").glob("*.txt"))]
    return dev + seed


def sources(docs: list[tuple[Path, str]]) -> dict[str, SourceText]:
    out = {}
    for path, _ in docs:
        document, _ = build_document(path)
        out[path.name] = SourceText.of(document, path.name)
    return out


def fit(rows: list[tuple[str, dict[str, float], int]], c: float) -> tuple[dict, float]:
    vec = DictVectorizer()
    x = vec.fit_transform([f for _, f, _ in rows])
    y = [label for _, _, label in rows]
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit(x, y)
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) >= 1e-4
    }
    return weights, round(float(model.intercept_[0]), 4)


def predict(extractor: Extractor, texts: dict[str, SourceText], names: list[str]) -> list[dict]:
    rows = []
    for name in names:
        rows.extend(guide_row(ev) for ev in extractor.extract_one(texts[name]))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT / ".." / "shared")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--c", type=float, default=0.5, help="inverse regularisation strength")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--cv-only", action="store_true", help="measure; write no model")
    args = parser.parse_args()
    score = load_scorer(args.shared)
    gold_files = {
        "dev": args.shared / "eval" / "dev" / "gold-events.jsonl",
        "seed": args.shared / "eval" / "seed-gold-events.jsonl",
    }
    gold = {name: score.load(str(path)) for name, path in gold_files.items()}
    docs = corpus(args.shared)
    texts = sources(docs)
    kind = {path.name: k for path, k in docs}

    collector = Collector(score, gold["dev"] + gold["seed"])
    rules = Extractor(pair_judge=collector)
    for name in texts:
        collector.doc = name
        rules.extract_one(texts[name])
    print(
        f"candidates: {len(collector.rows)}, positive {sum(r[2] for r in collector.rows)}",
        file=sys.stderr,
    )

    names = list(texts)
    folds = [names[i :: args.folds] for i in range(args.folds)]
    held_out: dict[float, list[dict]] = {t: [] for t in THRESHOLDS}
    for n, fold in enumerate(folds, 1):
        train = [r for r in collector.rows if r[0] not in fold]
        weights, bias = fit(train, args.c)
        for threshold in THRESHOLDS:
            extractor = Extractor(rules.kb, pair_judge=PairModel(weights, bias, threshold))
            held_out[threshold].extend(predict(extractor, texts, fold))
        print(f"fold {n}/{len(folds)} done", file=sys.stderr)
    best, best_f1 = THRESHOLDS[0], -1.0
    print("held-out documents (model trained without them), by threshold:")
    for threshold, pred in held_out.items():
        line = []
        for set_name in ("dev", "seed"):
            p = [e for e in pred if kind[e["doc"]] == set_name]
            res = score.score(gold[set_name], p)
            line.append(
                f"{set_name} P {res['precision']:.3f} R {res['recall']:.3f} "
                f"F1 {res['f1']:.3f} strict {res['strict_f1']:.3f}"
            )
            if set_name == "dev" and res["f1"] > best_f1:
                best, best_f1 = threshold, res["f1"]
        print(f"  threshold {threshold:.2f}: " + " | ".join(line))
    print(f"chosen threshold {best} (dev held-out F1 {best_f1:.3f})")
    if args.cv_only:
        return
    weights, bias = fit(collector.rows, args.c)
    provenance = {
        "trained_on": "gold events of ../shared/eval/dev (20 texts) and the two seed articles, "
        "annotation guide v1.2",
        "gold_sha256": {
            k: hashlib.sha256(p.read_bytes()).hexdigest() for k, p in gold_files.items()
        },
        "candidates": len(collector.rows),
        "positives": sum(r[2] for r in collector.rows),
        "regularisation_c": args.c,
        "held_out_dev_f1": round(best_f1, 4),
        "built": dt.date.today().isoformat(),
        "built_by": "scripts/train_pair_model.py",
    }
    data = {"provenance": provenance, "bias": bias, "threshold": best, "weights": weights}
    args.out.write_text(json.dumps(data, indent=0, sort_keys=True) + "\n", "utf-8")
    print(f"{args.out}: {len(weights)} weights, threshold {best}")


if __name__ == "__main__":
    main()
