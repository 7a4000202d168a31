"""Search that understands how residents type: build-time analysis of each language's pages.

The browser has no Voikko and no stemmer, so the analysis happens here, at build time,
and the search worker (overrides/assets/javascripts/workers/search.js) gets:

- `terms`: every index term (a Finnish base form or compound part from Voikko, a
  Swedish or English Snowball stem) → the documents it is in, with a weight that says
  where (title, the guide's task, keywords, heading, body; boilerplate sections low);
- `forms`: every word form seen in the language's pages and in data/search.yml →
  its index terms, so that any inflected form a page uses finds every page with the
  same base form ("ajanvaraukset" → ajanvaraus), and everyday words find the words
  the guides use (synonyms: "äiti" → valtuutus);
- `pages`: every term → the pages that have it, with the page's weight as a whole (its
  title first, then how many headings and how much text have it), which ranks the results;
- `links`: the pages each page lists (a hub like the mandate guides' page, the front page);
- `endings`: ending rules learned from the pages' forms, for query words the pages never
  use ("valtuutuksen" → valtuutus, "tidsbokningen" → tidsbokning);
- `slugs`: whether the file names are words of the language (fi, selko), then a field;
- the stop words and the short-word limit, so "of", "in" and "med" match nothing by
  prefix.

Words the pages never use fall back, in the worker, to prefix, ending and edit-distance
matching against `forms` (one edit for 4–7 letters, two from 8).

Pure functions; guidekit/i18n_plugin.py calls search_data() per language: build_search_data()
kept in the build cache (guidekit/buildcache.py), so a build of unchanged pages does not
analyse their words again.
"""

from __future__ import annotations

import json
import math
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml

from guidekit import buildcache, htmlsafe, languages, morphology
from guidekit.findings import Finding
from guidekit.htmlsafe import plain_text
from guidekit.languages import BASE_LANGUAGE, DEFAULT_LANGUAGE, LANGUAGES, language

SEARCH_DATA = "data/search.yml"

# Word characters with inner hyphens, apostrophes and dots kept ("suomi.fi-valtuudet");
# the parts are analysed too.
WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
PART_SEPARATOR = re.compile(r"['’.\-]")

# Where a term is on a page. A guide's title and its task (front matter description)
# come first; boilerplate sections ("Jos tämä ei onnistu") count little.
WEIGHTS = {
    "title": 10.0,
    "keywords": 8.0,
    "slug": 8.0,  # the page's file name, where it is in the page's language (fi, selko)
    "task": 6.0,
    "heading": 5.0,
    "page_title": 1.5,  # a section's page title: context, not the section's own words
    "body": 1.0,
    "compound_part": 0.6,  # factor for a term that is only a part of a compound
}
BOILERPLATE_FACTOR = 0.2
# The front page sums up every guide: its words would compete with the guides themselves.
FRONT_PAGE_FACTOR = 0.5
# A page's own weight for a term, which ranks the pages: its strongest field (title,
# keywords, task), plus at most PAGE_HEADINGS for the section headings that have the term
# and at most PAGE_BODY for its text, both saturating. A word in the title therefore always
# outweighs any number of headings and text without it, and text decides only between
# pages whose title and headings are alike.
PAGE_HEADINGS = 4.0
PAGE_BODY = 3.0
BODY_SATURATION = 5.0  # body occurrences that give half of PAGE_BODY
STEMMERS = {"sv": "swedish", "en": "porter"}


class SearchDataError(ValueError):
    """data/search.yml cannot be used; the message names the file, line and fix."""


@dataclass
class LanguageSearchData:
    """What data/search.yml says about one language."""

    synonyms: list[tuple[list[str], list[str]]] = field(default_factory=list)  # (words, means)
    stopwords: set[str] = field(default_factory=set)
    boilerplate: set[str] = field(default_factory=set)  # section titles, lower case
    short_word: int = 3  # words shorter than this match exactly only (no prefix, no typos)


# --- reading data/search.yml -------------------------------------------------------


