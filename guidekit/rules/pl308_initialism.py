"""PL308: an initialism (HVA, SOTE) the page does not explain."""

import re

from guidekit.rules import Report
from guidekit.settings import Setting
from guidekit.rules.plain import sentences

NAMES = ("PL308", "unexplained-initialism")
DESCRIPTION = "Selittämätön kirjainlyhenne"
TAGS = ("plain-language", "words")
# Selko: PL301 (no abbreviations at all) and the selko texts name a standard in words.
LANGUAGES = ("fi", "sv", "en")
SETTINGS = (
    Setting("allow", "list", [], "lyhenteet, jotka jokainen lukija tuntee"),
)
MESSAGES = {
    "fi": (
        "kirjainlyhenne ”{word}” ilman selitystä",
        "kirjoita ensimmäisellä kerralla nimi kokonaan ja lyhenne sulkeisiin: ”Digi- ja väestötietovirasto (DVV)”, tai käytä vain nimeä",
    ),
    "en": (
        "initialism “{word}” is not explained",
        "write the full name the first time, the initialism in brackets after it, or use only the name",
    ),
}
RATIONALE = (
    "Kirjainlyhenne on tuttu vain sille, joka sen jo tietää. Kielitoimiston ohjepankin "
    "lyhenneohjeen mukaan lyhenne avataan, kun se esiintyy tekstissä ensimmäisen kerran: "
    "nimi kokonaan ja lyhenne sulkeisiin. Sääntö ilmoittaa isoin kirjaimin kirjoitetun "
    "lyhenteen (myös taivutettuna, DVV:n), jos sivulla ei ole sitä sulkeissa (”(DVV)”) tai "
    "sen perässä sulkeissa selitystä (”DVV (Digi- ja väestötietovirasto)”). Jokaiselle tutut "
    "lyhenteet (QR, PDF) ja tasojen nimet (AA) ovat asetusten listassa `allow`. Selkotekstit "
    "tarkistaa PL301, joka ei salli lyhenteitä lainkaan."
)
EXAMPLES = {
    "good": "Digi- ja väestötietovirasto (DVV) vastaa valtuuksista. DVV:n sivuilla on ohjeet.",
    "bad": "HVA:n asiakasohjaus neuvoo. Ota yhteyttä SAS-työryhmään.",
}

INITIALISM = re.compile(r"^([A-ZÅÄÖ]{2,})(?=$|[:\-])")


# Brackets holding only initialisms and numbers follow the name they shorten: (DVV), (WCAG 2.1), (CC BY 4.0).
BRACKETED = re.compile(r"\(([A-ZÅÄÖ0-9 .\-]+)\)")


def _explained(word: str, text: str) -> bool:
    """In brackets after the full name, or followed by its explanation in brackets (DVV (Digi- ja …))."""
    if any(word in m.group(1).split() for m in BRACKETED.finditer(text)):
        return True
    return re.search(rf"\b{re.escape(word)}\s\((?![A-ZÅÄÖ0-9 .\-]+\))", text) is not None


def check(doc, settings, ctx):
    allow = {str(entry).upper() for entry in settings["allow"]}
    page_sentences = sentences(doc, ctx)
    page_text = "\n".join(s.text for s in page_sentences)
    reported = set()
    for sentence in page_sentences:
        for word in sentence.words:
            match = INITIALISM.match(word.text)
            if not match:
                continue
            initialism = match.group(1)
            if initialism in allow or initialism in reported or _explained(initialism, page_text):
                continue
            reported.add(initialism)
            yield Report(word.line, {"word": initialism})
