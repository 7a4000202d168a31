"""Focus is not lost when Material hides what had it (overrides/assets/javascripts/focus.js):
closing the search gives focus back to the header's search control, and "back to top"
moves focus to the top of the page, so that Tab goes on from there."""

from __future__ import annotations

import pytest

from browser.browser_tools import VIEWPORTS, active, describe, settle, tab_until
from browser.controls import assert_focus_shows, reach_back_to_top

SEARCH_OPEN = "() => document.getElementById('__search').checked"
# The search control in the header: the field on wide screens, the search button on narrow ones.
SEARCH_CONTROL = {"desktop": "input.md-search__input", "mobile": "[data-gk-search-button]"}


def guide_url(site_url, pages) -> str:
    return site_url + next(page for page in pages if page.kind == "guide" and page.lang == "fi").url_path


def open_by_tab(tab, viewport: str) -> None:
    """Tab to the search control and, where it is a button, press Enter."""
    assert tab_until(tab, SEARCH_CONTROL[viewport])
    if viewport == "mobile":
        tab.keyboard.press("Enter")


def open_by_slash(tab, viewport: str) -> None:
    tab.keyboard.press("/")


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("open_search", [open_by_tab, open_by_slash], ids=["tab", "slash"])
def test_escape_gives_focus_back_to_the_search_control(new_page, site_url, pages, viewport, open_search):
    tab = new_page(VIEWPORTS[viewport])
    tab.goto(guide_url(site_url, pages))
    open_search(tab, viewport)
    settle(tab)  # focus entering the field opens the search in the next frame
    assert tab.evaluate(SEARCH_OPEN), "the search did not open"
    assert tab.evaluate("() => document.activeElement.matches('input.md-search__input')")
    tab.keyboard.press("Escape")
    settle(tab)  # Material reacts to focus changes in the next frame: it must not reopen
    assert not tab.evaluate(SEARCH_OPEN), "Escape did not close the search, or giving focus back opened it again"
    assert tab.evaluate("s => document.activeElement.matches(s)", SEARCH_CONTROL[viewport]), (
        f"after Escape focus is at {describe(active(tab))}, not on the search control"
    )
    assert_focus_shows(tab, f"{viewport} search control after Escape")
    # (That check focuses the control again, which on wide screens opens the search.)
    if tab.evaluate(SEARCH_OPEN):
        tab.keyboard.press("Escape")
        settle(tab)
    assert tab.evaluate("s => document.activeElement.matches(s)", SEARCH_CONTROL[viewport])
    # Searching again from there works as before: typing (wide) or Enter (narrow) opens it.
    tab.keyboard.press("Enter" if viewport == "mobile" else "k")
    assert tab.evaluate(SEARCH_OPEN), "the search does not open again from the control"
    assert tab.evaluate("() => document.activeElement.matches('input.md-search__input')")
    if viewport == "desktop":
        assert tab.input_value("input.md-search__input") == "k"


def test_back_arrow_of_the_search_gives_focus_back_to_the_search_button(new_page, site_url, pages):
    tab = new_page(VIEWPORTS["mobile"])
    tab.goto(guide_url(site_url, pages))
    tab.click("[data-gk-search-button]")
    assert tab.evaluate(SEARCH_OPEN)
    tab.click(".md-search__form label[for=__search]")
    assert not tab.evaluate(SEARCH_OPEN), "the back arrow did not close the search"
    tab.wait_for_function("() => document.activeElement.matches('[data-gk-search-button]')", timeout=5000)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_back_to_top_moves_focus_to_the_top_of_the_page(new_page, site_url, pages, viewport):
    tab = new_page(VIEWPORTS[viewport])
    tab.goto(guide_url(site_url, pages))
    reach_back_to_top(tab)
    assert tab.evaluate("() => document.activeElement.matches('.md-top')")
    tab.keyboard.press("Enter")
    tab.wait_for_function("() => scrollY === 0", timeout=5000)
    # The skip link's target: the page's first heading.
    target = tab.evaluate("() => document.querySelector('.md-skip').getAttribute('href')")
    assert tab.evaluate("t => document.activeElement.matches(t + ', ' + t + ' *')", target), (
        f"after 'back to top' focus is at {describe(active(tab))}, not at {target}"
    )
    assert tab.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") == "none"
    # Tab goes on from the top: to a control in the content on the first screen.
    tab.keyboard.press("Tab")
    after = active(tab)
    assert after and after["in_content"], f"after 'back to top', Tab goes to {describe(after)}"
    top = tab.evaluate("() => document.activeElement.getBoundingClientRect().top + scrollY")
    assert top < VIEWPORTS[viewport]["height"], f"after 'back to top', Tab goes to {describe(after)}, {top} px down the page"
    assert_focus_shows(tab, f"{viewport} first stop after 'back to top'")
