"""Build the ontology tables in src/axiswatch/ontology/data from the public reference files.

Usage: python scripts/build_ontology.py [DATA_DIR] [--out OUT_DIR]

DATA_DIR defaults to ../shared/data beside the repository root. Inputs: cameo_codebook/
(cameo_codes.csv, CAMEO.goldsteinscale.txt) and plover/ (plover_ontology.json,
CAMEO2PLOVER-2021.txt, CAMEO-PLOV-2016.txt). Outputs: cameo.csv, plover.csv, modes.csv.

The CAMEO to PLOVER mapping is taken from the 2021 conversion table, then from the 2016 one, with
the overrides below where the PLOVER manual or the axiswatch conventions (METHODS.md 2.4 and 2.6,
the annotation guide) say otherwise; each row records where its mapping came from.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA_DIR = REPO_ROOT / ".." / "shared" / "data"
DEFAULT_OUT_DIR = REPO_ROOT / "src" / "axiswatch" / "ontology" / "data"

QUAD_NAMES = {
    "verbal cooperation": 1,
    "material cooperation": 2,
    "verbal conflict": 3,
    "material conflict": 4,
}

# Known errors of the manual (METHODS 2.4): the chapter quad wins over the summary table, and the
# printed +3 for ACCUSE is a sign typo.
QUAD_FIXES = {"SANCTION": 4}
SCORE_FIXES = {"ACCUSE": -3.0}

# Type labels of older PLOVER drafts, as used in the 2016 table.
OLD_TYPE_LABELS = {
    "COOPERATION": "COOPERATE",
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "YIELD": "CONCEDE",
}

# PLOVER type by CAMEO root (the brief's root rule; 08 splits at 084).
ROOT_TYPES = {
    "03": "AGREE",
    "04": "CONSULT",
    "05": "SUPPORT",
    "06": "COOPERATE",
    "07": "AID",
    "08": "CONCEDE",
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
RETREAT_BASES = ("084", "085", "086", "087")

# Codes whose type differs from the root rule on purpose: the 2021 table or the manual put them
# elsewhere, and the manual's definitions agree.
ROOT_RULE_EXCEPTIONS = {
    "116": "SANCTION",  # find guilty: SANCTION/convict in the manual
    "1712": "ASSAULT",  # destroy property: ASSAULT/destroy
    "175": "ASSAULT",  # violent repression
    "191": "COERCE",  # blockade: COERCE/restrict
    "192": "COERCE",  # occupy territory: COERCE/seize
}


@dataclass(frozen=True)
class Mapping:
    """A PLOVER type and mode for one CAMEO code, with where it came from."""

    type: str | None
    mode: str | None
    source: str


# axiswatch conventions (METHODS 2.4 item 5, 2.6; annotation guide).
CONVENTION_MAPPINGS = {
    "163": Mapping("SANCTION", "discontinue", "axiswatch_convention"),  # 2021 table: COERCE
    "08": Mapping("CONCEDE", None, "axiswatch_convention"),  # root split CONCEDE|RETREAT
}

# Where the manual's own definitions and mode lists correct the 2021 table, or fill a code that
# neither table maps (the cameo_codebook extension codes).
MANUAL_MAPPINGS = {
    "09": Mapping("ACCUSE", "investigate", "manual"),
    "0813": Mapping("CONCEDE", None, "manual"),  # removing curfews is CONCEDE
    "0814": Mapping("CONCEDE", None, "manual"),
    "0842": Mapping("RETREAT", None, "manual"),  # mode 'return' is not in the manual
    "085": Mapping("RETREAT", None, "manual"),  # mode 'ease' is not in the manual
    "105": Mapping("REQUEST", "yield", "manual"),  # demand that the target yields
    "112": Mapping("ACCUSE", "allege", "manual"),  # accuse
    "114": Mapping("ACCUSE", "disapprove", "manual"),  # complain officially
    "116": Mapping("SANCTION", "convict", "manual"),  # find guilty or liable
    "124": Mapping("REJECT", "yield", "manual"),  # decline to yield
    "1241": Mapping("REJECT", "yield", "manual"),
    "1242": Mapping("REJECT", "yield", "manual"),
    "132": Mapping("THREATEN", "restrict", "manual"),  # mode 'ban' is not in the manual
    "1321": Mapping("THREATEN", "restrict", "manual"),  # mode 'political'
    "1322": Mapping("THREATEN", "restrict", "manual"),  # mode 'ban'
    "155": Mapping("MOBILIZE", "weapons", "manual"),  # cyber forces (extension code)
    "1712": Mapping("ASSAULT", "destroy", "manual"),  # 'seize' is not an ASSAULT mode
    "1722": Mapping("COERCE", "restrict", "manual"),  # mode 'ban'
    "175": Mapping("ASSAULT", None, "manual"),  # 'pro_autocracy' is a context, not a mode
    "176": Mapping("COERCE", "cyber", "manual"),  # cyber attack (extension code)
    "1834": Mapping("ASSAULT", "explosives", "manual"),  # location bombing (extension code)
    "185": Mapping("ASSAULT", "targeted", "manual"),  # mode 'assassinate' is not in the manual
    "186": Mapping("ASSAULT", "targeted", "manual"),
    "195": Mapping("ASSAULT", "aerial", "manual"),  # 2021 table: heavy-weapons
    "1951": Mapping("ASSAULT", "aerial", "manual"),  # precision aerial munitions (extension)
    "1952": Mapping("ASSAULT", "aerial", "manual"),
    "200": Mapping("ASSAULT", None, "manual"),  # mode 'massacre' is not in the manual
    "201": Mapping("ASSAULT", None, "manual"),  # mode 'cleansing'
    "202": Mapping("ASSAULT", "targeted", "manual"),  # mass killings of defenceless people
    "203": Mapping("ASSAULT", None, "manual"),  # mode 'cleansing'
}

DESCRIPTIONS = {
    "AGREE": "Offers, promises or stated intent to cooperate, including cooperation in the future.",
    "CONSULT": "Meetings, visits, talks, negotiations and calls between the parties.",
    "SUPPORT": "Non-material backing: praise, endorsement, recognition, signing agreements.",
    "CONCEDE": "Verbal concessions or announced easing without immediate material effect.",
    "COOPERATE": "Mutual material cooperation: economic, military, judicial or intelligence.",
    "AID": "Material help that benefits the recipient: money, arms, relief, asylum.",
    "RETREAT": "Concessions with material effect: releases, withdrawals, ceasefires, access.",
    "REQUEST": "Requests, appeals, demands and orders addressed to the recipient.",
    "ACCUSE": "Criticism, complaints, allegations, lawsuits and investigations.",
    "REJECT": "Refusals and rejections of requests, proposals or obligations.",
    "THREATEN": "Warnings of coercive or forceful action against the recipient.",
    "PROTEST": "Collective civilian dissent: demonstrations, strikes, boycotts, riots.",
    "SANCTION": "Cutting existing relations: sanctions, expulsions, withdrawals, convictions.",
    "MOBILIZE": "Military or police posturing and readiness short of using force.",
    "COERCE": "Repression and coercive use of power short of violence.",
    "ASSAULT": "Deliberate use of force able to cause serious physical harm.",
}

# The CAMEO code the extractor emits for a type when nothing more specific is known.
TYPE_DEFAULT_CAMEO = {
    "AGREE": "030",
    "CONSULT": "040",
    "SUPPORT": "050",
    "CONCEDE": "080",
    "COOPERATE": "060",
    "AID": "070",
    "RETREAT": "084",
    "REQUEST": "100",
    "ACCUSE": "110",
    "REJECT": "120",
    "THREATEN": "130",
    "PROTEST": "140",
    "SANCTION": "160",
    "MOBILIZE": "150",
    "COERCE": "170",
    "ASSAULT": "190",
}

# Default CAMEO code per manual mode, where one code clearly fits; each maps back to (type, mode).
MODE_DEFAULT_CAMEO = {
    ("CONSULT", "visit"): "042",
    ("CONSULT", "third-party"): "044",
    ("CONSULT", "phone"): "041",
    ("RETREAT", "withdraw"): "0872",
    ("RETREAT", "release"): "0841",
    ("RETREAT", "disarm"): "087",
    ("RETREAT", "ceasefire"): "0871",
    ("RETREAT", "access"): "086",
    ("REQUEST", "assist"): "101",
    ("REQUEST", "change"): "104",
    ("REQUEST", "yield"): "105",
    ("REQUEST", "meet"): "106",
    ("ACCUSE", "disapprove"): "111",
    ("ACCUSE", "investigate"): "090",
    ("ACCUSE", "allege"): "112",
    ("REJECT", "assist"): "121",
    ("REJECT", "change"): "123",
    ("REJECT", "yield"): "124",
    ("REJECT", "meet"): "125",
    ("THREATEN", "restrict"): "1312",
    ("THREATEN", "relations"): "1313",
    ("THREATEN", "expel"): "136",
    ("THREATEN", "territory"): "1382",
    ("THREATEN", "violence"): "138",
    ("PROTEST", "demo"): "141",
    ("PROTEST", "riot"): "145",
    ("PROTEST", "hunger"): "142",
    ("PROTEST", "boycott"): "143",
    ("PROTEST", "obstruct"): "144",
    ("SANCTION", "convict"): "116",
    ("SANCTION", "expel"): "166",
    ("SANCTION", "withdraw"): "161",
    ("SANCTION", "discontinue"): "163",
    ("MOBILIZE", "troops"): "154",
    ("MOBILIZE", "police"): "153",
    ("COERCE", "seize"): "171",
    ("COERCE", "restrict"): "172",
    ("COERCE", "curfew"): "1723",
    ("COERCE", "martial-law"): "1724",
    ("COERCE", "arrest"): "173",
    ("COERCE", "deport"): "174",
    ("ASSAULT", "abduct"): "181",
    ("ASSAULT", "beat"): "182",
    ("ASSAULT", "torture"): "1822",
    ("ASSAULT", "sexual"): "1821",
    ("ASSAULT", "targeted"): "186",
    ("ASSAULT", "destroy"): "1712",
    ("ASSAULT", "firearms"): "193",
    ("ASSAULT", "explosives"): "1832",
    ("ASSAULT", "suicide-attack"): "1831",
    ("ASSAULT", "aerial"): "195",
    ("ASSAULT", "heavy-weapons"): "194",
    ("ASSAULT", "unconventional"): "204",
}

# axiswatch form words (annotation guide) that are not PLOVER modes but pick a clear CAMEO code;
# they carry no score of their own.
AXISWATCH_MODES = {
    ("CONSULT", "host"): "043",
    ("SUPPORT", "signing"): "057",
    ("SUPPORT", "recognition"): "054",
    ("COOPERATE", "trade"): "061",
    ("COOPERATE", "exercise"): "062",
    ("COOPERATE", "arms_transfer"): "062",
    ("AID", "arms_transfer"): "072",
    ("REJECT", "veto"): "129",
    ("MOBILIZE", "deployment"): "154",
    ("MOBILIZE", "test"): "150",
}

CAMEO_FIELDS = [
    "code",
    "level",
    "parent",
    "name",
    "quad_class",
    "goldstein",
    "goldstein_cameo_manual",
    "plover_type",
    "plover_mode",
    "plover_source",
]
PLOVER_FIELDS = [
    "type",
    "quad_class",
    "score",
    "requires_recipient",
    "default_cameo",
    "description",
]
MODE_FIELDS = ["type", "mode", "score", "default_cameo", "source"]


class BuildError(Exception):
    """The reference files disagree with each other or with the rules above."""


def root_quad_class(code: str) -> int:
    """QuadClass by GDELT's root rule: 01-05 1, 06-09 2, 10-14 3, 15-20 4."""
    root = int(code[:2])
    if 1 <= root <= 5:
        return 1
    if root <= 9:
        return 2
    if root <= 14:
        return 3
    if root <= 20:
        return 4
    raise BuildError(f"{code}: root outside 01-20")


