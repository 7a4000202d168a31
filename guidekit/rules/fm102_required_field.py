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
MESSAGES = {"fi": ("{problem}", "{fix}"), "en": ("{problem}", "{fix}")}
# A field that is not there, and one written with nothing after its colon (`reviewed:`):
# the author sees the line and must not be told it is missing.
WORDS = {
    "fi": {
        "missing": "{kind} puuttuu kenttä {field}",
        "empty": "{owner} kenttä {field} on tyhjä",
        "fix_missing": "lisää sivun alun tietoihin rivi {field}: … ({hint})",
        "fix_empty": "kirjoita arvo kaksoispisteen jälkeen: {field}: … ({hint})",
    },
    "en": {
        "missing": "{kind} has no field {field}",
        "empty": "{owner} field {field} is empty",
        "fix_missing": "add a line {field}: … to the front matter ({hint})",
        "fix_empty": "write a value after the colon: {field}: … ({hint})",
    },
}
KIND = {
    "fi": {True: "ohjeelta", False: "sivulta"},
    "en": {True: "the guide", False: "the page"},
}
OWNER = {
    "fi": {True: "ohjeen", False: "sivun"},
    "en": {True: "the guide's", False: "the page's"},
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
    lang = ctx.message_lang if ctx.message_lang in WORDS else "fi"
    words, hint_of = WORDS[lang], HINTS[lang]
    names = {"field": None, "kind": KIND[lang][guide], "owner": OWNER[lang][guide]}
    written = doc.front.field_lines if doc.front is not None else {}
    for name in missing_fields(doc.front_matter, required):
        details = {**names, "field": name, "hint": hint_of.get(name, "")}
        if name in written:  # `reviewed:` with no value: the line is there, on its own line
            yield Report(written[name], {"problem": words["empty"].format(**details),
                                         "fix": words["fix_empty"].format(**details)})
        else:
            yield Report(_closing_line(doc), {"problem": words["missing"].format(**details),
                                              "fix": words["fix_missing"].format(**details)})


def _closing_line(doc) -> int:
    """Where a missing field goes: the closing --- (or line 1 when there is no front matter)."""
    return doc.body_start - 1 if doc.body_start > 1 else 1
