"""The facts data file: placeholders, languages, lists and dates."""

import datetime as dt

import pytest

from guidekit.facts import FactsError, format_date, load_facts, substitute

FACTS = {
    "county": {"name": {"fi": "Esimerkkilän hyvinvointialue", "sv": "Esimerkkilä välfärdsområde"}},
    "customer_service": {"phone": "010 555 0100", "hours": {"fi": "ma–pe klo 8–16", "selko": "maanantaista perjantaihin"}},
    "tour": {
        "format": {"fi": "{date}: {place}", "en": "{date}: {place}"},
        "items": [{"date": dt.date(2026, 12, 2), "place": {"fi": "Kirjasto", "en": "Library"}}],
    },
}


def test_placeholder_is_replaced_by_value_in_page_language():
    text, unknown = substitute("Soita {{ customer_service.phone }}.\n{{county.name}}", FACTS, "sv")
    assert text == "Soita 010 555 0100.\nEsimerkkilä välfärdsområde"
    assert unknown == []


def test_selko_uses_its_own_value_and_falls_back_to_finnish():
    assert substitute("{{ customer_service.hours }}", FACTS, "selko")[0] == "maanantaista perjantaihin"
    assert substitute("{{ county.name }}", FACTS, "selko")[0] == "Esimerkkilän hyvinvointialue"


def test_unknown_key_is_reported_with_its_line_and_left_visible():
    text, unknown = substitute("a\n{{ customer_service.puhelin }}", FACTS, "fi")
    assert "{{ customer_service.puhelin }}" in text
    assert [(u.line, u.key) for u in unknown] == [(2, "customer_service.puhelin")]


def test_a_language_map_or_section_is_not_a_single_value():
    _, unknown = substitute("{{ county }} {{ county.name.fi }}", FACTS, "fi")
    assert [u.key for u in unknown] == ["county", "county.name.fi"]


def test_list_becomes_bullets_with_dates_written_per_language():
    assert substitute("{{ tour }}", FACTS, "fi")[0] == "- keskiviikko 2.12.2026: Kirjasto"
    assert substitute("{{ tour }}", FACTS, "en")[0] == "- Wednesday 2 December 2026: Library"


@pytest.mark.parametrize(
    "lang, expected", [("fi", "12.3.2026"), ("sv", "12.3.2026"), ("en", "12 March 2026"), ("selko", "12.3.2026")]
)
def test_dates_are_written_the_way_each_language_writes_them(lang, expected):
    assert format_date(dt.date(2026, 3, 12), lang) == expected


def test_broken_data_file_gives_one_message_naming_the_file(tmp_path):
    path = tmp_path / "county.yml"
    path.write_text("county:\n  name: [unclosed\n", encoding="utf-8")
    with pytest.raises(FactsError) as error:
        load_facts(path)
    assert str(path) in str(error.value) and "YAML" in str(error.value)


def test_real_data_file_loads_and_says_whether_it_is_example_data(root):
    facts = load_facts(root / "data" / "county.yml")
    assert isinstance(facts["example_data"], bool)  # true for the example county, false once adopted
    for key in ("county", "customer_service", "chat", "feedback", "service_points", "digital_support_tour"):
        assert key in facts
