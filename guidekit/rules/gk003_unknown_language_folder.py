"""GK003: a folder (or page) directly in docs/ that is no language of the site."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.languages import LANGUAGES
from guidekit.publishing import unknown_language_folders
from guidekit.rules import Report

NAMES = ("GK003", "unknown-language-folder")
DESCRIPTION = "Kansio docs/-kansiossa ei ole sivuston kieli"
TAGS = ("authoring", "files")
LANGUAGES = ALL_LANGUAGES
MESSAGES = {
    "fi": (
        "docs/{name} ei ole sivuston kieli (kielet: {languages}), joten sen sivuja ei tarkisteta eikä niitä ole kielivalikossa",
        "siirrä sivut kielen kansioon, esimerkiksi docs/fi/, tai poista {name}",
    ),
    "en": (
        "docs/{name} is no language of the site (languages: {languages}): its pages are not checked nor in the language switcher",
        "move the pages into a language folder such as docs/fi/, or delete {name}",
    ),
}
RATIONALE = (
    "Jokainen sivu kuuluu yhteen kieleen (docs/fi/, docs/sv/, docs/en/, docs/selko/). Muu kansio, "
    "esimerkiksi docs/de/, julkaistaisiin tarkistamatta ja ilman kielivalikkoa."
)
EXAMPLES = {"good": "docs/sv/ohjeet/chat.md", "bad": "docs/de/ohjeet/chat.md"}


def check(doc, settings, ctx):
    return ()


def check_site(ctx):
    docs = ctx.root / "docs"
    for name in unknown_language_folders(docs):
        yield f"docs/{name}", Report(1, {"name": name, "languages": ", ".join(LANGUAGES)})
