"""Shared fixtures: the repository root and one strict build of the real site per test run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from guidekit.bench import ADDRESS_HISTORY  # the real site's address record belongs to its pages

# GUIDEKIT_TEST_ROOT runs the content checks against another copy of the site (an adopted
# county's, with example_data: false); see tests/test_adoption.py.
ROOT = Path(os.environ.get("GUIDEKIT_TEST_ROOT") or Path(__file__).resolve().parent.parent).resolve()
MKDOCS = [sys.executable, "-m", "mkdocs"]


def require_tool(path: str, what: str, executable: bool = True) -> None:
    """A missing tool skips the test on a workstation; in CI it is a failure."""
    if Path(path).exists() and (not executable or os.access(path, os.X_OK)):
        return
    message = f"{what} puuttuu ({path}): asenna komennolla ./dev setup --browser"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


def run_build(config_file: Path, site_dir: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` in a subprocess, as an author would run it."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "-f", str(config_file), "-d", str(site_dir)],
        cwd=config_file.parent,
        capture_output=True,
        text=True,
        env=environment,
    )


# The parts of the repository a site needs: configuration, templates, hooks, data, pages.
SITE_PARTS = ("mkdocs.yml", "overrides", "hooks", "data", "guidekit.yml", "docs")


def copy_site_tree(target: Path, parts: tuple[str, ...] = SITE_PARTS) -> Path:
    """A copy of the real site's parts in target, for tests that change or run commands on it."""
    for part in parts:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy(source, target / part)
    return target


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


def _build_real_site(site: Path) -> None:
    result = run_build(ROOT / "mkdocs.yml", site)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"


@pytest.fixture(scope="session")
def built_site(request, tmp_path_factory) -> Path:
    """The real site, built once per test run with every check on. Under pytest-xdist
    (`./dev test` runs a worker per core) the first worker to need it builds it into the
    run's shared temporary folder while the others wait for it; the tests only read it."""
    if not hasattr(request.config, "workerinput"):
        site = tmp_path_factory.mktemp("site")
        _build_real_site(site)
        return site
    import fcntl

    shared = tmp_path_factory.getbasetemp().parent  # the run's folder, above each worker's own
    site, done = shared / "built-site", shared / "built-site.done"
    with open(shared / "built-site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(site, ignore_errors=True)  # a worker before this one failed to build it
            _build_real_site(site)
            done.touch()
    return site


def make_site(tmp_path: Path, pages: dict[str, str], keep_nav: bool = False) -> Path:
    """A small site in tmp_path with the real configuration, templates, hooks and data.

    `pages` maps paths inside docs/ (e.g. "fi/index.md") to their text. The real
    nav names pages a small site lacks, so it is dropped unless keep_nav.
    """
    from guidekit.bench import copy_site_config

    config = copy_site_config(ROOT, tmp_path, keep_nav=keep_nav)
    for rel, text in pages.items():
        write_page(tmp_path, rel, text)
    return config


def build_small_site_at(folder: Path, pages: dict[str, str], site_url: str, env: dict | None = None) -> Path:
    """A small site (make_site, in folder/src) built with another site_url, e.g. under a
    sub-path, checks off (env adds to the build's environment, e.g. GUIDEKIT_PUBLISH_PDF);
    returns the built folder (folder/site)."""
    import re

    config = make_site(folder / "src", pages)
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^site_url:.*$", f"site_url: {site_url}", text), encoding="utf-8")
    site = folder / "site"
    result = run_build(config, site, {"GUIDEKIT_CHECKS": "0", **(env or {})})
    assert result.returncode == 0, result.stdout + result.stderr
    return site


FFMPEG = shutil.which("ffmpeg") or "/usr/bin/ffmpeg"


def make_video(path: Path, seconds: int = 2) -> Path:
    """A tiny WebM (VP8) video of one colour, made with ffmpeg (installed by `./dev test`)."""
    require_tool(FFMPEG, "ffmpeg")
    path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [FFMPEG, "-v", "error", "-y", "-f", "lavfi", "-i", f"color=c=0x00467f:s=64x36:d={seconds}:r=10",
         "-c:v", "libvpx", "-b:v", "50k", str(path)],
        check=True, capture_output=True,
    )
    return path


def checks_tree(tmp_path: Path) -> Path:
    """A repository for running the checks without a build: the real guidekit.yml and data, an empty docs/."""
    import shutil

    shutil.copy(ROOT / "guidekit.yml", tmp_path / "guidekit.yml")
    shutil.copytree(ROOT / "data", tmp_path / "data", ignore=shutil.ignore_patterns(*ADDRESS_HISTORY))
    (tmp_path / "docs").mkdir()
    return tmp_path


def write_page(tree: Path, rel: str, text: str) -> Path:
    """Write a page at docs/<rel> of the tree; returns its path."""
    path = tree / "docs" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
