"""FM107: two pages of the same language share one `short` id."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.document import DocumentError, split_front_matter
from guidekit.frontmatter import is_blank, read_front_matter
from guidekit.rules import Report

NAMES = ("FM107", "duplicate-short")
DESCRIPTION = "Sama lyhytosoite on kahdella sivulla"
TAGS = ("authoring", "front-matter", "addresses")
LANGUAGES = ALL_LANGUAGES
MESSAGES = {
    "fi": (
        "lyhytosoite short: ”{value}” on myös sivulla {others}",
        "anna tälle sivulle oma lyhytosoite; julkaistua osoitetta ei muuteta, joten muuta uudemman sivun osoite",
    ),
    "en": (
        "short address “{value}” is also used by {others}",
        "give this page a short address of its own; a published address stays, so change the newer page's",
    ),
}
RATIONALE = (
    "Lyhytosoite vie yhteen ohjeeseen. Jos kahdella sivulla on sama osoite, tulosteen QR-koodi "
    "voi viedä väärään ohjeeseen. `guidekit lint` ja koonti ilmoittavat sen kummankin sivun "
    "rivillä tällä tunnuksella; kun koonnin tarkistukset ovat pois päältä (GUIDEKIT_CHECKS=0), "
    "osoitteiden tarkistus ilmoittaa sen kerran tunnuksella AD002."
)
EXAMPLES = {
    "good": "ohjeet/chat.md: short: chat — ohjeet/chat-ikaihmiset.md: short: chat-ikaihmiset",
    "bad": "ohjeet/chat.md: short: chat — ohjeet/chat-ikaihmiset.md: short: chat",
}
INDEX_KEY = "_short_ids"
# Its findings depend on other pages of the language; site_inputs() says which, for the results cache.
SITE_WIDE = True


def short_ids(ctx, lang: str) -> dict[str, list[str]]:
    """short id -> pages (docs/<lang>/…) of one language; read once per run."""
    cache = vars(ctx).setdefault(INDEX_KEY, {})
    if lang not in cache:
        index: dict[str, list[str]] = {}
        folder = ctx.root / "docs" / lang
        for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
            try:
                front, _error, _body = split_front_matter(ctx.text(path))
            except (DocumentError, ValueError):
                continue  # unreadable pages are reported by their own check
            value = front.get("short")
            if not is_blank(value):
                index.setdefault(str(value), []).append(ctx.relative(path))
        cache[lang] = index
    return cache[lang]


def site_inputs(ctx, page: str, lang: str) -> str:
    """What this rule reads from other pages for `page`: the pages sharing its short id."""
    # Page -> the pages with its short id, made once per language: asked for every page.
    by_page = vars(ctx).setdefault(INDEX_KEY + "_by_page", {})
    if lang not in by_page:
        by_page[lang] = {each: pages for pages in short_ids(ctx, lang).values() for each in pages}
    return "|".join(by_page[lang].get(page, ()))


def check(doc, settings, ctx):
    value = doc.front_matter.get("short")
    if doc.front_matter_error is not None or is_blank(value):
        return
    others = [p for p in short_ids(ctx, doc.lang).get(str(value), []) if p != doc.path]
    if not others:
        return
    line = read_front_matter(doc.text).field_lines.get("short", 1)
    yield Report(line, {"value": value, "others": ", ".join(others)})
