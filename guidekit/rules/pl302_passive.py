"""PL302: passive verb forms in Finnish and selkokieli, above a share of the sentences (Voikko)."""

from guidekit.languages import written_in
from guidekit import morphology
from guidekit.rules import Report
from guidekit.settings import Setting
from guidekit.rules.plain import allow_list, allowed, sentences, share_exceeded

NAMES = ("PL302", "passive")
DESCRIPTION = "Passiivia liikaa"
TAGS = ("plain-language", "selko", "verbs", "voikko")
LANGUAGES = written_in("fi")  # Finnish and selko
SETTINGS = (
    Setting("max_share", "number", 0.0, "osuus virkkeistä, jossa rakennetta saa olla ennen löydöksiä", minimum=0, maximum=1),
    Setting("allow", "list", [], "sallitut sanat"),
    Setting("min_sentences", "integer", 0, "lyhyemmällä sivulla osuus lasketaan vain, jos rakenne on joka virkkeessä", minimum=0),
)
MESSAGES = {
    "fi": (
        "passiivi ”{words}” ({share} % virkkeistä, enintään {limit} %)",
        "kerro, kuka tekee: puhuttele lukijaa (”sinä lähetät”) tai nimeä tekijä (”hoitaja soittaa”)",
    ),
    "en": (
        "passive “{words}” ({share} % of sentences, at most {limit} %)",
        "say who does it: address the reader (“sinä lähetät”) or name the doer (“hoitaja soittaa”)",
    ),
}
RATIONALE = (
    "Passiivi jättää kertomatta, kuka tekee, ja lukija joutuu arvaamaan, pitääkö hänen itse "
    "toimia. Selkokeskuksen ohjeissa lukijaa puhutellaan sinä-muodossa ja tekijä kerrotaan. "
    "Kotuksen mittauksessa selkouutisten lauseista 12 % oli passiivisia, yleisuutisten 17–19 %; "
    "ohjeteksti, joka puhuttelee lukijaa, pärjää vähemmällä. Yleiskielessäkin (Kotuksen "
    "selkeän virkakielen ohjeet) passiivi sopii, kun tekijä ei ole tärkeä, mutta ohjeessa "
    "lukijan pitää tietää, kuka toimii. Raja on virkkeiden osuus "
    "(max_share), jonka ylittyessä jokainen passiivi ilmoitetaan. Epäselvät muodot, kuten "
    "tehdä (myös kielteinen passiivi), jätetään ilmoittamatta."
)
EXAMPLES = {
    "good": "Hoitaja soittaa sinulle. Saat viestin sovellukseen.",
    "bad": "Asiakkaalle soitetaan. Viesti on lähetetty sovellukseen.",
}


def passives(sentence) -> list:
    """(line, words) of each passive: a finite passive, or a form of olla + past passive participle."""
    found = []
    tokens = sentence.words
    for index, word in enumerate(tokens):
        if morphology.every_reading(word.text, morphology.is_finite_passive):
            found.append((word.line, word.text))
        elif morphology.every_reading(word.text, morphology.is_past_passive_participle):
            # on lähetetty, oli jo hoidettu: olla at most two words before
            for back in (1, 2):
                if index - back >= 0 and morphology.every_reading(tokens[index - back].text, morphology.is_olla):
                    found.append((tokens[index - back].line, " ".join(t.text for t in tokens[index - back : index + 1])))
                    break
    return found


def check(doc, settings, ctx):
    if not morphology.available():
        return
    all_sentences = sentences(doc, ctx)
    allow = allow_list(settings)
    hits = [(s, passives(s)) for s in all_sentences]
    hits = [(s, [(line, w) for line, w in found if not allowed(w, allow)]) for s, found in hits]
    hits = [(s, found) for s, found in hits if found]
    if not share_exceeded(len(hits), len(all_sentences), settings):
        return
    share = round(100 * len(hits) / len(all_sentences))
    limit = round(100 * float(settings["max_share"]))
    for _sentence, found in hits:
        for line, words in found:
            yield Report(line, {"words": words, "share": share, "limit": limit})
