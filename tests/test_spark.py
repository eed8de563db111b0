"""The Spark engine (corroborate.engines.spark) gives what the DuckDB engine gives.

One local Spark session (local[2]) is shared by the tests of this module. Without pyspark or Java
they are skipped, unless CORROBORATE_REQUIRE_SPARK=1 (set by .ci/run), where they fail instead.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEEDS, SHARED, needs_shared
from corroborate import api

REQUIRED = os.environ.get("CORROBORATE_REQUIRE_SPARK") == "1"
RUN_TABLES = ("stage_runs", "corpus_runs")


def _spark_missing() -> str:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed (pip install 'corroborate[spark]')"
    if shutil.which("java") is None:
        return "no java on PATH (Spark needs Java 17 or newer)"
    return ""


MISSING = _spark_missing()
if MISSING and REQUIRED:
    raise RuntimeError(f"CORROBORATE_REQUIRE_SPARK=1 but {MISSING}")
pytestmark = pytest.mark.skipif(bool(MISSING), reason=MISSING or "")


def exports(db: Path, out: Path) -> dict[str, bytes]:
    """Every exported table's file, byte for byte; the tables that record runs without the columns
    that say when (their `ran_at`, and a corpus stage's `corpus_digest`, which hashes those times)."""
    api.export_all(out, db=db)
    files = {}
    for path in sorted(out.glob("*.jsonl")):
        data = path.read_bytes()
        if path.stem in RUN_TABLES:
            rows = [{k: v for k, v in json.loads(line).items() if k not in ("ran_at", "corpus_digest")}
                    for line in data.decode().splitlines()]
            data = "\n".join(sorted(json.dumps(r, sort_keys=True) for r in rows)).encode()
        files[path.stem] = data
    return files


def both_engines(tmp_path: Path, paths: list[str], settings=None) -> tuple[dict, dict]:
    first, second = tmp_path / "duckdb.duckdb", tmp_path / "spark.duckdb"
    api.add(paths, db=first, settings=settings)
    shutil.copy(first, second)
    api.analyze(db=first, settings=settings)
    run = api.analyze(db=second, settings=settings, engine="spark", master="local[2]", spark_work=tmp_path / "work")
    # the claims stage's sentence vectors were made on the executors, grouping embedded none
    claims = run[run["stage"] == "claims"]["note"].iloc[0]
    assert " 0 of " in claims and "sentence_vectors rows made ahead" in claims, claims
    return exports(first, tmp_path / "out-duckdb"), exports(second, tmp_path / "out-spark")


def test_the_example_corpus_gives_byte_identical_exports_on_both_engines(tmp_path):
    duck, spark = both_engines(tmp_path, [str(api.example_corpus())], api.example_settings())
    assert duck.keys() == spark.keys() and len(duck) > 20
    assert [t for t in duck if duck[t] != spark[t]] == []
    assert not (tmp_path / "work").exists() or not any((tmp_path / "work").iterdir())  # nothing left behind


@needs_shared
def test_the_seeds_give_byte_identical_exports_on_both_engines(tmp_path):
    duck, spark = both_engines(tmp_path, [str(SEEDS)])
    assert [t for t in duck if duck[t] != spark[t]] == []


@needs_shared
def test_kakhovka_gives_byte_identical_exports_on_both_engines(tmp_path):
    """70 real articles in ten languages, with their metadata file: the per-article stages' other
    paths (articles no parser reads) and the multilingual claims go through both engines alike."""
    kakhovka = SHARED / "kakhovka" / "corpus"  # its manifest.csv beside the folder is read too
    duck, spark = both_engines(tmp_path, [str(kakhovka)])
    assert len(duck["documents"].splitlines()) == 70
    assert [t for t in duck if duck[t] != spark[t]] == []


def test_spark_runs_only_what_is_new(tmp_path):
    """Incremental as the DuckDB engine: a second run processes nothing; an article added later is
    the only one processed."""
    db = tmp_path / "c.duckdb"
    first = tmp_path / "a.txt"
    first.write_text("The bridge over the Velm river reopened on Monday, the mayor said.\n\n"
                     "Traffic was light, officials said.")
    api.add([str(first)], db=db)
    run = api.analyze(db=db, engine="spark", spark_work=tmp_path / "w", until="statements")
    assert list(run["processed"]) == [1, 1, 1, 1]
    again = api.analyze(db=db, engine="spark", spark_work=tmp_path / "w", until="statements")
    assert list(again["processed"]) == [0, 0, 0, 0]
    second = tmp_path / "b.txt"
    second.write_text("Rescuers found two more survivors, the regional governor Ana Lenz said on Tuesday.")
    api.add([str(second)], db=db)
    later = api.analyze(db=db, engine="spark", spark_work=tmp_path / "w", until="statements")
    # the per-article stages process the new article; a corpus stage (reuse) reads them all again
    assert dict(zip(later["stage"], later["processed"])) == {"paragraphs": 1, "reuse": 2, "parse": 1, "statements": 1}


def test_the_cli_runs_the_spark_engine(tmp_path):
    corpus = tmp_path / "c.txt"
    corpus.write_text("The ferry resumed service on Friday, the port authority said.")
    db = str(tmp_path / "c.duckdb")
    base = [sys.executable, "-m", "corroborate", "--db", db]
    subprocess.run(base + ["add", str(corpus)], check=True, capture_output=True)
    done = subprocess.run(base + ["analyze", "--engine", "spark", "--master", "local[1]",
                                  "--spark-work", str(tmp_path / "w"), "--until", "parse"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "parse v2: 1 processed" in done.stdout


def test_an_unknown_engine_is_a_clear_error(tmp_path):
    from corroborate.errors import CorroborateError

    with pytest.raises(CorroborateError, match="unknown engine 'sparkle'"):
        api.analyze(db=tmp_path / "c.duckdb", engine="sparkle")
