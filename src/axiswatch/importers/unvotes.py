"""Import UN General Assembly roll-call votes in three publisher layouts.

The layout is detected from the CSV header:

- ``dgrtwo``: dgrtwo/unvotes ``un_roll_calls.csv`` + ``un_votes.csv`` (gzip or plain; ISO
  alpha-2 codes; votes yes/abstain/no). The USSR, labelled Russia/RU upstream, is stored as SUN
  before 1991-12-25 and RUS after; Namibia's code is the string ``NA``.
- ``voeten``: the per-vote Voeten extract (``resid, session, ccode, date, vote``; COW codes,
  votes 1 yes, 2 abstain, 3 no, 8 absent, 9 non-member), mapped through ``cow_iso3.csv``.
- ``undl``: the UN Digital Library voting CSV (``undl_id, ms_code, ms_vote, date,
  resolution``…; ISO alpha-3, votes Y/N/A/X, blank = non-voting; includes emergency sessions).

Votes are stored as yes, no, abstain, absent or non_member; the publisher's country code is
kept in ``un_votes.country_raw``. Resolution symbols are stored as ``A/RES/68/262``.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb

from axiswatch.importers._common import (
    PROGRESS_EVERY,
    ImportResult,
    ProgressCallback,
    ReferenceDataError,
    content_version,
    no_progress,
    open_csv,
    read_header,
    required,
)
from axiswatch.importers._crosswalk import UnknownCode, cow_to_iso3, iso2_to_iso3
from axiswatch.store.reference import DatasetWriter, replacing_dataset

log = logging.getLogger(__name__)

KIND = "un_votes"
DATASETS = {"dgrtwo": "unvotes-dgrtwo", "voeten": "unvotes-voeten", "undl": "unvotes-undl"}
USSR_END = dt.date(1991, 12, 25)

_DGRTWO_ROLLCALLS = ("rcid", "session", "date", "unres")
_DGRTWO_VOTES = ("rcid", "country", "country_code", "vote")
_DGRTWO_ISSUES = ("rcid", "short_name", "issue")
_VOETEN = ("resid", "ccode", "date", "vote")
_UNDL = ("undl_id", "ms_code", "ms_vote", "date", "resolution")

_VOETEN_VOTES = {"1": "yes", "2": "abstain", "3": "no", "8": "absent", "9": "non_member"}
_DGRTWO_VOTE_NAMES = ("yes", "no", "abstain", "absent", "non_member")
_UNDL_VOTES = {"Y": "yes", "N": "no", "A": "abstain", "X": "absent", "": "absent"}


def detect_layout(header: Sequence[str]) -> str | None:
    """The layout a CSV header belongs to.

    One of ``dgrtwo-rollcalls``, ``dgrtwo-votes``, ``dgrtwo-issues``, ``voeten``, ``undl``, or
    None when the header matches none of them.
    """
    names = {name.strip().lower() for name in header}
    for layout, columns in (
        ("undl", _UNDL),
        ("voeten", _VOETEN),
        ("dgrtwo-votes", _DGRTWO_VOTES),
        ("dgrtwo-rollcalls", _DGRTWO_ROLLCALLS),
        ("dgrtwo-issues", _DGRTWO_ISSUES),
    ):
        if names >= set(columns):
            return layout
    return None


_SYMBOL_PATTERNS = (
    re.compile(r"A/RES/((?:ES-|S-)?\d+/\d+)", re.IGNORECASE),
    re.compile(r"(?<![\w/])R/((?:ES-|S-)?\d+/\d+)", re.IGNORECASE),
    re.compile(r"(?<![\w/-])((?:ES|S)-\d+/\d+)", re.IGNORECASE),
    re.compile(r"\bresolutions?\s+((?:ES-|S-)?\d+/\d+)", re.IGNORECASE),
)


def resolution_symbol(text: str | None) -> str | None:
    """The first GA resolution symbol in ``text``, in ``A/RES/…`` form.

    ``R/68/262`` (Voeten's form), ``resolution 68/262`` and ``ES-11/1`` all become
    ``A/RES/68/262`` or ``A/RES/ES-11/1``; None when the text names no symbol.
    """
    if not text:
        return None
    for pattern in _SYMBOL_PATTERNS:
        match = pattern.search(text)
        if match:
            return "A/RES/" + match.group(1).upper()
    return None


@dataclass(frozen=True)
class _Files:
    layout: str
    files: dict[str, Path]


def import_unvotes(
    con: duckdb.DuckDBPyConnection,
    path: str | Path,
    *,
    dataset_version: str | None = None,
    progress: ProgressCallback = no_progress,
    sessions: Collection[int] | None = None,
) -> ImportResult:
    """Import UN General Assembly votes from a file or folder in any of the three layouts.

    ``path`` is a CSV file, or a folder holding the files of one layout (for dgrtwo both the
    roll calls and the votes). ``sessions`` keeps only those regular sessions (for tests and
    partial imports). The import is one transaction; the same dataset version is replaced.
    """
    found = _find_files(Path(path))
    files = list(found.files.values())
    root = Path(path) if Path(path).is_dir() else None
    version = dataset_version or content_version(files, root)
    dataset = DATASETS[found.layout.split("-")[0]]
    total = sum(f.stat().st_size for f in files)
    with replacing_dataset(
        con,
        dataset=dataset,
        version=version,
        kind=KIND,
        path=str(path),
        tables=("un_rollcalls", "un_votes"),
    ) as writer:
        reader = _LayoutReader(writer, progress, total, sessions)
        if found.layout == "dgrtwo":
            reader.dgrtwo(found.files["rollcalls"], found.files["votes"])
        elif found.layout == "voeten":
            reader.voeten(found.files["votes"])
        else:
            reader.undl(found.files["votes"])
        writer.flush()
        _check_duplicates(con, dataset, version, str(path))
    return ImportResult(
        dataset=dataset,
        version=version,
        kind=KIND,
        path=str(path),
        rows=writer.rows,
        tables=dict(writer.counts),
        skipped=reader.skipped,
        warnings=tuple(reader.warnings),
    )


def _find_files(path: Path) -> _Files:
    if not path.exists():
        raise ReferenceDataError(path, None, "no such file or folder", "check the path")
    candidates = sorted(path.iterdir()) if path.is_dir() else [path]
    if path.is_file():
        candidates += [p for p in sorted(path.parent.iterdir()) if p != path]
    layouts: dict[str, Path] = {}
    for candidate in candidates:
        if not candidate.is_file() or not candidate.name.lower().endswith((".csv", ".csv.gz")):
            continue
        layout = detect_layout(read_header(candidate))
        if layout is None or layout == "dgrtwo-issues":
            continue
        if path.is_file() and candidate != path and not layout.startswith("dgrtwo"):
            continue
        layouts.setdefault(layout, candidate)
    if path.is_file():
        own = detect_layout(read_header(path))
        if own is None or own == "dgrtwo-issues":
            raise ReferenceDataError(
                path,
                1,
                "header matches no UN vote layout (dgrtwo/unvotes, Voeten, UN Digital Library)",
                "give un_roll_calls.csv/un_votes.csv, a Voeten votes file or a UNDL voting CSV",
            )
        if own in ("voeten", "undl"):
            return _Files(own, {"votes": path})
    return _pick_layout(path, layouts)


def _pick_layout(path: Path, layouts: dict[str, Path]) -> _Files:
    dgrtwo = {k.split("-")[1]: v for k, v in layouts.items() if k.startswith("dgrtwo")}
    others = [k for k in layouts if not k.startswith("dgrtwo")]
    if len(others) + (1 if dgrtwo else 0) > 1:
        raise ReferenceDataError(
            path,
            None,
            f"the folder holds more than one vote layout ({', '.join(sorted(layouts))})",
            "import one file or a folder with one layout",
        )
    if others:
        return _Files(others[0], {"votes": layouts[others[0]]})
    if set(dgrtwo) == {"rollcalls", "votes"}:
        return _Files("dgrtwo", dgrtwo)
    if dgrtwo:
        missing = "un_roll_calls.csv" if "votes" in dgrtwo else "un_votes.csv"
        raise ReferenceDataError(
            path,
            None,
            f"dgrtwo/unvotes layout without its {missing} file",
            "put un_roll_calls.csv(.gz) and un_votes.csv(.gz) in one folder",
        )
    raise ReferenceDataError(
        path, None, "no UN vote CSV found", "give a folder or file in a supported layout"
    )


def _check_duplicates(
    con: duckdb.DuckDBPyConnection, dataset: str, version: str, path: str
) -> None:
    row = con.execute(
        "SELECT rcid, country, count(*) FROM un_votes WHERE dataset = ? AND dataset_version = ? "
        "GROUP BY rcid, country HAVING count(*) > 1 ORDER BY rcid, country LIMIT 1",
        [dataset, version],
    ).fetchone()
    if row:
        raise ReferenceDataError(
            path,
            None,
            f"roll call {row[0]} has {row[2]} votes for {row[1]}",
            "remove the duplicate rows or fix the country codes",
        )


class _LayoutReader:
    """Reads one layout's files into a DatasetWriter, reporting progress in bytes."""

    def __init__(
        self,
        writer: DatasetWriter,
        progress: ProgressCallback,
        total: int,
        sessions: Collection[int] | None,
    ) -> None:
        self.writer = writer
        self.progress = progress
        self.total = total
        self.sessions = set(sessions) if sessions is not None else None
        self.done_before = 0
        self.skipped = 0
        self.warnings: list[str] = []
        self.split_resids = 0
        self._warned: set[str] = set()

    def _warn(self, key: str, message: str) -> None:
        self.skipped += 1
        if key not in self._warned:
            self._warned.add(key)
            self.warnings.append(message)
            log.info("%s", message)

    def _keep(self, session: int | None) -> bool:
        return self.sessions is None or session in self.sessions

    # dgrtwo/unvotes -------------------------------------------------------------------------

    def dgrtwo(self, rollcalls: Path, votes: Path) -> None:
        dates: dict[str, dt.date] = {}
        with open_csv(rollcalls) as stream:
            col = stream.index(_DGRTWO_ROLLCALLS)
            for n, (line, rec) in enumerate(stream.records, 1):
                rcid = required(rollcalls, line, "rcid", rec[col["rcid"]])
                session = _int(rollcalls, line, "session", rec[col["session"]])
                day = _date(rollcalls, line, rec[col["date"]])
                if not self._keep(session):
                    continue
                dates[rcid] = day
                self.writer.add(
                    "un_rollcalls",
                    (
                        rcid,
                        session,
                        None,
                        day,
                        resolution_symbol(rec[col["unres"]]) or rec[col["unres"]] or None,
                        _get(rec, col, "descr"),
                        _get(rec, col, "short"),
                        _flag(rollcalls, line, "importantvote", _get(rec, col, "importantvote")),
                        _flag(rollcalls, line, "amend", _get(rec, col, "amend")),
                        _flag(rollcalls, line, "para", _get(rec, col, "para")),
                    ),
                )
                self._tick(n, stream.bytes_read, rollcalls.name)
            self._finish(stream.bytes_read, rollcalls.name)
        label = votes.name
        with open_csv(votes) as stream:
            col = stream.index(_DGRTWO_VOTES)
            for n, (line, rec) in enumerate(stream.records, 1):
                rcid = required(votes, line, "rcid", rec[col["rcid"]])
                self._tick(n, stream.bytes_read, label)
                day = dates.get(rcid)
                if day is None:
                    if self.sessions is None:
                        raise ReferenceDataError(
                            votes,
                            line,
                            f"rcid {rcid} is not in {rollcalls.name}",
                            "use the votes and roll calls of the same release",
                            field="rcid",
                        )
                    continue
                code, name = rec[col["country_code"]], rec[col["country"]]
                try:
                    iso3 = iso2_to_iso3(code, name, day)
                except UnknownCode as e:
                    raise ReferenceDataError(
                        votes,
                        line,
                        f"unknown country code {code!r} ({name})",
                        "add it to axiswatch/importers/data/dgrtwo_iso2.csv",
                        field="country_code",
                    ) from e
                if iso3 is None:
                    self._warn(name, f"{votes}: votes of {name} skipped: no ISO code")
                    continue
                vote = rec[col["vote"]].strip().lower()
                if vote not in _DGRTWO_VOTE_NAMES:
                    raise _bad_vote(votes, line, vote, "yes, no or abstain")
                self.writer.add("un_votes", (rcid, iso3, vote, code or name))
            self._finish(stream.bytes_read, votes.name)

    # Voeten extract -------------------------------------------------------------------------

    def voeten(self, votes: Path) -> None:
        label = votes.name
        main_dates: dict[str, dt.date] = {}
        group: list[tuple[str, int | None, dt.date, str, str, str]] = []
        with open_csv(votes) as stream:
            col = stream.index(_VOETEN)
            for n, (line, rec) in enumerate(stream.records, 1):
                self._tick(n, stream.bytes_read, label)
                resid = required(votes, line, "resid", rec[col["resid"]])
                session = _voeten_session(votes, line, rec, col, resid)
                if not self._keep(session):
                    continue
                if group and group[0][0] != resid:
                    self._voeten_roll_call(votes, group, main_dates)
                    group = []
                day = _date(votes, line, rec[col["date"]])
                cow = required(votes, line, "ccode", rec[col["ccode"]])
                try:
                    iso3 = cow_to_iso3(cow, day)
                except UnknownCode as e:
                    raise ReferenceDataError(
                        votes,
                        line,
                        f"COW code {cow} on {day} is not in the crosswalk",
                        "add it to axiswatch/importers/data/cow_iso3.csv",
                        field="ccode",
                    ) from e
                code = rec[col["vote"]].strip()
                if code not in _VOETEN_VOTES:
                    raise _bad_vote(votes, line, code, "1, 2, 3, 8 or 9")
                if iso3 is None:
                    self._warn(cow, f"{votes}: votes of COW {cow} skipped: no ISO code")
                    continue
                group.append((resid, session, day, iso3, _VOETEN_VOTES[code], cow))
            if group:
                self._voeten_roll_call(votes, group, main_dates)
            self._finish(stream.bytes_read, label)
        if self.split_resids:
            self.warnings.append(
                f"{votes}: {self.split_resids} resid(s) also carry votes on another date; those "
                "votes are kept as separate roll calls named resid:date"
            )

    def _voeten_roll_call(
        self,
        votes: Path,
        group: list[tuple[str, int | None, dt.date, str, str, str]],
        main_dates: dict[str, dt.date],
    ) -> None:
        """Write one resid's votes; rows dated apart from most of them become their own roll
        call ``resid:date`` (the 2024 extract reuses some session-78 resids on other dates)."""
        resid, session = group[0][0], group[0][1]
        days = Counter(row[2] for row in group)
        if resid not in main_dates:
            main_dates[resid] = min(days, key=lambda d: (-days[d], d))
            self.writer.add(
                "un_rollcalls",
                (resid, session, None, main_dates[resid], None, None, None, None, None, None),
            )
        main = main_dates[resid]
        for day in sorted(d for d in days if d != main):
            rcid = f"{resid}:{day.isoformat()}"
            self.writer.add(
                "un_rollcalls", (rcid, session, None, day, None, None, None, None, None, None)
            )
            self.split_resids += 1
            log.info(
                "%s: resid %s has %d vote(s) dated %s apart from the %d of %s; kept as %s",
                votes,
                resid,
                days[day],
                day,
                days[main],
                main,
                rcid,
            )
        for _, _, day, iso3, vote, cow in group:
            rcid = resid if day == main else f"{resid}:{day.isoformat()}"
            self.writer.add("un_votes", (rcid, iso3, vote, cow))

    # UN Digital Library ---------------------------------------------------------------------

    def undl(self, votes: Path) -> None:
        seen: set[str] = set()
        with open_csv(votes) as stream:
            col = stream.index(_UNDL)
            for n, (line, rec) in enumerate(stream.records, 1):
                self._tick(n, stream.bytes_read, votes.name)
                rcid = required(votes, line, "undl_id", rec[col["undl_id"]])
                label = _get(rec, col, "session")
                session = int(label) if label and label.isdigit() else None
                if self.sessions is not None and session not in self.sessions:
                    continue
                day = _date(votes, line, rec[col["date"]])
                if rcid not in seen:
                    seen.add(rcid)
                    symbol = required(votes, line, "resolution", rec[col["resolution"]])
                    row = (
                        rcid,
                        session,
                        label or None,
                        day,
                        resolution_symbol(symbol) or symbol,
                        _get(rec, col, "title"),
                        _get(rec, col, "agenda_title"),
                        None,
                        False,
                        False,
                    )
                    self.writer.add("un_rollcalls", row)
                code = required(votes, line, "ms_code", rec[col["ms_code"]]).upper()
                if not re.fullmatch(r"[A-Z]{3}", code):
                    raise ReferenceDataError(
                        votes,
                        line,
                        f"ms_code {code!r} is not an ISO alpha-3 code",
                        "fix the code",
                        field="ms_code",
                    )
                iso3 = "SUN" if code == "RUS" and day < USSR_END else code
                mark = rec[col["ms_vote"]].strip().upper()
                if mark not in _UNDL_VOTES:
                    raise _bad_vote(votes, line, mark, "Y, N, A, X or blank")
                self.writer.add("un_votes", (rcid, iso3, _UNDL_VOTES[mark], code))
            self._finish(stream.bytes_read, votes.name)

    def _finish(self, bytes_read: int, label: str) -> None:
        self.done_before += bytes_read
        self.progress(self.done_before, self.total, label)

    def _tick(self, n: int, bytes_read: int, label: str) -> None:
        if n % PROGRESS_EVERY == 1:
            self.progress(self.done_before + bytes_read, self.total, label)


def _get(rec: list[str], col: dict[str, int], name: str) -> str | None:
    i = col.get(name)
    value = rec[i].strip() if i is not None else ""
    return value or None


def _int(path: Path, line: int, name: str, value: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    try:
        return int(float(value))
    except ValueError as e:
        raise ReferenceDataError(
            path, line, f"{name} {value!r} is not a number", f"fix {name}", field=name
        ) from e


def _voeten_session(
    path: Path, line: int, rec: list[str], col: dict[str, int], rcid: str
) -> int | None:
    if "session" in col and rec[col["session"]].strip():
        return _int(path, line, "session", rec[col["session"]])
    return _int(path, line, "resid", rcid) // 1000 if rcid.isdigit() else None


def _flag(path: Path, line: int, name: str, value: str | None) -> bool | None:
    if value is None or value.upper() == "NA":
        return None
    if value in ("0", "1"):
        return value == "1"
    raise ReferenceDataError(
        path, line, f"{name} {value!r} is not 0 or 1", f"fix {name}", field=name
    )


def _date(path: Path, line: int, value: str) -> dt.date:
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError as e:
        raise ReferenceDataError(
            path, line, f"date {value!r} is not YYYY-MM-DD", "fix the date", field="date"
        ) from e


def _bad_vote(path: Path, line: int, value: str, allowed: str) -> ReferenceDataError:
    return ReferenceDataError(
        path, line, f"vote {value!r} is not one of {allowed}", "fix the vote", field="vote"
    )
