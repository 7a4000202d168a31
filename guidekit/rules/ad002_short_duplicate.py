"""AD002: one short id on two pages (a site check: guidekit/sitecheck.py)."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
NAMES = ("AD002", "short-duplicate")
DESCRIPTION = "Sama lyhyt osoite kahdella sivulla"
TAGS = ('addresses',)
LANGUAGES = ALL_LANGUAGES
SCOPE = "site"  # no check(): reported by guidekit/addresses.py, for lint and build alike
SEVERITY = "error"
RATIONALE = (
    'Lyhyt osoite (/o/sovellus/) vie yhteen ohjeeseen. Jos kaksi sivua käyttää samaa `short`-tunnusta, vain toinen saa osoitteen ja toisen tulosteen QR-koodi veisi väärään ohjeeseen. Kun tarkistukset ovat päällä, sama ongelma näkyy sivun rivillä sääntönä FM107 eikä kahdesti.'
     ' Löydös on sivun alun tiedoissa, joihin ei voi kirjoittaa ohituskommenttia; säännön voi ottaa pois käytöstä tai sen vakavuutta muuttaa guidekit.yml:ssä (myös kielittäin).'
)
