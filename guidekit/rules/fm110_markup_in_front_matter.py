"""FM110: HTML markup in a front-matter field (title, description, keywords …).

The title goes into the navigation of every page, the browser tab and the search
index, the description into a <meta> tag: text there must stay text. A `<` or `>`
could open a tag, and a script in a title would run on every page (issue 14)."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.frontmatter import read_front_matter
from guidekit.htmlsafe import MARKUP
from guidekit.rules import Report

NAMES = ("FM110", "markup-in-front-matter")
DESCRIPTION = "HTML-merkintä sivun alun tiedoissa"
TAGS = ("authoring", "front-matter", "security")
LANGUAGES = ALL_LANGUAGES
MESSAGES = {
    "fi": (
        "kentässä {field} on HTML-merkki ”{sign}”: {excerpt}",
        "kirjoita otsikkoon ja kuvaukseen pelkkää tekstiä ilman merkkejä < ja >",
    ),
    "en": (
        "field {field} contains the HTML character “{sign}”: {excerpt}",
        "write plain text in the title and description, without the characters < and >",
    ),
}
RATIONALE = (
    "Otsikko näkyy jokaisen sivun valikossa, selaimen välilehdellä ja haussa, kuvaus sivun "
    "metatiedoissa. Niissä merkki < voisi aloittaa HTML-koodin, ja otsikkoon kirjoitettu skripti "
    "toimisi jokaisella sivulla. Siksi sivun alun tiedoissa saa olla vain tekstiä."
)
EXAMPLES = {
    "good": "title: Kysy chatissa",
    "bad": "title: Kysy chatissa<img src=x onerror=alert(1)>",
}


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def check(doc, settings, ctx):
    if doc.front_matter_error is not None:
        return
    lines = None
    for name, value in doc.front_matter.items():
        for text in _strings(value):
            match = MARKUP.search(text)
            if match:
                lines = lines or read_front_matter(doc.text).field_lines
                start = max(0, match.start() - 20)
                yield Report(lines.get(name, 1), {"field": name, "sign": match.group(0),
                                                  "excerpt": text[start:match.start() + 20]})
                break
