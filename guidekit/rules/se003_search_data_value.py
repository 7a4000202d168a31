"""SE003: search data value (checked for the whole site by guidekit/search.py)."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
NAMES = ("SE003", "search-data-value")
DESCRIPTION = "Hakutiedoston arvo on väärää muotoa"
TAGS = ('search', 'data')
LANGUAGES = ALL_LANGUAGES
SCOPE = "site"  # no check(): reported by guidekit/search.py, for lint and build alike
SEVERITY = "error"
RATIONALE = (
    'Sanaluettelon on oltava luettelo sanoja ja short_word kokonaisluku 1–6. YAML lukee sanat on, no ja yes totuusarvoiksi, joten ne on kirjoitettava lainausmerkkeihin.'
    " Löydös on datatiedostossa, jossa ei ole ohituskommentteja; säännön vakavuutta voi muuttaa guidekit.yml:ssä."
)
