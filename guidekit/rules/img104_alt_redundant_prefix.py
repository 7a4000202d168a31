"""IMG104: alt text that opens with "Kuva, jossa…", "Image of…", "Bild av…"."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.images import described
from guidekit.rules import Report
from guidekit.settings import Setting

NAMES = ("IMG104", "alt-redundant-prefix")
DESCRIPTION = "Alt-teksti alkaa turhalla ilmauksella, kuten ”Kuva, jossa”"
TAGS = ("images", "alt-text")
LANGUAGES = ALL_LANGUAGES
SETTINGS = (
    Setting("prefixes", "list", [], "turhat alut"),
)
MESSAGES = {
    "fi": (
        "alt-teksti alkaa turhalla ilmauksella ”{prefix}”",
        "aloita suoraan siitä, mitä kuvassa näkyy: ”{suggestion}”",
    ),
    "en": (
        "alt text opens with the redundant words “{prefix}”",
        "start with what the image shows: “{suggestion}”",
    ),
}
RATIONALE = (
    "Ruudunlukija kertoo jo, että kohdassa on kuva. Alku ”Kuva, jossa…” tai ”Kuvakaappaus:” "
    "toistaa sen ja pidentää jokaista kuvaa; tärkein tieto siirtyy kauemmas. Ilmaukset ovat "
    "kielittäin tiedostossa guidekit.yml (IMG104.prefixes). Lähteet: GOV.UK Design System, Images "
    "(älä aloita alt-tekstiä sanoilla ”Image of” tai ”Picture of”); W3C WAI Images Tutorial; "
    "WCAG 2.1 -onnistumiskriteeri 1.1.1."
)
EXAMPLES = {
    "good": "![Omat ajat -näkymä. Varatun ajan alla ovat painikkeet Siirrä aikaa ja Peru aika.](../assets/images/omat-ajat.png)",
    "bad": "![Kuvakaappaus: Omat ajat -näkymä.](../assets/images/omat-ajat.png)",
}

TRIM = " \t:;,.-–—"


def redundant_prefix(alt: str, prefixes: list[str]) -> tuple[str, str] | None:
    """(the prefix as written, the rest) when the alt opens with one of the prefixes."""
    text = alt.strip()
    folded = text.casefold()
    for prefix in sorted(prefixes, key=len, reverse=True):
        wanted = prefix.casefold().strip()
        if not wanted or not folded.startswith(wanted):
            continue
        following = text[len(wanted) : len(wanted) + 1]
        if following.isalnum() and wanted[-1].isalnum():
            continue  # "Kuvaus…" does not open with "Kuva"
        rest = text[len(wanted) :].lstrip(TRIM).rstrip()
        if rest:
            return text[: len(wanted)], rest
    return None


def check(doc, settings, ctx):
    for image in doc.images:
        if not described(image):
            continue
        found = redundant_prefix(image.alt, settings["prefixes"])
        if found:
            prefix, rest = found
            yield Report(image.line, {"prefix": prefix, "suggestion": rest[0].upper() + rest[1:], "alt": image.alt.strip()})
