"""AD003: a translation has another short id than its Finnish page (a site check: guidekit/sitecheck.py)."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
NAMES = ("AD003", "short-translation")
DESCRIPTION = "Käännöksellä on eri lyhyt osoite kuin suomenkielisellä sivulla"
TAGS = ('addresses',)
LANGUAGES = ALL_LANGUAGES
SCOPE = "site"  # no check(): reported by guidekit/addresses.py, for lint and build alike
SEVERITY = "error"
RATIONALE = (
    'Ohjeen lyhyt osoite on sama kaikilla kielillä (/o/sovellus/, /sv/o/sovellus/); suomenkielinen sivu päättää sen. Käännös voi jättää `short`-kentän pois tai toistaa saman tunnuksen.'
     ' Löydös on sivun alun tiedoissa, joihin ei voi kirjoittaa ohituskommenttia; säännön voi ottaa pois käytöstä tai sen vakavuutta muuttaa guidekit.yml:ssä (myös kielittäin).'
)
