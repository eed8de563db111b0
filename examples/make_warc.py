"""Build examples/corpus/archive.warc.gz, the web-archive part of the example corpus.

The archive holds, in this order:

1. a `warcinfo` record (not a page);
2. a `response` record for https://openostrenia.example/robots.txt (text/plain, not a page);
3. a `request` record for the Open Ostrenia explainer (not a page);
4. a `response` record with the Open Ostrenia explainer (HTML, 2025-03-13);
5. a `response` record with the Kadria.Net report on Kadrania's demand for an inquiry (HTML, 2025-03-14).

A reader must return exactly two articles (records 4 and 5) and skip the rest.

The output is byte-for-byte reproducible: record ids and dates are fixed, and warcio compresses
each record with zlib, whose gzip header carries mtime 0. Run from anywhere:

    python examples/make_warc.py
"""
from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUT = Path(__file__).resolve().parent / "corpus" / "archive.warc.gz"

ROBOTS_TXT = """User-agent: *
Disallow: /search
Disallow: /support/checkout
Sitemap: https://openostrenia.example/sitemap.xml
"""

OPEN_OSTRENIA_EXPLAINER = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Velmora or Velmorsk: the divided district behind the chlorine disaster | Open Ostrenia</title>
<meta name="description" content="One town, two names, two districts on two maps: why the argument over the Velmora death toll is also an argument about the border.">
<meta name="author" content="Petr Salo">
<meta property="og:site_name" content="Open Ostrenia">
<meta property="og:type" content="article">
<meta property="og:title" content="Velmora or Velmorsk: the divided district behind the chlorine disaster">
<meta property="og:url" content="https://openostrenia.example/explainers/2025/03/13/velmora-or-velmorsk">
<meta property="article:published_time" content="2025-03-13T16:00:00+00:00">
<meta property="article:section" content="Explainers">
<link rel="canonical" href="https://openostrenia.example/explainers/2025/03/13/velmora-or-velmorsk">
<link rel="stylesheet" href="/assets/css/site.css">
<script async src="https://stats.openostrenia.example/count.js"></script>
</head>
<body class="article-page">
<div id="cookie-consent" class="cookie-banner">
  <p>We use cookies to count readers. We do not sell your data.</p>
  <button type="button">OK</button>
</div>
<header class="masthead">
  <a class="brand" href="/">Open Ostrenia</a>
  <span class="tagline">Independent news since 2016</span>
  <nav class="primary-nav">
    <ul>
      <li><a href="/news/">News</a></li>
      <li><a href="/regions/">Regions</a></li>
      <li><a href="/investigations/">Investigations</a></li>
      <li><a href="/opinion/">Opinion</a></li>
      <li><a href="/support/">Support us</a></li>
    </ul>
  </nav>
</header>
<main class="layout">
  <article class="story">
    <h1>Velmora or Velmorsk: the divided district behind the chlorine disaster</h1>
    <div class="byline">By <a rel="author" href="/authors/petr-salo">Petr Salo</a> &middot; <time datetime="2025-03-13T16:00:00+00:00">13 March 2025, 19:00</time></div>
    <p>Depending on which television channel you watch, Tuesday’s chlorine explosion happened in Velmora, in the Tarnovo district of Ostrenia, or in Velmorsk, in the Ternava district that Kadrania considers its own. It is the same town, on the same bank of the same river.</p>
    <p>The district has been split by a line of control since the ceasefire of 2019. Ostrenia holds the western bank of the Sena, including Velmora; Kadrania holds the villages on the eastern bank. Both governments claim all of it, and both sides’ maps and newsrooms use their own names.</p>
    <p>The railway that runs through the town and over the Sena bridge lost its passenger trains in 2019, but freight still crosses it several times a week. Dravik says the trains carry fuel, grain and chemicals for civilian use. Halvost says they supply Ostrenian army positions near the line.</p>
    <p>“For Kadrania, every train on that bridge is a military train. For Dravik, admitting that anything military crosses it would mean admitting that the ceasefire terms are being stretched,” said Nadia Perl, a researcher at the Dravik Institute for Regional Studies. “That is why the first statement said nothing about soldiers.”</p>
    <p>The ministry’s confirmation on Thursday that five of the seven dead were soldiers has handed Kadrania an argument it has been making for years. It has also left Ostrenian officials explaining why the figure published on the day of the blast said nothing about soldiers.</p>
    <p>In Velmora itself, people tend to use both names without thinking about it. “My grandmother said Velmorsk, my mother says Velmora, my son just says ‘our town’,” said Rustam Adler, who runs a café near the station. “The chlorine did not ask which name we use.”</p>
  </article>
  <aside class="related-stories">
    <h2>Related stories</h2>
    <ul>
      <li><a href="/news/2025/03/12/velmora-hospital-six-dead">Velmora hospital counts six dead, more than 40 injured — above official toll</a></li>
      <li><a href="/explainers/2024/06/line-of-control-five-years-on">The line of control, five years on</a></li>
    </ul>
  </aside>