MESSAGES = {
    "fi": {
        "SE001": ("tiedosto ei ole kelvollista YAMLia: {detail}", "korjaa rakenne (sisennykset, kaksoispisteet, lainausmerkit)"),
        "SE001top": ("tiedoston pitää olla sanakirja, jonka avaimet ovat kielet", "aloita rivit kielen nimellä: {langs}"),
        "SE002lang": ("tuntematon kieli ”{key}”", "käytä jotakin näistä: {langs}"),
        "SE002entry": ("kielen {lang} arvon pitää olla sanakirja", "kirjoita sen alle synonyms, stopwords, boilerplate tai short_word, kuten suomen kohdassa"),
        "SE002key": ("{lang}: tuntematon avain ”{key}”", "sallitut avaimet: {known}"),
        "SE003list": ("{lang}.{key}: pitää olla luettelo sanoja", "kirjoita luettelo: [sana, toinen sana]"),
        "SE003word": ("{lang}.{key}: ”{value}” ei ole sana", "kirjoita se lainausmerkkeihin, esimerkiksi \"on\" (YAML lukee on, no ja yes totuusarvoiksi)"),
        "SE003short": ("{lang}.short_word: pitää olla kokonaisluku 1–6", "esimerkiksi short_word: 3"),
        "SE004": ("{lang}.synonyms: rivillä pitää olla words ja means, kumpikin sana tai luettelo sanoja", "esimerkiksi: - words: [äiti, isä]  means: [valtuus]; muita avaimia ei ole"),
    },
    "en": {
        "SE001": ("the file is not valid YAML: {detail}", "fix the structure (indentation, colons, quotes)"),
        "SE001top": ("the file must be a mapping whose keys are languages", "start the lines with a language: {langs}"),
        "SE002lang": ("unknown language “{key}”", "use one of: {langs}"),
        "SE002entry": ("the value of language {lang} must be a mapping", "put synonyms, stopwords, boilerplate or short_word under it, as under fi"),
        "SE002key": ("{lang}: unknown key “{key}”", "allowed keys: {known}"),
        "SE003list": ("{lang}.{key}: must be a list of words", "write a list: [word, another word]"),
        "SE003word": ("{lang}.{key}: “{value}” is not a word", "put it in quotes, e.g. \"on\" (YAML reads on, no and yes as true/false)"),
        "SE003short": ("{lang}.short_word: must be a whole number 1–6", "for example short_word: 3"),
        "SE004": ("{lang}.synonyms: each item needs words and means, each a word or a list of words", "for example: - words: [mother, father]  means: [mandate]; no other keys"),
    },
}
KNOWN_KEYS = ("boilerplate", "short_word", "stopwords", "synonyms")


def _line_of(node) -> int:
    return node.start_mark.line + 1 if node is not None else 1


