"""Shared fixtures. Tests that read ../shared (the real seed and development articles) are skipped
when it is not beside the repository."""
from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.settings import load_settings

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
DEV = SHARED / "dev" / "corpus"
EXAMPLES = REPO / "examples" / "corpus"

needs_shared = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared is not beside the repository")


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "store.duckdb"


@pytest.fixture
def settings():
    return load_settings(config=None, overrides=[])


@pytest.fixture(autouse=True)
def _no_user_settings(tmp_path, monkeypatch):
    """Tests never read a corroborate.toml from the directory pytest runs in."""
    monkeypatch.chdir(tmp_path)
