"""Accuracy of claim extraction: the development corpus by kind and genre, the seeds, verdicts.

usage: python benchmarks/claims_accuracy.py [--shared ../shared] [--out out/seed-claims.jsonl]
                                            [--no-verify] [--no-dev] [--misses N]

The development corpus (``eval/dev``: 20 texts, 620 gold claims) is scored first: precision,
recall and F1 overall, per genre (the genre column of its README) and per claim kind (the
``checkable_against`` field: recall counts gold claims of the kind, precision predictions of
the kind), then the seed articles as before.

A predicted claim matches a gold claim of the same document when their sentences are the same
text, one contains the other, or they share at least 60 % of their words (Dice coefficient of
the lower-cased word sets). Pairs are matched one to one, best overlap first. Prints
precision, recall and F1, then, among the matches, how often epistemic, checkable_against and
value agree (value: over the matches whose gold claim has a value). Unless --no-verify, the
bundled reference pack is installed into a temporary workspace and the verdicts of
``verify_all`` on the extracted seed claims are printed, with those on the gold claims for
comparison. Numbers are reported, never asserted.
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
from axiswatch.importers.sipri import import_sipri
from axiswatch.ingest.documents import build_document
from axiswatch.model import Claim
from axiswatch.reference.pack import install
from axiswatch.store.connect import connect

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract_accuracy import genres_of

ROOT = Path(__file__).resolve().parents[1]
SIPRI = (
    ROOT
    / ".."
    / "shared"
    / "data"
    / "sipri_arms_transfers"
    / ("transfers_among_rus_chn_prk_2000_2023.csv")
)
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


def _prf(n: int, gold: int, pred: int, right: int | None = None) -> str:
    """The figures of one row; ``right``: predictions that matched, when not ``n``."""
    p = (n if right is None else right) / pred if pred else 0.0
    r = n / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"gold {gold:>3}  pred {pred:>3}  matched {n:>3}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}"


def report_breakdown(
    gold: list[dict[str, Any]], pred: list[dict[str, Any]], genre: dict[str, str]
) -> None:
    """Precision, recall and F1 per genre and per claim kind."""
    pairs = match(gold, pred)
    print("by genre:")
    for name in sorted(set(genre.values())):
        g = {i for i, row in enumerate(gold) if genre.get(row["doc"]) == name}
        p = {i for i, row in enumerate(pred) if genre.get(row["doc"]) == name}
        n = sum(1 for gi, _ in pairs if gi in g)
        print(f"  {name:<13} {_prf(n, len(g), len(p))}")
    print("by kind (checkable_against): recall over gold claims of the kind, precision over")
    print("predictions of the kind that match a gold claim; 'kind right' among the matches")
    kinds = Counter(row["checkable_against"] for row in gold)
    matched_pred = {pi for _, pi in pairs}
    for kind, _ in kinds.most_common():
        g = {i for i, row in enumerate(gold) if row["checkable_against"] == kind}
        p = {i for i, row in enumerate(pred) if row.get("checkable_against") == kind}
        found = sum(1 for gi, _ in pairs if gi in g)
        same = sum(1 for gi, pi in pairs if gi in g and pi in p)
        row = _prf(found, len(g), len(p), right=len(p & matched_pred))
        print(f"  {kind:<15} {row}  kind right {same}/{found}")


def dev_corpus(shared: Path, misses: int) -> None:
    """Score the claims of the development corpus, overall, per genre and per kind."""
    dev = shared / "eval" / "dev"
    gold_path = dev / "gold-claims.jsonl"
    gold = [json.loads(line) for line in gold_path.read_text("utf-8").splitlines() if line]
    began = time.perf_counter()
    pred = [claim_to_guide_json(c) for c in _extract(sorted((dev / "docs").glob("*.txt")))]
    print(f"development corpus: {len(pred)} claims in {time.perf_counter() - began:.1f} s")
    pairs = match(gold, pred)
    print(f"overall        {_prf(len(pairs), len(gold), len(pred))}")
    report_breakdown(gold, pred, genres_of(dev / "README.md"))
    matched = {gi for gi, _ in pairs}
    for row in [g for i, g in enumerate(gold) if i not in matched][:misses]:
        print(f"  missed {row['id']} [{row['checkable_against']}] {row['sentence'][:110]}")
    print()


def _extract(docs: list[Path]) -> list[Claim]:
    claims: list[Claim] = []
    for path in docs:
        document, _ = build_document(path)
        claims += extract_claims(
            document.text,
            doc=path.name,
            document_id=document.document_id,
            published=document.published,
        )
    return claims


def report_verdicts(claims: list[Claim], gold: list[Claim]) -> None:
    """Install the bundled reference pack into a temporary workspace and print the verdicts."""
    with tempfile.TemporaryDirectory() as tmp:
        con = connect(Path(tmp) / "bench.duckdb")
        began = time.perf_counter()
        install(con)
        print(f"\nreference pack installed in {time.perf_counter() - began:.1f} s")
        if SIPRI.is_file():
            import_sipri(con, SIPRI)
            print(f"SIPRI register imported from {SIPRI}")
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
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "seed-claims.jsonl")
    parser.add_argument("--no-verify", action="store_true", help="skip the verdicts")
    parser.add_argument("--no-dev", action="store_true", help="only the seed articles")
    parser.add_argument("--misses", type=int, default=0, help="list N missed dev claims")
    args = parser.parse_args()
    if not args.no_dev:
        dev_corpus(args.shared, args.misses)
    docs = sorted((args.shared / "eval" / "docs").glob("*.txt"))
    gold_path = args.shared / "eval" / "seed-gold-claims.jsonl"
    gold = [json.loads(line) for line in gold_path.read_text("utf-8").splitlines() if line]
    began = time.perf_counter()
    claims = _extract(docs)
    print(f"seed articles: extracted {len(claims)} claims from {len(docs)} documents in "
          f"{time.perf_counter() - began:.1f} s")  # fmt: skip
    pred = [claim_to_guide_json(c) for c in claims]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pred), "utf-8")
    report_accuracy(gold, pred)
    if not args.no_verify:
        report_verdicts(claims, _gold_claims(gold))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
