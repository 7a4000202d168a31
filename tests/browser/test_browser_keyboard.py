"""Keyboard only: the skip link, every control (browser/controls.py), visible focus on every
stop, and no keyboard trap anywhere."""

from __future__ import annotations

import pytest

from browser.browser_tools import (
    DESKTOP,
    VIEWPORTS,
    active,
    describe,
    focus_indicator,
    focus_stop,
    press,
    representative_pages,
    tab_until,
    tab_walk,
    unobscured_share,
)
from browser.controls import CONTROLS, assert_focus_shows
from guidekit.languages import LANGUAGES

# Elements that act rather than lead somewhere, and embedded content that takes keys of its
# own; links are checked as tab stops.
INTERACTIVE = (
    "button, input:not([type=hidden]), select, textarea, summary, label[tabindex], "
    "[role=button], [role=checkbox], [role=switch], [role=tab], [role=combobox], [role=slider], [role=menuitem], "
    "iframe, object, embed, audio[controls], video[controls], [contenteditable=true]"
)


def first_page(pages, kind: str, lang: str = "fi"):
    found = [page for page in pages if page.kind == kind and page.lang == lang]
    assert found, f"the site has no page of kind {kind!r} in {lang}"
    return found[0]


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_skip_link_is_the_first_stop_and_leads_to_the_content(new_page, site_url, pages, viewport):
    tab = new_page(VIEWPORTS[viewport])
    for site_page in representative_pages(pages):
        tab.goto(site_url + site_page.url_path)
        first = press(tab, "Tab")
        assert first and "md-skip" in first["classes"], f"{site_page}: first Tab goes to {describe(first)}"
        assert_focus_shows(tab, f"{site_page} skip link")
        target = first["href"]
        tab.keyboard.press("Enter")
        assert tab.evaluate("() => location.hash") == target
        after = press(tab, "Tab")
        assert after and after["in_content"], f"{site_page}: after the skip link, Tab goes to {describe(after)}"


CONTROL_CASES = [
    pytest.param(control, viewport, id=f"{control.name}-{viewport}")
    for control in CONTROLS
    for viewport in control.viewports
]


@pytest.mark.parametrize("control, viewport", CONTROL_CASES)
def test_control_is_reachable_shows_focus_and_works(new_page, site_url, pages, control, viewport):
    site_page = first_page(pages, control.page_kind)
    tab = new_page(VIEWPORTS[viewport])
    if control.init_script:
        tab.add_init_script(control.init_script)
    tab.goto(site_url + site_page.url_path)
    assert tab.locator(control.selector).count(), f"{site_page} has no {control.name} ({control.selector})"
    if control.reach:
        control.reach(tab)
    else:
        tab_until(tab, control.selector)
    assert tab.evaluate("s => document.activeElement.matches(s)", control.selector), (
        f"{site_page} ({viewport}): the keyboard never reaches the {control.name}"
    )
    assert_focus_shows(tab, f"{site_page} ({viewport}) {control.name}")
    for key in control.keys:
        control.operate(tab, key)


