"""The controls a keyboard user must reach, see and operate: one list for the keyboard tests.

A new control (a button, a field, a switch…) goes into CONTROLS: its name, the element
that takes focus, the screen widths where it is shown, a page kind where it appears, and
what pressing it must do. test_browser_keyboard.py then checks that Tab reaches it, its
focus shows, and the keyboard operates it; and it fails for any control on a page that
is not in this list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from browser.browser_tools import active, describe, focus_indicator, press, tab_until
from playwright.sync_api import TimeoutError as PlaywrightTimeout

# Headless Chromium has no print dialog: count the calls instead.
COUNT_PRINTS = "window.print = () => { window.__gkPrints = (window.__gkPrints || 0) + 1; };"


def assert_focus_shows(tab, where: str) -> None:
    indicator = focus_indicator(tab)
    stop = describe(active(tab))
    assert indicator.unobscured > 0, f"{where}: focused {stop} is covered by something else"
    assert indicator.thickness >= 2, (
        f"{where}: focus on {stop} is hard to see: {indicator.changed} px change colour at 3:1 or more, "
        f"less than a 2 px line around it ({indicator.perimeter} px)"
    )


def in_drawer(tab) -> bool:
    return tab.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')")


def drawer_is_shown(tab) -> bool:
    return tab.evaluate(
        """() => {
          const drawer = document.querySelector('.md-sidebar--primary');
          const box = drawer.getBoundingClientRect();
          return getComputedStyle(drawer).visibility === 'visible' && box.right > 0 && box.left < window.innerWidth;
        }"""
    )


def operate_menu(tab, key: str) -> None:
    """Opens the navigation drawer, goes through all its links and out again; Escape closes it."""
    button = tab.locator("[data-gk-drawer-button]")
    tab.keyboard.press(key)
    assert button.get_attribute("aria-expanded") == "true", f"{key} did not open the menu"
    assert drawer_is_shown(tab), "the menu opened, but the drawer is not on the screen"
    assert in_drawer(tab), f"focus stayed at {describe(active(tab))}, not in the opened menu"
    assert_focus_shows(tab, "menu")
    for _ in range(100):
        if not in_drawer(tab):
            break
        assert_focus_shows(tab, "menu")
        press(tab, "Tab")
    else:
        raise AssertionError("Tab never leaves the open menu")
    assert button.get_attribute("aria-expanded") == "false", "the menu stays open when focus leaves it"
    assert not drawer_is_shown(tab)
    # Open again and close with Escape: focus returns to the button.
    button.focus()
    tab.keyboard.press(key)
    assert in_drawer(tab)
    tab.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false", "Escape did not close the menu"
    assert tab.evaluate("() => document.activeElement.matches('[data-gk-drawer-button]')"), "focus did not return"


def operate_language_switcher(tab, key: str) -> None:
    """Tab goes into the list of languages; the first other language opens that page."""
    page_lang = tab.evaluate("() => document.documentElement.lang")
    for _ in range(8):
        stop = press(tab, "Tab")
        if stop and tab.evaluate("() => document.activeElement.matches('.md-select__link')"):
            lang = tab.evaluate("() => document.activeElement.getAttribute('lang')")
            if lang != page_lang:
                break
    else:
        raise AssertionError("Tab does not reach another language in the language list")
    assert_focus_shows(tab, "language list")
    href = tab.evaluate("() => document.activeElement.href")
    with tab.expect_navigation():
        tab.keyboard.press(key)
    assert tab.url == href
    assert tab.evaluate("() => document.documentElement.lang") == lang


def operate_search(tab, key: str) -> None:
    """Typing finds this very page; the arrow key reaches the results and Enter opens one."""
    assert tab.evaluate("() => document.getElementById('__search').checked"), "focus did not open the search"
    words = tab.evaluate("() => document.querySelector('.md-content h1').innerText").split()
    # Results are redrawn after each letter: wait until this page is found and the list is still.
    tab.evaluate(
        """() => {
          window.__gkResultsChanged = performance.now();
          new MutationObserver(() => { window.__gkResultsChanged = performance.now(); })
            .observe(document.querySelector('.md-search-result'), {childList: true, subtree: true});
        }"""
    )
    tab.keyboard.type(max(words, key=len).strip(".,:;!?").lower())
    tab.wait_for_function(
        """path => [...document.querySelectorAll('.md-search-result__link')]
             .some(link => new URL(link.href).pathname === path)
           && performance.now() - window.__gkResultsChanged > 500""",
        arg=tab.evaluate("() => location.pathname"),
        timeout=15000,
    )
    tab.keyboard.press("ArrowDown")
    assert tab.evaluate("() => !!document.activeElement.closest('.md-search-result__item')"), (
        f"ArrowDown went to {describe(active(tab))}, not to the first result"
    )
    assert_focus_shows(tab, "search result")
    href = tab.evaluate("() => document.activeElement.href")
    with tab.expect_navigation():
        tab.keyboard.press(key)
    assert tab.url == href


def operate_search_button(tab, key: str) -> None:
    """Narrow screens: the header's search button opens the search with focus in the field;
    Escape closes it and gives focus back to the button (focus.js)."""
    tab.keyboard.press(key)
    assert tab.evaluate("() => document.getElementById('__search').checked"), f"{key!r} did not open the search"
    assert tab.evaluate("() => document.activeElement.matches('input.md-search__input')"), (
        f"the search opened, but focus is at {describe(active(tab))}"
    )
    tab.keyboard.press("Escape")
    assert not tab.evaluate("() => document.getElementById('__search').checked"), "Escape did not close the search"
    # focus.js gives focus back after Material's own Escape handler (a timeout): wait for it,
    # a busy page (the search index just arrived) may run it a moment later.
    try:
        tab.wait_for_function("() => document.activeElement.matches('[data-gk-search-button]')", timeout=5000)
    except PlaywrightTimeout:
        raise AssertionError(f"after Escape focus is at {describe(active(tab))}, not on the search button") from None
    # The closed field is out of sight here: Tab goes on past it, and the search stays shut.
    tab.keyboard.press("Tab")
    assert not tab.evaluate("() => document.activeElement.matches('input.md-search__input')"), (
        "Tab from the search button goes to the closed, unseen search field"
    )
    assert not tab.evaluate("() => document.getElementById('__search').checked"), "Tab opened the search"
    tab.keyboard.press("Shift+Tab")
    assert tab.evaluate("() => document.activeElement.matches('[data-gk-search-button]')"), (
        f"Shift+Tab went to {describe(active(tab))}, not back to the search button"
    )


def reach_search_field(tab) -> None:
    """Wide screens show the field in the header; narrow ones open it with the search button."""
    if tab.evaluate("() => matchMedia('(min-width: 60em)').matches"):
        tab_until(tab, "input.md-search__input")
    else:
        tab_until(tab, "[data-gk-search-button]")
        tab.keyboard.press("Enter")


def operate_print(tab, key: str) -> None:
    count = "() => window.__gkPrints || 0"
    before = tab.evaluate(count)
    tab.keyboard.press(key)
    assert tab.evaluate(count) == before + 1, f"{key!r} on the print button did not print"


# Headless Chromium's clipboard needs a permission: record what is copied instead.
RECORD_COPIES = (
    "Object.defineProperty(navigator, 'clipboard', {value: {writeText: text => {"
    " window.__gkCopied = (window.__gkCopied || []).concat([text]); return Promise.resolve(); }}});"
)


def operate_copy(tab, key: str) -> None:
    """The copy button puts the page's short address on the clipboard and says so in its
    status (a live region) each time it is pressed."""
    before = tab.evaluate("() => (window.__gkCopied || []).length")
    address = tab.evaluate("() => document.querySelector('.gk-share .gk-short-address').href")
    tab.keyboard.press(key)
    tab.wait_for_function("n => (window.__gkCopied || []).length > n", arg=before, timeout=5000)
    assert tab.evaluate("() => window.__gkCopied.at(-1)") == address
    status = tab.locator(".gk-copy-status")
    tab.wait_for_function("() => document.querySelector('.gk-copy-status').textContent.trim() !== ''", timeout=5000)
    assert status.get_attribute("aria-live") == "polite" and status.get_attribute("role") == "status"
    assert status.inner_text() == tab.evaluate("() => document.querySelector('[data-gk-copy]').dataset.gkCopied")
    assert tab.evaluate("() => document.activeElement.matches('[data-gk-copy]')"), "focus left the copy button"


def operate_feedback(tab, key: str) -> None:
    href = tab.evaluate("() => document.activeElement.href")
    # The feedback form is on the county's site: answer for it, nothing leaves the machine.
    tab.route(href, lambda route: route.fulfill(body="<title>Palaute</title>", content_type="text/html"))
    with tab.expect_navigation():
        tab.keyboard.press(key)
    assert tab.url == href


def reach_back_to_top(tab) -> None:
    """Material shows "back to top" when the reader scrolls up: End, then up with the arrow
    key; it is the last stop of the page, so Shift+Tab from nowhere lands on it."""
    tab.keyboard.press("End")
    tab.wait_for_function("() => scrollY > 0")
    for _ in range(10):
        tab.keyboard.press("ArrowUp")
        if tab.locator(".md-top:not([hidden])").count():
            break
        tab.wait_for_timeout(100)
    tab.keyboard.press("Shift+Tab")


def operate_back_to_top(tab, key: str) -> None:
    tab.keyboard.press(key)
    tab.wait_for_function("() => scrollY === 0", timeout=5000)


def operate_municipality_chooser(tab, key: str) -> None:
    """The arrow key picks the next municipality: only its section is left shown."""
    before = tab.input_value("#gk-finder-select")
    tab.keyboard.press(key)
    chosen = tab.input_value("#gk-finder-select")
    assert chosen != before, f"{key} did not change the municipality"
    shown = tab.eval_on_selector_all("[data-municipality]:not([hidden])", "els => els.map(e => e.id)")
    assert shown == [chosen], f"after choosing {chosen}, these are shown: {shown}"


@dataclass(frozen=True)
class Control:
    name: str
    selector: str  # the element that takes focus
    viewports: tuple[str, ...]  # keys of browser_tools.VIEWPORTS where it is shown
    page_kind: str  # a kind of page (browser_tools.SitePage.kind) where it appears
    operate: Callable  # operate(tab, key): press it with key, assert what happens
    keys: tuple[str, ...] = ("Enter",)  # each is tried in turn; all but the last leave focus on it
    init_script: str = ""  # runs in the page before its own scripts
    reach: Callable | None = None  # reach(tab): keys that bring focus to it; default: Tab until it


CONTROLS = [
    Control("menu", "[data-gk-drawer-button]", ("mobile",), "guide", operate_menu, ("Enter", " ")),
    Control("language switcher", ".md-select > button", ("desktop", "mobile"), "guide", operate_language_switcher),
    Control("search button", "[data-gk-search-button]", ("mobile",), "guide", operate_search_button, ("Enter", " ")),
    Control("search", "input.md-search__input", ("desktop", "mobile"), "guide", operate_search, reach=reach_search_field),
    Control("print button", "[data-gk-print]", ("desktop", "mobile"), "guide", operate_print, ("Enter", " "), COUNT_PRINTS),
    Control("municipality chooser", "#gk-finder-select", ("desktop", "mobile"), "help",
            operate_municipality_chooser, ("ArrowDown",)),
    Control("copy button", "[data-gk-copy]", ("desktop", "mobile"), "guide", operate_copy, ("Enter", " "),
            RECORD_COPIES),
    Control("feedback", ".gk-feedback a[href]", ("desktop", "mobile"), "guide", operate_feedback),
    Control(
        "back to top", ".md-top", ("desktop", "mobile"), "guide", operate_back_to_top, reach=reach_back_to_top
    ),
]
