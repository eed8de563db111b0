"""Incidents: sentences that report a happening, and the same happening across articles.

Per article (`find_reports`), a sentence reports a happening when a trigger word names one: an
explosion, shelling, a strike, a clash, an attack, a killing, a wounding, an arrest, an
evacuation, a ceasefire, a protest, an earthquake, a fire. One report per sentence, of the most
specific type it names ("a mine exploded, killing two" is an explosion with two killed). Not
reports: triggers that are negated, hedged by a modal ("could strike"), plural summaries
("both blasts took place near ...", "landmine explosions since 2020"), which count several
happenings at once, and sentences dated after publication ("will report on the blast on
Tuesday"), which are plans.

Each report takes
- its date and time from the sentence's date expressions, else from the date the text last
  named in the same paragraph, else the publication day (`date_from` says which) — but only for a
  verb ("exploded"): an event noun with no date near it ("after Russia brokered a cease-fire") is
  background, not a report;
- its place from the sentence's places (a town before a region before a country), else the last
  place named in the same paragraph;
- its actors: the subject or agent of the trigger when that names an armed group, a state body or
  a country;
- killed and injured: the sum of the sentence's distinct killed / injured figures (a total given
  with its parts counts once), with the figures' claimant. A casualty figure in the next sentence
  of the same paragraph that reports nothing itself ("Two guards died.") belongs to the report
  before it.

Across articles (`merge_incidents`), reports are merged UCDP GED-style: same type, dates at most
`max_days` apart, places at most `max_km` apart and in one country (or one without a place), and
clock times equal when both give one. A report joins the compatible incident it shares most with
(same place, same figures, shared words), so two blasts on one road half an hour apart stay two
incidents. Per incident: every source's figures with its claimant, and low / best / high — the
lowest claim, the most common claim (the median when none is more common), the highest claim.
"""
from __future__ import annotations

import hashlib
import json
import math
import re
import statistics
from collections import Counter
from datetime import date
from typing import Any

from ..attribution.lexicon import SPEECH
from . import row_id

# lemma -> type; the first type in PRIORITY that a sentence names wins.
TRIGGERS: dict[str, str] = {
    "explode": "explosion", "explosion": "explosion", "blast": "explosion", "detonate": "explosion",
    "detonation": "explosion", "blow": "explosion",
    "airstrike": "strike", "strike": "strike", "bomb": "strike", "bombing": "strike", "missile": "strike",
    "shell": "shelling", "shelling": "shelling", "bombard": "shelling", "bombardment": "shelling",
    "clash": "clash", "fighting": "clash", "firefight": "clash", "skirmish": "clash", "battle": "clash",
    "attack": "attack", "assault": "attack", "ambush": "attack", "raid": "attack", "offensive": "attack",
    "kill": "killing", "murder": "killing", "shoot": "killing", "execute": "killing", "die": "killing",
    "wound": "wounding", "injure": "wounding",
    "arrest": "arrest", "detain": "arrest", "abduct": "arrest", "kidnap": "arrest",
    "evacuate": "evacuation", "evacuation": "evacuation",
    "ceasefire": "ceasefire", "truce": "ceasefire",
    "protest": "protest", "demonstration": "protest", "rally": "protest",
    "earthquake": "earthquake", "quake": "earthquake", "temblor": "earthquake", "tremor": "earthquake",
    "aftershock": "earthquake",
    "fire": "fire", "blaze": "fire",
    "derail": "accident", "derailment": "accident", "crash": "accident", "collision": "accident",
    "collide": "accident", "sink": "accident", "capsize": "accident",
}
# Weapons that make a sentence about casualties an explosion: "a mine trapped a truck, killing two".
EXPLOSIVES = {"mine", "landmine", "ied", "explosive", "bomb", "grenade", "shell", "rocket", "missile", "drone"}
PRIORITY = ["explosion", "strike", "shelling", "earthquake", "accident", "fire", "clash", "attack", "killing",
            "wounding", "arrest", "evacuation", "ceasefire", "protest"]
# Words whose trigger sense is not an event ("strike a deal", "fire an official", "rally support").
NOT_EVENTS = {("strike", "deal"), ("strike", "balance"), ("fire", "official"), ("fire", "minister"),
              ("rally", "support"), ("ground", "reason")}
