import pytest

from corroborate.errors import UnreadableInput
from corroborate.ingest.decode import decode

TEXT = "Le ministère a déclaré mardi que quatre personnes étaient mortes près de la rivière. " * 4


def test_utf8_is_read_as_is():
    assert decode(TEXT.encode()) == (TEXT, None)


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16"])
def test_other_encodings_are_detected(encoding):
    text, note = decode(TEXT.encode(encoding))
    assert "ministère" in text and "déclaré" in text
    assert note and note.startswith("decoded as")


def test_utf8_bom_is_dropped():
    assert decode(b"\xef\xbb\xbf" + TEXT.encode())[0] == TEXT


@pytest.mark.parametrize("data,what", [
    (b"%PDF-1.7\n...", "PDF"), (b"\x89PNG\r\n\x1a\n....", "PNG"), (b"abc\x00def" * 10, "NUL"),
    (bytes(range(1, 9)) * 100, "control"),
])
def test_binary_is_refused_with_its_kind(data, what):
    with pytest.raises(UnreadableInput) as info:
        decode(data)
    assert info.value.reason == "binary file"
    assert what in info.value.detail


RUSSIAN = "Власти заявили во вторник, что река вышла из берегов, сообщил губернатор региона. " * 4


@pytest.mark.parametrize("text", [TEXT, RUSSIAN])
def test_utf8_with_one_stray_byte_stays_utf8_and_says_so(text):
    data = text.encode()
    cut = len(text[:31].encode())
    got, note = decode(data[:cut] + b"\xff" + data[cut:])
    assert got == text[:31] + "\ufffd" + text[31:]
    assert note == "UTF-8 with 1 invalid byte (shown as U+FFFD)"


@pytest.mark.parametrize("text,codec", [(TEXT, "utf-16-le"), (TEXT, "utf-16-be"), (RUSSIAN, "utf-16-le")])
def test_utf16_without_a_byte_order_mark_is_text(text, codec):
    got, note = decode(text.encode(codec))
    assert got == text and note == f"decoded as {codec} (no byte-order mark)"


def test_nul_characters_never_reach_the_text():
    got, note = decode(b"\xef\xbb\xbf" + TEXT.encode() + b"\x00tail")
    assert "\x00" not in got and got.endswith("tail") and note == "1 NUL character removed"
    got, note = decode((TEXT * 40).encode() + b"\x00\x00deep")  # past the head the binary check reads
    assert "\x00" not in got and note == "2 NUL characters removed"
