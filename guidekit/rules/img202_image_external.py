"""IMG202: an image loaded from another site."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.images import is_external
from guidekit.rules import Report
from guidekit.rules.vid106_video_external import reports as outside_video  # a video service's address is VID106

NAMES = ("IMG202", "image-external")
DESCRIPTION = "Kuva ladataan sivuston ulkopuolelta"
TAGS = ("images", "files", "privacy")
LANGUAGES = ALL_LANGUAGES
MESSAGES = {
    "fi": (
        "kuva ladataan sivuston ulkopuolelta: ”{src}”",
        "tallenna kuva kansioon docs/<kieli>/assets/images/ (tarkista käyttöoikeus) ja viittaa siihen "
        "suhteellisella polulla, esim. ../assets/images/kuva.png",
    ),
    "en": (
        "image is loaded from outside the site: “{src}”",
        "save the image in docs/<language>/assets/images/ (check you may use it) and link it with a "
        "relative path, e.g. ../assets/images/picture.png",
    ),
}
RATIONALE = (
    "Sivusto ei lataa mitään ulkopuolelta: toisen palvelimen kuva kertoo sille jokaisen lukijan "
    "IP-osoitteen ja lukemisajan, voi vaihtua tai kadota milloin tahansa, eikä sitä voi "
    "tarkistaa (koko, metatiedot, alt-tekstin osuvuus). Lähteet: tietosuoja-asetuksen (EU) "
    "2016/679 artikla 5 (tietojen minimointi); sivuston periaate: ei verkkofontteja, ei CDN:ää."
)
EXAMPLES = {
    "good": "![Kirjautumisnäkymä.](../assets/images/kirjaudu.png)",
    "bad": "![Kirjautumisnäkymä.](https://example.com/kirjaudu.png)",
}


def check(doc, settings, ctx):
    for image in doc.images:
        if is_external(image.src) and not outside_video(ctx, doc, image):
            yield Report(image.line, {"src": image.src})
