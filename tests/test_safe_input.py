"""Careless or hostile input (issue 14, input side): every case is one clear finding naming
the file, never a traceback, a hang or a published file that should not be.

Everything runs on temporary trees (checks_tree, make_site): nothing here depends on the
site's own pages. Builds are few and small; `timeout` only guards against a hang.
"""

from __future__ import annotations

import html
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import MKDOCS, checks_tree, make_site, write_page
from guidekit.languages import LANGUAGES
from guidekit import lintcache, yamlsafe
from guidekit.commands.lint import lint_pages

CLI = [sys.executable, "-m", "guidekit.cli"]
FRONT = "---\ntitle: {title}\ndescription: {title}.\n---\n\n"
CLEAN_FI = FRONT.format(title="Etusivu") + "# Etusivu\n\nTällä sivulla opit asioimaan netissä. Aloita tästä.\n"
CLEAN_SELKO = FRONT.format(title="Etusivu") + "# Etusivu\n\nTällä sivulla opit asioimaan netissä.\n"


def alias_bomb(levels: int = 9) -> str:
    """'Billion laughs': each anchor repeats the one before ten times, 10**levels values."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


BOMB_PAGE = "---\ntitle: Pommi\ndescription: Pommi.\n" + alias_bomb() + "---\n\n# Pommi\n\nTeksti on tässä.\n"
LATIN1_PAGE = ("---\ntitle: Päivä\ndescription: Päivä.\n---\n\n# Päivä\n\nÄiti lukee.\n").encode("latin-1")
DEEP_LEVELS = 250  # Python-Markdown dies with a RecursionError at about this depth
DEEP_PAGE = FRONT.format(title="Syvä") + "# Syvä\n\n" + "".join("    " * i + "- kohta\n" for i in range(DEEP_LEVELS))


def build(config: Path, site: Path, checks: bool = True) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` as conftest.run_build, with a timeout: a hang is a failure."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GUIDEKIT_CHECKS": "1" if checks else "0"}
    return subprocess.run([*MKDOCS, "build", "--strict", "-f", str(config), "-d", str(site)], cwd=config.parent,
                          capture_output=True, text=True, env=environment, timeout=300)


def findings_of(run, path: str) -> list:
    return [f for f in run.findings if f.path == path]


def no_traceback(result: subprocess.CompletedProcess) -> str:
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    return output


# --- a. bounded YAML, encodings, page limits ------------------------------------------


def test_an_alias_bomb_stops_before_it_expands():
    with pytest.raises(yamlsafe.YamlLimitError) as error:
        yamlsafe.load(alias_bomb())
    assert error.value.reason == "too_many"
    # A YAML error like any other: every caller's handling names the file and line.
    assert isinstance(error.value, yaml.YAMLError) and error.value.problem_mark.line >= 0


def test_aliases_within_the_limits_still_load():
    assert yamlsafe.load("a: &x [1, 2]\nb: *x\n") == {"a": [1, 2], "b": [1, 2]}


@pytest.mark.parametrize("text", [
    # More structure characters than libyaml is trusted with (it recurses on the C stack and
    # crashes the process at about 100 000): the pure-Python parser's RecursionError is caught.
    "[" * (yamlsafe.FAST_PARSER_MAX_INDICATORS * 4),
    "a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 200)),
])
def test_deep_nesting_is_a_limit_error_not_a_crash(text):
    with pytest.raises(yamlsafe.YamlLimitError) as error:
        yamlsafe.load(text)
    assert error.value.reason == "too_deep"


def test_brackets_inside_quotes_are_text_not_nesting():
    text = "a: '" + "[" * (yamlsafe.FAST_PARSER_MAX_INDICATORS * 2) + "'\n"
    assert yamlsafe.load(text) == {"a": "[" * (yamlsafe.FAST_PARSER_MAX_INDICATORS * 2)}


def test_a_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "data.yml"
    path.write_bytes("\ufeffa: 1\nb: ä\n".encode("utf-8"))
    assert yamlsafe.load_file(path) == {"a": 1, "b": "ä"}


@pytest.fixture
def hostile_tree(tmp_path: Path) -> Path:
    checks_tree(tmp_path)
    write_page(tmp_path, "fi/pommi.md", BOMB_PAGE)
    (tmp_path / "docs" / "fi" / "latin.md").write_bytes(LATIN1_PAGE)
    write_page(tmp_path, "fi/syva.md", DEEP_PAGE)
    # A byte-order mark before the front matter: the fields are read as usual.
    bom = "\ufeff" + FRONT.format(title="Etusivu") + "# Etusivu\n\nTällä sivulla opit asioimaan.\n"
    (tmp_path / "docs" / "fi" / "index.md").write_bytes(bom.encode("utf-8"))
    return tmp_path


def test_lint_reports_each_hostile_page_once_naming_it(hostile_tree):
    run = lint_pages([hostile_tree / "docs"], hostile_tree)
    (bomb,) = findings_of(run, "docs/fi/pommi.md")
    assert bomb.rule == "FM101" and "liikaa arvoja" in bomb.message and "&" in bomb.fix
    (latin,) = findings_of(run, "docs/fi/latin.md")
    assert latin.rule == "GK000" and "UTF-8" in latin.message and latin.line == 2  # the title line, with ä
    (deep,) = findings_of(run, "docs/fi/syva.md")
    levels = max(line.index("-") // 4 for line in DEEP_PAGE.splitlines() if line.lstrip().startswith("- "))
    assert deep.rule == "GK000" and deep.line > 1 and "sisäkkäi" in deep.message and levels > 20
    assert findings_of(run, "docs/fi/index.md") == []  # a BOM: no FM102 "fields missing"


def test_lint_messages_in_english(hostile_tree):
    run = lint_pages([hostile_tree / "docs"], hostile_tree, message_lang="en")
    (bomb,) = findings_of(run, "docs/fi/pommi.md")
    assert "too many values" in bomb.message and "anchors" in bomb.fix
    (latin,) = findings_of(run, "docs/fi/latin.md")
    assert "not UTF-8" in latin.message and "0xE4" in latin.message
    (deep,) = findings_of(run, "docs/fi/syva.md")
    assert "nests too many" in deep.message


def test_lint_command_on_hostile_pages_exits_1_without_a_traceback(hostile_tree):
    result = subprocess.run([*CLI, "lint", "docs/fi"], cwd=hostile_tree, capture_output=True, text=True,
                            timeout=120)
    output = no_traceback(result)
    assert result.returncode == 1, output
    for path, rule in (("docs/fi/pommi.md", "FM101"), ("docs/fi/latin.md", "GK000"), ("docs/fi/syva.md", "GK000")):
        assert f"[{rule}] {path}:" in output, output


def test_strict_build_of_hostile_pages_fails_naming_each_and_never_crashes(tmp_path):
    config = make_site(tmp_path, {"fi/index.md": CLEAN_FI, "selko/index.md": CLEAN_SELKO,
                                  "fi/pommi.md": BOMB_PAGE, "fi/syva.md": DEEP_PAGE})
    (tmp_path / "docs" / "fi" / "latin.md").write_bytes(LATIN1_PAGE)
    result = build(config, tmp_path / "site")
    output = no_traceback(result)
    assert result.returncode != 0 and "in strict mode" in output, output
    assert output.count("[FM101] docs/fi/pommi.md:") == 1, output
    assert output.count("[GK000] docs/fi/latin.md:2:") == 1, output
    assert output.count("[GK000] docs/fi/syva.md:") == 1, output


def test_a_build_without_checks_publishes_a_notice_for_pages_it_cannot_parse(tmp_path):
    config = make_site(tmp_path, {"fi/index.md": CLEAN_FI, "selko/index.md": CLEAN_SELKO,
                                  "fi/pommi.md": BOMB_PAGE, "fi/syva.md": DEEP_PAGE})
    (tmp_path / "docs" / "fi" / "latin.md").write_bytes(LATIN1_PAGE)
    result = build(config, tmp_path / "site", checks=False)
    no_traceback(result)
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    assert "UTF-8" in (site / "latin" / "index.html").read_text(encoding="utf-8")
    assert "sisäkkäi" in (site / "syva" / "index.html").read_text(encoding="utf-8")
    # The bomb's fields are dropped, the page itself is built.
    assert "Teksti on tässä." in (site / "pommi" / "index.html").read_text(encoding="utf-8")


# --- b. data files and the results cache ------------------------------------------------


def without_key(text: str, parent: str, key: str) -> tuple[str, int]:
    """The data file's text without `parent.key` (a top-level mapping's child), and the line of
    `parent:` where the finding points."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.rstrip() == f"{parent}:")
    end = next((i for i in range(start + 1, len(lines)) if lines[i][:1] not in (" ", "\n", "#")), len(lines))
    child = next(i for i in range(start + 1, end) if lines[i].startswith(f"  {key}:"))
    # the child and its own indented lines
    stop = next((i for i in range(child + 1, end) if not lines[i].startswith("    ")), end)
    return "".join(lines[:child] + lines[stop:]), start + 1


