"""Time to build the HTML report against the time to analyse the same corpus, and the report's size.

Run:  python benchmarks/report.py [--articles 10000] [--seed N] [--keep DIR] [--check]

What it does, in one process and one run:

1. Generates N English news articles about conflict incidents from a fixed seed (the same corpus
   every run; no real article text) and writes them as one JSON Lines file (id, url, outlet, title,
   published, text) to a temporary folder (or --keep DIR). The corpus is shaped so that every view
   of the report has rows:
     - about N/25 incidents (a missile strike, an airstrike, shelling, a drone strike, an explosion,
       a car bomb) in real cities that the gazetteer knows (Kharkiv, Aleppo, Mosul, Khartoum, ...),
       on days spread over four weeks; each article reports one of them, published 0-5 days later,
       by one of 30 outlets (4 of them official agencies);
     - casualty figures from several claimants per incident that disagree (the official toll, a
       hospital's count, a later revision), so figures and incidents get rows with low/best/high;
     - quotes with "said" and named speakers, some of whom (the governor of each city, the heads
       of the agencies) are quoted across many articles, and per incident two official quotes that
       several outlets carry, so speakers merge and claims are shared by several articles;
     - a third of the incidents get a press release by an agency (itself an article); about 60% of
       the articles about those incidents copy two or three of its paragraphs with light edits
       (a synonym here and there, sometimes a sentence dropped), so the copied-passages stage finds
       clusters with an origin;
     - filler: 28 templates of attributed news prose filled by benchmarks/nlp.py's `Writer` (its
       slots, word lists and no-sentence-twice rule), about half of each article's ~350 words.
   Every template, of the filler and of the sentences about an incident, is worded with
   alternatives drawn anew for each use, and each sentence about an incident shares its paragraph
   with filler: two articles share facts and quotes but, apart from the press releases, rarely a
   run of words long enough to be a copied passage. (With fixed templates, such as Writer's own,
   chance runs chained unrelated press releases into clusters of hundreds of articles.)

2. Times, with time.perf_counter, garbage collected before each measurement:
     - analysis (the baseline): `api.add` of the JSON Lines file into a new DuckDB store, then
       `api.analyze` with the default settings: every stage, as `corroborate add` + `corroborate
       analyze` would run them, loading the spaCy model and the embedder included (a few seconds
       against minutes). Ingest and analyze are also shown apart, and analyze per stage (the time
       between the engine's progress callbacks, so approximate).
     - report: `corroborate.report.build_report` of the analysed store to report.html, as
       `corroborate report` would run it: reading every view from the store, serialising it and
       writing the one self-contained HTML file. Then it is built a second time (warm: imports,
       static files and the page cache already paid) for information.
   Target: the first report build takes at most a tenth of the analysis time (ingest + analyze).

3. Prints the store's row counts (claims, copied passages, incidents, statements, figures), which
   must be non-zero for the measurement to mean anything, the report's file size in MB and bytes per
   article, and a table with the target and PASS/FAIL.

The exit status is 0 (this is a report); with --check it is 1 when the target fails. The temporary
folder is removed at the end unless --keep DIR names a folder to keep the corpus, store and report in.
"""
from __future__ import annotations

import argparse
import gc
import json
import random
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

# Imported before any timing, so import cost is never measured.
import duckdb

from corroborate import api
from corroborate.report import build_report
from corroborate.settings import load_settings
from _report import print_table, verdict  # benchmarks/ is sys.path[0] when run as a script
from nlp import FIRST, LAST, Writer       # the sentence writer of the parse benchmark

RATIO_TARGET = 0.1        # maximum report build time / analysis time
START = date(2025, 3, 3)  # a Monday; incidents fall on the 28 days from here
DAYS_SPREAD = 28
COPY_SHARE = 0.6          # share of the articles about an incident with a press release that copy it
_AN = re.compile(r"\b([Aa]) (?=[aeiou])")  # "a airstrike" -> "an airstrike"
COUNTED_TABLES = ("claims", "reuse", "incidents", "statements", "figures", "entities", "incident_reports")