def root_rule_type(code: str) -> str | None:
    """The PLOVER type the brief's root rule gives a code (None for 01 and 02)."""
    if code[:3] in RETREAT_BASES:
        return "RETREAT"
    return ROOT_TYPES.get(code[:2])


def number(text: str) -> float | None:
    """A table number, or None for an empty or NA cell."""
    text = text.strip()
    return None if text in ("", "NA", "NULL") else float(text)


def number_text(value: float | None) -> str:
    """A number for a CSV cell (empty for None)."""
    return "" if value is None else repr(value)


def read_goldstein_lookup(path: Path) -> dict[str, float]:
    """GDELT's CAMEO.goldsteinscale.txt as code -> value."""
    values: dict[str, float] = {}
    with path.open(encoding="latin-1", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            values[row["CAMEOEVENTCODE"].strip()] = float(row["GOLDSTEINSCALE"])
    return values


def parse_table_2021(path: Path) -> dict[str, list[tuple[str, str | None]]]:
    """CAMEO2PLOVER-2021.txt as code -> [(type, mode)] (root headers included)."""
    entries: dict[str, list[tuple[str, str | None]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{2,4}):\s*([^#]*)", line)
        if not match:
            continue
        parts = [part.strip() for part in match[2].split(",")]
        event = parts[0]
        mode = parts[1] if len(parts) > 1 and parts[1] else None
        entries.setdefault(match[1], []).append((event, mode))
    return entries


def parse_table_2016(path: Path) -> dict[str, list[tuple[str, str | None]]]:
    """CAMEO-PLOV-2016.txt as code -> [(type, mode)], type labels of that draft."""
    entries: dict[str, list[tuple[str, str | None]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{2,4})\s+(\S+)\s+(\S+)", line)
        if match:
            mode = None if match[3] == "---" else match[3]
            entries.setdefault(match[1], []).append((match[2], mode))
    return entries


def read_plover_ontology(path: Path) -> dict:
    """plover_ontology.json as parsed JSON."""
    return json.loads(path.read_text(encoding="utf-8"))


def manual_modes(ontology: dict) -> dict[str, list[str]]:
    """Type -> its modes, in manual order."""
    return {t["event_type"]: [m["mode"] for m in t["modes"]] for t in ontology["event_types"]}


def single(entries: list[tuple[str, str | None]], code: str, table: str) -> tuple[str, str | None]:
    """The one distinct entry a table gives a code."""
    distinct = sorted(set(entries), key=str)
    if len(distinct) != 1:
        raise BuildError(f"{table}: {code} has conflicting entries {distinct}; add an override")
    return distinct[0]


def map_code(
    code: str,
    table_2021: dict[str, list[tuple[str, str | None]]],
    table_2016: dict[str, list[tuple[str, str | None]]],
    modes: dict[str, list[str]],
) -> Mapping:
    """The PLOVER type and mode for one CAMEO code, checked against the manual."""
    if code in CONVENTION_MAPPINGS:
        mapping = CONVENTION_MAPPINGS[code]
    elif code in MANUAL_MAPPINGS:
        mapping = MANUAL_MAPPINGS[code]
    elif code in table_2021:
        event, mode = single(table_2021[code], code, "2021 table")
        mapping = Mapping(event, mode, "table2021")
    elif code in table_2016:
        event, mode = single(table_2016[code], code, "2016 table")
        event = OLD_TYPE_LABELS.get(event, event)
        mapping = Mapping(event, mode if mode in modes.get(event, []) else None, "table2016")
    elif code[:2] in ("01", "02"):
        mapping = Mapping(None, None, "axiswatch_convention")
    else:
        raise BuildError(f"{code}: no table maps it and no override is given")
    if mapping.type is not None and mapping.type not in modes:
        raise BuildError(f"{code}: {mapping.type} is not a PLOVER type")
    if mapping.mode is not None and mapping.mode not in modes[mapping.type or ""]:
        raise BuildError(f"{code}: mode {mapping.mode!r} is not a mode of {mapping.type}")
    expected = ROOT_RULE_EXCEPTIONS.get(code, root_rule_type(code))
    if mapping.type != expected:
        raise BuildError(f"{code}: mapped to {mapping.type}, the root rule gives {expected}")
    return mapping


def build_cameo_rows(data_dir: Path, modes: dict[str, list[str]]) -> list[dict[str, str]]:
    """Rows of cameo.csv, in codebook order."""
    codebook = data_dir / "cameo_codebook"
    lookup = read_goldstein_lookup(codebook / "CAMEO.goldsteinscale.txt")
    table_2021 = parse_table_2021(data_dir / "plover" / "CAMEO2PLOVER-2021.txt")
    table_2016 = parse_table_2016(data_dir / "plover" / "CAMEO-PLOV-2016.txt")
    with (codebook / "cameo_codes.csv").open(encoding="utf-8", newline="") as handle:
        source_rows = list(csv.DictReader(handle))
    codes = {row["code"] for row in source_rows}
    rows = []
    for row in source_rows:
        code = row["code"]
        if not re.fullmatch(r"\d{2,4}", code):
            raise BuildError(f"bad code {code!r} in cameo_codes.csv")
        if int(row["level"]) != len(code) - 1:
            raise BuildError(f"{code}: level {row['level']} does not match the code length")
        parent = code[:-1] if len(code) > 2 else ""
        if parent and parent not in codes:
            raise BuildError(f"{code}: parent {parent} is missing")
        quad = root_quad_class(code)
        if int(row["quadclass_gdelt"]) != quad:
            raise BuildError(f"{code}: QuadClass {row['quadclass_gdelt']} breaks the root rule")
        goldstein = number(row["goldstein_gdelt"])
        if goldstein != lookup.get(code):
            raise BuildError(f"{code}: Goldstein {goldstein} differs from GDELT's lookup")
        mapping = map_code(code, table_2021, table_2016, modes)
        rows.append(
            {
                "code": code,
                "level": str(len(code) - 1),
                "parent": parent,
                "name": row["name_gdelt"].strip() or row["name_cameo_manual"].strip(),
                "quad_class": str(quad),
                "goldstein": number_text(goldstein),
                "goldstein_cameo_manual": number_text(
                    number(row["goldstein_cameo_table_andybega"])
                ),
                "plover_type": mapping.type or "",
                "plover_mode": mapping.mode or "",
                "plover_source": mapping.source,
            }
        )
    return rows


def build_plover_rows(ontology: dict, cameo: dict[str, dict[str, str]]) -> list[dict[str, str]]:
    """Rows of plover.csv, in manual order."""
    scores = {(s["event_type"], s["mode"]): s["score"] for s in ontology["scores"]}
    rows = []
    for entry in ontology["event_types"]:
        name = entry["event_type"]
        quad = QUAD_FIXES.get(name, QUAD_NAMES[entry["quad_category"]])
        printed = scores[(name, None)]
        score = SCORE_FIXES.get(name, printed)
        if abs(score) != abs(printed):
            raise BuildError(f"{name}: score fix {score} does not match the printed {printed}")
        default = TYPE_DEFAULT_CAMEO[name]
        if cameo[default]["plover_type"] != name:
            raise BuildError(f"{name}: default CAMEO {default} maps to another type")
        rows.append(
            {
                "type": name,
                "quad_class": str(quad),
                "score": number_text(float(score)),
                "requires_recipient": "1" if entry["requires_recipient"] else "0",
                "default_cameo": default,
                "description": DESCRIPTIONS[name],
            }
        )
    return rows


def build_mode_rows(ontology: dict, cameo: dict[str, dict[str, str]]) -> list[dict[str, str]]:
    """Rows of modes.csv: the manual's modes, then axiswatch's form words, per type."""
    scores = {(s["event_type"], s["mode"]): s["score"] for s in ontology["scores"]}
    modes = manual_modes(ontology)
    for key in MODE_DEFAULT_CAMEO:
        if key[1] not in modes[key[0]]:
            raise BuildError(f"{key}: not a mode of the manual")
    rows = []
    for name, type_modes in modes.items():
        for mode in type_modes:
            default = MODE_DEFAULT_CAMEO.get((name, mode), "")
            if default and (cameo[default]["plover_type"], cameo[default]["plover_mode"]) != (
                name,
                mode,
            ):
                raise BuildError(f"{name}/{mode}: default CAMEO {default} maps elsewhere")
            score = scores.get((name, mode))
            rows.append(
                {
                    "type": name,
                    "mode": mode,
                    "score": number_text(None if score is None else float(score)),
                    "default_cameo": default,
                    "source": "manual",
                }
            )
        for (mode_type, mode), default in AXISWATCH_MODES.items():
            if mode_type != name:
                continue
            if mode in type_modes or cameo[default]["plover_type"] != name:
                raise BuildError(f"{name}/{mode}: clashes with the manual or maps elsewhere")
            rows.append(
                {
                    "type": name,
                    "mode": mode,
                    "score": "",
                    "default_cameo": default,
                    "source": "axiswatch",
                }
            )
    return rows


def write_csv(path: Path, fields: list[str], rows: list[dict[str, str]]) -> None:
    """Write rows with a header, LF line ends."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def build(data_dir: Path, out_dir: Path) -> dict[str, int]:
    """Build all three tables into out_dir; returns the row count per file."""
    ontology = read_plover_ontology(data_dir / "plover" / "plover_ontology.json")
    modes = manual_modes(ontology)
    cameo_rows = build_cameo_rows(data_dir, modes)
    cameo = {row["code"]: row for row in cameo_rows}
    tables = {
        "cameo.csv": (CAMEO_FIELDS, cameo_rows),
        "plover.csv": (PLOVER_FIELDS, build_plover_rows(ontology, cameo)),
        "modes.csv": (MODE_FIELDS, build_mode_rows(ontology, cameo)),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, (fields, rows) in tables.items():
        write_csv(out_dir / name, fields, rows)
    return {name: len(rows) for name, (_, rows) in tables.items()}


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT_DIR)
    args = parser.parse_args(argv)
    try:
        counts = build(args.data_dir.resolve(), args.out)
    except (BuildError, OSError, KeyError, ValueError) as error:
        print(f"build_ontology: {error}", file=sys.stderr)
        return 1
    for name, count in counts.items():
        print(f"{args.out / name}: {count} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
