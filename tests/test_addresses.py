"""Permanent addresses: short addresses, moved pages, the record of published addresses.

Unit tests of guidekit/addresses.py on small docs folders, then real builds of a small
site: a moved page without a redirect fails the build, with one it keeps working.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import make_site, run_build
from guidekit.addresses import (
    absolute_url,
    format_record,
    load_plan,
    load_record,
    mark_bare_links,
    page_url,
    plan_redirects,
    redirect_html,
    relative_href,
    updated_record,
)
from guidekit.findings import ERROR
from html_tools import parse_html

NO_LINT = {"GUIDEKIT_CHECKS": "0"}  # these builds test the address checks alone


def guide(title: str, short: str | None = "sovellus", service: str = "app") -> str:
    short_line = f"short: {short}\n" if short else ""
    return (
        f"---\ntitle: {title}\ndescription: Ohje.\nservice: {service}\nreviewed: 2026-11-23\n"
        f"owner: Digituki\n{short_line}---\n\n# {title}\n\n1. Avaa sovellus.\n2. Paina **Kirjaudu**.\n"
    )


def page(title: str) -> str:
    return f"---\ntitle: {title}\ndescription: Sivu.\n---\n\n# {title}\n\nTekstiä.\n"


BASE_PAGES = {
    "fi/index.md": page("Etusivu"),
    "fi/ohjeet/sovellus.md": guide("Ota sovellus käyttöön"),
    "sv/index.md": page("Startsida"),
    "en/index.md": page("Front page"),
    "selko/index.md": page("Etusivu"),
}


def write_tree(root: Path, pages: dict[str, str], record: str | None = None, redirects: str | None = None) -> Path:
    for rel, text in pages.items():
        path = root / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "data").mkdir(parents=True, exist_ok=True)
    if record is not None:
        (root / "data" / "addresses.yml").write_text(record, encoding="utf-8")
    if redirects is not None:
        (root / "data" / "redirects.yml").write_text(redirects, encoding="utf-8")
    return root


def rules(findings, severity=None) -> list[str]:
    return [f.rule for f in findings if severity is None or f.severity == severity]


RECORD = "pages:\n- index.md\n- ohjeet/kirjaudu.md\n- ohjeet/sovellus.md\nshort:\n  sovellus: ohjeet/sovellus.md\n"


# --- addresses ---------------------------------------------------------------


@pytest.mark.parametrize(
    "path, directory_urls, expected",
    [
        ("index.md", True, ""),
        ("ohjeet/index.md", True, "ohjeet/"),
        ("ohjeet/chat.md", True, "ohjeet/chat/"),
        ("ohjeet/chat.md", False, "ohjeet/chat.html"),
    ],
)
def test_page_address_is_the_one_mkdocs_gives(path, directory_urls, expected):
    assert page_url(path, directory_urls) == expected


@pytest.mark.parametrize("site_url", ["https://example.test/ohjeet-palvelu/", "https://example.test/ohjeet-palvelu"])
def test_absolute_address_keeps_the_sites_sub_path_and_language_folder(site_url):
    assert absolute_url(site_url, "sv", "o/chat/") == "https://example.test/ohjeet-palvelu/sv/o/chat/"
    assert absolute_url(site_url, "fi", "o/chat/") == "https://example.test/ohjeet-palvelu/o/chat/"


@pytest.mark.parametrize(
    "source, target, expected",
    [("o/chat/", "ohjeet/chat/", "../../ohjeet/chat/"), ("", "ohjeet/chat/", "ohjeet/chat/"),
     ("ohjeet/vanha.html", "ohjeet/uusi.html", "../ohjeet/uusi.html"), ("o/x/", "", "../../")],
)
def test_relative_links_of_redirect_pages(source, target, expected):
    assert relative_href(source, target) == expected


# --- moved pages ---------------------------------------------------------------


def test_recorded_page_that_is_gone_without_redirect_is_an_error_naming_it_and_the_fix(tmp_path):
    plan = load_plan(write_tree(tmp_path, BASE_PAGES, record=RECORD))
    errors = [f for f in plan.findings if f.severity == ERROR]
    assert [f.rule for f in errors] == ["AD001"]
    assert errors[0].path == "data/addresses.yml"
    assert errors[0].line == 3  # the line of "- ohjeet/kirjaudu.md"
    assert "ohjeet/kirjaudu.md" in errors[0].message
    assert "data/redirects.yml" in errors[0].fix


def test_redirect_keeps_a_moved_page_working_in_every_language(tmp_path):
    plan = load_plan(write_tree(tmp_path, BASE_PAGES, record=RECORD,
                                redirects="ohjeet/kirjaudu.md: ohjeet/sovellus.md\n"))
    assert rules(plan.findings, ERROR) == []
    for lang in ("fi", "sv", "en", "selko"):
        moves = {r.source: r.target for r in plan_redirects(plan.inventory, plan.record, plan.redirects, lang)}
        assert moves["ohjeet/kirjaudu/"] == "ohjeet/sovellus/"
        assert moves["o/sovellus/"] == "ohjeet/sovellus/"


def test_redirects_are_followed_to_their_end_and_loops_are_errors(tmp_path):
    chain = "ohjeet/a.md: ohjeet/b.md\nohjeet/b.md: ohjeet/sovellus.md\n"
    plan = load_plan(write_tree(tmp_path / "chain", BASE_PAGES, redirects=chain))
    moves = {r.source: r.target for r in plan_redirects(plan.inventory, plan.record, plan.redirects, "fi")}
    assert moves["ohjeet/a/"] == moves["ohjeet/b/"] == "ohjeet/sovellus/"
    loop = "ohjeet/a.md: ohjeet/b.md\nohjeet/b.md: ohjeet/a.md\n"
    plan = load_plan(write_tree(tmp_path / "loop", BASE_PAGES, redirects=loop))
    assert rules(plan.findings, ERROR) == ["AD004", "AD004"]


def test_redirect_from_a_page_that_still_exists_is_an_error(tmp_path):
    plan = load_plan(write_tree(tmp_path, BASE_PAGES, redirects="ohjeet/sovellus.md: index.md\n"))
    (finding,) = [f for f in plan.findings if f.severity == ERROR]
    assert (finding.rule, finding.path, finding.line) == ("AD004", "data/redirects.yml", 1)
    assert "ohjeet/sovellus.md" in finding.message


@pytest.mark.parametrize(
    "text, line",
    [("ohjeet/a.md: [ohjeet/b.md\n", 2), ("- ohjeet/a.md\n", 1), ("ohjeet/a.md: /ohjeet/b\n", 1)],
)
def test_broken_redirects_file_is_one_clear_finding_not_a_traceback(tmp_path, text, line):
    plan = load_plan(write_tree(tmp_path, BASE_PAGES, redirects=text))
    broken = [f for f in plan.findings if f.rule == "AD006"]
    assert len(broken) == 1 and broken[0].path == "data/redirects.yml" and broken[0].line == line


def test_broken_record_file_is_one_clear_finding(tmp_path):
    plan = load_plan(write_tree(tmp_path, BASE_PAGES, record="pages: [index.md\n"))
    assert [(f.rule, f.path) for f in plan.findings if f.severity == ERROR] == [("AD006", "data/addresses.yml")]


# --- short ids -------------------------------------------------------------------


def test_two_guides_with_one_short_id_is_an_error_naming_both(tmp_path):
    pages = {**BASE_PAGES, "fi/ohjeet/toinen.md": guide("Toinen ohje", short="sovellus")}
    plan = load_plan(write_tree(tmp_path, pages))
    (finding,) = [f for f in plan.findings if f.severity == ERROR]
    assert finding.rule == "AD002"
    assert finding.path == "docs/fi/ohjeet/toinen.md" and finding.line == 7
    assert "docs/fi/ohjeet/sovellus.md" in finding.message


def test_translation_takes_the_finnish_short_id_and_may_not_change_it(tmp_path):
    same = {**BASE_PAGES, "sv/ohjeet/sovellus.md": guide("Ta i bruk appen", short=None)}
    plan = load_plan(write_tree(tmp_path / "same", same))
    assert rules(plan.findings, ERROR) == []
    assert [g.title for g in plan.inventory.guides("sv")] == ["Ta i bruk appen"]
    assert plan.inventory.short_of("ohjeet/sovellus.md") == "sovellus"

    other = {**BASE_PAGES, "sv/ohjeet/sovellus.md": guide("Ta i bruk appen", short="appen")}
    plan = load_plan(write_tree(tmp_path / "other", other))
    (finding,) = [f for f in plan.findings if f.severity == ERROR]
    assert (finding.rule, finding.path) == ("AD003", "docs/sv/ohjeet/sovellus.md")
    assert "short: sovellus" in finding.fix


def test_a_retired_short_id_still_leads_to_its_guide(tmp_path):
    pages = {**BASE_PAGES, "fi/ohjeet/sovellus.md": guide("Ota sovellus käyttöön", short="kirjaudu-sovellukseen")}
    plan = load_plan(write_tree(tmp_path, pages, record=RECORD.replace("- ohjeet/kirjaudu.md\n", "")))
    assert rules(plan.findings, ERROR) == []
    moves = {r.source: r.target for r in plan_redirects(plan.inventory, plan.record, plan.redirects, "en")}
    assert moves["o/sovellus/"] == moves["o/kirjaudu-sovellukseen/"] == "ohjeet/sovellus/"


def test_a_published_short_id_given_to_another_guide_is_an_error(tmp_path):
    pages = {
        **BASE_PAGES,
        "fi/ohjeet/sovellus.md": guide("Ota sovellus käyttöön", short="sovellus-vanha"),
        "fi/ohjeet/uusi.md": guide("Uusi ohje", short="sovellus"),
    }
    plan = load_plan(write_tree(tmp_path, pages, record=RECORD.replace("- ohjeet/kirjaudu.md\n", "")))
    (finding,) = [f for f in plan.findings if f.severity == ERROR]
    assert (finding.rule, finding.line) == ("AD005", 5)
    assert "ohjeet/uusi.md" in finding.message


# --- the record ------------------------------------------------------------------


def test_new_pages_are_a_note_and_the_update_records_them_without_dropping_any(tmp_path):
    pages = {**BASE_PAGES, "fi/ohjeet/chat.md": guide("Kysy chatissa", short="chat", service="chat")}
    plan = load_plan(write_tree(tmp_path, pages, record=RECORD,
                                redirects="ohjeet/kirjaudu.md: ohjeet/sovellus.md\n"))
    assert rules(plan.findings) == ["AD007"]
    assert plan.findings[0].severity == "info"
    assert "ohjeet/chat.md" in plan.findings[0].message
    record = updated_record(plan.record, plan.inventory, plan.redirects)
    assert record.pages == ("index.md", "ohjeet/chat.md", "ohjeet/kirjaudu.md", "ohjeet/sovellus.md")
    assert record.short == {"chat": "ohjeet/chat.md", "sovellus": "ohjeet/sovellus.md"}
    # Written and read back: the same record, and nothing left to note.
    (tmp_path / "data" / "addresses.yml").write_text(format_record(record), encoding="utf-8")
    again, problems = load_record(tmp_path / "data" / "addresses.yml")
    assert problems == [] and again.pages == record.pages and again.short == record.short
    assert load_plan(tmp_path).findings == []


def test_addresses_command_updates_the_record_then_fails_when_a_page_disappears(tmp_path):
    root = write_tree(tmp_path, BASE_PAGES)
    command = [sys.executable, "-m", "guidekit.cli", "addresses", "--root", str(root)]
    first = subprocess.run([*command, "--update"], capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert "ohjeet/sovellus.md" in (root / "data" / "addresses.yml").read_text(encoding="utf-8")
    (root / "docs" / "fi" / "ohjeet" / "sovellus.md").rename(root / "docs" / "fi" / "ohjeet" / "kirjaudu.md")
    moved = subprocess.run(command, capture_output=True, text=True)
    assert moved.returncode == 1
    assert "[AD001] data/addresses.yml" in moved.stderr and "ohjeet/sovellus.md" in moved.stderr
    assert "Traceback" not in moved.stderr


def test_the_real_sites_record_lists_every_page_and_short_id(root):
    """The committed record is current: a page added without `--update` shows up here."""
    plan = load_plan(root)
    assert [f.format() for f in plan.findings] == []


# --- redirect pages and printed links ---------------------------------------------


def test_redirect_page_refreshes_at_once_names_the_canonical_address_and_has_a_link(tmp_path):
    text = redirect_html(html_lang="sv", title="Fråga i chatten", href="../../ohjeet/chat/",
                         canonical="https://example.test/sv/ohjeet/chat/", link_text="Välj länken:")
    (tmp_path / "r.html").write_text(text, encoding="utf-8")
    html = parse_html(tmp_path / "r.html")
    assert html.find_all("html")[0].attrs["lang"] == "sv"
    assert html.find_all("meta", **{"http-equiv": "refresh"})[0].attrs["content"] == "0; url=../../ohjeet/chat/"
    assert html.find_all("link", rel="canonical")[0].attrs["href"] == "https://example.test/sv/ohjeet/chat/"
    assert [a.attrs["href"] for a in html.find_all("a")] == ["../../ohjeet/chat/"]


def test_links_showing_their_own_address_are_marked_so_print_does_not_repeat_it():
    html = (
        '<a href="https://oma.example/">https://oma.example/</a> '
        '<a href="https://oma.example/">oma.example</a> '
        '<a href="https://oma.example/">Oma palvelu</a> '
        '<a class="x" href="https://b.example/a?x=1&amp;y=2">https://b.example/a?x=1&amp;y=2</a> '
        '<a href="#kohta">#kohta</a>'
    )
    marked = mark_bare_links(html)
    assert marked.count("gk-bare-link") == 3
    assert '<a href="https://oma.example/">Oma palvelu</a>' in marked
    assert 'class="gk-bare-link x"' in marked
    assert mark_bare_links(marked) == marked


# --- in real builds -----------------------------------------------------------------


def small_site(tmp_path: Path, pages: dict[str, str], record: str | None = None, redirects: str | None = None) -> Path:
    config = make_site(tmp_path / "src", pages)
    write_tree(tmp_path / "src", {}, record=record, redirects=redirects)
    return config


def test_build_fails_on_a_moved_page_without_redirect_and_says_how_to_fix(tmp_path):
    config = small_site(tmp_path, BASE_PAGES, record=RECORD)
    result = run_build(config, tmp_path / "site", NO_LINT)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "[AD001] data/addresses.yml:3" in output and "ohjeet/kirjaudu.md" in output
    assert "data/redirects.yml" in output
    assert "Traceback" not in output


def test_build_with_the_redirect_serves_the_old_address_in_every_language(tmp_path):
    config = small_site(tmp_path, BASE_PAGES, record=RECORD, redirects="ohjeet/kirjaudu.md: ohjeet/sovellus.md\n")
    site = tmp_path / "site"
    result = run_build(config, site, NO_LINT)
    assert result.returncode == 0, result.stdout + result.stderr
    for lang, folder, html_lang in (("fi", "", "fi"), ("sv", "sv/", "sv"), ("selko", "selko/", "fi")):
        redirect = site / folder / "ohjeet" / "kirjaudu" / "index.html"
        html = parse_html(redirect)
        assert html.find_all("html")[0].attrs["lang"] == html_lang
        href = html.find_all("a")[0].attrs["href"]
        assert (redirect.parent / href / "index.html").resolve() == (site / folder / "ohjeet" / "sovellus" / "index.html")
        canonical = html.find_all("link", rel="canonical")[0].attrs["href"]
        assert canonical == f"https://asioi.esimerkkila.example/{folder}ohjeet/sovellus/", lang


def test_build_fails_on_a_duplicate_short_id_and_reports_it_once_per_page(tmp_path):
    # With the checks on, the page rule FM107 reports it at each page's line, as guidekit lint
    # does (guidekit/sitecheck.py leaves AD002 out then); without them, the address step does.
    pages = {**BASE_PAGES, "fi/ohjeet/toinen.md": guide("Toinen ohje", short="sovellus")}
    config = small_site(tmp_path, pages)
    checked = run_build(config, tmp_path / "site", {"GUIDEKIT_CHECKS": "1"})
    output = checked.stdout + checked.stderr
    assert checked.returncode != 0, output
    reported = [line for line in output.splitlines() if "”sovellus”" in line]
    assert [line.split("[", 1)[1].split(":", 2)[:2] for line in reported] == [
        ["FM107] docs/fi/ohjeet/sovellus.md", "7"], ["FM107] docs/fi/ohjeet/toinen.md", "7"]], output
    assert all("WARNING" in line for line in reported)
    unchecked = run_build(config, tmp_path / "site2", {"GUIDEKIT_CHECKS": "0"})
    output = unchecked.stdout + unchecked.stderr
    assert unchecked.returncode != 0, output
    reported = [line for line in output.splitlines() if "”sovellus”" in line]
    assert len(reported) == 1, output
    assert "WARNING" in reported[0] and "[AD002] docs/fi/ohjeet/toinen.md:7:" in reported[0]
    assert "docs/fi/ohjeet/sovellus.md" in reported[0] and "— valitse tälle sivulle toinen lyhyt osoite" in reported[0]


def test_guidekit_lint_reports_a_duplicate_short_id_without_a_build(tmp_path):
    pages = {**BASE_PAGES, "fi/ohjeet/toinen.md": guide("Toinen ohje", short="sovellus")}
    root = small_site(tmp_path, pages).parent
    result = subprocess.run([sys.executable, "-m", "guidekit.cli", "lint", "docs/fi/ohjeet/toinen.md"],
                            cwd=root, capture_output=True, text=True)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "[FM107] docs/fi/ohjeet/toinen.md:7:" in result.stdout
    assert "Traceback" not in result.stderr


def test_build_fails_when_a_short_address_would_overwrite_a_page(tmp_path):
    pages = {**BASE_PAGES, "fi/o/sovellus.md": page("Sivu, joka on jo osoitteessa o/sovellus")}
    result = run_build(small_site(tmp_path, pages), tmp_path / "site", NO_LINT)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "[AD004] data/redirects.yml:1: uudelleenohjaus o/sovellus/ osuu olemassa olevaan sivuun" in output
    # The page itself is kept, not replaced by the redirect.
    assert "http-equiv" not in (tmp_path / "site" / "o" / "sovellus" / "index.html").read_text(encoding="utf-8")
