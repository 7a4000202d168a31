"""PL303: -minen nouns in selkokieli (Voikko)."""

from guidekit import morphology
from guidekit.rules import Report
from guidekit.settings import Setting
from guidekit.rules.plain import allow_list, allowed, sentences, share_exceeded

NAMES = ("PL303", "minen-noun")
DESCRIPTION = "-minen-johdos selkotekstissä"
TAGS = ("plain-language", "selko", "verbs", "voikko")
LANGUAGES = ("selko",)
SETTINGS = (
    Setting("max_share", "number", 0.0, "osuus virkkeistä, jossa rakennetta saa olla ennen löydöksiä", minimum=0, maximum=1),
    Setting("allow", "list", [], "sallitut sanat"),
)
MESSAGES = {
    "fi": (
        "verbistä tehty -minen-sana ”{word}” (perusmuoto {base})",
        "käytä verbiä: ”tunnistautuminen on pakollista” → ”sinun pitää tunnistautua”",
    ),
    "en": (
        "-minen noun made from a verb: “{word}” (verb {base})",
        "use the verb: “tunnistautuminen on pakollista” → “sinun pitää tunnistautua”",
    ),
}
RATIONALE = (
    "-minen-johdos tekee teosta asian: ”ajan varaaminen” on raskaampi kuin ”varaa aika”. "
    "Substantiivityyli on virkakielen tuntomerkki, ja Selkokeskuksen ohjeissa suositaan "
    "verbejä. Voikko tunnistaa johdoksen (MINEN-infinitive); sanaa ei ilmoiteta, jos Voikko "
    "lukee sen myös toisin (kuten ihminen tai huominen, jotka eivät ole johdoksia)."
)
EXAMPLES = {
    "good": "Varaa aika sovelluksessa.",
    "bad": "Ajan varaaminen onnistuu sovelluksessa.",
}


def check(doc, settings, ctx):
    if not morphology.available():
        return
    all_sentences = sentences(doc, ctx)
    allow = allow_list(settings)
    hits = []
    for sentence in all_sentences:
        found = [
            w for w in sentence.words
            if not allowed(w.text, allow) and morphology.every_reading(w.text, morphology.is_minen_noun)
        ]
        if found:
            hits.append(found)
    if not share_exceeded(len(hits), len(all_sentences), settings):
        return
    for found in hits:
        for word in found:
            base = morphology.analyses(word.text)[0].get("BASEFORM", "")
            yield Report(word.line, {"word": word.text, "base": base})
