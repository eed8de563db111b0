"""A real `corroborate add` killed with SIGKILL halfway through a large folder, then run again."""
import signal
import subprocess
import sys
import time

from corroborate import api
from conftest import exported_rows
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


def _kill_repeatedly(cmd: list[str], delays: list[float]) -> int:
    """Start cmd once per delay and SIGKILL it after that many seconds; the number of kills."""
    kills = 0
    for delay in sorted(delays):
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            kills += 1
    return kills


def test_ten_sigkills_of_add_then_one_run_equals_one_clean_run(tmp_path):
    import random
    folder = tmp_path / "in"
    make_folder(folder, 3000)
    clean, cut = tmp_path / "clean.duckdb", tmp_path / "cut.duckdb"
    api.add([str(folder)], db=clean)
    cmd = [sys.executable, "-m", "corroborate", "--set", "ingest.batch_size=50", "--db", str(cut), "add", str(folder)]
    wal = tmp_path / "cut.duckdb.wal"
    grow = random.Random(16).sample(range(50_000, 200_000, 10_000), 10)  # bytes of log to write before a kill
    kills = 0
    for step in grow:
        # each run resumes where the last one stopped; it is killed once it has written a little more
        size = wal.stat().st_size if wal.exists() else 0
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            now = wal.stat().st_size if wal.exists() else 0
            if now >= size + step or now < size:  # grown, or checkpointed into the store
                break
            time.sleep(0.01)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
    assert kills >= 8, "add finished before most of the kills"
    finish = subprocess.run(cmd, capture_output=True, text=True)
    assert finish.returncode == 0, finish.stderr
    assert snapshot(cut) == snapshot(clean)


def test_ten_sigkills_of_analyze_then_one_run_equals_one_clean_run(tmp_path):
    """`analyze` of the example corpus killed ten times at different points (seeded delays), then
    run once to the end: every table holds what one clean run gives."""
    import random
    corpus = str(api.example_corpus())
    base = [sys.executable, "-m", "corroborate", "--set", "ingest.batch_size=2", "--db"]
    clean, cut = tmp_path / "clean.duckdb", tmp_path / "cut.duckdb"
    for db in (clean, cut):
        subprocess.run(base + [str(db), "add", corpus], check=True, capture_output=True)
    started = time.monotonic()
    subprocess.run(base + [str(clean), "analyze"], check=True, capture_output=True)
    seconds = time.monotonic() - started
    # from 15% to 45% of a clean run after the start, whatever the machine's speed: each run goes on
    # from where the killed one stopped, so later points must come early enough to still kill
    delays = [seconds * d / 100 for d in random.Random(16).sample(range(15, 45), 10)]
    assert _kill_repeatedly(base + [str(cut), "analyze"], delays) >= 8, "analyze finished before most of the kills"
    finish = subprocess.run(base + [str(cut), "analyze"], capture_output=True, text=True)
    assert finish.returncode == 0, finish.stderr
    assert exported_rows(cut, tmp_path / "cut-out") == exported_rows(clean, tmp_path / "clean-out")
