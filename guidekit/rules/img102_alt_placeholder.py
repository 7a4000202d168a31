"""IMG102: alt text that only says "image" (a placeholder, not a description), in any language.

The words are data: each language's list in guidekit.yml (IMG102.<lang>.placeholders, the
languages of the registry, guidekit/languages.py). A page is checked against every
language's list, since an author copies "screenshot" from an English tool onto a Finnish page.
"""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.images import alt_words, described
from guidekit.rules import Report
from guidekit.settings import Setting

NAMES = ("IMG102", "alt-placeholder")
DESCRIPTION = "Alt-teksti on pelkkä paikkamerkki, kuten ”kuva” tai ”kuvakaappaus”"
TAGS = ("images", "alt-text")
LANGUAGES = ALL_LANGUAGES
SETTINGS = (
    Setting("placeholders", "list", [], "kielen paikkamerkkisanat; sivua verrataan kaikkien kielten listoihin"),
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
    "pitää tehdä. Sanalistat ovat kielittäin tiedostossa guidekit.yml (IMG102.<kieli>.placeholders), "
    "ja jokaisen sivun alt-tekstejä verrataan kaikkien kielten listoihin: englanninkielinen "
    "”screenshot” tai ruotsinkielinen ”bild” suomenkielisellä sivulla on yhtä lailla paikkamerkki. "
    "Uusi kieli lisää listansa omaan lohkoonsa. Myös pelkät numerot ja välimerkit (”1”, ”-”) "
    "ovat paikkamerkkejä; tiedostonimen alt-tekstinä tunnistaa IMG103. Lähteet: W3C:n "
    "virhetapaus F30 (tekstivastine, joka ei ole vastine, kuten paikkamerkki); ACT-sääntö "
    "qt1vmo Image accessible name is descriptive; GOV.UK Design System, Images: alt-tekstin "
    "pitää kertoa kuvan sisältö ja tarkoitus."
)
EXAMPLES = {
    "good": "![Viestit-näkymä. Uusi viesti -painike on ylhäällä.](../assets/images/viestit.png)",
    "bad": "![Kuvakaappaus](../assets/images/viestit.png)",
}


def placeholders(settings, ctx) -> set[str]:
    """The placeholder phrases of every registry language (normalised), the page's own first."""
    lists = [settings["placeholders"]]
    if ctx is not None:
        lists += [ctx.config.rule(NAMES[0], lang)["placeholders"] for lang in ALL_LANGUAGES]
    return {alt_words(str(p)) for words in lists for p in words}


def check(doc, settings, ctx):
    phrases = placeholders(settings, ctx)
    words = {w for phrase in phrases for w in phrase.split()}
    for image in doc.images:
        if not described(image):
            continue
        text = alt_words(image.alt)
        if not text or text in phrases or all(w in words for w in text.split()):
            yield Report(image.line, {"alt": image.alt.strip(), "src": image.src})
