"""IMG203: the image file is corrupt or not an image (SVG: not well-formed XML)."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.images import local_images
from guidekit.rules import Report

NAMES = ("IMG203", "image-unreadable")
DESCRIPTION = "Kuvatiedosto on rikki tai ei ole kuva"
TAGS = ("images", "files")
LANGUAGES = ALL_LANGUAGES
MESSAGES = {
    "fi": (
        "kuvatiedostoa {file} ei voi lukea: {error}",
        "tallenna kuva uudelleen kuvankäsittelyohjelmasta PNG-, JPEG- tai SVG-muodossa ja tarkista, että se aukeaa",
    ),
    "en": (
        "image file {file} cannot be read: {error}",
        "save the image again from an image editor as PNG, JPEG or SVG and check that it opens",
    ),
}
RATIONALE = (
    "Rikkinäinen tai katkennut tiedosto näkyy lukijalle tyhjänä tai rikkinäisenä kuvana, eikä "
    "sen kokoa, mittoja tai metatietoja voi tarkistaa. Rasterikuvat luetaan Pillow-kirjastolla "
    "kokonaan (myös katkennut loppu huomataan). SVG-kuvan pitää olla hyvin muodostettua XML:ää, "
    "jonka juurena on <svg>; XML-entiteettejä (<!ENTITY>) ei sallita, koska niillä tehdään "
    "XML-pommeja. Lähteet: Pillow, Image.open ja Image.load; OWASP XML External Entity "
    "Prevention Cheat Sheet (entiteetit ja XML-pommit)."
)
EXAMPLES = {
    "good": "![Kirjautumisnäkymä.](../assets/images/kirjaudu.png)  (aukeaa kuvankatseluohjelmassa)",
    "bad": "![Kirjautumisnäkymä.](../assets/images/kirjaudu.png)  (tiedosto katkesi kopioitaessa)",
}


def check(doc, settings, ctx):
    for image, path, info in local_images(doc, ctx.root):
        if info.error:
            yield Report(image.line, {"file": ctx.relative(path), "error": info.error})
