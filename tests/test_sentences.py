"""Sentence splitting and word counting: what the sentence-length rules stand on."""

from __future__ import annotations

import pytest

from guidekit.config import load_config
from guidekit.document import parse_document
from guidekit.sentences import count_words, page_sentences, split_sentences, split_settings, words


@pytest.fixture(scope="module")
def config(root):
    return load_config(root)


def split(text: str, lang: str, config) -> list[str]:
    return split_sentences(text, split_settings(config.data, lang))


@pytest.mark.parametrize(
    "text, expected",
    [
        # an ordinary full stop, question and exclamation mark
        ("Avaa sovellus. Valitse Viestit.", ["Avaa sovellus.", "Valitse Viestit."]),
        ("Mitä teen? Soita meille! Kerro asiasi.", ["Mitä teen?", "Soita meille!", "Kerro asiasi."]),
        # abbreviations followed by a small letter, and by a capital
        ("Kysy esim. aukioloajoista. Soita.", ["Kysy esim. aukioloajoista.", "Soita."]),
        ("Lue lisää, ks. Kelan sivut. Sitten palaa.", ["Lue lisää, ks. Kelan sivut.", "Sitten palaa."]),
        ("Ota passi, ajokortti jne. Sitten odota.", ["Ota passi, ajokortti jne.", "Sitten odota."]),
        # dates, times, ordinals and numbers
        ("Tule 1.10.2026 klo 8.00 asemalle. Ota kortti mukaan.", ["Tule 1.10.2026 klo 8.00 asemalle.", "Ota kortti mukaan."]),
        ("Aika on 1. lokakuuta. Tule ajoissa.", ["Aika on 1. lokakuuta.", "Tule ajoissa."]),
        ("Soita numeroon 112. Kerro, missä olet.", ["Soita numeroon 112.", "Kerro, missä olet."]),
        ("Maksu on 1,5 euroa. Maksa kortilla.", ["Maksu on 1,5 euroa.", "Maksa kortilla."]),
        # a domain name and a hyphenated compound with one
        ("Kirjaudu Suomi.fi-palveluun. Valitse valtuus.", ["Kirjaudu Suomi.fi-palveluun.", "Valitse valtuus."]),
        # an initial, and quotes after the full stop
        ("A. Virtanen vastaa chatissa.", ["A. Virtanen vastaa chatissa."]),
        ("Paina ”Lähetä”. Odota vastausta.", ["Paina ”Lähetä”.", "Odota vastausta."]),
        ("Valitse kohta (Viestit.) Sitten kirjoita.", ["Valitse kohta (Viestit.)", "Sitten kirjoita."]),
        # no final full stop (a list item or heading)
        ("pankkitunnukset tai mobiilivarmenne", ["pankkitunnukset tai mobiilivarmenne"]),
    ],
)
def test_finnish_sentences(config, text, expected):
    assert split(text, "fi", config) == expected
    assert split(text, "selko", config) == expected  # selko is split as Finnish


def test_swedish_and_english_abbreviations(config):
    assert split("Ring t.ex. Kundtjänsten. Sedan väntar du.", "sv", config) == [
        "Ring t.ex. Kundtjänsten.",
        "Sedan väntar du.",
    ]
    assert split("Ask e.g. Digital Support. Then wait.", "en", config) == ["Ask e.g. Digital Support.", "Then wait."]
    # Without the language's list, the capital after the abbreviation starts a sentence.
    assert split_sentences("Ask e.g. Digital Support. Then wait.") == ["Ask e.g.", "Digital Support.", "Then wait."]


def test_words_keep_dates_domains_and_compounds_whole():
    assert words("Tule 1.10.2026 klo 8.00 Suomi.fi-palveluun, esim. huomenna!") == [
        "Tule", "1.10.2026", "klo", "8.00", "Suomi.fi-palveluun", "esim", "huomenna",
    ]


def test_a_number_written_in_groups_is_one_word():
    assert count_words(words("Soita numeroon 010 555 0100 tänään")) == 4
    assert count_words(words("Valitse 2 tai 3 aikaa")) == 5


PAGE = """---
title: Kokeilu
description: Etusivu. Toinen virke.
---

# Kirjaudu sisään

Avaa sovellus. Kun sovellus aukeaa, valitse
Kirjaudu ja tunnistaudu. Lue [ohje](https://example.org/a.b.html). Valmis.

<!-- Tämä kommentti. Ei ole tekstiä. -->

```
koodi. Ei tekstiä.
```

![Kuva. Alt-teksti kuuluu kuvatarkistukselle.](kuva.png)

- Ensimmäinen kohta. Toinen virke kohdassa.
- Toinen kohta
"""


def test_page_sentences_skip_markup_and_know_their_lines(config):
    doc = parse_document(PAGE, "docs/fi/kokeilu.md", "fi")
    found = page_sentences(doc, split_settings(config.data, "fi"))
    assert [(s.text, s.line, s.unit.kind) for s in found] == [
        ("Kirjaudu sisään", 6, "heading"),
        ("Avaa sovellus.", 8, "paragraph"),
        ("Kun sovellus aukeaa, valitse Kirjaudu ja tunnistaudu.", 8, "paragraph"),
        ("Lue ohje.", 9, "paragraph"),
        ("Valmis.", 9, "paragraph"),
        ("Ensimmäinen kohta.", 19, "list_item"),
        ("Toinen virke kohdassa.", 19, "list_item"),
        ("Toinen kohta", 20, "list_item"),
    ]
    # Words of a sentence that spans lines carry their own line.
    spanning = found[2]
    assert [(w.text, w.line) for w in spanning.words] == [
        ("Kun", 8), ("sovellus", 8), ("aukeaa", 8), ("valitse", 8), ("Kirjaudu", 9), ("ja", 9), ("tunnistaudu", 9),
    ]
    assert spanning.word_count == 7
