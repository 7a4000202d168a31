"""Finnish word analysis with Voikko: syllables, base forms, compound parts, verb forms.

One Voikko instance per process; analyses are cached per word (the hot path:
a site repeats the same few thousand words on every page).

When Voikko is missing (no libvoikko1 / voikko-fi, or no Python libvoikko),
available() is False and problem() says what to install. The front ends say it
once; the rules that need Voikko then report nothing.

Where Voikko gives several readings of a word, the rules ask every_reading():
a word is flagged only when all readings agree (`tehdä` is both an infinitive
and a negative passive, so it is no passive).
"""

from __future__ import annotations

import re
from functools import lru_cache
from types import MappingProxyType
from typing import Callable, Mapping

try:  # the Python binding; the C library is loaded only when Voikko() is created
    from libvoikko import Voikko
except ImportError:  # pragma: no cover - requirements.txt installs it
    Voikko = None

INSTALL_HINT = "apt-get install libvoikko1 voikko-fi"
WORDBASE = re.compile(r"\+([^+(]*)(?:\(([^)]*)\))?")

Analysis = Mapping[str, str]


@lru_cache(maxsize=1)
def _load() -> tuple[object | None, str | None]:
    """(Voikko instance, None) or (None, what is wrong)."""
    if Voikko is None:
        return None, "Python-paketti libvoikko puuttuu (pip install -r requirements.txt)"
    try:
        return Voikko("fi"), None
    except OSError as error:  # libvoikko.so is not installed
        return None, f"Voikko-kirjastoa ei löydy ({error})"
    except Exception as error:  # VoikkoException: no Finnish dictionary (voikko-fi)
        return None, f"Voikon suomen sanakirja puuttuu ({error})"


def reset() -> None:
    """Forget the loaded Voikko and every cached analysis (tests swap Voikko out)."""
    _load.cache_clear()
    for cached in (analyses, syllables, base_syllables, every_reading, fewest_parts, construction_of):
        cached.cache_clear()


def available() -> bool:
    return _load()[0] is not None


def problem() -> str | None:
    """None when Voikko works; otherwise one sentence naming the cause and the fix."""
    reason = _load()[1]
    if reason is None:
        return None
    return (
        f"Voikko ei ole käytössä: {reason}. Suomen ja selkokielen sanatarkistukset "
        f"(yhdyssanat, passiivi, -minen, lauseenvastikkeet, luettavuus) eivät ole käynnissä. "
        f"Asenna Voikko: {INSTALL_HINT}"
    )


@lru_cache(maxsize=None)
def analyses(word: str) -> tuple[Analysis, ...]:
    """Every reading Voikko gives of one word form; () when unknown or Voikko is missing."""
    voikko = _load()[0]
    if voikko is None or not word:
        return ()
    return tuple(MappingProxyType(dict(a)) for a in voikko.analyze(word))


@lru_cache(maxsize=None)
def syllables(word: str) -> int:
    """Syllables of a word by Voikko's hyphenation (every break is a syllable border)."""
    voikko = _load()[0]
    if voikko is None or not word:
        return 0
    pattern = voikko.getHyphenationPattern(word)
    return sum(1 for mark in pattern if mark in "-=") + 1


@lru_cache(maxsize=None)
def base_syllables(word: str) -> int:
    """Syllables of the word's base form (the first reading, as Voikko's own statistics do)."""
    for analysis in analyses(word):
        base = analysis.get("BASEFORM")
        if base:
            return syllables(base)
    return syllables(word.lower())


@lru_cache(maxsize=None)
def every_reading(word: str, predicate: Callable[[Analysis], bool]) -> bool:
    """True only when Voikko knows the word and every reading satisfies the predicate."""
    readings = analyses(word)
    return bool(readings) and all(predicate(a) for a in readings)


def compound_parts(analysis: Analysis) -> tuple[str, ...]:
    """The words a compound is made of, from WORDBASES.

    `+palvel(palvella)+u(+u)+ohja(ohjata)+us(+us)+prosessi(prosessi)` →
    (palvelu, ohjaus, prosessi): a part with a base of its own starts a new
    word, a derivational ending (+u, +us) joins the previous one. A compound
    the dictionary lists as one word (hyvinvointi = hyvin=vointi) is one part.
    """
    parts: list[str] = []
    for surface, base in WORDBASE.findall(analysis.get("WORDBASES", "")):
        starts_word = (base and not base.startswith("+")) or (not base and not parts)
        if starts_word or not parts:
            parts.append(surface)
        else:
            parts[-1] += surface
    return tuple(p for p in parts if p)


@lru_cache(maxsize=None)
def fewest_parts(word: str) -> tuple[str, ...]:
    """The reading with the fewest compound parts: flag only what every reading agrees on."""
    readings = [compound_parts(a) for a in analyses(word)]
    readings = [r for r in readings if r]
    return min(readings, key=len) if readings else ()


# --- verb forms (selkokieli rules) ---------------------------------------------

FINITE_MOODS = ("indicative", "conditional", "imperative", "potential")


def is_finite_passive(analysis: Analysis) -> bool:
    """tehdään, tehtiin, tehtäisiin, ei tehdä (as the only reading)."""
    return (
        analysis.get("CLASS") == "teonsana"
        and analysis.get("PERSON") == "4"
        and analysis.get("MOOD") in FINITE_MOODS
    )


def is_past_passive_participle(analysis: Analysis) -> bool:
    """tehty, lähetetty (with a form of olla: on lähetetty = perfect passive)."""
    return (
        analysis.get("PARTICIPLE") == "past_passive"
        and analysis.get("SIJAMUOTO") in (None, "nimento")
        and "POSSESSIVE" not in analysis
    )


def is_olla(analysis: Analysis) -> bool:
    return analysis.get("BASEFORM") == "olla" and analysis.get("CLASS") == "teonsana"


def is_minen_noun(analysis: Analysis) -> bool:
    """kirjoittaminen, tunnistautumisen: a verb made into a noun (not ihminen, huominen)."""
    return analysis.get("MOOD") == "MINEN-infinitive"


# Kinds of lauseenvastike (participial and infinitive constructions), by Voikko's tags.
def construction_kind(analysis: Analysis) -> str | None:
    mood = analysis.get("MOOD")
    participle = analysis.get("PARTICIPLE")
    possessive = "POSSESSIVE" in analysis
    if mood == "E-infinitive":
        return "temporal_or_modal"  # tullessa(an), tehtäessä, tullen, käyttäen
    if mood == "A-infinitive" and possessive:
        return "final"  # tullakseen
    if participle == "past_passive" and possessive:
        return "temporal"  # tultuaan, päästyään
    if participle in ("present_active", "past_active") and possessive:
        return "referative"  # sanoi tulevansa, huomasi tulleensa
    if participle == "agent":
        return "agent_participle"  # lääkärin kirjoittama resepti
    return None


@lru_cache(maxsize=None)
def construction_of(word: str) -> str | None:
    """The construction every reading of the word agrees on, or None."""
    kinds = {construction_kind(a) for a in analyses(word)}
    if len(kinds) == 1 and None not in kinds:
        return kinds.pop()
    return None
