"""Ingest throughput of `corroborate add`, measured against the cheapest honest baseline per format.

Run:  python benchmarks/ingest.py [--n 2000] [--repeat 3] [--formats txt,jsonl,html] [--check]
                                  [--breakdown]

What it does, in one process and one run:

1. Generates synthetic corpora in a temporary folder from a fixed seed (the same files every run):
   N distinct articles of 300-700 words of pseudo-English built from word lists on several topics
   (economy, health, sport, climate, technology, politics), so that language detection says "en"
   while no two articles share a text. They are written as
     - N .txt files shaped like scraped news: ` date YYYY-MM-DD <headline>`, a blank line, sometimes a
       `By Name Surname Month D, YYYY` byline, then paragraphs separated by blank lines;
     - one .jsonl file with N objects {id, url, title, outlet, author, published, text};
     - N/4 .html pages with a realistic shape: <head> with <title>, meta author, og:site_name,
       article:published_time and a canonical link; a nav bar; an <article> of <p>s; an aside of
       related links; a footer.

2. Times a baseline for each format on the same files:
     - txt:   read every file's bytes, hashlib.sha256 them, decode as UTF-8. This is the least any
              tool must do to load text files and recognise repeats, in plain Python.
     - jsonl: read the file, json.loads every line, sha256 every text. Same idea for JSON Lines.
     - html:  trafilatura.bare_extraction alone on every page (pages already in memory), with the
              arguments corroborate uses. For HTML the extraction is the expensive, unavoidable
              part, so corroborate should cost little beyond it.
   The txt/jsonl baselines do no parsing, language detection or storage, so corroborate is allowed
   to be up to 5x slower than them; for html it may add at most 50% to trafilatura's time.

3. Times `corroborate.api.add` on the txt folder, on the jsonl file and on the html folder, each into
   a fresh DuckDB file, with time.perf_counter. That is the whole command as a user runs it: opening
   and creating the store, reading, decoding, header parsing, language detection, content hashing
   and the batched DuckDB writes.

Each baseline and its corroborate run are measured back to back, --repeat times (default 3), and
the best (minimum) time of each is kept, because the machine is noisy and the minimum is the run
least disturbed by other work. The files were just written, so both sides read them from the page
cache. One-time costs are paid before any timing: corroborate, trafilatura and the language model
are imported and loaded, and api.add runs once on a tiny corpus of every format.

Output: a table of articles/s for baseline and corroborate and their ratio, which is how many times
slower corroborate is (corroborate time / baseline time = baseline articles/s / corroborate
articles/s), with the target and PASS/FAIL, and the peak RSS of the process. The exit status is 0
(this is a report); with --check it is 1 when a target fails or corroborate did not store every
article exactly once.

With --breakdown, txt and jsonl ingest are timed again (best of --repeat) with language
identification replaced by a constant and, separately, with the store writes left out, and an
empty store is opened and closed; the differences say what each part costs per article and as a
multiple of the baseline, i.e. how far below the target the rest would have to go. This is a
diagnostic that swaps internals of corroborate.ingest for the time of those runs.
"""
from __future__ import annotations

import argparse
import gc
import hashlib
import html
import json
import random
import resource
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

# Imported before any timing, so import cost is never measured.
import duckdb
import trafilatura

from corroborate import api
from corroborate.ingest.language import detect_language
from corroborate.settings import load_settings

TARGETS = {"txt": 5.0, "jsonl": 5.0, "html": 1.5}  # max allowed corroborate time / baseline time
BASELINES = {"txt": "read+sha256+decode", "jsonl": "json.loads+sha256", "html": "trafilatura only"}
FORMATS = ("txt", "jsonl", "html")

# The exact call corroborate makes in src/corroborate/ingest/html.py (url is None for files).
TRAFILATURA_ARGS = dict(url=None, with_metadata=True, include_comments=False, include_tables=True,
                        deduplicate=False)


# --------------------------------------------------------------------------------------------------
# Synthetic corpus
# --------------------------------------------------------------------------------------------------

