"""FM101: the front matter cannot be read (YAML error, no closing ---, impossible date)."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.frontmatter import describe_error, read_front_matter, repeats_a_field
from guidekit.rules import Report

NAMES = ("FM101", "front-matter-syntax")
DESCRIPTION = "Sivun alun tiedot (front matter) ovat rikki"
TAGS = ("authoring", "front-matter")
LANGUAGES = ALL_LANGUAGES
MESSAGES = {
    "fi": ("{problem}", "{fix}"),
    "en": ("{problem}", "{fix}"),
}
RATIONALE = (
    "MkDocs ei kerro rikkinäisistä tiedoista mitään: se jättää ne huomiotta ja näyttää ne "
    "lukijalle sivun tekstinä, eikä sivulla silloin ole otsikkoa, kuvausta eikä tarkistuspäivää. "
    "Siksi tarkistus kertoo virheestä tiedoston ja rivin nimeltä."
)
EXAMPLES = {
    "good": '---\ntitle: "Chat: kysy ja saat vastauksen"\ndescription: Näin kysyt chatissa.\n---',
    "bad": "---\ntitle: Chat: kysy ja saat vastauksen\ndescription: Näin kysyt chatissa.\n",
}


def check(doc, settings, ctx):
    if not doc.text.startswith("---"):
        return
    # The page parser has read the block already; parse again only to explain a problem.
    if doc.front_matter_error is None and not repeats_a_field(doc.lines[1 : max(doc.body_start - 2, 1)]):
        return
    front = read_front_matter(doc.text)
    if front.error is None:
        return
    problem, fix = describe_error(front.error, ctx.message_lang)
    yield Report(front.error.line, {"problem": problem, "fix": fix, "field": front.error.field or ""})
