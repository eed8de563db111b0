"""Figures: a number with what it counts, a category, the scope it covers and who claims it.

From each number expression (numbers.py) the dependency parse gives:
- what it counts: the noun it modifies ("two servicemen"), or the noun of its "of" phrase ("one of
  its soldiers", "357 of them" -> the last counted noun), or, for a bare number in a list ("13 and
  152", "killing two"), what the figure before it in the sentence counts;
- its category, from the counted noun and the words governing it up to the first verb, with the
  verb's own objects: "61 lost their lives" (killed), "253 got injuries" (injured), "300,000 were
  left homeless" (displaced), "the death toll reached 78" (killed), "2,728 landmines" (weapons);
- its scope: a place or time phrase on the same verb or noun ("in 10 provinces", "since 1991");
- its claimant: the speaker of the statement it sits in (statements stage), else the outlet.
  `attributed_to` is null for the outlet's own voice, as the evaluation gold has it; `claimant`
  always names someone.

A total and its parts in one sentence ("a total of 314 ..., of which 61 lost their lives and 253
got injuries") are linked, and the total records whether the parts add up. The parts must be a
partition: either of different casualty categories, or summing exactly to the total; subsets
("357 of them young, 38 women") are not parts. Figures are never changed.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from . import row_id
from ..nlp.grammar import tense
from .numbers import CURRENCY_WORDS, Number, find_numbers

# Category cues, by lemma. Checked in this order: a killed cue beats a people noun.
CATEGORY_LEMMAS: list[tuple[str, set[str]]] = [
    ("killed", {"kill", "die", "dead", "death", "fatality", "perish", "murder", "execute", "slay", "body",
                "martyr", "martyrdom", "toll", "fatal", "fatally", "behead", "massacre", "drown"}),
    ("injured", {"injure", "wound", "hurt", "injury", "wounded", "injured", "hospitalise", "hospitalize",
                 "maim", "burn"}),
    ("missing", {"missing", "disappear", "unaccounted"}),
    ("detained", {"arrest", "detain", "capture", "imprison", "jail", "abduct", "kidnap", "hostage",
                  "prisoner", "detainee", "custody", "seize"}),
    ("displaced", {"displace", "flee", "homeless", "refugee", "uproot", "shelter", "shelterless"}),
    ("evacuated", {"evacuate", "rescue", "relocate", "evacuee", "evacuation"}),
]
CASUALTY_NOUNS = {"casualty", "victim"}
WEAPONS = {"tank", "mortar", "artillery", "landmine", "mine", "drone", "missile", "rocket", "weapon", "gun",
           "ammunition", "shell", "bomb", "howitzer", "launcher", "aircraft", "helicopter", "jet",
           "warplane", "vehicle", "armour", "armor", "rifle", "grenade", "munition", "explosive",
           "equipment", "piece", "device", "warship", "submarine", "uav", "ied", "cannon"}
TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "fortnight"}
MEASURES = {"percent", "%", "per", "magnitude", "kilometre", "kilometer", "km", "mile", "metre", "meter",
            "foot", "feet", "yard", "tonne", "ton", "kilogram", "kg", "litre", "liter", "barrel",
            "hectare", "acre", "degree", "point", "gram", "gross", "tonnage", "square", "cubic"}
UNIT_NAMES = {"percent": "percent", "%": "percent", "magnitude": "magnitude", "kilometre": "km",
              "kilometer": "km", "km": "km", "mile": "miles", "metre": "metres", "meter": "metres",
              "foot": "feet", "feet": "feet", "yard": "yards", "tonne": "tonnes", "ton": "tonnes",
              "kilogram": "kg", "kg": "kg", "hectare": "hectares", "acre": "acres", "degree": "degrees",
              "barrel": "barrels", "second": "seconds", "minute": "minutes", "hour": "hours", "day": "days",
              "week": "weeks", "month": "months", "year": "years", "decade": "decades", "century": "centuries"}
DURATION_UNITS = {"seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "centuries"}
# Nouns that collect rather than count: "21 members of its Navy", "20 percent of the land".
COLLECTIVE = {"member", "percent", "%", "per", "number", "total", "group", "part", "share", "portion",
              "batch", "unit", "kind", "type", "form", "dozen"}
TOTAL_WORDS = {"total", "overall", "altogether", "combined", "sum", "all"}
SCOPE_PREPS = {"in", "since", "during", "across", "throughout", "over", "from", "at", "near", "within",
               "on", "between"}


@dataclass
class Figure:
    number: Number
    start: int                 # the figure phrase: hedge, number and counted noun
    end: int
    num_start: int
    num_end: int
    sentence: tuple[int, int]
    what: str | None = None
    what_token: Any = None
    number_token: Any = None   # the number's head token within its run
    category: str = "other"
    unit: str | None = None
    scope: str | None = None
    attributed_to: str | None = None
    claimant: str | None = None
    claimant_type: str = "outlet"
    statement_id: str | None = None
    statement_kind: str | None = None
    subset: bool = False       # "14 of the injured", "the two workers killed": not a toll (incidents skip it)
    total_of: "Figure | None" = None
    parts: list["Figure"] = field(default_factory=list)

    def id(self, doc_id: str) -> str:
        return row_id(doc_id, self.start, self.end, "figure")

    def row(self, doc_id: str, text: str) -> dict[str, Any]:
        n = self.number
        parts_sum = sum(p.number.value for p in self.parts) if self.parts else None
        return {
            "figure_id": self.id(doc_id), "doc_id": doc_id, "start": self.start, "end": self.end,
            "text": text[self.start:self.end], "number": text[self.num_start:self.num_end],
            "value": n.value, "low": n.low, "high": n.high, "qualifier": n.qualifier, "unit": self.unit,
            "what": self.what, "category": self.category, "scope": self.scope,
            "attributed_to": self.attributed_to, "claimant": self.claimant,
            "claimant_type": self.claimant_type, "statement_id": self.statement_id,
            "total_id": self.total_of.id(doc_id) if self.total_of else None,
            "parts_sum": parts_sum,
            "adds_up": (abs(parts_sum - n.value) < 1e-9) if parts_sum is not None and n.value is not None else None,
            "sentence_start": self.sentence[0], "sentence_end": self.sentence[1],
        }


def _counted(doc, num: Number):
    """The token the number counts (a noun), or None for a bare number."""
    tokens = doc[num.i:num.j]
    # The number's head within the run: the token whose head lies outside it.
    top = next((t for t in tokens if not (num.i <= t.head.i < num.j) or t.head.i == t.i), tokens[-1])
    head = top.head
    if num.vague:
        # "dozens of buildings": the noun of the "of" phrase.
        of = doc[num.j] if num.j < len(doc) and doc[num.j].lower_ == "of" else None
        if of is not None:
            obj = next((c for c in of.children if c.dep_ == "pobj"), None)
            if obj is None and of.i + 1 < len(doc):
                obj = next((t for t in doc[of.i + 1: of.i + 6] if t.pos_ in ("NOUN", "PROPN")), None)
            return obj, top
        return None, top
    if top.dep_ in ("nummod", "quantmod", "compound", "amod", "npadvmod", "nmod") and head.i > top.i and \
            head.pos_ in ("NOUN", "PROPN", "ADJ", "SYM", "NUM"):
        # "the 400 metre-long ship": the hyphenated measure names the unit, the noun after it the thing.
        return head, top
    # "7.8 magnitude", "15 %" after the number, attached the other way round.
    nxt = doc[num.j] if num.j < len(doc) else None
    if nxt is not None and (nxt.lower_ in MEASURES or nxt.lemma_.lower() in MEASURES or
                            nxt.lemma_.lower() in TIME_UNITS or nxt.lower_ in CURRENCY_WORDS):
        return nxt, top
    # "one of its soldiers", "357 of them".
    of = next((c for c in top.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:
        obj = next((c for c in of.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.pos_ != "PRON":
            return obj, top
    return None, top


def _hyphen_head(doc, num: Number, counted):
    """ "a 10 thousand-strong army", "the 44-day war", "a 400m-long ship": the hyphenated word
    measures; the noun it describes is what the figure is about."""
    if counted is None or counted.i < num.j or counted.i - num.j > 3:
        return None
    joined = all(not t.whitespace_ for t in doc[num.j - 1:counted.i])
    if not joined and counted.pos_ != "ADJ":
        return None
    tok = counted
    for _ in range(3):
        if tok.head.i <= tok.i:
            return None
        tok = tok.head
        if tok.pos_ in ("NOUN", "PROPN"):
            return tok
    return None


def _partitive(top) -> bool:
    """ "eight of them", "five of whom", "two of those": a part of something named before."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.pos_ == "PRON" for g in c.children)
               for c in top.children)


