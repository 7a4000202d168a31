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
- the stop words and the short-word limit, so "of", "in" and "med" match nothing by
  prefix.

Words the pages never use fall back, in the worker, to prefix, ending and edit-distance
matching against `forms` (one edit for 4–7 letters, two from 8).

Pure functions; guidekit/i18n_plugin.py calls build_search_data() per language.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import snowballstemmer
import yaml

from guidekit import morphology
from guidekit.findings import Finding
from guidekit.languages import BASE_LANGUAGE, LANGUAGES

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
    "task": 6.0,
    "heading": 5.0,
    "page_title": 1.5,  # a section's page title: context, not the section's own words
    "body": 1.0,
    "compound_part": 0.6,  # factor for a term that is only a part of a compound
}
BOILERPLATE_FACTOR = 0.2
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


def _line_of(node) -> int:
    return node.start_mark.line + 1 if node is not None else 1


def _words(value) -> list[str] | None:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        return None
    return [v.strip().lower() for v in value]


def check_search_data(text: str, path: str = SEARCH_DATA) -> tuple[dict[str, LanguageSearchData], list[Finding]]:
    """Parse data/search.yml; every problem is a finding (SE001–SE004) with line and fix."""
    findings: list[Finding] = []

    def problem(line: int, rule: str, message: str, fix: str) -> None:
        findings.append(Finding(path, line, rule, message, fix))

    try:
        root = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem(mark.line + 1 if mark else 1, "SE001", f"YAML-virhe: {getattr(error, 'problem', error)}", "Korjaa tiedoston rakenne (sisennykset, kaksoispisteet, lainausmerkit).")
        return {}, findings
    result = {lang: LanguageSearchData() for lang in LANGUAGES}
    if data is None:
        return result, findings
    if not isinstance(data, dict):
        problem(1, "SE001", "tiedoston pitää olla sanakirja, jonka avaimet ovat kielet", f"Aloita rivit kielen nimellä: {', '.join(LANGUAGES)}.")
        return {}, findings
    nodes = {k.value: v for k, v in root.value} if root is not None else {}
    keys = {k.value: k for k, v in root.value} if root is not None else {}
    for lang, entry in data.items():
        if lang not in LANGUAGES:
            problem(_line_of(keys.get(lang)), "SE002", f"tuntematon kieli '{lang}'", f"Käytä jotakin näistä: {', '.join(LANGUAGES)}.")
            continue
        node = nodes.get(lang)
        if not isinstance(entry, dict):
            problem(_line_of(node), "SE002", f"kielen '{lang}' arvon pitää olla sanakirja (synonyms, stopwords, boilerplate)", "Katso mallia suomen kohdasta.")
            continue
        child_nodes = {k.value: v for k, v in node.value}
        known = {"synonyms", "stopwords", "boilerplate", "short_word"}
        for key in entry:
            if key not in known:
                problem(_line_of(child_nodes.get(key)), "SE002", f"{lang}: tuntematon avain '{key}'", f"Sallitut avaimet: {', '.join(sorted(known))}.")
        target = result[lang]
        for name in ("stopwords", "boilerplate"):
            if name in entry:
                words = _words(entry[name])
                if words is None:
                    problem(_line_of(child_nodes.get(name)), "SE003", f"{lang}.{name}: pitää olla luettelo sanoja", "Kirjoita luettelo: [sana, toinen sana].")
                else:
                    getattr(target, name).update(words)
        if "short_word" in entry:
            value = entry["short_word"]
            if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 6:
                problem(_line_of(child_nodes.get("short_word")), "SE003", f"{lang}.short_word: pitää olla kokonaisluku 1–6", "Esimerkiksi short_word: 3.")
            else:
                target.short_word = value
        synonyms = entry.get("synonyms", [])
        synonym_node = child_nodes.get("synonyms")
        if not isinstance(synonyms, list):
            problem(_line_of(synonym_node), "SE004", f"{lang}.synonyms: pitää olla luettelo", "Kirjoita jokainen rivi muodossa: - words: [äiti, isä]  means: [valtuutus].")
            continue
        for number, item in enumerate(synonyms):
            item_node = synonym_node.value[number] if synonym_node is not None else None
            words = _words(item.get("words")) if isinstance(item, dict) else None
            means = _words(item.get("means")) if isinstance(item, dict) else None
            extra = set(item) - {"words", "means"} if isinstance(item, dict) else set()
            if words is None or means is None or extra:
                problem(_line_of(item_node), "SE004", f"{lang}.synonyms: rivillä pitää olla words ja means, kumpikin sana tai luettelo sanoja", "Esimerkiksi: - words: [äiti, isä]  means: [valtuutus]. Muita avaimia ei ole.")
                continue
            target.synonyms.append((words, means))
    return result, findings


def load_search_data(root: Path) -> dict[str, LanguageSearchData]:
    """data/search.yml of the repository; SearchDataError with every finding when it is wrong."""
    path = root / SEARCH_DATA
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {lang: LanguageSearchData() for lang in LANGUAGES}
    data, findings = check_search_data(text)
    if findings:
        raise SearchDataError("\n".join(f.format() for f in findings))
    return data


# --- analysis ----------------------------------------------------------------------


@lru_cache(maxsize=None)
def _stemmer(lang: str):
    return snowballstemmer.stemmer(STEMMERS[lang])


