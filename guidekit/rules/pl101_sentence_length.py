"""PL101: a sentence with too many words."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.findings import WARNING
from guidekit.rules import Report
from guidekit.settings import Setting
from guidekit.rules.plain import excerpt, sentences

NAMES = ("PL101", "sentence-length")
DESCRIPTION = "Virke on liian pitkä"
TAGS = ("plain-language", "sentences")
LANGUAGES = ALL_LANGUAGES
SETTINGS = (
    Setting("max_words", "integer", 25, "virkkeen enimmäispituus sanoina (kova raja)", minimum=1),
    Setting("warn_words", "integer", None, "pehmeä raja: tätä pidemmistä virkkeistä varoitus, kun niitä on yli warn_share", minimum=1, optional=True),
    Setting("warn_share", "number", 1.0, "virkkeiden osuus, jonka yli pehmeän rajan ylittävistä tulee varoitus", minimum=0, maximum=1),
)
MESSAGES = {
    "fi": (
        "virkkeessä on {words} sanaa (enintään {limit}): ”{start}”",
        "jaa virke kahdeksi tai useammaksi; kerro yhdessä virkkeessä yksi asia",
    ),
    "en": (
        "sentence has {words} words (at most {limit}): “{start}”",
        "split it into two or more sentences; say one thing per sentence",
    ),
}
RATIONALE = (
    "Pitkä virke kuormittaa muistia: lukijan on pidettävä alku mielessä loppuun asti. "
    "Kotimaisten kielten keskuksen mittauksessa selkouutisten virkkeissä oli keskimäärin "
    "9,1 sanaa ja yleiskielisten uutisten 10,3–10,9 sanaa (Kotus, selkokielen tutkimus). "
    "Selkokeskuksen ohje: yksi asia yhdessä virkkeessä. Yleiskielen rajana käytetään "
    "noin 25 sanaa. Selkokielessä on kaksi rajaa: yli 16 sanan virke on aina virhe "
    "(`max_words`), ja yli 12 sanan virkkeistä (`warn_words`) tulee varoitus, kun niitä on "
    "enemmän kuin neljännes sivun virkkeistä (`warn_share`): julkaistussa selkotekstissä "
    "(Ylen selkouutiset, Kelan selkoesitteet) on välillä 13–15 sanan virke, mutta ei montaa "
    "peräkkäin. Otsikot eivät ole virkkeitä."
)
EXAMPLES = {
    "good": "Avaa sovellus. Valitse Kirjaudu. Tunnistaudu pankkitunnuksilla.",
    "bad": (
        "Kun olet avannut sovelluksen ja valinnut kirjautumisen, sinun tulee tunnistautua "
        "pankkitunnuksilla tai mobiilivarmenteella, minkä jälkeen pääset etusivulle, jossa näet viestisi."
    ),
}


def check(doc, settings, ctx):
    """Over `max_words`: the rule's severity (a hard limit). Optionally a soft limit too:
    over `warn_words`, a warning for each such sentence once more than `warn_share` of the
    page's sentences are over it (one a little long sentence among short ones is fine)."""
    limit = int(settings["max_words"])
    soft = int(settings["warn_words"] or limit)
    all_sentences = [s for s in sentences(doc, ctx) if s.unit.kind != "heading"]
    over_soft = [s for s in all_sentences if soft < s.word_count <= limit]
    soft_share = (len(over_soft) + sum(1 for s in all_sentences if s.word_count > limit)) / max(len(all_sentences), 1)
    warn = soft < limit and soft_share > float(settings["warn_share"])
    for sentence in all_sentences:
        count = sentence.word_count
        if count > limit:
            yield Report(sentence.line, {"words": count, "limit": limit, "start": excerpt(sentence.text)})
        elif warn and count > soft:
            yield Report(sentence.line, {"words": count, "limit": soft, "start": excerpt(sentence.text)}, severity=WARNING)
