"""Findings on the preview page (issue 13): under `mkdocs serve` a page shows its findings in
a panel; the published build of the same page shows none."""

from __future__ import annotations

import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from conftest import make_site
from guidekit.findings import ERROR, WARNING, Finding
from guidekit.preview import PREVIEW_ENV, findings_panel, one_language_root_page, preview_wanted, with_panel

# One sentence of 45 words: over the standard-Finnish limit (PL101) but otherwise plain.
LONG_SENTENCE = (
    "Kun olet avannut sovelluksen puhelimella ja kirjautunut sisään omilla pankkitunnuksillasi "
    "tai mobiilivarmenteella, näet etusivulla viestit, ajat ja laskut, joita voit katsoa "
    "rauhassa kotona, ja voit myös heti kirjoittaa hoitajalle, joka vastaa sinulle yleensä saman "
    "päivän aikana, kun hän on lukenut viestisi ja katsonut tietosi huolellisesti."
)
PAGE = f"""---
title: Esikatselu
description: Sivu, jolla on yksi pitkä virke.
---

# Esikatselu

{LONG_SENTENCE}

Avaa sovellus.
"""


class _Panel(HTMLParser):
    """The findings panel's region, heading and text, as a browser reads the markup."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.section: dict | None = None
        self.heading_id = None
        self.text: list[str] = []
        self.headings: dict[str, str] = {}
        self._heading: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and attrs.get("id") == "gk-findings":
            self.section = attrs
            self.depth = 1
        elif self.depth and tag == "section":
            self.depth += 1
        if self.depth and tag == "h2":
            self._heading = attrs.get("id")
            self.headings[self._heading] = ""

    def handle_endtag(self, tag):
        if self.depth and tag == "section":
            self.depth -= 1
        if tag == "h2":
            self._heading = None

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)
            if self._heading is not None:
                self.headings[self._heading] += data


def panel_of(html: str) -> _Panel:
    parser = _Panel()
    parser.feed(html)
    return parser


def build(config: Path, site: Path, env: dict) -> subprocess.CompletedProcess:
    """`mkdocs build` without --strict, as `./dev serve` runs (a finding must not stop the preview)."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GUIDEKIT_ONLY_LANGUAGE": "fi", "GUIDEKIT_CACHE": "0", **env}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--no-strict", "-f", str(config), "-d", str(site)],
        cwd=config.parent, capture_output=True, text=True, env=environment,
    )


def test_preview_build_shows_the_long_sentence_on_the_page_and_the_published_build_does_not(tmp_path):
    assert len(LONG_SENTENCE.split()) == 45
    config = make_site(tmp_path / "src", {"fi/index.md": PAGE})

    preview = build(config, tmp_path / "preview", {PREVIEW_ENV: "1"})
    assert preview.returncode == 0, preview.stdout + preview.stderr
    html = (tmp_path / "preview" / "index.html").read_text(encoding="utf-8")
    panel = panel_of(html)
    assert panel.section is not None, "no findings panel in the preview page"
    # A landmark: a region named by its own heading, reachable with Tab.
    assert panel.headings.get(panel.section["aria-labelledby"]) == "Tarkistuksen havainnot"
    assert panel.section["tabindex"] == "0"
    text = " ".join(" ".join(panel.text).split())
    assert "PL101" in text and "virkkeessä on 45 sanaa" in text, text
    assert "rivi 8" in text and "Korjaa näin:" in text and "Virhe" in text, text
    # The page's own text is still there, after the panel.
    assert html.index('id="gk-findings"') < html.index("näet etusivulla viestit")

    published = build(config, tmp_path / "published", {})
    assert published.returncode == 0, published.stdout + published.stderr
    assert "PL101" in published.stdout + published.stderr  # the terminal still says it
    html = (tmp_path / "published" / "index.html").read_text(encoding="utf-8")
    assert "gk-findings" not in html
    assert "näet etusivulla viestit" in html


