"""Accuracy of claim extraction on the development set (the two seed articles), and verdicts.

usage: python benchmarks/claims_accuracy.py [--shared ../shared] [--out out/dev-claims.jsonl]
                                            [--no-verify]

A predicted claim matches a gold claim of the same document when their sentences are the same
text, one contains the other, or they share at least 60 % of their words (Dice coefficient of
the lower-cased word sets). Pairs are matched one to one, best overlap first. Prints
precision, recall and F1, then, among the matches, how often epistemic, checkable_against and
value agree (value: over the matches whose gold claim has a value). Unless --no-verify, the
UN votes (dgrtwo and Voeten 2024 files) and the Factbook are imported from ../shared/data into
a temporary workspace and the verdicts of ``verify_all`` on the extracted claims are printed,
with those on the gold claims for comparison. Numbers are reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from axiswatch.analysis.verify import verify_all
from axiswatch.cli.claims import claim_to_guide_json
from axiswatch.extract.claims import extract_claims
from axiswatch.importers.factbook import import_factbook
from axiswatch.importers.unvotes import import_unvotes
from axiswatch.ingest.documents import build_document
from axiswatch.model import Claim
from axiswatch.store.connect import connect

ROOT = Path(__file__).resolve().parents[1]
SHARED_WORDS = 0.6
VERDICT_ORDER = ("supported", "partly", "contradicted", "unverifiable")
_WORD = re.compile(r"\w+")


def overlap(a: str, b: str) -> float:
    """1.0 for the same text or containment, else the Dice coefficient of the word sets."""
    if a == b or a in b or b in a:
        return 1.0
    wa, wb = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    if not wa or not wb:
        return 0.0
    return 2 * len(wa & wb) / (len(wa) + len(wb))


def _same_actors(gold: dict[str, Any], pred: dict[str, Any]) -> float:
    return 0.01 * (gold["subject"] == pred["subject"]) + 0.01 * (gold["object"] == pred["object"])


def match(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one (gold index, prediction index) pairs, best overlap first."""
    scored = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if g["doc"] != p["doc"]:
                continue
            score = overlap(g["sentence"], p["sentence"])
            if score >= SHARED_WORDS:
                scored.append((score + _same_actors(g, p), gi, pi))
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in scored:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def _value_equal(a: float | None, b: float | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and abs(a - b) < 1e-6)


def report_accuracy(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> None:
    """Print precision, recall, F1 and the field agreement among matches."""
    pairs = match(gold, pred)
    n = len(pairs)
    precision = n / len(pred) if pred else 0.0
    recall = n / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"gold {len(gold)}  predicted {len(pred)}  matched {n}")
    print(f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    if not n:
        return
    for field in ("epistemic", "checkable_against"):
        same = sum(1 for gi, pi in pairs if gold[gi][field] == pred[pi][field])
        print(f"{field:<18} {same}/{n} = {same / n:.3f}")
    valued = [(gi, pi) for gi, pi in pairs if gold[gi]["value"] is not None]
    same = sum(1 for gi, pi in valued if _value_equal(gold[gi]["value"], pred[pi]["value"]))
    if valued:
        print(f"{'value':<18} {same}/{len(valued)} = {same / len(valued):.3f}")
    for doc in sorted({g["doc"] for g in gold}):
        g_n = sum(1 for g in gold if g["doc"] == doc)
        p_n = sum(1 for p in pred if p["doc"] == doc)
        m_n = sum(1 for gi, _ in pairs if gold[gi]["doc"] == doc)
        print(f"  {doc}: gold {g_n}, predicted {p_n}, matched {m_n}")
    missed = [g for gi, g in enumerate(gold) if gi not in {a for a, _ in pairs}]
    for g in missed:
        print(f"  missed {g['id']}: {g['predicate']}")


def _gold_claims(rows: list[dict[str, Any]]) -> list[Claim]:
    fields = ("subject", "predicate", "object", "value", "unit", "time", "epistemic")
    return [
        Claim(
            claim_id=r["id"],
            document_id=None,
            doc=r["doc"],
            sentence=r["sentence"],
            checkable_against=r["checkable_against"],
            **{k: r[k] for k in fields},
        )
        for r in rows
    ]


def report_verdicts(shared: Path, claims: list[Claim], gold: list[Claim]) -> None:
    """Import the reference data into a temporary workspace and print the verdicts."""
    data = shared / "data"
    with tempfile.TemporaryDirectory() as tmp:
        con = connect(Path(tmp) / "bench.duckdb")
        began = time.perf_counter()
        import_unvotes(con, data / "unvotes")
        import_unvotes(con, data / "unvotes_voeten2024" / "votes_1946_2024.csv.gz")
        import_factbook(con, data / "factbook" / "profiles")
        print(f"\nreference data imported in {time.perf_counter() - began:.1f} s")
        for label, items in (("extracted", claims), ("gold", gold)):
            verdicts = verify_all(con, items)
            counts = Counter(v.verdict for v in verdicts)
            tally = ", ".join(f"{counts.get(k, 0)} {k}" for k in VERDICT_ORDER)
            print(f"verdicts on the {label} claims: {tally}")
            if label == "extracted":
                by_id = {c.claim_id: c for c in items}
                for v in verdicts:
                    if v.verdict != "unverifiable" or v.dataset:
                        claim = by_id[v.claim_id]
                        print(f"  {v.claim_id} {claim.predicate}: {v.verdict} — {v.explanation}")
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT / ".." / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "dev-claims.jsonl")
    parser.add_argument("--no-verify", action="store_true", help="skip the verdicts")
    args = parser.parse_args()
    docs = sorted((args.shared / "eval" / "docs").glob("*.txt"))
    gold_path = args.shared / "eval" / "seed-gold-claims.jsonl"
    gold = [json.loads(line) for line in gold_path.read_text("utf-8").splitlines() if line]
    claims: list[Claim] = []
    began = time.perf_counter()
    for path in docs:
        document, _ = build_document(path)
        claims += extract_claims(
            document.text,
            doc=path.name,
            document_id=document.document_id,
            published=document.published,
        )
    print(f"extracted {len(claims)} claims from {len(docs)} documents in "
          f"{time.perf_counter() - began:.1f} s")  # fmt: skip
    pred = [claim_to_guide_json(c) for c in claims]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pred), "utf-8")
    report_accuracy(gold, pred)
    if not args.no_verify:
        report_verdicts(args.shared, claims, _gold_claims(gold))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
