"""HT101: raw HTML with an element a guide may not use (guidekit/rawhtml.py)."""

from guidekit.rawhtml import ALLOWED_ELEMENTS, document_problems
from guidekit.rules import Report

NAMES = ("HT101", "html-element-not-allowed")
DESCRIPTION = "Ohjeen HTML:ssä on elementti, jota ei saa käyttää"
TAGS = ("authoring", "html", "security", "privacy")
LANGUAGES = ("fi", "sv", "en", "selko")
MESSAGES = {
    "fi": ("ohjeen HTML:ssä on elementti {what}, jota ei saa käyttää: {why}", "{advice}"),
    "en": ("the guide's HTML has the element {what}, which is not allowed: {why}", "{advice}"),
}
# (why, advice) per kind of element, in each message language.
ADVICE = {
    "fi": {
        "script": ("skripti ajettaisiin jokaisen lukijan selaimessa",
                   "poista elementti: sivuston toiminnot ovat teemassa, eivät ohjeen tekstissä"),
        "head": ("tyylit ja sivun tiedot tulevat teemasta, ja <link> tai <style> voisi ladata tiedostoja muualta",
                 "poista elementti; tarvittava tyyli lisätään tiedostoon overrides/assets/stylesheets/site.css"),
        "embed": ("upotus lataa sisältöä toiselta palvelimelta ja kertoo sille jokaisen lukijan tiedot",
                  "poista upotus ja linkitä sisältöön tavallisella linkillä, esim. [Katso video](https://…)"),
        "form": ("lomake lähettäisi lukijan tiedot sivuston ulkopuolelle",
                 "poista lomake ja linkitä palvelun omaan lomakkeeseen"),
        "drawing": ("sivuun kirjoitettu piirros voi sisältää skriptejä, eikä kuvien tarkistus näe sitä",
                    "tallenna piirros SVG-tiedostoksi kansioon docs/<kieli>/assets/images/ ja lisää se kuvana: "
                    "![Kuvaus](../assets/images/kuva.svg)"),
        "mermaid": ("Material lataisi kaavioiden piirtokirjaston (Mermaid) verkosta",
                    "piirrä kaavio kuvaksi (SVG) ja lisää se kuvana, tai kirjoita vaiheet numeroituna luettelona"),
        "other": ("se ei ole ohjeissa sallittujen elementtien luettelossa",
                  "käytä Markdownia tai sallittuja elementtejä, esim. kbd, abbr, details, summary, sup, sub, br "
                  "(luettelo: authoring/rules.md, HT101)"),
    },
    "en": {
        "script": ("a script would run in every reader's browser",
                   "remove the element: the site's functions are in the theme, not in a guide's text"),
        "head": ("styles and page data come from the theme, and <link> or <style> could load files from elsewhere",
                 "remove the element; a style that is needed goes into overrides/assets/stylesheets/site.css"),
        "embed": ("an embed loads content from another server and tells it about every reader",
                  "remove the embed and link to the content with a plain link, e.g. [Watch the video](https://…)"),
        "form": ("a form would send the reader's data outside the site",
                 "remove the form and link to the service's own form"),
        "drawing": ("a drawing written into the page can carry scripts, and the image checks do not see it",
                    "save the drawing as an SVG file in docs/<language>/assets/images/ and add it as an image: "
                    "![Description](../assets/images/picture.svg)"),
        "mermaid": ("Material would fetch its diagram library (Mermaid) from the network",
                    "draw the diagram as an image (SVG) and add it as an image, or write the steps as a numbered list"),
        "other": ("it is not on the list of elements allowed in guides",
                  "use Markdown or the allowed elements, e.g. kbd, abbr, details, summary, sup, sub, br "
                  "(list: authoring/rules.md, HT101)"),
    },
}
RATIONALE = (
    "Markdownin sekaan kirjoitettu HTML julkaistaan sellaisenaan. Skripti ajettaisiin jokaisen "
    "lukijan selaimessa, ja upotus (iframe, video), lomake, tyylitiedosto tai Mermaid-kaavio "
    "lataisi tiedostoja muualta ja kertoisi toiselle palvelimelle jokaisen lukijan IP-osoitteen. "
    "Sivusto ei lataa mitään ulkopuolelta. Ohjeessa saa käyttää vain näitä elementtejä: "
    + ", ".join(sorted(ALLOWED_ELEMENTS))
    + ". Lähteet: OWASP Cross Site Scripting Prevention Cheat Sheet; tietosuoja-asetuksen (EU) "
    "2016/679 artikla 5 (tietojen minimointi)."
)
EXAMPLES = {
    "good": "Paina <kbd>Enter</kbd>. <abbr title=\"henkilötunnus\">hetu</abbr>",
    "bad": "<iframe src=\"https://www.youtube.com/embed/xyz\"></iframe>",
}


def check(doc, settings, ctx):
    advice = ADVICE.get(getattr(ctx, "message_lang", "fi"), ADVICE["fi"])
    for problem in document_problems(doc):
        if problem.rule == "HT101":
            why, fix = advice[problem.kind]
            yield Report(problem.line, {"what": problem.what, "why": why, "advice": fix})
