"""IMG101: an image without alt text (and not marked decorative)."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.rules import Report

NAMES = ("IMG101", "alt-missing")
DESCRIPTION = "Kuvalta puuttuu alt-teksti"
TAGS = ("images", "alt-text")
LANGUAGES = ALL_LANGUAGES
MESSAGES = {
    "fi": (
        "kuvalta ”{src}” puuttuu alt-teksti",
        "kirjoita hakasulkeisiin, mitä lukijan pitää kuvasta tietää: ![Mitä kuvassa näkyy]({src}) "
        "(HTML: alt=\"…\"); jos kuva on pelkkä koriste, merkitse se: ![]({src}){{.decorative}}",
    ),
    "en": (
        "image “{src}” has no alt text",
        "write in the brackets what the reader needs to know from the image: ![What the image shows]({src}) "
        "(HTML: alt=\"…\"); if the image is only decoration, mark it: ![]({src}){{.decorative}}",
    ),
}
RATIONALE = (
    "Ruudunlukijaa käyttävä lukija ei näe kuvaa, vaan kuulee sen alt-tekstin. Jos alt-teksti "
    "puuttuu, ruudunlukija lukee tiedoston nimen tai ohittaa kuvan, ja ohjeen vaihe jää "
    "ymmärtämättä. Tyhjä alt-teksti (![](kuva.png)) tarkoittaa selaimelle koristekuvaa, joten "
    "tyhjäksi sen saa jättää vain, kun kuva on merkitty koristeeksi: Markdownissa "
    "![](kuva.svg){.decorative} (tulostuu muotoon alt=\"\") tai HTML:ssä <img alt=\"\" "
    "role=\"presentation\">. Lähteet: WCAG 2.1 -onnistumiskriteeri 1.1.1 Ei-tekstuaalinen "
    "sisältö (laki digitaalisten palvelujen tarjoamisesta 306/2019 edellyttää sitä); W3C:n "
    "virhetapaus F65 (alt-määrite puuttuu); ACT-sääntö 23a2a8 Image has non-empty accessible "
    "name; markdownlint MD045 no-alt-text."
)
EXAMPLES = {
    "good": "![Kirjautumisnäkymä. Kirjaudu-painike on alareunassa.](../assets/images/kirjaudu.png)\n"
    "![](../assets/images/koriste.svg){.decorative}",
    "bad": "![](../assets/images/kirjaudu.png)\n<img src=\"../assets/images/kirjaudu.png\">",
}


def check(doc, settings, ctx):
    for image in doc.images:
        # An alt attribute is required even on a decorative <img>: without it a screen reader reads the file name.
        missing = image.alt is None or (not image.alt.strip() and not image.decorative)
        if missing:
            yield Report(image.line, {"src": image.src})