# --------------------------------------------------------------------------------------------------
# Synthetic corpus
# --------------------------------------------------------------------------------------------------

CITIES = ["Kharkiv", "Kherson", "Zaporizhzhia", "Dnipro", "Odesa", "Mykolaiv", "Sumy", "Chernihiv",
          "Kramatorsk", "Aleppo", "Idlib", "Homs", "Hama", "Mosul", "Kirkuk", "Khartoum", "Omdurman",
          "El Fasher", "Mogadishu", "Goma", "Sanaa", "Taiz", "Maiduguri", "Kandahar"]
NEWS_OUTLETS = ["Daily Ledger", "Morning Wire", "City Herald", "Northern Times", "Global Report",
                "Coastal Courier", "Valley Tribune", "Capital Gazette", "Evening Standard Post",
                "The Observer Post", "Continental News", "World Desk", "Frontline Daily", "The Dispatch",
                "Harbour Chronicle", "Eastern Review", "Metro Bulletin", "The Sentinel", "Atlas Wire",
                "Liberty Times", "Meridian Press", "Crossroads Journal", "Union Herald",
                "Southern Mail", "Pacific Monitor", "Civic Voice"]
AGENCIES = ["State Emergency Service", "Ministry of Health Press Office", "Civil Defence Directorate",
            "Regional Military Administration"]
OUTLETS = NEWS_OUTLETS + AGENCIES  # 30


def _domain(outlet: str) -> str:
    return "".join(ch for ch in outlet.lower() if ch.isalnum()) + ".example"


# Templates: {slot} is filled with format(); [a|b|c] is one of the alternatives, drawn for each use
# (so two outlets rarely word one fact alike); brackets nest.
KINDS = [  # (name in titles and quotes, how it happened, in a lead)
    ("missile strike", "[when|after] a [|ballistic |cruise ]missile [hit|struck|slammed into] {target} in {city}"),
    ("airstrike", "in an [|overnight |early morning ]airstrike on {target} in {city}"),
    ("shelling", "[when|after] [shells|artillery shells|rockets] [hit|landed on|struck] {target} in {city}"),
    ("drone strike", "[when|after] a [|kamikaze |attack ]drone [hit|struck|crashed into] {target} in {city}"),
    ("explosion", "[when|after] an explosion [ripped through|tore through|destroyed part of] {target} in {city}"),
    ("car bomb", "[when|after] a car bomb [exploded|went off|detonated] [near|outside|next to] {target} in {city}"),
]
TARGETS = ["[an apartment block|a residential building|a block of flats]",
           "[a market|a crowded market|an open-air market]",
           "[a railway station|the central station|a train station]",
           "[a hospital|a children's hospital|a clinic]",
           "[a school|a secondary school|a school building]",
           "[a power plant|a power station|an electricity substation]",
           "[a bus station|a bus stop|a bus depot]",
           "[a residential district|a residential area|a housing estate]",
           "[a shopping centre|a shopping mall|a supermarket]",
           "[a grain warehouse|a grain terminal|a warehouse]",
           "[a water plant|a water treatment plant|a pumping station]"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SMALL = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]

LEADS = [
    "[At least |]{k} [people|civilians] were killed and {i} [injured|wounded] {how} [on|early on|late on] {day}, "
    "{claimant} said.",
    "{claimant} said {k} people [were|had been] killed and {i} [wounded|injured] {how} on {day}.",
    "A {kind} [on|at] {target} in {city} killed [at least |]{k} people and [injured|wounded] {i} [on|early on] {day}, "
    "[according to {claimant}|{claimant} said].",
]
HOSPITAL = [
    "According to {hospital}, {k} people [have died|died|were killed] and [more than|over] {i} [were treated for "
    "injuries|were hurt|needed treatment].",
    "Doctors at {hospital} said[ on {pday}|] that {i} people were being treated and {k} had died.",
    "{hospital} [put the toll higher|gave a higher toll|disputed the official figures], saying {k} people were "
    "killed and {i} [injured|wounded].",
]
HOSPITALS = ["[the {city} Regional Hospital|the main hospital in {city}|{city}'s central hospital|"
             "a hospital in {city}]"]
