"""Feed generated malformed documents to `ingest` and count what happens to each.

usage: python scripts/fuzz_inputs.py [--count 2000] [--seed 1] [--timeout 60]

Each input is a file (random bytes, byte-order marks with odd lengths, front matter that is
YAML but not ours, CRLF, deep nesting, long digit and whitespace runs, HTML and PDF
fragments) ingested with extraction into a fresh in-memory workspace, in a worker process
with a time limit. Reported: accepted, refused with a one-line error, refused with a
multi-line error, tracebacks (any other exception) and hangs, with the first examples of
each bad kind. The unit tests run the same kinds of input at a small size (tests/fuzz).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import tempfile
import traceback
from collections import Counter
from pathlib import Path

YAML_BITS = [
    "title: x", "published: 2024-13-45", "published: 2018-03", "? [a, b]\n: c", "- a",
    "title: &a [*a]", "n: " + "9" * 5000, "{", "published: {x: 1}", "2024-01-01: x",
    "title: [1, 2]", "published: 2024-02-30", "n: " + "[" * 3000,
]  # fmt: skip
SUFFIXES = (".txt", ".md", ".html", ".pdf", ".bin")


def make_input(rng: random.Random) -> tuple[str, bytes]:
    """One generated file: (suffix, bytes)."""
    kind = rng.randrange(7)
    if kind == 0:
        return rng.choice(SUFFIXES), rng.randbytes(rng.randrange(1, 5000))
    if kind == 1:
        bom = rng.choice([b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf"])
        return ".txt", bom + rng.randbytes(rng.randrange(0, 300) * 2 + rng.randrange(2))
    if kind == 2:
        lines = rng.sample(YAML_BITS, rng.randrange(1, 4))
        text = "---\n" + "\n".join(lines) + "\n---\nRussia condemned Japan on 3 May 2018.\n"
        if rng.random() < 0.5:
            text = text.replace("\n", "\r\n")
        return ".md", text.encode()
    if kind == 3:
        n = rng.randrange(100, 6000)
        return ".txt", (("1" * n) + (" " * n) + " km and 5 percent").encode()
    if kind == 4:
        depth = rng.randrange(10, 3000)
        return ".html", ("<div>" * depth + "Kim met Putin in 2019." + "</div>" * depth).encode()
    if kind == 5:
        return ".pdf", b"%PDF-1.4\n" + rng.randbytes(rng.randrange(10, 3000))
    words = ["Russia", "China", "met", "in", "2019", "said", ",", ".", "\u202e", "\x00", "\ufffe"]
    text = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 400)))
    return ".txt", text.encode("utf-8", "surrogatepass")


def run_one(suffix: str, data: bytes) -> tuple[str, str]:
    """ingest the file into a fresh workspace: (outcome, detail)."""
    from axiswatch.workspace import Workspace

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        try:
            with Workspace(Path(folder) / "w.duckdb") as ws:
                report = ws.ingest([path])
        except Exception:
            return "traceback", traceback.format_exc(limit=3)
    outcome = report.outcomes[0]
    message = outcome.reason or outcome.extract_error
    if outcome.status == "failed" or outcome.extract_error:
        return ("error" if message and "\n" not in message else "multi-line error"), message or ""
    return "accepted", ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    pool = mp.get_context("spawn").Pool(1)
    for n in range(args.count):
        suffix, data = make_input(rng)
        try:
            outcome, detail = pool.apply_async(run_one, (suffix, data)).get(args.timeout)
        except mp.TimeoutError:
            outcome, detail = "hang", f"{suffix}, {len(data)} bytes"
            pool.terminate()
            pool = mp.get_context("spawn").Pool(1)
        counts[outcome] += 1
        if outcome not in {"accepted", "error"}:
            examples.setdefault(outcome, []).append(detail)
        if (n + 1) % 200 == 0:
            print(f"{n + 1} inputs: {dict(counts)}", flush=True)
    pool.terminate()
    print(f"{args.count} inputs: " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))
    for kind, found in examples.items():
        print(f"\n{kind} (first 3 of {len(found)}):")
        for detail in found[:3]:
            print("  " + detail.replace("\n", "\n  "))


if __name__ == "__main__":
    main()
