"""PL301: an abbreviation in selkokieli."""

from guidekit import morphology
from guidekit.rules import Report
from guidekit.settings import Setting
from guidekit.rules.plain import allow_list, allowed, sentences

NAMES = ("PL301", "abbreviation")
DESCRIPTION = "Lyhenne selkotekstissä"
TAGS = ("plain-language", "selko", "words")
LANGUAGES = ("selko",)
SETTINGS = (
    Setting("words", "mapping", {}, "lyhenne → sana kokonaan"),
    Setting("allow", "list", [], "sallitut lyhenteet"),
)
MESSAGES = {
    "fi": (
        "lyhenne ”{word}”",
        "kirjoita sana kokonaan{full_fi}",
    ),
    "en": (
        "abbreviation “{word}”",
        "write the word in full{full_en}",
    ),
}
RATIONALE = (
    "Lyhenne on lukijalle arvoitus, jos hän ei tunne sitä, ja hidas lukija pysähtyy myös "
    "tuttuun lyhenteeseen. Selkokeskuksen kielellisissä ohjeissa lyhenteitä ei käytetä: "
    "kirjoitetaan esimerkiksi, kello ja maanantaista perjantaihin. Lyhenteet tunnistetaan "
    "asetusten sanalistasta ja Voikon sanaluokasta (lyhenne)."
)
EXAMPLES = {
    "good": "Digituki on avoinna maanantaista torstaihin kello 9–15.",
    "bad": "Digituki on avoinna ma–to klo 9–15, esim. puhelimessa.",
}


def _is_abbreviation(analysis) -> bool:
    return analysis.get("CLASS") == "lyhenne"


def check(doc, settings, ctx):
    listed = {str(k).lower(): v for k, v in settings["words"].items()}
    allow = allow_list(settings)
    for sentence in sentences(doc, ctx):
        for word in sentence.words:
            key = word.text.lower()
            written = word.text + ("." if word.dotted else "")
            if allowed(word.text, allow):
                continue
            full = None
            if word.dotted and key + "." in listed:
                full = listed[key + "."]
            elif key in listed:
                full = listed[key]
            elif not morphology.every_reading(word.text, _is_abbreviation):
                continue
            yield Report(
                word.line,
                {"word": written, "full_fi": f": ”{full}”" if full else "", "full_en": f": “{full}”" if full else ""},
            )
