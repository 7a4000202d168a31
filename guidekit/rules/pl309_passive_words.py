"""PL309: passive voice in Swedish and English, above a share of the sentences (word lists in guidekit.yml)."""

import re

from guidekit.rules import Report
from guidekit.rules.plain import allow_list, allowed, sentences, share_exceeded
from guidekit.settings import Setting

NAMES = ("PL309", "passive-sv-en")
DESCRIPTION = "Passiivia liikaa (ruotsi, englanti)"
TAGS = ("plain-language", "verbs")
LANGUAGES = ("sv", "en")
SETTINGS = (
    Setting("max_share", "number", 0.0, "osuus virkkeistä, jossa passiivia saa olla ennen löydöksiä", minimum=0, maximum=1),
    Setting("min_sentences", "integer", 0, "lyhyemmällä sivulla osuus lasketaan vain, jos passiivi on joka virkkeessä", minimum=0),
    Setting("allow", "list", [], "sallitut sanat"),
    Setting("be_forms", "list", [], "en: be-verbin muodot"),
    Setting("adverbs", "list", [], "en: adverbit, jotka voivat olla be-verbin ja partisiipin välissä (myös -ly)"),
    Setting("participles", "list", [], "en: epäsäännölliset partisiipit (given, sent)"),
    Setting("not_participles", "list", [], "en: -ed-sanat, jotka ovat adjektiiveja (interested, married)"),
    Setting("passive_endings", "list", [], "sv: s-passiivin päätteet (-as, -des, -ats)"),
    Setting("passive_words", "list", [], "sv: lyhyet s-passiivit (tas, ges, görs)"),
    Setting("not_passive", "list", [], "sv: deponenttiverbit ja sanat, joiden loppu näyttää passiivilta (finns, hoppas, plats)"),
    Setting("min_letters", "integer", 6, "sv: päätteen perusteella tunnistettavan sanan vähimmäispituus", minimum=1),
)
MESSAGES = {
    "fi": (
        "passiivi ”{words}” ({share} % virkkeistä, enintään {limit} %)",
        "kerro, kuka tekee: puhuttele lukijaa (”du skickar”, ”you send”) tai nimeä tekijä (”we send”, ”vi skickar”)",
    ),
    "en": (
        "passive “{words}” ({share} % of sentences, at most {limit} %)",
        "say who does it: address the reader (“you send”, “du skickar”) or name the doer (“we send”, “vi skickar”)",
    ),
}
RATIONALE = (
    "Passiivi jättää kertomatta, kuka tekee. Språkrådetin ja ISOFin klarspråk-ohjeet "
    "(Myndigheternas skrivregler) neuvovat kirjoittamaan aktiivissa ja puhuttelemaan "
    "lukijaa (du, vi), ja GOV.UK:n sisältöohje (”Use the active voice”) sanoo saman "
    "englanniksi. Passiivi tunnistetaan asetusten sanalistoista kuten Valessa: englannissa "
    "be-verbin muoto (`be_forms`) ja sen perässä, enintään yhden adverbin (`adverbs` tai "
    "-ly) jälkeen, partisiippi (-ed tai `participles`; `not_participles` ovat adjektiiveja); "
    "ruotsissa s-passiivi (`passive_endings`, vähintään `min_letters` kirjainta, "
    "`passive_words` luettelee lyhyet kuten tas, ges) ilman deponenttiverbejä ja "
    "substantiiveja (`not_passive`). Kuten PL302, jokainen passiivi ilmoitetaan vasta, kun "
    "passiivivirkkeiden osuus ylittää rajan (`max_share`)."
)
EXAMPLES = {
    "good": "We send you a letter. Du betalar avgiften varje månad.",
    "bad": "A letter will be sent to you. Avgiften debiteras månaden efter att insatsen har utförts.",
}

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")  # also fast-tracked, don't


def _lower_words(sentence) -> list:
    return [(w.line, w.text, w.text.lower()) for w in sentence.words if WORD.fullmatch(w.text)]


def english_passives(sentence, settings: dict) -> list:
    be_forms = {str(w).lower() for w in settings["be_forms"]}
    participles = {str(w).lower() for w in settings["participles"]}
    not_participles = {str(w).lower() for w in settings["not_participles"]}
    adverbs = {str(w).lower() for w in settings["adverbs"]}
    words = _lower_words(sentence)
    found = []
    for index, (line, text, lower) in enumerate(words):
        if lower not in be_forms:
            continue
        for step in (1, 2):
            if index + step >= len(words):
                break
            _l, next_text, next_lower = words[index + step]
            if (next_lower.endswith("ed") and len(next_lower) > 4 or next_lower in participles) and next_lower not in not_participles:
                found.append((line, " ".join(w[1] for w in words[index : index + step + 1])))
                break
            if not (next_lower in adverbs or next_lower.endswith("ly")):
                break
    return found


def swedish_passives(sentence, settings: dict) -> list:
    endings = tuple(str(e).lower() for e in settings["passive_endings"])
    listed = {str(w).lower() for w in settings["passive_words"]}
    not_passive = tuple(str(w).lower() for w in settings["not_passive"])
    min_letters = int(settings["min_letters"])
    found = []
    for position, (line, text, lower) in enumerate(_lower_words(sentence)):
        if position > 0 and text[:1].isupper():
            continue  # a name (Lukas, Kelas) or an initialism
        if lower.endswith(not_passive) and not_passive:
            continue
        if lower in listed or (len(lower) >= min_letters and lower.endswith(endings)):
            found.append((line, text))
    return found


def passives(sentence, lang: str, settings: dict) -> list:
    return english_passives(sentence, settings) if lang == "en" else swedish_passives(sentence, settings)


def check(doc, settings, ctx):
    all_sentences = sentences(doc, ctx)
    allow = allow_list(settings)
    hits = []
    for sentence in all_sentences:
        found = [(line, words) for line, words in passives(sentence, doc.lang, settings) if not allowed(words, allow)]
        if found:
            hits.append(found)
    if not share_exceeded(len(hits), len(all_sentences), settings):
        return
    share = round(100 * len(hits) / len(all_sentences))
    limit = round(100 * float(settings["max_share"]))
    for found in hits:
        for line, words in found:
            yield Report(line, {"words": words, "share": share, "limit": limit})
