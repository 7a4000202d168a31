"""IMG201: the image file does not exist (looked up as the published site would)."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from pathlib import Path

from guidekit.images import candidate_paths, image_files, is_external, is_inline, page_path
from guidekit.rules import Report

NAMES = ("IMG201", "image-missing")
DESCRIPTION = "Kuvatiedostoa ei löydy"
TAGS = ("images", "files")
LANGUAGES = ALL_LANGUAGES
MESSAGES = {
    "fi": (
        "kuvaa ”{src}” ei löydy (etsitty: {tried})",
        "tarkista tiedoston nimi ja polku: kuvat ovat kansiossa docs/<kieli>/assets/images/, ja polku "
        "kirjoitetaan sivun omasta kansiosta alkaen, esim. ../assets/images/kuva.png",
    ),
    "en": (
        "image “{src}” not found (looked in: {tried})",
        "check the file name and path: images live in docs/<language>/assets/images/, and the path starts "
        "from the page's own folder, e.g. ../assets/images/picture.png",
    ),
}
RATIONALE = (
    "Puuttuva kuva näkyy lukijalle rikkinäisenä kuvana, ja ohjeen vaihe jää ilman kuvaa. Kuva "
    "haetaan kuten julkaistu sivusto sen hakee (mkdocs-static-i18n): ensin sivun oman kielen "
    "kansiosta (docs/sv/assets/images/kuva.png), sitten suomenkielisestä (docs/fi/…), lopuksi "
    "docs/-kansion juuresta. Selkosivut ja muut kielet käyttävät siis suomenkielistä kuvaa, jos "
    "omaa ei ole. Lähteet: mkdocs-static-i18n, asetukset docs_structure: folder ja "
    "fallback_to_default; WCAG 2.1 -onnistumiskriteeri 1.1.1 (kuvan tieto ei saa kadota)."
)
EXAMPLES = {
    "good": "![Kirjautumisnäkymä.](../assets/images/kirjaudu.png)  (tiedosto docs/fi/assets/images/kirjaudu.png on olemassa)",
    "bad": "![Kirjautumisnäkymä.](../assets/image/kirjaudu.png)  (kansion nimi väärin)",
}


def check(doc, settings, ctx):
    page = page_path(doc, ctx.root)
    docs_dir = Path(ctx.root) / "docs"
    found = {id(image) for image, path in image_files(doc, ctx.root) if path is not None}
    for image in doc.images:
        if is_external(image.src) or is_inline(image.src):
            continue  # IMG202 reports external images; data: images have no file
        if id(image) in found:
            continue
        tried = candidate_paths(image.src, page, docs_dir, doc.lang)
        yield Report(
            image.line,
            {"src": image.src, "tried": ", ".join(ctx.relative(path) for path in tried) or "–"},
        )