def _mapping(node) -> dict:
    """key → (key node, value node) of a composed YAML mapping."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): (k, v) for k, v in node.value}


def _word_list(node) -> tuple[list[str] | None, list]:
    """(the words, [(node, value) of items that are not text]) of a scalar or a sequence."""
    items = node.value if isinstance(node, yaml.SequenceNode) else [node] if isinstance(node, yaml.ScalarNode) else None
    if not items:
        return None, []
    words, bad = [], []
    for item in items:
        if not isinstance(item, yaml.ScalarNode) or not item.value.strip():
            bad.append((item, getattr(item, "value", "")))
        elif item.tag != "tag:yaml.org,2002:str":
            bad.append((item, item.value))  # on, no, yes, 3: YAML would make them true/false or numbers
        else:
            words.append(item.value.strip().lower())
    return words, bad


def check_search_data(text: str, path: str = SEARCH_DATA, message_lang: str = "fi") -> tuple[dict[str, LanguageSearchData], list[Finding]]:
    """Parse data/search.yml; every problem is a finding (SE001–SE004) with its line and fix."""
    messages = MESSAGES.get(message_lang, MESSAGES["fi"])
    findings: list[Finding] = []
    langs = ", ".join(LANGUAGES)

    def problem(node_or_line, which: str, **values) -> None:
        line = node_or_line if isinstance(node_or_line, int) else _line_of(node_or_line)
        message, fix = messages[which]
        findings.append(Finding(path, line, which[:5], message.format(**values), fix.format(**values)))

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem(mark.line + 1 if mark else 1, "SE001", detail=getattr(error, "problem", None) or error)
        return {}, findings
    result = {lang: LanguageSearchData() for lang in LANGUAGES}
    if root is None:
        return result, findings
    if not isinstance(root, yaml.MappingNode):
        problem(root, "SE001top", langs=langs)
        return {}, findings
    for lang, (key_node, node) in _mapping(root).items():
        if lang not in LANGUAGES:
            problem(key_node, "SE002lang", key=lang, langs=langs)
            continue
        if not isinstance(node, yaml.MappingNode):
            problem(key_node, "SE002entry", lang=lang)
            continue
        target = result[lang]
        entry = _mapping(node)
        for key, (child_key, child) in entry.items():
            if key not in KNOWN_KEYS:
                problem(child_key, "SE002key", lang=lang, key=key, known=", ".join(KNOWN_KEYS))
            elif key in ("stopwords", "boilerplate"):
                words, bad = _word_list(child)
                if words is None:
                    problem(child_key, "SE003list", lang=lang, key=key)
                    continue
                for item, value in bad:
                    problem(item, "SE003word", lang=lang, key=key, value=value)
                getattr(target, key).update(words)
            elif key == "short_word":
                value = child.value if isinstance(child, yaml.ScalarNode) else None
                if not (value or "").isdigit() or not 1 <= int(value) <= 6:
                    problem(child_key, "SE003short", lang=lang)
                else:
                    target.short_word = int(value)
            elif key == "synonyms":
                if not isinstance(child, yaml.SequenceNode):
                    problem(child_key, "SE004", lang=lang)
                    continue
                for item in child.value:
                    fields = _mapping(item)
                    words, bad_words = _word_list(fields["words"][1]) if "words" in fields else (None, [])
                    means, bad_means = _word_list(fields["means"][1]) if "means" in fields else (None, [])
                    if words is None or means is None or set(fields) - {"words", "means"}:
                        problem(item, "SE004", lang=lang)
                        continue
                    for bad, value in bad_words + bad_means:
                        problem(bad, "SE003word", lang=lang, key="synonyms", value=value)
                    if words and means:
                        target.synonyms.append((words, means))
    return result, findings


def search_data_findings(root: Path, message_lang: str = "fi") -> list[Finding]:
    """SE001–SE004 for the repository's data/search.yml (none when it is missing)."""
    try:
        text = (Path(root) / SEARCH_DATA).read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as error:
        return [Finding(SEARCH_DATA, 1, "SE001", MESSAGES[message_lang if message_lang in MESSAGES else "fi"]["SE001"][0].format(detail=error), MESSAGES["fi"]["SE001"][1])]
    return check_search_data(text, SEARCH_DATA, message_lang)[1]


def load_search_data(root: Path) -> dict[str, LanguageSearchData]:
    """data/search.yml of the repository; SearchDataError with every finding when it is wrong."""
    path = Path(root) / SEARCH_DATA
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {lang: LanguageSearchData() for lang in LANGUAGES}
    except (OSError, UnicodeDecodeError) as error:
        raise SearchDataError(f"[SE001] {SEARCH_DATA}:1: {error}") from None
    data, findings = _checked_search_data(text)
    if findings:
        raise SearchDataError("\n".join(f.format() for f in findings))
    return dict(data)


@lru_cache(maxsize=4)
def _checked_search_data(text: str):
    # Each language's build reads the file again (`mkdocs serve` rebuilds when data/ changes):
    # the same text is checked once.
    return check_search_data(text)


# --- analysis ----------------------------------------------------------------------


