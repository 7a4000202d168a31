"""GK001: a silencing comment must say why."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.rules import Report

NAMES = ("GK001", "suppression-reason")
DESCRIPTION = "Tarkistuksen ohitukselta puuttuu syy"
TAGS = ("authoring",)
LANGUAGES = ALL_LANGUAGES
MESSAGES = {
    "fi": (
        "ohitus {rules} ilman syytä",
        "kirjoita syy kaksoispisteen jälkeen: <!-- guidekit-disable {rules}: miksi tämä on tässä kohdassa oikein -->",
    ),
    "en": (
        "suppression of {rules} gives no reason",
        "write the reason after a colon: <!-- guidekit-disable {rules}: why this is right here -->",
    ),
}
RATIONALE = (
    "Ohitus on poikkeus, ja seuraava kirjoittaja tarvitsee sen syyn. Ilman syytä ohitus jää "
    "voimaan, vaikka teksti muuttuisi."
)
EXAMPLES = {
    "good": "<!-- guidekit-disable PL101: lakiviitteen nimi on kirjoitettava kokonaan -->",
    "bad": "<!-- guidekit-disable PL101 -->",
}


def check(doc, settings, ctx):
    for suppression in doc.suppressions:
        if not suppression.reason:
            yield Report(suppression.line, {"rules": ", ".join(suppression.rules)})
