"""FM103: `reviewed` is not a date (written another way, or in the future)."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
import datetime as dt

from guidekit.document import as_date
from guidekit.frontmatter import iso_suggestion, is_blank, read_front_matter
from guidekit.rules import Report

NAMES = ("FM103", "review-date")
DESCRIPTION = "Tarkistuspäivä ei ole päivämäärä"
TAGS = ("authoring", "front-matter", "review")
LANGUAGES = ALL_LANGUAGES
MESSAGES = {
    "fi": ("tarkistuspäivä reviewed: ”{value}” {problem}", "{fix}"),
    "en": ("review date reviewed: “{value}” {problem}", "{fix}"),
}
WORDS = {
    "fi": {
        "format": "ei ole muotoa VVVV-KK-PP",
        "future": "on tulevaisuudessa",
        "fix_format": "kirjoita päivä muodossa VVVV-KK-PP, esimerkiksi reviewed: 2026-03-12",
        "fix_suggest": "kirjoita reviewed: {iso}",
        "fix_future": "kirjoita päivä, jolloin tarkistit ohjeen; se ei voi olla myöhemmin kuin tänään ({today})",
    },
    "en": {
        "format": "is not written as YYYY-MM-DD",
        "future": "is in the future",
        "fix_format": "write the day as YYYY-MM-DD, e.g. reviewed: 2026-03-12",
        "fix_suggest": "write reviewed: {iso}",
        "fix_future": "write the day you checked the guide; it cannot be later than today ({today})",
    },
}
RATIONALE = (
    "Tarkistuspäivä näytetään lukijalle jokaisen ohjeen lopussa, ja sen perusteella työkalut "
    "muistuttavat, kun ohje pitää tarkistaa uudelleen. Siksi sen pitää olla oikea päivämäärä, "
    "muodossa VVVV-KK-PP, jonka YAML tunnistaa päivämääräksi."
)
EXAMPLES = {"good": "reviewed: 2026-03-12", "bad": "reviewed: 12.3.2026"}


def check(doc, settings, ctx):
    value = doc.front_matter.get("reviewed")
    if doc.front_matter_error is not None or is_blank(value):
        return  # broken: FM101; missing: FM102
    words = WORDS.get(ctx.message_lang, WORDS["fi"])
    day = as_date(value)
    if day is not None and day <= dt.date.today():
        return
    line = read_front_matter(doc.text).field_lines.get("reviewed", 1)
    if day is None:
        iso = iso_suggestion(value)
        fix = words["fix_suggest"].format(iso=iso) if iso else words["fix_format"]
        yield Report(line, {"value": value, "problem": words["format"], "fix": fix})
    else:
        today = dt.date.today().isoformat()
        yield Report(line, {"value": day.isoformat(), "problem": words["future"], "fix": words["fix_future"].format(today=today)})
