"""Browser fixtures: the built site served on 127.0.0.1, and one Chromium for the session.

Chromium is Debian's (/usr/bin/chromium, installed by `./dev test`; GUIDEKIT_CHROMIUM
names another). Without it the browser tests skip with the reason, except in CI
(CI=true, as .ci/run sets), where they fail.

GUIDEKIT_BROWSER_SITE=<folder> tests an already built site instead of building one
(quick reruns while working on templates: `./dev build`, then
`GUIDEKIT_BROWSER_SITE=site ./dev test tests/browser`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from browser.browser_tools import CHROMIUM, LAUNCH_ARGS, axe_script, serve, site_pages

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-output" / "screenshots"


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        reason = f"Chromium is missing ({CHROMIUM}); `./dev setup --browser` installs it"
        if _in_ci():
            pytest.fail(f"CI=true and {reason}", pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def site_dir(request) -> Path:
    """The real site, built once for the session (or the folder GUIDEKIT_BROWSER_SITE names)."""
    given = os.environ.get("GUIDEKIT_BROWSER_SITE")
    if given:
        folder = Path(given).resolve()
        if not (folder / "index.html").is_file():
            pytest.fail(f"GUIDEKIT_BROWSER_SITE={given}: no built site there (index.html missing)", pytrace=False)
        return folder
    return request.getfixturevalue("built_site")


@pytest.fixture(scope="session")
def site_url(site_dir):
    """Base address of the site, served as built."""
    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def pages(site_dir):
    found = site_pages(site_dir)
    assert found, f"no HTML pages in {site_dir}"
    return found


@pytest.fixture
def new_page(browser):
    """Opens a tab with its own viewport (reduced motion, so nothing is caught mid-animation;
    axe=True loads axe-core into every page it opens); everything it opened is closed
    after the test. Records every request that leaves 127.0.0.1 in page.outside_requests."""
    contexts = []

    def open_page(viewport: dict, axe: bool = False, **options):
        context = browser.new_context(viewport=viewport, reduced_motion="reduce", **options)
        contexts.append(context)
        if axe:
            context.add_init_script(path=str(axe_script()))
        page = context.new_page()
        page.outside_requests = []
        page.on(
            "request",
            lambda request: request.url.startswith(("http://127.0.0.1:", "data:", "blob:"))
            or page.outside_requests.append(request.url),
        )
        return page

    yield open_page
    for context in contexts:
        context.close()


# The small site: a front page with links in text, a page only in Finnish (the Swedish
# site shows it as a fallback), and a copyright line in the footer, which plain Material
# draws at 4.47:1.
SMALL_SITE_PAGES = {
    "fi/index.md": "---\ntitle: Etusivu\ndescription: Sivuston etusivu.\n---\n# Etusivu\n\n"
    "Tervetuloa. Lue [sivu, joka on vain suomeksi](vain-suomeksi.md) tai anna "
    "[palautetta](https://www.esimerkkila.example/palaute/).\n",
    "fi/vain-suomeksi.md": "---\ntitle: Vain suomeksi\ndescription: Sivu on vain suomeksi.\n---\n"
    "# Vain suomeksi\n\nTämä sivu on vain suomeksi.\n",
    "sv/index.md": "---\ntitle: Startsida\ndescription: Webbplatsens startsida.\n---\n# Startsida\n\n"
    "Välkommen till webbplatsen.\n",
    # Translated, then the Finnish page changed: the Swedish page carries the outdated notice.
    "fi/muuttunut.md": "---\ntitle: Muuttunut sivu\ndescription: Sivua on muutettu.\n---\n"
    "# Muuttunut sivu\n\nTätä sivua on muutettu käännöksen jälkeen.\n",
    "sv/muuttunut.md": "---\ntitle: Ändrad sida\ndescription: Sidan har ändrats.\nsource_hash: \"000000000000\"\n---\n"
    "# Ändrad sida\n\nDen här sidan har ändrats efter översättningen.\n",
}
# Planted into planted.html, a copy of the built front page: an image without alt text,
# text far too pale to read on white, and a link told apart by its colour alone.
PLANTED = (
    '<img src="data:image/svg+xml,%3Csvg xmlns=%27http://www.w3.org/2000/svg%27 width=%2740%27 height=%2740%27/%3E"'
    ' width="40" height="40">'
    '<p id="pale" style="color: #b8b8b8">Tämä teksti on liian vaalea.</p>'
    '<p>Lue <a id="bare-link" href="#" style="text-decoration: none">tämä ohje</a> ennen kuin aloitat.</p>'
)


# Planted into planted-layout.html: a box wider than a phone, a paragraph of fixed height
# whose lines run over the next one, and a line cut off by its box.
PLANTED_LAYOUT = (
    '<div id="too-wide" style="width: 500px; height: 10px; background: #767676"></div>'
    '<p id="squeezed" style="height: 1.6em; margin: 0">Tämä pitkä teksti jatkuu monelle riville ja menee '
    "seuraavan kappaleen päälle, koska kappaleen korkeus on kiinteä.</p><p>Seuraava kappale.</p>"
    '<p id="cut" style="width: 6em; white-space: nowrap; overflow: hidden">Tämä rivi ei mahdu laatikkoonsa.</p>'
)

# Planted into planted-keyboard.html: a link without a focus outline, and a field that
# swallows Tab (a keyboard trap).
PLANTED_KEYBOARD = (
    "<style>#no-ring:focus-visible { outline: none !important; }</style>"
    '<p><a id="no-ring" href="#">Linkki ilman kehystä</a></p>'
    '<p><label>Ansa <input id="trap" onkeydown="if (event.key === \'Tab\') event.preventDefault()"></label></p>'
)


@dataclass(frozen=True)
class SmallSite:
    url: str
    pages: list  # SitePage of the built pages (the planted pages are not among them)


@pytest.fixture(scope="session")
def small_site(tmp_path_factory) -> SmallSite:
    """A small site built with the real configuration and templates (SMALL_SITE_PAGES),
    plus the planted-*.html pages, served on 127.0.0.1."""
    from conftest import make_site, run_build

    folder = tmp_path_factory.mktemp("small-site")
    config = make_site(folder / "src", SMALL_SITE_PAGES)
    config.write_text(
        config.read_text(encoding="utf-8") + "\ncopyright: © Esimerkkilän hyvinvointialue\n", encoding="utf-8"
    )
    site = folder / "site"
    result = run_build(config, site)
    assert result.returncode == 0, result.stdout + result.stderr
    built = site_pages(site)
    front = (site / "index.html").read_text(encoding="utf-8")
    assert "</h1>" in front
    # The planted faults (inline styles, a key handler) must take effect for the checks to
    # find them: the copies go without the page's Content-Security-Policy, which blocks them.
    front = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", front)
    planted_pages = {
        "planted.html": PLANTED,
        "planted-layout.html": PLANTED_LAYOUT,
        "planted-keyboard.html": PLANTED_KEYBOARD,
    }
    for name, planted in planted_pages.items():
        (site / name).write_text(front.replace("</h1>", "</h1>" + planted, 1), encoding="utf-8")
    with serve(site) as url:
        yield SmallSite(url, built)


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
