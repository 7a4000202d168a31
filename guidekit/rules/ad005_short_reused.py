"""AD005: a short id published for one guide is now another's (a site check: guidekit/sitecheck.py)."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
NAMES = ("AD005", "short-reused")
DESCRIPTION = "Lyhyt osoite on annettu toiselle ohjeelle"
TAGS = ('addresses',)
LANGUAGES = ALL_LANGUAGES
SCOPE = "site"  # no check(): reported by guidekit/addresses.py, for lint and build alike
SEVERITY = "error"
RATIONALE = (
    'Painettu QR-koodi elää vuosia. Jos lyhyt osoite, joka on jo julkaistu yhdelle ohjeelle, annetaan toiselle, vanhat tulosteet veisivät väärään ohjeeseen. Anna uudelle ohjeelle oma tunnus.'
     ' Löydös on sivun alun tiedoissa, joihin ei voi kirjoittaa ohituskommenttia; säännön voi ottaa pois käytöstä tai sen vakavuutta muuttaa guidekit.yml:ssä (myös kielittäin).'
)
