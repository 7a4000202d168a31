"""Sentences and words of a page's prose, with the line each one starts on.

Splitting is rule based, not statistical, so that authors can predict it:

- a full stop, `!`, `?` or `…` followed by white space ends a sentence;
- but never when the next word starts with a small letter (`esim. kotihoito`,
  `1. lokakuuta`, `klo 8.00 alkaen`), which covers Finnish abbreviations and
  ordinals without a list;
- and not after a listed abbreviation followed by a capital (`ks. Kela`), or
  after a single capital letter (an initial: `A. Virtanen`), unless the
  abbreviation usually ends a sentence (`jne.`);
- a full stop inside a token is no boundary: 1.10.2026, 8.00, Suomi.fi.

The abbreviation lists are language data and live in guidekit.yml (`sentences:`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import NamedTuple

from guidekit.document import Document, TextUnit
from guidekit.languages import BASE_LANGUAGE

# A word: letters or digits, joined inside by ' - . / : (Suomi.fi-valtuudet,
# 1.10.2026, 8.00, e-mail) or by a comma between digits (1,5).
WORD = re.compile(r"[^\W_]+(?:(?:['’\-./:]|(?<=\d),(?=\d))[^\W_]+)*")
TERMINATOR = re.compile(r"[.!?…]+[\"”’»)\]]*(?=\s|$)")
WORD_BEFORE = re.compile(r"([^\W_][\w.]*)$")


@dataclass(frozen=True)
class SplitSettings:
    """Language data for splitting: abbreviations (lower case, no final dot)."""

    abbreviations: frozenset[str] = frozenset()
    # Abbreviations that often end a sentence (jne., etc.): a capital after them starts a new one.
    sentence_final: frozenset[str] = frozenset()


class Word(NamedTuple):  # a tuple: pages have hundreds of words, made on every build
    text: str
    line: int
    dotted: bool = False  # a full stop follows right after it (esim.)


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int  # where the sentence starts in the file
    unit: TextUnit
    words: tuple[Word, ...] = field(default=())
    word_count: int = 0  # as a reader counts them (count_words)


def split_settings(config_data: dict, lang: str) -> SplitSettings:
    """SplitSettings for a language from guidekit.yml's `sentences:` block (selko uses fi)."""
    block = (config_data or {}).get("sentences") or {}
    base = BASE_LANGUAGE.get(lang, lang)

    def listed(key: str) -> frozenset[str]:
        values = (block.get(key) or {}).get(base) or []
        return frozenset(str(v).lower().rstrip(".") for v in values)

    return SplitSettings(listed("abbreviations"), listed("sentence_final"))


def words(text: str) -> list[str]:
    return WORD.findall(text)


def count_words(tokens: list[str]) -> int:
    """Words as a reader counts them: a number written in groups (010 555 0100) is one."""
    total = 0
    previous_number = False
    for token in tokens:
        is_number = token.isdigit()
        if not (is_number and previous_number):
            total += 1
        previous_number = is_number
    return total


def _is_boundary(text: str, match: re.Match, settings: SplitSettings) -> bool:
    rest = text[match.end():].lstrip()
    if not rest:
        return True
    if rest[0].islower():
        return False
    if set(match.group()) & set("!?…"):
        return True
    before = WORD_BEFORE.search(text[: match.start()])
    if before:
        token = before.group(1)
        key = token.lower().rstrip(".")
        if key in settings.abbreviations and key not in settings.sentence_final:
            return False
        if len(token) == 1 and token.isupper():
            return False  # an initial: A. Virtanen
    return True


def split_sentences(text: str, settings: SplitSettings = SplitSettings()) -> list[str]:
    """The sentences of one unit of prose, in order, stripped."""
    sentences = []
    start = 0
    for match in TERMINATOR.finditer(text):
        if _is_boundary(text, match, settings):
            sentences.append(text[start : match.end()].strip())
            start = match.end()
    sentences.append(text[start:].strip())
    return [s for s in sentences if WORD.search(s)]


def line_at(offsets: list[int], unit: TextUnit, offset: int) -> int:
    """The file line of the character at `offset` in the unit's text (offsets: of its breaks)."""
    index = bisect_right(offsets, offset)
    return unit.breaks[index - 1][1] if index else unit.line


def unit_sentences(unit: TextUnit, settings: SplitSettings = SplitSettings()) -> list[Sentence]:
    """A unit's sentences, each word with the line it is on (the parser keeps every word's line)."""
    found = []
    cursor = 0
    offsets = [offset for offset, _line in unit.breaks]
    for text in split_sentences(unit.text, settings):
        # Each sentence is a stretch of the unit's text, in order: its offset gives its words' lines.
        start = unit.text.find(text, cursor)
        cursor = start + len(text)
        if unit.breaks:
            tokens = tuple(
                Word(m.group(), line_at(offsets, unit, start + m.start()), text.startswith(".", m.end()))
                for m in WORD.finditer(text)
            )
        else:
            line = unit.line
            tokens = tuple([Word(m.group(), line, text.startswith(".", m.end())) for m in WORD.finditer(text)])
        line = tokens[0].line if tokens else unit.line
        found.append(Sentence(text, line, unit, tokens, count_words([t.text for t in tokens])))
    return found


def page_sentences(doc: Document, settings: SplitSettings) -> list[Sentence]:
    """Every sentence of the page (headings, paragraphs, list items, table rows), computed once.
    The facts are already filled in: the parser did it, as the build does before Markdown."""
    if "sentences" not in doc.cache:
        doc.cache["sentences"] = [sentence for unit in doc.units for sentence in unit_sentences(unit, settings)]
    return doc.cache["sentences"]