@lru_cache(maxsize=None)
def analyse(word: str, lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the word's own terms, its compound parts) for a lower-case word of lang.

    Finnish and selko: the word itself and Voikko's base forms; the compound parts
    of every reading. Swedish and English: the word and its Snowball stem."""
    own = {word}
    parts: set[str] = set()
    pieces = [p for p in PART_SEPARATOR.split(word) if p]
    if len(pieces) > 1:  # suomi.fi-valtuudet: every piece is a word of its own, weighted as a part
        for piece in pieces:
            piece_own, piece_parts = analyse(piece, lang)
            parts.update(piece_own)
            parts.update(piece_parts)
        return tuple(sorted(own)), tuple(sorted(parts - own))
    if BASE_LANGUAGE[lang] == "fi":
        for reading in morphology.analyses(word):
            base = (reading.get("BASEFORM") or "").lower()
            if base:
                own.add(base)
            compound = morphology.compound_parts(reading)
            if len(compound) > 1:
                parts.update(p.lower() for p in compound if len(p) > 2)
    else:
        own.add(_stemmer(lang).stemWord(word))
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


# --- the language's search data ------------------------------------------------------


def _add(weights: dict[str, float], terms, weight: float) -> None:
    for term in terms:
        if weights.get(term, 0.0) < weight:
            weights[term] = weight


def _field_terms(text: str, lang: str, weight: float, forms: dict[str, set[str]], weights: dict[str, float]) -> None:
    """Weights of every term of the text (max per term); records every surface form."""
    for word in words_of(text):
        if not word:
            continue
        own, parts = analyse(word, lang)
        forms.setdefault(word, set()).update(own + parts)
        _add(weights, own, weight)
        _add(weights, parts, weight * WEIGHTS["compound_part"])


def _body_terms(text: str, lang: str, factor: float, forms: dict[str, set[str]], weights: dict[str, float]) -> None:
    """Body words: weight grows slowly with how often a term is used."""
    counts: dict[str, float] = {}
    for word in words_of(text):
        if not word:
            continue
        own, parts = analyse(word, lang)
        forms.setdefault(word, set()).update(own + parts)
        for term in own:
            counts[term] = counts.get(term, 0.0) + 1.0
        for term in parts:
            counts[term] = counts.get(term, 0.0) + WEIGHTS["compound_part"]
    for term, count in counts.items():
        _add(weights, [term], factor * WEIGHTS["body"] * min(2.0, 1.0 + math.log(count) / 2))


def build_search_data(docs: list[dict], lang: str, page_meta: dict[str, dict], settings: LanguageSearchData) -> dict:
    """The worker's data for one language from Material's index entries (location, title, text).

    page_meta: page location ("ohjeet/chat/") → front matter (description, keywords)."""
    forms: dict[str, set[str]] = {}
    postings: dict[str, dict[int, float]] = {}
    page_titles = {d["location"]: d["title"] for d in docs if "#" not in d["location"]}
    for number, doc in enumerate(docs):
        page, _, anchor = doc["location"].partition("#")
        weights: dict[str, float] = {}
        boilerplate = bool(anchor) and doc["title"].strip().lower() in settings.boilerplate
        factor = BOILERPLATE_FACTOR if boilerplate else 1.0
        if anchor:
            _field_terms(doc["title"], lang, WEIGHTS["heading"] * factor, forms, weights)
            _field_terms(page_titles.get(page, ""), lang, WEIGHTS["page_title"], forms, weights)
        else:
            meta = page_meta.get(page, {})
            _field_terms(doc["title"], lang, WEIGHTS["title"], forms, weights)
            _field_terms(str(meta.get("description") or ""), lang, WEIGHTS["task"], forms, weights)
            keywords = meta.get("keywords") or []
            if isinstance(keywords, str):
                keywords = [keywords]
            _field_terms(" ".join(str(k) for k in keywords), lang, WEIGHTS["keywords"], forms, weights)
        _body_terms(html_text(doc.get("text", "")), lang, factor, forms, weights)
        for term, weight in weights.items():
            postings.setdefault(term, {})[number] = weight
    synonyms: dict[str, set[str]] = {}
    for words, means in settings.synonyms:
        targets: set[str] = set()
        for meaning in means:
            for word in words_of(meaning):
                own, parts = analyse(word, lang)
                targets.update(t for t in own if t in postings)
                if not any(t in postings for t in own):
                    targets.update(t for t in parts if t in postings)
        for phrase in words:
            key = " ".join(words_of(phrase))
            if key:
                synonyms.setdefault(key, set()).update(targets)
                if " " not in key:  # a one-word synonym's own base forms find the same pages
                    for base in analyse(key, lang)[0]:
                        if base != key and base not in forms:
                            synonyms.setdefault(base, set()).update(targets)
    terms = sorted(postings)
    term_id = {t: i for i, t in enumerate(terms)}
    return {
        "lang": lang,
        "terms": terms,
        # per term: [doc, weight×10, doc, weight×10, …] (flat, small)
        "postings": [[x for doc, w in sorted(postings[t].items()) for x in (doc, round(w * 10))] for t in terms],
        # surface form → term ids; only forms whose terms are more than themselves
        "forms": {
            form: sorted(term_id[t] for t in found if t in term_id)
            for form, found in sorted(forms.items())
            if set(found) & set(term_id) and set(found) != {form}
        },
        "synonyms": {key: sorted(term_id[t] for t in found) for key, found in sorted(synonyms.items()) if found},
        "stopwords": sorted(settings.stopwords),
        "short_word": settings.short_word,
    }
