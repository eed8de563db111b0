"""Quoted spans in raw text: straight, curly, angle and low-9 quote marks, paired by direction.

Rules, each for a reason:
- Curly and angle marks say their direction (“ opens, ” closes; « opens, » closes; „ opens and is
  closed by “ or ”), so they pair by direction; a straight " opens when it follows a space, an
  opening bracket or a dash (or starts the paragraph) and closes otherwise.
- A quote that is still open at the end of a paragraph continues when the next paragraph opens
  with a quote mark (the newspaper convention for a quotation over several paragraphs: only the
  last paragraph is closed); each paragraph's piece is its own span, marked as a continuation.
  Otherwise it ends with its paragraph, marked unclosed: unbalanced marks never abort an article.
- Single marks (‘ ’ and ') never delimit a span here: inside a double-quoted span they are a nested
  quote and stay in it, and elsewhere they are far more often apostrophes (forces’ positions,
  don’t, o’clock) than quote marks.
- Two apostrophes ('') and two backticks (``) are a straight double mark written in ASCII (wire and
  archive text, ''like this''): they pair as " does, and the span's offsets cover both characters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_OPENERS = {"“": "”", "«": "»", "„": "“”", "‹": "›"}
_DASHES = "-–—"


@dataclass(frozen=True)
class Quote:
    start: int            # offset of the opening mark (or of the paragraph, for an unmarked continuation)
    end: int              # offset one past the closing mark (or the end of the paragraph)
    inner_start: int      # offset of the first character inside the marks
    inner_end: int        # offset one past the last character inside the marks
    closed: bool          # a closing mark was found
    continued: bool       # a paragraph of a quote that opened in an earlier paragraph

    @property
    def inner(self) -> tuple[int, int]:
        return self.inner_start, self.inner_end


_PARA = re.compile(r"[^\n]+")


def _straight_opens(text: str, i: int, para_start: int) -> bool:
    before = text[i - 1] if i > para_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace():
        return False
    return before.isspace() or before in "([{" + _DASHES + "/:"


def _straight_closes(text: str, i: int, para_start: int) -> bool:
    before = text[i - 1] if i > para_start else " "
    return not before.isspace()


_ASCII_DOUBLE = re.compile(r"''|``")
_JOINER = "\u2060"  # a word joiner: the second character of an ASCII double mark, never a space


def find_quotes(text: str) -> list[Quote]:
    """Every double-quoted span of text, in order (nested single quotes are inside them)."""
    if "''" not in text and "``" not in text:
        return _find_quotes(text)
    # An ASCII double mark becomes " and a joiner, the same length: the search is unchanged and
    # its offsets hold; then each span takes in the mark's second character.
    view = _ASCII_DOUBLE.sub('"' + _JOINER, text)
    out = []
    for q in _find_quotes(view):
        inner_start, end = q.inner_start, q.end
        if text.startswith(("''", "``"), q.start) and q.inner_start == q.start + 1:
            inner_start += 1
        if q.closed and text.startswith("''", q.end - 1):
            end += 1
        out.append(Quote(q.start, end, inner_start, max(inner_start, q.inner_end), q.closed, q.continued))
    return out


def _find_quotes(text: str) -> list[Quote]:
    quotes: list[Quote] = []
    pending = False  # the previous paragraph ended inside a quote
    for m in _PARA.finditer(text):
        p_start, p_end = m.start(), m.end()
        # trim trailing whitespace of the paragraph
        while p_end > p_start and text[p_end - 1].isspace():
            p_end -= 1
        while p_start < p_end and text[p_start].isspace():
            p_start += 1
        if p_start >= p_end:
            continue
        i = p_start
        carried = pending
        pending = False
        if carried and text[i] not in "\"“«„‹":
            # The open quote did not go on in this paragraph after all: it was unclosed.
            carried = False
        # A closing mark with no opening one before it in the paragraph: the quotation began at
        # the paragraph's start (an opening mark the writer left out, or one in an earlier
        # paragraph that was closed too soon).
        first_open = min((k for k in range(p_start, p_end) if text[k] in "“«„‹" or
                          (text[k] == '"' and _straight_opens(text, k, p_start))), default=p_end)
        first_close = min((k for k in range(p_start, p_end) if text[k] in "”»›"), default=p_end)
        if not carried and first_close < first_open and first_close - p_start > 20:
            quotes.append(Quote(p_start, first_close + 1, p_start, first_close, True, True))
            i = first_close + 1
        while i < p_end:
            ch = text[i]
            opener = None
            if ch in _OPENERS:
                opener = ch
            elif ch == '"' and (_straight_opens(text, i, p_start) or (carried and i == p_start)):
                opener = '"'
            if opener is None:
                i += 1
                continue
            closers = _OPENERS.get(opener, '"')
            j = i + 1
            close_at = None
            while j < p_end:
                c = text[j]
                if opener == '"':
                    if c == '"' and _straight_closes(text, j, p_start):
                        close_at = j
                        break
                    if c == "”":  # mixed marks: a straight opener closed by a curly one
                        close_at = j
                        break
                elif c in closers:
                    close_at = j
                    break
                elif opener == "“" and c == '"' and _straight_closes(text, j, p_start):
                    close_at = j
                    break
                j += 1
            continued = carried and i == p_start
            if close_at is not None:
                quotes.append(Quote(i, close_at + 1, i + 1, close_at, True, continued))
                i = close_at + 1
            else:
                # Open at the end of the paragraph: a multi-paragraph quote if the next paragraph
                # opens with a mark (decided there), otherwise unclosed.
                quotes.append(Quote(i, p_end, i + 1, p_end, False, continued))
                pending = True
                i = p_end
    return quotes