</main>
<footer class="site-footer">
  <nav><a href="/about/">About</a> | <a href="/contacts/">Contacts</a> | <a href="/privacy/">Privacy</a></nav>
  <p>&copy; 2025 Open Ostrenia. All rights reserved.</p>
</footer>
</body>
</html>
"""

KADRIA_NET_INQUIRY = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<title>Kadrania demands international inquiry into Velmorsk blast | Kadria.Net</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="description" content="Foreign Minister Alina Reszek says Kadrania cannot accept an investigation in which Ostrenia examines itself.">
<meta name="author" content="Emir Talo">
<meta property="og:site_name" content="Kadria.Net">
<meta property="og:type" content="article">
<meta property="og:title" content="Kadrania demands international inquiry into Velmorsk blast">
<meta property="og:url" content="https://kadria-net.example/en/news/2025-03-14/kadrania-demands-inquiry">
<meta property="article:published_time" content="2025-03-14T09:40:00+00:00">
<meta property="article:section" content="Politics">
<link rel="canonical" href="https://kadria-net.example/en/news/2025-03-14/kadrania-demands-inquiry">
<link rel="stylesheet" href="/css/kn.css?v=31">
</head>
<body>
<header id="top">
 <div class="logo"><a href="/en/">Kadria.Net</a></div>
 <ul class="lang"><li><a href="/en/">EN</a></li><li><a href="/ru/">RU</a></li></ul>
 <nav id="menu">
  <ul>
   <li><a href="/en/politics/">Politics</a></li>
   <li><a href="/en/ternava/">Ternava</a></li>
   <li><a href="/en/region/">Region</a></li>
   <li><a href="/en/society/">Society</a></li>
   <li><a href="/en/sport/">Sport</a></li>
  </ul>
 </nav>
</header>
<div class="page">
 <article id="news-item">
  <h1>Kadrania demands international inquiry into Velmorsk blast</h1>
  <div class="info"><span class="date">14 March 2025, 12:40</span> <span class="writer">Emir Talo</span></div>
  <p>Kadrania will ask neighbouring states and international organisations to back an independent investigation into Tuesday’s chlorine explosion near Velmorsk, Foreign Minister Alina Reszek said on Friday.</p>
  <p>«Seven people are dead, five of them soldiers, on a railway that Dravik swore was purely civilian. We cannot accept an investigation in which Ostrenia examines itself,» Reszek told reporters in Halvost.</p>
  <p>She said Kadranian chemical experts were ready to travel to the site «tomorrow, or today if Dravik agrees», and that Kadrania would share the results of its own water and soil tests from the eastern bank of the Sena.</p>
  <p>In a statement released after the briefing, the Foreign Ministry said that at least 15 residents of Ternava had needed medical treatment and that farmers on the eastern bank had lost livestock to the gas.</p>
  <p>Dravik has so far rejected any outside involvement. Ostrenia’s Emergency Ministry said on Thursday that the government commission led by Minister Oren Falk had full access to the site and would publish its findings.</p>
  <p>The Ostrenian opposition movement New Ostrenia, which says at least a dozen people died, has called for the commission’s hearings to be open to the public.</p>
  <p>Kadranian border units have remained on heightened alert since Tuesday.</p>
 </article>
 <aside class="related">
  <h2>Related stories</h2>
  <ul>
   <li><a href="/en/news/2025-03-13/ternava-villages-chlorine">Chlorine cloud reached Ternava villages: at least 15 treated</a></li>
   <li><a href="/en/news/2025-03-12/velmorsk-residents-demand-answers">Velmorsk residents demand answers after chlorine blast</a></li>
  </ul>
 </aside>
</div>
<footer>
 <p>Kadria.Net &mdash; news from Kadrania and Ternava. Halvost.</p>
 <p>&copy; 2025 Kadria.Net. Reproduction only with an active hyperlink.</p>
</footer>
</body>
</html>
"""