ACTOR_WORDS = {"force", "army", "troop", "soldier", "militant", "rebel", "police", "group", "formation",
               "militia", "unit", "guard", "government", "ministry", "service", "fighter", "jet", "drone"}
MODALS = {"will", "would", "could", "may", "might", "can", "should", "shall", "must"}
FEATURE_RANK = {"city": 0, "place": 1, "region": 2, "country": 3}
HISTORICAL_DAYS = 60
# Happenings, and the reports that only count their victims.
HAPPENINGS = {"explosion", "strike", "shelling", "earthquake", "accident", "fire", "clash", "attack"}
CASUALTIES = {"killing", "wounding"}


def _trigger(tok) -> str | None:
    lemma = tok.lemma_.lower()
    kind = TRIGGERS.get(lemma)
    if kind is None:
        return None
    if tok.pos_ not in ("VERB", "NOUN"):
        return None
    if lemma == "blow" and not (tok.pos_ == "VERB" and any(c.lower_ == "up" for c in tok.children)):
        return None  # "a blow to the government"; only "blew up" is an explosion
    if lemma == "strike" and tok.pos_ == "NOUN" and (
            not any(c.lemma_.lower() in ("air", "drone", "missile", "rocket", "artillery", "air-", "airstrike",
                                         "military", "israeli", "russian", "us")
                    or c.ent_type_ in ("NORP", "GPE") for c in tok.children if c.dep_ in ("compound", "amod"))):
        return None  # "workers went on strike": only an air, drone or missile strike is ours
    if tok.pos_ == "NOUN" and any(c.lemma_.lower() in ("legal", "political", "court", "market", "stock", "price",
                                                       "verbal", "diplomatic", "election", "electoral")
                                  for c in tok.children if c.dep_ in ("compound", "amod")):
        return None  # "a legal battle", "the stock market crash"
    if kind == "fire":
        if tok.pos_ == "VERB":
            return None  # "fired" at officials, or guns fired: not a blaze
        if tok.i >= 2 and tok.nbor(-1).text in ("-", "–") and tok.nbor(-2).lower_ == "cease":
            return "ceasefire"
        if tok.head.lemma_.lower() in ("open", "exchange", "return", "come", "trade", "subject") or \
                (tok.head.lower_ == "to" and tok.head.head.lemma_.lower() == "subject") or \
                any(c.lower_ == "under" for c in tok.ancestors if c.i == tok.i - 1):
            return "clash" if tok.head.lemma_.lower() == "exchange" else "attack"  # "opened fire"
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in MODALS):
            return None
        if c.dep_ in ("dobj", "pobj") and (lemma, c.lemma_.lower()) in NOT_EVENTS:
            return None
    if tok.pos_ == "NOUN" and tok.tag_ == "NNS" and kind not in ("earthquake",):
        return None  # "both blasts", "landmine explosions since 2020": several happenings at once
    if kind in ("killing", "wounding") and tok.pos_ == "NOUN":
        return None
    if tok.tag_ == "VBG" and tok.dep_ in ("acl", "advcl") and tok.head.tag_ == "NNS":
        return None  # "the recent mine incidents killing six": a summary of several
    return kind


def _strike_kind(tok) -> str | None:
    """ "struck" says what the subject did: "an earthquake struck" is an earthquake, "jets
    struck the depot" a strike; "workers struck" (a strike from work) is none of ours."""
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    kind = TRIGGERS.get(subj.lemma_.lower())
    if kind and kind not in ("killing", "wounding"):
        return kind
    words = {t.lemma_.lower() for t in subj.subtree}
    return "strike" if words & (ACTOR_WORDS | EXPLOSIVES) - {"group", "unit", "service", "ministry", "government"} else None


def _sentence_type(sent) -> tuple[str, Any] | None:
    found = []
    has_explosive = False
    for t in sent:
        kind = _trigger(t)
        if kind == "strike" and t.pos_ == "VERB":
            kind = _strike_kind(t)
        if kind is not None:
            found.append((PRIORITY.index(kind) if kind in PRIORITY else len(PRIORITY), t.i, kind, t))
        if t.lemma_.lower() in EXPLOSIVES and t.pos_ == "NOUN":
            has_explosive = True
    if not found:
        return None
    found.sort(key=lambda x: (x[0], x[1]))
    kind = found[0][2]
    # The type is the most specific trigger's; the token that dates and places the happening is
    # its verb when the sentence has one ("were killed in a mine explosion at 4:30").
    tok = next((t for _, _, _, t in found if t.pos_ == "VERB"), found[0][3])
    if has_explosive and kind in ("killing", "wounding", "attack"):
        kind = "explosion"  # "an anti-tank mine trapped a truck, killing two"
    elif kind in ("killing", "wounding") and _actors(tok):
        kind = "attack"  # "two servicemen were wounded by the Armenian armed formations"
    return kind, tok


