"""SE002: search data key (checked for the whole site by guidekit/search.py)."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
NAMES = ("SE002", "search-data-key")
DESCRIPTION = "Hakutiedostossa on tuntematon kieli tai avain"
TAGS = ('search', 'data')
LANGUAGES = ALL_LANGUAGES
SCOPE = "site"  # no check(): reported by guidekit/search.py, for lint and build alike
SEVERITY = "error"
RATIONALE = (
    'Kirjoitusvirhe kielen tai avaimen nimessä (synonym pro synonyms) jättäisi asetuksen huomiotta ilman varoitusta; siksi jokainen tuntematon nimi on löydös.'
    " Löydös on datatiedostossa, jossa ei ole ohituskommentteja; säännön vakavuutta voi muuttaa guidekit.yml:ssä."
)
