"""SE002: search data key (checked for the whole site by guidekit/search.py)."""

NAMES = ("SE002", "search-data-key")
DESCRIPTION = "Hakutiedostossa on tuntematon kieli tai avain"
TAGS = ('search', 'data')
LANGUAGES = ("fi", "sv", "en", "selko")
SCOPE = "site"  # no check(): reported by guidekit/search.py, for lint and build alike
SEVERITY = "error"
RATIONALE = (
    'Kirjoitusvirhe kielen tai avaimen nimessä (synonym pro synonyms) jättäisi asetuksen huomiotta ilman varoitusta; siksi jokainen tuntematon nimi on löydös.'
    " Löydös on datatiedostossa, jossa ei ole ohituskommentteja; säännön vakavuutta voi muuttaa guidekit.yml:ssä."
)
