"""The Workspace facade: ingestion end to end into a real DuckDB file."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import json
from collections.abc import Callable, Iterator
from dataclasses import fields, replace
from pathlib import Path

import ibis
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.ingest._fixtures import ARTICLE, HTML_PAGE, make_text_pdf

import axiswatch
from axiswatch.errors import InputError, NotFoundError
from axiswatch.model import Event
from axiswatch.store.events import EventFilter, day_bounds, write_events


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
        (event,) = ws.event_list()
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
        assert len(ws.documents()) == 1 and ws.events().empty


# events as a DataFrame, ws.table, the analyses' signatures ----------------------------------


def _event(event_id: str, when: str | None, source: str, target: str, kind: str, **kw) -> Event:
    return Event(event_id, "extracted", when, when, source, target, kind, **kw)


@pytest.fixture
def stored(tmp_path: Path) -> Iterator[axiswatch.Workspace]:
    """A workspace with two documents and five events written directly (no extraction)."""
    for name, text in (("a.txt", "Russia and North Korea."), ("b.txt", "China and Russia.")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    with axiswatch.open(tmp_path / "w.duckdb") as ws:
        ws.ingest([tmp_path / "a.txt", tmp_path / "b.txt"], extract=False)
        ids = {Path(d.path).name: d.document_id for d in ws.documents()}
        a = [
            _event("m1", "2019-06", "RUS", "PRK", "CONSULT", precision="month", why={"v": "met"}),
            _event("m2", "2020-01-02", "PRK", "RUS", "AID", precision="day", epistemic="reported"),
            _event("m3", None, "CHN", "USA", "ACCUSE", epistemic="alleged"),
        ]
        b = [
            _event("m4", "2018", "CHN", "RUS", "CONSULT", precision="year"),
            _event("m5", "2021-03-04", "XWG", "RUS", "ASSAULT", precision="day", quad_class=4),
        ]
        for name, events in (("a.txt", a), ("b.txt", b)):
            doc = ids[name]
            placed = [replace(e, document_id=doc, start_char=n * 10) for n, e in enumerate(events)]
            write_events(ws.con, placed, document_id=doc, regroup=False)
        ws.regroup()
        yield ws


def _plain(value: object) -> object:
    """A frame cell as the Event field holds it: None for a missing value."""
    return None if pd.isna(value) else value


def _day(value: pd.Timestamp) -> dt.date | None:
    return None if pd.isna(value) else value.date()


def _within(since: dt.date = dt.date.min, until: dt.date = dt.date.max) -> Callable[[Event], bool]:
    """The oracle of since/until: dated events whose span reaches into since..until."""

    def keep(e: Event) -> bool:
        first, last = day_bounds(e.date_start, e.date_end)
        return first is not None and last is not None and first <= until and last >= since

    return keep


def _ids(frame: pd.DataFrame) -> list[str]:
    return list(frame["event_id"])


def _where(ws: axiswatch.Workspace, keep: Callable[[Event], bool]) -> list[str]:
    """The oracle: the ids of event_list() that ``keep`` keeps, in listing order."""
    return [e.event_id for e in ws.event_list() if keep(e)]


def test_events_frame_has_every_event_field_and_typed_dates(stored) -> None:
    frame = stored.events()
    assert list(frame.columns) == [f.name for f in fields(Event)]
    assert frame["date_start"].dtype == frame["date_end"].dtype == "datetime64[us]"
    assert frame["mentions"].dtype == "Int64" and frame["date_from_context"].dtype == "boolean"
    listed = stored.event_list()
    assert _ids(frame) == [e.event_id for e in listed]
    for row, event in zip(frame.itertuples(), listed, strict=True):
        assert (_day(row.date_start), _day(row.date_end)) == day_bounds(
            event.date_start, event.date_end
        )
        for column in ("precision", "source", "target", "event_type", "start_char", "mentions"):
            assert _plain(getattr(row, column)) == getattr(event, column), column
        assert json.loads(row.why) == event.why
        assert row.doc in {"a.txt", "b.txt"}


def test_a_month_date_spans_its_month(stored) -> None:
    (row,) = stored.events(dyad="RUS-PRK", type="CONSULT").itertuples()
    assert (row.date_start, row.date_end, row.precision) == (
        pd.Timestamp("2019-06-01"),
        pd.Timestamp("2019-06-30"),
        "month",
    )


@pytest.mark.parametrize(
    ("options", "keep"),
    [
        ({"actor": "prk"}, lambda e: "PRK" in (e.source, e.target)),
        ({"actor": ["PRK", "USA"]}, lambda e: {"PRK", "USA"} & {e.source, e.target}),
        ({"dyad": "RUS-PRK"}, lambda e: {e.source, e.target} == {"RUS", "PRK"}),
        ({"dyad": "PRK-RUS"}, lambda e: {e.source, e.target} == {"RUS", "PRK"}),
        ({"dyad": ("rus", "chn")}, lambda e: {e.source, e.target} == {"RUS", "CHN"}),
        ({"type": "consult"}, lambda e: e.event_type == "CONSULT"),
        ({"since": "2019-07"}, _within(since=dt.date(2019, 7, 1))),
        ({"since": dt.date(2020, 1, 2)}, _within(since=dt.date(2020, 1, 2))),
        ({"until": "2019"}, _within(until=dt.date(2019, 12, 31))),
        ({"until": dt.datetime(2019, 6, 1, 12)}, _within(until=dt.date(2019, 6, 1))),
        ({"epistemic": "reported"}, lambda e: e.epistemic == "reported"),
        ({"epistemic": ["alleged", "reported"]}, lambda e: e.epistemic != "asserted"),
        ({"actor": "XWG"}, lambda e: e.source == "XWG"),
        (
            {"actor": "RUS", "since": "2019", "type": "CONSULT"},
            lambda e: (
                "RUS" in (e.source, e.target)
                and e.event_type == "CONSULT"
                and _within(since=dt.date(2019, 1, 1))(e)
            ),
        ),
    ],
)
def test_each_filter_keeps_what_it_names(stored, options: dict, keep) -> None:
    expected = _where(stored, keep)
    assert expected, "the fixture should hold events the filter keeps"
    assert _ids(stored.events(**options)) == expected


def test_document_filter_by_id_or_prefix(stored) -> None:
    doc = next(d for d in stored.documents() if Path(d.path or "").name == "a.txt")
    frame = stored.events(document=doc.document_id[:8])
    assert _ids(frame) == _where(stored, lambda e: e.document_id == doc.document_id)
    assert set(frame["doc"]) == {"a.txt"}
    with pytest.raises(NotFoundError):
        stored.events(document="ffffffff")


def test_count_review_confidence_and_limit_pass_through(stored) -> None:
    assert len(stored.events(count="mentions")) == len(
        stored.event_list(EventFilter(count="mentions"))
    )
    assert _ids(stored.events(limit=2)) == _ids(stored.events())[:2]
    assert stored.events(review="rejected").empty
    assert len(stored.events(min_confidence=0.0)) == len(stored.events())


def test_nothing_matching_is_an_empty_frame_of_the_same_shape(stored) -> None:
    full, empty = stored.events(), stored.events(dyad="USA-PRK")
    assert empty.empty
    assert list(empty.columns) == list(full.columns)
    assert empty.dtypes.equals(full.dtypes)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"actor": "PKR"}, "PKR: no such actor; did you mean PRK"),
        ({"dyad": "RUS-PKR"}, "PKR: no such actor"),
        ({"dyad": ("RUS",)}, "dyad"),
        ({"type": "CONSLT"}, "type CONSLT: no such PLOVER type; did you mean CONSULT"),
        ({"epistemic": "aserted"}, "epistemic 'aserted'.*did you mean asserted"),
        ({"since": "2019-13"}, "since='2019-13'"),
        ({"since": "2020", "until": "2019"}, "is after"),
        ({"count": "words"}, "count 'words'"),
        ({"limit": 0}, "limit=0"),
    ],
)
def test_bad_filters_raise_clear_errors(stored, options: dict, message: str) -> None:
    with pytest.raises(InputError, match=message):
        stored.events(**options)


@pytest.mark.filterwarnings("ignore:The 'future.infer_string' option")  # ibis 12 on pandas 3
def test_table_composes_ibis_queries_on_the_workspace(stored) -> None:
    t = stored.table("events")
    by_type = t.filter(t.source != "CHN").group_by("event_type").aggregate(n=ibis._.count())
    counted = stored.events().query("source != 'CHN'").event_type.value_counts()
    assert dict(by_type.execute().itertuples(index=False)) == counted.to_dict()
    assert stored.table("documents").count().execute() == 2
    mentions = stored.table("mentions")
    assert mentions.count().execute() == len(stored.events(count="mentions"))
    with stored.released():
        pass
    assert stored.table("events").count().execute() == len(stored.events())


def test_an_unknown_table_names_the_known_ones(stored) -> None:
    with pytest.raises(InputError, match="choose one of events, mentions, documents"):
        stored.table("evnts")


@pytest.mark.parametrize(
    ("method", "function"),
    [
        ("dyad", "axiswatch.analysis.dyads:dyad"),
        ("triangle", "axiswatch.analysis.triangle:triangle"),
        ("triangle_periods", "axiswatch.analysis.triangle:triangle"),
        ("votes_align", "axiswatch.analysis.alignment:votes_align"),
        ("changes", "axiswatch.analysis.changepoints:changes"),
    ],
)
def test_analysis_methods_spell_out_the_analysis_options(method: str, function: str) -> None:
    module, name = function.split(":")
    analysis = getattr(importlib.import_module(module), name)

    def options(f: Callable) -> dict[str, object]:
        params = inspect.signature(f).parameters.values()
        return {p.name: p.default for p in params if p.kind is p.KEYWORD_ONLY}

    own = getattr(axiswatch.Workspace, method)
    assert options(own) == options(analysis)
    assert not any(p.kind is p.VAR_KEYWORD for p in inspect.signature(own).parameters.values())