def _actors(trigger) -> list[str]:
    out = []
    for c in trigger.children:
        cands = []
        if c.dep_ in ("nsubj",) and trigger.pos_ == "VERB":
            cands.append(c)
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            cands.extend(g for g in c.children if g.dep_ == "pobj")
        for n in cands:
            words = {t.lemma_.lower() for t in n.subtree}
            if n.ent_type_ in ("ORG", "NORP", "GPE", "PERSON") or words & ACTOR_WORDS:
                # the noun with what stands before it, and an "of" phrase ("units of the army")
                left = min([t.i for c in n.lefts if c.dep_ != "det" for t in c.subtree] + [n.i])
                right = n.i
                of = next((c for c in n.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
                if of is not None:
                    right = max(t.i for t in of.subtree)
                span = n.doc[left:right + 1]
                if len(span) <= 10:
                    out.append(span.text.strip())
    return out


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _paragraph_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _coordinated(a, b) -> bool:
    """Whether two figures are joined in one phrase ("four police officers and two road workers"),
    so that together they count one group of victims."""
    ta, tb = a.what_token, b.what_token
    ha = ta if ta is not None else a.number_token
    hb = tb if tb is not None else b.number_token
    return hb.head.i == ha.i and hb.dep_ == "conj" or ha.head.i == hb.i and ha.dep_ == "conj"


def _casualties(figs) -> tuple[float | None, float | None, str | None]:
    """Killed and injured as the sentence's first claimant gives them. A total given with its parts
    counts once; figures joined in one phrase with different nouns add up ("four police officers
    and two road workers"); other figures of the same kind are other claims or subsets ("eight of
    them seriously") and are left to the figures table."""
    killed = injured = None
    claimant = None
    for category in ("killed", "injured"):
        chosen = [f for f in figs if f.category == category and f.number.value is not None and not f.subset]
        chosen = [f for f in chosen if f.total_of is None or not any(f.total_of is c for c in chosen)]
        if not chosen:
            continue
        first = chosen[0]
        total = first.number.value
        for f in chosen[1:]:
            if f.claimant == first.claimant and f.what != first.what and _coordinated(first, f):
                total += f.number.value
        claimant = claimant or first.claimant
        if category == "killed":
            killed = total
        else:
            injured = total
    return killed, injured, claimant


# Where something happens; not "from" or "to", which say where people or things came from or went.
LOCATIVE = {"in", "at", "near", "on", "outside", "around", "inside", "across", "along", "between", "close",
            "within", "throughout", "off", "over", "beside", "behind"}


def _locative(doc, p) -> bool:
    """Whether a place is where something happens ("in the Khojavand district", "at the Portvale
    rail depot") rather than who acts ("Armenia's forces"): the object of a preposition of place,
    or a name modifying one."""
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    if head.dep_ == "poss":
        return False  # "Armenia's forces": who acts, not where
    tok = head
    for _ in range(5):  # "Khojavand" -> "district" -> "of" -> "village" -> "in"
        if tok.dep_ in ("nsubj", "nsubjpass", "agent") or tok.dep_ == "npadvmod" and tok.head.tag_ == "VBN":
            # who acts on the place named around it: "in territories [that Moscow controls]",
            # "in [Moscow]-occupied Ukraine", "held by Moscow"
            return False
        if tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE:
            return True
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return False


def _where(doc, places, s0: int, s1: int, para: int):
    """The report's place: a place the sentence puts the happening in, the most specific first; else
    the most specific such place earlier in the paragraph; else none (a country named as an actor,
    "Armenia's forces", is not where it happened)."""
    def rank(p):
        return (p.lat is None, FEATURE_RANK.get(p.feature, 4), p.start)
    here = [p for p in places if s0 <= p.start < s1]
    located = sorted((p for p in here if _locative(doc, p)), key=rank)
    before = sorted((p for p in places if para <= p.start < s0 and _locative(doc, p)), key=rank)
    if located and (not before or FEATURE_RANK.get(located[0].feature, 4) <= FEATURE_RANK.get(before[0].feature, 4)
                    or located[0].lat is not None and before[0].lat is None):
        return located[0]
    return before[0] if before else None


def _subordinate(trig) -> bool:
    """Whether the trigger sits in a clause that only refers to the happening, so the sentence's
    date is another clause's: "the toll rose on Tuesday, a week after the quake struck", "the
    driver of the train that derailed", "investigating the accident". A participle going on
    from the main clause ("..., killing two") shares its time, unless that clause is itself
    subordinate ("... on Wednesday after an explosion rocked the city, killing 100")."""
    if trig.pos_ == "NOUN" and trig.dep_ in ("pobj", "dobj", "npadvmod"):
        return True  # "investigating the accident", "the toll from the blast"
    tok = trig if trig.pos_ != "NOUN" else trig.head  # a noun subject: its verb's clause
    for _ in range(6):  # the clause and the clauses it hangs in, up to the main one
        if tok.dep_ in ("relcl", "acl", "pcomp", "csubj"):
            return True
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" for c in tok.children):
            return True  # "after", "when", "since", "as"
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


_DATELINE_HEAD = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý .'’-]{1,40}(?:\([^)]{1,30}\))?,?\s*$")


def _dateline_date(text: str, para: int, d) -> bool:
    """ "BEIRUT, August 8. /TASS/. The death toll ...": the date in a dateline is the article's,
    not the happening's."""
    return bool(_DATELINE_HEAD.match(text[para:d.start]))


def _dates_a_statement(doc, d, trig) -> bool:
    """ "..., the channel said on Saturday": a date on the verb of saying dates the statement, not
    the happening it reports."""
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None:
        return False
    verb = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.i != trig.i and verb.lemma_.lower() in SPEECH


def _dates_trigger(doc, d, trig) -> bool:
    """Whether a date expression is the trigger's own: attached to it ("Tuesday's explosion", "the
    explosion on Tuesday", "exploded at 4:30 AM") rather than to another clause of the sentence."""
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None:
        return False
    for tok in span:
        chain = [a.i for a in list(tok.ancestors)[:3]]
        if trig.i in chain:
            verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if verb is None or verb.i == trig.i or trig.pos_ == "NOUN" and trig.i in chain[:2]:
                return True
    return False


def _reported_noun(doc, trig, dates, s0: int, s1: int) -> bool:
    """Whether an event noun reports the happening rather than refers to it: it is the subject of
    the sentence's verb ("the explosion of the vehicle led to fatalities", "a blast ripped through
    the market") or a date is its own ("Tuesday's explosion", "the explosion on Tuesday", "a
    ceasefire in 1994"), or the date and the noun hang on one verb ("the war ended in a ceasefire
    in 1994"). "The commission investigating the accident met on Thursday" only refers to it, and
    must not date it Thursday."""
    if trig.dep_ in ("nsubj", "nsubjpass", "ROOT"):
        return True

    def verb_of(tok):
        return next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)

    trig_verb = verb_of(trig)
    if trig_verb is not None and any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in MODALS)
                                     for c in trig_verb.children):
        return False  # "will present its findings on the explosion": about it, not reporting it
    for d in dates:
        if not (s0 <= d.start < s1):
            continue
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None:
            continue
        for tok in span:
            if any(a.i == trig.i for a in list(tok.ancestors)[:3]):
                return True
        # "the war ended in a ceasefire in 1994": the date and the noun hang on one verb
        root = span.root
        if trig_verb is not None and root.head.i == trig_verb.i:
            return True
    return False


