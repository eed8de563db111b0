"""The command line end to end, in a subprocess as a user runs it."""
import json
import subprocess
import sys

import pytest

from conftest import EXAMPLES


def cli(*args, db=None, input=None, check=False):
    cmd = [sys.executable, "-m", "corroborate"] + (["--db", str(db)] if db else []) + list(args)
    return subprocess.run(cmd, capture_output=True, text=True, input=input, check=check)


STORY = ("The Ministry of Transport said on Tuesday that the rail line near Velmora would reopen "
         "after engineers finished their repairs of the bridge.")


def test_add_list_show_export(tmp_path, db):
    (tmp_path / "a.txt").write_text(f" date 2025-03-12 Rail line to reopen, ministry says\n\n{STORY}\n\nValley Post")
    r = cli("add", str(tmp_path / "a.txt"), db=db)
    assert r.returncode == 0 and "1 added" in r.stdout
    listing = cli("list", db=db).stdout
    assert "Valley Post" in listing and "2025-03-12" in listing
    doc_id = json.loads(cli("export", "documents", "--out", "-", db=db).stdout)["doc_id"]
    shown = cli("show", doc_id[:6], db=db).stdout
    assert "Rail line to reopen" in shown and STORY in shown
    for fmt in ("csv", "parquet", "jsonl"):
        out = tmp_path / f"docs.{fmt}"
        assert cli("export", "documents", "--format", fmt, "--out", str(out), db=db).returncode == 0
        assert out.stat().st_size > 0
    import pandas as pd
    assert pd.read_parquet(tmp_path / "docs.parquet")["doc_id"].tolist() == [doc_id]


def test_rows_of_an_article_export_in_reading_order(tmp_path, db):
    # figure ids are hashes; the file still lists an article's figures as the article gives them
    text = ("The ministry said 12 people died. Police said 30 were hurt, and 4 are missing.\n\n"
            "Officials later said 7 houses burned and 250 people left.")
    (tmp_path / "a.txt").write_text(text)
    cli("add", str(tmp_path / "a.txt"), db=db, check=True)
    cli("analyze", "--until", "facts", db=db, check=True)
    rows = [json.loads(line) for line in cli("export", "figures", "--out", "-", db=db).stdout.splitlines()]
    assert [r["number"] for r in rows] == ["12", "30", "4", "7", "250"]
    assert [r["figure_id"] for r in rows] != sorted(r["figure_id"] for r in rows)  # not the key order


def test_csv_export_keeps_formula_cells_text(tmp_path, db):
    # article text is hostile: a title or outlet a spreadsheet would run as a formula stays text
    record = {"text": "=HYPERLINK(\"http://x.example\") " + STORY, "title": "@SUM(A1) Rail line", "outlet": "+Post"}
    (tmp_path / "a.jsonl").write_text(json.dumps(record) + "\n")
    cli("add", str(tmp_path / "a.jsonl"), db=db, check=True)
    import csv
    import io
    row = next(csv.DictReader(io.StringIO(cli("export", "documents", "--format", "csv", "--out", "-", db=db).stdout)))
    assert row["title"] == "'@SUM(A1) Rail line" and row["outlet"] == "'+Post"
    assert row["text"].startswith("'=HYPERLINK(") and row["n_words"].isdigit()
    assert json.loads(cli("export", "documents", "--out", "-", db=db).stdout)["title"] == "@SUM(A1) Rail line"


def test_terminal_output_shows_control_sequences_never_runs_them(tmp_path, db):
    record = {"text": STORY, "title": "Evil \x1b]8;;http://x.example\x07link\x1b]8;;\x07 \x1b[31mred\nsecond line",
              "outlet": "Out\x1b[2Jlet\u202e"}
    (tmp_path / "a.jsonl").write_text(json.dumps(record) + "\n")
    (tmp_path / "bad\x1b[31mname.pdf").write_text("not an article")
    added = cli("add", str(tmp_path), db=db)
    listed = cli("list", db=db)
    shown = cli("show", json.loads(cli("export", "documents", "--out", "-", db=db).stdout)["doc_id"], db=db)
    for text in (added.stdout, added.stderr, listed.stdout, shown.stdout):
        assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text, text
    assert "bad\ufffd[31mname.pdf" in added.stderr  # shown, not run
    rows = listed.stdout.splitlines()
    assert len(rows) == 1 and rows[0].count("\t") == 5 and "red second line" in rows[0]


