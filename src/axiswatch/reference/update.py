"""Update a reference dataset from its publisher: download (or read) and import a new version.

``update(con, "unsc-vetoes")`` fetches the publisher's current file from the address in the
pack's manifest; ``source=`` names another address or a local file or folder. The file goes
through the dataset's ordinary importer, which checks the publisher's layout (and names the
expected columns when it is not) and writes the new version in one transaction: a refused,
corrupt or truncated download leaves the earlier version as the one in use. A ``.zip`` is
unpacked first (sizes bounded, no path outside the folder).
"""

from __future__ import annotations

import shutil
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Callable
from pathlib import Path

import duckdb

from axiswatch.errors import InputError
from axiswatch.importers._common import ImportResult, ProgressCallback, no_progress
from axiswatch.importers.factbook import import_factbook
from axiswatch.importers.unvotes import import_unvotes
from axiswatch.importers.vetoes import import_vetoes
from axiswatch.reference.pack import dataset
from axiswatch.store.reference import set_dataset_path

IMPORTERS: dict[str, Callable[..., ImportResult]] = {
    "un_votes": import_unvotes,
    "unsc_vetoes": import_vetoes,
    "factbook": import_factbook,
}
MAX_DOWNLOAD = 2 << 30
MAX_UNZIPPED = 4 << 30
TIMEOUT_S = 60
CHUNK = 1 << 20


def update(
    con: duckdb.DuckDBPyConnection,
    name: str,
    source: str | None = None,
    *,
    progress: ProgressCallback = no_progress,
) -> ImportResult:
    """Import the publisher's current ``name`` (or ``source``) as a new version."""
    entry = dataset(name)
    where = source or entry.url
    if not where:
        raise InputError(
            f"{name}: the publisher offers no single file axiswatch can download; get it from "
            f"{entry.publisher} and pass --from FILE_OR_URL"
        )
    with tempfile.TemporaryDirectory(prefix="axiswatch-update-") as tmp:
        path = fetch(where, Path(tmp), progress=progress)
        try:
            result = IMPORTERS[entry.kind](con, path, progress=progress)
        except InputError as e:  # name the address the user gave, not our scratch copy
            message = str(e).replace(str(path), where) if str(path) != where else str(e)
            raise InputError(f"{message} (nothing imported; the current version is kept)") from e
    if result.dataset != name:
        raise InputError(
            f"{where}: the file holds {result.dataset} data, not {name}; it was imported as "
            f"{result.dataset} {result.version} (use `axiswatch reference update "
            f"{result.dataset}` next time)"
        )
    set_dataset_path(con, result.dataset, result.version, where)
    return result


def fetch(source: str, folder: Path, *, progress: ProgressCallback = no_progress) -> Path:
    """The file or folder to import: downloaded into ``folder`` or a local path as it is."""
    scheme = urllib.parse.urlsplit(source).scheme.lower()
    if scheme in ("http", "https"):
        path = _download(source, folder, progress)
    elif scheme == "file":
        path = Path(urllib.request.url2pathname(urllib.parse.urlsplit(source).path))
    elif scheme and len(scheme) > 1:
        raise InputError(f"{source}: only http, https and file addresses can be read")
    else:
        path = Path(source)
    if not path.exists():
        raise InputError(f"{source}: no such file or folder; give a local path or a URL")
    if path.is_file() and (path.suffix.lower() == ".zip" or zipfile.is_zipfile(path)):
        return _unzip(path, folder / "unzipped", source)
    return path


def _download(url: str, folder: Path, progress: ProgressCallback) -> Path:
    name = Path(urllib.parse.unquote(urllib.parse.urlsplit(url).path)).name or "download"
    target = folder / name
    request = urllib.request.Request(url, headers={"User-Agent": "axiswatch reference update"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            expected = response.headers.get("Content-Length")
            total = int(expected) if expected and expected.isdigit() else 0
            if total > MAX_DOWNLOAD:
                raise InputError(f"{url}: {total:,} bytes is over the {MAX_DOWNLOAD:,} limit")
            received = 0
            with target.open("wb") as out:
                while chunk := response.read(CHUNK):
                    received += len(chunk)
                    if received > MAX_DOWNLOAD:
                        raise InputError(f"{url}: more than {MAX_DOWNLOAD:,} bytes; refused")
                    out.write(chunk)
                    progress(received, total, name)
    except urllib.error.HTTPError as e:
        answer = f"{e.code} {e.reason}"
        raise InputError(f"{url}: the server answered {answer}; check the address") from e
    except (urllib.error.URLError, TimeoutError, OSError) as e:
        reason = getattr(e, "reason", e)
        raise InputError(f"{url}: download failed ({reason}); the current version is kept") from e
    if total and received != total:
        raise InputError(
            f"{url}: the download stopped at {received:,} of {total:,} bytes; nothing was "
            "imported, the current version is kept; try again"
        )
    return target


def _unzip(path: Path, folder: Path, source: str) -> Path:
    try:
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.infolist() if not m.is_dir()]
            if sum(m.file_size for m in members) > MAX_UNZIPPED:
                raise InputError(f"{source}: unpacks to over {MAX_UNZIPPED:,} bytes; refused")
            for member in members:
                target = (folder / member.filename).resolve()
                if not target.is_relative_to(folder.resolve()):
                    raise InputError(f"{source}: member {member.filename!r} points outside")
                target.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(member) as src, target.open("wb") as out:
                    shutil.copyfileobj(src, out, CHUNK)
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError) as e:
        raise InputError(f"{source}: not a readable zip ({e}); the current version is kept") from e
    entries = list(folder.iterdir()) if folder.exists() else []
    return entries[0] if len(entries) == 1 and entries[0].is_dir() else folder
