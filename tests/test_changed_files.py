"""`guidekit new`, `status --mark-synced` and `addresses --update` list exactly the files
they changed (the author commits those, AUTHORING.md "Julkaisu") and say what to do next."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from conftest import copy_site_tree
from guidekit.changes import report

HEADING = {"fi": "Muutetut tiedostot", "en": "Changed files"}
NONE = {"fi": "Tiedostoja ei muutettu.", "en": "No files changed."}
NEXT = {"fi": "Seuraavaksi:", "en": "Next:"}


def guidekit(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "guidekit.cli", *args], cwd=cwd, capture_output=True, text=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_site_tree(tmp_path)


def snapshot(tree: Path) -> dict[str, str]:
    return {
        path.relative_to(tree).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in tree.rglob("*")
        if path.is_file()
    }


def changed_between(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


def listed_files(output: str, lang: str = "fi") -> set[str] | None:
    """The files under the "changed files" heading; an empty set when it says none changed."""
    lines = output.splitlines()
    if NONE[lang] in lines:
        return set()
    start = next(i for i, line in enumerate(lines) if line.startswith(HEADING[lang]))
    count = int(re.search(r"\((\d+)\)", lines[start]).group(1))
    files = [re.sub(r" \(\w+\)$", "", line.strip()) for line in lines[start + 1 : start + 1 + count]]
    assert all(line.startswith("  ") for line in lines[start + 1 : start + 1 + count])
    return set(files)


def next_steps(output: str, lang: str = "fi") -> list[str]:
    lines = output.splitlines()
    start = lines.index(NEXT[lang])
    return [line.strip() for line in lines[start + 1 :] if re.match(r"\s+\d+\. ", line)]


def slug() -> str:
    return f"muutostesti-{uuid.uuid4().hex[:8]}"


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_new_lists_the_page_and_the_nav_it_changed(repo, lang):
    name = slug()
    before = snapshot(repo)
    result = guidekit(repo, "new", name, "--title", "Muutostesti", "--messages", lang)
    assert result.returncode == 0, result.stderr
    changed = changed_between(before, snapshot(repo))
    assert changed == {f"docs/fi/ohjeet/{name}.md", "mkdocs.yml"}
    assert listed_files(result.stdout, lang) == changed
    assert f"docs/fi/ohjeet/{name}.md ({'uusi' if lang == 'fi' else 'new'})" in result.stdout
    last = next_steps(result.stdout, lang)[-1]
    assert f"git add docs/fi/ohjeet/{name}.md mkdocs.yml" in last and "AUTHORING.md" in last


def test_new_without_a_nav_section_lists_only_the_page(repo):
    config = repo / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - Ohjeet:", "  - Muut:"), encoding="utf-8")
    name = slug()
    before = snapshot(repo)
    result = guidekit(repo, "new", name, "--title", "Muutostesti")
    assert result.returncode == 0, result.stderr
    assert listed_files(result.stdout) == changed_between(before, snapshot(repo)) == {f"docs/fi/ohjeet/{name}.md"}
    assert "Navigaatiota ei muutettu" in result.stdout


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_mark_synced_lists_only_the_translations_it_wrote(repo, lang):
    name = slug()
    assert guidekit(repo, "new", name, "--title", "Muutostesti").returncode == 0
    source = (repo / f"docs/fi/ohjeet/{name}.md").read_text(encoding="utf-8")
    for code in ("sv", "selko"):
        (repo / f"docs/{code}/ohjeet/{name}.md").write_text(source, encoding="utf-8")
    assert guidekit(repo, "status", "--mark-synced", f"docs/selko/ohjeet/{name}.md").returncode == 0
    before = snapshot(repo)
    # sv is written; selko is already up to date; en does not exist (an error, nothing written).
    result = guidekit(repo, "status", "--messages", lang, "--mark-synced",
                      f"docs/sv/ohjeet/{name}.md", f"docs/selko/ohjeet/{name}.md", f"docs/en/ohjeet/{name}.md")
    assert result.returncode == 1
    changed = changed_between(before, snapshot(repo))
    assert f"docs/sv/ohjeet/{name}.md" in changed
    assert listed_files(result.stdout, lang) == changed
    steps = next_steps(result.stdout, lang)
    assert any("git add " in step and f"docs/sv/ohjeet/{name}.md" in step for step in steps)
    assert steps[-1].endswith("guidekit status")


def test_mark_synced_of_a_whole_language_lists_what_it_wrote_then_nothing(repo):
    before = snapshot(repo)
    first = guidekit(repo, "status", "--mark-synced", "sv")
    assert first.returncode == 0, first.stderr
    assert listed_files(first.stdout) == changed_between(before, snapshot(repo))
    before = snapshot(repo)
    again = guidekit(repo, "status", "--mark-synced", "sv")
    assert again.returncode == 0 and changed_between(before, snapshot(repo)) == set()
    assert listed_files(again.stdout) == set() and "git add" not in again.stdout


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_addresses_update_lists_the_record_then_nothing(repo, lang):
    name = slug()
    assert guidekit(repo, "new", name, "--title", "Muutostesti").returncode == 0
    before = snapshot(repo)
    result = guidekit(repo, "addresses", "--update", "--messages", lang)
    assert result.returncode == 0, result.stdout + result.stderr
    changed = changed_between(before, snapshot(repo))
    assert changed == {"data/addresses.yml"}
    assert listed_files(result.stdout, lang) == changed
    assert f"+ ohjeet/{name}.md" in result.stdout
    assert any("git add data/addresses.yml" in step for step in next_steps(result.stdout, lang))

    before = snapshot(repo)
    again = guidekit(repo, "addresses", "--update", "--messages", lang)
    assert again.returncode == 0 and changed_between(before, snapshot(repo)) == set()
    assert listed_files(again.stdout, lang) == set()


def test_report_marks_new_files_and_numbers_the_steps():
    text = report(["docs/fi/a.md", "mkdocs.yml"], ["Yksi.", "Kaksi."], "fi", created={"docs/fi/a.md"})
    assert text.splitlines() == [
        "Muutetut tiedostot (2):",
        "  docs/fi/a.md (uusi)",
        "  mkdocs.yml",
        "",
        "Seuraavaksi:",
        "  1. Yksi.",
        "  2. Kaksi.",
    ]
