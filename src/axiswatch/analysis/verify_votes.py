"""Check UN General Assembly vote claims (lists and counts of no, yes or abstain votes).

The roll call is found from the claim: a symbol in the text (``A/RES/68/262``, ``ES-11/1``), else
a well-known resolution named by its description (``data/un_resolutions.yaml``), else the
claim's time and title keywords. A list of countries in the object (``no_votes``) must equal the
data's list: supported when list and count match, partly when the count matches but the lists
differ or the list is a subset, contradicted otherwise. Countries in the subject
(``PRK voted_against``) must each have cast that vote. Every imported vote dataset that holds
the roll call is consulted; the first (UN Digital Library, then dgrtwo, then Voeten) decides
and disagreements are reported.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import duckdb
import yaml

from axiswatch.analysis._verdicts import (
    Verdict,
    Verification,
    actor_code,
    actor_codes,
    latest_per_dataset,
    time_window,
    unverifiable,
    window_label,
)
from axiswatch.importers.unvotes import resolution_symbol
from axiswatch.model import Claim
from axiswatch.store.reference import (
    rollcall_span,
    rollcalls_between,
    rollcalls_by_resolution,
    votes_on,
)

PREFERENCE = ("unvotes-undl", "unvotes-dgrtwo", "unvotes-voeten")
LABELS = {
    "unvotes-undl": "the UN Digital Library file",
    "unvotes-dgrtwo": "the dgrtwo/unvotes files",
    "unvotes-voeten": "the Voeten files",
}
_COUNCIL = re.compile(r"\bSecurity Council\b|\bUNSC\b|\bthe Council\b|\bveto", re.I)
_ASSEMBLY = re.compile(r"\bGeneral Assembly\b|\bUNGA\b|\bthe Assembly\b", re.I)
VOETEN_ES11_GAP = (dt.date(2021, 12, 25), dt.date(2022, 11, 2))

_KINDS = (
    ("abstain", re.compile(r"abstain|abstention")),
    ("no", re.compile(r"(^|_)(no|against|opposed|nay)(_|$)")),
    ("yes", re.compile(r"(^|_)(yes|for|favou?r|in_favou?r|aye)(_|$)")),
)
_NOUNS = {"no": "no votes", "yes": "yes votes", "abstain": "abstentions"}
_DID = {
    "no": "voted no",
    "yes": "voted yes",
    "abstain": "abstained",
    "absent": "was absent",
    "non_member": "was not a member",
}
_STOP = frozenset(
    {
        "general", "assembly", "resolution", "resolutions", "united", "nations", "unga",
        "vote", "votes", "voted", "against", "support", "favour", "favor", "with", "from",
        "that", "this", "their", "there", "which", "were", "about", "january", "february",
        "march", "april", "june", "july", "august", "september", "october", "november",
        "december",
    }
)  # fmt: skip


@dataclass(frozen=True)
class KnownResolution:
    """A resolution that texts name by description; symbol and date of its vote."""

    symbol: str
    date: dt.date
    title: str
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class VoteTarget:
    """What the claim says about the roll call: a symbol, a date, a time window, words."""

    description: str
    symbol: str | None
    date: dt.date | None
    window: tuple[dt.date, dt.date] | None


@cache
def known_resolutions() -> tuple[KnownResolution, ...]:
    """The resolutions of ``analysis/data/un_resolutions.yaml``."""
    text = resources.files("axiswatch.analysis").joinpath("data").joinpath("un_resolutions.yaml")
    entries = yaml.safe_load(text.read_text("utf-8"))
    return tuple(
        KnownResolution(
            symbol=e["symbol"],
            date=e["date"] if isinstance(e["date"], dt.date) else dt.date.fromisoformat(e["date"]),
            title=e["title"],
            phrases=tuple(p.lower() for p in [e["title"], *e.get("phrases", [])]),
        )
        for e in entries
    )


def vote_kind(predicate: str) -> str | None:
    """``no``, ``yes`` or ``abstain`` for a vote predicate (``no_votes``, ``voted_against``)."""
    if not re.search(r"vot|abstain|abstention", predicate):
        return None
    for kind, pattern in _KINDS:
        if pattern.search(predicate):
            return kind
    return None


def is_vote_claim(claim: Claim) -> bool:
    """Whether the claim is about how states voted on a General Assembly resolution."""
    return vote_kind(claim.predicate) is not None


def resolve_target(claim: Claim, description: str) -> VoteTarget:
    """The roll call the claim means, as far as its text and time tell."""
    window = time_window(claim.time)
    symbol = resolution_symbol(description) or resolution_symbol(claim.sentence)
    known = _known_by_symbol(symbol) if symbol else None
    if known is None and symbol is None:
        known = _known_by_phrase(description.lower(), window) or _known_by_phrase(
            claim.sentence.lower(), window
        )
    if known is not None:
        return VoteTarget(description, known.symbol, known.date, window)
    return VoteTarget(description, symbol, None, window)


def _known_by_symbol(symbol: str) -> KnownResolution | None:
    return next((k for k in known_resolutions() if k.symbol == symbol), None)


def _known_by_phrase(text: str, window: tuple[dt.date, dt.date] | None) -> KnownResolution | None:
    scored = []
    for known in known_resolutions():
        if window and not window[0] <= known.date <= window[1]:
            continue
        best = max((len(p) for p in known.phrases if p in text), default=0)
        if best:
            scored.append((best, known))
    scored.sort(key=lambda item: -item[0])
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None
    return scored[0][1]


def check_vote(con: duckdb.DuckDBPyConnection, claim: Claim) -> Verification:
    """Judge a vote list or count against the imported roll calls."""
    kind = vote_kind(claim.predicate)
    assert kind is not None
    parsed = _parse(claim)
    if parsed is None:
        return unverifiable(
            claim.claim_id,
            "a vote claim needs a resolution description and country codes or a count",
        )
    description, codes, members_only = parsed
    if _COUNCIL.search(claim.sentence) and not _ASSEMBLY.search(claim.sentence):
        return unverifiable(
            claim.claim_id,
            "a Security Council vote: the UN vote data holds General Assembly roll calls only "
            "(the Council's vetoes are checked against the veto list)",
        )
    datasets = sorted(
        latest_per_dataset(con, "un_votes"),
        key=lambda d: PREFERENCE.index(d["dataset"]) if d["dataset"] in PREFERENCE else 99,
    )
    if not datasets:
        return unverifiable(
            claim.claim_id,
            "no UN votes imported: run `axiswatch import unvotes PATH` to check this",
        )
    target = resolve_target(claim, description)
    matches = []
    for ds in datasets:
        rollcall = _find_rollcall(con, ds, target)
        if rollcall is not None:
            matches.append((ds, rollcall))
    if not matches:
        return _not_found(con, claim, target, datasets)
    results = [_judge(con, claim, kind, codes, members_only, ds, rc) for ds, rc in matches]
    return _combine(claim, results)


def _parse(claim: Claim) -> tuple[str, list[str], bool] | None:
    """(description, codes, codes-are-the-subject) or None when the claim lacks them."""
    if isinstance(claim.subject, str) and actor_code(claim.subject) is None:
        codes = actor_codes(claim.object) if claim.object is not None else []
        return (claim.subject, codes, False) if codes is not None else None
    if isinstance(claim.object, str) and actor_code(claim.object) is None:
        codes = actor_codes(claim.subject)
        return (claim.object, codes, True) if codes else None
    return None


def _find_rollcall(
    con: duckdb.DuckDBPyConnection, ds: dict[str, Any], target: VoteTarget
) -> dict[str, Any] | None:
    name, version = ds["dataset"], ds["version"]
    if target.symbol:
        rows = rollcalls_by_resolution(con, name, version, target.symbol)
        if target.window:
            rows = [r for r in rows if target.window[0] <= r["date"] <= target.window[1]] or rows
        if rows:
            return rows[0]
    if target.date:
        rows = rollcalls_between(con, name, version, target.date, target.date)
        if target.symbol:
            rows = [r for r in rows if not r["resolution"]]
        return rows[0] if len(rows) == 1 else _by_keywords(rows, target.description)
    if target.window and not target.symbol:
        rows = rollcalls_between(con, name, version, *target.window)
        return _by_keywords(rows, target.description)
    return None


def _by_keywords(rows: list[dict[str, Any]], description: str) -> dict[str, Any] | None:
    words = {w for w in re.findall(r"[a-z]+", description.lower()) if len(w) > 3} - _STOP
    scored = []
    for row in rows:
        title = f"{row['title'] or ''} {row['short_title'] or ''}".lower()
        score = sum(1 for w in words if w in title)
        if score >= 2:
            scored.append((score, row))
    scored.sort(key=lambda item: -item[0])
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None
    return scored[0][1]


def _not_found(
    con: duckdb.DuckDBPyConnection,
    claim: Claim,
    target: VoteTarget,
    datasets: list[dict[str, Any]],
) -> Verification:
    names = ", ".join(d["dataset"] for d in datasets)
    versions = ", ".join(d["version"] for d in datasets)
    period = _period(target)
    if period is None:
        return unverifiable(
            claim.claim_id,
            f"no imported UN vote matches {target.symbol or repr(target.description)}: "
            "give the claim a date or the resolution symbol",
            dataset=names,
            dataset_version=versions,
        )
    covering = [d for d in datasets if _covers(con, d, period)]
    label = window_label(period)
    if covering:
        reason = (
            f"imported UN votes cover {label} but none could be matched to "
            f"{target.symbol or repr(target.description)}: name the resolution symbol "
            "(e.g. A/RES/68/262) to check this"
        )
    else:
        years = window_label((dt.date(period[0].year, 1, 1), dt.date(period[1].year, 12, 31)))
        notes = [n for d in datasets if (n := _gap_note(con, d, target, period))]
        note = f" ({'; '.join(notes)})" if notes else ""
        spanning = [d for d in datasets if _spans(con, d, period)]
        if spanning and not notes:
            reason = (
                f"the imported UN votes ({', '.join(d['dataset'] for d in spanning)}) hold no "
                f"General Assembly roll call in {label}: check the date, or name the "
                "resolution symbol"
            )
        else:
            reason = (
                f"no imported UN vote covers {label}: import UN votes covering {years}{note} "
                "to check this"
            )
    return unverifiable(claim.claim_id, reason, dataset=names, dataset_version=versions)


def _period(target: VoteTarget) -> tuple[dt.date, dt.date] | None:
    if target.date:
        first = target.date.replace(day=1)
        following = (first + dt.timedelta(days=32)).replace(day=1)
        return first, following - dt.timedelta(days=1)
    return target.window


def _covers(
    con: duckdb.DuckDBPyConnection, ds: dict[str, Any], period: tuple[dt.date, dt.date]
) -> bool:
    return bool(rollcalls_between(con, ds["dataset"], ds["version"], *period))


def _spans(
    con: duckdb.DuckDBPyConnection, ds: dict[str, Any], period: tuple[dt.date, dt.date]
) -> bool:
    first, last = rollcall_span(con, ds["dataset"], ds["version"])
    return first is not None and last is not None and first <= period[0] and period[1] <= last


def _gap_note(
    con: duckdb.DuckDBPyConnection,
    ds: dict[str, Any],
    target: VoteTarget,
    period: tuple[dt.date, dt.date],
) -> str | None:
    label = LABELS.get(ds["dataset"], ds["dataset"])
    emergency = bool(target.symbol and "/ES-" in target.symbol)
    in_gap = period[0] <= VOETEN_ES11_GAP[1] and period[1] >= VOETEN_ES11_GAP[0]
    if ds["dataset"] == "unvotes-voeten" and (emergency or in_gap):
        return f"{label} hold no emergency-session votes of {period[0].year}"
    first, last = rollcall_span(con, ds["dataset"], ds["version"])
    if last and period[0] > last:
        return f"{label} end on {last.isoformat()}"
    if first and period[1] < first:
        return f"{label} begin on {first.isoformat()}"
    return None


@dataclass(frozen=True)
class _Judgement:
    dataset: dict[str, Any]
    rollcall: dict[str, Any]
    actual: list[str]
    verdict: Verdict
    text: str
    rows: list[dict[str, Any]]


def _judge(
    con: duckdb.DuckDBPyConnection,
    claim: Claim,
    kind: str,
    codes: list[str],
    members_only: bool,
    ds: dict[str, Any],
    rollcall: dict[str, Any],
) -> _Judgement:
    votes = votes_on(con, ds["dataset"], ds["version"], rollcall["rcid"])
    actual = sorted(c for c, v in votes.items() if v == kind)
    claimed = set(codes)
    count = int(claim.value) if claim.value is not None else None
    if members_only:
        verdict = _member_verdict(claimed, set(actual), count)
    else:
        verdict = _list_verdict(claimed, set(actual), count)
    label = LABELS.get(ds["dataset"], ds["dataset"])
    ref = rollcall["resolution"] or f"roll call {rollcall['rcid']}"
    head = (
        f"{label} record {len(actual)} {_NOUNS[kind]} on {ref} of {rollcall['date']}"
        f" ({', '.join(actual) or 'none'})"
    )
    text = head + _differences(claimed, actual, count, votes, kind, members_only)
    rows = [{"table": "un_rollcalls", **rollcall}] + [
        {
            "table": "un_votes",
            "rcid": rollcall["rcid"],
            "country": c,
            "vote": votes.get(c, "not recorded"),
        }
        for c in sorted(claimed | set(actual))
    ]
    return _Judgement(ds, rollcall, actual, verdict, text, rows)


def _list_verdict(claimed: set[str], actual: set[str], count: int | None) -> Verdict:
    count_ok = count is not None and count == len(actual)
    if claimed and claimed == actual and (count is None or count_ok):
        return "supported"
    if not claimed:
        return "supported" if count_ok else "contradicted"
    if count_ok or claimed < actual:
        return "partly"
    return "contradicted"


def _member_verdict(claimed: set[str], actual: set[str], count: int | None) -> Verdict:
    hits = claimed & actual
    if not hits:
        return "contradicted"
    if hits == claimed and (count is None or count == len(actual)):
        return "supported"
    return "partly"


def _differences(
    claimed: set[str],
    actual: list[str],
    count: int | None,
    votes: dict[str, str],
    kind: str,
    members_only: bool,
) -> str:
    parts = []
    if count is not None and count != len(actual):
        parts.append(f"the text says {count}")
    missing = sorted(set(actual) - claimed)
    extra = sorted(claimed - set(actual))
    if missing and claimed and not members_only:
        parts.append(f"the text does not name {', '.join(missing)}")
    for code in extra:
        parts.append(f"{code} {_DID.get(votes.get(code, ''), 'has no recorded vote')}")
    if not parts:
        return ", as the text says"
    return "; " + "; ".join(parts)


def _combine(claim: Claim, results: list[_Judgement]) -> Verification:
    first = results[0]
    notes = []
    for other in results[1:]:
        label = LABELS.get(other.dataset["dataset"], other.dataset["dataset"])
        if other.actual == first.actual:
            notes.append(f"{label} agree")
        else:
            only_first = sorted(set(first.actual) - set(other.actual))
            only_other = sorted(set(other.actual) - set(first.actual))
            diff = ", ".join(
                part
                for part in (
                    f"without {', '.join(only_first)}" if only_first else "",
                    f"with {', '.join(only_other)}" if only_other else "",
                )
                if part
            )
            notes.append(f"the sources disagree: {label} list {len(other.actual)} ({diff})")
    text = first.text + ("; " + "; ".join(notes) if notes else "")
    rows = first.rows + [row for other in results[1:] for row in other.rows[:1]]
    return Verification(
        claim.claim_id,
        first.verdict,
        text,
        first.dataset["dataset"],
        first.dataset["version"],
        rows,
    )
