"""Build-time search analysis (guidekit/search.py): data/search.yml checks, word analysis,
and the per-language data the search worker gets."""

from __future__ import annotations

import pytest

from guidekit.commands.lint import lint_pages
from guidekit.search import (
    BOILERPLATE_FACTOR,
    WEIGHTS,
    LanguageSearchData,
    SearchDataError,
    analyse,
    check_search_data,
    load_search_data,
    split_compound,
)
from guidekit.search import PAGE_BODY, PAGE_HEADINGS, build_search_data, ending_rules, linked_pages
from conftest import checks_tree


def findings_of(text: str, message_lang: str = "fi"):
    return check_search_data(text, message_lang=message_lang)[1]


def test_the_repository_search_data_is_valid(root):
    data, findings = check_search_data((root / "data" / "search.yml").read_text(encoding="utf-8"))
    assert findings == []
    assert set(data) == {"fi", "sv", "en", "selko"}


def test_good_data_is_read_per_language():
    data, findings = check_search_data(
        "fi:\n  short_word: 4\n  stopwords: [ja, \"on\"]\n  boilerplate: [Jos tämä ei onnistu]\n"
        "  synonyms:\n    - words: [äiti, Isä]\n      means: valtuus\n"
    )
    assert findings == []
    assert data["fi"].short_word == 4
    assert data["fi"].stopwords == {"ja", "on"}
    assert data["fi"].boilerplate == {"jos tämä ei onnistu"}
    assert data["fi"].synonyms == [(["äiti", "isä"], ["valtuus"])]
    assert data["sv"] == LanguageSearchData()


@pytest.mark.parametrize(
    ("text", "rule", "line"),
    [
        ("fi: [\n", "SE001", 2),
        ("- fi\n", "SE001", 1),
        ("fi: {}\nxx:\n  stopwords: [a]\n", "SE002", 2),
        ("fi:\n  stopword: [ja]\n", "SE002", 2),
        ("sv: och\n", "SE002", 1),
        ("en:\n  stopwords: {a: b}\n", "SE003", 2),
        # YAML reads a bare `on` as true: the word would be lost without a word.
        ("en:\n  stopwords:\n    - of\n    - on\n", "SE003", 4),
        ("fi:\n  short_word: 9\n", "SE003", 2),
        ("fi:\n  synonyms:\n    - words: [äiti]\n", "SE004", 3),
        ("fi:\n  synonyms:\n    - words: [äiti]\n      means: [valtuus]\n      weight: 2\n", "SE004", 3),
        ("fi:\n  synonyms: äiti\n", "SE004", 2),
    ],
)
def test_each_mistake_is_a_finding_with_its_line(text, rule, line):
    findings = findings_of(text)
    assert [(f.rule, f.line) for f in findings] == [(rule, line)]
    assert findings[0].path == "data/search.yml" and findings[0].fix


def test_findings_are_in_english_on_request():
    [finding] = findings_of("fi:\n  stopword: [ja]\n", message_lang="en")
    assert "unknown key" in finding.message and "allowed keys" in finding.fix
    [finding] = findings_of("fi:\n  stopword: [ja]\n")
    assert "tuntematon avain" in finding.message


def test_bad_search_data_stops_the_build_with_every_finding(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "search.yml").write_text("fi:\n  short_word: 0\nxx: {}\n", encoding="utf-8")
    with pytest.raises(SearchDataError) as error:
        load_search_data(tmp_path)
    assert "[SE003] data/search.yml:2" in str(error.value) and "[SE002] data/search.yml:3" in str(error.value)


def test_missing_search_data_means_no_synonyms(tmp_path):
    assert load_search_data(tmp_path)["fi"] == LanguageSearchData()


def test_lint_reports_search_data_findings(tmp_path):
    tree = checks_tree(tmp_path)
    (tree / "data" / "search.yml").write_text("fi:\n  synonyms:\n    - words: [äiti]\n", encoding="utf-8")
    rules = [(f.rule, f.path, f.line) for f in lint_pages([tree / "docs"], root=tree, use_cache=False).findings]
    assert ("SE004", "data/search.yml", 3) in rules


@pytest.mark.parametrize(
    ("word", "lang", "base"),
    [
        ("ajanvaraukset", "fi", "ajanvaraus"),
        ("valtuutuksen", "fi", "valtuutus"),
        ("esteettömyyden", "fi", "esteettömyys"),
        ("netissä", "fi", "netti"),  # consonant gradation: no shared prefix with "netti"
        ("netissä", "selko", "netti"),
        ("inloggningen", "sv", "inloggning"),
        ("tidsbokningen", "sv", "tidsbokning"),
        ("appointments", "en", "appoint"),
    ],
)
def test_an_inflected_word_has_its_base_form_or_stem(word, lang, base):
    own, _parts = analyse(word, lang)
    assert base in own


