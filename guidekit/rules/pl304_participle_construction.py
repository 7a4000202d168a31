"""PL304: participial and infinitive constructions (lauseenvastikkeet) in selkokieli (Voikko)."""

from guidekit import morphology
from guidekit.rules import Report
from guidekit.settings import Setting
from guidekit.rules.plain import allow_list, allowed, sentences, share_exceeded

NAMES = ("PL304", "participle-construction")
DESCRIPTION = "Lauseenvastike tai partisiippirakenne selkotekstissä"
TAGS = ("plain-language", "selko", "verbs", "voikko")
LANGUAGES = ("selko",)
SETTINGS = (
    Setting("max_share", "number", 0.0, "osuus virkkeistä, jossa rakennetta saa olla ennen löydöksiä", minimum=0, maximum=1),
    Setting("allow", "list", [], "sallitut kiinteät ilmaukset"),
)
MESSAGES = {
    "fi": (
        "{kind_fi} ”{word}”",
        "kirjoita tilalle oma lause: ”kirjauduttuasi” → ”kun olet kirjautunut”, "
        "”lääkärin kirjoittama resepti” → ”resepti, jonka lääkäri kirjoitti”",
    ),
    "en": (
        "{kind_en} “{word}”",
        "write a clause instead: “kirjauduttuasi” → “kun olet kirjautunut”",
    ),
}
RATIONALE = (
    "Lauseenvastike (kirjauduttuasi, tullessasi, saadakseen, sanoi tulevansa) ja "
    "agenttipartisiippi (lääkärin kirjoittama) tiivistävät kokonaisen lauseen yhteen sanaan. "
    "Lukijan on purettava rakenne itse. Selkokeskuksen kielellisissä ohjeissa "
    "lauseenvastikkeiden sijaan käytetään sivulauseita (kun, jotta, että). Vakiintuneet "
    "ilmaukset (alkaen, lähtien) sallitaan asetuksissa (allow)."
)
EXAMPLES = {
    "good": "Kun olet kirjautunut, näet omat aikasi.",
    "bad": "Kirjauduttuasi näet hoitajan varaamat ajat.",
}

KINDS = {
    "temporal_or_modal": ("lauseenvastike (2. infinitiivi)", "infinitive construction"),
    "final": ("finaalinen lauseenvastike", "purpose construction"),
    "temporal": ("temporaalinen lauseenvastike", "temporal participle construction"),
    "referative": ("referatiivinen lauseenvastike", "reported-speech participle construction"),
    "agent_participle": ("agenttipartisiippi", "agent participle"),
}


def check(doc, settings, ctx):
    if not morphology.available():
        return
    all_sentences = sentences(doc, ctx)
    allow = allow_list(settings)
    hits = []
    for sentence in all_sentences:
        found = [(w, morphology.construction_of(w.text)) for w in sentence.words if not allowed(w.text, allow)]
        found = [(w, kind) for w, kind in found if kind]
        if found:
            hits.append(found)
    if not share_exceeded(len(hits), len(all_sentences), settings):
        return
    for found in hits:
        for word, kind in found:
            kind_fi, kind_en = KINDS[kind]
            yield Report(word.line, {"word": word.text, "kind_fi": kind_fi, "kind_en": kind_en})