def _names_an_old_year(text: str, dates, s0: int, s1: int, published: date | None) -> bool:
    """ "The war ended in a ceasefire in 1994": a year before the publication year, named in the
    sentence, makes it history even when the date itself stays unresolved."""
    if published is None:
        return False
    for d in dates:
        if s0 <= d.start < s1 and d.precision not in ("day", "time"):
            years = [int(y) for y in re.findall(r"\b(1\d{3}|20\d{2})\b", text[d.start:d.end])]
            if years and max(years) < published.year:
                return True
    return False


def find_reports(doc_id: str, doc, published: date | None, dates, places, figures,
                 statements) -> list[dict[str, Any]]:
    """The incident reports of one article, in text order."""
    text = doc.text
    reports: list[dict[str, Any]] = []
    dates = sorted(dates, key=lambda d: d.start)
    places = sorted(places, key=lambda p: p.start)
    for sent in doc.sents:
        s0, s1 = sent.start_char, sent.end_char
        typed = _sentence_type(sent)
        figs = [f for f in figures if s0 <= f.num_start < s1]
        para = _paragraph_start(text, s0)
        if typed is None:
            # "Two guards died." after a report in the same paragraph: that report's casualties.
            if reports and reports[-1]["_para"] == para and figs:
                prev = reports[-1]
                k, i, claimant = _casualties(figs)
                if prev["killed"] is None and k is not None:
                    prev["killed"], prev["claimant"] = k, prev["claimant"] or claimant
                if prev["injured"] is None and i is not None:
                    prev["injured"], prev["claimant"] = i, prev["claimant"] or claimant
            continue
        kind, trig = typed
        if trig.pos_ == "NOUN" and not _reported_noun(doc, trig, dates, s0, s1):
            continue  # "the commission investigating the accident met on Thursday": a reference
        # when
        in_sent = [d for d in dates if s0 <= d.start < s1 and d.resolved is not None
                   and d.precision in ("day", "time", "open range") and not _dateline_date(text, para, d)
                   and not _dates_a_statement(doc, d, trig)]
        before = [d for d in dates if para <= d.start < s0 and d.resolved is not None
                  and d.precision in ("day", "time") and not _dateline_date(text, para, d)]
        own = [d for d in in_sent if _dates_trigger(doc, d, trig)]
        subordinate = _subordinate(trig)
        if own or (in_sent and not subordinate):
            chosen = own or in_sent
            d = chosen[0]
            when, time, date_from = d.resolved, next((x.time for x in chosen if x.time), None), "sentence"
        elif in_sent:
            # "... said goodbye on Thursday to the driver of the train that derailed": the date
            # is the main clause's; the happening only took place on or before it.
            when, time, date_from = published, None, "publication"
        elif before:
            d = before[-1]
            when, time, date_from = d.resolved, None, "paragraph"
        elif trig.pos_ == "NOUN":
            if not any(s0 <= d.start < s1 for d in dates):
                continue  # "after Russia brokered a cease-fire": an undated event noun is background
            when, time, date_from = None, None, "sentence"  # "a ceasefire in 1994": a year, no day
        else:
            when, time, date_from = published, None, "publication"
        if when is not None and published is not None and when > published:
            continue  # "the commission will report on the blast on Tuesday": a plan, not a report
        historical = bool(when and published and (published - when).days > HISTORICAL_DAYS) or \
            _names_an_old_year(text, dates, s0, s1, published)
        place = _where(doc, places, s0, s1, para)
        killed, injured, claimant = _casualties(figs)
        reports.append({
            "report_id": row_id(doc_id, s0, s1, "incident"), "doc_id": doc_id, "start": s0, "end": s1,
            "text": text[s0:s1], "type": kind, "trigger": trig.text, "date": when, "time": time,
            "date_from": date_from,
            "place": (place.name or text[place.start:place.end]) if place else None,
            "place_feature": place.feature if place else None,
            "geonameid": place.geonameid if place else None, "lat": place.lat if place else None,
            "lon": place.lon if place else None, "country": place.country if place else None,
            "actors": _actors(trig), "killed": killed,
            "injured": injured, "claimant": claimant, "historical": historical, "_para": para,
        })
    for r in reports:
        del r["_para"]
    return reports