@lru_cache(maxsize=None)
def _stemmer(lang: str):
    """The language's Snowball stemmer: STEMMERS, else the one named after its Babel locale's
    language (et → estonian); None when Snowball has none (words are then matched as written)."""
    # Imported here: only the build analyses the pages' words; snowballstemmer imports every
    # language's stemmer, which `guidekit lint` (checking data/search.yml) does not need.
    import snowballstemmer
    from babel import Locale, UnknownLocaleError

    name = STEMMERS.get(lang)
    if name is None:
        registered = language(lang)
        try:
            name = Locale.parse((registered.babel if registered else lang).replace("-", "_")).english_name
        except (ValueError, UnknownLocaleError):
            name = None
        name = name.split(" (")[0].lower() if name else None
    return snowballstemmer.stemmer(name) if name in snowballstemmer.algorithms() else None


@lru_cache(maxsize=None)
def analyse(word: str, lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the word's own terms, its compound parts) for a lower-case word of lang.

    Finnish and selko: the word itself and Voikko's base forms; the compound parts
    of every reading. Swedish and English: the word and its Snowball stem."""
    own: set[str] = set()
    parts: set[str] = set()
    pieces = [p for p in PART_SEPARATOR.split(word) if p]
    if len(pieces) > 1:  # suomi.fi-valtuudet: every piece is a word of its own, weighted as a part
        for piece in pieces:
            piece_own, piece_parts = analyse(piece, lang)
            parts.update(piece_own)
            parts.update(piece_parts)
        return (word,), tuple(sorted(parts - {word}))
    if BASE_LANGUAGE[lang] == "fi":
        for reading in morphology.analyses(word):
            base = (reading.get("BASEFORM") or "").lower()
            if base:
                own.add(base)
            compound = morphology.compound_parts(reading)
            if len(compound) > 1:
                for part in compound:  # "ajan" of "ajanvaraus" is indexed as "aika"
                    if len(part) > 2:
                        parts.update(analyse(part.lower(), lang)[0])
    elif (stemmer := _stemmer(lang)) is not None:
        own.add(stemmer.stemWord(word))
    # Only base forms and stems are index terms (the surface form is mapped to them in
    # `forms`): an inflected form must not score apart from its base form because it is
    # rarer. A word Voikko does not know is its own term.
    own = own or {word}
    return tuple(sorted(own)), tuple(sorted(parts - own))


def words_of(text: str) -> list[str]:
    return [w.lower().strip(".-'’") for w in WORD.findall(text)]


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def html_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return " ".join(parser.parts)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href") if tag == "a" else None
        if href:
            self.hrefs.append(href)


def linked_pages(html: str, page_url: str, prefix: str) -> set[str]:
    """The site's pages under prefix ("sv/", "" for the default language) that a page's
    HTML links to, as locations relative to prefix ("ohjeet/chat/"); page_url is the page's
    own address relative to the site root ("sv/ohjeet/valtuudet/")."""
    parser = _Links()
    parser.feed(html)
    parser.close()
    base = "/" + page_url
    found = set()
    for href in parser.hrefs:
        parts = urlsplit(urljoin(base, href))
        if parts.scheme or parts.netloc or not parts.path.startswith("/" + prefix):
            continue
        path = parts.path[len(prefix) + 1:]
        if path.endswith("index.html"):
            path = path[: -len("index.html")]
        found.add(path)
    return found


# --- the language's search data ------------------------------------------------------

# Swedish writes compounds as one word, and Snowball leaves them whole: "tidsbokningen"
# shares nothing with "boka en tid". Such a word is split where both sides are words of the
# language's own pages (with the linking -s-): the parts are indexed like Voikko's.
SPLIT_COMPOUNDS = {"sv"}
MIN_HEAD, MIN_TAIL = 3, 4


def split_compound(word: str, known) -> tuple[str, str] | None:
    """(head, tail) of a compound whose both sides are in `known` (a container of words
    and stems), preferring the most even split; None when there is none."""
    best = None
    for cut in range(MIN_HEAD, len(word) - MIN_TAIL + 1):
        head, rest = word[:cut], word[cut:]
        tails = [rest] + ([rest[1:]] if rest.startswith("s") and len(rest) > MIN_TAIL else [])
        for tail in tails:
            if head in known and tail in known:
                evenness = min(len(head), len(tail))
                if best is None or evenness > best[0]:
                    best = (evenness, head, tail)
    return (best[1], best[2]) if best else None


class _Vocabulary:
    """Words and stems of one language's pages: `in` is true for a word of the pages or a
    word whose stem a page word has."""

    def __init__(self, words: set[str], lang: str):
        self.lang = lang
        self.words = words
        self.stems = {_stemmer(lang).stemWord(w) for w in words}

    def __contains__(self, word: str) -> bool:
        return word in self.words or _stemmer(self.lang).stemWord(word) in self.stems


def _analyser(lang: str, texts: list[str]):
    """analyse() for this language's pages, with compounds split where analyse() cannot."""
    if lang not in SPLIT_COMPOUNDS:
        return lambda word: analyse(word, lang)
    vocabulary = _Vocabulary({w for text in texts for w in words_of(text) if w}, lang)
    cache: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}

    def analyse_here(word: str):
        if word not in cache:
            own, parts = analyse(word, lang)
            split = split_compound(word, vocabulary) if len(word) >= MIN_HEAD + MIN_TAIL else None
            if split:
                extra = {t for piece in split for t in analyse(piece, lang)[0]}
                parts = tuple(sorted((set(parts) | extra) - set(own)))
            cache[word] = (own, parts)
        return cache[word]

    return analyse_here