def test_serve_wants_panels_and_build_does_not_unless_switched():
    assert preview_wanted("serve", {}) is True
    assert preview_wanted("build", {}) is False
    assert preview_wanted("gh-deploy", {}) is False
    assert preview_wanted("build", {PREVIEW_ENV: "1"}) is True
    assert preview_wanted("serve", {PREVIEW_ENV: "0"}) is False


def test_panel_escapes_marks_severity_and_says_when_nothing_was_found():
    findings = [
        Finding("docs/fi/a.md", 9, "PL203", "”<b>mikäli</b>”", "kirjoita jos", WARNING),
        Finding("docs/fi/a.md", 3, "PL101", "virke & muuta", "jaa virke", ERROR),
    ]
    panel = findings_panel(findings, "docs/fi/a.md")
    assert "<b>" not in panel and "&lt;b&gt;mikäli&lt;/b&gt;" in panel and "virke &amp; muuta" in panel
    assert panel.index("PL101") < panel.index("PL203")  # in the order of the page
    assert 'class="gk-finding gk-finding--error"' in panel and 'class="gk-finding gk-finding--warning"' in panel
    assert ">Virhe<" in panel and ">Varoitus<" in panel  # not told by colour alone
    assert "1 virhettä, 1 varoitusta" in panel
    english = findings_panel(findings, "docs/fi/a.md", "en")
    assert "Findings of the checks" in english and ">Warning<" in english
    empty = findings_panel([], "docs/fi/b.md")
    assert "ei löytänyt" in empty and "<ol>" not in empty


def test_panel_goes_after_the_title_once_and_only_into_an_article():
    page = '<html><head></head><body><article class="md-content__inner md-typeset"><h1>T</h1><p>x</p></article></body></html>'
    once = with_panel(page, '<section id="gk-findings">P</section>')
    assert once.index("<h1>T</h1>") < once.index("gk-findings\">P") < once.index("<p>x</p>")
    assert "gk-findings-style" in once.split("</head>")[0]
    assert with_panel(once, '<section id="gk-findings">P</section>') == once
    assert with_panel("<html><body><p>redirect</p></body></html>", "P") == "<html><body><p>redirect</p></body></html>"


def test_one_language_root_page_names_the_language_links_it_and_escapes():
    page = one_language_root_page("index", "xx", "<Kieli & co>", "/sub/xx/", "https://live.example/?a=1&b=2", "xx-Latn")
    assert "<Kieli" not in page and "&lt;Kieli &amp; co&gt;" in page
    assert '<a href="/sub/xx/" hreflang="xx-Latn">' in page and 'href="https://live.example/?a=1&amp;b=2"' in page
    assert '<html lang="fi">' in page and "./dev serve xx" in page
    missing = one_language_root_page("404", "xx", "X", "/xx/", None)
    assert "Sivua ei ole tässä esikatselussa" in missing and "https://" not in missing
    assert '<a href="/xx/" hreflang="xx">' in missing


def test_mkdocs_serve_shows_the_finding_on_the_served_page(tmp_path):
    """The real serve path: `mkdocs serve` itself switches the panels on (no environment switch)."""
    from guidekit.servebench import fetch, mkdocs_serve

    config = make_site(tmp_path, {"fi/index.md": PAGE})
    with mkdocs_serve(config, {"GUIDEKIT_ONLY_LANGUAGE": "fi", "GUIDEKIT_CACHE": "0"}) as base:
        html = fetch(base + "/")
    panel = panel_of(html)
    assert panel.section is not None, "mkdocs serve shows no findings panel"
    assert "virkkeessä on 45 sanaa" in " ".join(" ".join(panel.text).split())


SV_PAGE = """---
title: {title}
description: En sida för förhandsvisningen.
---

# {title}

Öppna appen.
"""


def _log_lines(log: Path, text: str) -> list[str]:
    return [line for line in log.read_text(encoding="utf-8").splitlines() if text in line] if log.exists() else []


