"""Outlets a reader recognises: the rules of `ingest/outlets.py` and `ingest/meta.py`, one test per
rule on texts written here, then the real seeds, dev and Kakhovka texts (skipped without ../shared)."""
from __future__ import annotations

import csv
import json
import re
from datetime import date
from pathlib import Path

import pytest

from conftest import DEV, SEEDS, SHARED, needs_shared
from corroborate import api
from corroborate.ingest.meta import MetaError, load_meta
from corroborate.ingest.outlets import (GIVEN, SIGN_OFF, SITE_NAME, URL, is_sign_off_name, is_site_name,
                                        settle_outlet, site_of, url_key)
from corroborate.store import Store

BODY = ("The Ministry of Transport said on Tuesday that the rail line near Velmora would reopen after "
        "engineers finished repairs to the bridge.\n\nTrains are expected to run again by Friday.")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def outlets(db) -> dict[str, str | None]:
    """File name -> stored outlet."""
    with Store(db, read_only=True) as store:
        return {Path(s.split("#")[0]).name: o for s, o in
                store.con.execute("SELECT source, outlet FROM documents").fetchall()}


# -- the site of a URL -------------------------------------------------------------------------------

@pytest.mark.parametrize("url,site", [
    ("https://english.valleypost.example.org.eg/news/1", "example.org.eg"),  # the registrable domain
    ("https://www.kadria.co.uk/a", "kadria.co.uk"),                          # a two-part public suffix
    ("https://d1abc.cloudfront.net/news/a", "d1abc.cloudfront.net"),          # each customer of a host is a site
    ("https://news.ostrenia.example/x", "news.ostrenia.example"),             # unknown ending: the host ...
    ("https://m.ostrenia.example/x", "ostrenia.example"),                    # ... without m. or www.
    ("https://web.archive.org/web/2025/https://www.velmora.com/x", "velmora.com"),  # an archived copy's original
    ("file:///tmp/a.html", None), ("http://localhost:8000/a", None), ("", None),
])
def test_site_of_a_url(url, site):
    assert site_of(url) == site


def test_url_key_ignores_scheme_www_slash_and_escapes():
    assert url_key("https://www.velmora.com/a%20b/?p=3") == url_key("http://velmora.com/a b?p=3")
    assert url_key("https://velmora.com/a?p=3") != url_key("https://velmora.com/a?p=4")


# -- never page furniture ----------------------------------------------------------------------------

@pytest.mark.parametrize("name", [
    "Most Popular", "Facebook Comments", "Leave a Reply", "Read more", "Share this article", "Subscribe",
    "Related Articles", "Advertisement", "Kommentare", "Yorumlar", "Похожие новости", "Copyright 2025",
])
def test_furniture_is_no_outlet(name):
    assert not is_site_name(name) and not is_sign_off_name(name)


@pytest.mark.parametrize("name", ["Editor: Dara Venn", "Editör: Oren Vale", "Редактор: Ина Вале", "Source: Valley Post"])
def test_a_labelled_line_is_no_outlet(name):
    assert not is_site_name(name)


@pytest.mark.parametrize("name", ["The bridge reopened on Friday.", "trains run again", "Velmora is calm now",
                                  "Where are the trains?"])
def test_a_sentence_is_no_outlet(name):
    assert not is_site_name(name)


@pytest.mark.parametrize("name", ["Dara Venn", "OREN VALE", "Afectada", "Reopened"])
def test_a_person_or_a_stray_word_is_no_sign_off(name):
    assert not is_sign_off_name(name)


@pytest.mark.parametrize("name", ["Kadria.Net", "OPA", "Ostrenia Today", "Valley Post", "The Velmoran",
                                  "Velmora Pravda", "OPA Ostrenia", "Gazeta Velmorska"])
def test_outlet_shaped_sign_offs(name):
    assert is_sign_off_name(name)


def test_a_sign_off_that_is_the_author_is_no_outlet():
    assert not is_sign_off_name("Valley Post", author="Valley Post")


# -- which name wins ---------------------------------------------------------------------------------

def test_a_given_outlet_beats_the_url():
    assert settle_outlet("Valley Post", GIVEN, "https://valleypost.example.com/a") == ("Valley Post", GIVEN)


def test_a_site_name_beats_the_url():
    assert settle_outlet("Valley Post", SITE_NAME, "https://valleypost.example.com/a") == ("Valley Post", SITE_NAME)


def test_the_url_beats_a_sign_off():
    assert settle_outlet("OPA", SIGN_OFF, "https://www.opa.example.com/a") == ("example.com", URL)


def test_a_sign_off_without_a_url():
    assert settle_outlet("OPA", SIGN_OFF, None) == ("OPA", SIGN_OFF)


