"""Aligning two texts: one test per rule of `corroborate.reuse.align`, on texts written here.

Filler is pseudo-prose from a seeded generator of invented words, so unrelated texts share no run
of five words by chance and every passage found is one the test planted."""
from __future__ import annotations

import random

import numpy as np
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from corroborate.reuse import align_texts
from corroborate.reuse.candidates import candidate_pairs, first_occurrences
from corroborate.reuse.tokens import _pattern, words, words_and_offsets
from corroborate.settings import ReuseSettings

SYLLABLES = ["ka", "lo", "mi", "ven", "tor", "sa", "ru", "del", "pa", "nix", "qua", "ber", "so", "lin",
             "ta", "gor", "fe", "dun", "ri", "mok"]


def filler(seed: int, n_words: int) -> str:
    """Invented sentences of invented words (6-14 words each)."""
    rng = random.Random(seed)
    out, sentence = [], []
    for _ in range(n_words):
        sentence.append("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3))))
        if len(sentence) >= rng.randint(6, 14):
            out.append(" ".join(sentence).capitalize() + ".")
            sentence = []
    if sentence:
        out.append(" ".join(sentence).capitalize() + ".")
    return " ".join(out)


PRESS = ("The regional water authority said on Thursday that the northern reservoir had fallen to "
         "its lowest level in forty years, and that households in six districts would receive "
         "water for only four hours a day from Monday. Engineers are inspecting the main pipeline "
         "near the old mill, where a leak was reported last week. The authority asked residents to "
         "store drinking water and to report any further leaks to its emergency line.")


def embed(seed: int, passage: str) -> str:
    return f"{filler(seed, 80)}\n\n{passage}\n\n{filler(seed + 1000, 80)}"


def found(a: str, b: str, **overrides):
    return align_texts(a, b, ReuseSettings(**overrides))


def test_verbatim_passage_inside_unrelated_texts_is_found_with_exact_offsets():
    a, b = embed(1, PRESS), embed(2, PRESS)
    [al] = found(a, b)
    assert a[al.a_start:al.a_end] == PRESS
    assert b[al.b_start:al.b_end] == PRESS
    assert al.similarity == 1.0


def test_unrelated_texts_share_nothing():
    assert found(filler(1, 400), filler(2, 400)) == []


def test_typos_and_substituted_words_are_tolerated():
    copy = (PRESS.replace("reservoir", "resevoir").replace("households", "housholds")
            .replace("inspecting", "checking").replace("drinking", "potable"))
    [al] = found(embed(1, PRESS), embed(2, copy))
    assert al.similarity > 0.9
    assert al.a_words >= 60 and al.b_words >= 60


def test_quote_marks_and_punctuation_do_not_matter():
    quoted = '"' + PRESS.replace(", and that", " and that").replace(".", ";", 1) + '"'
    curly = "\u201c" + PRESS + "\u201d"
    [al] = found(embed(1, quoted), embed(2, curly))
    assert al.a_words == al.b_words == len(words(PRESS))


def test_a_dropped_sentence_keeps_the_passage_whole():
    dropped = PRESS.replace(" Engineers are inspecting the main pipeline near the old mill, where a leak "
                            "was reported last week.", "")
    a, b = embed(1, PRESS), embed(2, dropped)
    [al] = found(a, b)
    assert a[al.a_start:al.a_end] == PRESS
    assert b[al.b_start:al.b_end] == dropped


def test_a_typo_in_the_first_word_stays_inside_the_passage():
    a = embed(1, "Provisions " + PRESS)
    b = embed(2, "Rovisions " + PRESS)
    [al] = found(a, b)
    assert a[al.a_start:].startswith("Provisions ")
    assert b[al.b_start:].startswith("Rovisions ")


def test_a_shared_run_shorter_than_min_words_is_not_reported():
    short = " ".join(PRESS.split()[:20]) + "."
    assert found(embed(1, short), embed(2, short)) == []
    assert found(embed(1, short), embed(2, short), min_words=15) != []


def test_rewrites_sharing_scattered_phrases_are_not_copies():
    # Two outlets rewrite one statement: phrases in common, but most words their own.
    a = embed(1, "Officials said the northern reservoir had fallen to its lowest level in decades, "
                 "which forced the authority to ration supplies, while engineers are inspecting the "
                 "main pipeline and crews dig near the old mill to find a leak that was reported "
                 "by farmers, and residents were told to store drinking water at home.")
    b = embed(2, "According to the authority, the northern reservoir had fallen to a record low, "
                 "rationing follows in six districts, engineers are inspecting the main pipeline "
                 "for damage, the old mill area is closed, and people should store drinking water "
                 "and call the emergency line about any further leaks they see.")
    assert found(a, b) == []


def test_passages_in_swapped_order_are_two_alignments():
    first = PRESS
    second = filler(77, 60)
    a = embed(1, first + "\n\n" + filler(5, 60) + "\n\n" + second)
    b = embed(2, second + "\n\n" + filler(6, 60) + "\n\n" + first)
    result = found(a, b)
    assert sorted(a[al.a_start:al.a_end] for al in result) == sorted([first, second])


def test_a_copied_paragraph_between_cyrillic_texts_is_found():
    paragraph = ("Министерство по чрезвычайным ситуациям сообщило в четверг, что уровень воды в "
                 "северном водохранилище опустился до самой низкой отметки за сорок лет, и жители "
                 "шести районов будут получать воду только четыре часа в день начиная с понедельника. "
                 "Инженеры осматривают главный трубопровод у старой мельницы, где на прошлой неделе "
                 "была обнаружена утечка.")
    a = "Москва, 12 сентября. Главные новости дня.\n\n" + paragraph + "\n\nДругие новости региона коротко."
    b = "Сегодня в нашем городе прошло заседание совета.\n\n" + paragraph.replace("сообщило", "заявило") + "\n\nКонец."
    [al] = found(a, b)
    assert a[al.a_start:al.a_end] == paragraph
    assert "заявило" in b[al.b_start:al.b_end]


def test_a_copied_paragraph_in_arabic_and_in_chinese_is_found():
    arabic = ("قالت هيئة المياه الإقليمية يوم الخميس إن مستوى الخزان الشمالي انخفض إلى أدنى مستوى له منذ "
              "أربعين عاما وإن الأسر في ستة أحياء ستحصل على المياه لمدة أربع ساعات فقط يوميا اعتبارا من "
              "يوم الاثنين ويقوم المهندسون بفحص خط الأنابيب الرئيسي قرب الطاحونة القديمة")
    [al] = found("خبر أول. " + arabic + " خبر آخر.", "مقدمة مختلفة تماما. " + arabic + " نهاية.")
    assert al.a_words >= 25
    chinese = "地区水务局星期四表示北部水库水位已降至四十年来最低水平六个区的居民从星期一起每天只能供水四个小时工程师正在检查旧磨坊附近的主管道"
    [al] = found("今天的新闻。" + chinese + "其他消息。", "完全不同的开头。" + chinese + "结束。")
    assert al.a_words == len(words(chinese))


def test_offsets_are_into_the_original_text_when_case_folding_changes_lengths():
    text = "Die STRASSE und die Straße " + PRESS
    assert [text[s:e].casefold() for s, e in word_spans(text)][:5] == ["die", "strasse", "und", "die", "strasse"]
    assert len(words(text)) == len(word_spans(text))
    a, b = embed(1, text), embed(2, text)
    [al] = found(a, b)
    assert a[al.a_start:al.a_end] == text


# -- candidates -------------------------------------------------------------------------------------

def shingled(*docs):
    """(hashes, first positions) per article, from lists of shingle hashes in text order."""
    return [first_occurrences(np.array(d, np.uint64)) for d in docs]


def test_candidates_need_min_shared_shingles():
    s = shingled([1, 2, 3, 4], [1, 2, 3, 9], [1, 8])
    a, b, shared = candidate_pairs(s, max_df=100, min_shared=3)
    assert list(zip(a.tolist(), b.tolist(), shared.tolist())) == [(0, 1, 3)]


def test_shared_shingles_must_lie_on_one_diagonal():
    run = list(range(100, 110))
    # the same ten shingles in the same order: a copy
    a, _, shared = candidate_pairs(shingled(run + list(range(200, 400)), list(range(500, 700)) + run),
                                   max_df=100, min_shared=8, band=50)
    assert shared.tolist() == [10]
    # the same ten shingles scattered far apart in one article: stock phrases, not a copy
    scattered = [x for k, s in enumerate(run) for x in [s] + list(range(1000 + 60 * k, 1060 + 60 * k))]
    a, _, _ = candidate_pairs(shingled(run, scattered), max_df=100, min_shared=8, band=50)
    assert len(a) == 0


def test_a_shingle_carried_by_more_than_max_df_articles_links_each_to_the_earliest_only():
    s = shingled(*[[7, 1, 2] for _ in range(5)])
    a, b, _ = candidate_pairs(s, max_df=3, min_shared=1)
    assert list(zip(a.tolist(), b.tolist())) == [(0, 1), (0, 2), (0, 3), (0, 4)]
    a, b, _ = candidate_pairs(s, max_df=5, min_shared=1)
    assert len(a) == 10  # every pair when under the cap


def test_two_edits_two_words_apart_near_the_edge_do_not_end_the_copy():
    # the shortest copies (30 words), "mitordel [zzx]tor sagor [zzx]ru" five words from the start
    # (a case the property below once drew): the edge grows past both
    passage = ("Gorlotor qua tor mitordel tor sagor ru nixpamok venlinber. Nixka talinber rigor dunquata mok "
               "qualo. Samoklo lo sapapa kamitor nix ru bermita venso riri linmok quasopa. Vennixven tor "
               "mitorsa delsotor.")
    copy = passage.replace("mitordel tor sagor ru", "mitordel zzxtor sagor zzxru").replace(
        "Vennixven", "zzxVennixven")
    a = f"Somok ber berdelru lopa pasotor moknixfe ru.\n\n{passage}\n\nMok dunru kata gor delso linka milori fe."
    b = (f"Mokquami ta sakagor ka paridel rulo sotor mirimi. {copy} Tor tornixber mi del lodundel lintornix "
         f"loso berlo bermokmok.")
    [al] = found(a, b)
    assert a[al.a_start:al.a_end] == passage


# -- properties ---------------------------------------------------------------------------------------

@st.composite
def copies(draw):
    """A passage of 30-80 invented words, a copy with at most one edit per ten words (typo,
    substituted word, or changed punctuation), each inside different filler."""
    rng = random.Random(draw(st.integers(0, 10**6)))
    n = draw(st.integers(30, 80))
    passage = filler(rng.randint(0, 10**6), n).split()
    copy = list(passage)
    # at most one edit in each stretch of ten words (edits two words apart are another test's)
    blocks = rng.sample(range(n // 10), draw(st.integers(0, n // 10)))
    for k in (min(max(10 * b + rng.randrange(10), 1), n - 2) for b in blocks):
        kind = rng.choice(("typo", "word", "punct"))
        if kind == "typo" and len(copy[k]) > 3:
            i = rng.randrange(1, len(copy[k]) - 1)
            copy[k] = copy[k][:i] + copy[k][i + 1:]
        elif kind == "word":
            copy[k] = "zzx" + copy[k]
        else:
            copy[k] = copy[k].rstrip(".") + ","
    before_a, after_a = filler(rng.randint(0, 10**6), rng.randint(0, 60)), filler(rng.randint(0, 10**6), 30)
    before_b, after_b = filler(rng.randint(0, 10**6), rng.randint(0, 60)), filler(rng.randint(0, 10**6), 30)
    return (f"{before_a}\n\n{' '.join(passage)}\n\n{after_a}", f"{before_b} {' '.join(copy)} {after_b}",
            " ".join(passage))


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(copies())
def test_any_copy_with_bounded_edits_is_found_and_offsets_slice_the_text(case):
    a, b, passage = case
    result = found(a, b)
    assert result, "the copy was not found"
    best = max(result, key=lambda al: al.a_words)
    start = a.index(passage)
    # the passage found covers most of the planted one
    covered = min(best.a_end, start + len(passage)) - max(best.a_start, start)
    assert covered >= 0.8 * len(passage)
    for al in result:
        assert 0 <= al.a_start < al.a_end <= len(a) and 0 <= al.b_start < al.b_end <= len(b)
        assert len(words(a[al.a_start:al.a_end])) == al.a_words
        assert len(words(b[al.b_start:al.b_end])) == al.b_words


def word_spans(text: str) -> list[tuple[int, int]]:
    """The plain version of the offsets words_and_offsets computes from one split."""
    return [m.span() for m in _pattern(text).finditer(text)]


@hsettings(max_examples=300, deadline=None)
@given(st.text(max_size=300) | st.lists(st.sampled_from(["word", " ", "中文", "e\u0301", "ß", "_", "--", "\n"])).map("".join))
def test_words_and_spans_agree_on_any_text(text):
    w, spans = words(text), word_spans(text)
    assert len(w) == len(spans)
    for token, (s, e) in zip(w, spans):
        assert text[s:e].casefold() == token
    w2, starts, ends = words_and_offsets(text)
    assert w2 == w and list(zip(starts.tolist(), ends.tolist())) == spans