def _noun_phrase(noun, after: int = -1) -> tuple[str, int, int]:
    """The counted noun with the modifiers before it ("Azerbaijani servicemen") and an 'of' phrase
    after a collective noun ("members of its Navy"); its text and character span."""
    doc = noun.doc
    left = noun.i
    for c in sorted(noun.lefts, key=lambda t: -t.i):
        if c.i <= after:
            break
        if c.dep_ in ("amod", "compound", "nmod") and c.i == left - 1 and not c.like_num:
            left = c.i
        elif c.i == left - 1 and c.text in ("-",):
            left = c.i
    right = noun.i + 1
    lemma = noun.lemma_.lower()
    if lemma in COLLECTIVE or noun.lower_ in COLLECTIVE:
        of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None:
            right = max(t.i for t in of.subtree) + 1
    words = [t for t in doc[left:right] if not t.like_num]
    while words and words[0].text in ("-", "–"):
        words = words[1:]
    text = " ".join(t.text for t in words).replace(" - ", "-") if words else noun.text
    return text, doc[left].idx, doc[right - 1].idx + len(doc[right - 1].text)


def _governors(counted, top) -> list:
    """Tokens whose words decide the category: the counted noun and its modifiers and clauses, the
    chain of heads up to the first verb, that verb's objects and subject ("death toll")."""
    seen = []
    start = counted if counted is not None else top
    seen.append(start)
    seen.extend(c for c in start.children if c.dep_ in ("amod", "compound", "acl", "relcl", "prep", "appos"))
    for c in list(seen):
        if c.dep_ in ("acl", "relcl"):
            seen.extend(c.children)
    tok = start
    for _ in range(4):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        seen.append(tok)
        if tok.pos_ in ("VERB", "AUX"):
            for c in tok.children:
                if c.dep_ in ("dobj", "acomp", "oprd", "attr", "nsubj", "nsubjpass", "xcomp", "prep", "agent"):
                    seen.append(c)
                    seen.extend(g for g in c.children if g.dep_ in ("compound", "amod", "pobj", "dobj"))
            break
    if top is not start:
        seen.append(top)
        seen.extend(top.children)
    return seen


