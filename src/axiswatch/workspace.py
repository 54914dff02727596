"""The Workspace: the one facade that the CLI, the API, the web pages and reports call."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import duckdb

from axiswatch.config import default_db_path
from axiswatch.errors import AxiswatchError, IngestError, InputError
from axiswatch.filters import Codes, DateLike
from axiswatch.ingest.documents import build_document, iter_candidate_files
from axiswatch.model import DEFAULT_EPISTEMIC, Claim, Document, Event
from axiswatch.store import documents as doc_store
from axiswatch.store import events as ev_store
from axiswatch.store.connect import connect
from axiswatch.store.events import EventFilter
from axiswatch.store.migrations import schema_version

if TYPE_CHECKING:
    import ibis
    import pandas as pd
    from ibis.backends import BaseBackend

    from axiswatch.actors.kb import ActorKB
    from axiswatch.analysis._verdicts import Verification
    from axiswatch.analysis.hypotheses import Hypothesis
    from axiswatch.extract.pipeline import Extractor
    from axiswatch.review.reviews import Review

log = logging.getLogger(__name__)

ACTOR_FILE_SUFFIXES = (".yaml", ".yml", ".csv")


def actor_file_paths(db_path: Path) -> list[Path]:
    """Where a workspace's own actor files go: axiswatch-actors.yaml/.yml/.csv beside it."""
    folder = Path(db_path).resolve().parent
    return [folder / f"axiswatch-actors{ext}" for ext in ACTOR_FILE_SUFFIXES]