# -- across articles ------------------------------------------------------------------------------

def _words(text: str) -> set[str]:
    return {w.strip(".,;:’'\"()").lower() for w in text.split() if len(w) > 3}


def _as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _family(kind: str) -> str:
    """Types that can name one happening: a derailment, the explosion it caused, the fire and the
    deaths are one incident; an arrest or a protest is another kind of thing."""
    return "violence" if kind in HAPPENINGS or kind in CASUALTIES else kind


def _firm(r: dict[str, Any]) -> bool:
    """Whether a report's date is the happening's own: written in its sentence or paragraph, for a
    happening. Otherwise it is an upper bound: an undated "the train derailed" took the publication
    day, and a toll ("as of March 13, seven had died") is dated by its count."""
    return r["date_from"] in ("sentence", "paragraph") and r["type"] not in CASUALTIES


def _dates_fit(rd: date, r_firm: bool, xd: date | None, x_firm: bool, max_days: int, lookback_days: int) -> bool:
    """Whether a report dated `rd` can be one happening with a report dated `xd`; a firm date is
    the happening's own (`_firm`), another only bounds it from above."""
    if xd is None:
        return True
    gap = (rd - xd).days  # > 0: r is later
    if r_firm and x_firm or abs(gap) <= max_days:
        return abs(gap) <= max_days
    if x_firm:
        return 0 <= gap <= lookback_days  # r's date bounds it from above
    if r_firm:
        return 0 <= -gap <= lookback_days
    return abs(gap) <= lookback_days


