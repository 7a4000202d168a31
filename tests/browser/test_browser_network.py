"""Every page loads cleanly in Chromium: no request answered with 400 or more (nor one
that fails), no console error, and no layout shift on guide pages at phone and desktop
width (issue 19). Layout shift is read from the browser's own Layout Instability API."""

from __future__ import annotations

import pytest

from browser.browser_tools import DESKTOP

PHONE = {"width": 412, "height": 915}

# Collects layout-shift entries from the first paint on; `hadRecentInput` shifts are
# the reader's own doing and don't count (as in the CLS definition).
CLS_OBSERVER = """
window.__gkShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) {
      window.__gkShifts.push({value: entry.value,
        sources: (entry.sources || []).map((s) => s.node ? (s.node.className || s.node.nodeName) : "?")});
    }
  }
}).observe({type: "layout-shift", buffered: true});
"""


def _watch(page):
    problems = []
    page.on("console", lambda m: m.type == "error" and problems.append(f"console error: {m.text} ({m.location.get('url')})"))
    page.on("pageerror", lambda e: problems.append(f"script error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed request: {r.url} ({r.failure})"))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"HTTP {r.status}: {r.url}"))
    return problems


def _loaded_pages(pages):
    # Redirect pages (short addresses) are followed to their target, which is listed itself.
    return [p for p in pages if p.kind != "redirect" and p.kind != "404"]


def test_no_failing_request_or_console_error(new_page, site_url, pages):
    page = new_page(DESKTOP)
    problems = _watch(page)
    found = {}
    for site_page in _loaded_pages(pages):
        problems.clear()
        page.goto(site_url + site_page.url_path, wait_until="networkidle")
        if problems:
            found[str(site_page)] = list(problems)
    assert not found, "\n".join(f"{url}: {p}" for url, ps in found.items() for p in ps)


@pytest.mark.parametrize("missing", ["/ei-ole-olemassa/", "/sv/finns-inte/syvemmalla/"])
def test_not_found_page_logs_only_its_own_404(new_page, site_url, missing):
    """At a missing address the host sends the site's 404.html (the test server does as
    static hosts do); the address itself answers 404, but nothing the page loads fails."""
    page = new_page(DESKTOP)
    problems = _watch(page)
    response = page.goto(site_url + missing, wait_until="networkidle")
    assert response.status == 404 and page.locator("h1").count() == 1
    others = [p for p in problems if missing not in p]
    assert not others, others


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["412px", "1280px"])
def test_guide_pages_do_not_shift(new_page, site_url, pages, viewport):
    page = new_page(viewport)
    page.add_init_script(CLS_OBSERVER)
    shifted = {}
    guides = [p for p in pages if p.kind == "guide"]
    assert guides, "no guide pages found"
    for site_page in guides:
        page.goto(site_url + site_page.url_path, wait_until="networkidle")
        page.wait_for_timeout(150)  # late scripts and images settle
        shifts = page.evaluate("window.__gkShifts")
        total = sum(s["value"] for s in shifts)
        if total > 0:
            shifted[str(site_page)] = (round(total, 4), shifts[:3])
    assert not shifted, shifted
