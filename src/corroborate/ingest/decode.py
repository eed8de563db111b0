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


def decode(data: bytes) -> tuple[str, str | None]:
    """Return (text, note); note names the encoding when it was not UTF-8.

    Raises UnreadableInput for binary data or bytes no encoding explains.
    """
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
