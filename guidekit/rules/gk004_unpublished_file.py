"""GK004: a file under docs/ that is never published: a link leading outside docs/, or an
.html/.js file that guidekit.yml does not list."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.publishing import OUTSIDE, unpublishable
from guidekit.rules import Report
from guidekit.settings import Setting

NAMES = ("GK004", "unpublished-file")
DESCRIPTION = "Tiedostoa ei julkaista: linkki docs/-kansion ulkopuolelle tai .html/.js-tiedosto"
TAGS = ("files", "security")
LANGUAGES = ALL_LANGUAGES
SETTINGS = (
    Setting("allow", "list", [], "docs/-kansion .html/.js-tiedostot, jotka saa julkaista (polkumallit, esim. fi/assets/laskuri.js)"),
)
MESSAGES = {
    "fi": (
        "{file}: {problem}, joten sitä ei julkaista",
        "{fix}",
    ),
    "en": (
        "{file}: {problem}, so it is not published",
        "{fix}",
    ),
}
PROBLEMS = {
    "fi": {
        "outside": ("tiedosto on symbolinen linkki docs/-kansion ulkopuolelle",
                    "kopioi tiedosto docs/-kansioon linkin tilalle tai poista linkki"),
        "active": ("tiedosto on HTML- tai JavaScript-tiedosto, jota ei ole tarkistettu",
                   "kirjoita sisältö Markdown-sivuksi; jos tiedosto on pakko julkaista, lisää sen polku "
                   "(docs/-kansion sisällä, esimerkiksi {example}) guidekit.yml:n kohtaan rules.GK004.default.allow"),
    },
    "en": {
        "outside": ("the file is a symbolic link leading outside docs/",
                    "copy the file into docs/ instead of the link, or delete the link"),
        "active": ("the file is HTML or JavaScript that nothing has checked",
                   "write the content as a Markdown page; if the file must be published, list its path "
                   "(inside docs/, e.g. {example}) under rules.GK004.default.allow in guidekit.yml"),
    },
}
RATIONALE = (
    "Vain docs/-kansion sisältö julkaistaan. Linkki kansion ulkopuolelle julkaisisi minkä tahansa "
    "koneen tiedoston (esimerkiksi /etc/passwd). HTML- ja JavaScript-tiedostot ajetaan sivuston omana "
    "koodina ilman tarkistuksia, ja ne voisivat ladata sisältöä muualta."
)
EXAMPLES = {"good": "docs/fi/assets/images/sovellus.svg", "bad": "docs/fi/assets/laskuri.js"}


def check(doc, settings, ctx):
    return ()


def check_site(ctx):
    allow = ctx.config.rule(NAMES[0]).get("allow") or []
    words = PROBLEMS.get(ctx.message_lang, PROBLEMS["fi"])
    for rel, problem in unpublishable(ctx.root / "docs", allow):
        what, fix = words[problem if problem == OUTSIDE else "active"]
        yield f"docs/{rel}", Report(1, {"file": f"docs/{rel}", "problem": what, "fix": fix.format(example=rel)})
