"""PL310: nominal style in Swedish and English: a light verb carrying an action noun, or a
sentence crowded with action nouns (word lists and endings in guidekit.yml)."""

import re

from guidekit.rules import Report
from guidekit.rules.plain import allow_list, allowed, sentences
from guidekit.settings import Setting

NAMES = ("PL310", "nominalisation")
DESCRIPTION = "Substantiivityyli (ruotsi, englanti)"
TAGS = ("plain-language", "verbs")
LANGUAGES = ("sv", "en")
SETTINGS = (
    Setting("endings", "list", [], "teonnimien päätteet (sv -ning, -else; en -tion, -ment)"),
    Setting("light_verbs", "list", [], "väljät verbit kaikkine taivutusmuotoineen (göra, gör; make, made)"),
    Setting("window", "integer", 3, "kuinka monen sanan päässä verbin jälkeen teonnimi voi olla", minimum=1),
    Setting("max_per_sentence", "integer", 2, "teonnimiä virkkeessä enintään", minimum=1),
    Setting("min_letters", "integer", 7, "teonnimen vähimmäispituus kirjaimina", minimum=1),
    Setting("allow", "list", [], "sanat, jotka eivät ole tekojen nimiä (myös yhdyssanan loppuna)"),
)
MESSAGES = {
    "fi": (
        "substantiivityyli ”{words}”",
        "käytä verbiä, esimerkiksi ”{phrase}” → ”{verb}”",
    ),
    "en": (
        "nominal style “{words}”",
        "use the verb, for example “{phrase}” → “{verb}”",
    ),
}
# The fix's example in the page's own language: a Swedish author is not helped by English.
FIX_EXAMPLES = {
    "sv": {"phrase": "göra en bedömning", "verb": "bedöma"},
    "en": {"phrase": "make a decision", "verb": "decide"},
}
RATIONALE = (
    "Kun teko on substantiivina (bedömning, handläggning; decision, application), lause "
    "raskaantuu ja tekijä katoaa. Myndigheternas skrivregler (Språkrådet, ISOF) neuvoo "
    "välttämään substantiveringar ja käyttämään verbiä, ja GOV.UK:n ohje neuvoo samoin "
    "(”make a decision” → ”decide”). Sääntö ilmoittaa asetusten väljän verbin (`light_verbs`, "
    "kaikki taivutusmuodot listattuina), kun `window` sanan päässä on teonnimi, eli sana, "
    "joka päättyy johonkin `endings`-päätteeseen (sv -ning, -else; en -tion, -ment …) ja "
    "on vähintään `min_letters` kirjainta pitkä, sekä virkkeen, jossa on yli "
    "`max_per_sentence` teonnimeä. `allow` luettelee sanat, jotka päätteestä huolimatta "
    "eivät ole tekojen nimiä (information, payment; organisation, mottagning), myös "
    "yhdyssanan loppuosana (husläkarmottagning)."
)
EXAMPLES = {
    "good": "We decide within two weeks. Vi bedömer ditt behov av hjälp.",
    "bad": "A decision will be made within two weeks. Vi gör en bedömning av ditt behov.",
}

WORD = re.compile(r"[^\W\d_]+")


def _allowed(lower: str, allow: tuple) -> bool:
    """An allowed word, also as the last part of a compound (husläkarmottagning, -en, -ar …)."""
    return allowed(lower, allow) or any(
        entry in lower and len(lower) - lower.rfind(entry) - len(entry) <= 5 for entry in allow
    )


def action_noun(lower: str, endings: tuple, min_letters: int, allow: tuple) -> bool:
    return len(lower) >= min_letters and lower.endswith(endings) and not _allowed(lower, allow)


def check(doc, settings, ctx):
    endings = tuple(str(e).lower() for e in settings["endings"])
    light_verbs = {str(v).lower() for v in settings["light_verbs"]}
    min_letters = int(settings["min_letters"])
    window = int(settings["window"])
    most = int(settings["max_per_sentence"])
    allow = allow_list(settings)
    if not endings:
        return
    example = FIX_EXAMPLES.get(doc.lang, FIX_EXAMPLES["en"])
    for sentence in sentences(doc, ctx):
        words = [w for w in sentence.words if WORD.fullmatch(w.text)]
        lowered = [w.text.lower() for w in words]
        nouns = [i for i, lower in enumerate(lowered) if action_noun(lower, endings, min_letters, allow)]
        reported = False
        for index, lower in enumerate(lowered):
            if lower not in light_verbs:
                continue
            near = [i for i in nouns if 0 < i - index <= window]
            if near:
                yield Report(words[index].line, {"words": f"{words[index].text} … {words[near[0]].text}", **example})
                reported = True
                break
        if not reported and len(nouns) > most:
            yield Report(sentence.line, {"words": ", ".join(words[i].text for i in nouns), **example})