def test_status_shows_stages_failures_and_skipped_inputs(tmp_path, db):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY)
    (folder / "b.csv").write_text("title,text\n")
    cli("add", str(folder), db=db, check=True)
    shown = cli("status", db=db).stdout
    assert "1 articles from 1 files" in shown and "paragraphs" in shown and "claims" in shown
    assert "no article failed in any stage" in shown
    assert "1 input(s) skipped: 1 no articles" in shown and "b.csv: no articles" in shown
    (folder / "b.csv").write_text("title,text\nRail," + STORY.replace(",", "") + " Again.\n")  # mended
    cli("add", str(folder), db=db, check=True)
    assert "no input skipped" in cli("status", db=db).stdout


def test_stdin(tmp_path, db):
    r = cli("add", "-", db=db, input=STORY)
    assert "1 added" in r.stdout
    assert cli("export", "sources", "--out", "-", db=db).stdout.count("<stdin>") == 1


def test_errors_are_one_line_without_traceback(tmp_path, db):
    r = cli("add", str(tmp_path / "missing.txt"), db=db)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "no such file or folder" in r.stderr
    r = cli("show", "ffff", db=tmp_path / "none.duckdb")
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    r = cli("--set", "ingest.bogus=1", "add", str(tmp_path), db=db)
    assert r.returncode == 2 and "unknown setting ingest.bogus" in r.stderr
    r = cli("export", "nosuchtable", "--out", "-", db=db)
    assert r.returncode == 2 and "no table" in r.stderr


def test_hostile_text_is_not_read_as_markup(tmp_path, db):
    evil = "[bold red]not markup[/] <script>alert(1)</script> " + STORY
    (tmp_path / "e.txt").write_text(evil)
    cli("add", str(tmp_path / "e.txt"), db=db, check=True)
    doc_id = json.loads(cli("export", "documents", "--out", "-", db=db).stdout)["doc_id"]
    assert "[bold red]not markup[/]" in cli("show", doc_id, db=db).stdout


@pytest.mark.skipif(not EXAMPLES.is_dir(), reason="no example corpus")
def test_demo_writes_every_table(tmp_path):
    r = subprocess.run([sys.executable, "-m", "corroborate", "demo", "--out", str(tmp_path / "d")],
                       capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    for table in ("documents", "sources", "paragraphs"):
        path = tmp_path / "d" / "exports" / f"{table}.jsonl"
        assert path.exists() and str(path) in r.stdout
    docs = [json.loads(l) for l in open(tmp_path / "d" / "exports" / "documents.jsonl")]
    assert 15 <= len(docs) <= 25
    assert {d["language"] for d in docs} > {"en"}
    report = tmp_path / "d" / "report.html"
    assert str(report) in r.stdout and report.stat().st_size > 100_000
    rerun = subprocess.run([sys.executable, "-m", "corroborate", "demo", "--out", str(tmp_path / "d")],
                           capture_output=True, text=True, cwd=tmp_path)
    assert "0 added" in rerun.stdout


def test_add_with_meta_then_with_a_manifest_beside_the_folder(tmp_path, db):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(f"{STORY}\n\nMost Popular")
    (corpus / "b.txt").write_text(f"Another story. {STORY}")
    meta = tmp_path / "sources.jsonl"
    meta.write_text(json.dumps({"file": "a.txt", "outlet": "Valley Post", "date": "2025-03-12"}) + "\n")
    r = cli("add", "--meta", str(meta), str(corpus), db=db)
    assert r.returncode == 0 and "2 added" in r.stdout
    assert f"metadata: {meta} (given with --meta): 1 of 1 rows name an article" in r.stdout
    listing = cli("list", db=db).stdout
    assert "Valley Post\t2025-03-12" in listing and "Most Popular" not in listing.split("\t")[1::6]
    # a manifest beside the folder, picked up when the folder is added again: b.txt changes
    (tmp_path / "manifest.csv").write_text("file,outlet\nb.txt,Kadria Daily\n")
    r = cli("add", str(corpus), db=db)
    assert r.returncode == 0
    assert f"metadata: {tmp_path / 'manifest.csv'} (found beside the files)" in r.stdout
    assert "metadata of 1 stored articles changed (outlet 1)" in r.stdout
    assert "Kadria Daily" in cli("list", db=db).stdout
    # a malformed metadata file: one line, and the add goes on
    bad = tmp_path / "bad.csv"
    bad.write_text("outlet\nValley Post\n")
    r = cli("add", "--meta", str(bad), str(corpus), db=db)
    assert r.returncode == 0 and "bad.csv: not used as metadata: no file or url column" in r.stderr
    assert "Traceback" not in r.stderr
