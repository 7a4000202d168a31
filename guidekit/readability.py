"""Page-level readability scores: one measure per language.

- Finnish and selko: Wiio's simple grade formula, as in Voikko's own readability
  statistics (corevoikko tools/pylib/voikkostatistics.py, after J. Haataja's
  thesis on Wiio 1968): grade = 2.7 + 30 × (share of words whose base form has
  four or more syllables). Finnish piles meaning into long words, so long base
  forms, not sentence length, carry the formula. Needs Voikko (base forms, syllables).
- Swedish: LIX (Björnsson 1968) = words per sentence + 100 × share of words longer
  than six letters. Under 30 very easy, 40 normal news, over 50 official prose.
- English: Flesch reading ease (Flesch 1948) = 206.835 − 1.015 × words per
  sentence − 84.6 × syllables per word. 60–70 is plain English; higher is easier.

Only running text counts (paragraphs, list items, table rows); headings are no sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from guidekit import morphology
from guidekit.languages import language
from guidekit.sentences import Sentence

PROSE_KINDS = ("paragraph", "list_item", "table_row")
LETTERS = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Score:
    measure: str  # "Wiio", "LIX" or "Flesch"
    value: float
    words: int
    sentences: int
    higher_is_harder: bool

    def passes(self, limit: float) -> bool:
        return self.value <= limit if self.higher_is_harder else self.value >= limit


# The formula a language's locale block in mkdocs.yml names (guidekit: readability: …).
MEASURES = {"wiio": "Wiio", "lix": "LIX", "flesch": "Flesch"}


def formula_of(lang: str) -> str | None:
    """The readability formula's name for a language; None when none is configured (LA001)."""
    found = language(lang)
    return found.readability if found else None


def measure_of(lang: str) -> str | None:
    formula = formula_of(lang)
    return MEASURES[formula] if formula else None


def wiio_grade(word_count: int, long_base_words: int) -> float:
    return 2.7 + 30.0 * long_base_words / word_count


def lix(word_count: int, sentence_count: int, long_words: int) -> float:
    return word_count / sentence_count + 100.0 * long_words / word_count


def flesch_reading_ease(word_count: int, sentence_count: int, syllable_count: int) -> float:
    return 206.835 - 1.015 * word_count / sentence_count - 84.6 * syllable_count / word_count


_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def english_syllables(word: str) -> int:
    """Vowel groups, minus a silent final e (make, but not table): the usual estimate."""
    word = word.lower()
    if not word.isalpha():
        return 1
    count = len(_VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    if word.endswith("es") and not word.endswith(("ses", "zes", "ces", "ges", "xes")) and count > 1:
        count -= 1
    if word.endswith("ed") and not word.endswith(("ted", "ded")) and count > 1:
        count -= 1
    return max(1, count)


def letter_words(sentence: Sentence) -> list[str]:
    """Words with letters in them; numbers and codes are no words for the formulas."""
    return [w.text for w in sentence.words if LETTERS.search(w.text)]


def score(sentences: list[Sentence], lang: str) -> Score | None:
    """The language's readability score of running text, or None without enough text,
    without a formula configured for the language, or (Wiio) without Voikko."""
    formula = formula_of(lang)
    if formula is None:
        return None
    prose = [s for s in sentences if s.unit.kind in PROSE_KINDS]
    tokens = [w for s in prose for w in letter_words(s)]
    sentence_count = sum(1 for s in prose if letter_words(s))
    if not tokens or not sentence_count:
        return None
    count = len(tokens)
    if formula == "wiio":
        if not morphology.available():
            return None
        long_bases = sum(1 for t in tokens if _base_syllables_fi(t) >= 4)
        value = wiio_grade(count, long_bases)
        return Score("Wiio", value, count, sentence_count, True)
    if formula == "lix":
        long_words = sum(1 for t in tokens if len(LETTERS.findall(t)) > 6)
        return Score("LIX", lix(count, sentence_count, long_words), count, sentence_count, True)
    syllable_count = sum(english_syllables(t) for t in tokens)
    value = flesch_reading_ease(count, sentence_count, syllable_count)
    return Score("Flesch", value, count, sentence_count, False)


def _base_syllables_fi(token: str) -> int:
    # A hyphenated word or a domain (Suomi.fi-valtuudet) is as long as its longest part.
    parts = [part for part in re.split(r"[-.]", token) if part]
    return max((morphology.base_syllables(part) for part in parts), default=0)
