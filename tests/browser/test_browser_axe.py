"""axe-core in Chromium on every page of every language, wide and narrow: no violations of
WCAG 2.2 AA or axe's best practices; and proof that the check finds planted problems."""

from __future__ import annotations

import pytest

from browser.browser_tools import (
    DESKTOP,
    MOBILE,
    VIEWPORTS,
    axe_violations,
    describe_violations,
    open_site_page,
)
from guidekit.languages import LANGUAGES


def check_with_axe(tab, base_url: str, chosen: list, where: str) -> list[str]:
    problems = []
    for site_page in chosen:
        open_site_page(tab, base_url, site_page)
        violations = axe_violations(tab)
        if violations:
            problems.append(describe_violations(f"{site_page} ({where})", violations))
    return problems


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_has_no_axe_violations(new_page, site_url, pages, lang):
    """Every page wide; narrow, each kind of page (front, guide, 404, short address) once:
    the narrow layout comes from the templates, which all pages of a kind share."""
    own = [page for page in pages if page.lang == lang]
    assert any(page.kind == "404" for page in own), f"no 404 page found for {lang}"
    narrow: dict = {}
    for page in own:
        narrow.setdefault(page.kind, page)
    problems = []
    for name, viewport, chosen in (("desktop", DESKTOP, own), ("mobile", MOBILE, list(narrow.values()))):
        tab = new_page(viewport, axe=True)
        problems += check_with_axe(tab, site_url, chosen, name)
        assert tab.outside_requests == [], "pages asked for something outside the site"
    assert not problems, "\n".join(problems)


def test_axe_reports_planted_problems(new_page, small_site):
    tab = new_page(DESKTOP, axe=True)
    tab.goto(small_site.url + "/planted.html")
    found = {violation["id"]: violation for violation in axe_violations(tab)}
    report = describe_violations("/planted.html", list(found.values()))
    assert {"image-alt", "color-contrast", "link-in-text-block"} <= set(found), report
    assert ["#pale"] in [node["target"] for node in found["color-contrast"]["nodes"]], report
    assert ["#bare-link"] in [node["target"] for node in found["link-in-text-block"]["nodes"]], report


def test_footer_copyright_line_has_no_axe_violations(new_page, small_site):
    pages = [page for page in small_site.pages if page.lang in ("fi", "sv")]
    assert {page.kind for page in pages} >= {"front", "404"}
    problems = []
    for name, viewport in VIEWPORTS.items():
        tab = new_page(viewport, axe=True)
        tab.goto(small_site.url + "/")
        assert tab.locator(".md-copyright").inner_text().strip().startswith("©")
        problems += check_with_axe(tab, small_site.url, pages, name)
    assert not problems, "\n".join(problems)


def test_outdated_notice_is_a_visible_box_leading_to_the_finnish_page(new_page, small_site):
    """The notice is a framed box, bolder than the example-site notice, axe-clean at both
    widths, and its link opens the Finnish source page."""
    for name, viewport in VIEWPORTS.items():
        tab = new_page(viewport, axe=True)
        tab.goto(small_site.url + "/sv/muuttunut/")
        box = tab.locator(".gk-outdated-notice")
        assert box.is_visible() and box.get_attribute("role") == "note", name
        style = box.evaluate(
            "e => { const s = getComputedStyle(e); return {"
            " widths: ['Top', 'Right', 'Bottom', 'Left'].map(side => parseFloat(s['border' + side + 'Width'])),"
            " weight: parseInt(getComputedStyle(e.querySelector('p')).fontWeight, 10) }; }"
        )
        example = tab.locator(".gk-example-notice")
        if example.count():  # the example data is on: the notice to be at least as visible as
            example_left = example.evaluate("e => parseFloat(getComputedStyle(e).borderLeftWidth)")
            assert style["widths"][3] >= example_left, name
        assert min(style["widths"]) >= 2 and style["weight"] >= 700, (name, style)
        violations = axe_violations(tab)
        assert not violations, describe_violations(f"/sv/muuttunut/ ({name})", violations)
    link = box.locator("a")
    assert link.get_attribute("hreflang") == "fi"
    link.click()
    tab.wait_for_url(small_site.url + "/muuttunut/")
    assert tab.locator("html").get_attribute("lang") == "fi" and "Muuttunut sivu" in tab.locator("h1").inner_text()
