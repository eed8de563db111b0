"""One test per metadata rule of plain-text articles, on small texts written for the test."""
from datetime import date

import pytest

from corroborate.ingest.text import is_timestamp, parse_byline, parse_text

BODY = ("The regional governor said on Tuesday that the bridge over the river would stay closed "
        "while engineers inspected the damage.")


def test_date_prefix_with_timestamp_is_dropped():
    text, meta = parse_text(f" date 2025-03-12 12 Mar. 17:50 (UTC+3 MSK)\n\n{BODY}")
    assert meta.published == date(2025, 3, 12)
    assert text == BODY


def test_date_prefix_followed_by_headline_keeps_headline():
    text, meta = parse_text(f" date 2025-03-11 Bridge closed after floods, says governor\n\n{BODY}")
    assert meta.published == date(2025, 3, 11)
    assert meta.title == "Bridge closed after floods, says governor"
    assert text.startswith("Bridge closed after floods, says governor\n\n")


def test_date_prefix_followed_by_body_with_dateline():
    text, meta = parse_text(f" date 2025-03-12 VELMORA – {BODY}\n\nMore text follows here.")
    assert meta.published == date(2025, 3, 12)
    assert meta.dateline == "VELMORA"
    assert meta.title is None
    assert text.startswith("VELMORA – The regional governor")  # the dateline stays in the text


def test_no_stored_text_starts_with_the_date_header():
    text, _ = parse_text(f" date 2025-03-12 12:00\n{BODY}")
    assert not text.lstrip().startswith("date")


def test_last_update_goes_to_updated_not_published():
    raw = f"Last update: May 4, 2026 13:17\n\nA headline about the bridge\n\nBy Mira Castell March 12, 2025\n\n{BODY}"
    text, meta = parse_text(raw)
    assert meta.updated == date(2026, 5, 4)
    assert meta.published == date(2025, 3, 12)
    assert meta.author == "Mira Castell"
    assert "Last update" not in text and "By Mira" not in text
    assert meta.title == "A headline about the bridge"


@pytest.mark.parametrize("line,author,published", [
    ("By Mira Castell March 12, 2025", "Mira Castell", date(2025, 3, 12)),
    ("By Jean-Luc de la Tour, 12 March 2025", "Jean-Luc de la Tour", date(2025, 3, 12)),
    ("By Anadolu Agency", "Anadolu Agency", None),
    ("BY OREN VALE | Updated 2025-03-12", "OREN VALE", date(2025, 3, 12)),
])
def test_bylines(line, author, published):
    text, meta = parse_text(f"{line}\n\n{BODY}")
    assert (meta.author, meta.published) == (author, published)
    assert text == BODY


def test_by_in_a_sentence_is_not_a_byline():
    name, _ = parse_byline("the end of the week, officials said the road would reopen.")
    assert name is None
    raw = f"By the end of the week, officials said the road would reopen.\n\n{BODY}"
    text, meta = parse_text(raw)
    assert meta.author is None and text.startswith("By the end")


def test_writer_label_and_published_line():
    text, meta = parse_text(f"World\n\npublished : 5 Aug 2024 at 06:26\n\nwriter: Reuters\n\n{BODY}")
    assert meta.author == "Reuters"
    assert meta.published == date(2024, 8, 5)
    assert "writer" not in text and "published" not in text


def test_sign_off_names_the_outlet():
    text, meta = parse_text(f"{BODY}\n\nKadria.Net")
    assert meta.outlet == "Kadria.Net"
    assert text == BODY


def test_sign_off_of_several_words():
    _, meta = parse_text(f"{BODY}\n\nOstrenia Today")
    assert meta.outlet == "Ostrenia Today"


@pytest.mark.parametrize("ending", [
    "Meanwhile, ",                       # truncated mid-sentence
    "In the port city of Iskenderun, displac",
    "Follow us on Facebook, Twitter and Instagram to stay connected",
    "\"We will rebuild,\" she said.",
])
def test_not_a_sign_off(ending):
    text, meta = parse_text(f"{BODY}\n\n{ending}")
    assert meta.outlet is None
    assert text.endswith(ending.strip())


