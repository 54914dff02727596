"""The committed ontology tables equal a fresh build from the reference files."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = REPO_ROOT / "src" / "axiswatch" / "ontology" / "data"


def load_build_script(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    path = REPO_ROOT / "scripts" / "build_ontology.py"
    spec = importlib.util.spec_from_file_location("build_ontology", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # dataclasses look the module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.shared
def test_build_reproduces_committed_tables(
    shared_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counts = load_build_script(monkeypatch).build(shared_dir / "data", tmp_path)
    assert counts["cameo.csv"] == 317
    for name in ("cameo.csv", "plover.csv", "modes.csv"):
        assert (tmp_path / name).read_bytes() == (DATA_DIR / name).read_bytes(), name