REVISIONS = [
    "[On {pday}|By {pday}], {claimant} [raised|revised] the death toll [from the {kind} |]to {k}.",
    "The number of [dead|people killed] rose to {k} on {pday} [after rescuers found more bodies|as more bodies "
    "were recovered|after two of the injured died in hospital], [officials said|{claimant} said].",
]
OFFICIAL_QUOTES = [  # drawn once per incident: the outlets that quote it quote the same words
    "This was a deliberate [attack|strike] on [civilians|peaceful people|a residential area] in {city}",
    "[Rescuers|Rescue teams] are still [searching|clearing] the [rubble|debris], and [we fear|I fear] the toll "
    "will rise",
    "[Everyone|Those] who ordered [this|the] {kind} will [answer for it|be held to account]",
    "[We ask|I urge] [people|residents] to [stay in|go to] shelters when the sirens sound",
    "There were no [military targets|soldiers|troops] anywhere near the {target}",
    "Our [doctors|surgeons|medics] have been working without a break since {day}",
    "We will rebuild every [home|house|school] [that was destroyed|they destroyed][ in {city}|]",
]
QUOTE_FORMS = ['"{q}," said {name}[, the {role}|].',
               '"{q}," {name}[, the {role},|] [said|told reporters|wrote on Telegram].',
               '{name}[, the {role},|] said: "{q}."']
WITNESS = [
    "The whole building shook and then the windows [came in|shattered]",
    "We ran [down to the basement|to the shelter] with the children and waited [for hours|until morning]",
    "I heard [two|three|several] explosions and then people were screaming",
    "My neighbour's [flat|house] is gone, there is nothing left of it",
    "We have no [water|electricity|heating] since the {kind}",
    "I was at work when my [sister|brother|son|daughter] called to say our street was on fire",
]
WITNESS_FORMS = ['"{q}," said {name}, [a resident of {city}|who lives nearby|a {age}-year-old {job}].',
                 '"{q}," {name}, [{age}|a local {job}], told the {outlet}.']
JOBS = ["teacher", "nurse", "driver", "shopkeeper", "pensioner", "student", "engineer", "baker"]
RELEASE_LEADS = [
    "A {kind} [struck|hit] {target} in {city} on {day}, killing {k} people and injuring {i}, the {agency} said "
    "in a statement.",
    "The {agency} reports that {k} people were killed and {i} injured when a {kind} hit {target} in {city} on {day}.",
]
RESCUE = [
    "[Rescue teams|Rescuers|Emergency workers] [worked|searched] through the [night|day] [at the site|in {city}] and "
    "[pulled|freed] {n} people from the [rubble|debris|ruins].",
    "[Emergency crews|Firefighters] put out {n} fires [after|caused by] the {kind} and evacuated [residents|{m} "
    "residents|families] from [nearby|surrounding|neighbouring] [streets|buildings|blocks].",
]
# Light edits a copy makes to a press release: one word for another, each occurrence by chance.
SYNONYMS = {"people": "civilians", "struck": "hit", "residents": "locals", "worked": "laboured",
            "said": "stated", "about": "around", "nearby": "neighbouring", "night": "evening",
            "expected": "likely", "officials": "authorities", "reported": "said"}
_PLURAL_Y = re.compile(r"([^aeiou])ys\b")
_CHOICE = re.compile(r"\[([^\[\]]*)\]")


def vary(template: str, rng: random.Random, cap: bool = True, **slots) -> str:
    """The template with one alternative of each [a|b] drawn, then its {slots} filled (the values
    as they are: vary them first); cap: capitalise the first letter, as at a sentence's start."""
    while True:
        text, n = _CHOICE.subn(lambda m: rng.choice(m.group(1).split("|")), template)
        if not n:
            break
        template = text
    text = template.format(**slots) if slots else template
    return _AN.sub(r"\1n ", text[0].upper() + text[1:] if cap else text)


