"""FM111: `needs` names a need that data/county.yml does not list.

The front page lists every guide under the needs its front matter names (guidekit/needs.py);
an unknown or misspelt id would quietly drop the guide from that heading."""

from guidekit.frontmatter import read_front_matter
from guidekit.needs import needs_of
from guidekit.rules import Report

NAMES = ("FM111", "unknown-need")
DESCRIPTION = "Tarvetta ei löydy tietotiedostosta"
TAGS = ("authoring", "front-matter", "facts")
LANGUAGES = ("fi", "sv", "en", "selko")
MESSAGES = {
    "fi": (
        "tarvetta needs: ”{value}” ei ole tiedoston data/county.yml luettelossa needs",
        "kirjoita jokin näistä: {known}; uusi tarve otsikoineen lisätään ensin tiedostoon data/county.yml",
    ),
    "en": (
        "need “{value}” is not listed under needs in data/county.yml",
        "write one of: {known}; a new need and its headings are first added to data/county.yml",
    ),
}
RATIONALE = (
    "Etusivu näyttää ohjeet lukijan tarpeen mukaan (”En pääse kirjautumaan”, ”Haluan kysyä”). "
    "Ohje kertoo kentässä needs, minkä tarpeen alle se kuuluu. Kirjoitusvirhe tunnuksessa "
    "pudottaisi ohjeen pois oikean otsikon alta kenenkään huomaamatta."
)
EXAMPLES = {"good": "needs: [kirjaudu, kysy]", "bad": "needs: [kirjautuminen]"}


def check(doc, settings, ctx):
    if doc.front_matter_error is not None or "needs" not in doc.front_matter or ctx.facts is None:
        return  # broken: FM101; no needs: listed under "Muut ohjeet"; unreadable data file: the build
    known = ctx.facts.get("needs") or {}
    line = read_front_matter(doc.text).field_lines.get("needs", 1)
    for value in needs_of(doc.front_matter):
        if value not in known:
            yield Report(line, {"value": value, "known": ", ".join(known) or "-"})