def test_compound_parts_are_separate_from_the_word_itself():
    own, parts = analyse("hammaslääkäri", "fi")
    assert own == ("hammaslääkäri",)
    assert {"hammas", "lääkäri"} <= set(parts)
    # Pieces joined by a hyphen or a dot are analysed as words of their own.
    own, parts = analyse("suomi.fi-valtuudet", "fi")
    assert "valtuus" in parts and "valtuus" not in own


DOCS = [
    {"location": "", "title": "Etusivu", "text": "<p>Tervetuloa. Ajanvaraukset ja viestit.</p>"},
    {"location": "ohjeet/ajanvaraus/", "title": "Ajanvaraus verkossa", "text": "<p>Varaa aika.</p>"},
    {"location": "ohjeet/ajanvaraus/#jos", "title": "Jos tämä ei onnistu", "text": "<p>Soita asiakaspalveluun.</p>"},
    {"location": "ohjeet/chat/", "title": "Chat", "text": "<p>Kirjoita chatissa.</p>"},
    {"location": "ohjeet/chat/#jos", "title": "Jos tämä ei onnistu", "text": "<p>Soita asiakaspalveluun.</p>"},
    {"location": "yhteys/", "title": "Yhteystiedot", "text": "<p>Asiakaspalvelu vastaa.</p>"},
]
SETTINGS = LanguageSearchData(
    synonyms=[(["hammaslääkäri", "lääkäriaika"], ["ajanvaraus"]), (["ei löydy"], ["ajanvaraus"])],
    stopwords={"ja"},
    boilerplate={"jos tämä ei onnistu"},
)


def weights(data, term):
    flat = data["postings"][data["terms"].index(term)]
    return {DOCS[flat[i]]["location"]: flat[i + 1] / 10 for i in range(0, len(flat), 2)}


@pytest.fixture(scope="module")
def data():
    meta = {"ohjeet/chat/": {"description": "Kysy neuvoa chatissa", "keywords": ["keskustelu"]}}
    return build_search_data(DOCS, "fi", meta, SETTINGS)


def test_title_counts_more_than_text(data):
    found = weights(data, "ajanvaraus")
    assert found["ohjeet/ajanvaraus/"] == WEIGHTS["title"]
    assert found[""] < WEIGHTS["heading"]


def test_task_and_keywords_of_the_front_matter_are_indexed(data):
    assert weights(data, "keskustelu")["ohjeet/chat/"] == WEIGHTS["keywords"]
    assert weights(data, "neuvo")["ohjeet/chat/"] == WEIGHTS["task"]


def test_boilerplate_sections_count_little(data):
    found = weights(data, "asiakaspalvelu")
    assert found["ohjeet/chat/#jos"] == pytest.approx(BOILERPLATE_FACTOR * WEIGHTS["body"])
    assert found["yhteys/"] > found["ohjeet/chat/#jos"]


def test_every_inflected_form_on_the_pages_maps_to_its_base_form(data):
    terms = data["terms"]
    assert "ajanvaraus" in {terms[i] for i in data["forms"]["ajanvaraukset"] if i >= 0}
    assert "neuvo" in {terms[i] for i in data["forms"]["neuvoa"] if i >= 0}
    # Compound parts are marked as parts (-(id + 1)), so the worker weighs them less.
    assert "varaus" in {terms[-i - 1] for i in data["forms"]["ajanvaraukset"] if i < 0}
    # A form that is its own only term needs no entry: the worker finds it among the terms.
    assert "chat" not in data["forms"]


def test_synonyms_lead_to_terms_the_pages_use(data):
    terms = data["terms"]
    assert {terms[i] for i in data["synonyms"]["hammaslääkäri"]} == {"ajanvaraus"}
    assert {terms[i] for i in data["synonyms"]["ei löydy"]} == {"ajanvaraus"}
    assert data["stopwords"] == ["ja"] and data["short_word"] == 3


def test_a_synonym_whose_meaning_no_page_has_is_left_out():
    settings = LanguageSearchData(synonyms=[(["kissa"], ["koira"])])
    assert "kissa" not in build_search_data(DOCS, "fi", {}, settings)["synonyms"]


def test_a_swedish_compound_is_split_into_words_of_the_pages():
    known = {"tid", "bokning", "boka", "inloggning"}
    assert split_compound("tidsbokning", known) == ("tid", "bokning")
    assert split_compound("bokning", known) is None
    docs = [
        {"location": "boka/", "title": "Boka en tid", "text": "<p>Så bokar du. Dina bokningar.</p>"},
        {"location": "start/", "title": "Start", "text": "<p>Tidsbokningen finns i appen.</p>"},
    ]
    data = build_search_data(docs, "sv", {}, LanguageSearchData())
    parts = {data["terms"][-i - 1] for i in data["forms"]["tidsbokningen"] if i < 0}
    assert "tid" in parts
    flat = data["postings"][data["terms"].index("tid")]
    assert flat[0::2] == [0, 1]  # the title's own word and the compound's part
    assert flat[1] > flat[3]


