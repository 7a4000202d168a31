"""A fifth language with no code change (README, "Uusi kieli"): a locale block in mkdocs.yml,
a folder under docs/, its strings in data/ui.yml. Built and linted in a temporary copy;
the languages registry (guidekit/languages.py) is read from the copy's mkdocs.yml."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from conftest import make_site, run_build

ESTONIAN_PAGE = (
    "---\ntitle: Avaleht\ndescription: Juhised heaolupiirkonna digiteenuste kasutamiseks.\n---\n\n"
    "# Avaleht\n\nSiit leiad juhised. " + "Ava rakendus ja logi sisse. Vali teenus ja loe juhist. " * 7 + "\n"
)
ESTONIAN_LOCALE = (
    "        - locale: et\n"
    "          name: Eesti\n"
    "          build: true\n"
    "          site_name: Digiteenused\n"
    "          guidekit: {readability: flesch, babel: et_EE, date_format: d.M.y, dir: ltr}\n"
)


def with_estonian(tmp_path: Path, locale: str = ESTONIAN_LOCALE) -> Path:
    """A small site in tmp_path with Estonian added the way the README says."""
    config = make_site(tmp_path, {"fi/index.md": "---\ntitle: Etusivu\ndescription: Ohjeet.\n---\n\n# Etusivu\n\nAvaa sovellus.\n",
                                  "et/index.md": ESTONIAN_PAGE})
    text = config.read_text(encoding="utf-8")
    # 1. the locale block, after the last language's block
    text = re.sub(r"(?m)^(\s+- locale: selko\n(?:\s{10}.*\n)+)", lambda m: m.group(1) + locale, text, count=1)
    assert "- locale: et" in text
    config.write_text(text, encoding="utf-8")
    # 2. its strings in data/ui.yml: here the English ones, as a translator would start
    ui = (tmp_path / "data" / "ui.yml").read_text(encoding="utf-8")
    english = re.search(r"(?ms)^en:\n(.*?)(?=^\S)", ui).group(1)
    (tmp_path / "data" / "ui.yml").write_text(ui + "et:\n" + english, encoding="utf-8")
    return config


def lint_json(root: Path) -> tuple[int, list, str]:
    result = subprocess.run([sys.executable, "-m", "guidekit.cli", "lint", "--no-cache", "--format", "json"],
                            cwd=root, capture_output=True, text=True)
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, json.loads(result.stdout), result.stderr


def test_a_fifth_language_builds_and_lints_without_code_changes(tmp_path):
    config = with_estonian(tmp_path)
    code, findings, summary = lint_json(tmp_path)
    estonian = [f for f in findings if f["path"].startswith("docs/et/")]
    assert not [f for f in estonian if f["severity"] == "error"], estonian
    assert re.search(r"(?m)^\s*et\s+1\s+\d+\s+Flesch", summary), summary  # scored with the formula it names
    result = run_build(config, tmp_path / "site")
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    page = (tmp_path / "site" / "et" / "index.html").read_text(encoding="utf-8")
    assert 'lang="et"' in page and "Siit leiad juhised." in page
    assert '<body dir="ltr"' in page


def test_a_right_to_left_language_gets_dir_rtl(tmp_path):
    # The direction comes from the registry (guidekit: dir: rtl), whatever the theme knows.
    config = with_estonian(tmp_path, ESTONIAN_LOCALE.replace("dir: ltr", "dir: rtl"))
    result = run_build(config, tmp_path / "site", {"GUIDEKIT_CHECKS": "0"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert '<body dir="rtl"' in (tmp_path / "site" / "et" / "index.html").read_text(encoding="utf-8")
    assert '<body dir="ltr"' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_a_language_without_a_readability_formula_is_a_finding_not_english_flesch(tmp_path):
    with_estonian(tmp_path, ESTONIAN_LOCALE.replace("readability: flesch, ", ""))
    _code, findings, summary = lint_json(tmp_path)
    [setup] = [f for f in findings if f["rule"] == "LA001"]
    assert setup["path"] == "mkdocs.yml" and "ei ole valittu luettavuuskaavaa" in setup["message"]
    assert "Flesch" not in [line for line in summary.splitlines() if line.strip().startswith("et")][0]


def test_a_fifth_languages_placeholder_words_are_data_and_count_on_every_page(tmp_path):
    # IMG102's words for the new language go into its own block in guidekit.yml (validated
    # against the registry like any setting); pages of every language are checked against them.
    with_estonian(tmp_path)
    settings = tmp_path / "guidekit.yml"
    text, count = re.subn(r"(?m)^  IMG102:.*\n", lambda m: m.group(0) + "    et:\n      placeholders: [pilt, ekraanipilt]\n",
                          settings.read_text(encoding="utf-8"))
    assert count == 1
    settings.write_text(text, encoding="utf-8")
    for lang, alt in (("fi", "Ekraanipilt"), ("et", "kuva")):
        page = tmp_path / "docs" / lang / "index.md"
        page.write_text(page.read_text(encoding="utf-8") + f"\n![{alt}](assets/images/x.png)\n", encoding="utf-8")
    _code, findings, _summary = lint_json(tmp_path)
    placeholders = {(f["path"], f["message"].split("”")[1]) for f in findings if f["rule"] == "IMG102"}
    assert placeholders == {("docs/fi/index.md", "Ekraanipilt"), ("docs/et/index.md", "kuva")}
