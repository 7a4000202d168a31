"""PL104: the page's readability score is over the language's limit."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.rules import Report
from guidekit.settings import Setting
from guidekit.rules.plain import page_score

NAMES = ("PL104", "readability")
DESCRIPTION = "Sivun luettavuusindeksi ylittää rajan"
TAGS = ("plain-language", "readability")
LANGUAGES = ALL_LANGUAGES
SETTINGS = (
    Setting("min_words", "integer", 60, "lyhyempiä sivuja ei pisteytetä", minimum=0),
    Setting("max", "number", None, "suurin sallittu indeksi, kun suurempi on vaikeampi (Wiio, LIX)", minimum=0, optional=True),
    Setting("min", "number", None, "pienin sallittu indeksi, kun suurempi on helpompi (Flesch)", optional=True),
)
MESSAGES = {
    "fi": (
        "sivu on liian vaikealukuinen: {measure} {value} (raja {bound}, {words} sanaa)",
        "lyhennä virkkeitä ja vaihda pitkät, harvinaiset sanat lyhyisiin ja tuttuihin",
    ),
    "en": (
        "the page is too hard to read: {measure} {value} (limit {bound}, {words} words)",
        "shorten sentences and replace long, rare words with short, common ones",
    ),
}
RATIONALE = (
    "Luettavuusindeksi kertoo koko sivun vaikeuden yhdellä luvulla. Suomessa ja selkokielessä "
    "käytetään Wiion kaavan yksinkertaista muotoa, kuten Voikon omissa tilastoissa: "
    "luokka-aste = 2,7 + 30 × niiden sanojen osuus, joiden perusmuodossa on vähintään neljä "
    "tavua (Wiio 1968; Haataja, DI-työ, TKK). Ruotsissa käytetään LIX-lukua (Björnsson 1968): "
    "sanoja virkkeessä + pitkien (yli kuuden kirjaimen) sanojen prosenttiosuus. Englannissa "
    "käytetään Fleschin helppolukuisuutta (Flesch 1948), jossa suurempi luku on helpompi. "
    "Indeksi ei korvaa lukijan testaamista, mutta se paljastaa vaikeutuvan tekstin."
)
EXAMPLES = {
    "good": "Avaa sovellus. Kirjaudu sisään. Valitse Viestit. Kirjoita viesti ja paina Lähetä.",
    "bad": "Asiakastietojärjestelmän käyttöönoton yhteydessä toteutettavat tunnistautumisratkaisut "
    "edellyttävät palvelukokonaisuuden yhteensovittamista.",
}


def check(doc, settings, ctx):
    score = page_score(doc, ctx)
    if score is None or score.words < int(settings["min_words"]):
        return
    limit = settings["max"] if score.higher_is_harder else settings["min"]
    if limit is None:  # no limit set for this language's formula
        return
    limit = float(limit)
    if score.passes(limit):
        return
    line = next((u.line for u in doc.units if u.kind == "heading"), doc.body_start)
    bound = f"≤ {limit:g}" if score.higher_is_harder else f"≥ {limit:g}"
    yield Report(line, {"measure": score.measure, "value": f"{score.value:.1f}", "bound": bound, "words": score.words})