def page_weights(data, docs, term):
    flat = data["pages"][data["terms"].index(term)]
    return {docs[flat[i]]["location"]: flat[i + 1] / 10 for i in range(0, len(flat), 2)}


def test_pages_are_weighed_as_wholes_title_first(data):
    # The page rank: a word in the title outweighs any amount of headings and text without it.
    found = page_weights(data, DOCS, "ajanvaraus")
    assert found["ohjeet/ajanvaraus/"] >= WEIGHTS["title"]
    assert set(found) == {"", "ohjeet/ajanvaraus/"}  # sections are counted into their page
    assert found[""] < PAGE_HEADINGS + PAGE_BODY < WEIGHTS["title"]


def test_a_page_counts_every_section_that_has_the_word():
    docs = [
        {"location": "a/", "title": "Viestit", "text": ""},
        {"location": "a/#1", "title": "Lähetä viesti", "text": "<p>Kirjoita viesti.</p>"},
        {"location": "a/#2", "title": "Lue viesti", "text": "<p>Avaa viesti.</p>"},
        {"location": "b/", "title": "Viestit", "text": ""},
        {"location": "b/#1", "title": "Muuta", "text": "<p>Kirjoita.</p>"},
    ]
    found = page_weights(build_search_data(docs, "fi", {}, LanguageSearchData()), docs, "viesti")
    assert found["a/"] > found["b/"] >= WEIGHTS["title"]


def test_boilerplate_headings_count_for_every_page_but_little():
    # "ei onnistu" of "Jos tämä ei onnistu" is on every guide: the idf over pages must see it.
    found = page_weights(build_search_data(DOCS, "fi", {}, SETTINGS), DOCS, "onnistua")
    assert set(found) == {"ohjeet/ajanvaraus/", "ohjeet/chat/"}
    assert max(found.values()) < 1


def test_links_between_pages_are_passed_to_the_worker():
    docs = [{"location": loc, "title": loc or "Etusivu", "text": ""} for loc in ("", "a/", "b/", "c/")]
    links = {"": {"a/", "b/", "muu/"}, "a/": {"b/"}, "c/": {"c/", "a/", "b/"}}
    data = build_search_data(docs, "fi", {}, LanguageSearchData(), links)
    # Only pages that list at least two others; a link to itself or to no page of the index is no link.
    assert data["links"] == {"0": [1, 2], "3": [1, 2]}


def test_linked_pages_are_resolved_against_the_page_address():
    html = (
        '<a href="../valtuudet-anna/">x</a> <a href="../chat/#aloita">y</a> <a href="https://suomi.fi/">z</a>'
        ' <a href="/sv/ohjeet/chat/">other language</a> <a href="#kohta">same page</a> <a href="../../index.html">front</a>'
    )
    # Addresses of the site under the prefix (build_search_data keeps those in the index:
    # "sv/ohjeet/chat/" is no page of the Finnish one); nothing of other sites.
    assert linked_pages(html, "ohjeet/valtuudet/", "") == {"ohjeet/valtuudet-anna/", "ohjeet/chat/", "sv/ohjeet/chat/", "ohjeet/valtuudet/", ""}
    assert linked_pages('<a href="../chat/">c</a> <a href="/ohjeet/chat/">fi</a>', "sv/ohjeet/valtuudet/", "sv/") == {"ohjeet/chat/"}


def test_endings_are_learned_from_the_pages_forms():
    forms = {
        "varauksen": ({"varaus"}, set()),
        "valtuutuksen": ({"valtuutus"}, set()),
        "kirjauksen": ({"kirjaus"}, set()),
        "chatissa": ({"chatti"}, set()),  # seen once: no rule
        "ab": ({"a"}, set()),  # too short a stem
    }
    rules = ending_rules(forms)
    assert ["uksen", "us"] in rules or ["ksen", "s"] in rules
    assert not [rule for rule in rules if rule[0] in ("ssa", "issa", "b")]
    # Longest ending first: the worker tries the most specific rule first.
    assert [len(rule[0]) for rule in rules] == sorted((len(rule[0]) for rule in rules), reverse=True)


def test_file_names_count_where_they_are_words_of_the_language():
    docs = [{"location": "ohjeet/sovellus/", "title": "Ota käyttöön", "text": ""}, {"location": "muu/", "title": "Muu", "text": "<p>Sovellus.</p>"}]
    finnish = build_search_data(docs, "fi", {}, LanguageSearchData())
    assert finnish["slugs"] is True
    assert page_weights(finnish, docs, "sovellus")["ohjeet/sovellus/"] >= WEIGHTS["slug"]
    # Swedish pages have the same (Finnish) file names: no Finnish words in the Swedish index.
    swedish = build_search_data(docs, "sv", {}, LanguageSearchData())
    assert swedish["slugs"] is False and set(page_weights(swedish, docs, "sovellus")) == {"muu/"}