def test_nothing_names_it():
    assert settle_outlet(None, None, None) == (None, None)


# -- metadata files ----------------------------------------------------------------------------------

def test_meta_csv_names_files_by_base_name_or_relative_path(tmp_path):
    meta = load_meta(str(write(tmp_path / "m.csv", "File,Outlet,Date\na.txt,Valley Post,2025-03-12\n"
                                                   "corpus/sub/b.txt,Kadria.Net,\n")))
    from corroborate.ingest.meta import Metadata
    md = Metadata([meta])
    assert md.lookup("/x/corpus/a.txt", None) == {"outlet": "Valley Post", "published": date(2025, 3, 12)}
    assert md.lookup("/x/corpus/sub/b.txt", None) == {"outlet": "Kadria.Net"}
    assert md.lookup("/x/other/b.txt", None) == {}  # the relative path must match whole
    assert meta.named == 2


def test_meta_jsonl_names_articles_by_url(tmp_path):
    meta = load_meta(str(write(tmp_path / "m.jsonl", json.dumps({"URL": "https://www.velmora.com/a/", "site": "Velmora Courier",
                                                                 "lang": "pt-BR"}) + "\n")))
    from corroborate.ingest.meta import Metadata
    values = Metadata([meta]).lookup(None, "http://velmora.com/a")
    assert values == {"outlet": "Velmora Courier", "url": "https://www.velmora.com/a/", "language": "pt"}


@pytest.mark.parametrize("content,message", [
    ("file,text\na.txt,Some words\n", "text column"),
    ("outlet,date\nValley Post,2025-03-12\n", "no file or url column"),
    ("", "empty"),
    ("just one line without any delimiter\n", "no rows"),
    ("file\n\n", "no rows"),
])
def test_unusable_meta_files_say_why(tmp_path, content, message):
    with pytest.raises(MetaError, match=message):
        load_meta(str(write(tmp_path / "m.csv", content)))


def test_meta_wins_over_what_the_text_says(tmp_path, db, settings):
    write(tmp_path / "c" / "a.txt", f" date 2025-03-12 Bridge reopens\n\n{BODY}\n\nValley Post")
    write(tmp_path / "m.csv", "file,outlet,date,url\na.txt,Kadria Daily,2025-03-11,https://kadria.example.com/a\n")
    report = api.add([str(tmp_path / "c")], db=db, settings=settings, meta=[str(tmp_path / "m.csv")])
    with Store(db, read_only=True) as store:
        row = store.con.execute("SELECT outlet, published, url FROM documents").fetchone()
    assert row == ("Kadria Daily", date(2025, 3, 11), "https://kadria.example.com/a")
    assert [m.named for m in report.metadata] == [1]


def test_meta_url_without_outlet_names_the_site(tmp_path, db, settings):
    write(tmp_path / "c" / "a.txt", f"{BODY}\n\nValley Post")
    write(tmp_path / "m.csv", "file,url\na.txt,https://www.valleypost.example.com/a\n")
    api.add([str(tmp_path / "c")], db=db, settings=settings, meta=[str(tmp_path / "m.csv")])
    assert outlets(db) == {"a.txt": "example.com"}


def test_rows_naming_no_article_are_counted(tmp_path, db, settings):
    write(tmp_path / "c" / "a.txt", BODY)
    write(tmp_path / "m.csv", "file,outlet\na.txt,Valley Post\nz.txt,Kadria.Net\n")
    report = api.add([str(tmp_path / "c")], db=db, settings=settings, meta=[str(tmp_path / "m.csv")])
    assert report.added == 1 and "1 of 2 rows name an article, 1 name none" in report.metadata_lines()[0]


def test_a_malformed_meta_file_is_one_warning_and_the_add_goes_on(tmp_path, db, settings):
    write(tmp_path / "c" / "a.txt", BODY)
    write(tmp_path / "m.csv", "outlet\nValley Post\n")
    report = api.add([str(tmp_path / "c")], db=db, settings=settings, meta=[str(tmp_path / "m.csv")])
    assert report.added == 1 and len(report.warnings) == 1 and "m.csv" in report.warnings[0]


def test_later_meta_files_win_field_by_field(tmp_path, db, settings):
    write(tmp_path / "c" / "a.txt", BODY)
    write(tmp_path / "m1.csv", "file,outlet,date\na.txt,Valley Post,2025-03-12\n")
    write(tmp_path / "m2.csv", "file,outlet\na.txt,Kadria.Net\n")
    api.add([str(tmp_path / "c")], db=db, settings=settings, meta=[str(tmp_path / "m1.csv"), str(tmp_path / "m2.csv")])
    with Store(db, read_only=True) as store:
        assert store.con.execute("SELECT outlet, published FROM documents").fetchone() == ("Kadria.Net", date(2025, 3, 12))


