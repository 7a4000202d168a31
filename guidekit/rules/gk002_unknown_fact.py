"""GK002: a {{ placeholder }} that data/county.yml does not have."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.rules import Report

NAMES = ("GK002", "unknown-fact")
DESCRIPTION = "Tietoa ei löydy tietotiedostosta"
TAGS = ("authoring", "facts")
LANGUAGES = ALL_LANGUAGES
MESSAGES = {
    "fi": (
        "tietoa ”{key}” ei ole tiedostossa data/county.yml",
        "tarkista avaimen kirjoitusasu tiedostosta data/county.yml tai lisää tieto sinne",
    ),
    "en": (
        "fact “{key}” is not in data/county.yml",
        "check the key's spelling in data/county.yml, or add the fact there",
    ),
}
RATIONALE = (
    "Puhelinnumerot, aukioloajat ja osoitteet kirjoitetaan vain yhteen paikkaan, jotta ne "
    "pysyvät oikeina kaikilla sivuilla. Tuntematon avain näkyisi lukijalle sellaisenaan."
)
EXAMPLES = {
    "good": "Soita numeroon {{ customer_service.phone }}.",
    "bad": "Soita numeroon {{ customer_service.puhelin }}.",
}


def check(doc, settings, ctx):
    for line, key in doc.unknown_facts:
        yield Report(line, {"key": key})
