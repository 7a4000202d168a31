"""DA102: data unsafe address (checked for the whole site by guidekit/datacheck.py)."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
NAMES = ("DA102", "data-unsafe-address")
DESCRIPTION = "Datatiedoston osoite ei ole turvallinen"
TAGS = ('data', 'security')
LANGUAGES = ALL_LANGUAGES
SCOPE = "site"  # no check(): reported by guidekit/datacheck.py, for lint and build alike
SEVERITY = "error"
RATIONALE = (
    'Asukas seuraa sivun linkkejä luottaen siihen, että ne ovat turvallisia. Datatiedostojen osoitteiden on alettava https:, mailto: tai tel:; javascript:, data: tai salaamaton http: ei kelpaa.'
    " Löydös on datatiedostossa, jossa ei ole ohituskommentteja; säännön vakavuutta voi muuttaa guidekit.yml:ssä."
)
