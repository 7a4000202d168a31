"""SE001: search data syntax (checked for the whole site by guidekit/search.py)."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
NAMES = ("SE001", "search-data-syntax")
DESCRIPTION = "Hakutiedosto ei ole kelvollista YAMLia"
TAGS = ('search', 'data')
LANGUAGES = ALL_LANGUAGES
SCOPE = "site"  # no check(): reported by guidekit/search.py, for lint and build alike
SEVERITY = "error"
RATIONALE = (
    'data/search.yml kertoo haulle synonyymit, ohitettavat sanat ja vakio-otsikot kielittäin. Rikkinäinen tiedosto kerrotaan rivin kanssa, jotta haku ei jää hiljaa ilman niitä.'
    " Löydös on datatiedostossa, jossa ei ole ohituskommentteja; säännön vakavuutta voi muuttaa guidekit.yml:ssä."
)