def _add(weights: dict[str, float], terms, weight: float) -> None:
    for term in terms:
        if weights.get(term, 0.0) < weight:
            weights[term] = weight


def _record(forms: dict[str, tuple[set, set]], word: str, own, parts) -> None:
    entry = forms.setdefault(word, (set(), set()))
    entry[0].update(own)
    entry[1].update(parts)


def _field_terms(text: str, analyser, weight: float, forms, weights: dict[str, float]) -> None:
    """Weights of every term of the text (max per term); records every surface form."""
    for word in words_of(text):
        if not word:
            continue
        own, parts = analyser(word)
        _record(forms, word, own, parts)
        _add(weights, own, weight)
        _add(weights, parts, weight * WEIGHTS["compound_part"])


def _body_terms(text: str, analyser, factor: float, forms, weights: dict[str, float]) -> None:
    """Body words: weight grows slowly with how often a term is used."""
    counts: dict[str, float] = {}
    for word in words_of(text):
        if not word:
            continue
        own, parts = analyser(word)
        _record(forms, word, own, parts)
        for term in own:
            counts[term] = counts.get(term, 0.0) + 1.0
        for term in parts:
            counts[term] = counts.get(term, 0.0) + WEIGHTS["compound_part"]
    for term, count in counts.items():
        _add(weights, [term], factor * WEIGHTS["body"] * min(2.0, 1.0 + math.log(count) / 2))


def _page_fields(doc: dict, page_meta: dict[str, dict]) -> tuple[str, str]:
    """(task, keywords) of a page entry from its front matter."""
    meta = page_meta.get(doc["location"], {}) if "#" not in doc["location"] else {}
    keywords = meta.get("keywords") or []
    if isinstance(keywords, str):
        keywords = [keywords]
    # Plain text: the build has escaped front matter for the templates (guidekit/htmlsafe.py).
    return plain_text(meta.get("description") or ""), " ".join(plain_text(k) for k in keywords)


def _page_weight(strong: float, headings: float, body: float, factor: float) -> float:
    """A page's weight for a term (see PAGE_HEADINGS): strong is its best field's weight,
    headings how many section headings have it, body how often its text uses it."""
    return factor * (strong + PAGE_HEADINGS * (1 - 0.5**headings) + PAGE_BODY * body / (body + BODY_SATURATION))


def slug_words(location: str) -> str:
    """The words of a page's file name ("ohjeet/valtuudet-anna/" → "valtuudet anna")."""
    return " ".join(location.strip("/").rsplit("/", 1)[-1].split("-"))