def _category(counted, top, unit: str | None) -> str:
    if unit and unit.isupper() and len(unit) == 3:
        return "money"
    if unit in DURATION_UNITS:
        return "duration"
    if unit:
        return "measure"
    lemma = counted.lemma_.lower() if counted is not None else ""
    if counted is not None and (lemma in CURRENCY_WORDS or counted.lower_ in CURRENCY_WORDS):
        return "money"
    if lemma in TIME_UNITS:
        return "duration"
    if lemma in MEASURES or counted is not None and counted.lower_ in MEASURES:
        return "measure"
    if lemma in WEAPONS or lemma.endswith("mine"):
        return "weapons"
    # The word right after the figure decides first: "six dead, more than 40 injured" (the parse
    # of such lists often hangs both numbers on one word).
    last = counted if counted is not None and counted.i > top.i else top
    for t in last.doc[last.i + 1:last.i + 3]:
        if t.is_punct:
            break
        for category, cues in CATEGORY_LEMMAS:
            if t.tag_ in ("JJ", "VBN") and (t.lower_ in cues or t.lemma_.lower() in cues):
                return category
    governors = _governors(counted, top)
    lemmas = {t.lemma_.lower() for t in governors} | {t.lower_ for t in governors}
    if {"lose", "life"} <= lemmas or {"lose", "lives"} <= lemmas:
        return "killed"  # "61 lost their lives"
    for category, cues in CATEGORY_LEMMAS:
        if lemmas & cues:
            return category
    if lemma in CASUALTY_NOUNS:
        return "casualties"
    return "other"


