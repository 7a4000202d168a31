"""PL202: a very long word, counted in letters."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.rules import Report
from guidekit.settings import Setting
from guidekit.rules.plain import allow_list, allowed, pieces, sentences
from guidekit.readability import LETTERS

NAMES = ("PL202", "long-word")
DESCRIPTION = "Sana on hyvin pitkä"
TAGS = ("plain-language", "words")
LANGUAGES = ALL_LANGUAGES
SETTINGS = (
    Setting("max_letters", "integer", 22, "sanan enimmäispituus kirjaimina", minimum=1),
    Setting("allow", "list", [], "sallitut sanat (alku kattaa kaikki sillä alkavat sanat)"),
)
MESSAGES = {
    "fi": (
        "sanassa ”{word}” on {letters} kirjainta (enintään {limit})",
        "käytä lyhyempää sanaa tai kirjoita asia useammalla sanalla",
    ),
    "en": (
        "the word “{word}” has {letters} letters (at most {limit})",
        "use a shorter word, or say it in several words",
    ),
}
RATIONALE = (
    "Silmä tunnistaa lyhyen sanan yhdellä katseella; hyvin pitkä sana pysäyttää lukijan. "
    "Sääntö täydentää yhdyssanasääntöä PL201: se toimii myös ruotsissa ja englannissa ja "
    "sanoille, joita Voikko ei tunne. Kotuksen mittauksessa selkouutisten sanojen "
    "keskipituus oli 7,3 kirjainta ja yleisuutisten 7,7–8,2 kirjainta. Lakisääteiset nimet "
    "(kuten saavutettavuusseloste) sallitaan asetuksissa (allow)."
)
EXAMPLES = {
    "good": "Tee muutos, kun olet kirjautunut.",
    "bad": "Yhdenvertaisuussuunnitelmaluonnoksesta pyydetään lausuntoja.",
}


def check(doc, settings, ctx):
    limit = int(settings["max_letters"])
    allow = allow_list(settings)
    seen = set()
    for sentence in sentences(doc, ctx):
        for word in sentence.words:
            if len(word.text) <= limit:
                continue  # no more letters than characters
            for piece in pieces(word.text):
                letters = len(LETTERS.findall(piece))
                if letters > limit and not allowed(piece, allow) and (word.line, piece) not in seen:
                    seen.add((word.line, piece))
                    yield Report(word.line, {"word": piece, "letters": letters, "limit": limit})
