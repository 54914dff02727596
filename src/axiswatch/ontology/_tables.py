"""Reading the packaged ontology CSVs (internal)."""

from __future__ import annotations

import csv
import io
from importlib.resources import files


def read_table(name: str) -> list[dict[str, str]]:
    """The rows of data/<name> as dicts of strings, in file order."""
    text = files("axiswatch.ontology").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def optional_float(text: str) -> float | None:
    """A table cell as a float, or None when it is empty."""
    return float(text) if text else None
