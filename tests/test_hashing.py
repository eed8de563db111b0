from hypothesis import given, strategies as st

from corroborate.ingest.article import content_id, normalise

words = st.lists(st.text(alphabet="abcdefghij’'\"“”", min_size=1, max_size=8), min_size=1, max_size=20)


@given(words, st.sampled_from([" ", "  ", "\n", "\t", "\n\n"]))
def test_whitespace_does_not_change_the_id(ws, sep):
    assert content_id(" ".join(ws)) == content_id(sep.join(ws) + "\n")


def test_quote_marks_and_dashes_do_not_change_the_id():
    assert content_id("He said: “No” – it’s over") == content_id('He said: "No" - it\'s over')


def test_different_words_give_different_ids():
    assert content_id("four killed") != content_id("five killed")
    assert len(content_id("x")) == 16


def test_normalise_is_idempotent():
    t = " a\u00a0 “b”\n\n c – d "
    assert normalise(normalise(t)) == normalise(t)
