"""The built-in scorer follows the shared scorer's rules, and agrees with it figure for figure."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from axiswatch.evaluation.guide import guide_row
from axiswatch.evaluation.scoring import score, score_by_document, similarity, summary_line

S = "Kim Jong Un visited Beijing on 19 June 2018."


def _row(doc="a", sentence=S, source="PRK", target="CHN", date="2018-06-19", **kw) -> dict:
    return {"doc": doc, "sentence": sentence, "source": source, "target": target,
            "date_start": date, "date_end": kw.pop("date_end", date),
            "event_type": kw.pop("event_type", "CONSULT"), **kw}  # fmt: skip


def test_sentence_similarity() -> None:
    assert similarity(S, S) == 1.0
    assert similarity(S, "Kim Jong Un visited Beijing") == 0.95
    assert similarity("a b c", "a b d") == 0.5
    assert similarity("", S) == 0.0


def test_a_match_needs_the_document_pair_dates_and_sentence() -> None:
    gold = [_row()]
    assert score(gold, [_row(source="CHN", target="PRK")])["matched"] == 1  # unordered pair
    assert score(gold, [_row(date="2018-06")])["matched"] == 1  # coarser date overlaps
    assert score(gold, [_row(doc="b")])["matched"] == 0
    assert score(gold, [_row(target="RUS")])["matched"] == 0
    assert score(gold, [_row(date="2018-07")])["matched"] == 0
    assert score(gold, [_row(sentence="Something else entirely.")])["matched"] == 0
    assert score(gold, [_row(date=None)])["matched"] == 0


def test_figures_and_field_accuracy() -> None:
    gold = [_row(), _row(sentence="Putin met Kim.", source="RUS", target="PRK")]
    pred = [_row(source="CHN", target="PRK", event_type="SUPPORT"), _row(doc="b")]
    out = score(gold, pred)
    assert (out["matched"], out["precision"], out["recall"], out["f1"]) == (1, 0.5, 0.5, 0.5)
    assert (out["type_acc"], out["direction_acc"], out["strict_f1"]) == (0.0, 0.0, 0.0)
    assert out["person_acc"] is None and len(out["missed"]) == 1 and len(out["spurious"]) == 1
    assert summary_line(out).startswith("gold=2 pred=2 matched=1 precision=0.5")
    assert [d["doc"] for d in score_by_document(gold, pred)] == ["a", "b"]


def _shared_scorer(shared_dir: Path):
    spec = importlib.util.spec_from_file_location("shared_score", shared_dir / "eval/score.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_agrees_with_the_shared_scorer_on_the_development_corpus(shared_dir: Path) -> None:
    from axiswatch.cli.extract import file_sources
    from axiswatch.extract.pipeline import Extractor

    shared = _shared_scorer(shared_dir)
    gold_path = shared_dir / "eval/dev/gold-events.jsonl"
    gold = [json.loads(line) for line in gold_path.read_text().splitlines() if line.strip()]
    docs = sorted(str(p) for p in (shared_dir / "eval/dev/docs").glob("b0*.txt"))
    pred = [guide_row(e) for e in Extractor().extract(list(file_sources(docs)))]
    gold = [g for g in gold if g["doc"].startswith("b0")]
    theirs, ours = shared.score(gold, pred), score(gold, pred)
    for key in (
        "gold",
        "pred",
        "matched",
        "precision",
        "recall",
        "f1",
        "strict_f1",
        "type_acc",
        "direction_acc",
        "date_exact_acc",
        "person_acc",
        "epistemic_acc",
    ):
        assert ours[key] == theirs[key], key  # fmt: skip
    assert ours["matched"] > 0
