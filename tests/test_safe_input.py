"""Careless or hostile input (issue 14, input side): every case is one clear finding naming
the file, never a traceback, a hang or a published file that should not be.

Everything runs on temporary trees (checks_tree, make_site): nothing here depends on the
site's own pages. Builds are few and small; `timeout` only guards against a hang.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import MKDOCS, checks_tree, make_site, write_page
from guidekit import yamlsafe
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
    "[" * 100_000,  # libyaml recurses on the C stack: this would crash the process
    "a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 200)),
])
def test_deep_nesting_is_a_limit_error_not_a_crash(text):
    with pytest.raises(yamlsafe.YamlLimitError) as error:
        yamlsafe.load(text)
    assert error.value.reason == "too_deep"


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
