"""From a path on disk to a Document ready to store: read, front matter, dates, id."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from axiswatch.errors import IngestError
from axiswatch.ingest.frontmatter import split_front_matter
from axiswatch.ingest.normalise import document_id, normalise_text, raw_sha256
from axiswatch.ingest.pubdate import detect_published
from axiswatch.ingest.readers import KNOWN_SUFFIXES, read_bytes
from axiswatch.model import Document

MAX_TITLE_CHARS = 200
MAX_DOCUMENT_BYTES = 200_000_000
"""The largest file ingested as one document (a 50 MB text takes seconds to store)."""


@dataclass(frozen=True)
class FileList:
    """Files found under the given paths, and the problems met while looking."""

    files: list[Path]
    missing: list[str]
    skipped: list[Path]


def iter_candidate_files(paths: Iterable[str | Path]) -> FileList:
    """Expand folders (recursively, known suffixes, no hidden files); keep named files as given."""
    files: list[Path] = []
    missing: list[str] = []
    skipped: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if not child.is_file() or any(p.startswith(".") for p in rel.parts):
                    continue
                if child.suffix.lower() not in KNOWN_SUFFIXES:
                    skipped.append(child)
                    continue
                if child.resolve() not in seen:
                    seen.add(child.resolve())
                    files.append(child)
        elif path.is_file():
            if path.resolve() not in seen:
                seen.add(path.resolve())
                files.append(path)
        else:
            missing.append(str(raw))
    return FileList(files, missing, skipped)


def _first_line_title(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line if len(line) <= MAX_TITLE_CHARS else None
    return None


def build_document(
    path: Path, *, title: str | None = None, published: dt.date | None = None
) -> tuple[Document, str]:
    """Read one file into a Document; returns it with the sha256 of the raw bytes."""
    shown = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise IngestError(
                shown,
                f"the file is {size / 1e6:,.0f} MB, over the {MAX_DOCUMENT_BYTES // 1_000_000} MB "
                "limit for one document: split it into smaller files",
            )
        data = path.read_bytes()
    except OSError as e:
        raise IngestError(shown, f"cannot read the file: {e.strerror}") from e
    raw = read_bytes(data, path=shown)
    meta, body = split_front_matter(raw.text, path=shown)
    merged = {**raw.metadata, **{k: v for k, v in meta.items() if v is not None}}
    text = normalise_text(body)
    if not text:
        raise IngestError(shown, "no text after the front matter: nothing to ingest")
    published_source = None
    if published is not None:
        published_source = "option"
    elif meta.get("published"):
        published, published_source = meta["published"], "front_matter"
    elif raw.metadata.get("published"):
        published, published_source = raw.metadata["published"], "html_metadata"
    else:
        published = detect_published(text)
        published_source = "detected" if published else None
    extra = {
        k: v
        for k, v in merged.items()
        if k not in {"title", "url", "publisher", "published", "language"}
    }
    document = Document(
        document_id=document_id(text),
        text=text,
        title=title or _str(merged.get("title")) or _first_line_title(text),
        url=_str(merged.get("url")),
        publisher=_str(merged.get("publisher")),
        published=published,
        published_source=published_source,
        language=_str(merged.get("language")),
        media_type=raw.media_type,
        path=shown,
        metadata=extra,
    )
    return document, raw_sha256(data)


def _str(value: object) -> str | None:
    return None if value is None else str(value)


def iter_list_file(lines: Iterable[str]) -> Iterator[str]:
    """Paths from a file list: one per line; blank lines and # comments are ignored."""
    for line in lines:
        line = line.strip()
        if line and not line.startswith("#"):
            yield line
