"""Outlets: which name an article's outlet really is, and the site a URL belongs to.

An article's outlet comes from what names it, in this order (`settle_outlet`):

1. a metadata file the user keeps beside the scrapes (`--meta`, or a `manifest.csv` found beside
   the files; see `meta.py`): the user's own word, taken as written;
2. an outlet field given with the article (JSON Lines / CSV `outlet`, `source`, `site`, ...);
3. the page's own site name (HTML `og:site_name` and the like), when it is a name (`is_site_name`);
4. the site of the article's URL (given, canonical link, WARC target): its registrable domain,
   `english.ahram.org.eg` -> `ahram.org.eg`, so that every section and edition of one site is one
   outlet. The public suffix list decides where the registrable part starts (`bbc.co.uk`, and
   `name.blogspot.com` for hosting services that give each customer a subdomain); it is the
   snapshot the `tld` package ships, read offline;
5. last, what the text itself says at its foot or in its dateline: a sign-off line of its own
   (`News.Az`, `Ostrenia Today`) or a wire tag (`MOSCOW, June 6. /TASS/.`), and only when the line
   has the shape of an outlet name (`is_sign_off_name`).

Nothing else is guessed: an article nothing names keeps outlet None ("unknown"), and every later
stage counts each such article as an outlet of its own, never all of them as one.

Page furniture must never become an outlet. Scraped text ends in "Most Popular", "Facebook
Comments", "Leave a Reply", an editor's byline ("Editör: Ahmet Yavuz"), a caption word; site-name
metadata can hold a section title or a slogan. `is_site_name` rejects candidates that are labelled
lines (a colon), sentences (lowercase words other than name particles, a closing full stop), or
carry a furniture word in one of the common languages of news sites. A sign-off line must pass
that and also look like an outlet rather than a person: a domain (`News.Az`), an acronym (`TASS`),
a name with a newspaper word (`... Times`, `... Press`, `... Pravda`) or opening with an article
(`The ...`, `Le ...`). Two or three capitalised words without any of these are read as a person's
name and left alone. The vocabulary is general (what news-site furniture and outlet names are made
of), not the names of any corpus.
"""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import unquote, urlsplit

# Words that name page furniture rather than a publisher, in the languages news sites are most
# often written in. A candidate holding one of them (as a whole word, case-folded) is furniture.
_FURNITURE = frozenset("""
comment comments commenting commenti commentaires commentaire comentarios comentario comentários
comentário kommentare kommentar reacties reactie komentar komentarze yorum yorumlar yorumlarý
комментарии комментарий комментариев коментарі коментар коментарів تعليقات تعليق
share shares sharing partager partagez compartir comparte compartilhar compartilhe teilen condividi
delen bagikan udostępnij paylaş paylas поделиться поділитися شارك مشاركة
popular populaires populaire populares popolari beliebt beliebteste meistgelesen populair populer
popularne popüler популярное популярные популярні популярне الأكثر
subscribe subscribed subscription subscriptions subscribers newsletter newsletters unsubscribe
abonnez abonnement abonnieren abonniere suscríbete suscribete suscripción assine assinatura
iscriviti abone abonelik подписаться подписка підписатися підписка اشترك اشتراك
related relacionadas relacionados relacionada relacionado connexes similaires ähnliche verwandte
correlati gerelateerd terkait ilgili benzer похожие похожее схожі مقالات
advertisement advertisements advertising advert adverts ads sponsored sponsor publicité publicite
publicidad publicidade werbung anzeige pubblicità advertentie iklan reklama reklam реклама
реклами إعلان اعلان
menu navigation nav breadcrumb sidebar footer header widget cookie cookies privacy copyright
read reading lire leer leia lesen leggi lees baca czytaj oku okuyun devamı читать читайте
читати читайте اقرأ
login logout signin signup sign register follow followers tweet tweets retweet print email
e-mail mail-to search home homepage contact contacts reply replies leave click tap loading
continue continued skip toggle close expand collapse download app apps
trending latest recent previous prev
tags tag tagged category categories
editor editors editör editörü editörler redaktör redakteur redaktion redacción redação redazione
éditeur editeur editora editorial editorials редактор редакция редактора محرر تحرير
author authors autor autore auteur yazar yazarı автор автора кореспондент корреспондент
writer writers reporter reporters muhabir correspondent correspondents contributor contributors
photo photos photograph photography foto fotos fotoğraf фото صور video videos vidéo vídeo видео
caption credit credits image images
facebook twitter instagram telegram youtube whatsapp linkedin pinterest reddit tiktok snapchat
vk vkontakte viber
weather horoscope horoscopes forecast
""".split())

