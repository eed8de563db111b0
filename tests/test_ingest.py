"""Adding articles to the store: duplicates, re-adding, bad input, interrupted runs."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from corroborate import api
from corroborate.store import Store

STORY = ("The Ministry of Transport said on Tuesday that the rail line near Velmora would reopen "
         "after engineers finished repairs. \u201cWe expect trains to run by Friday,\u201d the minister said.")


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    (path.write_bytes if isinstance(text, bytes) else path.write_text)(text)
    return path


def good_folder(root: Path, n: int = 3) -> Path:
    for i in range(n):
        write(root / f"story{i}.txt", f" date 2025-03-1{i} 10:00\n\n{STORY} Story number {i}.")
    return root


def snapshot(db) -> dict:
    """Every table without the columns that record when something ran."""
    with Store(db, read_only=True) as store:
        out = {}
        for table in ("documents", "sources", "ingested_files", "paragraphs"):
            df = store.frame(table)
            out[table] = df.drop(columns=[c for c in ("added_at", "finished_at") if c in df]).to_dict("records")
        return out


def test_same_text_is_stored_once_with_every_source(tmp_path, db, settings):
    write(tmp_path / "in" / "a.txt", STORY)
    # Same text with other whitespace and straight quotes: the same article.
    write(tmp_path / "in" / "b.txt", "  " + STORY.replace("\u201c", '"').replace("\u201d", '"').replace(" said", "\n said"))
    write(tmp_path / "in" / "c.jsonl", json.dumps({"text": STORY, "outlet": "Valley Post"}) + "\n")
    report = api.add([str(tmp_path / "in")], db=db, settings=settings)
    assert (report.added, report.duplicates) == (1, 2)
    with Store(db, read_only=True) as store:
        assert store.count("documents") == 1
        assert store.count("sources") == 3
        # The first source's metadata wins; a later source fills what it lacked.
        assert store.frame("documents")["outlet"].tolist() == ["Valley Post"]


def test_adding_again_adds_nothing_and_says_so(tmp_path, db, settings):
    folder = good_folder(tmp_path / "in")
    first = api.add([str(folder)], db=db, settings=settings)
    again = api.add([str(folder)], db=db, settings=settings)
    assert first.added == 3
    assert (again.added, again.duplicates, again.already_added_files) == (0, 0, 3)
    assert "0 added" in again.summary() and "3 files already added" in again.summary()


def test_changed_file_is_read_again(tmp_path, db, settings):
    path = write(tmp_path / "a.txt", STORY)
    api.add([str(path)], db=db, settings=settings)
    write(path, STORY + " An update was added later.")
    report = api.add([str(path)], db=db, settings=settings)
    assert report.added == 1


def test_three_good_and_ten_bad_files(tmp_path, db, settings):
    folder = good_folder(tmp_path / "in")
    bad = {
        "binary.txt": bytes(range(256)) * 20,
        "empty.txt": b"",
        "blank.txt": b"  \n\n \t\n",
        "short.txt": b"Too short.",
        "image.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 50,
        "disguised.txt": b"%PDF-1.5 not text at all",
        "broken.jsonl": b"{broken\n[1]\n",
        "columns.csv": b"a,b\n1,2\n",
        "cut.warc.gz": b"\x1f\x8b\x08\x00" + b"\x00" * 30,
        "huge.txt": b"word " * 300_000,
        "nothing.html": b"<html><body><img src='x.png'></body></html>",
    }
    for name, data in bad.items():
        write(folder / name, data)
    from corroborate.settings import load_settings
    small = load_settings(overrides=["ingest.max_file_mb=1"])
    seen = []
    report = api.add([str(folder)], db=db, settings=small, on_skip=seen.append)
    assert report.added == 3
    named = {Path(s.source.split("#")[0]).name: s.reason for s in seen}
    assert set(named) == set(bad)
    assert named["binary.txt"] == "binary file" and named["huge.txt"] == "file too large"
    assert named["image.png"] == "unsupported format" and named["empty.txt"] == "empty file"
    assert named["short.txt"] == "no text" and named["columns.csv"] == "CSV has no text column"
    assert named["cut.warc.gz"].startswith("truncated")
    assert report.read_anything


def test_links_pipes_and_empty_containers_are_each_named_never_passed_over(tmp_path, db, settings):
    import os
    folder = good_folder(tmp_path / "in")
    os.symlink(folder / "loop_b", folder / "loop_a")
    os.symlink(folder / "loop_a", folder / "loop_b")
    os.symlink(tmp_path / "nowhere.txt", folder / "dangling.txt")
    os.mkfifo(folder / "pipe.txt")
    os.symlink(tmp_path, folder / "elsewhere")
    write(folder / "header.csv", "title,text\n")
    write(folder / "none.json", "[]")
    write(folder / "page.warc", "<html><body><p>" + STORY + "</p></body></html>")
    seen = []
    report = api.add([str(folder)], db=db, settings=settings, on_skip=seen.append)
    named = {Path(s.source).name: s.reason for s in seen}
    assert named == {"loop_a": "link loop", "loop_b": "link loop", "dangling.txt": "broken link",
                     "pipe.txt": "not a regular file", "elsewhere": "link to a folder", "header.csv": "no articles",
                     "none.json": "no articles", "page.warc": "not a WARC file"}
    assert report.added == 3
    # a FIFO named on its own is refused, not opened (opening it would wait for a writer forever)
    assert [s.reason for s in api.add([str(folder / "pipe.txt")], db=db, settings=settings).skips] == \
        ["not a regular file"]


def test_writers_wait_for_a_process_holding_the_store_then_go_on(tmp_path, db, settings):
    import subprocess
    import sys
    from corroborate.errors import StoreError
    from corroborate.settings import load_settings
    folder = good_folder(tmp_path / "in", 1)
    api.add([str(folder)], db=db, settings=settings)

    def hold(seconds: float) -> subprocess.Popen:
        """Another process with the store open (as the web app has while it answers)."""
        p = subprocess.Popen([sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(db)!r}, "
                              f"read_only=True); print('open', flush=True); time.sleep({seconds})"],
                             stdout=subprocess.PIPE, text=True)
        assert p.stdout.readline().strip() == "open"
        return p

    holder, said = hold(2), []
    rows = api.analyze(db=db, until="paragraphs", settings=settings, on_wait=said.append)
    assert rows["processed"].sum() >= 1 and len(said) == 1 and "in use by" in said[0]
    holder.wait()
    holder = hold(5)
    with pytest.raises(StoreError, match="waited 0.3 s"):
        api.add([str(folder)], db=db, settings=load_settings(overrides=["ingest.lock_wait_seconds=0.3"]))
    holder.kill()


def test_mis_encoded_text_is_decoded_and_noted(tmp_path, db, settings):
    path = write(tmp_path / "fr.txt", ("Le ministère a déclaré mardi que quatre personnes étaient mortes. " * 3).encode("cp1252"))
    report = api.add([str(path)], db=db, settings=settings)
    assert report.added == 1
    assert any("decoded as cp1252" in n for n in report.notes)
    assert "ministère" in api.table("documents", db=db)["text"][0]


def test_language_is_detected(tmp_path, db, settings):
    write(tmp_path / "in" / "en.txt", STORY)
    write(tmp_path / "in" / "ru.txt", "Министерство транспорта сообщило во вторник, что железная дорога "
                                      "возле города снова откроется после ремонта путей и моста.")
    api.add([str(tmp_path / "in")], db=db, settings=settings)
    langs = sorted(api.table("documents", db=db)["language"])
    assert langs == ["en", "ru"]


def test_missing_path_and_nothing_read(tmp_path, db, settings):
    report = api.add([str(tmp_path / "nope")], db=db, settings=settings)
    assert not report.read_anything
    assert report.skips[0].reason == "no such file or folder"


def test_globs(tmp_path, db, settings):
    good_folder(tmp_path / "in")
    write(tmp_path / "in" / "skip.md", STORY + " Markdown copy.")
    report = api.add([str(tmp_path / "in" / "*.txt")], db=db, settings=settings)
    assert report.added == 3


def test_interrupted_run_is_completed_by_running_again(tmp_path, settings, monkeypatch):
    """Kill the run inside its third transaction; the rerun equals one clean run."""
    folder = good_folder(tmp_path / "in", n=12)
    write(folder / "many.jsonl", "\n".join(json.dumps({"text": f"{STORY} Record {i}.", "outlet": "Wire"})
                                           for i in range(25)))
    from corroborate.settings import load_settings
    small = load_settings(overrides=["ingest.batch_size=5"])
    clean_db = tmp_path / "clean.duckdb"
    api.add([str(folder)], db=clean_db, settings=small)

    cut_db = tmp_path / "cut.duckdb"
    calls = {"n": 0}
    real_insert = Store.insert

    def dying_insert(self, table, rows, ignore_existing=False):
        real_insert(self, table, rows, ignore_existing)
        if table == "documents" and rows:
            calls["n"] += 1
            if calls["n"] == 3:
                raise KeyboardInterrupt  # as if killed mid-transaction

    monkeypatch.setattr(Store, "insert", dying_insert)
    with pytest.raises(KeyboardInterrupt):
        api.add([str(folder)], db=cut_db, settings=small)
    monkeypatch.setattr(Store, "insert", real_insert)
    with Store(cut_db, read_only=True) as store:
        # many.jsonl is read first: two batches of 10 inside it were committed, the third (its last
        # 5 articles with the file's row) was rolled back.
        assert store.count("documents") == 20
        assert store.count("ingested_files") == 0
    resumed = api.add([str(folder)], db=cut_db, settings=small)
    assert (resumed.added, resumed.duplicates) == (17, 20)
    assert snapshot(cut_db) == snapshot(clean_db)


def test_re_adding_with_metadata_updates_the_stored_article_and_keeps_every_source(tmp_path, db, settings):
    write(tmp_path / "corpus" / "a.txt", f" date 2025-03-12 {STORY}")
    write(tmp_path / "copies" / "a-copy.txt", STORY)  # the same text: a second source
    api.add([str(tmp_path / "corpus"), str(tmp_path / "copies")], db=db, settings=settings)
    before = snapshot(db)
    meta = write(tmp_path / "m.csv", "file,outlet,date,url\na.txt,Valley Post,2025-03-11,https://valleypost.example.com/a\n")
    report = api.add([str(tmp_path / "corpus")], db=db, settings=settings, meta=[str(meta)])
    assert (report.added, report.duplicates, report.reread_files, report.reread) == (0, 0, 1, 1)
    assert report.updated == 1 and set(report.updated_fields) == {"outlet", "published", "url"}
    assert "metadata of 1 stored articles changed" in report.metadata_lines()[-1]
    after = snapshot(db)
    doc = after["documents"][0]
    assert (doc["outlet"], str(doc["published"])[:10], doc["url"]) == ("Valley Post", "2025-03-11",
                                                                       "https://valleypost.example.com/a")
    assert doc["text"] == before["documents"][0]["text"] and doc["doc_id"] == before["documents"][0]["doc_id"]
    assert [s["source"] for s in after["sources"]] == [s["source"] for s in before["sources"]]  # both kept
    given = {Path(s["source"]).name: s["outlet"] for s in after["sources"] if isinstance(s["outlet"], str)}
    assert given == {"a.txt": "Valley Post"}  # the copy's row is as it was
    assert after["ingested_files"] == before["ingested_files"]
    # the same metadata again says nothing new: the file is passed over
    again = api.add([str(tmp_path / "corpus")], db=db, settings=settings, meta=[str(meta)])
    assert (again.already_added_files, again.reread_files, again.updated) == (1, 0, 0)


def test_metadata_for_a_later_source_of_a_stored_text_only_fills_gaps(tmp_path, db, settings):
    write(tmp_path / "in" / "a.txt", f" date 2025-03-12 {STORY}")
    write(tmp_path / "in" / "b.txt", STORY)
    meta = write(tmp_path / "m.csv", "file,outlet,date\nb.txt,Kadria.Net,2025-03-01\n")
    api.add([str(tmp_path / "in")], db=db, settings=settings, meta=[str(meta)])
    doc = snapshot(db)["documents"][0]
    # a.txt is the article's first source: its own date stays; b.txt's row fills the missing outlet
    assert (doc["outlet"], str(doc["published"])[:10]) == ("Kadria.Net", "2025-03-12")


def test_a_store_of_an_earlier_version_gets_the_new_columns(tmp_path):
    """Opening a store written before a column was added adds it, empty, instead of failing
    every insert that names it."""
    import duckdb

    from corroborate.schema import TABLES
    from corroborate.store import Store

    path = tmp_path / "old.duckdb"
    with Store(path):
        pass
    con = duckdb.connect(str(path))
    table = TABLES["statements"]
    con.execute(f'ALTER TABLE "{table.name}" DROP COLUMN "{table.columns[-1].name}"')
    con.close()
    with Store(path) as store:
        names = [r[1] for r in store.con.execute('PRAGMA table_info("statements")').fetchall()]
        assert table.columns[-1].name in names
