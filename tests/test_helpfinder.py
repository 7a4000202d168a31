"""Local help (issue 18): the help finder by municipality, the tour's coming stops and its
calendar feed, and the resident panel's invitation — from data, escaped, past days left out."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from icalendar import Calendar

from guidekit.facts import load_facts, localize, substitute
from guidekit.helpfinder import (
    CALENDAR_FILE,
    anchor,
    help_finder_html,
    panel_invitation_markdown,
    cached_tour_calendar,
    tour_calendar,
    upcoming_stops,
)
from guidekit.languages import LANGUAGES
from html_tools import parse_html
from test_site import built_path, output_dir

DAY = dt.date(2030, 5, 15)


def facts_with(**extra) -> dict:
    facts = {
        "services": {"app": {"fi": "Sovellus", "sv": "Appen", "en": "The app"}},
        "service_points": {"items": [{
            "name": {"fi": "Asiointipiste", "sv": "Servicepunkt", "en": "Service point"},
            "municipality": "Alakylä", "address": "Tie 1", "hours": {"fi": "ma", "sv": "mån", "en": "Mon"},
            "helps_with": ["app"],
        }]},
        "help_points": {
            "labels": {"open": {"fi": "Avoinna", "sv": "Öppet", "en": "Open"}},
            "kinds": {"library": {"fi": "kirjasto", "sv": "bibliotek", "en": "library"}},
            "items": [{"name": "Kirjasto", "kind": "library", "municipality": "Yläkylä", "address": "Tie 2"}],
        },
        "digital_support_tour": {
            "hide_past": True,
            "empty": {"fi": "Ei tulevia päiviä.", "sv": "Inga kommande dagar.", "en": "No coming days."},
            "calendar_name": {"fi": "Kiertue", "sv": "Turné", "en": "Tour"},
            "format": {"fi": "{date}: {place}", "sv": "{date}: {place}", "en": "{date}: {place}"},
            "items": [
                {"date": DAY - dt.timedelta(days=1), "time": "10–13", "municipality": "Keskikylä",
                 "place": {"fi": "Mennyt paikka", "sv": "Förr", "en": "Past"}, "address": "Tie 3"},
                {"date": DAY, "time": "9.30–11", "municipality": "Keskikylä",
                 "place": {"fi": "Tämän päivän paikka", "sv": "I dag", "en": "Today"}, "address": "Tie 4"},
                {"date": DAY + dt.timedelta(days=7), "municipality": "Yläkylä",
                 "place": {"fi": "Ensi viikon paikka", "sv": "Nästa vecka", "en": "Next week"}, "address": "Tie 5"},
            ],
        },
    }
    facts.update(extra)
    return facts


def test_the_finder_has_a_section_per_municipality_and_a_jump_list_in_alphabetical_order():
    page = help_finder_html(facts_with(), "fi", on=DAY)
    sections = re.findall(r'<section class="gk-finder__place" id="([^"]+)"', page)
    assert sections == ["apu-alakyla", "apu-keskikyla", "apu-ylakyla"]
    assert re.findall(r'<a href="#([^"]+)">', page) == sections
    assert "Tämän päivän paikka" in page and "Ensi viikon paikka" in page
    assert "Mennyt paikka" not in page  # a tour day gone by is left out at build time
    assert "<strong>Kirjasto</strong> (kirjasto)" in page
    assert "Avoinna: ma" in page and "Sovellus" in page


def test_the_finder_shows_the_pages_language():
    page = help_finder_html(facts_with(), "sv", on=DAY)
    assert "Servicepunkt" in page and "(bibliotek)" in page and "Öppet: mån" in page
    assert "onsdag 15.5.2030" in page  # the tour's day with its weekday, as Swedish writes it


def test_every_value_from_data_is_escaped_in_the_finder():
    hostile = '<img src=x onerror=alert(1)>"'
    facts = facts_with()
    facts["help_points"]["items"][0].update(name=hostile, municipality=hostile, address=hostile)
    page = help_finder_html(facts, "fi", on=DAY)
    assert "<img" not in page and "onerror=alert(1)>" not in page.replace("&gt;", ">").split("&lt;img")[0]
    assert "&lt;img src=x onerror=alert(1)&gt;&quot;" in page


def test_no_points_and_no_stops_give_no_finder():
    assert help_finder_html({"digital_support_tour": {"items": []}}, "fi", on=DAY) == ""


def test_the_tour_list_leaves_out_past_days_and_says_so_when_none_are_left(monkeypatch):
    facts = facts_with()
    monkeypatch.setenv("GUIDEKIT_TODAY", DAY.isoformat())
    text, unknown = substitute("{{ digital_support_tour }}", facts, "fi")
    assert not unknown
    assert text.splitlines() == ["- keskiviikko 15.5.2030: Tämän päivän paikka", "- keskiviikko 22.5.2030: Ensi viikon paikka"]
    monkeypatch.setenv("GUIDEKIT_TODAY", (DAY + dt.timedelta(days=8)).isoformat())
    assert substitute("{{ digital_support_tour }}", facts, "en")[0] == "No coming days."


def test_the_calendar_lists_only_coming_stops_with_helsinki_times_and_the_same_uid_in_every_language():
    facts = facts_with()
    feeds = {lang: Calendar.from_ical(tour_calendar(facts, lang, "asioi.example", on=DAY)) for lang in ("fi", "sv")}
    events = {lang: list(feed.walk("VEVENT")) for lang, feed in feeds.items()}
    assert len(events["fi"]) == 2
    first, second = events["fi"]
    assert first.decoded("dtstart") == dt.datetime(2030, 5, 15, 9, 30, tzinfo=first.decoded("dtstart").tzinfo)
    assert first.decoded("dtstart").utcoffset() == dt.timedelta(hours=3)  # summer time in Helsinki
    assert first.decoded("dtend").hour == 11
    assert second.decoded("dtstart") == DAY + dt.timedelta(days=7)  # no time given: the whole day
    assert str(first["summary"]) == "Kiertue: Tämän päivän paikka"
    assert str(events["sv"][0]["summary"]) == "Turné: I dag"
    assert [str(e["uid"]) for e in events["fi"]] == [str(e["uid"]) for e in events["sv"]]
    assert list(feeds["fi"].walk("VTIMEZONE"))  # the times carry their zone's rules


def test_a_rebuild_takes_the_feed_from_the_build_cache_until_the_tour_the_day_or_the_language_changes(tmp_path):
    from guidekit import buildcache

    cache = buildcache.ArtifactCache(tmp_path / "cache.sqlite3", b"secret")
    facts = facts_with()
    feed = cached_tour_calendar(facts, "fi", "asioi.example", cache, on=DAY)
    assert feed == tour_calendar(facts, "fi", "asioi.example", on=DAY)
    assert cached_tour_calendar(facts, "fi", "asioi.example", cache, on=DAY) == feed
    assert (cache.made["tour-calendar"], cache.reused["tour-calendar"]) == (1, 1)
    moved = facts_with()
    moved["digital_support_tour"]["items"][1]["place"] = {"fi": "Uusi paikka", "sv": "Ny plats", "en": "New place"}
    later = DAY + dt.timedelta(days=1)
    for other, lang, on in ((moved, "fi", DAY), (facts, "sv", DAY), (facts, "fi", later)):
        assert cached_tour_calendar(other, lang, "asioi.example", cache, on=on) == tour_calendar(other, lang, "asioi.example", on=on)
    assert cache.made["tour-calendar"] == 4
    assert b"Uusi paikka" in cached_tour_calendar(moved, "fi", "asioi.example", cache, on=DAY)


def test_the_panel_invitation_needs_a_safe_address_and_is_escaped():
    panel = {"url": "https://panel.example/", "title": "Raati <b>", "invitation": "Tule & vastaa",
             "link_text": "Liity"}
    html = panel_invitation_markdown({"resident_panel": panel}, "fi")
    assert '<a href="https://panel.example/">Liity</a>' in html
    assert "Raati &lt;b&gt;" in html and "Tule &amp; vastaa" in html
    for url in ("javascript:alert(1)", "", None, "http://panel.example/"):
        assert panel_invitation_markdown({"resident_panel": {**panel, "url": url}}, "fi") == ""
    assert panel_invitation_markdown({}, "fi") == ""


def test_the_placeholders_need_no_key_of_their_own_in_the_data():
    text, unknown = substitute("{{ help_finder }}\n{{ resident_panel_invitation }}", {}, "fi")
    assert not unknown and text == "\n"


# The real site: whatever municipalities, stops and panel the data file names.

@pytest.fixture(scope="module")
def facts(root):
    return load_facts(root / "data" / "county.yml")


def _municipalities(facts: dict, lang: str) -> set[str]:
    places = list((facts.get("service_points") or {}).get("items") or [])
    places += (facts.get("help_points") or {}).get("items") or []
    names = {str(localize(p["municipality"], lang)) for p in places if p.get("municipality")}
    build_days = {dt.date.today(), dt.date.today() - dt.timedelta(days=1)}  # a build just past midnight
    for day in build_days:
        names |= {str(localize(s["municipality"], lang)) for s in upcoming_stops(facts, day) if s.get("municipality")}
    return names


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_municipality_in_the_data_has_its_section_on_the_help_page(built_site, facts, lang):
    page = parse_html(built_path(built_site, lang, "digituki.md"))
    finders = page.find_all("div", class_="gk-finder")
    assert len(finders) == 1
    shown = {s.attrs["data-municipality"] for s in finders[0].find_all("section")}
    expected = _municipalities(facts, lang)
    assert expected and expected <= shown
    jump = {a.attrs["href"] for a in finders[0].find_all("a") if a.attrs.get("href", "").startswith("#")}
    assert {"#" + anchor(name) for name in shown} == jump


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_a_calendar_of_coming_stops_linked_from_its_help_page(built_site, facts, lang):
    feed = built_site / output_dir(lang) / CALENDAR_FILE
    calendar = Calendar.from_ical(feed.read_bytes())
    days = [event.decoded("dtstart") for event in calendar.walk("VEVENT")]
    days = [d.date() if isinstance(d, dt.datetime) else d for d in days]
    assert all(day >= dt.date.today() - dt.timedelta(days=1) for day in days)
    assert len(days) in {len(upcoming_stops(facts, dt.date.today())),
                         len(upcoming_stops(facts, dt.date.today() - dt.timedelta(days=1)))}
    page = parse_html(built_path(built_site, lang, "digituki.md"))
    assert [a for a in page.find_all("a") if a.attrs.get("href") == f"../{CALENDAR_FILE}"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_feedback_page_and_the_guides_invite_to_the_resident_panel_from_the_data(built_site, facts, root, lang):
    panel = facts.get("resident_panel") or {}
    # A county without a panel (no https address) gets no invitation anywhere.
    configured = str(panel.get("url") or "").startswith("https:")
    links = lambda page: [a for a in parse_html(page).find_all("a") if a.attrs.get("href") == panel.get("url")]  # noqa: E731
    feedback = built_path(built_site, lang, "palaute.md")
    assert bool(links(feedback)) == configured
    assert ('id="digiraati"' in feedback.read_text(encoding="utf-8")) == configured
    guides = sorted((root / "docs" / lang / "ohjeet").glob("*.md"))
    assert guides
    for guide in guides:
        shown = links(built_path(built_site, lang, f"ohjeet/{guide.name}"))
        assert bool(shown) == (configured and bool(panel.get("under_guides"))), guide
