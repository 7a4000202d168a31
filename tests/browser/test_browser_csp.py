"""The Content-Security-Policy in Chromium (guidekit/csp.py): pages of the real site load
and work with it (search, the menu, the language switcher) without one violation, and
what the policy is for is blocked: an injected external script, an inline script and an
event handler in a page do not run, and nothing is fetched from outside."""

from __future__ import annotations

from browser.browser_tools import DESKTOP, MOBILE
from browser.test_search import open_search, search

# Every violation the page reports, from the first script on.
WATCH_VIOLATIONS = """
window.__gkViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__gkViolations.push(`${event.violatedDirective} ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`);
});
"""


def watched(new_page, viewport):
    tab = new_page(viewport)
    tab.add_init_script(WATCH_VIOLATIONS)
    tab.csp_console = []
    tab.on("console", lambda m: "Content Security Policy" in m.text and tab.csp_console.append(m.text))
    return tab


def violations(tab) -> list[str]:
    return tab.evaluate("window.__gkViolations") + tab.csp_console


def test_pages_load_and_search_with_no_violation(new_page, site_url):
    tab = watched(new_page, DESKTOP)
    for path in ("/", "/sv/ohjeet/chat/", "/en/digituki/", "/selko/ohjeet/sovellus/", "/ei-ole-olemassa/"):
        tab.goto(site_url + path, wait_until="networkidle")
        assert tab.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1, path
        assert violations(tab) == [], f"{path}: {violations(tab)}"
    tab.goto(site_url + "/ohjeet/chat/", wait_until="networkidle")
    open_search(tab)
    assert "/ohjeet/chat/" in search(tab, "chatissa")  # the search worker runs under the policy
    assert violations(tab) == []
    assert tab.outside_requests == []


def test_menu_and_language_switcher_work_with_no_violation(new_page, site_url):
    tab = watched(new_page, MOBILE)
    tab.goto(site_url + "/ohjeet/chat/", wait_until="networkidle")
    button = tab.locator("[data-gk-drawer-button]")
    button.click()
    assert button.get_attribute("aria-expanded") == "true"  # drawer.js runs
    tab.keyboard.press("Escape")
    tab.locator(".md-select > button").click()
    with tab.expect_navigation():
        tab.locator('.md-select__link[data-gk-lang="sv"]').click()
    assert tab.evaluate("() => document.documentElement.lang") == "sv"
    tab.wait_for_load_state("networkidle")
    assert violations(tab) == [], violations(tab)


PLANTED = (
    '<script src="https://cdn.example/evil.js"></script>'
    "<script>window.__gkInline = true;</script>"
    '<img src="../../assets/images/logo.svg" alt="" onload="window.__gkHandler = true">'
    '<a id="gk-js-link" href="javascript:window.__gkLink = true">x</a>'
)


def test_injected_scripts_do_not_run(new_page, site_url, site_dir):
    """A built page with scripts planted in its body, served at its own address."""
    tab = watched(new_page, DESKTOP)
    address = site_url + "/ohjeet/chat/"
    built = (site_dir / "ohjeet" / "chat" / "index.html").read_text(encoding="utf-8")
    planted = built.replace("</h1>", "</h1>" + PLANTED, 1)
    assert planted != built
    tab.route(address, lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=planted))
    failed = {}
    tab.on("requestfailed", lambda request: failed.__setitem__(request.url, request.failure))
    tab.goto(address, wait_until="networkidle")
    tab.locator("#gk-js-link").click()
    ran = tab.evaluate("() => [window.__gkInline, window.__gkHandler, window.__gkLink].map(Boolean)")
    assert ran == [False, False, False]
    blocked = " ".join(violations(tab))
    assert "cdn.example" in blocked and "inline" in blocked, blocked
    # Chromium names the request it refused before sending it.
    assert tab.outside_requests == ["https://cdn.example/evil.js"]
    assert failed.get("https://cdn.example/evil.js") == "csp", failed
    # The page's own scripts still run: the menu button is wired up by drawer.js.
    assert tab.evaluate("() => document.documentElement.classList.contains('js')")
