"""PL201: a compound word of too many parts (Finnish and selko, with Voikko)."""

from guidekit.languages import written_in
from guidekit import morphology
from guidekit.rules import Report
from guidekit.settings import Setting
from guidekit.rules.plain import allow_list, allowed, pieces, sentences

NAMES = ("PL201", "compound-word")
DESCRIPTION = "Yhdyssanassa on liian monta osaa"
TAGS = ("plain-language", "words", "voikko")
LANGUAGES = written_in("fi")  # Finnish and selko
SETTINGS = (
    Setting("max_parts", "integer", 3, "yhdyssanan osien enimmäismäärä", minimum=1),
    Setting("allow", "list", [], "sallitut sanat (alku kattaa kaikki sillä alkavat sanat)"),
)
MESSAGES = {
    "fi": (
        "yhdyssanassa ”{word}” on {count} osaa ({parts}), enintään {limit}",
        "pura sana osiin (esimerkiksi ”palvelu, jossa tunnistaudut”) tai jaa se tavuviivalla",
    ),
    "en": (
        "compound “{word}” has {count} parts ({parts}), at most {limit}",
        "take the word apart into a phrase, or split it with a hyphen",
    ),
}
RATIONALE = (
    "Pitkä yhdyssana on luettava kahdesti: lukijan on ensin löydettävä sanan osat ja sitten "
    "niiden suhde. Osat lasketaan Voikon jäsennyksestä (WORDBASES), ei kirjaimista: sanakirjan "
    "yhtenä sanana tuntema sana, kuten hyvinvointi, on yksi osa. Selkokeskuksen ohjeissa pitkät "
    "yhdyssanat korvataan lyhyemmillä tai jaetaan tavuviivalla (sähköposti-osoite); Kotuksen "
    "mittauksessa selkouutisten sanat olivat keskimäärin 7,3 kirjaimen pituisia, yleisuutisten 7,7–8,2."
)
EXAMPLES = {
    "good": "Kirjoita sähköposti-osoitteesi.",
    "bad": "Asiakastietojärjestelmäuudistus vaikuttaa palveluun.",
}


def check(doc, settings, ctx):
    if not morphology.available():
        return
    limit = int(settings["max_parts"])
    allow = allow_list(settings)
    seen = set()
    for sentence in sentences(doc, ctx):
        for word in sentence.words:
            for piece in pieces(word.text):
                if not piece.isalpha() or allowed(piece, allow) or (word.line, piece) in seen:
                    continue
                parts = morphology.fewest_parts(piece)
                if len(parts) > limit:
                    seen.add((word.line, piece))
                    yield Report(
                        word.line,
                        {"word": piece, "count": len(parts), "parts": " + ".join(parts), "limit": limit},
                    )