# Filler prose: news sentences with the slots of benchmarks/nlp.py's Writer ({person}, {org},
# {topic}, {clause}, {claim}, ...), but worded with alternatives so that two articles rarely share
# a run of fixed words long enough to look like a copied passage (Writer's own 30 templates do).
FILLER = [
    '"{claim}," {person} [said|told reporters|said on {day}|wrote on social media].',
    '"{claim}," the {field} ministry said in a [statement|briefing|short statement][ on {day}|].',
    '{person}, [a|the] {role} [at|of|with] {org}, [said|told reporters that|argued that] {clause}.',
    '[According to {org},|{org} said|Officials at {org} said] {clause}.',
    '{person} told [reporters|journalists|a news conference] in {place}[ on {day}|] that {clause}.',
    'The {adj} {noun} in {place} was {past} on {day} after {num} [complaints|objections|protests], '
    '[officials said|{org} said|according to {org}].',
    '[Officials|Economists|Analysts] expect {topic} to cost [about|around|nearly] {money}, [up from|compared with] '
    '{money2} [last year|a year earlier|in {year}].',
    '{org} did not[ immediately|] respond to [a request|requests|several requests] for comment[ on {topic}|].',
    '{person} said the [plan|proposal|decision] would "{verb} {topic}" and [called on|urged|asked] {org} to '
    '{verb2} it.',
    '[Critics|Opponents|Several lawmakers], including {person} of {org}, [argue|say|warned] that {clause}.',
    '"We are [deeply|very|increasingly] concerned about {topic}," [said {person}, who leads {org}|{person} of '
    '{org} said].',
    '[In|During] {month}, {org} {past} {num} {noun}s in {place}, according to [a report|figures|data] published '
    'on {day}.',
    '[About|Nearly|More than] {num} people [gathered|rallied|protested] [outside|near|in front of] the {noun} office in '
    '{place} on {day}[ to protest against {topic}|].',
    'Police in {place} said {num} people had been [detained|arrested][ and {small} officers were injured| during the '
    'protest| after clashes].',
    '{person} [declined to comment on|would not discuss|refused to talk about] {topic} when [asked by reporters|'
    'approached|contacted] on {day}.',
    'Asked whether {clause}, {person} said it was "[too early to say|not the time for that|a question for the '
    'courts]."',
    'The {noun} [plan|deal|programme], first announced in {month} {year}, has been {past} {small} times[ since then| so '
    'far|].',
    '{org} has {past} {topic}, [a spokesperson|a spokesman|an official] said[, without giving details|].',
    '[Residents|Shopkeepers|Families] [of|in] {place} told the {outlet} that {clause}.',
    'Neither {org} nor {org2} [has commented|has said anything|responded][ publicly|] on {topic}.',
    'It was [not immediately clear|unclear] how many {noun}s[ in {place}|] would be [affected|hit] by {topic}.',
    'The decision follows {small} [months|weeks|rounds] of talks between {org} and {org2} [over|about|on] {topic}.',
    'Under the [proposal|plan|agreement], the {noun} would be {past} from {year} and reviewed every {small} years.',
    '{person}, the {role} in charge of {topic}, is [due|expected|scheduled] to [testify before|appear before|brief] a '
    '{field} committee {time}.',
    'The [vote|decision|ruling] on {topic} is expected {time}, {person} said[, adding that {clause}|].',
    'Aid [agencies|groups|workers] in {place} said {num} [families|people|households] [were still waiting for help|had '
    'been displaced|had no shelter][ by {day}|].',
    'The [road|highway|railway line] between {place} and {place2} [remained closed|was reopened|was damaged] on {day}, '
    '[officials|{org}] said.',
    '"{claim}. {claim2}," {person} [wrote on social media|told a rally|said in a video] on {day}.',
]


