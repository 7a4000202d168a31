"""PL102: a paragraph with too many words."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.rules import Report
from guidekit.settings import Setting
from guidekit.rules.plain import excerpt, sentences

NAMES = ("PL102", "paragraph-length")
DESCRIPTION = "Kappale on liian pitkä"
TAGS = ("plain-language", "structure")
LANGUAGES = ALL_LANGUAGES
SETTINGS = (
    Setting("max_words", "integer", 80, "kappaleen tai luettelon kohdan enimmäispituus sanoina", minimum=1),
)
MESSAGES = {
    "fi": (
        "kappaleessa on {words} sanaa (enintään {limit}): ”{start}”",
        "jaa kappale kahdeksi tai tee siitä luettelo; yksi kappale käsittelee yhtä asiaa",
    ),
    "en": (
        "paragraph has {words} words (at most {limit}): “{start}”",
        "split the paragraph or turn it into a list; one paragraph, one topic",
    ),
}
RATIONALE = (
    "Verkossa luetaan silmäillen, ja pitkä kappale näyttää ruudulla, varsinkin puhelimessa, "
    "tekstimuurilta. Selkokeskuksen taitto-ohjeissa kappaleet ovat lyhyitä ja niiden välissä "
    "on tyhjä rivi; Kielitoimiston ohjepankin verkkotekstiohjeissa suositellaan lyhyitä, "
    "yhden asian kappaleita."
)
EXAMPLES = {
    "good": "Chat on avoinna arkisin. Kirjoita kysymyksesi lyhyesti.\n\nJos jono on pitkä, voit myös soittaa.",
    "bad": "Yksi yhtenäinen kappale, jossa kerrotaan chatin aukioloajat, kirjautuminen, jonottaminen, "
    "keskustelun tallentaminen ja puhelinpalvelu peräkkäin ilman välejä …",
}

UNIT_KINDS = ("paragraph", "list_item")


def check(doc, settings, ctx):
    limit = int(settings["max_words"])
    per_unit: dict = {}
    for sentence in sentences(doc, ctx):
        if sentence.unit.kind in UNIT_KINDS:
            per_unit[sentence.unit] = per_unit.get(sentence.unit, 0) + sentence.word_count
    for unit, count in per_unit.items():
        if count > limit:
            yield Report(unit.line, {"words": count, "limit": limit, "start": excerpt(unit.text)})