TOPICS = {
    "economy": dict(
        nouns="budget economy market bank inflation rate investor export factory price wage "
              "company tax debt loan currency growth sector retailer supplier contract".split(),
        roles=["economist", "analyst", "finance minister", "central banker", "chief executive"],
        adjs="fiscal monetary quarterly annual sharp modest steady cautious global domestic".split()),
    "health": dict(
        nouns="hospital patient doctor nurse vaccine clinic treatment virus outbreak medicine "
              "ward trial symptom disease surgeon pharmacy infection diagnosis".split(),
        roles=["health minister", "epidemiologist", "doctor", "hospital director", "nurse"],
        adjs="medical clinical public rural chronic severe mild preventive regional urgent".split()),
    "sport": dict(
        nouns="team match player coach season league goal stadium striker referee title fan "
              "final tournament club contract injury defender".split(),
        roles=["head coach", "captain", "club president", "striker", "team manager"],
        adjs="decisive dramatic home away early late narrow comfortable young experienced".split()),
    "climate": dict(
        nouns="storm flood drought river forest temperature emission harbour coast farmer crop "
              "rainfall glacier wildfire dam reservoir heatwave".split(),
        roles=["meteorologist", "climate scientist", "environment minister", "engineer"],
        adjs="extreme heavy dry coastal northern southern seasonal record unusual warm".split()),
    "technology": dict(
        nouns="software network device chip startup platform server satellite battery robot "
              "engineer app update data algorithm laboratory patent".split(),
        roles=["software engineer", "founder", "researcher", "chief technology officer"],
        adjs="digital mobile secure open faster cheaper new experimental wireless automated".split()),
    "politics": dict(
        nouns="parliament election minister party vote coalition reform law senator campaign "
              "government opposition court mayor council treaty delegation".split(),
        roles=["opposition leader", "prime minister", "spokesperson", "senator", "mayor"],
        adjs="national local constitutional provisional key controversial historic bitter early "
             "formal".split()),
}
VERBS = [("announce", "announced"), ("approve", "approved"), ("reject", "rejected"),
         ("expand", "expanded"), ("review", "reviewed"), ("support", "supported"),
         ("delay", "delayed"), ("improve", "improved"), ("reduce", "reduced"), ("confirm", "confirmed"),
         ("question", "questioned"), ("cut", "cut"), ("raise", "raised"), ("protect", "protected"),
         ("warn", "warned"), ("open", "opened"), ("close", "closed"), ("change", "changed")]
ADVERBS = "quickly slowly carefully openly sharply quietly firmly again soon later".split()
PLACES = ("London Paris Berlin Madrid Lisbon Dublin Warsaw Vienna Prague Athens Oslo Helsinki "
          "Toronto Chicago Boston Denver Sydney Auckland Nairobi Lagos Cairo Mumbai Manila").split()
TIMES = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "this week",
         "last month", "earlier this year", "in the coming weeks", "next year", "by the end of the year"]
FIRST = ("Anna James Maria David Laura Peter Sofia Daniel Elena Thomas Grace Samuel Clara Martin "
         "Nadia Oliver Irene Lucas Helen Adam").split()
LAST = ("Smith Johnson Brown Garcia Miller Davis Wilson Taylor Clarke Walker Young Turner Hughes "
        "Parker Evans Collins Stewart Morris Reed Bennett").split()
OUTLETS = [("Daily Ledger", "dailyledger.example"), ("Morning Wire", "morningwire.example"),
           ("The Observer Post", "observerpost.example"), ("City Herald", "cityherald.example"),
           ("Northern Times", "northerntimes.example"), ("Global Report", "globalreport.example")]