# An area written after its number: "600 square kilometres", "600 sq km", "600 km2", "70 per cent".
_AREA_AFTER = re.compile(r"\s*(?:(?:square|sq\.?)\s*(?P<long>kilomet(?:re|er)s?|km|miles?|metres?|meters?|feet|foot)"
                         r"|(?P<short>km2|km²|sqkm|mi2|mi²|m2|m²)|(?P<percent>per\s?cent))\b", re.IGNORECASE)


def _area(doc, num: Number) -> str | None:
    """An area or a percentage written after the number, whatever the parse made the counted word."""
    m = _AREA_AFTER.match(doc.text, doc[num.j - 1].idx + len(doc[num.j - 1]))
    if m is None:
        return None
    if m.group("percent"):
        return "percent"
    word = (m.group("long") or m.group("short")).lower()
    for start, unit in (("k", "km2"), ("sqkm", "km2"), ("mi", "square miles"), ("f", "square feet")):
        if word.startswith(start):
            return unit
    return "square metres"  # metres, meters, m2


def _unit(doc, counted, num: Number) -> str | None:
    """The unit: glued to the number ("$3bn"), an area or percentage after it ("600 sq km",
    "70 per cent"), the counted noun ("7 kilometres"), or the word right before the number
    ("magnitude 6.1", "Rs 5 crore")."""
    if num.unit:
        return "km2" if num.unit == "sqkm" else num.unit
    area = _area(doc, num)
    if area:
        return area
    for tok in (counted, doc[num.i - 1] if num.i > 0 else None):
        if tok is None:
            continue
        low, lemma = tok.lower_, tok.lemma_.lower()
        if low in CURRENCY_WORDS:
            return CURRENCY_WORDS[low]
        unit = UNIT_NAMES.get(low) or UNIT_NAMES.get(lemma)
        if unit:
            return unit
    return None


def _scope(doc, counted, top) -> str | None:
    """A place or time phrase on the figure's verb or noun: "in 10 provinces", "since 1991"."""
    anchors = [t for t in (counted, top) if t is not None]
    verb = next((t for t in (top.head, top.head.head) if t.pos_ in ("VERB", "AUX")), None)
    if verb is not None:
        anchors.append(verb)
    for a in anchors:
        for c in a.children:
            if c.dep_ == "prep" and c.lower_ in SCOPE_PREPS:
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None and (obj.ent_type_ in ("GPE", "LOC", "FAC", "DATE") or
                                        obj.lemma_.lower() in ("province", "region", "district", "city",
                                                               "village", "area", "country")):
                    if top.i in {t.i for t in obj.subtree}:
                        continue
                    span = doc[c.i: max(t.i for t in c.subtree) + 1]
                    if len(span) <= 8:
                        return span.text
    return None


class _Claims:
    """The statement, if any, that holds a character offset."""

    def __init__(self, statements: list[dict[str, Any]]):
        self.statements = sorted(statements, key=lambda s: (s["start"], -s["end"]))
        self.starts = [s["start"] for s in self.statements]

    def at(self, offset: int) -> dict[str, Any] | None:
        k = bisect.bisect_right(self.starts, offset)
        best = None
        for s in self.statements[:k]:  # every statement that starts before it (a few dozen at most)
            if s["start"] <= offset < s["end"] and (best is None or s["end"] - s["start"] < best["end"] - best["start"]):
                best = s  # the innermost statement
        return best


