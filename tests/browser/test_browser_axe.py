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
