"""PL307: nominal style, a light verb carrying an action noun (suorittaa tarkistuksen)."""

from guidekit.languages import written_in
from guidekit import morphology
from guidekit.rules import Report
from guidekit.settings import Setting
from guidekit.rules.plain import sentences

NAMES = ("PL307", "nominal-style")
DESCRIPTION = "Substantiivityyli: tekemisen nimi apuverbin kanssa"
TAGS = ("plain-language", "verbs", "voikko")
LANGUAGES = written_in("fi")  # Finnish and selko
SETTINGS = (
    Setting("window", "integer", 3, "kuinka monen sanan päässä tekemisen nimi voi olla verbistä", minimum=1),
    Setting("light_verbs", "list", [], "kevyet verbit perusmuodossa"),
    Setting("subject_verbs", "list", [], "kevyet verbit, joiden edellä oleva teonnimi (subjekti) lasketaan"),
)
MESSAGES = {
    "fi": (
        "substantiivityyli ”{words}”",
        "käytä verbiä {verb}: ”suorittaa tarkistuksen” → ”tarkistaa”",
    ),
    "en": (
        "nominal style “{words}”",
        "use the verb {verb}: “suorittaa tarkistuksen” → “tarkistaa”",
    ),
}
RATIONALE = (
    "Kun teon nimi (tarkistus, ilmoitus, käsittely) kulkee väljän verbin kanssa, teko itse "
    "jää substantiiviksi: ”suorittaa tarkistuksen” sanoo saman kuin ”tarkistaa”, mutta "
    "raskaammin. Kotuksen virkakielen ohjeet ja Kielitoimiston ohjepankki neuvovat "
    "käyttämään verbiä. Sääntö ilmoittaa asetusten väljän verbin (`light_verbs`, "
    "perusmuotoina), kun `window` sanan päässä siitä on Voikon mukaan verbistä johdettu "
    "teonnimi; viesti kertoo verbin, josta nimi on johdettu. Verbin edellä oleva teonnimi "
    "on sen subjekti, ja se lasketaan vain verbeille, joiden subjekti on teko itse "
    "(`subject_verbs`: käsittely tapahtuu), ja passiiville (tarkistus suoritetaan); "
    "”rokotus antaa suojaa” ei ole substantiivityyliä."
)
EXAMPLES = {
    "good": "Hoitaja tarkistaa lääkkeet. Käsittelemme hakemuksen kahdessa viikossa.",
    "bad": "Hoitaja suorittaa lääkkeiden tarkistuksen. Hakemuksen käsittely tapahtuu kahdessa viikossa.",
}


def action_verb(word: str) -> str | None:
    """The verb an action noun is made from (tarkistuksen → tarkistaa), when every reading agrees."""
    verbs = set()
    for analysis in morphology.analyses(word):
        if analysis.get("CLASS") != "nimisana":
            return None
        last = analysis.get("FSTOUTPUT", "").split("[Bc]")[-1]
        # [Lt] a verb, [Xj] a derivational ending: the last part of the word is made from a verb.
        if not (last.startswith("[Lt]") and "[Xj]" in last) or "[Xj]ja" in last:  # -ja: a doer (hoitaja)
            return None
        verbs.add(last.split("[Xp]", 1)[1].split("[X]", 1)[0])
    return verbs.pop() if len(verbs) == 1 else None


def _light(word: str, light_verbs: frozenset) -> bool:
    readings = morphology.analyses(word)
    return bool(readings) and all(
        a.get("CLASS") == "teonsana" and a.get("BASEFORM") in light_verbs for a in readings
    )


def _passive(word: str) -> bool:
    return morphology.every_reading(word, morphology.is_finite_passive)


def _subject_verb(word: str, subject_verbs: frozenset) -> bool:
    readings = morphology.analyses(word)
    return bool(readings) and all(a.get("BASEFORM") in subject_verbs for a in readings)


def check(doc, settings, ctx):
    if not morphology.available():
        return
    light_verbs = frozenset(str(v) for v in settings["light_verbs"])
    # An action noun before the verb is its subject: nominal style with these verbs
    # (käsittely tapahtuu) or a passive (tarkistus suoritetaan), not with "rokotus antaa suojaa".
    subject_verbs = frozenset(str(v) for v in settings["subject_verbs"])
    window = int(settings["window"])
    for sentence in sentences(doc, ctx):
        tokens = sentence.words
        for index, word in enumerate(tokens):
            if not _light(word.text, light_verbs):
                continue
            before = _subject_verb(word.text, subject_verbs) or _passive(word.text)
            near = (list(tokens[max(0, index - window) : index]) if before else []) + list(tokens[index + 1 : index + 1 + window])
            for other in near:
                verb = action_verb(other.text)
                if verb:
                    pair = sorted((word, other), key=lambda w: tokens.index(w))
                    yield Report(word.line, {"words": " … ".join(w.text for w in pair), "verb": f"”{verb}”"})
                    break
