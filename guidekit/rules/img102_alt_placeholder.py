"""IMG102: alt text that only says "image" (a placeholder, not a description)."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.images import alt_words, described
from guidekit.rules import Report
from guidekit.settings import Setting

NAMES = ("IMG102", "alt-placeholder")
DESCRIPTION = "Alt-teksti on pelkkä paikkamerkki, kuten ”kuva” tai ”kuvakaappaus”"
TAGS = ("images", "alt-text")
LANGUAGES = ALL_LANGUAGES
SETTINGS = (
    Setting("placeholders", "list", [], "paikkamerkkisanat"),
)
MESSAGES = {
    "fi": (
        "alt-teksti ”{alt}” ei kerro, mitä kuvassa on",
        "kirjoita, mitä lukijan pitää kuvasta tietää, esim. ”Kirjautumisnäkymä. Kirjaudu-painike on alareunassa.”",
    ),
    "en": (
        "alt text “{alt}” does not say what the image shows",
        "write what the reader needs to know from the image, e.g. “Sign-in screen. The Sign in button is at the bottom.”",
    ),
}
RATIONALE = (
    "Alt-teksti ”kuva”, ”kuvakaappaus” tai ”logo” kertoo vain, että kohdassa on kuva – sen "
    "ruudunlukija kertoo jo itse. Lukija ei saa tietää, mitä kuvassa näkyy eikä mitä hänen "
    "pitää tehdä. Sanalistat ovat kielittäin tiedostossa guidekit.yml (IMG102.placeholders); "
    "myös pelkät numerot ja välimerkit (”1”, ”-”) ovat paikkamerkkejä. Lähteet: W3C:n "
    "virhetapaus F30 (tekstivastine, joka ei ole vastine, kuten paikkamerkki); ACT-sääntö "
    "qt1vmo Image accessible name is descriptive; GOV.UK Design System, Images: alt-tekstin "
    "pitää kertoa kuvan sisältö ja tarkoitus."
)
EXAMPLES = {
    "good": "![Viestit-näkymä. Uusi viesti -painike on ylhäällä.](../assets/images/viestit.png)",
    "bad": "![Kuvakaappaus](../assets/images/viestit.png)",
}


def check(doc, settings, ctx):
    phrases = {alt_words(p) for p in settings["placeholders"]}
    words = {w for phrase in phrases for w in phrase.split()}
    for image in doc.images:
        if not described(image):
            continue
        text = alt_words(image.alt)
        if not text or text in phrases or all(w in words for w in text.split()):
            yield Report(image.line, {"alt": image.alt.strip(), "src": image.src})
