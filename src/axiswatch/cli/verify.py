"""`axiswatch verify`: check the stored claims against the reference data (pack or imported)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from axiswatch.cli.options import DEFAULT_DB_PATH, DbOption, FormatOption, OutputFormat, resolve_db
from axiswatch.cli.output import cli_errors, render_rows, say

if TYPE_CHECKING:
    from axiswatch.analysis.verify import Verification
    from axiswatch.model import Claim

COLUMNS = ["claim_id", "sentence", "verdict", "explanation", "dataset"]
EXCERPT = 60


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1].rstrip() + "…"


def _row(claim: Claim, verification: Verification, *, full: bool) -> dict[str, Any]:
    row = verification.to_dict()
    row["sentence"] = claim.sentence if full else _excerpt(claim.sentence)
    if not full:
        version = verification.dataset_version
        row["dataset"] = f"{verification.dataset} {version}" if verification.dataset else ""
    return row


@cli_errors
def verify_cmd(db: DbOption = DEFAULT_DB_PATH, fmt: FormatOption = OutputFormat.table) -> None:
    """Verify every stored claim; earlier verifications of the same claims are replaced."""
    from axiswatch.analysis.verify import verify_all
    from axiswatch.store.reference import read_claims, write_verifications
    from axiswatch.workspace import Workspace

    with Workspace(resolve_db(db)) as ws:
        installed = ws.ensure_reference()
        claims = read_claims(ws.con)
        verifications = verify_all(ws.con, claims)
        write_verifications(ws.con, verifications)
    if installed:
        names = ", ".join(installed)
        say(f"installed the bundled reference pack: {names} (axiswatch reference list)")
    if not claims:
        say("no claims stored: ingest and extract documents first")
        return
    full = fmt is not OutputFormat.table
    rows = [_row(c, v, full=full) for c, v in zip(claims, verifications, strict=True)]
    render_rows(rows, COLUMNS, fmt, title="claim verification")
    counts = {
        v: sum(1 for x in verifications if x.verdict == v)
        for v in ("supported", "partly", "contradicted", "unverifiable")
    }
    say(", ".join(f"{n} {verdict}" for verdict, n in counts.items()))