# Furniture of several words, each of them harmless alone ("most read", "see also").
_FURNITURE_PHRASES = ("most read", "most viewed", "most shared", "see also", "also read", "read also",
                      "top stories", "more news", "more stories", "latest news", "breaking news",
                      "you may also like", "you might also like", "don't miss", "do not miss",
                      "all rights", "rights reserved", "terms of use", "terms of service",
                      "lire aussi", "voir aussi", "à lire", "lea también", "leia também", "leia mais",
                      "mehr zum thema", "auch interessant", "leggi anche", "lees ook", "baca juga",
                      "читайте также", "читайте також", "смотрите также", "اقرأ أيضا", "اقرأ ايضا")

# Lowercase words a name may hold ("Voice of America", "Corriere della Sera"); any other
# lowercase word makes the candidate a phrase or sentence, not a name.
_PARTICLES = frozenset("""
of the and for on in at to a an & de la le les du des del della delle dei di da das der die den
dem het van von und y e et i o och og og el al ul la los las lo il gli do dos na no em
""".split())

# Words outlet names are made of ("... Times", "... Press", "... Pravda"), in several languages:
# a multi-word sign-off with one of them is an outlet, not a person.
_MEDIA_WORDS = frozenset("""
news newsroom times post daily dailies weekly press presse prensa imprensa stampa agency agence
agencia agência agenzia agentur ajans ajansı tv television télévision televisión televisão
televizyon radio rádio радио online journal journals herald gazette gazeta gazete gazzetta
gazzette tribune telegraph telegraaf observer chronicle chronicles review magazine magazin
media network broadcasting broadcast today monitor express mail star sun guardian independent
wire courier courrier kurier kurir standard nation insider digest bulletin dispatch informer
report reports zeitung zeitungen nachrichten noticias notícias notizie nouvelles novosti новости
известия вести ведомости газета правда pravda izvestia vesti haber haberler hürriyet
diario diário periódico periodico quotidien quotidiano giornale corriere krant dagblad
dziennik wiadomości tidende tidning avis channel kanal канал info inform informer sentinel
examiner gazet voice voz voix leader mirror record register globe world pulse hub
""".split())

# Articles that open outlet names ("The Hindu", "Le Monde", "Die Zeit"), rarely a person's name.
_ARTICLES = frozenset("the le la les el los las il lo der die das het".split())

_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
_LETTER = re.compile(r"[^\W\d_]")
_DOMAIN_LIKE = re.compile(r"[^\W_]\.[^\W\d_]{2,}\b")  # News.Az, ukrinform.net
_SENTENCE_END = frozenset(".!?;,:…")


def _words(name: str) -> list[str]:
    return _WORD.findall(name)


def _is_acronym(word: str) -> bool:
    """TASS, AFP, RIA: two to six capitals (scripts without case have no acronyms this way)."""
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()


def _furniture(name: str) -> bool:
    folded = " ".join(name.casefold().split())
    if any(w.casefold().strip(".'’-") in _FURNITURE for w in _words(name)):
        return True
    return any(re.search(r"(?<!\w)" + re.escape(p) + r"(?!\w)", folded) for p in _FURNITURE_PHRASES)


def is_site_name(name: str | None, title: str | None = None) -> bool:
    """True when `name` (a site name from page metadata, a sign-off line, a wire tag) can name an
    outlet: not page furniture, not a labelled line ("Editor: Name"), not a sentence."""
    if not name:
        return False
    name = " ".join(name.split())
    words = _words(name)
    if not words or not _LETTER.search(name) or len(name) > 60 or len(words) > 7:
        return False
    if ":" in name or "|" in name or "@" in name or name[-1] in _SENTENCE_END - {"."}:
        return False
    # A closing full stop ends a sentence, except in an abbreviation ("Inc.", "Co.").
    if name.endswith(".") and not re.search(r"\b[A-Z][a-z]{0,3}\.$", name):
        return False
    # Lowercase words other than name particles make it a phrase or a sentence.
    if any(w[0].islower() and w.casefold() not in _PARTICLES and not _DOMAIN_LIKE.search(w)
           for w in words[1:]):
        return False
    if title and name.casefold() == " ".join(title.split()).casefold():
        return False  # the headline repeated, not a site name
    return not _furniture(name)


