"""The suite's content checks pass for an adopted site: `example_data: false` and a guide
an author has just made (the AUTHORING.md example), not only for today's example content."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import SITE_PARTS, copy_site_tree

# Cheap modules that read the real tree's content (facts and their data file).
CONTENT_TESTS = ("tests/test_facts.py",)


def test_content_checks_pass_with_example_data_false_and_a_new_guide(tmp_path):
    copy_site_tree(tmp_path, SITE_PARTS + ("authoring",))
    county = tmp_path / "data" / "county.yml"
    text, count = re.subn(r"(?m)^example_data: true\b", "example_data: false", county.read_text(encoding="utf-8"))
    assert count == 1 or "example_data: false" in text
    county.write_text(text, encoding="utf-8")
    created = subprocess.run(
        [sys.executable, "-m", "guidekit.cli", "new", "reseptin-uusiminen", "--title", "Uusi resepti"],
        cwd=tmp_path, capture_output=True, text=True,
    )
    assert created.returncode == 0 or "on jo olemassa" in created.stderr, created.stderr
    here = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *CONTENT_TESTS],
        cwd=here, capture_output=True, text=True,
        env={**os.environ, "GUIDEKIT_TEST_ROOT": str(tmp_path)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
