"""HT103: an address that runs code (javascript:, data:) or loads from outside the site."""

from guidekit.rawhtml import document_problems
from guidekit.rules import Report

NAMES = ("HT103", "unsafe-address")
DESCRIPTION = "Osoite ajaa koodia tai lataa tiedoston sivuston ulkopuolelta"
TAGS = ("authoring", "html", "security", "privacy")
LANGUAGES = ("fi", "sv", "en", "selko")
MESSAGES = {
    "fi": ("osoite ”{what}” {why}", "{advice}"),
    "en": ("the address “{what}” {why}", "{advice}"),
}
ADVICE = {
    "fi": {
        "code": ("ajaa koodia (javascript:, vbscript:) tai tuo sisällön osoitteen mukana (data:)",
                 "linkitä tavalliseen https:-osoitteeseen tai sivuston omaan sivuun"),
        "outside": ("lataa tiedoston toiselta palvelimelta jokaiselle lukijalle",
                    "tallenna tiedosto sivuston kansioon docs/<kieli>/assets/ ja viittaa siihen suhteellisella "
                    "polulla, esim. ../assets/images/kuva.png"),
    },
    "en": {
        "code": ("runs code (javascript:, vbscript:) or carries content in the address (data:)",
                 "link to a plain https: address or to a page of the site"),
        "outside": ("loads a file from another server for every reader",
                    "save the file in the site's folder docs/<language>/assets/ and refer to it with a relative "
                    "path, e.g. ../assets/images/picture.png"),
    },
}
RATIONALE = (
    "javascript:-linkki ajaa koodia lukijan selaimessa, ja data:-osoite voi kuljettaa kokonaisen "
    "sivun tai skriptin. Osoite, jonka selain lataa sivun mukana (src, srcset, poster), ei saa "
    "olla toisella palvelimella: se kertoisi palvelimelle jokaisen lukijan IP-osoitteen. Tavallinen "
    "linkki toiselle sivustolle (<a href=\"https://…\">, [teksti](https://…)) on sallittu, samoin "
    "mailto: ja tel:. Kuvien src-osoitteet tarkistaa IMG202. Lähteet: OWASP Cross Site Scripting "
    "Prevention Cheat Sheet; tietosuoja-asetuksen (EU) 2016/679 artikla 5."
)
EXAMPLES = {
    "good": "[Avaa chat](https://chat.esimerkkila.example/)",
    "bad": "[Avaa chat](javascript:alert(1))",
}


def check(doc, settings, ctx):
    advice = ADVICE.get(getattr(ctx, "message_lang", "fi"), ADVICE["fi"])
    for problem in document_problems(doc):
        if problem.rule == "HT103":
            why, fix = advice[problem.kind]
            yield Report(problem.line, {"what": problem.what, "why": why, "advice": fix})