def unlisted_controls(tab) -> list[str]:
    """Visible, focusable controls on the page that no entry of CONTROLS matches."""
    return tab.evaluate(
        """([interactive, selectors]) => [...document.querySelectorAll(interactive)]
          .filter(e => e.tabIndex >= 0 && !e.disabled && e.checkVisibility({visibilityProperty: true}))
          .filter(e => !selectors.some(s => e.matches(s)))
          .map(e => e.outerHTML.slice(0, 120))""",
        [INTERACTIVE, [control.selector for control in CONTROLS]],
    )


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_control_on_every_page_is_in_the_control_list(new_page, site_url, pages, viewport):
    """Wide, every page; narrow, each template in each language (only the header and menu
    change with the width). With the walks below, this keeps every page free of traps:
    a page holds links and known controls only, and the walks cover each template."""
    tab = new_page(VIEWPORTS[viewport])
    chosen = [page for page in pages if page.kind != "redirect"] if viewport == "desktop" else representative_pages(pages)
    unlisted = []
    for site_page in chosen:
        tab.goto(site_url + site_page.url_path)
        unlisted += [f"{site_page}: {found}" for found in unlisted_controls(tab)]
    assert not unlisted, "controls the keyboard tests do not know; add them to tests/browser/controls.py:\n" + "\n".join(
        unlisted
    )


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_tab_stop_shows_focus_and_shift_tab_walks_back(new_page, site_url, pages, viewport):
    """A front page and a guide (the 404 page has a subset of their stops), both ways."""
    tab = new_page(VIEWPORTS[viewport])
    for site_page in (first_page(pages, kind) for kind in ("front", "guide")):
        where = f"{site_page} ({viewport})"
        tab.goto(site_url + site_page.url_path)
        unseen = []

        def check_focus(_number):
            indicator = focus_indicator(tab)
            if indicator.unobscured == 0:
                unseen.append(f"{describe(active(tab))} is covered")
            elif indicator.thickness < 2:
                unseen.append(
                    f"{describe(active(tab))}: {indicator.changed} px change at 3:1, around {indicator.perimeter} px"
                )

        forward, ended = tab_walk(tab, on_stop=check_focus)
        assert ended == "out", f"{where}: Tab {ended} at {describe(forward[-1])}"
        assert len(forward) > 3, f"{where}: only {len(forward)} tab stops"
        assert not unseen, f"{where}: focus is hard to see on:\n  " + "\n  ".join(unseen)
        # Back from the last stop: the same stops in reverse, none hidden under the sticky
        # header (going up, the browser scrolls each one to the top edge).
        focus_stop(tab, forward[-1]["stop"])
        covered = []
        backward, ended = tab_walk(
            tab, "Shift+Tab", on_stop=lambda _number: unobscured_share(tab) > 0 or covered.append(describe(active(tab)))
        )
        assert ended == "out", f"{where}: Shift+Tab {ended} at {describe(backward[-1])}"
        assert not covered, f"{where}: going back, these are covered when focused: {covered}"
        # Past the first stop Shift+Tab may come round to "back to top", shown while scrolling up.
        assert [s["stop"] for s in backward][: len(forward) - 1] == [s["stop"] for s in reversed(forward[:-1])], (
            f"{where}: Shift+Tab does not retrace Tab:\n  forward {[describe(s) for s in forward]}\n"
            f"  back    {[describe(s) for s in backward]}"
        )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tab_gets_through_every_kind_of_page(new_page, site_url, pages, lang):
    """No keyboard trap: Tab goes through all stops and out of the page, on the front page,
    a guide, another page and the 404 page of each language."""
    tab = new_page(DESKTOP)
    stuck = []
    kinds: dict = {}
    for page in pages:
        if page.lang == lang and page.kind != "redirect":
            kinds.setdefault(page.kind, page)
    assert {"front", "guide", "404"} <= set(kinds), f"{lang}: pages of kinds {sorted(kinds)} only"
    for site_page in kinds.values():
        tab.goto(site_url + site_page.url_path)
        stops, ended = tab_walk(tab)
        if ended != "out":
            stuck.append(f"{site_page}: {ended} at {describe(stops[-1]) if stops else 'start'}")
        elif not stops:
            stuck.append(f"{site_page}: Tab finds nothing to focus")
    assert not stuck, "\n".join(stuck)


def test_keyboard_checks_find_planted_problems(new_page, small_site):
    """A link whose focus outline is switched off, and a field, unknown to the control list,
    that keeps Tab for itself."""
    tab = new_page(DESKTOP)
    tab.goto(small_site.url + "/planted-keyboard.html")
    assert [found for found in unlisted_controls(tab) if 'id="trap"' in found]
    assert tab_until(tab, "#no-ring")
    assert focus_indicator(tab).thickness < 2
    tab.reload()
    stops, ended = tab_walk(tab)
    assert ended == "trap" and stops[-1]["tag"] == "input", [describe(stop) for stop in stops]
