"""IMG105: alt text too long to listen to; a long description belongs in the page text."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.findings import WARNING
from guidekit.images import described
from guidekit.rules import Report
from guidekit.settings import Setting

NAMES = ("IMG105", "alt-length")
DESCRIPTION = "Alt-teksti on liian pitkä"
TAGS = ("images", "alt-text")
LANGUAGES = ALL_LANGUAGES
SETTINGS = (
    Setting("warn_above", "integer", 125, "varoitus, kun alt-teksti on pidempi (merkkiä)", minimum=1),
    Setting("fail_above", "integer", 150, "virhe, kun alt-teksti on pidempi (merkkiä)", minimum=1),
)
MESSAGES = {
    "fi": (
        "alt-teksti on {length} merkkiä (raja {limit}): ”{start}”",
        "lyhennä alt-teksti enintään {limit} merkkiin ja kerro vain, mitä lukija tarvitsee tässä vaiheessa; "
        "pitkä kuvaus kuuluu sivun tekstiin kuvan viereen, jossa jokainen lukija näkee sen",
    ),
    "en": (
        "alt text is {length} characters (limit {limit}): “{start}”",
        "shorten the alt text to at most {limit} characters and say only what the reader needs at this step; "
        "a long description belongs in the page text next to the image, where every reader sees it",
    ),
}
RATIONALE = (
    "Alt-teksti luetaan yhtenä pötkönä, eikä sitä voi selata kuten tekstiä: pitkä kuvaus "
    "unohtuu ennen loppuaan, eivätkä näkevät lukijat näe sitä lainkaan. Yli 125 merkkiä on "
    "varoitus, yli 150 merkkiä virhe (guidekit.yml: IMG105.warn_above ja IMG105.fail_above). "
    "Jos kuvassa on paljon tietoa, kirjoita se sivun tekstiin ja pidä alt-teksti lyhyenä. "
    "Lähteet: GOV.UK Design System, Images (alt-teksti lyhyeksi, pitkä kuvaus sivun tekstiin); "
    "W3C WAI Images Tutorial, Complex images; WCAG 2.1 -onnistumiskriteeri 1.1.1."
)
EXAMPLES = {
    "good": "![Vapaat ajat valitulle päivälle. Alareunassa on Vahvista varaus -painike.](../assets/images/vapaat-ajat.png)",
    "bad": "![Vapaat ajat valitulle päivälle. Ylhäällä on kalenteri, jossa on kuukauden päivät, ja sen alla on luettelo "
    "kellonajoista kahdeksasta neljään, joista valittu aika on korostettu sinisellä. Alareunassa on Vahvista varaus "
    "-painike.](../assets/images/vapaat-ajat.png)",
}

PREVIEW = 40


def check(doc, settings, ctx):
    warn_above = int(settings["warn_above"])
    fail_above = int(settings["fail_above"])
    for image in doc.images:
        if not described(image):
            continue
        text = " ".join(image.alt.split())
        length = len(text)
        if length <= warn_above:
            continue
        start = text[:PREVIEW].rstrip() + "…"
        if length > fail_above:
            yield Report(image.line, {"length": length, "limit": fail_above, "start": start})
        else:
            yield Report(image.line, {"length": length, "limit": warn_above, "start": start}, severity=WARNING)
