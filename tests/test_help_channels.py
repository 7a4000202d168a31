"""The help box gives the channels that help with a guide's service (data/county.yml
`help_channels`): app and login problems go to digital support."""

from __future__ import annotations

from conftest import ROOT
from guidekit.facts import load_facts
from guidekit.site_context import help_box, help_channel_ids

FACTS = {
    "customer_service": {"phone": "010 1", "phone_link": "+3581", "hours": {"fi": "ma–pe", "sv": "mån–fre"}},
    "digital_support": {"phone": "010 2", "phone_link": "+3582", "hours": {"fi": "ma–to"}},
    "chat": {"url": "https://chat.example/", "hours": {"fi": "ma–pe klo 8–18"}},
    "help_channels": {"default": ["customer_service", "chat"], "app": ["digital_support", "nosuch", "chat"]},
}
UI = {"help_customer_service": "Soita asiakaspalveluun", "help_digital_support": "Soita digitukeen", "help_chat": "Kirjoita chatissa"}


def test_a_listed_service_gets_its_own_channels_in_order_and_unknown_channels_are_skipped():
    assert help_channel_ids(FACTS, "app") == ["digital_support", "chat"]


def test_a_service_not_listed_or_missing_gets_the_default():
    assert help_channel_ids(FACTS, "booking") == ["customer_service", "chat"]
    assert help_channel_ids(FACTS, None) == ["customer_service", "chat"]
    assert help_channel_ids({**FACTS, "help_channels": None}, "app") == ["customer_service", "chat"]


def test_each_line_has_label_link_and_hours_in_the_page_language():
    lines = help_box(FACTS, UI, "sv", "booking")
    assert lines[0] == {"channel": "customer_service", "label": "Soita asiakaspalveluun", "href": "tel:+3581",
                        "text": "010 1", "hours": "mån–fre"}
    assert lines[1]["href"] == lines[1]["text"] == "https://chat.example/"


def test_in_the_real_data_app_and_login_guides_route_to_digital_support():
    facts = load_facts(ROOT / "data" / "county.yml")
    for service in ("app", "identification", "valtuudet"):
        assert help_channel_ids(facts, service)[0] == "digital_support", service
    ui = load_facts(ROOT / "data" / "ui.yml")
    for lang, words in ui.items():
        for channel in {c for ids in facts["help_channels"].values() for c in ids}:
            assert words.get(f"help_{channel}"), (lang, channel)