def _is_total(doc, num: Number, counted) -> bool:
    before = {t.lower_ for t in doc[max(0, num.q - 3):num.q]}
    if before & TOTAL_WORDS:
        return True
    after = [t.lower_ for t in doc[num.j:num.j + 6]]
    joined = " ".join(after)
    return any(k in joined for k in ("of which", "of whom", ", including", "in total", "in all", ", among them"))


def _link_totals(doc, figures: list[Figure]) -> None:
    """A total and the parts that follow it in the same sentence, when they form a partition."""
    for k, total in enumerate(figures):
        if total.number.value is None or not _is_total(doc, total.number, total.what_token):
            continue
        parts = []
        for f in figures[k + 1:]:
            if f.sentence != total.sentence:
                break
            if f.number.value is None or _is_total(doc, f.number, f.what_token):
                break
            parts.append(f)
        if len(parts) < 2:
            continue
        cats = [p.category for p in parts]
        casualty = {"killed", "injured", "missing"}
        partition = (len(set(cats)) == len(cats) and set(cats) <= casualty) or \
            abs(sum(p.number.value for p in parts) - total.number.value) < 1e-9
        if partition:
            total.parts = parts
            for p in parts:
                p.total_of = total
            if len(set(cats) & casualty) > 1:
                total.category = "casualties"  # "38 hurt, of whom 7 died and 31 were injured"


def find_figures(doc, statements: list[dict[str, Any]], outlet: str | None) -> list[Figure]:
    """Every figure in the article with what it counts, its category, scope and claimant."""
    claims = _Claims(statements)
    figures: list[Figure] = []
    for num in find_numbers(doc):
        counted, top = _counted(doc, num)
        sent = doc[num.i].sent
        unit = _unit(doc, counted, num)
        start = doc[num.q].idx
        num_start = doc[num.i].idx
        num_end = doc[num.j - 1].idx + len(doc[num.j - 1].text)
        end = num_end
        what = None
        thing = _hyphen_head(doc, num, counted)
        if thing is not None:
            what, _, np_end = _noun_phrase(thing, after=counted.i)
            end = max(end, np_end) if thing.i - num.j <= 6 else end
        elif counted is not None:
            what, _, np_end = _noun_phrase(counted)
            if counted.i >= num.j and counted.i - num.j <= 6:
                end = max(end, np_end)
        f = Figure(num, start, end, num_start, num_end, (sent.start_char, sent.end_char), what=what,
                   what_token=counted, number_token=top, unit=unit)
        f.category = _category(counted, top, unit)
        # A part ("14 of the injured") or a group already known ("the two railway workers killed
        # in the blast"): neither is a toll, whoever gives it.
        f.subset = any(c.dep_ == "prep" and c.lower_ == "of" for c in top.children) or \
            (num.q == num.i and num.i > 0 and doc[num.i - 1].lower_ in ("the", "both", "these", "those", "all")) or \
            (counted is not None and counted.lemma_.lower() in COLLECTIVE
             and any(c.dep_ == "prep" and c.lower_ == "of" for c in counted.children))  # "21 members of its Navy"
        prev = figures[-1] if figures and figures[-1].sentence == f.sentence else None
        if prev is not None and counted is None and _partitive(top):
            # "27 were injured, eight of them seriously": a part of the figure before, of its kind.
            f.what, f.category = prev.what, prev.category
        elif prev is not None and counted is None and prev.what:
            # "13 and 152", "killing four police officers and two road workers": an elided noun.
            f.what = prev.what
            if f.category == "other":
                f.category = prev.category
            # "21 were wounded, one critically": fewer of the same kind is a part of them.
            f.subset = f.subset or f.category == prev.category and num.value is not None and prev.number.value is not None \
                and num.value < prev.number.value
        elif prev is not None and f.category == "other" and counted is not None and prev.what_token is not None \
                and counted.dep_ == "conj" and counted.head.i == prev.what_token.i:
            f.category = prev.category  # "the dead are five servicemen and two civilians"
        f.scope = _scope(doc, counted, top)
        claim = claims.at(num_start)
        if claim is not None:
            f.attributed_to = _cited(doc, claim) or claim.get("speaker") or claim.get("speaker_mention")
            f.claimant = f.attributed_to
            f.claimant_type = "source" if claim.get("kind") == "according_to" else "statement"
            f.statement_id = claim.get("statement_id")
            f.statement_kind = claim.get("kind")
        else:
            f.claimant = outlet
        figures.append(f)
    _continued_reports(doc, figures, claims)
    _link_totals(doc, figures)
    return figures