ORGS = ["the ministry", "the national statistics office", "the city council", "the regional authority",
        "the central bank", "the university", "the industry association", "the trade union"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

TEMPLATES = [
    "The {adj} {noun} {past} the {noun2} in {place} {time}.",
    "{name}, a {role} in {place}, said the {noun} would {verb} the {noun2} {time}.",
    "According to {org}, {num} {noun2}s were {past} after the {adj} {noun} {time}.",
    "Officials said that the {noun} had {past} {adv} and that the {noun2} was not yet {adj}.",
    "\"We will {verb} the {noun} because it is important for every {noun2},\" {name} told reporters.",
    "It was the first time since {year} that {org} {past} a {adj} {noun} of this size.",
    "Critics argued that the {noun} could {verb} the {noun2}, but supporters {past} the plan.",
    "There is no doubt that the {noun} will {verb} the way people think about the {noun2}.",
    "In a statement, {org} {past} the {adj} {noun} and asked for more time to {verb} it.",
    "The {noun2} in {place} has {past} by {num} percent, which is more than most people expected.",
    "{name} said on the phone that the {noun} was {adj} and that nobody wanted to {verb} it {adv}.",
    "Some of them have been waiting for months, and they say the {noun} should be {past} {time}.",
]


def _date_text(d: date) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


@dataclass
class Doc:
    id: str
    title: str
    author: str
    outlet: str
    domain: str
    published: date
    paragraphs: list[str]
    byline: bool

    @property
    def url(self) -> str:
        slug = "-".join(self.title.lower().split()[:8])
        return f"https://www.{self.domain}/news/{self.published:%Y/%m/%d}/{slug}-{self.id}"

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def make_doc(rng: random.Random, i: int) -> Doc:
    """One article: a topic, a headline, 300-700 words of sentences in paragraphs of 2-6."""
    topic_name = rng.choice(sorted(TOPICS))
    topic = TOPICS[topic_name]
    other = TOPICS[rng.choice(sorted(TOPICS))]  # a second topic, so vocabularies overlap and vary
    nouns = topic["nouns"] * 3 + other["nouns"]
    adjs = topic["adjs"] * 3 + other["adjs"]

    def fill(template: str) -> str:
        verb, past = rng.choice(VERBS)
        return template.format(
            adj=rng.choice(adjs), noun=rng.choice(nouns), noun2=rng.choice(nouns), past=past, verb=verb,
            place=rng.choice(PLACES), time=rng.choice(TIMES), role=rng.choice(topic["roles"]),
            name=f"{rng.choice(FIRST)} {rng.choice(LAST)}", org=rng.choice(ORGS),
            num=rng.randint(2, 950), adv=rng.choice(ADVERBS), year=rng.randint(1990, 2023))

    target = rng.randint(300, 700)
    paragraphs: list[str] = []
    words = 0
    while words < target:
        sentences = [fill(rng.choice(TEMPLATES)) for _ in range(rng.randint(2, 6))]
        if not paragraphs and rng.random() < 0.3:  # a dateline opening the body now and then
            sentences[0] = f"{rng.choice(PLACES).upper()} - {sentences[0]}"
        para = " ".join(sentences)
        paragraphs.append(para)
        words += len(para.split())
    verb, past = rng.choice(VERBS)
    title = (f"{rng.choice(topic['adjs']).capitalize()} {rng.choice(topic['nouns'])} {past} as "
             f"{rng.choice(PLACES)} {rng.choice(topic['nouns'])} faces {rng.choice(other['nouns'])} "
             f"questions")
    outlet, domain = rng.choice(OUTLETS)
    published = date(2025, 1, 1) + timedelta(days=rng.randint(0, 364))
    return Doc(id=f"a{i:06d}", title=title, author=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
               outlet=outlet, domain=domain, published=published, paragraphs=paragraphs,
               byline=rng.random() < 0.4)


def txt_file(doc: Doc) -> str:
    lines = [f" date {doc.published.isoformat()} {doc.title}", ""]
    if doc.byline:
        lines += [f"By {doc.author} {_date_text(doc.published)}", ""]
    return "\n".join(lines) + doc.text + "\n"


def jsonl_line(doc: Doc) -> str:
    return json.dumps({"id": doc.id, "url": doc.url, "title": doc.title, "outlet": doc.outlet,
                       "author": doc.author, "published": doc.published.isoformat(), "text": doc.text},
                      ensure_ascii=False)


def html_page(doc: Doc, rng: random.Random) -> str:
    e = html.escape
    sections = ["World", "Politics", "Business", "Health", "Sport", "Science", "Climate", "Opinion"]
    nav = "\n".join(f'      <li><a href="/{s.lower()}">{s}</a></li>' for s in sections)
    related = "\n".join(
        f'      <li><a href="/news/{rng.randint(1000, 9999)}">{e(rng.choice(PLACES))} '
        f'{e(rng.choice(TOPICS[rng.choice(sorted(TOPICS))]["nouns"]))} update</a></li>'
        for _ in range(4))
    paragraphs = "\n".join(f"      <p>{e(p)}</p>" for p in doc.paragraphs)
    stamp = f"{doc.published.isoformat()}T{rng.randint(6, 21):02d}:{rng.randint(0, 59):02d}:00+00:00"
    description = e(doc.paragraphs[0].split(". ")[0])
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{e(doc.title)} | {e(doc.outlet)}</title>
  <meta name="description" content="{description}">
  <meta name="author" content="{e(doc.author)}">
  <meta property="og:site_name" content="{e(doc.outlet)}">
  <meta property="og:title" content="{e(doc.title)}">
  <meta property="og:type" content="article">
  <meta property="og:url" content="{doc.url}">
  <meta property="article:published_time" content="{stamp}">
  <link rel="canonical" href="{doc.url}">
  <link rel="stylesheet" href="/static/css/site.css">
  <script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"page": "article"}});</script>