@pytest.mark.parametrize("file, parent, key", [
    ("county.yml", "chat", "url"),
    ("county.yml", "customer_service", "phone"),
])
def test_a_missing_data_key_is_a_finding_naming_file_key_and_line(tmp_path, file, parent, key):
    checks_tree(tmp_path)
    path = tmp_path / "data" / file
    text, line = without_key(path.read_text(encoding="utf-8"), parent, key)
    path.write_text(text, encoding="utf-8")
    run = lint_pages([], tmp_path)
    (finding,) = [f for f in run.findings if f.rule == "GK005"]
    assert (finding.path, finding.line) == (f"data/{file}", line)
    assert f"{parent}.{key}" in finding.message and f"{parent}.{key}" in finding.fix


def test_a_missing_ui_text_is_a_finding_naming_language_and_key(tmp_path):
    checks_tree(tmp_path)
    path = tmp_path / "data" / "ui.yml"
    text, line = without_key(path.read_text(encoding="utf-8"), "sv", "reviewed")
    path.write_text(text, encoding="utf-8")
    (finding,) = [f for f in lint_pages([], tmp_path, message_lang="en").findings if f.rule == "GK005"]
    assert (finding.path, finding.line) == ("data/ui.yml", line)
    assert finding.message == "data/ui.yml has no key sv.reviewed"


