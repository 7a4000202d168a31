"""AD007: a new address is not yet in the address record (a site check: guidekit/sitecheck.py)."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
NAMES = ("AD007", "address-unrecorded")
DESCRIPTION = "Uusi osoite ei ole vielä osoiteluettelossa"
TAGS = ('addresses',)
LANGUAGES = ALL_LANGUAGES
SCOPE = "site"  # no check(): reported by guidekit/addresses.py, for lint and build alike
SEVERITY = "info"
RATIONALE = (
    'Uusi sivu tai lyhyt osoite lisätään luetteloon data/addresses.yml komennolla `guidekit addresses --update`, jotta sen osoite pysyy voimassa myöhemminkin. Tämä on huomautus, ei virhe: uuden sivun voi julkaista ennen kuin luettelo on päivitetty.'
     ' Löydös on tiedostossa, jossa ei ole ohituskommentteja; säännön voi ottaa pois käytöstä tai sen vakavuutta muuttaa guidekit.yml:ssä.'
)
