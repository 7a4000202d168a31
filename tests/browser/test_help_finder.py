"""The help finder in Chromium: choosing a municipality shows only its section and says so,
an address with #apu-<kunta> chooses it, and the page stays free of axe violations."""

from __future__ import annotations

from browser.browser_tools import DESKTOP, axe_violations, describe_violations

FINDER = "[data-gk-finder]"


def _sections(tab) -> list[dict]:
    return tab.eval_on_selector_all(
        f"{FINDER} [data-municipality]", "els => els.map(e => ({id: e.id, hidden: e.hidden}))"
    )


def test_choosing_a_municipality_shows_only_its_help_and_announces_it(new_page, site_url):
    tab = new_page(DESKTOP, axe=True)
    tab.goto(f"{site_url}/digituki/")
    select = tab.get_by_label(tab.get_attribute(FINDER, "data-label-choose"))
    assert select.evaluate("e => e.tagName") == "SELECT"
    sections = _sections(tab)
    assert len(sections) >= 2 and not any(s["hidden"] for s in sections)
    chosen = sections[-1]["id"]
    select.select_option(chosen)
    assert [s["id"] for s in _sections(tab) if not s["hidden"]] == [chosen]
    name = tab.get_attribute(f"#{chosen}", "data-municipality")
    assert name in tab.text_content(f"{FINDER} [role=status]")
    violations = axe_violations(tab)
    assert not violations, describe_violations("digituki, one municipality chosen", violations)
    select.select_option("")
    assert not any(s["hidden"] for s in _sections(tab))


def test_an_address_with_a_municipality_chooses_it(new_page, site_url):
    tab = new_page(DESKTOP)
    tab.goto(f"{site_url}/sv/digituki/")
    first = _sections(tab)[0]["id"]
    tab.goto(f"{site_url}/sv/digituki/#{first}")
    assert [s["id"] for s in _sections(tab) if not s["hidden"]] == [first]
    assert tab.input_value("#gk-finder-select") == first
