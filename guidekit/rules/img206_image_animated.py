"""IMG206: an animated image (GIF, APNG, WebP) that moves without a way to stop it."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.images import local_images
from guidekit.rules import Report

NAMES = ("IMG206", "image-animated")
DESCRIPTION = "Kuva on animoitu"
TAGS = ("images", "files")
LANGUAGES = ALL_LANGUAGES
MESSAGES = {
    "fi": (
        "kuva {file} on animoitu ({frames} kuvaa)",
        "käytä liikkumatonta kuvaa; jos vaiheita on monta, tee jokaisesta oma kuva ja numeroitu ohjeen kohta",
    ),
    "en": (
        "image {file} is animated ({frames} frames)",
        "use a still image; if there are several steps, make one image and one numbered step for each",
    ),
}
RATIONALE = (
    "Liikkuva kuva vie huomion tekstistä, eikä lukija voi pysäyttää <img>-elementissä näkyvää "
    "animaatiota. Se vaikeuttaa lukemista erityisesti keskittymisen ja hahmottamisen "
    "vaikeuksissa, eikä alt-teksti voi kuvata muuttuvaa sisältöä. Lähteet: WCAG 2.1 "
    "-onnistumiskriteeri 2.2.2 Keskeytä, pysäytä, piilota; WCAG 2.3.1 (välähdykset)."
)
EXAMPLES = {
    "good": "kirjaudu.png (yksi kuva)",
    "bad": "kirjautuminen.gif (animaatio, jossa vaiheet vaihtuvat itsestään)",
}


def check(doc, settings, ctx):
    for image, path, info in local_images(doc, ctx.root):
        if not info.error and info.animated:
            yield Report(image.line, {"file": ctx.relative(path), "frames": info.frames})