def test_a_manifest_beside_the_folder_is_picked_up(tmp_path, db, settings):
    write(tmp_path / "corpus" / "a.txt", BODY)
    write(tmp_path / "manifest.csv", "file,outlet\na.txt,Valley Post\n")
    report = api.add([str(tmp_path / "corpus")], db=db, settings=settings)
    assert outlets(db) == {"a.txt": "Valley Post"}
    assert [m.found for m in report.metadata] == [True] and "found beside the files" in report.metadata_lines()[0]


def test_a_manifest_inside_the_folder_is_used_not_read_as_articles(tmp_path, db, settings):
    write(tmp_path / "corpus" / "a.txt", BODY)
    write(tmp_path / "corpus" / "metadata.csv", "filename;source\na.txt;Valley Post\n")
    report = api.add([str(tmp_path / "corpus")], db=db, settings=settings)
    assert outlets(db) == {"a.txt": "Valley Post"}
    assert report.skips == [] and report.files == 1


def test_no_manifest_turns_pick_up_off(tmp_path, db, settings):
    write(tmp_path / "corpus" / "a.txt", BODY)
    write(tmp_path / "manifest.csv", "file,outlet\na.txt,Valley Post\n")
    api.add([str(tmp_path / "corpus")], db=db, settings=settings, manifests=False)
    assert outlets(db) == {"a.txt": None}


def test_a_manifest_naming_none_of_the_files_is_not_used(tmp_path, db, settings):
    write(tmp_path / "corpus" / "a.txt", BODY)
    write(tmp_path / "manifest.csv", "file,outlet\nother.txt,Valley Post\n")
    report = api.add([str(tmp_path / "corpus")], db=db, settings=settings)
    assert report.metadata == [] and any("naming none" in n for n in report.notes)


def test_a_manifest_with_a_text_column_is_articles(tmp_path, db, settings):
    write(tmp_path / "corpus" / "manifest.csv", f"text,outlet\n\"{BODY}\",Valley Post\n")
    report = api.add([str(tmp_path / "corpus")], db=db, settings=settings)
    assert report.added == 1 and outlets(db) == {"manifest.csv": "Valley Post"}


# -- the real corpora --------------------------------------------------------------------------------

def _words(name: str) -> list[str]:
    return re.findall(r"[^\W_]+", name.casefold())


def _manifest(path: Path) -> dict[str, dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return {row["file"]: row for row in csv.DictReader(fh)}


def _agrees(found: str, row: dict) -> bool:
    """The found outlet is (a part of) the manifest's outlet, or the URL's site or host."""
    words, named = _words(found), _words(row["outlet"])
    if words and all(w in named for w in words):
        return True
    host = url_key(row["url"]).split("/")[0]
    return found.casefold() in (host, site_of(row["url"])) or "".join(words) in host.replace(".", "")


KAKHOVKA = SHARED / "kakhovka"


@needs_shared
@pytest.mark.seeds
@pytest.mark.parametrize("corpus,manifest", [(KAKHOVKA / "corpus", KAKHOVKA / "manifest.csv"),
                                             (DEV, DEV.parent / "manifest.csv")])
def test_real_corpus_with_its_manifest_has_the_manifests_outlets(tmp_path, settings, corpus, manifest):
    db = tmp_path / "s.duckdb"
    report = api.add([str(corpus)], db=db, settings=settings)  # the manifest is picked up
    rows = _manifest(manifest)
    assert [Path(m.path).name for m in report.metadata] == ["manifest.csv"]
    assert outlets(db) == {name: row["outlet"] for name, row in rows.items()}


@needs_shared
@pytest.mark.seeds
def test_real_texts_without_a_manifest_never_take_page_furniture(tmp_path, settings):
    db = tmp_path / "s.duckdb"
    api.add([str(SEEDS), str(DEV), str(KAKHOVKA / "corpus")], db=db, settings=settings, manifests=False)
    rows = {**_manifest(DEV.parent / "manifest.csv"), **_manifest(KAKHOVKA / "manifest.csv")}
    with Store(db, read_only=True) as store:
        docs = store.con.execute("SELECT source, outlet, text FROM documents").fetchall()
    assert len(docs) == 5 + 15 + 70
    wrong = []
    for source, outlet, text in docs:
        name = Path(source).name
        if outlet is None:
            continue
        if name in rows:
            ok = _agrees(outlet, rows[name])
        else:  # a seed, which has no manifest: its outlet must be one the article itself names
            ok = outlet.casefold() in text.casefold()
        if not ok:
            wrong.append((name, outlet))
    assert wrong == []
