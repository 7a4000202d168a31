"""IMG207: identifying metadata in the image file (GPS location, camera serial, author, XMP)."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.images import local_images
from guidekit.rules import Report
from guidekit.settings import Setting

NAMES = ("IMG207", "image-metadata")
DESCRIPTION = "Kuvatiedostossa on tunnistettavia metatietoja (sijainti, sarjanumero, tekijä)"
TAGS = ("images", "files", "privacy")
LANGUAGES = ALL_LANGUAGES
SETTINGS = (
    Setting("identifying", "list", [], "tunnistettavat metatietojen nimet"),
)
MESSAGES = {
    "fi": (
        "kuvatiedostossa {file} on tunnistettavia metatietoja: {fields}",
        "poista metatiedot tiedostosta ennen tallentamista (kuvankäsittelyohjelman ”vie ilman metatietoja” "
        "tai `guidekit images --strip {file}`)",
    ),
    "en": (
        "image file {file} has identifying metadata: {fields}",
        "remove the metadata before saving the file (an image editor's “export without metadata”, "
        "or `guidekit images --strip {file}`)",
    ),
}
RATIONALE = (
    "Puhelimen ja kameran kuvaan tallentuu usein kuvauspaikan GPS-sijainti, laitteen "
    "sarjanumero ja tekijän nimi; XMP-tiedoissa voi olla myös muokkaushistoria ja "
    "tiedostopolkuja. Ne paljastavat esimerkiksi työntekijän kodin sijainnin, ja avoimen "
    "lähdekoodin tietovarastossa ne ovat kaikkien luettavissa. Julkaistu kopio tallennetaan "
    "aina ilman metatietoja, mutta alkuperäinen jää versionhallintaan, joten tiedot poistetaan "
    "jo lähdetiedostosta. Tarkistettavat kentät ovat tiedostossa guidekit.yml "
    "(IMG207.identifying). Lähteet: tietosuoja-asetuksen (EU) 2016/679 artikla 4 "
    "(sijaintitieto on henkilötieto) ja artikla 5 (tietojen minimointi)."
)
EXAMPLES = {
    "good": "kuvakaappaus.png, jossa ei ole EXIF- tai XMP-tietoja",
    "bad": "valokuva.jpg, jonka EXIF-tiedoissa on GPSInfo ja BodySerialNumber",
}


def check(doc, settings, ctx):
    identifying = {name.casefold() for name in settings["identifying"]}
    for image, path, info in local_images(doc, ctx.root):
        if info.error:
            continue
        fields = [name for name in info.metadata if name.casefold() in identifying]
        if fields:
            yield Report(image.line, {"file": ctx.relative(path), "fields": ", ".join(fields)})
