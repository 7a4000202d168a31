"""PL101: a sentence with too many words."""

from guidekit.rules import Report
from guidekit.settings import Setting
from guidekit.rules.plain import excerpt, sentences

NAMES = ("PL101", "sentence-length")
DESCRIPTION = "Virke on liian pitkä"
TAGS = ("plain-language", "sentences")
LANGUAGES = ("fi", "sv", "en", "selko")
SETTINGS = (
    Setting("max_words", "integer", 25, "virkkeen enimmäispituus sanoina", minimum=1),
)
MESSAGES = {
    "fi": (
        "virkkeessä on {words} sanaa (enintään {limit}): ”{start}”",
        "jaa virke kahdeksi tai useammaksi; kerro yhdessä virkkeessä yksi asia",
    ),
    "en": (
        "sentence has {words} words (at most {limit}): “{start}”",
        "split it into two or more sentences; say one thing per sentence",
    ),
}
RATIONALE = (
    "Pitkä virke kuormittaa muistia: lukijan on pidettävä alku mielessä loppuun asti. "
    "Kotimaisten kielten keskuksen mittauksessa selkouutisten virkkeissä oli keskimäärin "
    "9,1 sanaa ja yleiskielisten uutisten 10,3–10,9 sanaa (Kotus, selkokielen tutkimus). "
    "Selkokeskuksen ohje: yksi asia yhdessä virkkeessä. Yleiskielen rajana käytetään "
    "noin 25 sanaa, selkokielen noin 12 sanaa."
)
EXAMPLES = {
    "good": "Avaa sovellus. Valitse Kirjaudu. Tunnistaudu pankkitunnuksilla.",
    "bad": (
        "Kun olet avannut sovelluksen ja valinnut kirjautumisen, sinun tulee tunnistautua "
        "pankkitunnuksilla tai mobiilivarmenteella, minkä jälkeen pääset etusivulle, jossa näet viestisi."
    ),
}


def check(doc, settings, ctx):
    limit = int(settings["max_words"])
    for sentence in sentences(doc, ctx):
        count = sentence.word_count
        if count > limit:
            yield Report(sentence.line, {"words": count, "limit": limit, "start": excerpt(sentence.text)})
