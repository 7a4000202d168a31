"""IMG103: alt text that is a file name (IMG_2041.jpg, kirjaudu_nakyma, the file's own name)."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
import re

from guidekit.images import alt_words, described, file_stem
from guidekit.rules import Report
from guidekit.settings import Setting

NAMES = ("IMG103", "alt-filename")
DESCRIPTION = "Alt-teksti on tiedoston nimi"
TAGS = ("images", "alt-text")
LANGUAGES = ALL_LANGUAGES
SETTINGS = (
    Setting("extensions", "list", [], "kuvatiedostojen päätteet"),
    Setting("camera_prefixes", "list", [], "kameroiden ja puhelinten tiedostonimien alut"),
    Setting("screenshot_names", "list", [], "kuvakaappaustyökalujen tiedostonimien alut"),
)
MESSAGES = {
    "fi": (
        "alt-teksti ”{alt}” on tiedoston nimi",
        "kirjoita tiedoston nimen tilalle, mitä kuvassa näkyy, omalla kielellä ja kokonaisin sanoin",
    ),
    "en": (
        "alt text “{alt}” is a file name",
        "instead of the file name, write what the image shows, in words the reader uses",
    ),
}
RATIONALE = (
    "Tiedoston nimi (”IMG_2041.jpg”, ”kirjaudu_nakyma”, ”chat-aloita”) ei kuvaa kuvaa. Kuvankäsittely- "
    "ja julkaisuohjelmat panevat sen usein alt-tekstiksi itsestään, ja ruudunlukija lukee sen "
    "kirjain kirjaimelta. Tarkistus tunnistaa tiedostopäätteen, alaviivat, kameroiden ja "
    "kuvakaappausten nimimallit (guidekit.yml: IMG103.extensions, camera_prefixes ja "
    "screenshot_names) "
    "sekä kuvatiedoston oman nimen. Lähteet: W3C:n virhetapaus F30 (tiedostonimi tekstivastineena); "
    "ACT-sääntö 9eb3f6 Image filename is accessible name for image; WCAG 2.1 -onnistumiskriteeri 1.1.1."
)
EXAMPLES = {
    "good": "![Chatin aloitusnäkymä. Valittavana ovat Kysy nimettömästi ja Kirjaudu ja kysy.](../assets/images/chat-aloita.png)",
    "bad": "![chat-aloita](../assets/images/chat-aloita.png)\n![IMG_2041.jpg](../assets/images/IMG_2041.jpg)",
}


# 20240105_102233: the date-and-time name many phones give a photo.
CAMERA_TIMESTAMP = re.compile(r"\d{8}[-_ ]\d{4,6}")


def generated_name(text: str, settings: dict) -> bool:
    """A name a camera (IMG_2041) or a screenshot tool (Screenshot 2024-01-05 …) gave the file."""
    cameras = "|".join(re.escape(p) for p in settings["camera_prefixes"])
    if cameras and re.match(rf"(?:{cameras})[-_ ]?\d{{3,}}", text, re.IGNORECASE):
        return True
    tools = "|".join(re.escape(p) for p in settings["screenshot_names"])
    return bool(tools) and bool(re.match(rf"(?:{tools})[-_ ]?\d{{2,}}", text, re.IGNORECASE))


def looks_like_file_name(alt: str, src: str, settings: dict) -> bool:
    text = alt.strip()
    extensions = "|".join(re.escape(e.lstrip(".")) for e in settings["extensions"])
    if extensions and re.search(rf"\.(?:{extensions})$", text, re.IGNORECASE):
        return True
    if "_" in text or ("/" in text and " " not in text):
        return True
    if CAMERA_TIMESTAMP.match(text) or generated_name(text, settings):
        return True
    stem = alt_words(file_stem(src))
    return bool(stem) and alt_words(text) == stem


def check(doc, settings, ctx):
    for image in doc.images:
        if described(image) and looks_like_file_name(image.alt, image.src, settings):
            yield Report(image.line, {"alt": image.alt.strip(), "src": image.src})
