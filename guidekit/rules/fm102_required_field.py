"""FM102: a field the page needs is missing or empty (guides need more than other pages)."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.frontmatter import is_guide, missing_fields
from guidekit.rules import Report
from guidekit.settings import Setting

NAMES = ("FM102", "required-field")
DESCRIPTION = "Sivun alun tiedoista puuttuu pakollinen kenttä"
TAGS = ("authoring", "front-matter")
LANGUAGES = ALL_LANGUAGES
SETTINGS = (
    Setting("guide_fields", "list", [], "ohjeen pakolliset kentät"),
    Setting("page_fields", "list", [], "muun sivun pakolliset kentät"),
)
MESSAGES = {
    "fi": (
        "{kind} puuttuu kenttä {field}",
        "lisää sivun alun tietoihin rivi {field}: … ({hint})",
    ),
    "en": (
        "{kind} has no field {field}",
        "add a line {field}: … to the front matter ({hint})",
    ),
}
KIND = {
    "fi": {True: "ohjeelta", False: "sivulta"},
    "en": {True: "the guide", False: "the page"},
}
HINTS = {
    "fi": {
        "title": "sivun otsikko, joka näkyy selaimen välilehdellä ja hakutuloksissa",
        "description": "lyhyt kuvaus, enintään 160 merkkiä; näkyy hakutuloksissa",
        "service": "palvelun tunnus tiedostosta data/county.yml, kohta services",
        "reviewed": "päivä, jolloin tarkistit ohjeen oikeaa palvelua vasten, esimerkiksi 2026-03-12",
        "owner": "vastuutiimi, esimerkiksi Viestintä / digituki",
        "short": "pysyvä lyhytosoite: pieniä kirjaimia, numeroita ja väliviivoja",
    },
    "en": {
        "title": "the page title shown in the browser tab and in search results",
        "description": "a short summary, at most 160 characters, shown in search results",
        "service": "the service id from data/county.yml, under services",
        "reviewed": "the day you checked the guide against the real service, e.g. 2026-03-12",
        "owner": "the responsible team, e.g. Viestintä / digituki",
        "short": "the permanent short address: lowercase letters, digits and hyphens",
    },
}
RATIONALE = (
    "Otsikko ja kuvaus näkyvät hakutuloksissa ja selaimen välilehdellä. Ohjeen palvelu, "
    "tarkistuspäivä, vastuutiimi ja lyhytosoite pitävät ohjeen ajan tasalla: työkalut "
    "muistuttavat tarkistuksesta ja tulosteen QR-koodi vie lyhytosoitteeseen."
)
EXAMPLES = {
    "good": (
        "---\ntitle: Kysy chatissa\ndescription: Näin kysyt chatissa.\nservice: chat\n"
        "reviewed: 2026-03-12\nowner: Viestintä / digituki\nshort: chat\n---"
    ),
    "bad": "---\ntitle: Kysy chatissa\nservice: chat\n---",
}


def check(doc, settings, ctx):
    if doc.front_matter_error is not None:
        return  # FM101 says what is wrong; every field would look missing
    guide = is_guide(doc.front_matter, doc.path)
    required = settings["guide_fields" if guide else "page_fields"]
    hints = HINTS.get(ctx.message_lang, HINTS["fi"])
    kind = KIND.get(ctx.message_lang, KIND["fi"])[guide]
    line = _closing_line(doc)
    for name in missing_fields(doc.front_matter, required):
        yield Report(line, {"field": name, "hint": hints.get(name, ""), "kind": kind})


def _closing_line(doc) -> int:
    """Where a missing field goes: the closing --- (or line 1 when there is no front matter)."""
    return doc.body_start - 1 if doc.body_start > 1 else 1