def test_reporting_by_footer_gives_author():
    text, meta = parse_text(f"{BODY}\n\n(Reporting by Dara Venn; Editing by Oren Vale)")
    assert meta.author == "Dara Venn"
    assert "Reporting" not in text


@pytest.mark.parametrize("line,dateline,outlet", [
    ("BAKU – Officials said the talks would resume next week after a pause of two months.", "BAKU", None),
    ("MOSCOW, September 11./TASS/. Officials said the talks would resume next week after a pause.", "MOSCOW", "TASS"),
    ("BEIRUT, August 8. /TASS/. The death toll has risen again, officials said on Saturday night.", "BEIRUT", "TASS"),
    ("ANTAKYA, Turkey -- More than a week after the earthquake struck, the death toll rose again.", "ANTAKYA, Turkey", None),
    ("ISMAILIA, EGYPT: Shipping traffic through the canal has resumed after a giant ship was freed.", "ISMAILIA, EGYPT", None),
    ("NEW YORK (Reuters) - Stocks fell sharply on Monday as investors weighed the latest figures.", "NEW YORK", "Reuters"),
])
def test_datelines(line, dateline, outlet):
    text, meta = parse_text(f"A headline for the story here\n\n{line}")
    assert meta.dateline == dateline
    assert meta.outlet == outlet
    assert line in text


def test_caps_speaker_label_late_in_text_is_not_a_dateline():
    raw = f"{BODY}\n\n{BODY}\n\n{BODY}\n\n{BODY}\n\n{BODY}\n\n{BODY}\n\nINTERPRETER: When dealing with a ship of this size the behaviour is unknown."
    _, meta = parse_text(raw)
    assert meta.dateline is None


def test_headline_is_not_a_sentence():
    _, meta = parse_text(f"Share:\n\n{BODY}\n\nMore.")
    assert meta.title is None


@pytest.mark.parametrize("rest,expected", [
    ("19 Sep. 17:50 (UTC+3 MSK)", True), ("12:00", True), ("Mar 3, 08:15 GMT", True),
    ("Section", False), ("Bridge closed after floods", False), ("", False),
])
def test_is_timestamp(rest, expected):
    assert is_timestamp(rest) is expected


def test_crlf_and_blank_runs_are_normalised():
    text, _ = parse_text(f" date 2025-03-12 12:00\r\n\r\n\r\n\r\n{BODY}\r\n\r\n\r\n{BODY}\r\n")
    assert text == f"{BODY}\n\n{BODY}"


@pytest.mark.parametrize("line,dateline", [
    ("ВЕЛЬМОРСК, 12 марта. Министерство сообщило о взрыве цистерны и жертвах среди жителей.", "ВЕЛЬМОРСК"),
    ("DRAVIK, 12 mars (AFP) - Le ministère a annoncé mardi la mort de quatre personnes.", "DRAVIK"),
])
def test_datelines_in_other_languages(line, dateline):
    _, meta = parse_text(f"Headline words here\n\n{line}")
    assert meta.dateline == dateline


@pytest.mark.parametrize("ending", ["Most Popular", "Facebook Comments", "Editor: Dara Venn", "Dara Venn",
                                    "Afectada"])
def test_page_furniture_is_no_sign_off_and_stays_in_the_text(ending):
    text, meta = parse_text(f"{BODY}\n\n{ending}")
    assert meta.outlet is None
    assert text.endswith(ending)


def test_a_wire_tag_that_is_furniture_is_no_outlet():
    _, meta = parse_text("A headline for the story here\n\n"
                         "NEW YORK (Advertisement) - Stocks fell sharply on Monday as investors weighed the figures.")
    assert meta.dateline == "NEW YORK" and meta.outlet is None


def test_a_text_in_a_script_without_latin_letters_is_no_time_stamp():
    # digits and no Latin word: a body in Arabic (or Chinese, Hebrew) after the date header
    rest = "\u0642\u0627\u0644 \u0627\u0644\u0648\u0632\u064a\u0631 \u0625\u0646 35 \u0634\u062e\u0635\u0627 \u0642\u062a\u0644\u0648\u0627"
    assert is_timestamp(rest) is False
    text, meta = parse_text(f" date 2025-03-12 {rest}")
    assert text == rest and meta.published == date(2025, 3, 12)
