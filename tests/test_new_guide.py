"""`guidekit new`: a Finnish guide from the house template that passes the checks,
added to the navigation, and that builds under `mkdocs build --strict`."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from conftest import copy_site_tree, run_build
from guidekit.commands.new import NavError, add_to_nav
from guidekit.facts import format_date, load_facts
from guidekit.frontmatter import read_front_matter
from guidekit.lint import lint_file, make_context

TODAY = dt.date.today()


def guidekit(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "guidekit.cli", *args], cwd=cwd, capture_output=True, text=True)


def unused_slug(base: str) -> str:
    """A slug no real guide can have (a random suffix), so the tests pass whatever guides
    the authors have made, the AUTHORING.md example included."""
    return f"{base}-testi-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def slug() -> str:
    return unused_slug("laakemuistutus")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of the site: configuration, templates, hooks, data and every page."""
    return copy_site_tree(tmp_path)


def test_new_guide_has_every_field_and_the_house_sections(repo, slug):
    result = guidekit(repo, "new", slug, "--title", "Uusi resepti: näin pyydät sitä")
    assert result.returncode == 0, result.stderr
    text = (repo / f"docs/fi/ohjeet/{slug}.md").read_text(encoding="utf-8")
    front = read_front_matter(text)
    assert front.error is None
    assert front.data["title"] == "Uusi resepti: näin pyydät sitä"  # the colon is quoted safely
    assert front.data["reviewed"] is None  # only the author can say when the steps were checked
    assert front.data["needs"] == []
    assert front.data["short"] == slug
    assert front.data["service"] == "app" and front.data["owner"] and front.data["description"]
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == ["# Uusi resepti: näin pyydät sitä", "## Mitä tarvitset", "## Näin toimit", "## Jos tämä ei onnistu"]
    assert "1. Kirjoita tähän ensimmäinen vaihe." in text
    assert "Saat apua" in text.split("-->")[0]  # the comment says the help box comes by itself


def fill_reviewed(page: Path, day: dt.date) -> None:
    """What the author does after checking the steps against the real service."""
    text = page.read_text(encoding="utf-8")
    assert "\nreviewed:\n" in text
    page.write_text(text.replace("\nreviewed:\n", f"\nreviewed: {day.isoformat()}\n", 1), encoding="utf-8")


def test_new_guide_is_a_finding_until_reviewed_and_then_passes_every_check(repo, slug):
    assert guidekit(repo, "new", slug, "--title", "Ota lääkemuistutus käyttöön").returncode == 0
    page = repo / f"docs/fi/ohjeet/{slug}.md"
    findings = lint_file(page, make_context(repo))
    assert [(f.rule, f.severity) for f in findings] == [("FM102", "error")]
    assert "reviewed" in findings[0].message
    fill_reviewed(page, TODAY)
    findings = lint_file(page, make_context(repo))
    assert findings == [], "\n".join(f.format() for f in findings)


def test_new_guide_is_added_to_the_nav_and_nothing_else_changes(repo, slug):
    before = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    assert guidekit(repo, "new", slug, "--title", "Ota lääkemuistutus käyttöön").returncode == 0
    after = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert added == [f"      - ohjeet/{slug}.md"]
    assert after.replace(f"      - ohjeet/{slug}.md\n", "", 1) == before
    assert "!ENV [GUIDEKIT_ONLY_LANGUAGE, null]" in after
    lines = after.splitlines()
    section = lines.index("  - Ohjeet:")
    assert lines.index(f"      - ohjeet/{slug}.md") > section
    # Everything between the section and the new entry belongs to the section (a guide
    # or a sub-section such as Valtuudet, indented deeper): the entry ends the section.
    assert all(line.startswith("      ") for line in lines[section + 1 : lines.index(f"      - ohjeet/{slug}.md")])


def test_new_guide_builds_strict_and_appears_in_every_language_and_on_the_front_page(repo, slug):
    need = next(iter(load_facts(repo / "data" / "county.yml")["needs"]))
    assert guidekit(repo, "new", slug, "--title", "Ota lääkemuistutus käyttöön", "--needs", need).returncode == 0
    fill_reviewed(repo / f"docs/fi/ohjeet/{slug}.md", TODAY)
    site = repo / "site"
    result = run_build(repo / "mkdocs.yml", site)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (site / f"ohjeet/{slug}/index.html").read_text(encoding="utf-8")
    assert "Ota lääkemuistutus käyttöön" in html
    assert f'<time datetime="{TODAY.isoformat()}">{format_date(TODAY, "fi")}</time>' in html
    assert 'class="gk-help"' in html  # the help box comes from the page template
    front = (site / "index.html").read_text(encoding="utf-8")
    assert f'href="ohjeet/{slug}/"' in front  # in the navigation
    # and in the front page's own list, under its need, without editing the front page
    heading = load_facts(repo / "data" / "county.yml")["needs"][need]["fi"]
    article = front[front.index("<article"):front.index("</article>")]
    section = article[article.index(f">{heading}</h2>"):]
    section = section[: section.index("<h2") if "<h2" in section else len(section)]
    assert f'href="ohjeet/{slug}/"' in section
    for lang in ("sv", "en", "selko"):  # not translated yet: the Finnish guide with a notice
        fallback = (site / lang / f"ohjeet/{slug}/index.html").read_text(encoding="utf-8")
        assert 'class="gk-fallback-notice"' in fallback


