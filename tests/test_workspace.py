"""The Workspace facade: ingestion end to end into a real DuckDB file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.ingest._fixtures import ARTICLE, HTML_PAGE, make_text_pdf

import axiswatch
from axiswatch.errors import NotFoundError


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Release Date : 2024-04-10\n\n" + ARTICLE, encoding="utf-8")
    (folder / "b.md").write_text(
        "---\ntitle: Brief B\npublished: 2023-09-13\n---\nKim Jong Un met Putin at Vostochny.",
        encoding="utf-8",
    )
    (folder / "sub" / "c.html").write_text(HTML_PAGE, encoding="utf-8")
    (folder / "sub" / "d.pdf").write_bytes(make_text_pdf("Shoigu visited Pyongyang in July 2023."))
    (folder / "notes.jpg").write_bytes(b"\xff\xd8\xff")
    (folder / ".hidden.txt").write_text("hidden", encoding="utf-8")
    return folder


def test_ingest_folder_recursive_all_formats(tmp_path: Path, corpus: Path) -> None:
    with axiswatch.open(tmp_path / "w.duckdb") as ws:
        report = ws.ingest([corpus], extract=False)
        docs = {Path(d.path).name: d for d in ws.documents()}
    assert report.count("added") == 4
    assert set(docs) == {"a.txt", "b.md", "c.html", "d.pdf"}
    assert report.skipped == [str(corpus / "notes.jpg")]
    assert docs["a.txt"].published == dt.date(2024, 4, 10)
    assert docs["a.txt"].published_source == "detected"
    assert docs["b.md"].title == "Brief B"
    assert docs["b.md"].published_source == "front_matter"
    assert docs["c.html"].media_type == "text/html"
    assert docs["d.pdf"].media_type == "application/pdf"


def test_ingest_twice_adds_nothing(tmp_path: Path, corpus: Path) -> None:
    with axiswatch.open(tmp_path / "w.duckdb") as ws:
        ws.ingest([corpus], extract=False)
        before = [d.document_id for d in ws.documents()]
        again = ws.ingest([corpus], extract=False)
        after = [d.document_id for d in ws.documents()]
    assert again.count("added") == 0
    assert again.count("unchanged") == 4
    assert before == after


def test_ingest_options_override_front_matter(tmp_path: Path, corpus: Path) -> None:
    with axiswatch.open(tmp_path / "w.duckdb") as ws:
        ws.ingest([corpus / "b.md"], title="Given", published=dt.date(2020, 1, 2), extract=False)
        (doc,) = ws.documents()
    assert (doc.title, doc.published, doc.published_source) == (
        "Given",
        dt.date(2020, 1, 2),
        "option",
    )


def test_ingest_bad_files_fail_alone(tmp_path: Path, corpus: Path) -> None:
    bad = tmp_path / "blob.dat"
    bad.write_bytes(bytes(range(256)) * 8)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with axiswatch.open(tmp_path / "w.duckdb") as ws:
        report = ws.ingest([corpus / "a.txt", bad, empty, tmp_path / "missing.txt"], extract=False)
        stored = ws.documents()
    assert report.count("added") == 1
    assert {Path(o.path).name: o.reason.split(",")[0].split(":")[0] for o in report.failed} == {
        "blob.dat": "binary file",
        "empty.txt": "empty file",
        "missing.txt": "no such file or folder",
    }
    assert len(stored) == 1


def test_ingest_same_text_under_two_names_is_one_document(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "y.txt").write_text(ARTICLE + "\r\n", encoding="utf-8")
    with axiswatch.open(tmp_path / "w.duckdb") as ws:
        report = ws.ingest([tmp_path / "x.txt", tmp_path / "y.txt"], extract=False)
        paths = ws.con.execute("SELECT count(*) FROM document_paths").fetchone()[0]
    assert [o.status for o in report.outcomes] == ["added", "unchanged"]
    assert paths == 2


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1))
def test_reingest_changes_nothing(tmp_path: Path, body: str) -> None:
    if not body.strip():
        return
    path = tmp_path / "p.txt"
    path.write_text(body, encoding="utf-8")
    db = tmp_path / f"w{abs(hash(body))}.duckdb"
    with axiswatch.open(db) as ws:
        first = ws.ingest([path], extract=False)
        rows = ws.con.execute("SELECT document_id, text FROM documents").fetchall()
        second = ws.ingest([path], extract=False)
        rows_after = ws.con.execute("SELECT document_id, text FROM documents").fetchall()
    assert first.count("added") == 1
    assert second.count("unchanged") == 1
    assert rows == rows_after


def test_document_by_prefix_and_unknown(tmp_path: Path, corpus: Path) -> None:
    with axiswatch.open(tmp_path / "w.duckdb") as ws:
        ws.ingest([corpus / "a.txt"], extract=False)
        (doc,) = ws.documents()
        assert ws.document(doc.document_id[:8]) == doc
        with pytest.raises(NotFoundError, match="axiswatch documents"):
            ws.document("ffffffff")


def test_workspace_actor_file_beside_the_database_feeds_extraction(tmp_path: Path) -> None:
    (tmp_path / "axiswatch-actors.yaml").write_text(
        "actors:\n  - {id: PRK, aliases: [the Hermit Kingdom]}\n", encoding="utf-8"
    )
    brief = tmp_path / "brief.txt"
    brief.write_text("In 2019, Vladimir Putin visited the Hermit Kingdom.", encoding="utf-8")
    with axiswatch.open(tmp_path / "w.duckdb") as ws:
        ws.ingest([brief])
        (event,) = ws.events()
    assert (event.source, event.target, event.event_type) == ("RUS", "PRK", "CONSULT")


def test_a_text_over_the_extraction_limit_is_stored_and_reported(tmp_path, monkeypatch) -> None:
    import axiswatch
    from axiswatch import workspace

    monkeypatch.setattr(workspace, "MAX_EXTRACT_CHARS", 100)
    path = tmp_path / "long.txt"
    path.write_text("Russia condemned Japan on 3 May 2018. " * 10, encoding="utf-8")
    with axiswatch.open(tmp_path / "w.duckdb") as ws:
        [outcome] = ws.ingest([path]).outcomes
        assert outcome.status == "added"
        assert "extracted from texts of up to 100" in (outcome.extract_error or "")
        assert len(ws.documents()) == 1 and ws.events() == []
