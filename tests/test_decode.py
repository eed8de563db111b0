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
