"""Issue 5 end to end: the seed articles' claims checked against the real reference data."""

from __future__ import annotations

from pathlib import Path

import pytest

import axiswatch
from axiswatch.importers.factbook import import_factbook
from axiswatch.importers.unvotes import import_unvotes


@pytest.fixture(scope="module")
def verdicts(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    db = tmp_path_factory.mktemp("e2e") / "w.duckdb"
    with axiswatch.open(db) as ws:
        ws.ingest([shared_dir / "eval" / "docs"])
        import_unvotes(ws.con, shared_dir / "data" / "unvotes_voeten2024")
        import_factbook(ws.con, shared_dir / "data" / "factbook")
        claims = {c.claim_id: c for c in ws.claims()}
        found = [(claims[v.claim_id].sentence, v) for v in ws.verify()]
        hypotheses = [h.statement for h in ws.hypotheses()]
    return found, hypotheses


def _about(found, words: str):
    return [v for sentence, v in found if words in sentence]


@pytest.mark.slow
def test_verify_seed_claims_against_factbook_and_votes(verdicts) -> None:
    found, hypotheses = verdicts
    borders = _about(found, "the length of the land border")
    assert {v.verdict for v in borders} == {"contradicted", "partly"}
    assert any("18 km" in v.explanation for v in borders if v.verdict == "contradicted")
    assert any("1,352 km" in v.explanation for v in borders if v.verdict == "partly")
    assert "supported" in {v.verdict for v in _about(found, "largest trade partner")}
    (votes_2014,) = _about(found, "one of the 11 countries")
    assert votes_2014.verdict == "supported"
    (votes_2022,) = _about(found, "one of the five countries")
    assert votes_2022.verdict == "unverifiable"
    assert "no emergency-session votes of 2022" in votes_2022.explanation
    assert any("dual-use goods" in statement for statement in hypotheses)


@pytest.fixture(scope="module")
def pack_verdicts(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    """A fresh workspace with nothing imported: the bundled reference pack decides."""
    db = tmp_path_factory.mktemp("pack") / "w.duckdb"
    with axiswatch.open(db) as ws:
        ws.ingest([shared_dir / "eval" / "docs"])
        claims = {c.claim_id: c for c in ws.claims()}
        found = [(claims[v.claim_id].sentence, v) for v in ws.verify()]
    return found


@pytest.mark.slow
def test_fresh_install_verifies_the_seed_claims_from_the_pack(pack_verdicts) -> None:
    found = pack_verdicts
    borders = _about(found, "the length of the land border")
    assert {v.verdict for v in borders} == {"contradicted", "partly"}
    assert all(v.dataset_version.startswith("pack-") for v in borders)
    assert "supported" in {v.verdict for v in _about(found, "largest trade partner")}
    (votes_2014,) = _about(found, "one of the 11 countries")
    assert votes_2014.verdict == "supported"
    (votes_2022,) = _about(found, "one of the five countries")
    assert votes_2022.verdict == "unverifiable"
    assert "covering 2022" in votes_2022.explanation
