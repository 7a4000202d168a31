"""PL306: a chain of genitive nouns (asiakkaan palvelutarpeen arvioinnin tulos)."""

from guidekit.languages import written_in
from guidekit import morphology
from guidekit.rules import Report
from guidekit.settings import Setting
from guidekit.rules.plain import sentences

NAMES = ("PL306", "genitive-chain")
DESCRIPTION = "Genetiiviketju"
TAGS = ("plain-language", "words", "voikko")
LANGUAGES = written_in("fi")  # Finnish and selko
SETTINGS = (
    Setting("max_nouns", "integer", 2, "genetiivisubstantiivien enimmäismäärä peräkkäin", minimum=1),
)
MESSAGES = {
    "fi": (
        "{count} genetiiviä peräkkäin: ”{words}”",
        "pura ketju: kerro tekijä ja teko verbillä (”arvioimme, mitä palveluja tarvitset”)",
    ),
    "en": (
        "{count} genitives in a row: “{words}”",
        "break the chain: say who does what with a verb (“arvioimme, mitä palveluja tarvitset”)",
    ),
}
RATIONALE = (
    "Peräkkäiset genetiivit (”asiakkaan palvelutarpeen arvioinnin tulos”) pakottavat lukijan "
    "purkamaan suhteet takaperin. Kotuksen virkakielen ohjeissa genetiiviketju mainitaan "
    "substantiivityylin tuntomerkkinä; Kielitoimiston ohjepankki neuvoo purkamaan sen "
    "sivulauseeksi tai verbirakenteeksi. Ketjuun lasketaan substantiivit, joiden jokainen "
    "Voikon luenta on genetiivi; genetiivimuotoinen adjektiivi tai pronomini (uuden, tämän) "
    "ei katkaise ketjua eikä kasvata sitä. Raja on `max_nouns` substantiivia."
)
EXAMPLES = {
    "good": "Arvioimme, mitä palveluja tarvitset. Saat tuloksen kirjeenä.",
    "bad": "Asiakkaan palvelutarpeen arvioinnin tulos lähetetään kirjeenä.",
}


def _genitive(analysis) -> bool:
    return analysis.get("SIJAMUOTO") == "omanto"


def _genitive_noun(analysis) -> bool:
    return _genitive(analysis) and analysis.get("CLASS") in ("nimisana", "nimi", "etunimi", "sukunimi", "paikannimi")


def _genitive_modifier(analysis) -> bool:
    return _genitive(analysis) and analysis.get("CLASS") in ("laatusana", "asemosana", "lukusana", "nimisana_laatusana")


def chains(tokens) -> list[list]:
    """Runs of genitive words; each run's nouns counted by the caller."""
    runs, current = [], []
    for word in tokens:
        if morphology.every_reading(word.text, _genitive_noun) or (
            current and morphology.every_reading(word.text, _genitive_modifier)
        ):
            current.append(word)
        elif morphology.every_reading(word.text, _genitive_modifier):
            current = [word]
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def check(doc, settings, ctx):
    if not morphology.available():
        return
    limit = int(settings["max_nouns"])
    for sentence in sentences(doc, ctx):
        for run in chains(sentence.words):
            nouns = [w for w in run if morphology.every_reading(w.text, _genitive_noun)]
            if len(nouns) > limit:
                yield Report(run[0].line, {"count": len(nouns), "words": " ".join(w.text for w in run)})