</head>
<body class="article-page">
  <header class="site-header">
    <a class="logo" href="/">{e(doc.outlet)}</a>
    <nav class="main-nav" aria-label="Sections">
      <ul>
{nav}
      </ul>
    </nav>
    <form class="search" action="/search"><input type="search" name="q" placeholder="Search"></form>
  </header>
  <main>
    <article class="story">
      <h1 class="headline">{e(doc.title)}</h1>
      <div class="byline">By <a rel="author" href="/authors/{doc.author.lower().replace(' ', '-')}">{e(doc.author)}</a>
        <time datetime="{stamp}">{_date_text(doc.published)}</time></div>
      <figure><img src="/img/{doc.id}.jpg" alt="{e(doc.title)}"><figcaption>File photo.</figcaption></figure>
{paragraphs}
      <div class="share">Share this article: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">Email</a></div>
    </article>
    <aside class="related">
      <h2>Related stories</h2>
      <ul>
{related}
      </ul>
    </aside>
  </main>
  <footer class="site-footer">
    <p>&copy; 2025 {e(doc.outlet)}. All rights reserved.</p>
    <ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy</a></li><li><a href="/contact">Contact</a></li></ul>
  </footer>
</body>
</html>
"""


def write_corpus(root: Path, n: int, seed: int, formats: list[str]) -> dict[str, tuple[Path, int]]:
    """Write the corpora; returns {format: (path to pass to api.add, number of articles)}."""
    rng = random.Random(seed)
    docs = [make_doc(rng, i) for i in range(n)]
    out: dict[str, tuple[Path, int]] = {}
    if "txt" in formats:
        folder = root / "txt"
        folder.mkdir(parents=True)
        for doc in docs:
            (folder / f"{doc.id}.txt").write_text(txt_file(doc), encoding="utf-8")
        out["txt"] = (folder, n)
    if "jsonl" in formats:
        (root / "jsonl").mkdir(parents=True)
        path = root / "jsonl" / "articles.jsonl"
        path.write_text("".join(jsonl_line(d) + "\n" for d in docs), encoding="utf-8")
        out["jsonl"] = (path, n)
    if "html" in formats:
        folder = root / "html"
        folder.mkdir(parents=True)
        page_rng = random.Random(seed + 1)
        n_html = max(1, n // 4)
        for doc in docs[:n_html]:
            (folder / f"{doc.id}.html").write_text(html_page(doc, page_rng), encoding="utf-8")
        out["html"] = (folder, n_html)
    return out


# --------------------------------------------------------------------------------------------------
# Baselines: each returns how many articles it handled
# --------------------------------------------------------------------------------------------------

def baseline_txt(folder: Path) -> int:
    count = 0
    for path in sorted(folder.iterdir()):
        data = path.read_bytes()
        hashlib.sha256(data).hexdigest()
        data.decode("utf-8")
        count += 1
    return count


def baseline_jsonl(path: Path) -> int:
    count = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                obj = json.loads(line)
                hashlib.sha256(obj["text"].encode("utf-8")).hexdigest()
                count += 1
    return count


def baseline_html(pages: list[str]) -> int:
    count = 0
    for page in pages:
        if trafilatura.bare_extraction(page, **TRAFILATURA_ARGS) is not None:
            count += 1
    return count


# --------------------------------------------------------------------------------------------------
# Measurement
# --------------------------------------------------------------------------------------------------

def timed(fn, *args):
    gc.collect()
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


def check_store(db: Path, report, expected: int) -> list[str]:
    """Problems with one corroborate run: articles not stored once each, or not detected as English."""
    problems = []
    if report.added != expected or report.duplicates or report.skips:
        problems.append(f"added {report.added} of {expected}, {report.duplicates} duplicates, "
                        f"{len(report.skips)} skipped"
                        + (f" (first: {report.skips[0].message()})" if report.skips else ""))
    con = duckdb.connect(str(db), read_only=True)
    try:
        langs = dict(con.execute("SELECT coalesce(language, '?'), count(*) FROM documents GROUP BY 1")
                     .fetchall())
    finally:
        con.close()
    if set(langs) != {"en"}:
        problems.append(f"languages detected: {langs}")
    return problems


def breakdown(path: Path, root: Path, settings, repeat: int, t_full: float) -> dict[str, float]:
    """Seconds each part of one `api.add` run costs (see --breakdown in the module docstring)."""
    import corroborate.ingest as ingest
    from corroborate.store import Store

    root.mkdir(parents=True, exist_ok=True)

    def best_add(label: str) -> float:
        times = []
        for r in range(repeat):
            db = root / f"{label}-{r}.duckdb"
            times.append(timed(api.add, [str(path)], db, settings)[0])
            db.unlink()
        return min(times)

    def no_writes(writer) -> None:  # drop the batch instead of writing it
        for name in ("batch", "normals", "finished_files"):
            if hasattr(writer, name):
                setattr(writer, name, [])

    real_detect, real_flush = ingest.detect_language, ingest._Writer.flush
    try:
        ingest.detect_language = lambda text, sample_chars=500: "en"
        t_no_language = best_add("no-language")
    finally:
        ingest.detect_language = real_detect
    try:
        ingest._Writer.flush = no_writes
        t_no_writes = best_add("no-writes")
    finally:
        ingest._Writer.flush = real_flush
    t_open_close = min(timed(lambda p: Store(p).close(), root / f"empty-{r}.duckdb")[0]
                       for r in range(repeat))
    parts = {"language identification (fastText)": t_full - t_no_language,
             "store writes (inserts, commits, checkpoint)": t_full - t_no_writes,
             "store open + close (empty store)": t_open_close}
    parts["everything else (walk, read, decode, parse, hash)"] = t_full - sum(parts.values())
    return parts


def warm_up(root: Path, settings) -> None:
    """Pay every one-time cost (model loading, lazy imports, DuckDB start-up) before timing."""
    detect_language("The government said on Monday that the new budget would support hospitals, "
                    "schools and small companies across the country during the coming year.")
    corpus = write_corpus(root / "corpus", 4, seed=12345, formats=list(FORMATS))
    trafilatura.bare_extraction(next((corpus["html"][0]).iterdir()).read_text(encoding="utf-8"),
                                **TRAFILATURA_ARGS)
    for fmt, (path, _) in corpus.items():
        api.add([str(path)], db=root / f"warmup-{fmt}.duckdb", settings=settings)


def peak_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024  # bytes on macOS, KiB on Linux


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="articles per corpus (html gets n/4)")
    parser.add_argument("--repeat", type=int, default=3, help="measurements per side; the best is kept")
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated: txt,jsonl,html")
    parser.add_argument("--seed", type=int, default=20250312, help="seed of the synthetic corpus")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target fails")
    parser.add_argument("--breakdown", action="store_true",
                        help="also time txt and jsonl without language ID and without store writes")
    args = parser.parse_args(argv)
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        parser.error(f"unknown format(s) {', '.join(unknown) or '(none)'}; choose from {', '.join(FORMATS)}")
    if args.n < 1 or args.repeat < 1:
        parser.error("--n and --repeat must be at least 1")

    settings = load_settings()
    with tempfile.TemporaryDirectory(prefix="corroborate-bench-") as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        corpus = write_corpus(root / "corpus", args.n, args.seed, formats)
        print(f"corpus: {', '.join(f'{n} {fmt}' for fmt, (_, n) in corpus.items())} articles "
              f"written in {time.perf_counter() - t0:.1f}s (seed {args.seed})")
        warm_up(root / "warmup", settings)
        html_pages = ([p.read_text(encoding="utf-8") for p in sorted(corpus["html"][0].iterdir())]
                      if "html" in corpus else [])

        best: dict[str, dict[str, float]] = {f: {"baseline": float("inf"), "corroborate": float("inf")}
                                             for f in formats}
        problems: dict[str, list[str]] = {f: [] for f in formats}
        for r in range(1, args.repeat + 1):
            for fmt in formats:
                path, expected = corpus[fmt]
                if fmt == "txt":
                    t_base, handled = timed(baseline_txt, path)
                elif fmt == "jsonl":
                    t_base, handled = timed(baseline_jsonl, path)
                else:
                    t_base, handled = timed(baseline_html, html_pages)
                if handled != expected:
                    problems[fmt].append(f"baseline handled {handled} of {expected}")
                db = root / "stores" / f"{fmt}-{r}.duckdb"
                db.parent.mkdir(exist_ok=True)
                t_corr, report = timed(api.add, [str(path)], db, settings)
                if r == 1:
                    problems[fmt] += check_store(db, report, expected)
                db.unlink()
                best[fmt]["baseline"] = min(best[fmt]["baseline"], t_base)
                best[fmt]["corroborate"] = min(best[fmt]["corroborate"], t_corr)
                print(f"  run {r}/{args.repeat} {fmt:5}: baseline {t_base:8.3f}s   "
                      f"corroborate {t_corr:8.3f}s   ({t_corr / t_base:.2f}x)", flush=True)
        parts = {fmt: breakdown(corpus[fmt][0], root / "breakdown" / fmt, settings, args.repeat,
                                best[fmt]["corroborate"])
                 for fmt in formats if args.breakdown and fmt in ("txt", "jsonl")}

    header = ("format", "articles", "baseline", "baseline art/s", "corroborate art/s", "ratio",
              "target", "result")
    rows, failed = [], False
    for fmt in formats:
        n = corpus[fmt][1]
        t_base, t_corr = best[fmt]["baseline"], best[fmt]["corroborate"]
        ratio = t_corr / t_base
        ok = ratio <= TARGETS[fmt] and not problems[fmt]
        failed |= not ok
        rows.append((fmt, str(n), BASELINES[fmt], f"{n / t_base:,.0f}", f"{n / t_corr:,.0f}",
                     f"{ratio:.2f}x", f"<= {TARGETS[fmt]:g}x", "PASS" if ok else "FAIL"))
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(header)]
    print()
    print(f"best of {args.repeat} runs; ratio = corroborate time / baseline time (how many times slower)")
    for line in (header, tuple("-" * w for w in widths), *rows):
        print("  ".join(cell.ljust(w) if i < 3 else cell.rjust(w) for i, (cell, w) in
                        enumerate(zip(line, widths))))
    for fmt in formats:
        for problem in problems[fmt]:
            print(f"problem ({fmt}): {problem}")
    if parts:
        print("\nwhere the time goes (differences of best-of runs, so roughly): per article, and as a "
              "multiple of the baseline time")
        for fmt, costs in parts.items():
            n, t_base = corpus[fmt][1], best[fmt]["baseline"]
            for name, t in [*costs.items(), ("total", best[fmt]["corroborate"])]:
                print(f"  {fmt:5}  {name:50}  {t / n * 1e6:7.1f} us  {t / t_base:6.2f}x")
    print(f"\npeak RSS: {peak_rss_mb():.0f} MB")
    return 1 if (args.check and failed) else 0


if __name__ == "__main__":
    sys.exit(main())
