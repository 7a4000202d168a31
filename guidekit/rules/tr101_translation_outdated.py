"""TR101: the Finnish source changed after this translation was last brought up to date,
or the translation was never marked up to date (a state of its own: not "outdated")."""

from guidekit.languages import TRANSLATIONS
from guidekit.frontmatter import read_front_matter
from guidekit.rules import Report
from guidekit.translations import HASH_DIFFERS, HASH_FIELD, NO_HASH, SOURCE_LANGUAGE, state_from_hash, stored_hash

NAMES = ("TR101", "translation-outdated")
DESCRIPTION = "Käännös voi olla vanhentunut, tai sitä ei ole merkitty ajan tasalle"
TAGS = ("authoring", "translations")
LANGUAGES = TRANSLATIONS
MESSAGES = {
    "fi": ("{why}", "{todo}"),
    "en": ("{why}", "{todo}"),
}
WHY = {
    "fi": {
        HASH_DIFFERS: (
            "käännös voi olla vanhentunut: suomenkielistä sivua on muutettu sen jälkeen, kun käännös "
            "merkittiin ajan tasalle",
            "katso, mitä sivulla {source} on muuttunut (guidekit status {path}), päivitä käännös ja aja "
            "guidekit status --mark-synced {path}",
        ),
        NO_HASH: (
            "käännöstä ei ole vielä merkitty ajan tasalle",
            "vertaa käännöstä sivuun {source}; kun käännös vastaa sitä, aja guidekit status --mark-synced {path}",
        ),
    },
    "en": {
        HASH_DIFFERS: (
            "the translation may be out of date: the Finnish page has changed since the translation "
            "was marked up to date",
            "see what changed in {source} (guidekit status {path}), update the translation, then run "
            "guidekit status --mark-synced {path}",
        ),
        NO_HASH: (
            "the translation has never been marked up to date",
            "compare it with {source}; once it matches, run guidekit status --mark-synced {path}",
        ),
    },
}
RATIONALE = (
    "Kun suomenkielinen ohje muuttuu, käännös jää helposti jälkeen, eikä sitä huomaa kukaan, "
    "joka ei lue molempia kieliä. Käännöksen kenttä source_hash tallentaa suomenkielisen tekstin "
    "tunnisteen sillä hetkellä, kun käännös tehtiin; muuttunut teksti huomataan sisällöstä, "
    "ei päivämäärästä, jonka joku muistaa tai unohtaa päivittää. Varoitus ei estä julkaisua."
)
EXAMPLES = {
    "good": 'source_hash: "1a2b3c4d5e6f"   (sama kuin suomenkielisen sivun nykyinen tunniste)',
    "bad": "(ei kenttää source_hash, tai suomenkielistä sivua on muutettu sen jälkeen)",
}


def check(doc, settings, ctx):
    if doc.front_matter_error is not None:
        return  # FM101 says what is wrong
    source = ctx.counterpart(doc, SOURCE_LANGUAGE)
    if source is None:
        return  # no Finnish page: nothing to be behind of
    # The page is parsed already: its front matter holds the stored hash.
    _state, reason = state_from_hash(stored_hash(doc.front_matter), source.text)
    if reason is None:
        return
    why, todo = WHY.get(ctx.message_lang, WHY["fi"])[reason]
    line = read_front_matter(doc.text).field_lines.get(HASH_FIELD, 1)
    yield Report(line, {"why": why, "todo": todo.format(source=source.path, path=doc.path)})
