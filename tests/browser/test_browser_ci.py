"""Without Chromium the browser tests skip on a developer's machine, and fail in CI."""

from __future__ import annotations

import os
import subprocess
import sys

ONE_BROWSER_TEST = "tests/browser/test_browser_axe.py::test_axe_reports_planted_problems"


def run_without_browser(root, ci: str | None) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key != "CI"}
    environment["GUIDEKIT_CHROMIUM"] = "/nonexistent/chromium"
    if ci is not None:
        environment["CI"] = ci
    return subprocess.run(
        [sys.executable, "-m", "pytest", ONE_BROWSER_TEST, "-q", "-rs", "-p", "no:cacheprovider"],
        cwd=root,
        env=environment,
        capture_output=True,
        text=True,
    )


def test_missing_browser_skips_with_the_reason_outside_ci(root):
    result = run_without_browser(root, None)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 skipped" in result.stdout
    assert "Chromium is missing (/nonexistent/chromium)" in result.stdout


def test_missing_browser_fails_the_run_in_ci(root):
    result = run_without_browser(root, "true")
    assert result.returncode != 0, result.stdout + result.stderr
    assert "CI=true and Chromium is missing (/nonexistent/chromium)" in result.stdout
    assert "skipped" not in result.stdout