def test_every_ui_text_the_templates_and_hooks_read_is_a_required_key(root):
    """A text added to a template but not to REQUIRED_UI would be missed by GK005."""
    import re

    from guidekit.datafiles import REQUIRED_UI
    used = set()
    for folder, pattern in (("overrides", r"\bui\.([a-z_]+)"), ("hooks", r"\bui\[\"([a-z_]+)\"\]"),
                            ("guidekit", r"\bui\[\"([a-z_]+)\"\]")):
        for path in (root / folder).rglob("*"):
            if path.suffix in (".html", ".py"):
                used |= set(re.findall(pattern, path.read_text(encoding="utf-8")))
    assert used and used - {"yml"} <= set(REQUIRED_UI), sorted(used - {"yml"} - set(REQUIRED_UI))


@pytest.mark.parametrize("text, words", [
    ("customer_service: [\n", "YAML"),
    ("\ufeffcustomer_service: 1\n" + alias_bomb(), "liikaa arvoja"),
    ("- just\n- a list\n", "avain: arvo"),
])
def test_lint_fails_on_a_broken_county_file_naming_it(tmp_path, text, words):
    checks_tree(tmp_path)
    (tmp_path / "data" / "county.yml").write_text(text, encoding="utf-8")
    result = subprocess.run([*CLI, "lint"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    output = no_traceback(result)
    assert result.returncode == 1, output
    assert "[GK005] data/county.yml:" in output and words in output, output


def test_the_build_stops_on_a_missing_data_key_naming_it(tmp_path):
    config = make_site(tmp_path, {"fi/index.md": CLEAN_FI, "selko/index.md": CLEAN_SELKO})
    path = tmp_path / "data" / "county.yml"
    text, line = without_key(path.read_text(encoding="utf-8"), "chat", "url")
    path.write_text(text, encoding="utf-8")
    result = build(config, tmp_path / "site", checks=False)  # the data is checked even without the checks
    output = no_traceback(result)
    assert result.returncode != 0
    assert f"[GK005] data/county.yml:{line}:" in output and "chat.url" in output, output
    assert "KeyError" not in output


@pytest.fixture
def cached_tree(tmp_path: Path, monkeypatch) -> Path:
    """A page with a finding (PL101, a 30-word sentence) and this test's own signing secret."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    monkeypatch.setenv("GUIDEKIT_CACHE", "1")
    tree = tmp_path / "tree"
    tree.mkdir()
    checks_tree(tree)
    long_sentence = " ".join(["sana"] * 29) + " loppu."
    write_page(tree, "fi/ohje.md", FRONT.format(title="Ohje") + f"# Ohje\n\n{long_sentence}\n")
    return tree


def lint_cached(tree: Path):
    return lint_pages([tree / "docs"], tree)


def test_a_cache_file_too_deep_to_read_is_an_empty_cache(cached_tree):
    path = lintcache.cache_path(cached_tree)
    path.parent.mkdir(parents=True)
    path.write_text("[" * 200_000, encoding="utf-8")
    run = lint_cached(cached_tree)
    assert run.pages_reused == 0 and "PL101" in {f.rule for f in run.findings}
    assert lint_cached(cached_tree).pages_reused == 1  # replaced by a good one


def test_a_forged_cache_entry_does_not_hide_a_finding(cached_tree):
    assert "PL101" in {f.rule for f in lint_cached(cached_tree).findings}
    path = lintcache.cache_path(cached_tree)
    data = json.loads(path.read_text(encoding="utf-8"))
    (entry,) = data["pages"].values()
    entry["findings"] = []  # "no findings", key and signature left as they were
    path.write_text(json.dumps(data), encoding="utf-8")
    run = lint_cached(cached_tree)
    assert run.pages_reused == 0 and "PL101" in {f.rule for f in run.findings}


def test_a_cache_signed_with_another_secret_is_checked_again(cached_tree, tmp_path, monkeypatch):
    lint_cached(cached_tree)
    assert lint_cached(cached_tree).pages_reused == 1
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-machine"))
    run = lint_cached(cached_tree)
    assert run.pages_reused == 0 and "PL101" in {f.rule for f in run.findings}


def test_the_signing_secret_is_readable_only_by_its_owner(cached_tree):
    lint_cached(cached_tree)
    assert lintcache.secret_path().stat().st_mode & 0o077 == 0


# --- c. language folders and lint paths -------------------------------------------------


def test_an_unknown_language_folder_is_reported(tmp_path):
    checks_tree(tmp_path)
    write_page(tmp_path, "fi/index.md", CLEAN_FI)
    write_page(tmp_path, "de/index.md", FRONT.format(title="Start") + "# Start\n\nText.\n")
    (finding,) = [f for f in lint_pages([], tmp_path).findings if f.rule == "GK003"]
    assert finding.path == "docs/de/" and "docs/fi/" in finding.fix


@pytest.mark.parametrize("lang, words, fix", [("fi", "tuntematon kieli 'de'", "siirrä sivu"),
                                              ("en", "unknown language 'de'", "move the page")])
def test_a_page_in_an_unknown_language_folder_is_one_finding_in_the_authors_language(tmp_path, lang, words, fix):
    checks_tree(tmp_path)
    write_page(tmp_path, "fi/index.md", CLEAN_FI)
    write_page(tmp_path, "de/index.md", FRONT.format(title="Start") + "# Start\n\nText.\n")
    run = lint_pages([tmp_path / "docs/de/index.md"], tmp_path, message_lang=lang)
    (finding,) = [f for f in run.findings if f.path == "docs/de/index.md"]
    assert finding.rule == "GK000" and words in finding.message and finding.fix.startswith(fix)
    assert ", ".join(LANGUAGES) in finding.message  # the folders it may go to


@pytest.mark.parametrize("lang, words", [("fi", "ei ole"), ("en", "does not exist")])
def test_lint_of_a_path_that_does_not_exist_exits_2_naming_it(tmp_path, lang, words):
    checks_tree(tmp_path)
    write_page(tmp_path, "fi/ohjeet/chat.md", CLEAN_FI)
    result = subprocess.run([*CLI, "lint", "--messages", lang, "docs/fi/ohjeet/chta.md"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    output = no_traceback(result)
    assert result.returncode == 2, output
    assert "docs/fi/ohjeet/chta.md" in result.stderr and words in result.stderr


# --- d. nothing outside docs/ is published ------------------------------------------------

UNSAFE_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'
SAFE_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
LINKING_PAGE = (FRONT.format(title="Etusivu") + "# Etusivu\n\nTällä sivulla opit asioimaan netissä.\n\n"
                "Katso [kaavio](assets/kaavio.svg) ja [kuvio](assets/kuvio.svg).\n")


def plant_unsafe_files(tree: Path, secret: str) -> None:
    """A link to a file outside docs/, active files, a linked script SVG, and an allowed script."""
    (tree / "outside.txt").write_text(secret, encoding="utf-8")
    assets = tree / "docs" / "fi" / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    (assets / "passwd.txt").symlink_to(tree / "outside.txt")
    (assets / "laskuri.js").write_text("alert(1)", encoding="utf-8")
    (tree / "docs" / "fi" / "sivu.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    (assets / "kaavio.svg").write_text(UNSAFE_SVG, encoding="utf-8")
    (assets / "kuvio.svg").write_text(SAFE_SVG, encoding="utf-8")
    (assets / "sallittu.js").write_text("console.log(1)", encoding="utf-8")
    config = tree / "guidekit.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("rules:\n", "rules:\n  GK004: {default: {allow: [fi/assets/sallittu.js]}}\n", 1),
                      encoding="utf-8")


def test_lint_reports_every_file_that_is_not_published(tmp_path):
    checks_tree(tmp_path)
    write_page(tmp_path, "fi/index.md", LINKING_PAGE)
    plant_unsafe_files(tmp_path, "salainen-rivi")
    found = {(f.rule, f.path) for f in lint_pages([], tmp_path).findings if f.rule in ("GK004", "IMG208")}
    assert found == {
        ("GK004", "docs/fi/assets/passwd.txt"),
        ("GK004", "docs/fi/assets/laskuri.js"),
        ("GK004", "docs/fi/sivu.html"),
        ("IMG208", "docs/fi/assets/kaavio.svg"),
    }


def test_the_build_never_publishes_what_lies_outside_docs_or_is_unchecked(tmp_path):
    config = make_site(tmp_path, {"fi/index.md": LINKING_PAGE, "selko/index.md": CLEAN_SELKO})
    plant_unsafe_files(tmp_path, "salainen-rivi")
    # Checks off: what is published must not depend on the checks. (The strict build still
    # fails: MkDocs warns that the page links to the SVG left out.)
    result = build(config, tmp_path / "site", checks=False)
    output = no_traceback(result)
    assert "'fi/assets/kaavio.svg' is not found" in output
    site = tmp_path / "site"
    assert (site / "index.html").is_file(), output
    published = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert "assets/kuvio.svg" in published and "assets/sallittu.js" in published
    for name in ("passwd.txt", "laskuri.js", "sivu.html", "kaavio.svg"):
        assert not [p for p in published if p.endswith(name)], name
    assert not [p for p in site.rglob("*") if p.is_file() and b"salainen-rivi" in p.read_bytes()]


def test_the_strict_build_fails_on_files_it_leaves_out(tmp_path):
    config = make_site(tmp_path, {"fi/index.md": LINKING_PAGE, "selko/index.md": CLEAN_SELKO})
    plant_unsafe_files(tmp_path, "salainen-rivi")
    write_page(tmp_path, "de/index.md", FRONT.format(title="Start") + "# Start\n\nText.\n")
    output = no_traceback(result := build(config, tmp_path / "site"))
    assert result.returncode != 0
    for line in ("[GK004] docs/fi/assets/passwd.txt:1:", "[GK004] docs/fi/assets/laskuri.js:1:",
                 "[GK004] docs/fi/sivu.html:1:", "[IMG208] docs/fi/assets/kaavio.svg:1:", "[GK003] docs/de/:1:"):
        assert output.count(line) == 1, (line, output)


# --- e. drafts --------------------------------------------------------------------------

MARKER = "Luonnossivunsana"  # a word that is on the draft only


def guide(title: str, short: str, extra: str = "", body: str = "Avaa sovellus. Kirjaudu sisään.") -> str:
    return (f"---\ntitle: {title}\ndescription: {title}.\nservice: app\nreviewed: 2026-11-23\nowner: Digituki\n"
            f"short: {short}\n{extra}---\n\n# {title}\n\n{body}\n")


DRAFT = guide("Luonnosohje", "luonnos", "draft: true\n", f"{MARKER} on tässä. " + " ".join(["sana"] * 29) + " loppu.")
PUBLISHED = guide("Sovellusohje", "sovellus")
DRAFT_SITE = {"fi/index.md": CLEAN_FI, "selko/index.md": CLEAN_SELKO,
              "fi/ohjeet/luonnos.md": DRAFT, "fi/ohjeet/sovellus.md": PUBLISHED}

SERVE_BUILD = """\
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config(config_file=sys.argv[1], site_dir=sys.argv[2])
config.plugins.on_startup(command="serve", dirty=False)
build(config, serve_url="http://127.0.0.1:8000/")  # what `mkdocs serve` builds
"""


def test_a_draft_is_not_published_indexed_listed_or_given_a_short_address(tmp_path):
    config = make_site(tmp_path, DRAFT_SITE)
    result = build(config, tmp_path / "site")  # strict, checks on: a draft's findings do not block it
    output = no_traceback(result)
    assert result.returncode == 0, output
    site = tmp_path / "site"
    assert (site / "ohjeet" / "sovellus" / "index.html").is_file() and (site / "o" / "sovellus").is_dir()
    assert not (site / "ohjeet" / "luonnos").exists() and not (site / "o" / "luonnos").exists()
    leaks = [p for p in site.rglob("*") if p.is_file() and MARKER.encode() in p.read_bytes()]
    assert leaks == []  # no page, search entry, sitemap line or guide list shows it
    assert "luonnos" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    from guidekit.addresses import load_plan
    assert "ohjeet/luonnos.md" not in load_plan(tmp_path).inventory.all_paths()


def test_lint_still_checks_a_draft(tmp_path):
    checks_tree(tmp_path)
    write_page(tmp_path, "fi/ohjeet/luonnos.md", DRAFT)
    rules = {f.rule for f in lint_pages([tmp_path / "docs"], tmp_path).findings if f.path == "docs/fi/ohjeet/luonnos.md"}
    assert "PL101" in rules


def test_serve_shows_a_draft_with_the_draft_banner(tmp_path):
    config = make_site(tmp_path, DRAFT_SITE)
    site = tmp_path / "served"
    result = subprocess.run([sys.executable, "-c", SERVE_BUILD, str(config), str(site)], cwd=tmp_path,
                            capture_output=True, text=True, timeout=300,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "GUIDEKIT_CHECKS": "0"})
    assert result.returncode == 0, result.stdout + result.stderr
    banner = yaml.safe_load((tmp_path / "data" / "ui.yml").read_text(encoding="utf-8"))["fi"]["draft_banner"]
    draft = (site / "ohjeet" / "luonnos" / "index.html").read_text(encoding="utf-8")
    assert MARKER in draft and html.escape(banner, quote=False) in draft
    assert html.escape(banner, quote=False) not in (site / "ohjeet" / "sovellus" / "index.html").read_text(encoding="utf-8")


# --- f. the address record is never rewritten with losses -----------------------------

RECORD_PAGES = {"fi/index.md": CLEAN_FI, "fi/ohjeet/sovellus.md": PUBLISHED,
                "fi/ohjeet/chat.md": guide("Chat", "chat")}


def addresses(tree: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, "addresses", "--root", str(tree), *args], capture_output=True, text=True, timeout=120)


@pytest.fixture
def recorded_tree(tmp_path: Path) -> Path:
    checks_tree(tmp_path)
    for rel, text in RECORD_PAGES.items():
        write_page(tmp_path, rel, text)
    (tmp_path / "data" / "addresses.yml").unlink(missing_ok=True)
    (tmp_path / "data" / "redirects.yml").unlink(missing_ok=True)
    assert addresses(tmp_path, "--update").returncode == 0
    return tmp_path


@pytest.mark.parametrize("file", ["addresses.yml", "redirects.yml"])
def test_update_refuses_while_the_record_or_redirects_cannot_be_read(recorded_tree, file):
    record = recorded_tree / "data" / "addresses.yml"
    target = recorded_tree / "data" / file
    if not target.exists():
        target.write_text("ohjeet/vanha.md: ohjeet/sovellus.md\n", encoding="utf-8")
    with target.open("a", encoding="utf-8") as out:
        out.write("ohjeet/kesken.md: [ohjeet/sovellus.md\n")  # a careless edit: an open bracket
    before = record.read_bytes()
    # A new page would otherwise be recorded: the record really would be rewritten.
    write_page(recorded_tree, "fi/ohjeet/uusi.md", guide("Uusi", "uusi"))
    result = addresses(recorded_tree, "--update")
    output = no_traceback(result)
    assert result.returncode == 2, output
    assert record.read_bytes() == before
    assert f"[AD006] data/{file}:" in result.stderr and f"data/{file}" in result.stderr.splitlines()[-1]
    english = addresses(recorded_tree, "--update", "--messages", "en")
    assert english.returncode == 2 and record.read_bytes() == before
    assert f"data/{file} cannot be read, so the record was not updated" in english.stderr


def test_the_record_survives_a_broken_edit_and_update_and_keeps_every_address(recorded_tree):
    record = recorded_tree / "data" / "addresses.yml"
    kept = record.read_text(encoding="utf-8")
    recorded = {line.strip() for line in kept.splitlines() if ".md" in line}
    record.write_text(kept.replace("pages:\n", "pages:\n- [ohjeet/kesken.md\n", 1), encoding="utf-8")  # a broken edit
    broken = record.read_bytes()
    (recorded_tree / "docs" / "fi" / "ohjeet" / "chat.md").unlink()  # and a page is gone today
    assert addresses(recorded_tree, "--update").returncode == 2
    assert record.read_bytes() == broken  # untouched: the author's edit is there to fix
    record.write_text(kept, encoding="utf-8")  # fixed
    addresses(recorded_tree, "--update")
    again = {line.strip() for line in record.read_text(encoding="utf-8").splitlines() if ".md" in line}
    assert recorded <= again  # no address dropped, though chat.md is gone


def test_an_atomic_write_that_fails_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    from guidekit import atomicfile
    path = tmp_path / "addresses.yml"
    path.write_text("vanha\n", encoding="utf-8")
    path.chmod(0o640)

    def fail(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomicfile.os, "replace", fail)
    with pytest.raises(OSError):
        atomicfile.write_text(path, "uusi\n")
    assert path.read_text(encoding="utf-8") == "vanha\n"
    assert [p.name for p in tmp_path.iterdir()] == ["addresses.yml"]
    monkeypatch.undo()
    atomicfile.write_text(path, "uusi\n")
    assert path.read_text(encoding="utf-8") == "uusi\n" and path.stat().st_mode & 0o777 == 0o640