def slugs_are_words_of(lang: str) -> bool:
    """Whether the pages' file names are words of lang: they are the same in every language
    (README, "Adding a guide"), written in the default language's."""
    return BASE_LANGUAGE[lang] == BASE_LANGUAGE[DEFAULT_LANGUAGE]


def _page_postings(docs: list[dict], analyser, settings: LanguageSearchData, page_meta: dict[str, dict], slugs: bool = False) -> dict[str, dict[int, float]]:
    """term → {page's document number: the page's weight for it}: the whole page at once,
    so that the ranking knows how much of a page is about a word, not only its best section.
    slugs: the page's file name counts as a field of its own (WEIGHTS["slug"])."""
    page_number = {d["location"]: n for n, d in enumerate(docs) if "#" not in d["location"]}
    strong: dict[int, dict[str, float]] = {}
    headings: dict[int, dict[str, float]] = {}
    body: dict[int, dict[str, float]] = {}
    for doc in docs:
        page, _, anchor = doc["location"].partition("#")
        number = page_number.get(page)
        if number is None:
            continue
        boilerplate = bool(anchor) and doc["title"].strip().lower() in settings.boilerplate
        if not anchor:
            task, keywords = _page_fields(doc, page_meta)
            fields = strong.setdefault(number, {})
            slug = slug_words(page) if slugs else ""
            for text, weight in ((doc["title"], WEIGHTS["title"]), (keywords, WEIGHTS["keywords"]), (slug, WEIGHTS["slug"]), (task, WEIGHTS["task"])):
                found: dict[str, float] = {}
                _field_terms(text, analyser, weight, {}, found)
                for term, value in found.items():
                    fields[term] = max(fields.get(term, 0.0), value)
        elif not boilerplate:
            counted: dict[str, float] = {}
            _field_terms(doc["title"], analyser, 1.0, {}, counted)
            for term, value in counted.items():
                headings.setdefault(number, {})[term] = headings.get(number, {}).get(term, 0.0) + value
        counts = body.setdefault(number, {})
        factor = BOILERPLATE_FACTOR if boilerplate else 1.0
        # A boilerplate heading's words count as its text: every guide has them, and the
        # idf over pages must see that ("fungerar" of "Om det inte fungerar").
        text = html_text(doc.get("text", "")) + (" " + doc["title"] if boilerplate else "")
        for word in words_of(text):
            if not word:
                continue
            own, parts = analyser(word)
            for term in own:
                counts[term] = counts.get(term, 0.0) + factor
            for term in set(parts) - set(own):
                counts[term] = counts.get(term, 0.0) + factor * WEIGHTS["compound_part"]
    postings: dict[str, dict[int, float]] = {}
    for page, number in page_number.items():
        factor = FRONT_PAGE_FACTOR if page == "" else 1.0
        page_strong, page_headings, page_body = strong.get(number, {}), headings.get(number, {}), body.get(number, {})
        for term in set(page_strong) | set(page_headings) | set(page_body):
            weight = _page_weight(page_strong.get(term, 0.0), page_headings.get(term, 0.0), page_body.get(term, 0.0), factor)
            postings.setdefault(term, {})[number] = weight
    return postings


# Endings learned from the pages, for query words the pages never use: every form whose
# term (base form, stem) shares its beginning gives a rule "this ending → that ending"
# ("varauksen" → varaus: "uksen" → "us"; "bokningen" → bokning: "en" → ""). A rule seen
# with at least MIN_ENDING_USES words is kept; the worker turns "valtuutuksen" into
# "valtuutus" and "tidsbokningen" into "tidsbokning" when that is a term of the pages.
MIN_STEM, MAX_ENDING, MIN_ENDING_USES, MAX_ENDINGS = 3, 6, 2, 400


