"""GK000: a page cannot be read (reported by the page loop in guidekit/lint.py)."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
NAMES = ("GK000", "unreadable")
DESCRIPTION = "Tiedostoa ei voi lukea"
TAGS = ('authoring',)
LANGUAGES = ALL_LANGUAGES
SCOPE = "site"  # no check(): reported by the page loop (guidekit/lint.py), for lint and build alike
SEVERITY = "error"
RATIONALE = (
    'Sivu, jota ei voi lukea (ei UTF-8-tekstiä, tiedostoa ei voi avata tai kansio ei ole minkään sivuston kielen kansio), jäisi muuten tarkistamatta ja ehkä julkaisematta. Löydös kertoo tiedoston ja syyn; sitä ei voi ohittaa, koska ohituskommenttiakaan ei voi lukea.'
    
)
