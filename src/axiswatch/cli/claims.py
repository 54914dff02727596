"""`axiswatch claims` (print the claims of files, storing nothing) and `axiswatch hypotheses`."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer

from axiswatch.cli.extract import file_documents
from axiswatch.cli.options import DEFAULT_DB_PATH, DbOption, FormatOption, OutputFormat, resolve_db
from axiswatch.cli.output import cli_errors, render_rows, say
from axiswatch.errors import InputError
from axiswatch.model import Claim

GUIDE_FIELDS = (
    "id",
    "doc",
    "sentence",
    "subject",
    "predicate",
    "object",
    "value",
    "unit",
    "time",
    "epistemic",
    "checkable_against",
    "rule",
    "start_char",
    "end_char",
)
HYPOTHESIS_COLUMNS = ["hypothesis_id", "statement", "subject", "object", "C", "I", "N"]
EXCERPT = 60


def claim_to_guide_json(claim: Claim) -> dict[str, Any]:
    """A claim with the gold file's field names (id, doc, sentence, …) and rule and offsets."""
    row = claim.to_dict()
    row["id"] = claim.claim_id
    return {k: row.get(k) for k in GUIDE_FIELDS}


@cli_errors
def claims_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to read.")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="jsonl (one claim a line) or json.")
    ] = "jsonl",
) -> None:
    """Extract claims and hypotheses from files and print them; nothing is stored."""
    if fmt not in {"jsonl", "json"}:
        raise InputError(f"--format {fmt!r}: choose jsonl or json")
    from axiswatch.actors.kb import ActorKB
    from axiswatch.extract.claims import extract_claims

    kb = ActorKB.default()
    rows = []
    failed: list[str] = []
    for path, document in file_documents(paths, failed):
        claims = extract_claims(
            document.text,
            doc=path.name,
            document_id=document.document_id,
            published=document.published,
            kb=kb,
        )
        for claim in claims:
            row = claim_to_guide_json(claim)
            if fmt == "jsonl":
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                rows.append(row)
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    if failed:
        raise typer.Exit(1)  # the readable files were read; the others are named above


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1].rstrip() + "…"


@cli_errors
def hypotheses_cmd(db: DbOption = DEFAULT_DB_PATH, fmt: FormatOption = OutputFormat.table) -> None:
    """List the hypotheses of the stored claims with the events and claims that bear on them."""
    from axiswatch.analysis.hypotheses import hypotheses
    from axiswatch.store.connect import connect

    con = connect(resolve_db(db))
    try:
        found = hypotheses(con)
    finally:
        con.close()
    if not found:
        say("no hypotheses: store claims first (hedged or alleged statements become hypotheses)")
    rows = [h.to_dict() for h in found]
    if fmt is OutputFormat.table:
        for row in rows:
            row["statement"] = _excerpt(row["statement"])
            row.update(row.pop("counts"))
    render_rows(rows, HYPOTHESIS_COLUMNS, fmt, title="hypotheses")
