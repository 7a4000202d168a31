"""AD001: a published address leads nowhere (a site check: guidekit/sitecheck.py)."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
NAMES = ("AD001", "address-gone")
DESCRIPTION = "Julkaistu osoite ei johda mihinkään"
TAGS = ('addresses',)
LANGUAGES = ALL_LANGUAGES
SCOPE = "site"  # no check(): reported by guidekit/addresses.py, for lint and build alike
SEVERITY = "error"
RATIONALE = (
    'Tulosteiden QR-koodit ja muiden organisaatioiden sivut linkittävät julkaistuihin osoitteisiin, joten kerran julkaistun osoitteen on toimittava aina. data/addresses.yml luettelee jokaisen julkaistun sivun ja lyhyen osoitteen; jos sivua ei enää ole eikä data/redirects.yml ohjaa sitä uuteen paikkaan, painettu QR-koodi johtaisi virhesivulle.'
     ' Löydös on tiedostossa, jossa ei ole ohituskommentteja; säännön voi ottaa pois käytöstä tai sen vakavuutta muuttaa guidekit.yml:ssä.'
)
