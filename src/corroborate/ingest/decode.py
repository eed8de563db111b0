"""Bytes to text: refuse binary files, detect the encoding of text that is not UTF-8."""
from __future__ import annotations

import codecs

from ..errors import UnreadableInput

# Signatures of common binary formats, so the message can say what the file is.
_MAGIC = {
    b"%PDF": "PDF document", b"\x89PNG": "PNG image", b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image", b"PK\x03\x04": "ZIP archive", b"\x7fELF": "executable",
    b"\xd0\xcf\x11\xe0": "Office document", b"RIFF": "RIFF media file", b"\x1f\x8b": "gzip file",
    b"BZh": "bzip2 file", b"\xfd7zXZ": "xz file", b"SQLite format 3": "SQLite database",
}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


# The legacy encodings most common on news sites, most common first (W3Techs' ranking).
_WEB_PREFERENCE = ["cp1252", "latin_1", "iso8859_15", "cp1251", "shift_jis", "gb2312", "gbk", "euc_kr",
                   "euc_jp", "cp1250", "iso8859_2", "cp1256", "iso8859_9", "cp1254", "big5", "koi8_r",
                   "iso8859_7", "cp1253", "tis_620", "iso8859_6", "cp1255", "iso8859_8"]


_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_ANY_MAGIC = tuple(_MAGIC)
_ANY_BOM = tuple(bom for bom, _ in _BOMS)


def sniff_binary(data: bytes) -> str | None:
    """A description of the binary format `data` starts with, or None when it may be text."""
    if data.startswith(_ANY_MAGIC):  # one test for the common case of no signature at all
        for magic, what in _MAGIC.items():
            if data.startswith(magic):
                return what
    if data.startswith(_ANY_BOM):
        return None
    head = data[:8192]
    if b"\x00" in head:
        return "contains NUL bytes"
    # Control characters other than tab, newline, form feed and carriage return are rare in text.
    controls = len(head) - len(head.translate(None, _CONTROLS))
    if head and controls / len(head) > 0.05:
        return "contains control characters"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """The codec of UTF-16 text written without a byte-order mark ("utf-16-le" when the NUL bytes
    of its ASCII letters fall on odd offsets, "utf-16-be" on even ones), or None. Such a file is
    text, not a binary file with NUL bytes in it."""
    head = data[:8192]
    if len(head) < 4 or len(head) % 2:
        head = head[:len(head) - len(head) % 2]
    if len(head) < 4:
        return None
    odd, even = head[1::2].count(0), head[0::2].count(0)
    half = len(head) // 2
    for zeros, other, name in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        # the high bytes of ASCII letters, spaces and punctuation are NUL, all on one side (Latin
        # text nearly everywhere, Cyrillic or Arabic at least at every space)
        if zeros >= 0.05 * half and other <= 0.005 * half:
            try:
                text = data[:len(data) - len(data) % 2].decode(name)
            except UnicodeDecodeError:
                return None
            sample = text[:4096]
            printable = sum(1 for ch in sample if ch.isprintable() or ch in "\n\r\t")
            return name if printable >= 0.95 * len(sample) else None
    return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few stray bytes (a copy-paste, one byte of a truncated character): the
    text with each bad byte as U+FFFD, when the bad bytes are few and the rest holds real UTF-8
    letters beyond ASCII. A legacy code page (cp1252 French, cp1251 Russian) fails on nearly every
    letter beyond ASCII and goes to the encoding detector instead."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    good = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")  # letters beyond ASCII
    if 0 < bad <= max(3, len(data) // 1000) and good >= 2 * bad:
        return text
    return None


def _clean(text: str, note: str | None) -> tuple[str, str | None]:
    """NUL characters never reach the store (after a byte-order mark, or deep in a long file where
    the binary check does not look)."""
    if "\x00" not in text:
        return text, note
    n = text.count("\x00")
    removed = f"{n} NUL character{'s' if n != 1 else ''} removed"
    return text.replace("\x00", ""), f"{note}; {removed}" if note else removed


def decode(data: bytes) -> tuple[str, str | None]:
    """Return (text, note); note names the encoding when it was not UTF-8, and what was repaired.

    Raises UnreadableInput for binary data or bytes no encoding explains.
    """
    if not data.startswith(_ANY_BOM):
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return _clean(data[:len(data) - len(data) % 2].decode(utf16), f"decoded as {utf16} (no byte-order mark)")
    text, note = _decode(data)
    return _clean(text, note)


def _decode(data: bytes) -> tuple[str, str | None]:
    what = sniff_binary(data)
    if what:
        raise UnreadableInput("binary file", what)
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), (None if name == "utf-8-sig" else f"decoded as {name}")
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    repaired = _mostly_utf8(data)
    if repaired is not None:
        n = repaired.count("\ufffd") - data.count(b"\xef\xbf\xbd")
        return repaired, f"UTF-8 with {n} invalid byte{'s' if n != 1 else ''} (shown as U+FFFD)"
    # Not UTF-8: let charset-normalizer pick the encoding that explains the bytes best.
    from charset_normalizer import from_bytes

    results = list(from_bytes(data))
    if not results:
        raise UnreadableInput("undecodable text", "not UTF-8 and no other encoding fits")
    # Single-byte code pages often fit equally well (cp1250 and cp1252 decode French the same up to
    # a few letters); among the equally good, take the one most used on the web.
    best = min(results, key=lambda m: (m.chaos, -m.coherence))
    tied = [m for m in results if m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.1]
    chosen = min(tied, key=lambda m: _WEB_PREFERENCE.index(m.encoding)
                 if m.encoding in _WEB_PREFERENCE else len(_WEB_PREFERENCE))
    return str(chosen), f"decoded as {chosen.encoding}"
