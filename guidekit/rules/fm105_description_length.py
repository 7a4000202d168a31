"""FM105: `description` is too long for search results (or is not text)."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.frontmatter import is_blank, read_front_matter
from guidekit.rules import Report
from guidekit.settings import Setting

NAMES = ("FM105", "description-length")
DESCRIPTION = "Kuvaus on liian pitkä"
TAGS = ("authoring", "front-matter")
LANGUAGES = ALL_LANGUAGES
SETTINGS = (
    Setting("max_characters", "integer", 160, "kuvauksen enimmäispituus merkkeinä", minimum=1),
)
MESSAGES = {
    "fi": (
        "kuvauksessa description on {length} merkkiä, enintään {max} sopii: ”…{tail}”",
        "lyhennä kuvausta {over} merkillä; kerro yhdellä lauseella, mitä ohjeessa opitaan",
    ),
    "en": (
        "the description has {length} characters, at most {max} fit: “…{tail}”",
        "shorten it by {over} characters; say in one sentence what the guide teaches",
    ),
}
RATIONALE = (
    "Kuvaus näkyy hakukoneiden tuloksissa ja sivuston omassa haussa. Hakukoneet katkaisevat "
    "noin 155–160 merkin jälkeen, joten pidempi kuvaus jää lukijalta kesken (Google Search "
    "Central: meta description)."
)
EXAMPLES = {
    "good": "description: Näin kysyt chatissa ja tallennat keskustelun.",
    "bad": "description: " + "Tässä ohjeessa kerrotaan kaikki chatista ja sen käyttämisestä. " * 3,
}


def check(doc, settings, ctx):
    value = doc.front_matter.get("description")
    if doc.front_matter_error is not None or is_blank(value):
        return
    limit = int(settings["max_characters"])
    text = " ".join(str(value).split())
    if len(text) <= limit:
        return
    line = read_front_matter(doc.text).field_lines.get("description", 1)
    yield Report(line, {"length": len(text), "max": limit, "over": len(text) - limit, "tail": text[limit - 20 :]})
