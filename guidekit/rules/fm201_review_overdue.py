"""FM201: the guide has not been checked against the real service for too long."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
import datetime as dt

from guidekit.facts import format_date
from guidekit.document import as_date
from guidekit.frontmatter import OVERDUE, read_front_matter, review_due, review_state
from guidekit.rules import Report
from guidekit.settings import Setting

NAMES = ("FM201", "review-overdue")
DESCRIPTION = "Ohjeen tarkistus on myöhässä"
TAGS = ("authoring", "review")
LANGUAGES = ALL_LANGUAGES
SETTINGS = (
    Setting("months", "integer", 12, "tarkistusväli kuukausina", minimum=1),
    Setting("due_soon_days", "integer", 30, "guidekit status: pian erääntyvät, päivinä", minimum=0),
)
MESSAGES = {
    "fi": (
        "ohje on tarkistettu viimeksi {reviewed}; se piti tarkistaa viimeistään {due} ({months} kuukauden välein)",
        "käy ohjeen vaiheet läpi oikeassa palvelussa, korjaa muuttunut teksti ja kuvat ja kirjoita reviewed: {today}",
    ),
    "en": (
        "the guide was last reviewed on {reviewed}; it was due by {due} (every {months} months)",
        "go through the steps in the real service, fix what changed in text and images, then write reviewed: {today}",
    ),
}
RATIONALE = (
    "Palvelut muuttuvat: painikkeet vaihtavat nimeä ja vaiheita tulee lisää. Vanhentunut ohje "
    "neuvoo lukijaa väärin, ja lukija luulee vian olevan itsessään. Säännöllinen tarkistus "
    "(oletus 12 kuukautta) pitää ohjeet oikeina; tarkistusväli on tiedostossa guidekit.yml."
)
EXAMPLES = {
    "good": "reviewed: 2026-03-12   (tarkistettu alle vuosi sitten)",
    "bad": "reviewed: 2024-03-12   (tarkistettu yli vuosi sitten)",
}


def check(doc, settings, ctx):
    reviewed = as_date(doc.front_matter.get("reviewed"))
    if doc.front_matter_error is not None or reviewed is None:
        return  # broken or not a date: FM101 / FM103
    months = int(settings["months"])
    today = dt.date.today()
    if review_state(reviewed, today, months, 0) != OVERDUE:
        return
    date_lang = "en" if ctx.message_lang == "en" else "fi"
    line = read_front_matter(doc.text).field_lines.get("reviewed", 1)
    yield Report(
        line,
        {
            "reviewed": format_date(reviewed, date_lang),
            "due": format_date(review_due(reviewed, months), date_lang),
            "months": months,
            "today": today.isoformat(),
        },
    )
