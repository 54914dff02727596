"""Malformed inputs, generated: every one is read or refused with an axiswatch error (a
one-line message naming the file), never another exception. Small in CI; the full-size run
is `python scripts/fuzz_inputs.py --count 2000`."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from axiswatch.errors import AxiswatchError
from axiswatch.ingest.documents import build_document
from axiswatch.ingest.frontmatter import split_front_matter

EXAMPLES = int(os.environ.get("AXISWATCH_FUZZ_EXAMPLES", "60"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

SUFFIXES = (".txt", ".md", ".html", ".pdf", ".bin")
YAML_BITS = st.sampled_from(
    ["title: x", "published: 2024-13-45", "published: 2018-03", "? [a, b]\n: c", "- a",
     "&a [*a]", "x: *a", "n: " + "9" * 5000, "{", "published: {x: 1}", "2024-01-01: x",
     "title: [1, 2]", "\t", "published: 2024-02-30", "url: !!binary aGk=", "a: !!python/none"]
)  # fmt: skip


def refused_cleanly(call) -> bool:
    try:
        call()
    except AxiswatchError as e:
        message = str(e)
        assert "\n" not in message, message
        assert message.strip(), "an empty error message"
    return True


@SETTINGS
@given(data=st.binary(max_size=4000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_are_read_or_refused(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"doc{suffix}"
    path.write_bytes(data)
    assert refused_cleanly(lambda: build_document(path))


@SETTINGS
@given(
    prefix=st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"%PDF-1.4\n"]),
    body=st.binary(max_size=2000),
    odd=st.booleans(),
)
def test_byte_order_marks_and_signatures(
    tmp_path: Path, prefix: bytes, body: bytes, odd: bool
) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(prefix + body + (b"\x00" if odd else b""))
    assert refused_cleanly(lambda: build_document(path))


@SETTINGS
@given(
    lines=st.lists(st.one_of(YAML_BITS, st.text(max_size=40)), max_size=6),
    crlf=st.booleans(),
    depth=st.integers(min_value=0, max_value=3000),
)
def test_front_matter_variants(lines: list[str], crlf: bool, depth: int) -> None:
    nested = "n: " + "[" * depth if depth > 2500 else ""
    text = "---\n" + "\n".join([*lines, nested]) + "\n---\nBody text.\n"
    if crlf:
        text = text.replace("\n", "\r\n")
    assert refused_cleanly(lambda: split_front_matter(text, path="a.md"))
