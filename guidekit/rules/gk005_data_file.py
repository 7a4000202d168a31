"""GK005: data/county.yml or data/ui.yml cannot be read, or lacks a key the pages need."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.datafiles import check_facts, check_ui, describe
from guidekit.rules import Report

NAMES = ("GK005", "data-file")
DESCRIPTION = "Tietotiedostoa ei voi lukea tai siitä puuttuu avain"
TAGS = ("authoring", "facts")
LANGUAGES = ALL_LANGUAGES
MESSAGES = {"fi": ("{message}", "{fix}"), "en": ("{message}", "{fix}")}
RATIONALE = (
    "Jokaisen sivun apulaatikko, palautelinkki ja sivupohjan tekstit tulevat tiedostoista "
    "data/county.yml ja data/ui.yml. Rikkinäinen tiedosto tai puuttuva avain rikkoisi jokaisen sivun, "
    "joten rakennus pysähtyy ja kertoo tiedoston, avaimen ja rivin."
)
EXAMPLES = {
    "good": "chat:\n  url: https://chat.esimerkkila.example/\n  hours: {fi: ma–pe klo 8–18}",
    "bad": "chat:\n  hours: {fi: ma–pe klo 8–18}   # url puuttuu",
}


def check(doc, settings, ctx):
    return ()


def check_site(ctx):
    for check_file in (check_facts, check_ui):
        _data, problems = check_file(ctx.root)
        for problem in problems:
            message, fix = describe(problem, ctx.message_lang)
            yield problem.path, Report(problem.line, {"message": message, "fix": fix})