class Filler(Writer):
    """benchmarks/nlp.py's Writer (its slots, word lists and no-sentence-twice rule) on FILLER."""

    def sentence(self) -> str:
        while True:
            s = vary(self.fill(vary(self.rng.choice(FILLER), self.rng, cap=False)), self.rng)
            s = _PLURAL_Y.sub(r"\1ies", s)  # Writer's "{noun}s": "subsidys" -> "subsidies"
            parts = s.split(". ")  # a quotation of two sentences is two sentences to the parser
            if not self.seen.intersection(parts):
                self.seen.update(parts)
                return s


@dataclass
class Incident:
    index: int
    day: date
    city: str
    kind: str
    how: str                         # template: it is worded anew in each article
    target: str                      # template
    killed: int
    injured: int
    hospital_killed: int
    hospital_injured: int
    revised_killed: int
    claimants: list[str]             # who give the official toll (templates)
    quotes: list[str]                # two official quotes that several outlets carry (fixed words)
    release: list[str] = field(default_factory=list)  # paragraphs of its press release, if any
    agency: str = ""


class Generator:
    """Incidents, press releases and the articles about them, from one random stream."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.writer = Filler(seed + 1)  # its own stream: the filler does not shift the incidents
        self.governors = {c: self.person() for c in CITIES}
        self.agency_heads = {a: self.person() for a in AGENCIES}

    def person(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    @staticmethod
    def number(n: int, rng: random.Random) -> str:
        return SMALL[n] if n < 10 and rng.random() < 0.5 else f"{n:,}"

    def incident(self, index: int) -> Incident:
        r = self.rng
        kind, how = r.choice(KINDS)
        city, target = r.choice(CITIES), r.choice(TARGETS)
        killed = r.choice([r.randint(2, 9), r.randint(3, 25), r.randint(10, 60)])
        injured = killed + r.randint(2, 3 * killed + 10)
        gov = self.governors[city]
        claimants = [f"[regional governor {gov}|{city} governor {gov}|the governor of the {city} region]",
                     r.choice(["the State Emergency Service", "the health ministry", "the regional military "
                               "administration", "the civil defence"]),
                     r.choice(["local officials", "police", "the city council", "officials"])]
        day = START + timedelta(days=r.randrange(DAYS_SPREAD))
        noun = vary(target, r, cap=False).split(" ", 1)[1]  # "a crowded market" -> "crowded market"
        quotes = [vary(q, r, kind=kind, city=city, target=noun, day=WEEKDAYS[day.weekday()])
                  for q in r.sample(OFFICIAL_QUOTES, 2)]
        return Incident(index, day, city, kind, how, target, killed, injured, killed + r.randint(0, 6),
                        injured + r.randint(0, 20), killed + r.randint(1, 12), claimants, quotes)

    def add_release(self, inc: Incident) -> None:
        """Four paragraphs an agency publishes about the incident, the day it happened."""
        r, w = self.rng, self.writer
        inc.agency = r.choice(AGENCIES)
        slots = dict(kind=inc.kind, target=vary(inc.target, r, cap=False), city=inc.city,
                     day=WEEKDAYS[inc.day.weekday()], k=inc.killed, i=inc.injured, agency=inc.agency,
                     n=r.randint(5, 60), m=r.randint(40, 900))
        quote = f'"{w.fill("{claim}")}," said {self.agency_heads[inc.agency]}, the head of the {inc.agency}.'
        inc.release = [
            " ".join([vary(r.choice(RELEASE_LEADS), r, **slots), w.sentence()]),
            " ".join([vary(r.choice(RESCUE), r, **slots), w.sentence(), w.sentence()]),
            " ".join([quote, w.sentence()]),
            " ".join([w.sentence(), w.sentence()]),
        ]

    def copy_of(self, paragraphs: list[str]) -> list[str]:
        """The paragraphs with light edits: synonyms at random, sometimes a sentence dropped."""
        r = self.rng
        out = []
        for para in paragraphs:
            words = [SYNONYMS[w] if w in SYNONYMS and r.random() < 0.5 else w for w in para.split(" ")]
            para = " ".join(words)
            sentences = para.split(". ")
            if len(sentences) >= 3 and r.random() < 0.3:
                del sentences[r.randrange(1, len(sentences))]
                para = ". ".join(sentences)
                if not para.endswith((".", '"')):
                    para += "."
            out.append(para)
        return out

    def article(self, i: int, inc: Incident) -> dict:
        r, w = self.rng, self.writer
        outlet = r.choice(NEWS_OUTLETS)
        published = inc.day + timedelta(days=r.choice([0, 0, 0, 1, 1, 2, 3, 5]))
        day, pday = WEEKDAYS[inc.day.weekday()], WEEKDAYS[published.weekday()]

        def phrase(template: str, **slots) -> str:  # a part of a sentence
            return vary(template, r, cap=False, **slots)

        def sentence(template: str, **slots) -> str:
            base = dict(city=inc.city, kind=inc.kind, day=day, pday=pday, outlet=outlet,
                        claimant=phrase(r.choice(inc.claimants)))
            return vary(template, r, **{**base, **slots})

        target = phrase(inc.target)
        how = phrase(inc.how, target=target, city=inc.city)
        lead = sentence(r.choice(LEADS), k=self.number(inc.killed, r), i=self.number(inc.injured, r),
                        how=how, target=target)
        if r.random() < 0.6:
            lead = f"{inc.city.upper()} ({outlet}) - {lead}"
        hospital = phrase(r.choice(HOSPITALS), city=inc.city)
        counts = [sentence(r.choice(HOSPITAL), hospital=hospital, k=self.number(inc.hospital_killed, r),
                           i=self.number(inc.hospital_injured, r))]
        if published >= inc.day + timedelta(days=2):
            counts.append(sentence(r.choice(REVISIONS), k=self.number(inc.revised_killed, r)))
        if r.random() < 0.7:
            speaker, role = self.governors[inc.city], f"governor of the {inc.city} region"
        else:
            speaker, role = self.person(), f"mayor of {inc.city}"
        quote = sentence(r.choice(QUOTE_FORMS), q=r.choice(inc.quotes), name=speaker, role=role)
        witness = sentence(r.choice(WITNESS_FORMS), q=phrase(r.choice(WITNESS), kind=inc.kind),
                           name=self.person(), age=r.randint(19, 83), job=r.choice(JOBS))

        # Each sentence about the incident shares a paragraph with unique filler, so two articles
        # about one incident share facts and quotes but rarely a passage long enough to be a copy.
        def with_filler(sentence: str) -> str:
            return " ".join([sentence] + [w.sentence() for _ in range(r.randint(1, 2))])

        paragraphs = [with_filler(lead), with_filler(counts[0]), with_filler(quote)]
        if len(counts) > 1:
            paragraphs.append(with_filler(counts[1]))
        if inc.release and r.random() < COPY_SHARE:
            first = r.randrange(0, 2)
            copied = self.copy_of(inc.release[first:first + r.choice([2, 3])])
            paragraphs[2:2] = copied
        filler = w.paragraphs(r.randint(30, 130))
        filler.insert(r.randint(1, len(filler)), with_filler(witness))
        paragraphs += filler
        title = r.choice([f"{inc.killed} killed in {inc.kind} in {inc.city}",
                          f"{inc.kind.capitalize()} in {inc.city} kills {inc.killed}, injures {inc.injured}",
                          f"{inc.city} counts the cost after {day}'s {inc.kind}",
                          f"Death toll in {inc.city} {inc.kind} disputed"])
        return self.record(f"a{i:06d}", outlet, published, title, paragraphs)

    def release_article(self, inc: Incident) -> dict:
        title = f"{inc.kind.capitalize()} in {inc.city}: {inc.killed} dead, {inc.injured} injured"
        return self.record(f"pr{inc.index:05d}", inc.agency, inc.day, title, inc.release)

    @staticmethod
    def record(doc_id: str, outlet: str, published: date, title: str, paragraphs: list[str]) -> dict:
        slug = "-".join(title.lower().replace(",", "").replace(":", "").replace("'", "").split()[:8])
        return {"id": doc_id, "url": f"https://www.{_domain(outlet)}/world/{published:%Y/%m/%d}/{slug}-{doc_id}",
                "outlet": outlet, "title": title, "published": published.isoformat(),
                "text": _AN.sub(r"\1n ", "\n\n".join(paragraphs))}


def make_corpus(n: int, seed: int) -> tuple[list[dict], int, int]:
    """n articles (press releases included); returns them, the incidents and the press releases."""
    g = Generator(seed)
    incidents = [g.incident(k) for k in range(max(8, n // 25))]
    with_release = g.rng.sample(incidents, max(3, len(incidents) // 3))
    for inc in sorted(with_release, key=lambda x: x.index):
        g.add_release(inc)
    articles = [g.release_article(inc) for inc in incidents if inc.release]
    weights = [3 if inc.release else 1 for inc in incidents]  # the big stories get more coverage
    for i in range(n - len(articles)):
        articles.append(g.article(i, g.rng.choices(incidents, weights)[0]))
    return articles, len(incidents), len(with_release)


# --------------------------------------------------------------------------------------------------
# Measurement and report
# --------------------------------------------------------------------------------------------------

class StageClock:
    """Seconds per analysis stage, from the engine's progress callbacks (each stage's time runs from
    the previous callback of another stage to its own last one), with a line to stderr per minute."""

    def __init__(self) -> None:
        self.start = self.last = self.said = time.perf_counter()
        self.current: str | None = None
        self.seconds: dict[str, float] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        name = stage.split(":")[0]
        if name != self.current:
            self.current, self.mark = name, self.last
            print(f"  [{now - self.start:7.1f}s] {stage} {done}/{total}", file=sys.stderr, flush=True)
            self.said = now
        elif now - self.said > 60:
            print(f"  [{now - self.start:7.1f}s] {stage} {done}/{total}", file=sys.stderr, flush=True)
            self.said = now
        self.seconds[name] = now - self.mark
        self.last = now


def timed(fn, *args, **kwargs):
    gc.collect()
    t0 = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - t0, result


def store_counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        counts = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] if t in tables else -1
                  for t in COUNTED_TABLES}
        if "reuse" in tables:
            counts["reuse clusters"] = con.execute("SELECT count(DISTINCT cluster_id) FROM reuse").fetchone()[0]
        if "claims" in tables:
            counts["claims in > 1 article"] = con.execute(
                "SELECT count(*) FROM claims WHERE n_articles > 1").fetchone()[0]
        if "incidents" in tables:
            counts["incidents in > 1 article"] = con.execute(
                "SELECT count(*) FROM incidents WHERE n_articles > 1").fetchone()[0]
            counts["incidents with a place"] = con.execute(
                "SELECT count(*) FROM incidents WHERE lat IS NOT NULL").fetchone()[0]
        counts["documents"] = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        con.close()
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="articles in the corpus")
    parser.add_argument("--seed", type=int, default=20251215, help="seed of the synthetic corpus")
    parser.add_argument("--keep", metavar="DIR", help="keep the corpus, store and report in DIR (a new or empty folder)")
    parser.add_argument("--check", action="store_true", help="exit 1 when the target fails")
    args = parser.parse_args(argv)
    if args.articles < 20:
        parser.error("--articles must be at least 20")
    if args.keep:
        root = Path(args.keep)
        if root.exists() and any(root.iterdir()):
            parser.error(f"--keep {root}: the folder is not empty (the store must be new)")
        root.mkdir(parents=True, exist_ok=True)
    else:
        root = Path(tempfile.mkdtemp(prefix="corroborate-report-bench-"))
    corpus, db, out = root / "articles.jsonl", root / "corroborate.duckdb", root / "report.html"

    try:
        t0 = time.perf_counter()
        articles, n_incidents, n_releases = make_corpus(args.articles, args.seed)
        with open(corpus, "w", encoding="utf-8") as f:
            for a in articles:
                f.write(json.dumps(a, ensure_ascii=False) + "\n")
        words = sum(len(a["text"].split()) for a in articles)
        days = sorted(a["published"] for a in articles)
        print(f"{len(articles):,} articles (seed {args.seed}) from {len({a['outlet'] for a in articles})} outlets, "
              f"{days[0]} to {days[-1]}, {words / len(articles):.0f} words on average; {n_incidents} incidents, "
              f"{n_releases} press releases; {corpus.stat().st_size / 1e6:.1f} MB of JSON Lines, "
              f"generated in {time.perf_counter() - t0:.1f}s", flush=True)

        settings = load_settings()
        print("ingesting ...", file=sys.stderr, flush=True)
        add_s, added = timed(api.add, [str(corpus)], db=db, settings=settings)
        if added.added != len(articles):
            print(f"warning: {added.added} of {len(articles)} articles stored", file=sys.stderr)
        print(f"ingest {add_s:.1f}s; analysing ...", file=sys.stderr, flush=True)
        clock = StageClock()
        analyze_s, _ = timed(api.analyze, db=db, settings=settings, on_batch=clock)
        analysis_s = add_s + analyze_s
        print(f"analysis {analysis_s:.1f}s; building the report ...", file=sys.stderr, flush=True)
        report_s, stats = timed(build_report, db, out, title=f"benchmark: {len(articles):,} articles")
        rebuild_s, stats2 = timed(build_report, db, out, title=f"benchmark: {len(articles):,} articles")
        counts = store_counts(db)

        print("\nstore rows (must be non-zero for the report to show anything)")
        print_table(("table", "rows"), [(name, f"{n:,}" if n >= 0 else "missing") for name, n in counts.items()])

        print("\nanalyze per stage (approximate: between the engine's progress callbacks)")
        print_table(("stage", "time", "share"),
                    [(name, f"{s:.1f}s", f"{s / analyze_s:.0%}") for name, s in clock.seconds.items()])

        ratio = report_s / analysis_s
        ok = ratio <= RATIO_TARGET
        n = stats.articles or len(articles)
        rows = [
            ("ingest (api.add)", f"{len(articles) / add_s:,.0f} articles/s", f"{add_s:.1f}s", "", "info"),
            ("analyze (api.analyze)", f"{len(articles) / analyze_s:,.1f} articles/s", f"{analyze_s:.1f}s", "", "info"),
            ("analysis = ingest + analyze", f"{len(articles) / analysis_s:,.1f} articles/s", f"{analysis_s:.1f}s",
             "", "info"),
            ("report build", f"{n / report_s:,.0f} articles/s", f"{report_s:.1f}s", "", "info"),
            ("ratio report / analysis", f"{ratio:.3f}x", "", f"<= {RATIO_TARGET:g}x", verdict(ok)),
            ("report rebuild (warm)", f"{n / rebuild_s:,.0f} articles/s", f"{rebuild_s:.1f}s",
             f"{rebuild_s / analysis_s:.3f}x analysis", "info"),
            ("report file size", f"{stats.bytes / 1e6:,.1f} MB", "", f"{stats.bytes:,} bytes", "info"),
            ("report bytes per article", f"{stats.bytes / n:,.0f} B", "", f"{n:,} articles", "info"),
        ]
        print(f"\n{len(articles):,} articles, {words:,} words")
        print_table(("measure", "value", "time", "note", "result"), rows)
        if stats2.bytes != stats.bytes:
            print(f"note: the rebuilt report has {stats2.bytes:,} bytes, the first {stats.bytes:,}")
        print(f"\nverdict: {verdict(ok)}: the report took {report_s:.1f}s, {ratio:.3f}x the analysis's "
              f"{analysis_s:.1f}s (target <= {RATIO_TARGET:g}x); {stats.bytes / 1e6:.1f} MB, "
              f"{stats.bytes / n:,.0f} bytes per article")
        if args.keep:
            print(f"kept in {root}: {corpus.name}, {db.name}, {out.name}")
        return 1 if args.check and not ok else 0
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