def is_sign_off_name(line: str | None, author: str | None = None) -> bool:
    """True when a sign-off line (a short last line of its own) names an outlet: it passes
    `is_site_name` and looks like an outlet rather than a person or a stray word: a domain
    (`News.Az`), an acronym (`TASS`), a newspaper word (`Ostrenia Today`), or an opening article."""
    if not is_site_name(line):
        return False
    name = " ".join(line.split())
    if author and name.casefold() == " ".join(author.split()).casefold():
        return False
    words = _words(name)
    if _DOMAIN_LIKE.search(name):
        return True
    # An acronym among other words (RIA Novosti), or alone (TASS); a line all in capitals is a
    # shouted phrase or name, judged by its words like any other.
    if any(_is_acronym(w) for w in words) and (len(words) == 1 or not name.isupper()):
        return True
    if len(words) == 1:
        return False  # one ordinary word: a caption or a stray word as often as a name
    if words[0].casefold() in _ARTICLES:
        return True
    return any(w.casefold() in _MEDIA_WORDS for w in words)


# -- URLs ------------------------------------------------------------------------------------------

# Subdomains that only say how the page is served, not whose it is.
_SERVING = ("www.", "www1.", "www2.", "m.", "mobile.", "amp.")
# An archived copy names the original URL in its path: web.archive.org/web/2023.../https://...
_EMBEDDED_URL = re.compile(r"/(https?:/{1,2}[^/].*)$", re.I)


def _host(url: str) -> str | None:
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:
        return None
    if not host and "://" not in url and "." in url.split("/")[0]:
        return _host("http://" + url.strip())  # a bare "example.com/path"
    return host.rstrip(".").lower() if host else None


def original_url(url: str) -> str:
    """The URL an archived copy stands for (the Wayback Machine, archive.today), else `url`."""
    try:
        path = urlsplit(url.strip()).path
    except ValueError:
        return url
    m = _EMBEDDED_URL.search(path)
    if m:
        inner = re.sub(r"^(https?):/+", r"\1://", m.group(1), flags=re.I)
        return inner
    return url


@lru_cache(maxsize=65536)
def site_of(url: str | None) -> str | None:
    """The site a URL belongs to, as a reader names it: its registrable domain (`news.un.org` ->
    `un.org`, `d3x.cloudfront.net` stays whole, as each customer of a hosting service is its own
    site), or the host without `www.`/`m.` when the public suffix list does not know the ending.
    None for URLs without a host (file:, local names)."""
    if not url:
        return None
    host = _host(original_url(url))
    if not host or "." not in host:
        return None
    from tld import get_fld  # the public suffix list snapshot shipped with `tld`; no network

    try:
        site = get_fld(host, fail_silently=True, fix_protocol=True)
    except Exception:  # tld raises its own errors on malformed hosts
        site = None
    if site:
        return site.lower()
    for prefix in _SERVING:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix):]
            break
    return host


def url_key(url: str | None) -> str | None:
    """A URL reduced to what two spellings of one address share: host without `www.`, path without
    a trailing slash and with %-escapes decoded, and the query; no scheme, port or fragment."""
    if not url:
        return None
    url = url.strip()
    host = _host(url)
    if not host:
        return None
    try:
        parts = urlsplit(url if "://" in url else "http://" + url)
    except ValueError:
        return None
    host = host.removeprefix("www.")
    path = unquote(parts.path).rstrip("/")
    return host + path + (f"?{parts.query}" if parts.query else "")


# -- settling --------------------------------------------------------------------------------------

# How a reader found the outlet it put on an article (Article.outlet_from), strongest first.
METADATA_FILE, GIVEN, SITE_NAME, URL, SIGN_OFF = "metadata file", "given", "site name", "url", "sign-off"


def settle_outlet(outlet: str | None, outlet_from: str | None, url: str | None) -> tuple[str | None, str | None]:
    """(outlet, how it was found) by the order in the module docstring: a metadata file's or a
    given outlet as written; a site name or a sign-off only when it passed its reader's check, and
    a sign-off only when the URL names no site."""
    outlet = " ".join(outlet.split()) if outlet else None
    if outlet and outlet_from in (METADATA_FILE, GIVEN, SITE_NAME, None):
        return outlet, outlet_from or GIVEN
    site = site_of(url)
    if site:
        return site, URL
    if outlet:
        return outlet, outlet_from
    return None, None
