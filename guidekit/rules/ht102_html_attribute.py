"""HT102: raw HTML, or a Markdown {…} attribute list, with an attribute that is not allowed."""

from guidekit.rawhtml import ELEMENT_ATTRIBUTES, GLOBAL_ATTRIBUTES, document_problems
from guidekit.rules import Report

NAMES = ("HT102", "html-attribute-not-allowed")
DESCRIPTION = "Ohjeen HTML:ssä on määrite, jota ei saa käyttää"
TAGS = ("authoring", "html", "security", "privacy")
LANGUAGES = ("fi", "sv", "en", "selko")
MESSAGES = {
    "fi": ("HTML-määrite {what} ei ole sallittu: {why}", "{advice}"),
    "en": ("the HTML attribute {what} is not allowed: {why}", "{advice}"),
}
ADVICE = {
    "fi": {
        "handler": ("tapahtumamääritteen (on…) koodi ajettaisiin lukijan selaimessa", "poista määrite"),
        "style": ("tyylit tulevat sivuston tyylitiedostosta, ja CSS:n url() voisi ladata tiedostoja muualta",
                  "poista määrite; tarvittava tyyli lisätään tiedostoon overrides/assets/stylesheets/site.css"),
        "other": ("se ei ole tämän elementin sallittujen määritteiden luettelossa",
                  "poista määrite (sallitut määritteet: authoring/rules.md, HT102)"),
    },
    "en": {
        "handler": ("the code of an event attribute (on…) would run in the reader's browser", "remove the attribute"),
        "style": ("styles come from the site's stylesheet, and a CSS url() could load files from elsewhere",
                  "remove the attribute; a style that is needed goes into overrides/assets/stylesheets/site.css"),
        "other": ("it is not on this element's list of allowed attributes",
                  "remove the attribute (allowed attributes: authoring/rules.md, HT102)"),
    },
}
RATIONALE = (
    "Tapahtumamääritteet (onclick, onerror …) ovat skriptejä, ja style-määritteen CSS voi ladata "
    "kuvia ja fontteja muualta (url()). Python-Markdownin {…}-määriteluettelo julkaisee minkä "
    "tahansa määritteen, joten sekin tarkistetaan. Kaikissa sallituissa elementeissä saa käyttää "
    "määritteitä " + ", ".join(sorted(GLOBAL_ATTRIBUTES)) + " ja aria-…; lisäksi "
    + "; ".join(f"{tag}: {', '.join(sorted(names))}" for tag, names in sorted(ELEMENT_ATTRIBUTES.items()))
    + ". Lähde: OWASP Cross Site Scripting Prevention Cheat Sheet."
)
EXAMPLES = {
    "good": "<td colspan=\"2\">Kaksi saraketta</td>",
    "bad": "<img src=\"../assets/images/x.png\" alt=\"\" onerror=\"alert(1)\">",
}


def check(doc, settings, ctx):
    advice = ADVICE.get(getattr(ctx, "message_lang", "fi"), ADVICE["fi"])
    for problem in document_problems(doc):
        if problem.rule == "HT102":
            why, fix = advice[problem.kind]
            yield Report(problem.line, {"what": problem.what, "why": why, "advice": fix})
