"""A real `corroborate add` killed with SIGKILL halfway through a large folder, then run again."""
import signal
import subprocess
import sys
import time

from corroborate import api
from test_ingest import snapshot

WORDS = ("river bridge ministry governor train station engineers repairs residents evacuated "
         "officials reported morning evening district border talks statement figures").split()


def make_folder(root, n):
    root.mkdir()
    for i in range(n):
        words = " ".join(WORDS[(i * 7 + k) % len(WORDS)] for k in range(120))
        (root / f"{i:05d}.txt").write_text(f" date 2025-03-{1 + i % 28:02d} 10:00\n\nStory {i}: {words}.\n")


def test_sigkill_then_rerun_equals_one_clean_run(tmp_path):
    folder = tmp_path / "in"
    make_folder(folder, 4000)
    clean = tmp_path / "clean.duckdb"
    api.add([str(folder)], db=clean)

    cmd = [sys.executable, "-m", "corroborate", "--set", "ingest.batch_size=50", "--db"]
    cut = tmp_path / "cut.duckdb"
    wal = tmp_path / "cut.duckdb.wal"
    proc = subprocess.Popen(cmd + [str(cut), "add", str(folder)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    # Kill once several batches are committed (the write-ahead log has grown), whatever the
    # machine's speed.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > 300_000:
            break
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    rerun = subprocess.run(cmd + [str(cut), "add", str(folder)], capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert "files already added" in rerun.stdout and "0 duplicates" in rerun.stdout, rerun.stdout
    assert snapshot(cut) == snapshot(clean)
