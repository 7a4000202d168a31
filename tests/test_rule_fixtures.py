"""Every rule's examples as marked fixtures, the way markdownlint runs `{MD045}` markers.

A fixture is a page in tests/fixtures/rules/<lang>/. A marker `{PL101}` on a line says
"PL101 must report on this line"; it sits in a comment, so that it does not change what the
rule reads: `<!-- {IMG102} -->` in Markdown, `# {FM105}` in the front matter. All fixtures
are written into one small site (the real guidekit.yml, data/ and images) as
docs/<lang>/<path>, so a translation fixture has the Finnish fixture of the same
path as its source, and each is linted there: the (rule, line) pairs found must equal the
pairs marked, no more and no fewer (a clean line stays clean).

Rules whose findings are not on a page's line (the site checks: addresses, data files,
folders, image files' own problems) are listed in NEEDS_SITE_FIXTURE with where they are
tested instead; every other rule must have a marker in some fixture.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from guidekit.bench import ADDRESS_HISTORY  # the real site's address record belongs to its pages
from guidekit.languages import LANGUAGES
from guidekit.lint import lint_file, make_context
from guidekit.rules import all_rules, rule_id

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
MARKER = re.compile(r"\{([A-Z]{2,3}\d{3})\}")
FIXTURE_FILES = sorted(FIXTURES.glob("*/**/*.md"))

# Rule → why it has no marked page fixture, and where it is tested.
NEEDS_SITE_FIXTURE = {
    **{f"AD00{n}": "addresses: data/addresses.yml, data/redirects.yml and every page (test_addresses, test_site_rules)"
       for n in range(1, 8)},
    "DA101": "a data file's value (test_datacheck)",
    "DA102": "a data file's value (test_datacheck)",
    **{f"SE00{n}": "data/search.yml (test_search_data)" for n in range(1, 5)},
    "LA001": "mkdocs.yml's locale blocks (test_new_language)",
    "GK000": "a page that cannot be read at all: not UTF-8, too large, too deep (test_safe_input)",
    "GK003": "a folder under docs/ that is no language (test_safe_input)",
    "GK004": "a file under docs/ that is not published (test_safe_input)",
    "GK005": "a data file that cannot be read (test_safe_input)",
    "FM107": "the same short id on two pages (test_site_rules)",
    "FM201": "a review date passed on the build's day (test_frontmatter, with GUIDEKIT_TODAY)",
    "TR101": "a translation older than its Finnish source in the status record (test_status)",
    "IMG106": "a translation's alt text copied from its Finnish source (test_image_rules)",
    **{rid: "the image file's own bytes: size, frames, metadata, SVG content (test_image_files)"
       for rid in ("IMG203", "IMG204", "IMG205", "IMG206", "IMG207", "IMG208", "IMG209")},
    **{rid: "a video file and its captions and poster (test_video)"
       for rid in ("VID103", "VID104", "VID105", "VID106", "VID107", "VID108")},
    "PL104": "the readability of a whole page, on line 1 (tests/fixtures/plain, test_plain_language)",
}


def marked(text: str) -> set[tuple[str, int]]:
    return {(rid, number) for number, line in enumerate(text.split("\n"), start=1) for rid in MARKER.findall(line)}


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("rule-fixtures")
    shutil.copy(ROOT / "guidekit.yml", root / "guidekit.yml")
    shutil.copytree(ROOT / "data", root / "data", ignore=shutil.ignore_patterns(*ADDRESS_HISTORY))
    shutil.copytree(ROOT / "docs" / "fi" / "assets", root / "docs" / "fi" / "assets")
    for fixture in FIXTURE_FILES:
        page = site_page(root, fixture)
        page.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(fixture, page)
    return root


def site_page(root: Path, fixture: Path) -> Path:
    """tests/fixtures/rules/<lang>/<path> is docs/<lang>/<path> of the fixture site."""
    return root / "docs" / fixture.relative_to(FIXTURES)


def language_of_fixture(fixture: Path) -> str:
    return fixture.relative_to(FIXTURES).parts[0]


@pytest.fixture(scope="module")
def fixture_ctx(fixture_site):
    return make_context(fixture_site)


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.relative_to(FIXTURES).as_posix())
def test_a_fixture_gets_exactly_the_findings_its_markers_name(fixture, fixture_site, fixture_ctx):
    expected = marked(fixture.read_text(encoding="utf-8"))
    assert expected, f"{fixture} marks nothing: add a {{RULE}} marker"
    findings = lint_file(site_page(fixture_site, fixture), fixture_ctx)
    found = {(f.rule, f.line) for f in findings}
    details = "\n".join(f.format() for f in sorted(findings) if (f.rule, f.line) not in expected)
    assert found == expected, f"missing: {sorted(expected - found)}\nunmarked:\n{details}"


def test_every_rule_has_a_marked_fixture_or_a_reason_why_not():
    fixtures_of: dict[str, set[str]] = {}
    for fixture in FIXTURE_FILES:
        for rid, _line in marked(fixture.read_text(encoding="utf-8")):
            fixtures_of.setdefault(rid, set()).add(language_of_fixture(fixture))
    ids = {rule_id(rule) for rule in all_rules()}
    assert not set(NEEDS_SITE_FIXTURE) - ids, "NEEDS_SITE_FIXTURE names rules that do not exist"
    assert not set(fixtures_of) - ids, f"fixtures mark unknown rules: {set(fixtures_of) - ids}"
    assert not set(fixtures_of) & set(NEEDS_SITE_FIXTURE), "a rule with a fixture needs no whole-site excuse"
    missing = sorted(ids - set(fixtures_of) - set(NEEDS_SITE_FIXTURE))
    assert not missing, f"rules with neither a marked fixture nor a reason in NEEDS_SITE_FIXTURE: {missing}"
    assert set(fixtures_of.get("IMG102", ())) >= set(LANGUAGES)  # the placeholder lists, every language
