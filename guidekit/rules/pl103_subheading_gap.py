"""PL103: a long stretch of text without a subheading."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.rules import Report
from guidekit.settings import Setting
from guidekit.rules.plain import excerpt, sentences

NAMES = ("PL103", "subheading-gap")
DESCRIPTION = "Pitkä tekstijakso ilman väliotsikkoa"
TAGS = ("plain-language", "structure")
LANGUAGES = ALL_LANGUAGES
SETTINGS = (
    Setting("max_words", "integer", 250, "enimmäismäärä sanoja kahden otsikon välissä", minimum=1),
)
MESSAGES = {
    "fi": (
        "kohdasta ”{start}” alkaa {words} sanan jakso ilman väliotsikkoa (enintään {limit})",
        "lisää väliotsikoita, jotka kertovat, mitä kussakin osassa tehdään",
    ),
    "en": (
        "{words} words without a subheading from “{start}” on (at most {limit})",
        "add subheadings that say what each part is about",
    ),
}
RATIONALE = (
    "Väliotsikot ovat lukijan reittiopas: niistä näkee, missä oma asia on, ja sivulle voi "
    "palata kesken. Selkokeskuksen ohjeissa teksti jaetaan lyhyisiin, otsikoituihin osiin; "
    "WCAG 2.2:n onnistumiskriteeri 2.4.10 (Osioiden otsikot) suosittaa otsikoimaan sisällön osiot."
)
EXAMPLES = {
    "good": "## Aloita chat\n\n(muutama kappale)\n\n## Odota jonossa\n\n(muutama kappale)",
    "bad": "## Chat\n\n(kymmenen kappaletta aloittamisesta, jonottamisesta ja tallentamisesta ilman väliotsikoita)",
}


def check(doc, settings, ctx):
    limit = int(settings["max_words"])
    stretches = []  # [start excerpt, line, words]: each heading starts a new stretch
    current = None
    unit = None
    for sentence in sentences(doc, ctx):
        if sentence.unit is not unit:
            unit = sentence.unit
            if unit.kind == "heading" or current is None:
                current = [excerpt(unit.text), unit.line, 0]
                stretches.append(current)
        if unit.kind != "heading":
            current[2] += sentence.word_count
    for start, line, total in stretches:
        if total > limit:
            yield Report(line, {"start": start, "words": total, "limit": limit})
