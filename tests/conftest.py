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


# Tables that record when and how something ran: they differ between any two runs.
RUN_TABLES = ("stage_runs", "corpus_runs", "stage_errors")


def exported_rows(db, out, tables=None) -> dict:
    """{table: its exported rows as sorted JSON strings, without the columns that record when
    something happened (*_at)}: what two stores must share to hold the same results. Every table
    but RUN_TABLES unless `tables` names some."""
    import json

    from corroborate import api

    api.export_all(out, db=db)
    names = tables or sorted(p.stem for p in Path(out).glob("*.jsonl") if p.stem not in RUN_TABLES)
    return {t: sorted(json.dumps({k: v for k, v in json.loads(line).items() if not k.endswith("_at")},
                                 sort_keys=True) for line in (Path(out) / f"{t}.jsonl").read_text().splitlines())
            for t in names}

