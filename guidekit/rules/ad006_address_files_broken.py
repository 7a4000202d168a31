"""AD006: the address record or the redirects file is broken (a site check: guidekit/sitecheck.py)."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
NAMES = ("AD006", "address-files-broken")
DESCRIPTION = "Osoiteluettelo tai uudelleenohjaustiedosto on rikki"
TAGS = ('addresses',)
LANGUAGES = ALL_LANGUAGES
SCOPE = "site"  # no check(): reported by guidekit/addresses.py, for lint and build alike
SEVERITY = "error"
RATIONALE = (
    'Osoitteiden tarkistus tarvitsee tiedostot data/addresses.yml ja data/redirects.yml ja jokaisen sivun alun tiedot. Rikkinäinen tiedosto kerrotaan rivin kanssa, jotta mikään julkaistu osoite ei jää huomaamatta.'
     ' Löydös on tiedostossa, jossa ei ole ohituskommentteja; säännön voi ottaa pois käytöstä tai sen vakavuutta muuttaa guidekit.yml:ssä.'
)
