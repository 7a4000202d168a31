"""IMG209: an SVG without width/height or viewBox: the browser cannot reserve its space."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.images import local_images
from guidekit.rules import Report

NAMES = ("IMG209", "svg-no-size")
DESCRIPTION = "SVG-kuvalta puuttuu koko (width ja height tai viewBox)"
TAGS = ("images", "files", "svg")
LANGUAGES = ALL_LANGUAGES
MESSAGES = {
    "fi": (
        "SVG-kuvalta {file} puuttuu koko: ei width- ja height-määritteitä eikä viewBox-määritettä",
        "lisää <svg>-elementtiin viewBox=\"0 0 leveys korkeus\" ja samat width- ja height-arvot",
    ),
    "en": (
        "SVG image {file} has no size: no width and height attributes and no viewBox",
        "add viewBox=\"0 0 width height\" and the same width and height to the <svg> element",
    ),
}
RATIONALE = (
    "Ilman kokoa selain ei tiedä kuvan mittasuhteita ennen latausta: teksti hyppää, kun kuva "
    "ilmestyy, ja lukija menettää kohdan, jota luki. Kuva voi myös näkyä väärän kokoisena. "
    "Julkaistaessa sivusto kirjoittaa kuvan mitat <img>-elementin width- ja height-määritteiksi, "
    "ja SVG:n mitat se saa vain näistä määritteistä. Lähteet: web.dev, Cumulative Layout Shift "
    "(CLS) ja Optimize CLS: kuvilla aina width ja height; SVG 2, viewBox."
)
EXAMPLES = {
    "good": "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"360\" height=\"600\" viewBox=\"0 0 360 600\">",
    "bad": "<svg xmlns=\"http://www.w3.org/2000/svg\">",
}


def check(doc, settings, ctx):
    for image, path, info in local_images(doc, ctx.root):
        if info.is_svg and not info.error and not info.has_size:
            yield Report(image.line, {"file": ctx.relative(path)})