def test_prints_what_is_left_to_do(repo, slug):
    result = guidekit(repo, "new", slug, "--title", "Ota lääkemuistutus käyttöön")
    out = result.stdout
    assert f"  docs/fi/ohjeet/{slug}.md (uusi)" in out
    for todo in (f"docs/sv/ohjeet/{slug}.md", f"docs/en/ohjeet/{slug}.md",
                 f"docs/selko/ohjeet/{slug}.md", "assets/images", "reviewed", "./dev serve fi",
                 "--mark-synced"):
        assert todo in out, todo


@pytest.mark.parametrize(
    ("slug", "words"),
    [
        ("chat", "on jo olemassa"),
        ("Resepti", "ei kelpaa"),
        ("lääke", "ei kelpaa"),
        ("uusi resepti", "ei kelpaa"),
        ("resepti-", "ei kelpaa"),
    ],
)
def test_refuses_existing_or_invalid_slug_and_touches_nothing(repo, slug, words):
    config_before = (repo / "mkdocs.yml").read_bytes()
    pages_before = sorted((repo / "docs").rglob("*.md"))
    result = guidekit(repo, "new", slug, "--title", "Otsikko")
    assert result.returncode == 1
    assert words in result.stderr and "Traceback" not in result.stderr
    assert (repo / "mkdocs.yml").read_bytes() == config_before
    assert sorted((repo / "docs").rglob("*.md")) == pages_before


def test_refuses_a_short_id_another_page_already_uses(repo):
    page = repo / "docs/fi/ohjeet/chat.md"
    page.rename(repo / "docs/fi/ohjeet/chat-ohje.md")  # its short stays "chat"
    result = guidekit(repo, "new", "chat", "--title", "Otsikko")
    assert result.returncode == 1 and "lyhytosoite ”chat” on jo" in result.stderr


def test_refuses_an_unknown_need_and_touches_nothing(repo, slug):
    result = guidekit(repo, "new", slug, "--title", "Otsikko", "--needs", "lentäminen")
    assert result.returncode == 1 and "”lentäminen”" in result.stderr and "Traceback" not in result.stderr
    assert not (repo / f"docs/fi/ohjeet/{slug}.md").exists()


def test_refuses_an_unknown_service(repo):
    result = guidekit(repo, "new", "resepti", "--title", "Otsikko", "--service", "resepti")
    assert result.returncode == 1 and "app, chat, valtuudet, messages, booking" in result.stderr
    assert not (repo / "docs/fi/ohjeet/resepti.md").exists()


# --- the nav edit on its own ------------------------------------------------------------------


NAV = """site_name: X
nav:
  - index.md
  - Ohjeet:
    # comment inside the section
    - ohjeet/a.md
    - Alaosio:
        - ohjeet/b.md
  - muu.md
plugins:
  - search
"""


def test_add_to_nav_appends_to_the_section_at_its_own_indent():
    result = add_to_nav(NAV, "ohjeet/c.md")
    assert result == NAV.replace("        - ohjeet/b.md\n", "        - ohjeet/b.md\n    - ohjeet/c.md\n")


def test_add_to_nav_keeps_crlf():
    result = add_to_nav(NAV.replace("\n", "\r\n"), "ohjeet/c.md")
    assert "        - ohjeet/b.md\r\n    - ohjeet/c.md\r\n  - muu.md\r\n" in result


@pytest.mark.parametrize(
    ("config", "words"),
    [
        ("site_name: X\n", "ei ole navigaatiota"),
        ("nav:\n  - index.md\n", "ei ole kohtaa"),
        (NAV.replace("ohjeet/a.md", "ohjeet/c.md"), "on jo navigaatiossa"),
    ],
)
def test_add_to_nav_explains_when_it_cannot(config, words):
    with pytest.raises(NavError, match=words):
        add_to_nav(config, "ohjeet/c.md")
