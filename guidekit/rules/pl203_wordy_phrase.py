"""PL203: a filler or officialese phrase from the language's list in guidekit.yml."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.rules import Report
from guidekit.settings import Setting
from guidekit.rules.plain import sentences

NAMES = ("PL203", "wordy-phrase")
DESCRIPTION = "Virkakielinen tai turha ilmaus"
TAGS = ("plain-language", "words")
LANGUAGES = ALL_LANGUAGES
SETTINGS = (
    Setting("phrases", "mapping", {}, "ilmaus → mitä kirjoittaa sen sijaan; sana* kattaa taivutusmuodot"),
)
MESSAGES = {
    "fi": (
        "virkakielinen ilmaus ”{phrase}”",
        "kirjoita mieluummin: {instead}",
    ),
    "en": (
        "wordy or official phrase “{phrase}”",
        "write instead: {instead}",
    ),
}
RATIONALE = (
    "Täytesanat ja virkakielen vakioilmaukset (”huomioitavaa on, että”, ”on syytä”, "
    "”kyseinen”, ”mikäli”) pidentävät tekstiä kertomatta mitään. Kotuksen virkakielen "
    "ohjeissa ja Kielitoimiston ohjepankissa neuvotaan korvaamaan ne arkisemmalla sanalla "
    "tai jättämään pois. Ilmaukset ja niiden korvaajat ovat asetusten listassa (`phrases`), "
    "kielittäin; tähdellä päättyvä sana kattaa kaikki taivutusmuodot (kysei* = kyseinen, "
    "kyseisen …)."
)
EXAMPLES = {
    "good": "Jos et pääse tulemaan, peru aika. Tämä palvelu on maksuton.",
    "bad": "Mikäli asiakas ei pääse saapumaan, on syytä perua aika. Huomioitavaa on, että kyseinen palvelu on maksuton.",
}


def _matches(entry: str, word: str) -> bool:
    if entry.endswith("*"):
        return word.startswith(entry[:-1])
    return word == entry


# A prefix entry ("kysei*") is filed under its first letters, so that each word of a page
# is compared with the few phrases that can start there, not with the whole list.
_KEY = 3


def phrase_index(phrases: dict) -> tuple[dict, dict, list]:
    """The phrases by how their first word is matched: (whole word → entries, first letters
    of a prefix → entries, short prefixes); an entry is (list order, parts, suggestion)."""
    exact: dict = {}
    prefixed: dict = {}
    short: list = []
    for order, (phrase, instead) in enumerate(phrases.items()):
        parts = str(phrase).lower().split()
        if not parts:
            continue
        entry = (order, parts, str(instead))
        first = parts[0]
        if not first.endswith("*"):
            exact.setdefault(first, []).append(entry)
        elif len(first) - 1 >= _KEY:
            prefixed.setdefault(first[:_KEY], []).append(entry)
        else:
            short.append(entry)
    return exact, prefixed, short


def phrase_hits(tokens: list[str], phrases: dict | tuple) -> list[tuple[int, str, str]]:
    """(index of the first word, phrase as written, suggestion) for each listed phrase;
    phrases is the settings' mapping or its phrase_index()."""
    exact, prefixed, short = phrase_index(phrases) if isinstance(phrases, dict) else phrases
    lowered = [t.lower() for t in tokens]
    found = []
    for start, word in enumerate(lowered):
        for order, parts, instead in (*exact.get(word, ()), *prefixed.get(word[:_KEY], ()), *short):
            end = start + len(parts)
            if end <= len(lowered) and all(_matches(part, lowered[start + i]) for i, part in enumerate(parts)):
                found.append((start, len(parts), order, " ".join(tokens[start:end]), instead))
    # The longest phrase at a place wins: "huomioitavaa on" is one finding, not also "huomioi*";
    # of two as long, the one listed first.
    hits, covered = [], set()
    for start, length, _order, written, instead in sorted(found, key=lambda hit: (hit[0], -hit[1], hit[2])):
        if start in covered:
            continue
        covered.update(range(start, start + length))
        hits.append((start, written, instead))
    return hits


def check(doc, settings, ctx):
    phrases = phrase_index(settings["phrases"])
    for sentence in sentences(doc, ctx):
        tokens = [w.text for w in sentence.words]
        for index, written, instead in phrase_hits(tokens, phrases):
            yield Report(sentence.words[index].line, {"phrase": written, "instead": instead})
