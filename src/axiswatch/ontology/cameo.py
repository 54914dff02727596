"""CAMEO event codes: names, QuadClass, Goldstein values and the PLOVER type of each code.

Codes are strings ("010" is not "10"). A code the table lacks but whose prefix it holds falls back
to the nearest listed ancestor ("0215" -> "021"); anything else raises InputError.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Literal

from axiswatch.errors import InputError
from axiswatch.ontology._tables import optional_float, read_table
from axiswatch.ontology.plover import OTHER

GoldsteinSource = Literal["gdelt", "cameo_manual"]

_CODE_PATTERN = re.compile(r"[0-9]{2,4}")


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code with its scales and PLOVER mapping.

    goldstein is GDELT's value (None for the few codes GDELT does not use); plover_type is None
    where PLOVER has no type for the code (CAMEO 01x, 02x).
    """

    code: str
    name: str
    quad_class: int
    goldstein: float | None
    plover_type: str | None
    plover_mode: str | None
    level: int
    parent: str | None
    goldstein_cameo_manual: float | None
    plover_source: str


@cache
def _codes() -> Mapping[str, CameoCode]:
    rows = {
        row["code"]: CameoCode(
            code=row["code"],
            name=row["name"],
            quad_class=int(row["quad_class"]),
            goldstein=optional_float(row["goldstein"]),
            plover_type=row["plover_type"] or None,
            plover_mode=row["plover_mode"] or None,
            level=int(row["level"]),
            parent=row["parent"] or None,
            goldstein_cameo_manual=optional_float(row["goldstein_cameo_manual"]),
            plover_source=row["plover_source"],
        )
        for row in read_table("cameo.csv")
    }
    return MappingProxyType(rows)


def cameo_codes() -> tuple[CameoCode, ...]:
    """Every code in the table, roots first within each branch (codebook order)."""
    return tuple(_codes().values())


def is_cameo_code(code: str) -> bool:
    """Whether code is listed in the table exactly (no fallback)."""
    return code in _codes()


def cameo_code(code: str) -> CameoCode:
    """The entry for a CAMEO event code, or for its nearest listed ancestor.

    Surrounding spaces are ignored. Raises InputError naming the code when it is not two to four
    digits or its root is not 01-20.
    """
    if not isinstance(code, str):
        raise InputError(f"CAMEO event code must be a string, got {code!r}")
    key = code.strip()
    if _CODE_PATTERN.fullmatch(key):
        table = _codes()
        while len(key) > 2 and key not in table:
            key = key[:-1]
        if key in table:
            return table[key]
    raise InputError(f"not a CAMEO event code: {code!r}")


def quad_class(code: str) -> int:
    """GDELT's QuadClass of a code: 1 verbal and 2 material cooperation, 3 and 4 conflict."""
    return cameo_code(code).quad_class


def goldstein(code: str, source: GoldsteinSource = "gdelt") -> float | None:
    """The Goldstein value of a code from GDELT's table or the CAMEO manual's.

    None when that table has no value for the code.
    """
    entry = cameo_code(code)
    if source == "gdelt":
        return entry.goldstein
    if source == "cameo_manual":
        return entry.goldstein_cameo_manual
    raise InputError(f"unknown Goldstein source: {source!r} (use 'gdelt' or 'cameo_manual')")


def cameo_to_plover(code: str) -> tuple[str, str | None]:
    """The PLOVER (type, mode) of a code; ("OTHER", None) where PLOVER has no type for it."""
    entry = cameo_code(code)
    if entry.plover_type is None:
        return OTHER, None
    return entry.plover_type, entry.plover_mode