class _Incident:
    """An incident while reports join it: its reports, and what `_compatible` and `_affinity` ask
    of them kept as sets, added to as each report joins. Each check was a walk over every report of
    the incident, for every report that might join: at 10,000 articles an incident has hundreds of
    reports, and the walks were most of the stage's time. The answers are the same."""

    def __init__(self, n: int):
        self.n = n
        self.reports: list[dict[str, Any]] = []
        self.families: set[str] = set()
        self.types: set[str] = set()
        self.placed = False                                   # a report gives a point
        self.dates: set[tuple[date | None, bool]] = set()     # (date, firm) of each report
        self.clock: set[str] = set()                          # times of its happenings (not tolls)
        self.dated_happenings: set[str] = set()               # articles that date a happening in its sentence
        self.points: set[tuple[float, float]] = set()         # points of its town-like places
        self.countries: set[str] = set()                      # countries of its places
        self.geonameids: set[Any] = set()
        self.killed: set[Any] = set()
        self.injured: set[Any] = set()
        self.times: set[str] = set()
        self.words: set[frozenset[str]] = set()               # each distinct sentence's words once

    def add(self, r: dict[str, Any]) -> None:
        self.reports.append(r)
        self.families.add(_family(r["type"]))
        self.types.add(r["type"])
        self.placed = self.placed or r["lat"] is not None
        if r.get("country"):
            self.countries.add(r["country"])
        self.dates.add((_as_date(r["date"]), _firm(r)))
        if r["time"]:
            self.times.add(r["time"])
            if r["type"] not in CASUALTIES:
                self.clock.add(r["time"])
        if r["type"] in HAPPENINGS and r["date_from"] == "sentence":
            self.dated_happenings.add(r["doc_id"])
        if r["lat"] is not None and _pointlike(r):
            self.points.add((r["lat"], r["lon"]))
        self.geonameids.add(r["geonameid"])
        self.killed.add(r["killed"])
        self.injured.add(r["injured"])
        self.words.add(frozenset(_words(r["text"])))


def _compatible(inc: _Incident, r: dict[str, Any], max_days: int, max_km: float, lookback_days: int = 7) -> bool:
    """Whether report `r` can be one more report of `inc`: the same family of type, dates that fit,
    no other clock time, not a second dated happening of one article, no point too far."""
    if any(f != _family(r["type"]) for f in inc.families):
        return False
    if r["type"] in HAPPENINGS and r["type"] not in inc.types and not (r["lat"] is not None and inc.placed):
        return False  # two kinds of happening are one only where both places are known to agree
    rd = _as_date(r["date"])
    if rd is None or not all(_dates_fit(rd, _firm(r), xd, x_firm, max_days, lookback_days) for xd, x_firm in inc.dates):
        return False
    if r["time"] and r["type"] not in CASUALTIES and any(t != r["time"] for t in inc.clock):
        return False
    if r["type"] in HAPPENINGS and r["date_from"] == "sentence" and r["doc_id"] in inc.dated_happenings:
        return False  # an article that dates two happenings of a kind tells two apart ("The same day, ...")
    if r["lat"] is not None and _pointlike(r):
        if any(_km(p, (r["lat"], r["lon"])) > max_km for p in inc.points):
            return False
    if r.get("country") and inc.countries and r["country"] not in inc.countries:
        return False  # a country or region has no point to measure from, but it is in one country
    return True


