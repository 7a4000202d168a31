"""DA101: data markup (checked for the whole site by guidekit/datacheck.py)."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
NAMES = ("DA101", "data-markup")
DESCRIPTION = "Datatiedoston arvossa on HTML-merkintää"
TAGS = ('data', 'security')
LANGUAGES = ALL_LANGUAGES
SCOPE = "site"  # no check(): reported by guidekit/datacheck.py, for lint and build alike
SEVERITY = "error"
RATIONALE = (
    'data/county.yml- ja data/ui.yml-tiedostojen arvot tulostuvat jokaiselle sivulle. Merkit < ja > arvossa voisivat tuoda sivulle HTML:ää tai skriptin, joten arvon on oltava pelkkää tekstiä.'
    " Löydös on datatiedostossa, jossa ei ole ohituskommentteja; säännön vakavuutta voi muuttaa guidekit.yml:ssä."
)
