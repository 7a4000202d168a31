"""IMG204: a raster image larger (in pixels) than any screen shows it."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.images import local_images
from guidekit.rules import Report
from guidekit.settings import Setting

NAMES = ("IMG204", "image-dimensions")
DESCRIPTION = "Kuvan pidempi sivu on liian monta pikseliä"
TAGS = ("images", "files", "performance")
LANGUAGES = ALL_LANGUAGES
SETTINGS = (
    Setting("max_side", "integer", 2000, "bittikarttakuvan pisin sivu pikseleinä", minimum=1),
)
MESSAGES = {
    "fi": (
        "kuva {file} on {width} × {height} px (pidempi sivu yli {limit} px)",
        "pienennä kuva niin, että pidempi sivu on enintään {limit} px, ja rajaa pois turha tausta",
    ),
    "en": (
        "image {file} is {width} × {height} px (longest side over {limit} px)",
        "scale the image down so its longest side is at most {limit} px, and crop away empty background",
    ),
}
RATIONALE = (
    "Sivun sisältöalue on enintään noin 800 kuvapistettä leveä; tarkallakin puhelinnäytöllä "
    "kuva näytetään pienempänä kuin valtava alkuperäinen. Ylimääräiset pikselit kasvattavat "
    "latausta ja muistinkäyttöä vanhoissa puhelimissa. Raja on tiedostossa guidekit.yml "
    "(IMG204.max_side); SVG-kuvia ei rajoiteta, koska ne skaalautuvat. Lähteet: web.dev, "
    "Serve images with correct dimensions; Lighthouse: Properly size images."
)
EXAMPLES = {
    "good": "kuvakaappaus 1200 × 900 px",
    "bad": "puhelimen kuvakaappaus 1290 × 2796 px tai kamerakuva 4032 × 3024 px",
}


def check(doc, settings, ctx):
    limit = int(settings["max_side"])
    for image, path, info in local_images(doc, ctx.root):
        if info.error or info.is_svg:
            continue
        if info.longest_side > limit:
            yield Report(
                image.line,
                {"file": ctx.relative(path), "width": info.width, "height": info.height, "limit": limit},
            )