def ending_rules(forms: dict[str, tuple[set, set]]) -> list[list[str]]:
    """[[form ending, term ending], …], longest form ending first, then the most used."""
    uses: dict[tuple[str, str], int] = {}
    for form, (own, _parts) in forms.items():
        for term in own:
            if term == form:
                continue
            common = len(os.path.commonprefix([form, term]))
            if common >= MIN_STEM and 0 < len(form) - common <= MAX_ENDING and len(term) - common <= MAX_ENDING:
                rule = (form[common:], term[common:])
                uses[rule] = uses.get(rule, 0) + 1
    kept = [rule for rule, count in uses.items() if count >= MIN_ENDING_USES]
    kept.sort(key=lambda rule: (-len(rule[0]), -uses[rule], rule))
    return [list(rule) for rule in kept[:MAX_ENDINGS]]


def build_search_data(
    docs: list[dict], lang: str, page_meta: dict[str, dict], settings: LanguageSearchData, page_links: dict[str, set[str]] | None = None
) -> dict:
    """The worker's data for one language from Material's index entries (location, title, text).

    page_meta: page location ("ohjeet/chat/") → front matter (description, keywords);
    page_links: page location → the locations of the language's pages it links to."""
    texts = [doc["title"] for doc in docs] + [html_text(doc.get("text", "")) for doc in docs]
    texts += [field for doc in docs for field in _page_fields(doc, page_meta)]
    analyser = _analyser(lang, texts)
    forms: dict[str, tuple[set, set]] = {}
    postings: dict[str, dict[int, float]] = {}
    page_titles = {d["location"]: d["title"] for d in docs if "#" not in d["location"]}
    for number, doc in enumerate(docs):
        page, _, anchor = doc["location"].partition("#")
        weights: dict[str, float] = {}
        boilerplate = bool(anchor) and doc["title"].strip().lower() in settings.boilerplate
        factor = BOILERPLATE_FACTOR if boilerplate else FRONT_PAGE_FACTOR if page == "" else 1.0
        if anchor:
            _field_terms(doc["title"], analyser, WEIGHTS["heading"] * factor, forms, weights)
            _field_terms(page_titles.get(page, ""), analyser, WEIGHTS["page_title"], forms, weights)
        else:
            task, keywords = _page_fields(doc, page_meta)
            _field_terms(doc["title"], analyser, WEIGHTS["title"], forms, weights)
            _field_terms(task, analyser, WEIGHTS["task"], forms, weights)
            _field_terms(keywords, analyser, WEIGHTS["keywords"], forms, weights)
        _body_terms(html_text(doc.get("text", "")), analyser, factor, forms, weights)
        for term, weight in weights.items():
            postings.setdefault(term, {})[number] = weight
    synonyms: dict[str, set[str]] = {}
    for words, means in settings.synonyms:
        targets: set[str] = set()
        for meaning in means:
            for word in words_of(meaning):
                own, parts = analyser(word)
                targets.update(t for t in own if t in postings)
                if not any(t in postings for t in own):
                    targets.update(t for t in parts if t in postings)
        for phrase in words:
            key = " ".join(words_of(phrase))
            if key:
                synonyms.setdefault(key, set()).update(targets)
                if " " not in key:  # a one-word synonym's own base forms find the same pages
                    for base in analyser(key)[0]:
                        if base != key and base not in forms:
                            synonyms.setdefault(base, set()).update(targets)
    slugs = slugs_are_words_of(lang)
    if slugs:  # the file names' words are forms of the language too
        for doc in docs:
            if "#" not in doc["location"]:
                _field_terms(slug_words(doc["location"]), analyser, 0.0, forms, {})
    pages = _page_postings(docs, analyser, settings, page_meta, slugs)
    terms = sorted(set(postings) | set(pages))
    term_id = {t: i for i, t in enumerate(terms)}
    page_number = {d["location"]: n for n, d in enumerate(docs) if "#" not in d["location"]}
    # A page that lists several others (a hub like the mandate guides' page): the worker lets
    # it stand for the pages it lists when its own title has the same word as theirs.
    links = {}
    for page, targets in sorted((page_links or {}).items()):
        listed = sorted({page_number[t] for t in targets if t in page_number and t != page})
        if page in page_number and len(listed) >= 2:
            links[str(page_number[page])] = listed

    def form_ids(own: set, parts: set) -> list[int]:
        # A compound part is written as -(id + 1): the worker weighs it less than the word.
        ids = sorted(term_id[t] for t in own if t in term_id)
        return ids + sorted(-(term_id[t] + 1) for t in parts - own if t in term_id)

    return {
        "lang": lang,
        "terms": terms,
        # per term: [doc, weight×10, doc, weight×10, …] (flat, small)
        "postings": [[x for doc, w in sorted(postings.get(t, {}).items()) for x in (doc, round(w * 10))] for t in terms],
        # per term: [page, weight×10, …]: the page's weight as a whole (ranks the pages)
        "pages": [[x for doc, w in sorted(pages.get(t, {}).items()) for x in (doc, max(1, round(w * 10)))] for t in terms],
        "links": links,
        # surface form → term ids; only forms whose terms are more than themselves
        "forms": {
            form: form_ids(own, parts)
            for form, (own, parts) in sorted(forms.items())
            if (own | parts) & set(term_id) and (own | parts) != {form}
        },
        "synonyms": {key: sorted(term_id[t] for t in found) for key, found in sorted(synonyms.items()) if found},
        "endings": ending_rules(forms),
        "slugs": slugs,
        "stopwords": sorted(settings.stopwords),
        "short_word": settings.short_word,
    }


