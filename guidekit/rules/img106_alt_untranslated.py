"""IMG106: an sv, en or selko page shows the Finnish page's alt text (not translated)."""

from guidekit.languages import TRANSLATIONS
from guidekit.images import described, file_stem, same_text
from guidekit.rules import Report
from guidekit.settings import Setting

NAMES = ("IMG106", "alt-untranslated")
DESCRIPTION = "Alt-teksti on jäänyt kääntämättä (sama kuin suomenkielisellä sivulla)"
TAGS = ("images", "alt-text", "translation")
LANGUAGES = TRANSLATIONS
SETTINGS = (
    Setting("min_words", "integer", 2, "lyhyempiä (nimiä) ei tarkisteta", minimum=1),
)
MESSAGES = {
    "fi": (
        "alt-teksti ”{alt}” on sama kuin suomenkielisellä sivulla ({fi_path}:{fi_line})",
        "kirjoita alt-teksti tämän sivun kielellä (selkosivulla selkosuomeksi)",
    ),
    "en": (
        "alt text “{alt}” is the same as on the Finnish page ({fi_path}:{fi_line})",
        "write the alt text in this page's language (on a selko page, in plain Finnish)",
    ),
}
RATIONALE = (
    "Kun sivu käännetään, kuvien alt-tekstit jäävät helposti suomeksi, koska ne eivät näy "
    "sivulla. Ruotsin- tai englanninkielinen lukija kuulee silloin suomea, ja selkosivun "
    "lukija yleiskieltä. Kuvat yhdistetään suomenkielisen sivun kuviin tiedoston nimen "
    "(ilman päätettä) perusteella, muuten järjestyksen mukaan. Hyvin lyhyet alt-tekstit, "
    "kuten tuotenimet, ohitetaan (guidekit.yml: IMG106.min_words). Lähteet: WCAG 2.1 "
    "-onnistumiskriteerit 1.1.1 Ei-tekstuaalinen sisältö ja 3.1.2 Osien kieli."
)
EXAMPLES = {
    "good": "docs/sv/ohjeet/chat.md: ![Chattens startvy. Du kan välja Fråga anonymt eller Logga in och fråga.](../assets/images/chat-aloita.svg)",
    "bad": "docs/sv/ohjeet/chat.md: ![Chatin aloitusnäkymä. Valittavana ovat Kysy nimettömästi ja Kirjaudu ja kysy.](../assets/images/chat-aloita.svg)",
}


def finnish_match(position: int, image, finnish_images: list):
    """The Finnish page's image for this one: same file name (stem), else same position."""
    stem = file_stem(image.src).casefold()
    for candidate in finnish_images:
        if stem and file_stem(candidate.src).casefold() == stem:
            return candidate
    return finnish_images[position] if position < len(finnish_images) else None


def check(doc, settings, ctx):
    finnish = ctx.counterpart(doc, "fi")
    if finnish is None:
        return
    min_words = int(settings["min_words"])
    for position, image in enumerate(doc.images):
        if not described(image) or len(image.alt.split()) < min_words:
            continue
        match = finnish_match(position, image, finnish.images)
        if match is not None and described(match) and same_text(image.alt, match.alt):
            yield Report(image.line, {"alt": image.alt.strip(), "fi_path": finnish.path, "fi_line": match.line})