def _pointlike(r: dict[str, Any]) -> bool:
    """A town or a named spot has a point to measure from; a country's or region's point is only its
    middle, so "near the Ostrenia-Kadrania line" does not rule out a town 100 km from that middle."""
    return r.get("place_feature") in ("city", "place", None)


def _affinity(inc: _Incident, r: dict[str, Any]) -> float:
    score = 0.0
    if r["geonameid"] is not None and r["geonameid"] in inc.geonameids:
        score += 2
    if r["killed"] is not None and r["killed"] in inc.killed:
        score += 1
    if r["injured"] is not None and r["injured"] in inc.injured:
        score += 1
    if r["time"] and r["time"] in inc.times:
        score += 2
    words = _words(r["text"])
    best = max((len(words & w) / max(1, len(words | w)) for w in inc.words), default=0.0)
    return score + best


def _claims(reports: list[dict[str, Any]], key: str) -> list[float]:
    """One claim per source (an article's claimant): an article that repeats its figure in three
    sentences is one voice, not three. A source that gives several figures is taken at its
    latest in the text (a revised toll)."""
    latest: dict[tuple[str, str], tuple[int, float]] = {}
    for r in reports:
        if r[key] is None:
            continue
        source = (r["doc_id"], r["claimant"] or "")
        if source not in latest or r["start"] > latest[source][0]:
            latest[source] = (r["start"], r[key])
    return [v for _, v in latest.values()]


def _low_best_high(values: list[float]) -> tuple[float | None, float | None, float | None]:
    """UCDP's lowest, best and highest: best is the most common claim, or when claims tie, the
    median claim (the lower middle one, so that best is always a figure someone gave)."""
    if not values:
        return None, None, None
    counts = Counter(values).most_common()
    if len(counts) == 1 or counts[0][1] > counts[1][1]:
        best = counts[0][0]
    else:
        best = statistics.median_low(values)
    return min(values), best, max(values)


def _anchors(reports: list[dict[str, Any]], max_days: int) -> dict[str, dict[str, Any]]:
    """For each casualty report ("Seven people died"), the happening report of the same article it
    counts the victims of: the nearest one before it, else the first after it, of a date within
    `max_days` when the casualty sentence gives its own date. A toll revised days later
    ("as of March 13, seven had died") still counts the victims of Tuesday's blast, so a date
    the casualty report took from elsewhere does not count against it."""
    anchors: dict[str, dict[str, Any]] = {}
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for r in reports:
        by_doc.setdefault(r["doc_id"], []).append(r)
    for rs in by_doc.values():
        rs.sort(key=lambda r: r["start"])
        happenings = [r for r in rs if r["type"] in HAPPENINGS]
        for r in rs:
            if r["type"] not in CASUALTIES or not happenings:
                continue
            before = [h for h in happenings if h["start"] < r["start"]]
            after = [h for h in happenings if h["start"] > r["start"]]
            for h in before[::-1] + after:
                if r["lat"] is not None and h["lat"] is not None and \
                        _km((r["lat"], r["lon"]), (h["lat"], h["lon"])) > 0 and r["geonameid"] != h["geonameid"] \
                        and r["date_from"] == "sentence":
                    continue  # its own place and date: another happening's victims
                if r["date_from"] == "sentence" and abs((_as_date(r["date"]) - _as_date(h["date"])).days) > max_days \
                        and r["time"] is None:
                    # its own date, far from this happening: a revised toll is still about it
                    # only when the article has no other happening to offer
                    continue
                anchors[r["report_id"]] = h
                break
            else:
                anchors[r["report_id"]] = (before[::-1] + after)[0]
    return anchors


