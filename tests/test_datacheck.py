"""Values of data/county.yml and data/ui.yml reach every page: markup (DA101) and unsafe
addresses (DA102) are errors at their own line, in lint and in the strict build (issue 14)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import checks_tree, make_site, run_build
from guidekit.datacheck import value_findings

COUNTY = """\
customer_service:
  phone: 010 555 0100
  hours: "Huom: ma–pe klo 8–16"
chat:
  url: https://chat.example/
feedback:
  email: mailto:palaute@example.fi
  phone_url: tel:+358105550100
"""


def rules(text):
    return [(f.rule, f.line) for f in value_findings(text, "data/county.yml")]


def test_plain_values_and_safe_addresses_pass():
    assert rules(COUNTY) == []


@pytest.mark.parametrize("old, new, expected", [
    ("010 555 0100", "010 555 0100<script>alert(1)</script>", ("DA101", 2)),
    ("https://chat.example/", "javascript:alert(1)", ("DA102", 5)),
    ("https://chat.example/", "http://chat.example/", ("DA102", 5)),
    ("mailto:palaute@example.fi", "data:text/html,<b>x</b>", ("DA102", 7)),
])
def test_markup_and_unsafe_addresses_are_errors_at_their_line(old, new, expected):
    assert expected in rules(COUNTY.replace(old, new))


def test_message_names_the_key_and_the_fix():
    (finding,) = value_findings(COUNTY.replace("https://chat.example/", "javascript:alert(1)"), "data/county.yml")
    assert "chat.url" in finding.message and "https:" in finding.fix and finding.severity == "error"


def test_broken_yaml_is_left_to_the_loader():
    assert value_findings("a: [", "data/county.yml") == []


def hostile(root):
    path = root / "data" / "county.yml"
    text = path.read_text(encoding="utf-8")
    url = next(line for line in text.splitlines() if line.strip().startswith("url: https://"))
    path.write_text(text.replace(url, url.split("url:")[0] + "url: javascript:alert(1)", 1), encoding="utf-8")


def test_lint_fails_on_an_unsafe_address_in_data(tmp_path):
    tree = checks_tree(tmp_path)
    hostile(tree)
    (tree / "docs" / "fi").mkdir()
    (tree / "docs" / "fi" / "index.md").write_text("---\ntitle: Etusivu\ndescription: Ohjeet.\n---\n\n# Etusivu\n\nTervetuloa.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "guidekit.cli", "lint", "--no-cache"], cwd=tree,
                            capture_output=True, text=True)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "[DA102]" in result.stdout and "data/county.yml:" in result.stdout
    assert "Traceback" not in result.stderr


def test_strict_build_fails_on_an_unsafe_address_in_data(tmp_path):
    config = make_site(tmp_path, {
        "fi/index.md": "---\ntitle: Etusivu\ndescription: Ohjeet.\n---\n\n# Etusivu\n\nTervetuloa.\n",
    })
    hostile(config.parent)
    result = run_build(config, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "DA102" in output and "Traceback" not in output