def _http(content_type: str, body: bytes, date: str) -> StatusAndHeaders:
    return StatusAndHeaders("200 OK", [
        ("Content-Type", content_type),
        ("Content-Length", str(len(body))),
        ("Date", date),
        ("Server", "nginx"),
    ], protocol="HTTP/1.1")


def _ids(n: int) -> str:
    return f"<urn:uuid:00000000-0000-4000-8000-{n:012d}>"


def build(out: Path = OUT) -> Path:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)

    info = (b"software: corroborate examples/make_warc.py (warcio)\r\n"
            b"format: WARC File Format 1.0\r\n"
            b"description: Example corpus for corroborate - fictional coverage of the Velmora derailment\r\n")
    writer.write_record(writer.create_warc_record(
        "", "warcinfo", payload=io.BytesIO(info), length=len(info),
        warc_content_type="application/warc-fields",
        warc_headers_dict={"WARC-Record-ID": _ids(1), "WARC-Date": "2025-03-14T18:00:00Z",
                           "WARC-Filename": "archive.warc.gz"}))

    robots = ROBOTS_TXT.encode("utf-8")
    writer.write_record(writer.create_warc_record(
        "https://openostrenia.example/robots.txt", "response", payload=io.BytesIO(robots),
        http_headers=_http("text/plain; charset=utf-8", robots, "Thu, 13 Mar 2025 18:00:00 GMT"),
        warc_headers_dict={"WARC-Record-ID": _ids(2), "WARC-Date": "2025-03-13T18:00:00Z"}))

    explainer_url = "https://openostrenia.example/explainers/2025/03/13/velmora-or-velmorsk"
    request = StatusAndHeaders("GET /explainers/2025/03/13/velmora-or-velmorsk HTTP/1.1", [
        ("Host", "openostrenia.example"),
        ("User-Agent", "corroborate-example-crawler/0.1"),
        ("Accept", "text/html"),
    ], is_http_request=True)
    writer.write_record(writer.create_warc_record(
        explainer_url, "request", payload=io.BytesIO(b""), length=0, http_headers=request,
        warc_headers_dict={"WARC-Record-ID": _ids(3), "WARC-Date": "2025-03-13T18:00:01Z",
                           "WARC-Concurrent-To": _ids(4)}))

    page = OPEN_OSTRENIA_EXPLAINER.encode("utf-8")
    writer.write_record(writer.create_warc_record(
        explainer_url, "response", payload=io.BytesIO(page),
        http_headers=_http("text/html; charset=utf-8", page, "Thu, 13 Mar 2025 18:00:01 GMT"),
        warc_headers_dict={"WARC-Record-ID": _ids(4), "WARC-Date": "2025-03-13T18:00:01Z"}))

    page = KADRIA_NET_INQUIRY.encode("utf-8")
    writer.write_record(writer.create_warc_record(
        "https://kadria-net.example/en/news/2025-03-14/kadrania-demands-inquiry", "response",
        payload=io.BytesIO(page),
        http_headers=_http("text/html; charset=UTF-8", page, "Fri, 14 Mar 2025 17:30:00 GMT"),
        warc_headers_dict={"WARC-Record-ID": _ids(5), "WARC-Date": "2025-03-14T17:30:00Z"}))

    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(buf.getvalue())
    return out


if __name__ == "__main__":
    path = build()
    print(f"wrote {path} ({path.stat().st_size} bytes)")
