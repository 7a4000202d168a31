"""FM104: `service` names a service that data/county.yml does not list."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.frontmatter import is_blank, read_front_matter
from guidekit.rules import Report

NAMES = ("FM104", "unknown-service")
DESCRIPTION = "Palvelua ei löydy tietotiedostosta"
TAGS = ("authoring", "front-matter", "facts")
LANGUAGES = ALL_LANGUAGES
MESSAGES = {
    "fi": (
        "palvelua service: ”{value}” ei ole tiedoston data/county.yml luettelossa services",
        "kirjoita jokin näistä: {known}; uusi palvelu lisätään ensin tiedostoon data/county.yml",
    ),
    "en": (
        "service “{value}” is not listed under services in data/county.yml",
        "write one of: {known}; a new service is first added to data/county.yml",
    ),
}
RATIONALE = (
    "Palvelun tunnus kertoo, mitä digitaalista palvelua ohje neuvoo. Tunnukset ovat yhdessä "
    "paikassa (data/county.yml), jotta samaa palvelua ei kirjoiteta eri sivuilla eri tavoin."
)
EXAMPLES = {"good": "service: chat", "bad": "service: Chat-palvelu"}


def check(doc, settings, ctx):
    value = doc.front_matter.get("service")
    if doc.front_matter_error is not None or is_blank(value) or ctx.facts is None:
        return  # broken: FM101; missing: FM102; unreadable data file: reported by the build
    services = ctx.facts.get("services") or {}
    if isinstance(value, str) and value in services:
        return
    line = read_front_matter(doc.text).field_lines.get("service", 1)
    yield Report(line, {"value": value, "known": ", ".join(services) or "-"})
