"""SE004: search data synonym (checked for the whole site by guidekit/search.py)."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
NAMES = ("SE004", "search-data-synonym")
DESCRIPTION = "Hakutiedoston synonyymirivi on väärää muotoa"
TAGS = ('search', 'data')
LANGUAGES = ALL_LANGUAGES
SCOPE = "site"  # no check(): reported by guidekit/search.py, for lint and build alike
SEVERITY = "error"
RATIONALE = (
    'Jokaisella synonyymirivillä on words (sanat, joita asukas kirjoittaa) ja means (sanat, joita ohjeet käyttävät). Puuttuva tai ylimääräinen avain kerrotaan rivin kanssa.'
    " Löydös on datatiedostossa, jossa ei ole ohituskommentteja; säännön vakavuutta voi muuttaa guidekit.yml:ssä."
)
