"""The SQL of one file's batches: stage the scratch file, map the rows, insert the events.

``stage`` reads the batch's scratch file with DuckDB's ``read_csv`` (all VARCHAR, tab, no
quoting, missing fields padded with NULL, empty fields kept as '') into ``_aw_stage``: flags
for blank, short and long rows, and only the publisher columns the mapping uses. It runs with
``preserve_insertion_order`` on, so the rows are stored in file order and the row id of the
new table is the line's place in the batch (numbering rows with a window function instead
costs about as much as reading them). ``mapped`` applies the format's :class:`EventMapping`
into ``_aw_mapped``: the file line, every events column, the first failed check (``field``,
``problem``) and the actor filter (``keep``).

Two statements add the good rows that pass the filter. ``insert_new`` is a plain ``INSERT``:
the fast path, which fails on the first event id already stored or repeated in the batch.
``insert_ignore`` keeps the first row of each event id and skips stored ids with ``INSERT OR
IGNORE``; it is about three times slower, so the importer uses it only for a batch where the
fast path met a duplicate (and for the rest of that file).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from axiswatch.importers._events_common import EVENT_COLUMNS, EventMapping, Layout
from axiswatch.importers._events_files import MAX_LINE_BYTES
from axiswatch.importers._events_sql import ident, lit

TRAILING_FIELDS = 16
"""Extra fields read beyond a layout's width where empty trailing fields are allowed."""
LINE_FIELD = "*line*"
"""The ``field`` of a line too long to read."""
HUGE_LINE = f"longer than {MAX_LINE_BYTES >> 20} MiB: not read"
WIDTH_FIELD = "*fields*"
"""The ``field`` of a row with too few or too many fields (the engine words the problem)."""


class BatchStatements:
    """The SQL statements for one file's batches: stage, map, insert."""

    def __init__(
        self,
        kind: str,
        layout: Layout,
        mapping: EventMapping,
        *,
        dataset: str,
        file_name: str,
        scratch: Path,
        wanted: tuple[str, ...] | None,
        created: dt.datetime,
    ) -> None:
        self.layout = layout
        self.scratch_path = scratch
        self.kind = kind
        self._mapping = (mapping, dataset, file_name, wanted)
        used = self.mapped(1)
        self.staged = {name: i for name, i in layout.columns.items() if ident(name) in used}
        self.insert_new, self.insert_ignore = self._inserts(created)

    def mapped(self, first: int) -> str:
        """Map the staged rows into ``_aw_mapped`` (the batch's lines numbered from ``first``)."""
        return self._mapped(first, *self._mapping)

    def stage(self) -> str:
        """Read the scratch file into ``_aw_stage``, in file order (see the module doc)."""
        layout = self.layout
        width = layout.width
        extra = TRAILING_FIELDS if layout.trailing_empty_ok else 1
        columns = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(width + extra))
        if layout.trailing_empty_ok:
            long = " OR ".join(f"coalesce(c{i}, '') <> ''" for i in range(width, width + extra))
        else:
            long = f"c{width} IS NOT NULL"
        fields = ", ".join(
            f"{_cell(i, layout.unquote)} AS {ident(name)}" for name, i in self.staged.items()
        )
        return (
            "CREATE OR REPLACE TEMP TABLE _aw_stage AS SELECT "
            "(c0 = chr(1) AND c1 IS NULL) AS _blank, (c0 = chr(3) AND c1 IS NULL) AS _huge, "
            f"(c{width - 1} IS NULL) AS _short, ({long}) AS _long, {fields} "
            f"FROM read_csv({lit(str(self.scratch_path))}, columns={{{columns}}}, delim='\\t', "
            "quote='', escape='', header=false, new_line='\\n', auto_detect=false, "
            "null_padding=true, nullstr=chr(2), strict_mode=false)"
        )

    def _mapped(
        self,
        first: int,
        mapping: EventMapping,
        dataset: str,
        file_name: str,
        wanted: tuple[str, ...] | None,
    ) -> str:
        derived = ", ".join(f"{expr} AS {name}" for name, expr in mapping.derived.items())
        width = "p._short OR p._long"
        bad_width = lit(WIDTH_FIELD)
        field = " ".join(f"WHEN {c.condition} THEN {lit(c.field)}" for c in mapping.checks)
        problem = f"WHEN field = {lit(LINE_FIELD)} THEN {lit(HUGE_LINE)} " + " ".join(
            f"WHEN {c.condition} THEN {c.problem}" for c in mapping.checks
        )
        c = mapping.columns
        day = f"({c['day']})"
        keep = "TRUE"
        if wanted:
            codes = ", ".join(lit(a) for a in wanted)
            keep = f"coalesce(m.source IN ({codes}) OR m.target IN ({codes}), FALSE)"
        select = {
            "event_id": f"{lit(self.kind + ':')} || ({c['id']})",
            "origin": lit(self.kind),
            "dataset": lit(dataset),
            "dataset_row": f"{lit(file_name + ':')} || p.line",
            "date_start": f"strftime({day}, '%Y-%m-%d')",
            "date_end": "date_start",
            "day_start": day,
            "day_end": "day_start",
            "precision": "'day'",
            "source": c["source"],
            "target": c["target"],
            "event_type": c["event_type"],
            "mode": c["mode"],
            "cameo": c["cameo"],
            "quad_class": c["quad_class"],
            "goldstein": c["goldstein"],
            "location": c["location"],
            "epistemic": "'reported'",
            "rule": lit(f"import:{self.kind}"),
            "why": c["why"],
            "mentions": c.get("mentions", "CAST(NULL AS INTEGER)"),
        }
        assert tuple(select) == EVENT_COLUMNS
        columns = ", ".join(f"{expr} AS {name}" for name, expr in select.items())
        return (
            "CREATE OR REPLACE TEMP TABLE _aw_mapped AS "
            f"WITH p AS (SELECT s.*, {int(first)} + s.rowid AS line, {derived} "
            "FROM _aw_stage s WHERE NOT s._blank), "
            f"m AS (SELECT p.line, CASE WHEN p._huge THEN {lit(LINE_FIELD)} "
            f"WHEN {width} THEN {bad_width} {field} END AS field, "
            f"CASE WHEN field IS NULL OR field = {bad_width} THEN NULL {problem} END AS problem, "
            f"{columns} "
            f"FROM p {' '.join(mapping.joins)}) "
            f"SELECT m.*, {keep} AS keep FROM m"
        )

    @staticmethod
    def _inserts(created: dt.datetime) -> tuple[str, str]:
        names = ", ".join(EVENT_COLUMNS)
        rows = (
            f"({names}, created_at) SELECT {names}, TIMESTAMP {lit(created.isoformat(sep=' '))} "
            "FROM _aw_mapped WHERE field IS NULL AND keep"
        )
        first_of_id = " QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY line) = 1"
        return f"INSERT INTO events {rows}", f"INSERT OR IGNORE INTO events {rows}{first_of_id}"


def _cell(index: int, unquote: bool) -> str:
    return f"trim(c{index}, '\"')" if unquote else f"c{index}"
