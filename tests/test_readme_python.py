"""README.md's Python examples run as written, in a folder prepared for them.

Every ```python block is executed once, in a temporary folder whose ``reports/`` holds two of
the sample briefs that ``axiswatch demo`` ingests; a name the README leaves to the reader
(``text``) is given one of those briefs. The objects the blocks make are then checked against
what the README says of them.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import spacy
from tests.conftest import REPO_ROOT

import axiswatch
from axiswatch.demo.run import corpus_path
from axiswatch.extract.nlp import MODEL_PACKAGES
from axiswatch.model import Event

pytestmark = [
    pytest.mark.slow,
    # ibis 12's Table.execute() reads a pandas option that pandas 3 deprecates (upstream)
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option"),
]

README = REPO_ROOT / "README.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)
BRIEFS = ("07-shoigu-vostochny-2023.md", "08-putin-pyongyang-2024-treaty.md")
"""Sample briefs with Russia–North Korea events from 2023 and 2024."""


def python_blocks(text: str) -> list[tuple[int, str]]:
    """Each ```python block of a Markdown text with the line it starts on."""
    return [(text.count("\n", 0, m.start()) + 1, m.group(1)) for m in BLOCK.finditer(text)]


def _spacy_load_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the official en_core_web_sm is not installed, spacy.load gives the same weights
    under the other name axiswatch accepts (axiswatch.extract.nlp.MODEL_PACKAGES)."""
    installed = next((m for m in MODEL_PACKAGES if spacy.util.is_package(m)), None)
    if installed is None or spacy.util.is_package(MODEL_PACKAGES[0]):
        return
    load = spacy.load

    def fallback(name: Any, *args: Any, **kwargs: Any) -> Any:
        return load(installed if name == MODEL_PACKAGES[0] else name, *args, **kwargs)

    monkeypatch.setattr(spacy, "load", fallback)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with reports/ holding two sample briefs."""
    root = tmp_path_factory.mktemp("readme")
    (root / "reports").mkdir()
    with corpus_path() as corpus:
        for name in BRIEFS:
            shutil.copy(corpus / name, root / "reports" / name)
    return root


@pytest.fixture(scope="module")
def ran(folder: Path) -> Iterator[dict[int, dict[str, Any]]]:
    """Every README Python block run in ``folder``: the names each left, by starting line."""
    out = {}
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.chdir(folder)
        _spacy_load_fallback(monkeypatch)
        text = (folder / "reports" / BRIEFS[1]).read_text(encoding="utf-8")
        for line, code in python_blocks(README.read_text(encoding="utf-8")):
            namespace: dict[str, Any] = {"__name__": "readme", "text": text}
            exec(compile(code, f"{README}:{line}", "exec"), namespace)
            out[line] = namespace
    yield out


def _made(ran: dict[int, dict[str, Any]], name: str) -> Any:
    """The object a README block bound to ``name``."""
    found = [ns[name] for ns in ran.values() if name in ns]
    assert found, f"no README Python block makes {name!r}"
    return found[0]


def test_the_readme_has_python_examples_and_they_all_run(ran) -> None:
    assert len(ran) >= 2


def test_events_are_a_frame_with_every_event_field_and_typed_dates(ran) -> None:
    events = _made(ran, "events")
    assert isinstance(events, pd.DataFrame) and not events.empty
    assert list(events.columns) == [f.name for f in fields(Event)]
    assert events["date_start"].dtype.kind == events["date_end"].dtype.kind == "M"
    dated = events.dropna(subset=["date_start"])
    assert (dated["date_start"] <= dated["date_end"]).all()


def test_the_filtered_frames_hold_what_their_filters_ask(ran) -> None:
    recent = _made(ran, "recent")
    assert not recent.empty
    assert all({s, t} == {"RUS", "PRK"} for s, t in zip(recent.source, recent.target, strict=True))
    assert (recent["date_end"] >= pd.Timestamp("2019-01-01")).all()
    assert set(recent["epistemic"]) <= {"asserted", "reported"}
    visits = _made(ran, "visits")
    assert not visits.empty
    assert set(visits["event_type"]) <= {"CONSULT"}
    assert ((visits.source == "PRK") | (visits.target == "PRK")).all()
    assert (visits["date_start"] <= pd.Timestamp("2024-06-30")).all()


def test_the_review_and_the_ibis_query_are_seen_in_the_workspace(ran, folder: Path) -> None:
    rejected = _made(ran, "events").event_id.iloc[0]
    with axiswatch.open(folder / "work.duckdb") as ws:
        after = ws.events()
        assert rejected not in set(after.event_id)
        assert list(ws.events(review="rejected").event_id) == [rejected]
    by_type = _made(ran, "by_type")
    assert not by_type.empty
    counted = after[after.source == "RUS"].event_type.value_counts()
    assert dict(zip(by_type.event_type, by_type.n, strict=True)) == counted.to_dict()


def test_the_analyses_are_frames(ran) -> None:
    for name in ("series", "triangle", "alignment"):
        assert isinstance(_made(ran, name), pd.DataFrame), name
    assert not _made(ran, "series").empty


def test_the_spacy_components_give_events(ran) -> None:
    doc = _made(ran, "doc")
    assert doc._.axiswatch_events
    assert all(isinstance(e, Event) for e in doc._.axiswatch_events)
