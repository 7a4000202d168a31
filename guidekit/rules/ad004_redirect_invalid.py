"""AD004: a redirect is wrong (a site check: guidekit/sitecheck.py)."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
NAMES = ("AD004", "redirect-invalid")
DESCRIPTION = "Uudelleenohjaus on virheellinen"
TAGS = ('addresses',)
LANGUAGES = ALL_LANGUAGES
SCOPE = "site"  # no check(): reported by guidekit/addresses.py, for lint and build alike
SEVERITY = "error"
RATIONALE = (
    'data/redirects.yml ohjaa siirretyn sivun vanhan osoitteen uuteen. Ohjaus, jonka lähde on yhä olemassa oleva sivu, ei koskaan toteudu; ohjaus, jonka kohdetta ei ole tai joka kiertää kehää, veisi lukijan virhesivulle; ohjaus, joka osuu olemassa olevan sivun osoitteeseen, korvaisi sivun.'
     ' Löydös on tiedostossa, jossa ei ole ohituskommentteja; säännön voi ottaa pois käytöstä tai sen vakavuutta muuttaa guidekit.yml:ssä.'
)
