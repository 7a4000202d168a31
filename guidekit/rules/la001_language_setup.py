"""LA001: a language's guidekit settings in mkdocs.yml are missing or wrong (a site check)."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES

NAMES = ("LA001", "language-setup")
DESCRIPTION = "Kielen asetukset puuttuvat tai ovat virheelliset"
TAGS = ("languages", "readability")
LANGUAGES = ALL_LANGUAGES
SCOPE = "site"  # no check(): reported by guidekit/sitecheck.py from guidekit/languages.py
SEVERITY = "warning"
RATIONALE = (
    "Uusi kieli lisätään kielilohkona tiedostoon mkdocs.yml. Sen `guidekit:`-kohdassa valitaan "
    "luettavuuskaava nimeltä (wiio, lix tai flesch), päivämäärien Babel-kieli ja -muoto sekä "
    "kirjoitussuunta (ltr tai rtl). Jos kaavaa ei ole valittu, kielen sivuille ei lasketa "
    "luettavuutta lainkaan: toisen kielen kaava antaisi harhaanjohtavan luvun. Löydös on varoitus, "
    "jotta uuden kielen sivut voi julkaista ennen kuin kaava on valittu."
)