def _cited(doc, claim: dict[str, Any]) -> str | None:
    """ "..., the Al Arabiya channel said, citing the Health Ministry": the figure's claimant is
    the cited source, the speaker only passes it on."""
    s0, s1 = claim.get("sentence_start"), claim.get("sentence_end")
    if s0 is None or s1 is None:
        return None
    span = doc.char_span(s0, s1, alignment_mode="expand")
    if span is None:
        return None
    for t in span:
        if t.lemma_.lower() in ("cite", "quote") and t.tag_ == "VBG" and not (claim["start"] <= t.idx < claim["end"]):
            obj = next((c for c in t.children if c.dep_ == "dobj"), None)
            if obj is not None and obj.pos_ in ("PROPN", "NOUN"):
                words = [w for w in obj.subtree if not (w.dep_ in ("det",) and w.i == min(x.i for x in obj.subtree))]
                words = [w for w in words if w.i <= obj.i or w.dep_ == "prep" or w.head.dep_ == "prep"]
                return " ".join(w.text for w in words).replace(" 's", "'s") or None
    return None


_BREAKDOWN = re.compile(r"^(?:of|among|out of)\s+(?:them|these|those|whom|which|the\s+\w+|\w+)\b|\brespectively\b",
                        re.I)


def _breaks_down(doc, sentence: tuple[int, int]) -> bool:
    """Whether a sentence breaks down figures given before it: "Of them, ...", "Among the
    casualties, ...", "... 13 and 152, respectively"."""
    text = doc.text[sentence[0]:sentence[1]].strip()
    return bool(_BREAKDOWN.search(text))


def _present_after_present(doc, sentence: tuple[int, int], src: Figure) -> bool:
    """ "The ministry reported that the forces are still present there. The troops have more
    than a hundred tanks ...": news narrates in the past, so a present-tense sentence right after
    a reported statement in the present tense goes on reporting it."""
    if src.statement_kind != "indirect" or src.claimant_type == "continued":
        return False
    claim_span = (src.start, src.sentence[1])
    return tense(doc, *sentence) == "present" and tense(doc, *claim_span) == "present"


def _verb_of(token):
    """The verb a figure's number hangs from (itself when the parse gives none)."""
    t = token
    while t is not None and t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t if t is not None and t.pos_ in ("VERB", "AUX") else None


_OPENERS = ("in", "on", "at", "across", "since", "from", "during", "between", "throughout")


