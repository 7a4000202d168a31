"""FM108: a {{ placeholder }} in the front matter, where it is never filled in."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.facts import PLACEHOLDER
from guidekit.frontmatter import read_front_matter
from guidekit.rules import Report

NAMES = ("FM108", "placeholder-in-front-matter")
DESCRIPTION = "Tietokenttä sivun alun tiedoissa"
TAGS = ("authoring", "front-matter", "facts")
LANGUAGES = ALL_LANGUAGES
MESSAGES = {
    "fi": (
        "kentässä {field} on tietokenttä ”{placeholder}”, jota ei täytetä",
        "kirjoita otsikkoon ja kuvaukseen tavallista tekstiä; tietokentät toimivat vain sivun tekstissä",
    ),
    "en": (
        "field {field} contains the placeholder “{placeholder}”, which is never filled in",
        "write plain text in the title and description; placeholders work only in the page text",
    ),
}
RATIONALE = (
    "Tietokentät, kuten {{ app.name }}, täytetään vain sivun tekstiin. Otsikossa tai kuvauksessa "
    "lukija ja hakukone näkisivät aaltosulkeet sellaisenaan."
)
EXAMPLES = {
    "good": "title: Ota sovellus käyttöön",
    "bad": "title: Ota {{ app.name }} käyttöön",
}


def check(doc, settings, ctx):
    if doc.front_matter_error is not None:
        return
    lines = None
    for name, value in doc.front_matter.items():
        if not isinstance(value, str):
            continue
        match = PLACEHOLDER.search(value)
        if match:
            lines = lines or read_front_matter(doc.text).field_lines
            yield Report(lines.get(name, 1), {"field": name, "placeholder": match.group(0)})