MAX_EXTRACT_CHARS = 5_000_000
"""The longest text events and claims are extracted from (about 800,000 words, a thick
book); a longer one is stored and reported, not parsed for hours."""
TABLES: dict[str, str] = {
    "events": "one row per event (mentions of one act grouped), rejected ones left out",
    "mentions": "one row per coded sentence or imported row, with its event's review",
    "documents": "the stored documents and their text",
    "claims": "checkable statements and hypotheses found in the documents",
    "verifications": "the verdict of each claim checked against reference data",
    "reviews": "the analysts' reviews of events",
    "datasets": "imported reference and event datasets",
    "un_rollcalls": "UN General Assembly roll calls",
    "un_votes": "UN General Assembly votes by country",
    "unsc_vetoes": "UN Security Council vetoes",
    "arms_transfers": "SIPRI arms transfers",
    "borders": "land borders",
    "trade_partners": "main trade partners",
    "factbook_profiles": "CIA World Factbook profiles",
}
"""The tables :meth:`Workspace.table` offers, with what one row is."""
REFERENCE_KINDS = ("un_votes", "unsc_vetoes", "factbook")
"""Kinds of reference data that claim verification reads."""
Progress = Callable[[int, int, str], None]
"""progress(done, total, label): called as long work advances."""


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one input path."""

    path: str
    status: str  # added | unchanged | failed
    document_id: str | None = None
    title: str | None = None
    reason: str | None = None
    events: int | None = None
    extract_error: str | None = None
    completed: bool = False
    """An unchanged document whose interrupted (or skipped) extraction was finished now."""


@dataclass
class IngestReport:
    """The outcome of one ingest call, file by file."""

    outcomes: list[FileOutcome] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        """How many files ended with this status."""
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> list[FileOutcome]:
        """The files that could not be ingested."""
        return [o for o in self.outcomes if o.status == "failed"]


class Workspace:
    """One workspace database and the operations on it."""

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        wait: float | None = None,
        extractor: Extractor | None = None,
    ) -> None:
        """Open the workspace; ``wait``: seconds to wait while another process holds it
        (default $AXISWATCH_LOCK_WAIT or 30); ``extractor``: one already loaded, to reuse."""
        self.path = Path(path) if path is not None else default_db_path()
        self._wait = wait
        self.con: duckdb.DuckDBPyConnection = connect(self.path, wait=wait)
        self._extractor: Extractor | None = extractor
        self._backend: tuple[duckdb.DuckDBPyConnection, BaseBackend] | None = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection."""
        self.con.close()

    @property
    def schema_version(self) -> int:
        """The applied schema version."""
        return schema_version(self.con)

    # documents -------------------------------------------------------------------------
    def ingest(
        self,
        paths: Iterable[str | Path],
        *,
        title: str | None = None,
        published: dt.date | None = None,
        extract: bool = True,
        progress: Progress | None = None,
    ) -> IngestReport:
        """Read files and folders into the store; each document in its own transaction.

        With ``extract`` (the default), events are extracted from every newly added document,
        and from a stored one whose extraction never finished (killed midway, or ingested with
        ``extract=False``); a document whose extraction fails keeps its stored text and the
        failure is reported.
        """
        found = iter_candidate_files(paths)
        report = IngestReport(skipped=[str(p) for p in found.skipped])
        for missing in found.missing:
            report.outcomes.append(
                FileOutcome(missing, "failed", reason="no such file or folder: check the path")
            )
        total = len(found.files)
        extracted = False
        for n, path in enumerate(found.files, 1):
            outcome = self._ingest_one(path, title=title, published=published)
            if extract and outcome.status == "added" and outcome.document_id:
                outcome = self._extract_outcome(outcome)
                extracted = True
            elif (
                extract
                and outcome.status == "unchanged"
                and outcome.document_id
                and doc_store.needs_extraction(self.con, outcome.document_id)
            ):
                outcome = replace(self._extract_outcome(outcome), completed=True)
                extracted = True
            report.outcomes.append(outcome)
            if progress is not None:
                progress(n, total, str(path))
        if extracted:
            self.regroup()
        return report

    def _extract_outcome(self, outcome: FileOutcome) -> FileOutcome:
        try:
            n = self.extract_document(outcome.document_id or "", regroup=False)
        except AxiswatchError as e:
            return replace(outcome, extract_error=str(e))
        return replace(outcome, events=n)

    # events ----------------------------------------------------------------------------
    @property
    def actor_files(self) -> list[Path]:
        """The workspace's own actor files: axiswatch-actors.yaml/.yml/.csv beside the database."""
        return [path for path in actor_file_paths(self.path) if path.is_file()]

    @property
    def kb(self) -> ActorKB:
        """The actor knowledge base: the built-ins with the workspace's actor files over them."""
        from axiswatch.actors.kb import ActorKB

        return ActorKB.load(self.actor_files)

    @property
    def loaded_extractor(self) -> Extractor | None:
        """The extractor if it was loaded (to hand to the next workspace), else None."""
        return self._extractor

    @contextmanager
    def released(self) -> Iterator[None]:
        """Let go of the database file for a while (long work that does not need it), so
        that another program (the workbench, a CLI command) can use the workspace meanwhile."""
        if str(self.path) == ":memory:":
            yield
            return
        self.con.close()
        try:
            yield
        finally:
            self.con = connect(self.path, wait=self._wait)

    @property
    def extractor(self) -> Extractor:
        """The event extractor (spaCy and the actor knowledge base load on first use)."""
        if self._extractor is None:
            from axiswatch.extract.pipeline import Extractor

            self._extractor = Extractor(self.kb)
        return self._extractor

    def extract_document(self, document_id: str, *, regroup: bool = True) -> int:
        """(Re-)extract events and claims from one stored document; returns the mention count.

        With ``regroup`` (the default) the workspace's events are rebuilt from the mentions
        afterwards; pass False when extracting many documents and call :meth:`regroup` once.
        """
        from axiswatch.extract.claims import CLAIMS_VERSION, extract_claims
        from axiswatch.extract.paragraphs import parse_paragraphs
        from axiswatch.extract.pipeline import SourceText
        from axiswatch.store.claims import write_claims

        document = self.document(document_id)
        name = Path(document.path).name if document.path else document.document_id[:12]
        if len(document.text) > MAX_EXTRACT_CHARS:
            raise InputError(
                f"{name}: {len(document.text):,} characters; events are extracted from texts of "
                f"up to {MAX_EXTRACT_CHARS:,}: the text is stored; split it into parts to extract"
            )
        source = SourceText.of(document, name)
        paragraphs = parse_paragraphs(self.extractor.nlp, document.text)  # one parse for both
        events = self.extractor.extract_one(source, paragraphs=paragraphs)
        n = ev_store.write_events(self.con, events, document_id=document.document_id, regroup=False)
        claims = extract_claims(
            document.text,
            doc=document.document_id[:12],
            document_id=document.document_id,
            published=document.published,
            kb=self.kb,
            nlp=self.extractor.nlp,
            events=events,
            paragraphs=paragraphs,
        )
        write_claims(
            self.con, claims, document_id=document.document_id, extractor_version=CLAIMS_VERSION
        )
        doc_store.mark_extracted(self.con, document.document_id)  # last: all of it is stored
        if regroup:
            self.regroup()
        return n

    def regroup(self) -> int:
        """Rebuild the events from the stored mentions and reviews; returns their number."""
        from axiswatch.store.groups import regroup

        return regroup(self.con)

    # claims, verification, hypotheses ----------------------------------------------------
    def claims(self) -> list[Claim]:
        """Stored claims."""
        from axiswatch.store.reference import read_claims

        return read_claims(self.con)

    def ensure_reference(self, kinds: Sequence[str] = REFERENCE_KINDS) -> list[str]:
        """Install the bundled reference pack for each kind the workspace holds nothing of.

        Returns the names of the datasets installed (none when the user's own imports, or an
        earlier install, are there).
        """
        from axiswatch.reference.pack import ensure

        return [d.name for d in ensure(self.con, kinds)]

    def verify(self) -> list[Verification]:
        """Check every stored claim against the reference data; verdicts are stored.

        Kinds of reference data the workspace lacks come from the bundled pack first.
        """
        from axiswatch.analysis.verify import verify_all
        from axiswatch.store.reference import write_verifications

        self.ensure_reference()
        verifications = verify_all(self.con, self.claims())
        write_verifications(self.con, verifications)
        return verifications

    def hypotheses(self) -> list[Hypothesis]:
        """Hedged claims with the stored events and claims that bear on each."""
        from axiswatch.analysis.hypotheses import hypotheses

        return hypotheses(self.con)

    def extract_all(self, *, progress: Progress | None = None) -> int:
        """Re-extract every stored document; returns the number of events stored."""
        documents = self.documents()
        total = 0
        for n, document in enumerate(documents, 1):
            total += self.extract_document(document.document_id, regroup=False)
            if progress is not None:
                progress(n, len(documents), document.title or document.document_id[:12])
        self.regroup()
        return total

    def events(
        self,
        *,
        actor: Codes | None = None,
        dyad: Codes | None = None,
        type: str | None = None,
        since: DateLike | None = None,
        until: DateLike | None = None,
        epistemic: Codes | None = None,
        document: str | None = None,
        count: str = "events",
        review: str | None = None,
        min_confidence: float | None = None,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """Stored events as a DataFrame: one row per event in date order, every field of
        :class:`axiswatch.model.Event` as a column (an empty frame when nothing matches).

        ``date_start`` and ``date_end`` are datetime64 (the first and last day the event's
        date can mean; ``precision`` says whether it is known to the day, month or year),
        ``doc`` is the document's file name, ``why`` the coding rationale as JSON text.

        Filters (each optional, all must hold):

        - ``actor``: events touching this actor, or any of several ("RUS", ["RUS", "CHN"]);
        - ``dyad``: both directions between two actors, "RUS-PRK" or ("RUS", "PRK");
        - ``type``: a PLOVER type ("CONSULT"; the column is ``event_type``);
        - ``since`` / ``until``: a date, datetime or ISO text ("2019", "2019-06",
          "2019-06-12"); events whose date can fall on or after ``since`` and on or before
          ``until`` (``until="2019"`` keeps the whole year);
        - ``epistemic``: one status or several ("asserted", ["asserted", "reported"]);
        - ``document``: events with a mention in this document (its id or a unique prefix);
        - ``count``: "events" (each act once) or "mentions" (one row per coded sentence);
        - ``review``: unreviewed, accepted, corrected, rejected, reviewed or any (default:
          all but rejected);
        - ``min_confidence``: only events at least this sure (0 to 1);
        - ``limit``: at most this many rows.

        Unknown actor codes and types raise :class:`axiswatch.InputError` naming the nearest
        known ones; a document that is not stored raises NotFoundError. The events as
        :class:`~axiswatch.model.Event` objects: :meth:`event_list`.
        """
        from axiswatch.filters import event_filter

        flt = event_filter(
            actor=actor,
            dyad=dyad,
            type=type,
            since=since,
            until=until,
            epistemic=epistemic,
            document_id=self.document(document).document_id if document else None,
            count=count,
            review=review,
            min_confidence=min_confidence,
            limit=limit,
        )
        self.check_actors([*(flt.actors or ()), *(flt.dyad or ())])
        return ev_store.read_frame(self.con, flt)

    def event_list(self, flt: EventFilter | None = None) -> list[Event]:
        """Stored events matching the filter as Event objects, in date order
        (``count="mentions"``: mentions); :meth:`events` gives a DataFrame."""
        return ev_store.read_events(self.con, flt)

    def check_actors(self, codes: Iterable[str]) -> None:
        """InputError (UsageError) for a code that neither the actor knowledge base, the
        workspace's actor files nor its events hold, naming the nearest known ones."""
        from axiswatch.actors import ActorKB
        from axiswatch.codes import actor_list, check_actors

        builtin = ActorKB.default().actors
        missing = [c for c in actor_list(codes) if c not in builtin]
        if missing:
            check_actors(missing, self._actor_codes())

    def event_page(self, flt: EventFilter | None = None) -> ev_store.Page:
        """One page of events: the events, the cursor after the last, whether more follow."""
        return ev_store.read_page(self.con, flt)

    def event_total(self, flt: EventFilter | None = None) -> int:
        """How many events (or mentions) match the filter, its limit and offset aside."""
        return ev_store.count_events(self.con, flt)

    def event(self, event_id: str) -> Event:
        """One stored event (or mention) by id."""
        return ev_store.read_event(self.con, event_id)

    def mentions(self, event_id: str) -> list[dict[str, Any]]:
        """The mentions of one event, each with why it joined and whether a review covers it."""
        from axiswatch.store.groups import mentions_of

        return mentions_of(self.con, self.event_id_of(event_id))

    def reviews(self, event_id: str | None = None) -> list[Review]:
        """The review history, oldest first; of one event when ``event_id`` is given."""
        from axiswatch.store.reviews import read_reviews

        if event_id is None:
            return read_reviews(self.con)
        keys = [m["mention_key"] for m in self.mentions(event_id)]
        return read_reviews(self.con, mention_keys=keys)

    def review(
        self,
        event_id: str,
        action: str,
        *,
        changes: dict[str, Any] | None = None,
        others: Sequence[str] = (),
        mentions: Sequence[str] = (),
        note: str | None = None,
        reviewer: str | None = None,
    ) -> Review:
        """Record one review and rebuild the events (axiswatch.review.reviews).

        ``accept``, ``reject``, ``edit`` (``changes``: event_type, source, target, date_start,
        date_end, epistemic), ``merge`` (with the events in ``others``) or ``split`` (the
        mention ids in ``mentions`` become an event of their own). Nothing is stored when a
        value is refused.
        """
        from axiswatch.ontology import PLOVER_TYPES
        from axiswatch.review.reviews import check_action, check_changes
        from axiswatch.store.reviews import add_review

        check_action(action)
        group = self.event_id_of(event_id)
        own = self.mentions(group)
        keys = [m["mention_key"] for m in own]
        checked: dict[str, Any] = {}
        if action == "edit":
            if not changes:
                raise InputError("edit: give at least one field to change")
            checked = check_changes(
                changes, known_actors=self._actor_codes(), plover_types=PLOVER_TYPES
            )
        elif action == "merge":
            other_groups = [self.event_id_of(o) for o in others]
            if not other_groups or set(other_groups) == {group}:
                raise InputError("merge: name at least one other event to merge with")
            keys += [m["mention_key"] for g in other_groups for m in self.mentions(g)]
        elif action == "split":
            by_id = {m["event_id"]: m["mention_key"] for m in own}
            unknown = [m for m in mentions if m not in by_id]
            if not mentions or unknown:
                raise InputError(
                    f"split: mention {', '.join(unknown) or '(none)'} is not one of this "
                    f"event's mentions; choose from {', '.join(by_id)}"
                )
            if len(set(mentions)) == len(by_id):
                raise InputError("split: leave at least one mention in the event")
            keys = [by_id[m] for m in mentions]
        review = add_review(
            self.con,
            event_id=group,
            mention_keys=keys,
            action=action,
            changes=checked,
            note=note,
            reviewer=reviewer,
        )
        self.regroup()
        return review

    def event_id_of(self, event_id: str) -> str:
        """The event an id names: the id itself for an event, its event for a mention."""
        from axiswatch.store.groups import group_of

        row = self.con.execute(
            "SELECT event_id FROM event_groups WHERE event_id = ?", [event_id]
        ).fetchone()
        if row is not None:
            return event_id
        group = group_of(self.con, event_id)
        if group is not None:
            return group
        self.event(event_id)  # NotFoundError for an id that is nowhere
        raise InputError(
            f"event {event_id!r} is an imported row: reviews apply to events extracted from "
            "documents"
        )

    def _actor_codes(self) -> set[str]:
        stored = self.con.execute(
            "SELECT DISTINCT source FROM events UNION SELECT DISTINCT target FROM events"
        ).fetchall()
        return set(self.kb.actors) | {r[0] for r in stored if r[0]}

    # tables and analyses (DataFrames for notebooks; the same ibis code runs elsewhere) -----
    def table(self, name: str) -> ibis.Table:
        """A workspace table as an Ibis table on this connection, to compose queries on:
        ``ws.table("events").group_by("event_type").aggregate(n=ibis._.count()).execute()``.

        ``events`` holds one row per event, ``mentions`` one per coded sentence (both leave
        rejected events out and apply corrections; dates are ISO text in ``date_start`` and
        ``date_end``, typed in ``day_start`` and ``day_end``); see :data:`TABLES` for the
        others. An unknown name raises InputError listing the known ones.
        """
        from axiswatch.analysis._backend import events_table, table
        from axiswatch.codes import did_you_mean

        if name not in TABLES:
            raise InputError(
                f"table {name!r}: choose one of {', '.join(TABLES)}{did_you_mean(name, TABLES)}"
            )
        if name in ("events", "mentions"):
            return events_table(self._ibis(), count=name)
        return table(self._ibis(), name)

    def _ibis(self) -> BaseBackend:
        """The Ibis backend over the current connection (made again after :meth:`released`)."""
        from axiswatch.analysis._backend import ibis_connect

        if self._backend is None or self._backend[0] is not self.con:
            self._backend = (self.con, ibis_connect(self.con))
        return self._backend[1]

    def dyad(
        self,
        a: str,
        b: str,
        *,
        by: str = "year",
        origins: Iterable[str] | None = None,
        epistemic: Iterable[str] | None = DEFAULT_EPISTEMIC,
        count: str = "events",
        reviewed: bool = False,
    ) -> pd.DataFrame:
        """A-B event series per period and direction (see axiswatch.analysis.dyads).

        ``by``: year, quarter or month; ``origins``: only events of these origins
        ("extracted", "gdelt", ...; None: all); ``epistemic``: the statuses counted (None:
        all); ``count="mentions"`` counts every coded sentence rather than each act once;
        ``reviewed`` keeps only events an analyst accepted or corrected.
        """
        from axiswatch.analysis.dyads import dyad

        return dyad(
            self.con,
            a,
            b,
            by=by,
            origins=origins,
            epistemic=epistemic,
            count=count,
            reviewed=reviewed,
        )

    def triangle(
        self,
        a: str,
        b: str,
        c: str,
        *,
        by: str = "year",
        tau: float = 1.0,
        n_min: int = 1,
        symmetric: bool = False,
        origins: Iterable[str] | None = None,
        epistemic: Iterable[str] | None = DEFAULT_EPISTEMIC,
        window: int = 1,
        count: str = "events",
        reviewed: bool = False,
    ) -> pd.DataFrame:
        """The A-B-C strategic triangle per period, one row each (axiswatch.analysis.triangle);
        the options are :meth:`triangle_periods`'."""
        from axiswatch.analysis.triangle import triangle_frame

        return triangle_frame(
            self.triangle_periods(
                a,
                b,
                c,
                by=by,
                tau=tau,
                n_min=n_min,
                symmetric=symmetric,
                origins=origins,
                epistemic=epistemic,
                window=window,
                count=count,
                reviewed=reviewed,
            )
        )

    def triangle_periods(
        self,
        a: str,
        b: str,
        c: str,
        *,
        by: str = "year",
        tau: float = 1.0,
        n_min: int = 1,
        symmetric: bool = False,
        origins: Iterable[str] | None = None,
        epistemic: Iterable[str] | None = DEFAULT_EPISTEMIC,
        window: int = 1,
        count: str = "events",
        reviewed: bool = False,
    ) -> list[dict[str, Any]]:
        """The triangle per period with the events behind every sign.

        ``by``: year, quarter or month; a dyad's sign is + or - when its mean Goldstein
        passes ±``tau`` over at least ``n_min`` events; ``symmetric`` pools both directions;
        ``window`` periods are read together; ``origins``, ``epistemic``, ``count`` and
        ``reviewed`` choose the events as in :meth:`dyad`.
        """
        from axiswatch.analysis.triangle import triangle

        return triangle(
            self.con,
            a,
            b,
            c,
            by=by,
            tau=tau,
            n_min=n_min,
            symmetric=symmetric,
            origins=origins,
            epistemic=epistemic,
            window=window,
            count=count,
            reviewed=reviewed,
        )

    def votes_align(
        self,
        countries: Sequence[str],
        *,
        start: int = 1991,
        end: int = 2024,
        by: str = "session",
        dataset: str | None = None,
        dataset_version: str | None = None,
        idealpoint_measure: str | None = None,
        successors: bool = True,
    ) -> pd.DataFrame:
        """UN General Assembly voting alignment per pair (axiswatch.analysis.alignment).

        ``start``..``end``: the years; ``by``: session or year; ``dataset`` and
        ``dataset_version``: the votes to read (default: the newest covering most of the
        period); ``idealpoint_measure``: the ideal-point measure to add; ``successors``:
        Russia's seat continues the Soviet Union's. The bundled UN votes are installed first
        when the workspace holds none.
        """
        from axiswatch.analysis.alignment import votes_align

        self.ensure_reference(["un_votes"])
        return votes_align(
            self.con,
            countries,
            start=start,
            end=end,
            by=by,
            dataset=dataset,
            dataset_version=dataset_version,
            idealpoint_measure=idealpoint_measure,
            successors=successors,
        )

    def changes(
        self,
        a: str,
        b: str,
        *,
        by: str = "month",
        min_events: int = 1,
        symmetric: bool = False,
        missing: str = "drop",
        penalty: float = 2.0,
        min_size: int = 3,
        top: int = 5,
        origins: Iterable[str] | None = None,
        epistemic: Iterable[str] | None = DEFAULT_EPISTEMIC,
        count: str = "events",
        reviewed: bool = False,
    ) -> pd.DataFrame:
        """Change points in the A-B Goldstein series, one row per break
        (axiswatch.analysis.changepoints).

        ``by``: the period; periods with fewer than ``min_events`` events are gaps, dropped or
        filled as ``missing`` says; ``symmetric`` pools both directions; ``penalty`` and
        ``min_size`` (periods) tune the break search; ``top``: events shown around each
        break; ``origins``, ``epistemic``, ``count`` and ``reviewed`` as in :meth:`dyad`.
        """
        from axiswatch.analysis.changepoints import changes

        return changes(
            self.con,
            a,
            b,
            by=by,
            min_events=min_events,
            symmetric=symmetric,
            missing=missing,
            penalty=penalty,
            min_size=min_size,
            top=top,
            origins=origins,
            epistemic=epistemic,
            count=count,
            reviewed=reviewed,
        ).breaks

    def _ingest_one(
        self, path: Path, *, title: str | None, published: dt.date | None
    ) -> FileOutcome:
        try:
            document, raw_hash = build_document(path, title=title, published=published)
            added = doc_store.write_document(self.con, document, raw_sha256=raw_hash)
        except IngestError as e:
            return FileOutcome(str(path), "failed", reason=e.reason)
        except AxiswatchError as e:
            return FileOutcome(str(path), "failed", reason=str(e))
        except (MemoryError, RecursionError, UnicodeError, ValueError, OSError) as e:
            # a reader failing on a file it should have refused: skip it, go on with the rest
            log.debug("reading %s failed", path, exc_info=True)
            return FileOutcome(
                str(path),
                "failed",
                reason=f"cannot be read ({type(e).__name__}: {str(e)[:200]}); check the file",
            )
        status = "added" if added else "unchanged"
        log.info("%s %s as %s", status, path, document.document_id[:12])
        return FileOutcome(str(path), status, document.document_id, document.title)

    def documents(self, *, limit: int | None = None) -> list[Document]:
        """Stored documents, in ingestion order."""
        return doc_store.read_documents(self.con, limit=limit)

    def document_count(self) -> int:
        """How many documents are stored (their texts are not read)."""
        return doc_store.count_documents(self.con)

    def document(self, id_or_prefix: str) -> Document:
        """One stored document by id or unique prefix."""
        return doc_store.read_document(self.con, id_or_prefix)


def open(path: str | Path | None = None) -> Workspace:
    """Open (or create) the workspace at ``path`` ($AXISWATCH_DB, else ./axiswatch.duckdb)."""
    return Workspace(path)