# --- kept between builds -------------------------------------------------------------

SEARCH_KIND = "search-data"


def _code_version() -> str:
    # The analysis: this module, Voikko's wrapper (morphology.py), the languages' base
    # languages and the front matter's plain text; Voikko, Snowball and Babel as installed.
    return buildcache.key_of(*(buildcache.code_version(module.__file__) for module in (morphology, languages, htmlsafe)),
                             buildcache.code_version(__file__, "libvoikko", "snowballstemmer", "babel"))


def search_data_key(docs: list[dict], lang: str, page_meta: dict[str, dict], settings: LanguageSearchData,
                    page_links: dict[str, set[str]] | None = None) -> str:
    """The build cache's key of build_search_data() for these inputs: every one of them
    in a canonical form (sets sorted), and whether Voikko works (without it the Finnish
    words are their own terms)."""
    inputs = {
        "lang": lang,
        # mkdocs.yml's registry: how the language is analysed (Voikko, a stemmer) and whether its file names are words
        "analysed_as": [BASE_LANGUAGE.get(lang), BASE_LANGUAGE.get(DEFAULT_LANGUAGE), getattr(language(lang), "babel", None)],
        "docs": docs,
        "meta": page_meta,
        "settings": [settings.synonyms, sorted(settings.stopwords), sorted(settings.boilerplate), settings.short_word],
        "links": {page: sorted(targets) for page, targets in (page_links or {}).items()},
    }
    text = json.dumps(inputs, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=repr)
    return buildcache.key_of(_code_version(), morphology.problem() or "voikko-ok", text.encode("utf-8"))


SEARCH_DATA_KEYS = ("lang", "terms", "postings", "pages", "links", "forms", "synonyms", "endings", "slugs",
                    "stopwords", "short_word")


def search_data(docs: list[dict], lang: str, page_meta: dict[str, dict], settings: LanguageSearchData,
                page_links: dict[str, set[str]] | None = None) -> dict:
    """build_search_data(), from the build cache when the same inputs were analysed before
    (the data is JSON, so what is read back is what was made); made and stored otherwise."""
    cache = buildcache.current()
    key = search_data_key(docs, lang, page_meta, settings, page_links)
    stored = cache.get(SEARCH_KIND, key)
    if stored is not None:
        try:
            data = json.loads(stored.payload.decode("utf-8"))
        except (ValueError, RecursionError):  # cannot be (the MAC matched); made again
            data = None
        if isinstance(data, dict) and tuple(data) == SEARCH_DATA_KEYS and data["lang"] == lang:
            cache.reused[SEARCH_KIND] += 1
            return data
    data = build_search_data(docs, lang, page_meta, settings, page_links)
    cache.made[SEARCH_KIND] += 1
    cache.put(SEARCH_KIND, key, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    return data
