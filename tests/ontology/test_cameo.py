"""CAMEO table: internal consistency, lookups, and agreement with the real GDELT files."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from axiswatch.errors import InputError
from axiswatch.ontology import (
    PLOVER_TYPES,
    cameo_code,
    cameo_codes,
    cameo_to_plover,
    goldstein,
    is_cameo_code,
    plover_modes,
    quad_class,
)

PLOVER_SOURCES = {"manual", "table2021", "table2016", "axiswatch_convention"}

# The brief's root rule, written out independently of the build script.
ROOT_TYPES = {
    "03": "AGREE",
    "04": "CONSULT",
    "05": "SUPPORT",
    "06": "COOPERATE",
    "07": "AID",
    "09": "ACCUSE",
    "10": "REQUEST",
    "11": "ACCUSE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",
    "16": "SANCTION",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "ASSAULT",
    "20": "ASSAULT",
}
ROOT_RULE_EXCEPTIONS = {"116": "SANCTION", "1712": "ASSAULT", "175": "ASSAULT"}
ROOT_RULE_EXCEPTIONS |= {"191": "COERCE", "192": "COERCE"}


def expected_root_type(code: str) -> str | None:
    if code in ROOT_RULE_EXCEPTIONS:
        return ROOT_RULE_EXCEPTIONS[code]
    if code[:2] == "08":
        return "RETREAT" if code[:3] in ("084", "085", "086", "087") else "CONCEDE"
    return ROOT_TYPES.get(code[:2])


def expected_quad(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


def test_table_codes_are_unique_strings_of_two_to_four_digits() -> None:
    codes = [entry.code for entry in cameo_codes()]
    assert len(codes) == len(set(codes)) == 317
    assert all(re.fullmatch(r"\d{2,4}", code) for code in codes)


def test_table_every_parent_exists_and_levels_match() -> None:
    bad = [
        entry.code
        for entry in cameo_codes()
        if entry.level != len(entry.code) - 1
        or entry.parent != (entry.code[:-1] if entry.level > 1 else None)
        or (entry.parent is not None and not is_cameo_code(entry.parent))
    ]
    assert bad == []


def test_table_quad_class_follows_root_rule() -> None:
    bad = [e.code for e in cameo_codes() if e.quad_class != expected_quad(e.code)]
    assert bad == []


def test_table_plover_types_follow_root_rule_except_listed_codes() -> None:
    bad = [
        (e.code, e.plover_type)
        for e in cameo_codes()
        if e.plover_type != expected_root_type(e.code)
    ]
    assert bad == []


def test_table_plover_types_and_modes_are_manual_ones() -> None:
    bad = []
    for entry in cameo_codes():
        if entry.plover_type is not None:
            assert entry.plover_type in PLOVER_TYPES, entry.code
        if entry.plover_mode is not None:
            manual = {m.mode for m in plover_modes(entry.plover_type) if m.source == "manual"}
            if entry.plover_mode not in manual:
                bad.append(entry.code)
    assert bad == []


def test_table_plover_source_is_known() -> None:
    assert {entry.plover_source for entry in cameo_codes()} <= PLOVER_SOURCES


def test_table_goldstein_lies_on_the_scale() -> None:
    values = [e.goldstein for e in cameo_codes() if e.goldstein is not None]
    assert len(values) == 311
    assert all(-10.0 <= value <= 10.0 for value in values)


@pytest.mark.parametrize(
    ("code", "name", "quad", "value"),
    [
        ("01", "MAKE PUBLIC STATEMENT", 1, 0.0),
        ("036", "Express intent to meet or negotiate", 1, 4.0),
        ("042", "Make a visit", 1, 1.9),
        ("043", "Host a visit", 1, 2.8),
        ("057", "Sign formal agreement", 1, 8.0),
        ("062", "Cooperate militarily", 2, 7.4),
        ("090", "Investigate, not specified below", 2, -2.0),
        ("129", "Veto", 3, -5.0),
        ("163", "Impose embargo, boycott, or sanctions", 4, -8.0),
        ("195", "Employ aerial weapons", 4, -10.0),
    ],
    ids=lambda value: str(value),
)
def test_cameo_code_returns_entry(code: str, name: str, quad: int, value: float) -> None:
    entry = cameo_code(code)
    assert (entry.code, entry.name, entry.quad_class, entry.goldstein) == (code, name, quad, value)


@pytest.mark.parametrize(
    ("code", "resolved"),
    [
        ("0215", "021"),
        ("0439", "043"),
        ("1214", "121"),
        ("047", "04"),
        (" 042 ", "042"),
        ("10", "10"),
    ],
    ids=["four-digit", "four-digit-host", "table2021-only", "three-digit", "spaces", "root"],
)
def test_cameo_code_falls_back_to_listed_ancestor(code: str, resolved: str) -> None:
    assert cameo_code(code).code == resolved


@pytest.mark.parametrize(
    "code",
    ["", "1", "00", "21", "99", "abc", "13y", "12345", "04.2", "０４"],
    ids=[
        "empty",
        "one-digit",
        "root-00",
        "root-21",
        "root-99",
        "letters",
        "icews-13y",
        "five-digits",
        "dot",
        "fullwidth",
    ],
)
def test_cameo_code_rejects_non_cameo(code: str) -> None:
    with pytest.raises(InputError, match=re.escape(repr(code))):
        cameo_code(code)


@pytest.mark.parametrize("code", [42, None, 4.2], ids=["int", "none", "float"])
def test_cameo_code_rejects_non_string(code: object) -> None:
    with pytest.raises(InputError, match="must be a string"):
        cameo_code(code)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("code", "quad"),
    [("05", 1), ("057", 1), ("09", 2), ("094", 2), ("14", 3), ("1454", 3), ("15", 4), ("2042", 4)],
    ids=lambda value: str(value),
)
def test_quad_class_by_root(code: str, quad: int) -> None:
    assert quad_class(code) == quad


@pytest.mark.parametrize(
    ("code", "gdelt", "manual"),
    [
        ("016", -2.0, -5.0),
        ("022", 3.2, 3.4),
        ("164", -7.0, -6.5),
        ("165", -6.5, -7.0),
        ("1213", None, -4.0),
        ("176", None, None),
    ],
    ids=["016", "022", "164", "165", "1213-not-in-gdelt", "176-extension"],
)
def test_goldstein_by_source(code: str, gdelt: float | None, manual: float | None) -> None:
    assert goldstein(code) == gdelt
    assert goldstein(code, "cameo_manual") == manual


def test_goldstein_rejects_unknown_source() -> None:
    with pytest.raises(InputError, match="Goldstein source"):
        goldstein("042", "icews")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("163", ("SANCTION", "discontinue")),
        ("057", ("SUPPORT", None)),
        ("161", ("SANCTION", "withdraw")),
        ("166", ("SANCTION", "expel")),
        ("129", ("REJECT", "yield")),
        ("042", ("CONSULT", "visit")),
        ("036", ("AGREE", None)),
        ("083", ("CONCEDE", None)),
        ("0813", ("CONCEDE", None)),
        ("0871", ("RETREAT", "ceasefire")),
        ("09", ("ACCUSE", "investigate")),
        ("112", ("ACCUSE", "allege")),
        ("195", ("ASSAULT", "aerial")),
        ("010", ("OTHER", None)),
        ("0234", ("OTHER", None)),
    ],
    ids=lambda value: value if isinstance(value, str) else str(value[0]),
)
def test_cameo_to_plover_maps_code(code: str, expected: tuple[str, str | None]) -> None:
    assert cameo_to_plover(code) == expected


@pytest.mark.parametrize(
    ("code", "source"),
    [
        ("163", "axiswatch_convention"),
        ("057", "table2021"),
        ("195", "manual"),
        ("010", "axiswatch_convention"),
    ],
    ids=["163", "057", "195", "010"],
)
def test_cameo_code_records_mapping_source(code: str, source: str) -> None:
    assert cameo_code(code).plover_source == source


def test_cameo_code_entries_are_frozen() -> None:
    entry = cameo_code("042")
    with pytest.raises(AttributeError):
        entry.name = "changed"  # type: ignore[misc]


# ---- the real reference files -------------------------------------------------------------


def read_codebook(shared_dir: Path) -> list[dict[str, str]]:
    path = shared_dir / "data" / "cameo_codebook" / "cameo_codes.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.shared
def test_codebook_codes_are_all_in_table_with_same_values(shared_dir: Path) -> None:
    rows = read_codebook(shared_dir)
    assert {row["code"] for row in rows} == {entry.code for entry in cameo_codes()}
    bad = []
    for row in rows:
        entry = cameo_code(row["code"])
        gdelt = float(row["goldstein_gdelt"]) if row["goldstein_gdelt"] else None
        if (entry.code, entry.goldstein, entry.quad_class) != (
            row["code"],
            gdelt,
            int(row["quadclass_gdelt"]),
        ):
            bad.append(row["code"])
    assert bad == []


@pytest.mark.shared
def test_gdelt_lookup_file_matches_table(shared_dir: Path) -> None:
    path = shared_dir / "data" / "cameo_codebook" / "CAMEO.goldsteinscale.txt"
    with path.open(encoding="latin-1", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert len(rows) == 311
    bad = [
        r["CAMEOEVENTCODE"]
        for r in rows
        if goldstein(r["CAMEOEVENTCODE"]) != float(r["GOLDSTEINSCALE"])
        or not is_cameo_code(r["CAMEOEVENTCODE"])
    ]
    assert bad == []


@pytest.mark.shared
def test_gdelt_sample_rows_match_quad_class_and_goldstein(shared_dir: Path) -> None:
    path = shared_dir / "data" / "gdelt_samples" / "georgia_2012-07-08.export.CSV"
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) == 2764
    bad = []
    for row in rows:
        code, root, quad, value = row[26], row[28], row[29], row[30]
        entry = cameo_code(code)
        if not is_cameo_code(code) or (entry.quad_class, entry.goldstein, code[:2]) != (
            int(quad),
            float(value),
            root,
        ):
            bad.append((row[0], code, quad, value))
    assert bad == []


@pytest.mark.shared
def test_known_override_differs_from_2021_table(shared_dir: Path) -> None:
    text = (shared_dir / "data" / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8")
    assert re.search(r"^163: COERCE, restrict", text, flags=re.MULTILINE)
    assert re.search(r"^057: SUPPORT", text, flags=re.MULTILINE)
    assert cameo_to_plover("163") == ("SANCTION", "discontinue")
    assert cameo_to_plover("057") == ("SUPPORT", None)
