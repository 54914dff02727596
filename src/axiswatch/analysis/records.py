"""DataFrames as JSON-ready records (ISO dates, NaN as null, plain Python numbers)."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import numpy as np
import pandas as pd


def plain(value: Any) -> Any:
    """One cell as a JSON-ready value."""
    if value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, dt.date | pd.Timestamp):
        return value.isoformat()
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a frame as JSON-ready dicts."""
    return [{k: plain(v) for k, v in row.items()} for row in df.to_dict("records")]
