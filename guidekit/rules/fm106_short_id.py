"""FM106: `short` is not a valid short-address id."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.frontmatter import is_blank, read_front_matter, short_id_problem
from guidekit.rules import Report

NAMES = ("FM106", "short-id")
DESCRIPTION = "Lyhytosoite ei kelpaa"
TAGS = ("authoring", "front-matter", "addresses")
LANGUAGES = ALL_LANGUAGES
MESSAGES = {
    "fi": (
        "lyhytosoite short: ”{value}” ei kelpaa",
        "käytä vain pieniä kirjaimia a–z, numeroita ja väliviivoja, ei ääkkösiä eikä välilyöntejä, esimerkiksi short: {suggestion}",
    ),
    "en": (
        "short address “{value}” is not valid",
        "use only lowercase letters a–z, digits and hyphens, no spaces or accents, e.g. short: {suggestion}",
    ),
}
RATIONALE = (
    "Lyhytosoite painetaan tulosteisiin ja QR-koodeihin, ja sen pitää toimia vuosia. Pienet "
    "kirjaimet, numerot ja väliviivat toimivat jokaisessa osoitteessa, ja ne on helppo "
    "kirjoittaa paperilta."
)
EXAMPLES = {"good": "short: ajanvaraus", "bad": "short: Ajanvaraus ja peruutus"}

ASCII = str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e", "ü": "u"})


def suggestion(value) -> str:
    words = "".join(c if c.isalnum() else " " for c in str(value).lower().translate(ASCII)).split()
    return "-".join("".join(c for c in w if c.isascii()) for w in words) or "oma-ohje"


def check(doc, settings, ctx):
    value = doc.front_matter.get("short")
    if doc.front_matter_error is not None or is_blank(value) or not short_id_problem(value):
        return
    line = read_front_matter(doc.text).field_lines.get("short", 1)
    yield Report(line, {"value": value, "suggestion": suggestion(value)})
