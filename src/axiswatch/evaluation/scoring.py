"""Predicted events scored against gold events, by the rules of the shared scorer.

A prediction matches a gold event of the same document when their sentences overlap (the
same text: 1.0; one inside the other: 0.95; else the share of words they have in common,
at least 0.6), their actor pairs are the same set of codes and their date intervals overlap.
Pairs are matched one to one, most similar sentences first (ties in gold order). Reported:
precision, recall, F1, strict F1 (the type right as well) and, over the matches, the share
with the right type, direction, exact dates, persons and epistemic status.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

_WORD = re.compile(r"\w+", re.UNICODE)
MIN_SIMILARITY = 0.6
FIELDS = ("type_acc", "direction_acc", "date_exact_acc", "person_acc", "epistemic_acc")

Row = dict[str, Any]


def similarity(a: str | None, b: str | None) -> float:
    """How far two sentences are the same sentence (0 to 1)."""
    a, b = (a or "").strip(), (b or "").strip()
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if a in b or b in a:
        return 0.95
    wa = {w.lower() for w in _WORD.findall(a)}
    wb = {w.lower() for w in _WORD.findall(b)}
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def _day_number(value: Any, *, last: bool) -> int:
    parts = str(value).split("-")
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else (12 if last else 1)
    day = int(parts[2]) if len(parts) > 2 else (31 if last else 1)
    return year * 10000 + month * 100 + day


def interval(row: Row) -> tuple[int, int] | None:
    """The row's dates as (first, last) YYYYMMDD numbers; None when undated."""
    start = row.get("date_start")
    if not start:
        return None
    return _day_number(start, last=False), _day_number(row.get("date_end") or start, last=True)


def _code(value: Any) -> str | None:
    return (value or "").strip().upper() or None


def _pair(row: Row) -> frozenset[str | None]:
    return frozenset((_code(row.get("source")), _code(row.get("target"))))


def _person(value: Any) -> str | None:
    return re.sub(r"[^a-z]", "", (value or "").lower()) or None


def _persons(row: Row) -> set[str | None]:
    return {_person(row.get("source_person")), _person(row.get("target_person"))} - {None}


def _dates(row: Row) -> tuple[str, str]:
    return str(row.get("date_start")), str(row.get("date_end") or row.get("date_start"))


def _checks() -> dict[str, Callable[[Row, Row], bool | None]]:
    return {
        "type_acc": lambda g, p: _code(g.get("event_type")) == _code(p.get("event_type")),
        "direction_acc": lambda g, p: (
            (_code(g.get("source")), _code(g.get("target")))
            == (_code(p.get("source")), _code(p.get("target")))
        ),
        "date_exact_acc": lambda g, p: _dates(g) == _dates(p),
        "person_acc": lambda g, p: (
            None
            if not (g.get("source_person") or g.get("target_person"))
            else _persons(g) == _persons(p)
        ),
        "epistemic_acc": lambda g, p: (
            None
            if not g.get("epistemic")
            else str(g.get("epistemic")).lower() == str(p.get("epistemic") or "").lower()
        ),
    }


def match(gold: Sequence[Row], pred: Sequence[Row]) -> list[tuple[int, int]]:
    """One-to-one matches (gold index, prediction index), most similar sentences first."""
    by_doc: dict[Any, list[int]] = {}
    for pi, p in enumerate(pred):
        by_doc.setdefault(p.get("doc"), []).append(pi)
    candidates = []
    for gi, g in enumerate(gold):
        g_dates, g_pair = interval(g), _pair(g)
        if g_dates is None:
            continue
        for pi in by_doc.get(g.get("doc"), []):
            p = pred[pi]
            p_dates = interval(p)
            if _pair(p) != g_pair or p_dates is None:
                continue
            if not (g_dates[0] <= p_dates[1] and p_dates[0] <= g_dates[1]):
                continue
            sim = similarity(g.get("sentence"), p.get("sentence"))
            if sim >= MIN_SIMILARITY:
                candidates.append((sim, gi, pi))
    candidates.sort(key=lambda c: -c[0])  # stable: ties stay in gold order
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: Sequence[Row], pred: Sequence[Row]) -> dict[str, Any]:
    """The figures of the shared scorer, rounded to four places, and the misses."""
    pairs = match(gold, pred)
    tp = len(pairs)
    precision = tp / len(pred) if pred else 0.0
    recall = tp / len(gold) if gold else 0.0
    out: dict[str, Any] = {
        "gold": len(gold),
        "pred": len(pred),
        "matched": tp,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(_f1(precision, recall), 4),
    }
    for name, check in _checks().items():
        values = [v for gi, pi in pairs if (v := check(gold[gi], pred[pi])) is not None]
        out[name] = round(sum(values) / len(values), 4) if values else None
    typed = sum(
        1
        for gi, pi in pairs
        if _code(gold[gi].get("event_type")) == _code(pred[pi].get("event_type"))
    )
    sp = typed / len(pred) if pred else 0.0
    sr = typed / len(gold) if gold else 0.0
    out["strict_f1"] = round(_f1(sp, sr), 4)
    matched_g, matched_p = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
    out["missed"] = [g for i, g in enumerate(gold) if i not in matched_g]
    out["spurious"] = [p for i, p in enumerate(pred) if i not in matched_p]
    return out


def score_by_document(gold: Sequence[Row], pred: Sequence[Row]) -> list[dict[str, Any]]:
    """The figures of every document that has gold or predicted events, in name order."""
    docs = sorted({str(r.get("doc")) for r in [*gold, *pred]})
    rows = []
    for doc in docs:
        figures = score(
            [g for g in gold if str(g.get("doc")) == doc],
            [p for p in pred if str(p.get("doc")) == doc],
        )
        figures.pop("missed")
        figures.pop("spurious")
        rows.append({"doc": doc, **figures})
    return rows


def summary_line(figures: dict[str, Any]) -> str:
    """The figures as ``key=value`` pairs in the shared scorer's order."""
    keys = ("gold", "pred", "matched", "precision", "recall", "f1", *FIELDS, "strict_f1")
    return " ".join(f"{k}={figures[k]}" for k in keys)
