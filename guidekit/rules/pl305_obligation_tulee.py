"""PL305: obligation written as "tulee + infinitive" (hakemus tulee toimittaa)."""

from guidekit.languages import written_in
from guidekit import morphology
from guidekit.rules import Report
from guidekit.settings import Setting
from guidekit.rules.plain import sentences

NAMES = ("PL305", "obligation-tulee")
DESCRIPTION = "Velvoittava tulee + perusmuoto"
TAGS = ("plain-language", "verbs", "voikko")
LANGUAGES = written_in("fi")  # Finnish and selko
SETTINGS = (
    Setting("window", "integer", 3, "kuinka monen sanan päässä tulla-verbistä infinitiivi voi olla", minimum=1),
)
MESSAGES = {
    "fi": (
        "velvoittava ”{words}”",
        "kirjoita käsky tai pitää-rakenne: ”hakemus tulee toimittaa” → ”lähetä hakemus” tai ”hakemus pitää lähettää”",
    ),
    "en": (
        "obligation written as “{words}” (tulee + infinitive)",
        "use the imperative or pitää: “hakemus tulee toimittaa” → “lähetä hakemus” / “hakemus pitää lähettää”",
    ),
}
RATIONALE = (
    "Velvoittava tulla-verbi (”asiakkaan tulee ilmoittaa”) on virkakielen tuntomerkki. "
    "Kielitoimiston ohjepankin mukaan se on yleiskielessä mahdollinen, mutta selkeämpiä ovat "
    "pitää, täytyy ja täytyä sekä lukijalle suoraan sanottu käsky (”ilmoita”). Sääntö "
    "ilmoittaa tulla-verbin persoonamuodon, jota seuraa `window` sanan sisällä A-infinitiivi "
    "(tulee tehdä); tulevaisuutta ilmaiseva tulee tekemään ei ole velvoitus."
)
EXAMPLES = {
    "good": "Lähetä hakemus viimeistään perjantaina. Liitteet pitää lähettää samalla kertaa.",
    "bad": "Hakemus tulee toimittaa viimeistään perjantaina. Asiakkaan tulisi liittää mukaan todistus.",
}


def _is_finite_tulla(analysis) -> bool:
    return (
        analysis.get("BASEFORM") == "tulla"
        and analysis.get("CLASS") == "teonsana"
        and analysis.get("PERSON") == "3"
        and analysis.get("MOOD") in ("indicative", "conditional")
    )


def _can_be_a_infinitive(word: str) -> bool:
    # toimittaa is both "he/she delivers" and the A-infinitive: after tulee it is the infinitive.
    # Every reading must be a verb: päästä is also "from the head" (viikon päästä).
    readings = morphology.analyses(word)
    return (
        bool(readings)
        and all(a.get("CLASS") == "teonsana" for a in readings)
        and any(a.get("MOOD") == "A-infinitive" for a in readings)
    )


def check(doc, settings, ctx):
    if not morphology.available():
        return
    window = int(settings["window"])
    for sentence in sentences(doc, ctx):
        tokens = sentence.words
        for index, word in enumerate(tokens):
            if not morphology.every_reading(word.text, _is_finite_tulla):
                continue
            for later in tokens[index + 1 : index + 1 + window]:
                if _can_be_a_infinitive(later.text):
                    joined = " " if later is tokens[index + 1] else " … "
                    yield Report(word.line, {"words": f"{word.text}{joined}{later.text}"})
                    break