def merge_incidents(reports: list[dict[str, Any]], outlets: dict[str, str | None], max_days: int = 1,
                    max_km: float = 50.0, lookback_days: int = 7) -> list[dict[str, Any]]:
    """Reports of the same happening across articles as one incident each (see the module doc)."""
    current = [r for r in reports if not r.get("historical") and r.get("date") is not None]
    anchors = _anchors(current, max_days)
    # Happenings first, those with a clock time before the rest: they fix which incident is which;
    # then casualty reports join the incident of their article's happening, or any that fits.
    order = sorted(current, key=lambda r: (r["report_id"] in anchors, not _firm(r), r["time"] is None, str(r["date"]),
                                           r["time"] or "", r["doc_id"], r["start"]))
    incidents: list[_Incident] = []
    home: dict[str, _Incident] = {}
    # Where a report can fit (_compatible): an incident whose reports are all of its family and all
    # dated within `window` days of it, its first report among them. So incidents are looked up by
    # (family, day of their first report), and those whose span of days reaches outside the window
    # are passed over, instead of every incident being compared with every report (at 10,000
    # articles, 40,000 reports against 1,700 incidents took minutes); the incidents left are checked
    # in the same order as before, so the result is the same.
    window = max(max_days, lookback_days)
    by_day: dict[tuple[str, int], list[int]] = {}
    span: list[list[int]] = []  # per incident, the first and last day of its reports
    for r in order:
        anchor = anchors.get(r["report_id"])
        day = _as_date(r["date"]).toordinal()
        if anchor is not None and anchor["report_id"] in home:
            best = home[anchor["report_id"]]
        else:
            family = _family(r["type"])
            near = sorted(n for d in range(day - window, day + window + 1) for n in by_day.get((family, d), ())
                          if span[n][0] >= day - window and span[n][1] <= day + window)
            fits = [n for n in near if _compatible(incidents[n], r, max_days, max_km, lookback_days)]
            if len(fits) == 1:
                best = incidents[fits[0]]
            elif fits:
                best = incidents[max(fits, key=lambda n: (_affinity(incidents[n], r), -n))]
            else:
                best = _Incident(len(incidents))
                by_day.setdefault((family, day), []).append(len(incidents))
                span.append([day, day])
                incidents.append(best)
        best.add(r)
        lo_hi = span[best.n]
        lo_hi[0], lo_hi[1] = min(lo_hi[0], day), max(lo_hi[1], day)
        home[r["report_id"]] = best
    out = []
    for inc in incidents:
        rs = sorted(inc.reports, key=lambda r: (r["doc_id"], r["start"]))
        # The incident's type, date and time come from the reports of the happening itself; the
        # casualty reports' dates may be those of a later count.
        core = [r for r in rs if _firm(r)] or [r for r in rs if r["type"] in HAPPENINGS] or rs
        kind = min((r["type"] for r in core), key=lambda t: (PRIORITY.index(t) if t in PRIORITY else 99, t))
        # The most specific place the reports give (a town before its region), the most common among equals.
        placed = Counter((r["place"], r["geonameid"], r["lat"], r["lon"], FEATURE_RANK.get(r.get("place_feature"), 4))
                         for r in rs if r["place"])
        top = sorted(placed.items(), key=lambda kv: (kv[0][2] is None, kv[0][4], -kv[1], str(kv[0][0])))
        place, geonameid, lat, lon = top[0][0][:4] if top else (None, None, None, None)
        times = Counter(r["time"] for r in core if r["time"]).most_common(1)
        killed = _low_best_high(_claims(rs, "killed"))
        injured = _low_best_high(_claims(rs, "injured"))
        ids = sorted(r["report_id"] for r in rs)
        out.append({
            "incident_id": hashlib.sha256("\n".join(ids).encode()).hexdigest()[:16],
            "type": kind, "date": min(_as_date(r["date"]) for r in core),
            "time": times[0][0] if times else None, "place": place, "lat": lat, "lon": lon,
            "geonameid": geonameid, "actors": sorted({a for r in rs for a in (r.get("actors") or [])}),
            "killed_low": killed[0], "killed_best": killed[1], "killed_high": killed[2],
            "injured_low": injured[0], "injured_best": injured[1], "injured_high": injured[2],
            "n_articles": len({r["doc_id"] for r in rs}),
            "sources": json.dumps([{"report_id": r["report_id"], "doc_id": r["doc_id"],
                                    "outlet": outlets.get(r["doc_id"]), "claimant": r["claimant"],
                                    "killed": r["killed"], "injured": r["injured"], "start": r["start"],
                                    "end": r["end"], "text": r["text"]} for r in rs], ensure_ascii=False),
        })
    out.sort(key=lambda i: (str(i["date"]), i["time"] is None, i["time"] or "", i["type"], i["incident_id"]))
    return out
