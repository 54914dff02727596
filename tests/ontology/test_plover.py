"""PLOVER types and modes: manual values, known corrections, defaults and label mapping."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from axiswatch.errors import InputError
from axiswatch.ontology import (
    LEGACY_LABELS,
    PLOVER_TYPES,
    cameo_code,
    cameo_to_plover,
    default_cameo,
    is_cameo_code,
    is_plover_type,
    normalise_plover_label,
    plover_mode,
    plover_modes,
    plover_score,
    plover_type,
)
from axiswatch.ontology._tables import read_table

# METHODS.md 2.1, with the corrections of 2.4 (SANCTION quad 4, ACCUSE -3).
MANUAL_TYPES = {
    "AGREE": (1, 2.5),
    "CONSULT": (1, 2.5),
    "SUPPORT": (1, 5.0),
    "CONCEDE": (1, 4.5),
    "COOPERATE": (2, 9.5),
    "AID": (2, 10.0),
    "RETREAT": (2, 6.5),
    "REQUEST": (3, 0.0),
    "ACCUSE": (3, -3.0),
    "REJECT": (3, -2.0),
    "THREATEN": (3, -3.5),
    "PROTEST": (4, -5.0),
    "SANCTION": (4, -6.0),
    "MOBILIZE": (4, -5.5),
    "COERCE": (4, -7.0),
    "ASSAULT": (4, -9.0),
}

ALL_MODES = [(m.type, m.mode) for t in PLOVER_TYPES for m in plover_modes(t)]


def test_plover_types_in_manual_order_match_table() -> None:
    assert tuple(MANUAL_TYPES) == PLOVER_TYPES
    assert tuple(row["type"] for row in read_table("plover.csv")) == PLOVER_TYPES


@pytest.mark.parametrize("name", PLOVER_TYPES, ids=PLOVER_TYPES)
def test_plover_type_quad_class_and_score(name: str) -> None:
    entry = plover_type(name)
    assert (entry.type, entry.quad_class, entry.score) == (name, *MANUAL_TYPES[name])
    assert entry.description and "\n" not in entry.description


@pytest.mark.parametrize("name", PLOVER_TYPES, ids=PLOVER_TYPES)
def test_default_cameo_exists_and_maps_back_to_type(name: str) -> None:
    code = default_cameo(name)
    assert is_cameo_code(code)
    assert code == plover_type(name).default_cameo
    assert cameo_to_plover(code)[0] == name


@pytest.mark.parametrize(("type_name", "mode"), ALL_MODES, ids=[f"{t}-{m}" for t, m in ALL_MODES])
def test_mode_default_cameo_exists_and_maps_back(type_name: str, mode: str) -> None:
    entry = plover_mode(type_name, mode)
    assert entry is not None
    if entry.default_cameo is None:
        assert default_cameo(type_name, mode) == default_cameo(type_name)
        return
    assert is_cameo_code(entry.default_cameo)
    mapped = cameo_to_plover(entry.default_cameo)
    if entry.source == "manual":
        assert mapped == (type_name, mode)
    else:
        assert entry.source == "axiswatch"
        assert mapped[0] == type_name
        assert entry.score is None


@pytest.mark.parametrize(
    ("type_name", "mode", "code"),
    [
        ("CONSULT", None, "040"),
        ("CONSULT", "visit", "042"),
        ("CONSULT", "host", "043"),
        ("CONSULT", "phone", "041"),
        ("CONSULT", "multilateral", "040"),
        ("CONSULT", "statement", "040"),
        ("AGREE", None, "030"),
        ("SUPPORT", "signing", "057"),
        ("REJECT", "veto", "129"),
        ("SANCTION", None, "160"),
        ("SANCTION", "discontinue", "163"),
        ("SANCTION", "withdraw", "161"),
        ("SANCTION", "expel", "166"),
        ("COOPERATE", "exercise", "062"),
        ("AID", "arms_transfer", "072"),
        ("RETREAT", None, "084"),
        ("ASSAULT", None, "190"),
    ],
    ids=lambda value: str(value),
)
def test_default_cameo_for_type_and_mode(type_name: str, mode: str | None, code: str) -> None:
    assert default_cameo(type_name, mode) == code


@pytest.mark.parametrize(
    ("type_name", "mode", "score"),
    [
        ("ACCUSE", None, -3.0),
        ("ACCUSE", "investigate", -3.5),
        ("CONSULT", "visit", 4.0),
        ("RETREAT", "disarm", 10.0),
        ("PROTEST", "vandalize", -5.0),
        ("SUPPORT", "signing", 5.0),
        ("THREATEN", "arrest", -3.5),
        ("COERCE", "arrest", -7.0),
        ("SANCTION", "unknown-mode", -6.0),
    ],
    ids=lambda value: str(value),
)
def test_plover_score_for_type_and_mode(type_name: str, mode: str | None, score: float) -> None:
    assert plover_score(type_name, mode) == score


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("DEMAND", "REQUEST"),
        ("DISAPPROVE", "ACCUSE"),
        ("INVESTIGATE", "ACCUSE"),
        ("FIGHT", "ASSAULT"),
        ("YIELD", "CONCEDE"),
        ("COOPERATION", "COOPERATE"),
        (" consult ", "CONSULT"),
        ("Sanction", "SANCTION"),
        ("OTHER", "OTHER"),
    ],
    ids=lambda value: value.strip(),
)
def test_normalise_plover_label_maps_label(label: str, expected: str) -> None:
    assert normalise_plover_label(label) == expected


@pytest.mark.parametrize(
    "label", ["", "APPEAL", "CONSULTS", None], ids=["empty", "appeal", "plural", "none"]
)
def test_normalise_plover_label_rejects_unknown(label: object) -> None:
    with pytest.raises(InputError, match="PLOVER event label"):
        normalise_plover_label(label)  # type: ignore[arg-type]


def test_legacy_labels_keep_investigate_mode() -> None:
    assert LEGACY_LABELS["INVESTIGATE"] == ("ACCUSE", "investigate")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("CONSULT", True),
        ("ASSAULT", True),
        ("consult", False),
        ("OTHER", False),
        ("DEMAND", False),
        ("", False),
    ],
    ids=["consult", "assault", "lower-case", "other", "legacy", "empty"],
)
def test_is_plover_type_exact_names(name: str, expected: bool) -> None:
    assert is_plover_type(name) is expected


@pytest.mark.parametrize(
    "name", ["OTHER", "DEMAND", "consult", ""], ids=["other", "legacy", "lower", "empty"]
)
def test_plover_type_rejects_other_names(name: str) -> None:
    with pytest.raises(InputError, match="not a PLOVER event type"):
        plover_type(name)


def test_default_cameo_rejects_unknown_type() -> None:
    with pytest.raises(InputError, match="OTHER"):
        default_cameo("OTHER")


def test_plover_mode_missing_is_none() -> None:
    assert plover_mode("SUPPORT", "visit") is None


def test_sanction_convict_default_is_find_guilty() -> None:
    assert cameo_code(default_cameo("SANCTION", "convict")).name.startswith("Find guilty")


def test_data_files_are_small() -> None:
    data = Path(__file__).resolve().parents[2] / "src" / "axiswatch" / "ontology" / "data"
    sizes = {path.name: path.stat().st_size for path in data.glob("*.csv")}
    assert set(sizes) == {"cameo.csv", "plover.csv", "modes.csv"}
    assert max(sizes.values()) < 100_000


# ---- the real PLOVER ontology file --------------------------------------------------------


def read_ontology(shared_dir: Path) -> dict:
    path = shared_dir / "data" / "plover" / "plover_ontology.json"
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.shared
def test_ontology_file_types_and_modes_match_tables(shared_dir: Path) -> None:
    ontology = read_ontology(shared_dir)
    assert tuple(t["event_type"] for t in ontology["event_types"]) == PLOVER_TYPES
    for entry in ontology["event_types"]:
        manual = [m.mode for m in plover_modes(entry["event_type"]) if m.source == "manual"]
        assert manual == [m["mode"] for m in entry["modes"]], entry["event_type"]
        expected = entry["requires_recipient"]
        assert plover_type(entry["event_type"]).requires_recipient is expected


@pytest.mark.shared
def test_ontology_file_scores_match_except_known_errors(shared_dir: Path) -> None:
    scores = {(s["event_type"], s["mode"]): s["score"] for s in read_ontology(shared_dir)["scores"]}
    assert scores[("ACCUSE", None)] == 3.0
    fixed = {("ACCUSE", None): -3.0}
    bad = [key for key, value in scores.items() if plover_score(*key) != fixed.get(key, value)]
    assert bad == []
