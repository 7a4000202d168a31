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


def phrase_hits(tokens: list[str], phrases: dict) -> list[tuple[int, str, str]]:
    """(index of the first word, phrase as written, suggestion) for each listed phrase."""
    lowered = [t.lower() for t in tokens]
    found = []
    for phrase, instead in phrases.items():
        parts = str(phrase).lower().split()
        for start in range(len(lowered) - len(parts) + 1):
            if all(_matches(part, lowered[start + i]) for i, part in enumerate(parts)):
                found.append((start, len(parts), " ".join(tokens[start : start + len(parts)]), str(instead)))
    # The longest phrase at a place wins: "huomioitavaa on" is one finding, not also "huomioi*".
    hits, covered = [], set()
    for start, length, written, instead in sorted(found, key=lambda hit: (hit[0], -hit[1])):
        if start in covered:
            continue
        covered.update(range(start, start + length))
        hits.append((start, written, instead))
    return hits


def check(doc, settings, ctx):
    phrases = settings["phrases"]
    for sentence in sentences(doc, ctx):
        tokens = [w.text for w in sentence.words]
        for index, written, instead in phrase_hits(tokens, phrases):
            yield Report(sentence.words[index].line, {"phrase": written, "instead": instead})
