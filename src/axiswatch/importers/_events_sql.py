"""SQL fragments the event mappings share: staged values, dates, numbers, actor look-ups.

Staged publisher columns are referenced as ``s."Column Name"`` (in derived expressions) or
``p."Column Name"`` (in checks, joins and mapped columns). Every fragment is total: a bad value
gives NULL, never an error, so that one bad row rejects that row only.
"""

from __future__ import annotations

from axiswatch.importers._events_common import Layout
from axiswatch.importers._events_reference import name_key_sql


def lit(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def ident(name: str) -> str:
    """A quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def value(layout: Layout, column: str, alias: str = "s") -> str:
    """A staged column, empty as NULL (trimmed if the layout says so); NULL when absent."""
    if not layout.has(column):
        return "NULL::VARCHAR"
    cell = f"{alias}.{ident(column)}"
    return f"nullif(trim({cell}), '')" if layout.trim else f"nullif({cell}, '')"


def first_value(layout: Layout, columns: tuple[str, ...], alias: str = "s") -> str:
    """The first of several alternative column names that the file has (else NULL)."""
    for column in columns:
        if layout.has(column):
            return value(layout, column, alias)
    return "NULL::VARCHAR"


def quoted(expr: str) -> str:
    """A value inside a reject message: 'x' (or 'empty')."""
    return f"coalesce('''' || {expr} || '''', 'empty')"


def compact_day(expr: str) -> str:
    """YYYYMMDD text to a DATE (NULL unless exactly eight digits of a real day)."""
    return f"CASE WHEN length({expr}) = 8 THEN try_strptime({expr}, '%Y%m%d')::DATE END"


def flexible_day(expr: str) -> str:
    """ISO (time part ignored), YYYYMMDD or M/D/YYYY text to a DATE; NULL otherwise."""
    return (
        f"CASE WHEN regexp_full_match({expr}, '[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}([ T].*)?') "
        f"THEN try_strptime(left({expr}, 10), '%Y-%m-%d')::DATE "
        f"WHEN regexp_full_match({expr}, '[0-9]{{8}}') THEN try_strptime({expr}, '%Y%m%d')::DATE "
        f"WHEN regexp_full_match({expr}, '[0-9]{{1,2}}/[0-9]{{1,2}}/[0-9]{{4}}') "
        f"THEN try_strptime({expr}, '%m/%d/%Y')::DATE END"
    )


def not_score(expr: str) -> str:
    """Condition: a value is present but not a number from -10 to 10."""
    return (
        f"({expr} IS NOT NULL AND coalesce(NOT (try_cast({expr} AS DOUBLE) "
        f"BETWEEN -10 AND 10), TRUE))"
    )


def score(expr: str) -> str:
    """A Goldstein-scale value as DOUBLE (NULL when absent)."""
    return f"try_cast({expr} AS DOUBLE)"


def code_joins(alias: str, code: str, day: str) -> tuple[str, str]:
    """Joins resolving a country code on a day: ``alias`` (the span) and ``alias_k`` (known)."""
    return (
        f"LEFT JOIN _aw_actor_codes {alias} ON {alias}.code = {code} "
        f"AND {day} BETWEEN {alias}.valid_from AND {alias}.valid_to",
        f"LEFT JOIN _aw_code_kinds {alias}_k ON {alias}_k.code = {code}",
    )


def name_joins(alias: str, name: str, day: str) -> tuple[str, str]:
    """Joins resolving a country name on a day: ``alias`` (the span) and ``alias_k`` (known)."""
    key = name_key_sql(name)
    return (
        f"LEFT JOIN _aw_country_names {alias} ON {alias}.name_key = {key} "
        f"AND {day} BETWEEN {alias}.valid_from AND {alias}.valid_to",
        f"LEFT JOIN _aw_name_kinds {alias}_k ON {alias}_k.name_key = {key}",
    )


def unmapped_note(alias: str, raw: str, day: str, unknown: str, *, by_name: bool = False) -> str:
    """Why a present code or name maps to no ISO code (NULL when it maps or is absent).

    ``alias`` is that of :func:`code_joins` (or :func:`name_joins` with ``by_name``); ``raw``
    is the code or name (NULL when there is none to explain).
    """
    known = f"{alias}_k.name_key" if by_name else f"{alias}_k.code"
    return (
        f"CASE WHEN ({raw}) IS NULL OR {alias}.iso3 IS NOT NULL THEN NULL "
        f"WHEN {alias}.note IS NOT NULL THEN {alias}.note "
        f"WHEN {known} IS NOT NULL THEN 'not a state on ' || strftime({day}, '%Y-%m-%d') "
        f"ELSE {lit(unknown)} END"
    )