def _wait_for_log(log: Path, text: str, count: int, timeout: float = 120.0) -> list[str]:
    import time

    deadline = time.monotonic() + timeout
    while len(lines := _log_lines(log, text)) < count:
        assert time.monotonic() < deadline, f"{text!r} not {count} times in the log:\n" + log.read_text(encoding="utf-8")[-3000:]
        time.sleep(0.1)
    return lines


def _served_file(html: str) -> str:
    """The page as built: without the live-reload script's build numbers the server adds."""
    import re

    return re.sub(r"livereload\(\d+, \d+\)", "livereload()", html)


def _not_found(url: str) -> str:
    """The body of the server's answer to an address it has no page for (404)."""
    import urllib.error
    import urllib.request

    try:
        urllib.request.urlopen(url, timeout=5)
    except urllib.error.HTTPError as error:
        assert error.code == 404, error.code
        return error.read().decode("utf-8")
    raise AssertionError(f"{url} answered with a page")


def test_fast_preview_rebuilds_and_checks_only_the_saved_page(tmp_path):
    """`./dev serve sv` (mkdocs serve --dirty, one language): a save renders and checks that
    page only, at its /sv/ address; the other pages keep their HTML, panel, navigation title
    and search entry; a change to the settings builds and checks everything again."""
    from guidekit.servebench import edit_sentence, fetch, mkdocs_serve, wait_for

    pages = {"fi/index.md": PAGE, "sv/index.md": SV_PAGE.format(title="Startsida"),
             "sv/ohjeet/a.md": SV_PAGE.format(title="Sidan A"), "sv/ohjeet/b.md": SV_PAGE.format(title="Sidan B")}
    config = make_site(tmp_path, pages)
    log = tmp_path / "serve.log"
    env = {"GUIDEKIT_ONLY_LANGUAGE": "sv", "GUIDEKIT_CACHE": "0", "PYTHONUNBUFFERED": "1"}
    with mkdocs_serve(config, env, args=("--dirty",), log=log) as base:
        a_url, b_url = base + "/sv/ohjeet/a/", base + "/sv/ohjeet/b/"
        wait_for(a_url, 'id="gk-findings"')
        assert "Svenska" in fetch(base + "/") and "Sivua ei ole tässä esikatselussa" in _not_found(base + "/ohjeet/a/")
        b_before = _served_file(fetch(b_url))
        assert 'id="gk-findings"' in b_before
        whole = _wait_for_log(log, "guidekit: tarkistettu", 1)

        page = tmp_path / "docs" / "sv" / "ohjeet" / "a.md"
        page.write_text(page.read_text(encoding="utf-8") + f"\n{edit_sentence(1)}\n", encoding="utf-8")
        a_after = fetch(a_url) if wait_for(a_url, "”Muutos 1 ") is not None else ""
        checked = _wait_for_log(log, "guidekit: tarkistettu", 2)[-1]
        assert "tarkistettu 1 sivua" in checked and "tarkistettu 1 sivua" not in whole[0], checked
        assert _log_lines(log, "nopea esikatselu: vain muuttuneet sivut")
        assert _served_file(fetch(b_url)) == b_before  # neither rendered nor checked again
        assert "Sidan B" in a_after  # the navigation keeps the title of the page not read again
        index = fetch(base + "/sv/search/search_index.json")
        assert '"location":"ohjeet/b/"' in index and "Muutos 1" in index

        settings = tmp_path / "guidekit.yml"
        settings.write_text(settings.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        _wait_for_log(log, "koko esikatselu rakennetaan uudelleen", 1)
        again = _wait_for_log(log, "guidekit: tarkistettu", 3)[-1]
        assert "tarkistettu 1 sivua" not in again, again
        wait_for(a_url, "”Muutos 1 ")  # the whole rebuild still shows the edit and its finding
