"""The selko pages, measured over all their text, are plain by Kotus's measures.

Kotus measured selko news at 9.1 words per sentence and 7.3 letters per word; our
bar is at most 10 words and 7.6 letters on average over every selko page.
"""

from __future__ import annotations

from guidekit.config import load_config
from guidekit.document import read_document
from guidekit.facts import load_facts
from guidekit.readability import letter_words
from guidekit.sentences import page_sentences, split_settings

MAX_WORDS_PER_SENTENCE = 10
MAX_LETTERS_PER_WORD = 7.6


def measure(root, lang: str) -> tuple[float, float, int]:
    config = load_config(root)
    facts = load_facts(root / "data" / "county.yml")
    settings = split_settings(config.data, lang)
    sentence_count = word_count = letters = 0
    for path in sorted((root / "docs" / lang).rglob("*.md")):
        doc = read_document(path, path.relative_to(root).as_posix(), lang, facts)
        for sentence in page_sentences(doc, settings):
            sentence_words = letter_words(sentence)
            if not sentence_words:
                continue
            sentence_count += 1
            word_count += len(sentence_words)
            letters += sum(sum(ch.isalpha() for ch in w) for w in sentence_words)
    return word_count / sentence_count, letters / word_count, sentence_count


def test_selko_pages_average_short_sentences_and_short_words(root):
    words_per_sentence, letters_per_word, sentences = measure(root, "selko")
    assert sentences > 300  # all of the selko site, not a sample
    assert words_per_sentence <= MAX_WORDS_PER_SENTENCE, words_per_sentence
    assert letters_per_word <= MAX_LETTERS_PER_WORD, letters_per_word


def test_the_measure_tells_standard_finnish_from_selko(root):
    # The same measure on the standard Finnish pages must come out harder, or it measures nothing.
    selko_words, selko_letters, _ = measure(root, "selko")
    fi_words, fi_letters, _ = measure(root, "fi")
    assert fi_words > selko_words and fi_letters > selko_letters
