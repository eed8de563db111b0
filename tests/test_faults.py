"""The fault suite: a generated folder of many kinds of bad input beside good articles, added by a
real `corroborate add` in a subprocess, as a user runs it.

Every bad input must be named on its own skip line with a reason, every good article stored, and
the run's peak memory stay under 1 GB (a decompression bomb and a huge single line included). One
test per kind would repeat the setup forty times; the kinds are listed here, and each one's reason
is checked, so a kind that starts passing silently fails the suite.
"""
from __future__ import annotations

import codecs
import gzip
import json
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from corroborate.store import Store

GOOD_TEXT = ("The regional council of Velmora said on Tuesday that the {0} bridge over the Sena would stay "
             "closed for a week while engineers inspected the damage left by the floods.")


def _warc_bomb(megabytes: int) -> bytes:
    """A gzipped 'WARC' whose one line is `megabytes` MB of zeros: about a thousandth of that packed."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    parts = [packer.compress(b"WARC/1.0\r\nWARC-Type: response\r\n")]
    zeros = bytes(1 << 20)
    parts += [packer.compress(zeros) for _ in range(megabytes)]
    return b"".join(parts) + packer.flush()


def _warc_record(body: bytes, content_type: str) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: " + content_type.encode() + b"\r\n\r\n" + body
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.org/x\r\n"
            f"WARC-Date: 2025-03-12T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


# name -> (bytes, the reason its skip line must give)
BAD: dict[str, tuple[bytes, str]] = {
    "doc.txt": (b"%PDF-1.7\n" + bytes(range(256)), "binary file"),
    "image.txt": (b"\x89PNG\r\n\x1a\n" + bytes(100), "binary file"),
    "photo.html": (b"\xff\xd8\xff\xe0" + bytes(100), "binary file"),
    "anim.txt": (b"GIF89a" + bytes(100), "binary file"),
    "archive.json": (b"PK\x03\x04" + bytes(100), "binary file"),
    "program.txt": (b"\x7fELF" + bytes(100), "binary file"),
    "office.txt": (b"\xd0\xcf\x11\xe0" + bytes(100), "binary file"),
    "packed.txt": (gzip.compress(GOOD_TEXT.format("packed").encode()), "binary file"),
    "bz.txt": (b"BZh91AY&SY" + bytes(100), "binary file"),
    "database.csv": (b"SQLite format 3\x00" + bytes(100), "binary file"),
    "nul.txt": (b"abc\x00def " * 50, "binary file"),
    "controls.txt": (bytes(range(1, 9)) * 100, "binary file"),
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"  \n\n\t \n", "empty file"),
    "short.txt": (b"Too short.", "no text"),
    "huge.txt": (b"word " * 300_000, "file too large"),
    "one-line.txt": (b"x" * 2_000_000, "file too large"),
    "deep.json": (b"[" * 5000 + b"]" * 5000, "invalid JSON line"),
    "deep.jsonl": (b'{"a":' * 5000 + b"1" + b"}" * 5000, "invalid JSON line"),
    "broken.jsonl": (b"{broken\n", "invalid JSON line"),
    "number.jsonl": (b"12\n", "not an article object"),
    "notext.jsonl": (b'{"title": "no body"}\n', "no text field"),
    "numbers.json": (b"[1, 2, 3]", "not an article object"),
    "empty.json": (b"[]", "no articles"),
    "header.csv": (b"title,text\n", "no articles"),
    "columns.csv": (b"a,b\n1,2\n", "CSV has no text column"),
    "nothing.html": (b"<html><body><img src='x.png'></body></html>", "no article text found in the HTML"),
    "script.html": (b"<html><body><script>var a = 1;</script></body></html>", "no article text found in the HTML"),
    "page.warc": (b"<html><body><p>" + GOOD_TEXT.format("page").encode() + b"</p></body></html>",
                  "not a WARC file"),
    "page.warc.gz": (gzip.compress(b"<html><body><p>not an archive at all, only a page</p></body></html>"),
                     "not a WARC file"),
    "cut.warc.gz": (b"\x1f\x8b\x08\x00" + bytes(30), "truncated or corrupt WARC record"),
    "images.warc": (_warc_record(b"\x89PNG....", "image/png"), "no articles"),
    "bomb.warc.gz": (_warc_bomb(1024), "compressed too far"),  # 1 GiB of zeros in about 1 MB
    "slides.pdf": (b"%PDF-1.4", "unsupported format"),
    "sheet.xlsx": (b"PK\x03\x04", "unsupported format"),
}
# links and special files, made in the folder: name -> reason
SPECIAL = {"loop_a": "link loop", "loop_b": "link loop", "dangling.txt": "broken link",
           "pipe.txt": "not a regular file", "elsewhere": "link to a folder"}
# good articles in every form and in encodings that must still be read
GOOD: dict[str, bytes] = {
    "plain.txt": GOOD_TEXT.format("plain").encode(),
    "bom.txt": codecs.BOM_UTF8 + GOOD_TEXT.format("bom").encode(),
    "utf16.txt": codecs.BOM_UTF16_LE + GOOD_TEXT.format("utf16").encode("utf-16-le"),
    "utf16-no-bom.txt": GOOD_TEXT.format("utf16 without mark").encode("utf-16-le"),
    "utf32.txt": codecs.BOM_UTF32_LE + GOOD_TEXT.format("utf32").encode("utf-32-le"),
    "latin.txt": ("Le conseil régional a déclaré mardi que le pont de la Sena resterait fermé une "
                  "semaine pendant que les ingénieurs inspectaient les dégâts.").encode("cp1252"),
    "cyrillic.txt": "Власти заявили во вторник, что мост через реку останется закрытым на неделю.".encode("cp1251"),
    "stray-byte.txt": GOOD_TEXT.format("stray").encode()[:40] + b"\xff" + GOOD_TEXT.format("stray").encode()[40:],
    "nul-deep.txt": (GOOD_TEXT.format("long") + " More.") .encode() * 200 + b"\x00end",
    "name with spaces and é.txt": GOOD_TEXT.format("spaced").encode(),
    "records.jsonl": b"\n".join(json.dumps({"text": GOOD_TEXT.format(f"record {i}")}).encode() for i in range(3)),
    "table.csv": ("title,text\nOne," + GOOD_TEXT.format("csv").replace(",", "") + "\n").encode(),
    "page.html": ("<html><head><title>Bridge</title></head><body><article><p>" + GOOD_TEXT.format("html")
                  + "</p></article></body></html>").encode(),
    "news.warc": _warc_record(("<html><body><article><p>" + GOOD_TEXT.format("warc")
                               + "</p></article></body></html>").encode(), "text/html; charset=utf-8"),
}
N_GOOD = len(GOOD) + 2  # records.jsonl holds three


@pytest.fixture(scope="module")
def added(tmp_path_factory):
    root = tmp_path_factory.mktemp("faults")
    folder = root / "in"
    folder.mkdir()
    for name, data in {**{n: d for n, (d, _) in BAD.items()}, **GOOD}.items():
        (folder / name).write_bytes(data)
    os.symlink(folder / "loop_b", folder / "loop_a")
    os.symlink(folder / "loop_a", folder / "loop_b")
    os.symlink(root / "nowhere.txt", folder / "dangling.txt")
    os.mkfifo(folder / "pipe.txt")
    os.symlink(root, folder / "elsewhere")
    db = root / "store.duckdb"
    peak = root / "peak.txt"
    # `corroborate add` as the command line runs it, writing its own peak resident memory (VmHWM:
    # the new program's, which a fork of this large test process does not inflate) as it exits
    wrapper = ("import atexit, runpy, sys\n"
               "def peak():\n"
               "    with open('/proc/self/status') as f:\n"
               "        kb = next(l.split()[1] for l in f if l.startswith('VmHWM'))\n"
               f"    open({str(peak)!r}, 'w').write(kb)\n"
               "atexit.register(peak)\n"
               "sys.argv = ['corroborate'] + sys.argv[1:]\n"
               "runpy.run_module('corroborate', run_name='__main__')\n")
    run = subprocess.run([sys.executable, "-c", wrapper, "--db", str(db), "--set", "ingest.max_file_mb=1", "add",
                          str(folder)], capture_output=True, text=True, timeout=600)
    return folder, db, run, int(peak.read_text()) if peak.exists() else 0  # kilobytes


def test_every_bad_input_is_named_with_its_reason(added):
    folder, _, run, _ = added
    named = {}
    for line in run.stderr.splitlines():
        if line.startswith("skipped "):
            where, _, reason = line[len("skipped "):].partition(": ")
            named[Path(where.split("#")[0]).name] = reason.split(" (")[0]
    expected = {name: reason for name, (_, reason) in BAD.items()} | SPECIAL
    assert {n: named.get(n) for n in expected} == expected
    assert set(named) == set(expected), set(named) - set(expected)  # and nothing good is among them
    assert run.returncode == 0 and "Traceback" not in run.stderr


def test_every_good_article_is_stored_whole(added):
    _, db, run, _ = added
    with Store(db, read_only=True) as store:
        docs = store.frame("documents")
    assert len(docs) == N_GOOD, run.stdout
    texts = "\n".join(docs["text"])
    for word in ("plain", "bom", "utf16 without mark", "utf32", "stray", "spaced", "record 2", "csv", "html", "warc"):
        assert f"the {word} bridge" in texts
    assert "ingénieurs" in texts and "мост через реку" in texts
    assert "\x00" not in texts


def test_peak_memory_stays_under_a_gigabyte(added):
    *_, peak_kb = added
    assert 0 < peak_kb < 1_000_000, f"{peak_kb / 1e6:.2f} GB"