def _parallel(doc, sentence: tuple[int, int], src: Figure) -> bool:
    """ "X said 48 settlements in Kherson had been flooded. In the Mykolayiv region, 23 villages
    were flooded.", "According to X, since 2020 a total of 314 people were hit ... Since 1991, a
    total of 3,385 people have become victims ...": a sentence that opens on another place or
    another time and says the same thing with its own figure (the same verb as the reported one,
    or the same counted thing) goes on with the report, one place or one period at a time."""
    span = doc.char_span(*sentence, alignment_mode="expand")
    if span is None or src.number_token is None:
        return False
    words = [t for t in span if not t.is_space]
    if len(words) < 4 or words[0].dep_ != "prep" or words[0].lower_ not in _OPENERS:
        return False
    opener = list(words[0].subtree)
    # a place's name ("In the Ostrava region,"; the recogniser may call it anything) or a date
    # ("Since the start of the war in 1991,"), followed by its comma
    if not any(t.ent_type_ in ("GPE", "LOC", "FAC", "DATE") or t.pos_ == "PROPN" and t.ent_type_ != "TIME"
               for t in opener) or \
            opener[-1].i + 1 >= len(doc) or doc[opener[-1].i + 1].text != ",":
        return False
    verb = _verb_of(src.number_token)
    root = span.root
    if verb is not None and root.pos_ in ("VERB", "AUX") and root.lemma_ == verb.lemma_:
        return True
    counted = src.what_token
    return counted is not None and counted.pos_ in ("NOUN", "PROPN") and any(
        t.lemma_.lower() == counted.lemma_.lower() and any(c.like_num for c in t.children) for t in span)


def _continued_reports(doc, figures: list[Figure], claims: _Claims) -> None:
    """Reported data running on: in "According to X, 314 were hit, of which 61 died. Among the
    casualties, 48 civilians died ...", the second sentence goes on giving X's data without saying
    so again. A figure in the outlet's voice inherits the claimant of the figures in the sentence
    just before it when that sentence reports (not quotes) someone's data, its own sentence
    attributes nothing to anyone, and it either says it breaks down what came before ("Of them",
    "Among the casualties", "respectively"), goes on in the present tense after a report in the
    present tense, or says the same of another place or period ("In the Mykolayiv region, 23
    villages were flooded", "Since 1991, a total of 3,385 residents ...", see _parallel). Without
    one of these the next sentence is as often the outlet's own background (measured on the
    development set).

    A new paragraph goes on with the report only when it breaks it down or gives it for another
    place or period (matched against every figure of the report in the paragraph before): a
    present tense after a paragraph break is as often the outlet's own. A sentence's span keeps
    the blank lines after it, so the break is looked for there."""
    text = doc.text
    by_sentence: dict[tuple[int, int], list[Figure]] = {}
    for f in figures:
        by_sentence.setdefault(f.sentence, []).append(f)
    sentences = sorted(by_sentence)
    reported: list[Figure] = []  # the figures of the report running on, in the paragraph before cur
    for prev, cur in zip(sentences, sentences[1:]):
        gap = text[prev[1]:cur[0]]
        if gap.strip():
            reported = []
            continue  # a sentence without figures in between
        between = text[prev[0]:cur[0]]
        gap = between[len(between.rstrip()):]  # a sentence's span keeps the blank lines after it
        sources = [f for f in by_sentence[prev] if f.claimant_type in ("source", "statement", "continued")
                   and f.statement_kind in ("according_to", "indirect")]
        if "\n" in gap:
            # the next paragraph goes on with the report only when it says it breaks down what
            # came before ("Of them, ...") or gives it for another place or period
            pool, reported = reported + sources, []
            src = pool[-1] if pool and _breaks_down(doc, cur) else \
                next((s for s in reversed(pool) if _parallel(doc, cur, s)), None)
        else:
            reported = reported + sources if sources else []
            src = sources[-1] if sources else None
            if src is not None and not (_breaks_down(doc, cur) or _present_after_present(doc, cur, src)):
                src = next((s for s in reversed(sources) if _parallel(doc, cur, s)), None)
        if src is None or any(s["start"] < cur[1] and s["end"] > cur[0] for s in claims.statements):
            continue  # nothing goes on, or the sentence has a statement of its own
        for f in by_sentence[cur]:
            if f.claimant_type == "outlet":
                f.attributed_to, f.claimant, f.claimant_type = src.attributed_to, src.claimant, "continued"
                f.statement_id, f.statement_kind = src.statement_id, src.statement_kind
