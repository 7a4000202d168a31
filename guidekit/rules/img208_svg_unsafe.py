"""IMG208: an SVG image with a script or a reference outside the site (web font, remote image)."""

from guidekit.images import inspect_image, local_images
from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.publishing import inside
from guidekit.rules import Report

NAMES = ("IMG208", "svg-unsafe")
DESCRIPTION = "SVG-kuvassa on skripti tai viittaus sivuston ulkopuolelle"
TAGS = ("images", "files", "svg", "privacy")
LANGUAGES = ALL_LANGUAGES
MESSAGES = {
    "fi": (
        "SVG-kuvassa {file} on skripti tai ulkoinen viittaus: {problems}",
        "poista skriptit ja tapahtumamääritteet (on…) ja korvaa ulkoiset fontit ja kuvat: käytä "
        "fonttia font-family=\"system-ui, sans-serif\" ja upota tai piirrä kuvat SVG:n sisään",
    ),
    "en": (
        "SVG image {file} has a script or an outside reference: {problems}",
        "remove scripts and event attributes (on…) and replace outside fonts and images: use "
        "font-family=\"system-ui, sans-serif\" and draw or embed pictures inside the SVG",
    ),
}
RATIONALE = (
    "SVG on XML-tiedosto, joka voi sisältää skriptejä ja ladata fontteja tai kuvia muualta. "
    "Sivusto ei lataa mitään ulkopuolelta, ja skripti kuvassa on tietoturvariski, jos kuva "
    "avataan suoraan. Tarkistus etsii <script>-elementit, on…-tapahtumamääritteet, http(s)- "
    "ja //-alkuiset href- ja src-viittaukset sekä CSS:n url(), @import ja @font-face "
    "(verkkofontit). Lähteet: OWASP, SVG security; sivuston periaate: ei verkkofontteja, ei CDN:ää."
)
EXAMPLES = {
    "good": "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 360 600\" font-family=\"system-ui, sans-serif\">…</svg>",
    "bad": "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 360 600\"><style>@import "
    "url(https://fonts.googleapis.com/css2?family=Inter);</style>…</svg>",
}


def check(doc, settings, ctx):
    for image, path, info in local_images(doc, ctx.root):
        if not info.error and info.svg_problems:
            problems = ", ".join(f"”{p}”" for p in info.svg_problems)
            yield Report(image.line, {"file": ctx.relative(path), "problems": problems})


def check_site(ctx):
    """Every SVG file under docs/, also one only linked (not shown as an image): each is
    published, and a script in it runs when a reader opens it."""
    docs = ctx.root / "docs"
    for path in sorted(docs.rglob("*.svg")) if docs.is_dir() else []:
        if any(part.startswith(".") for part in path.relative_to(docs).parts) or not inside(path, docs):
            continue  # hidden files are not published; links outside docs/ are GK004
        info = inspect_image(path)
        if not info.error and info.svg_problems:
            problems = ", ".join(f"”{p}”" for p in info.svg_problems)
            rel = ctx.relative(path)
            yield rel, Report(1, {"file": rel, "problems": problems})
