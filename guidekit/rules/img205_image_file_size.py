"""IMG205: an image file heavier than the budget for a reader on a phone."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.images import local_images
from guidekit.rules import Report
from guidekit.settings import Setting

NAMES = ("IMG205", "image-file-size")
DESCRIPTION = "Kuvatiedosto on liian suuri ladattavaksi puhelimella"
TAGS = ("images", "files", "performance")
LANGUAGES = ALL_LANGUAGES
SETTINGS = (
    Setting("max_kilobytes", "integer", 200, "bittikarttakuvan enimmäiskoko (kt)", minimum=1),
    Setting("max_kilobytes_svg", "integer", 50, "SVG-kuvan enimmäiskoko (kt)", minimum=1),
)
MESSAGES = {
    "fi": (
        "kuvatiedosto {file} on {size_kb} kt (raja {limit_kb} kt)",
        "pienennä kuvaa, rajaa se tai tallenna kuvakaappaus PNG-muodossa ja valokuva JPEG-muodossa (laatu noin 80)",
    ),
    "en": (
        "image file {file} is {size_kb} kB (limit {limit_kb} kB)",
        "scale or crop the image, or save screenshots as PNG and photos as JPEG (quality about 80)",
    ),
}
RATIONALE = (
    "Moni lukija käyttää ohjeita puhelimella ja hitaalla tai maksullisella yhteydellä. Jokainen "
    "kuva lisää odotusta ennen kuin vaihe näkyy. Rajat ovat tiedostossa guidekit.yml "
    "(IMG205.max_kilobytes rasterikuville ja IMG205.max_kilobytes_svg SVG-kuville). "
    "Julkaistaessa sivusto tekee lisäksi pienemmän WebP-kopion, kun se säästää tavuja. "
    "Lähteet: web.dev, Optimize images; Lighthouse: Efficiently encode images."
)
EXAMPLES = {
    "good": "kuvakaappaus.png 90 kt",
    "bad": "kuvakaappaus.png 2,4 Mt (tallennettu täysikokoisena ja pakkaamattomana)",
}


def check(doc, settings, ctx):
    for image, path, info in local_images(doc, ctx.root):
        if info.error:
            continue
        limit_kb = int(settings["max_kilobytes_svg" if info.is_svg else "max_kilobytes"])
        if info.size_bytes > limit_kb * 1024:
            size_kb = round(info.size_bytes / 1024)
            yield Report(image.line, {"file": ctx.relative(path), "size_kb": size_kb, "limit_kb": limit_kb})
