"""`mkdocs build` over the last build (guidekit/sitedir.py): the files are written over in
place, and what the build did not write is gone at its end, so the folder is the one a
clean build leaves."""

from __future__ import annotations

import os
import time
from pathlib import Path

from conftest import make_site, run_build
from types import SimpleNamespace

from guidekit.sitedir import InPlaceBuild, write_unless_same

GUIDE = ("---\ntitle: {title}\ndescription: {title} ohjeena.\nservice: chat\nshort: {word}\nreviewed: 2026-01-01\n---\n"
         "# {title}\n\nTämä ohje kertoo, miten {word} toimii.\n\n## Aloita\n\n1. Avaa sovellus.\n")
PAGES = {
    "fi/index.md": "---\ntitle: Etusivu\ndescription: Etusivu.\n---\n# Etusivu\n\nTervetuloa.\n",
    "fi/ohjeet/chat.md": GUIDE.format(title="Kysy chatissa", word="chat"),
    "fi/ohjeet/viestit.md": GUIDE.format(title="Lähetä viesti", word="viesti"),
}


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def folders(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_dir()}


def last_build(site: Path) -> None:
    """A site folder as the last build left it, a moment ago."""
    (site / "old" / "gone").mkdir(parents=True)
    (site / "old" / "gone" / "index.html").write_text("old page")
    (site / "kept" / "empty-now").mkdir(parents=True)
    (site / "kept" / "index.html").write_text("old text")
    (site / ".git-publish").mkdir()
    (site / ".git-publish" / "HEAD").write_text("hidden at the top: MkDocs leaves it")
    (site / "stale.txt").write_text("")
    time.sleep(0.02)  # the file system's clock ticks in milliseconds


def test_what_the_build_did_not_write_is_removed_and_the_rest_kept(tmp_path):
    site = tmp_path / "site"
    last_build(site)
    inode = (site / "kept" / "index.html").stat().st_ino
    build = InPlaceBuild(site)
    assert build.start()
    assert not build.written(site / "kept" / "index.html")
    (site / "kept" / "index.html").write_text("new text")  # written over
    (site / "new" / "empty").mkdir(parents=True)  # a folder this build makes, even empty
    (site / "new" / "page.html").write_text("new page")
    assert build.written(site / "kept" / "index.html") and build.written(site / "new" / "page.html")
    removed = build.finish()
    assert sorted(p.relative_to(site).as_posix() for p in removed) == ["old/gone/index.html", "stale.txt"]
    assert tree(site) == {".git-publish/HEAD": b"hidden at the top: MkDocs leaves it",
                          "kept/index.html": b"new text", "new/page.html": b"new page"}
    assert folders(site) == {".git-publish", "kept", "new", "new/empty"}
    assert (site / "kept" / "index.html").stat().st_ino == inode  # the point: no new inode


def config_building_in_place(build: InPlaceBuild | None) -> SimpleNamespace:
    """What write_unless_same reads of MkDocs' config: the plugin and its in-place build."""
    return SimpleNamespace(plugins={"guidekit-i18n": SimpleNamespace(in_place=build)})


def test_a_file_the_build_would_write_unchanged_is_kept_as_its_own_and_not_written(tmp_path):
    site = tmp_path / "site"
    last_build(site)
    (site / "qr").mkdir()
    (site / "qr" / "same.svg").write_bytes(b"<svg>same</svg>")
    (site / "qr" / "changed.svg").write_bytes(b"<svg>old</svg>")
    (site / "qr" / "not-this-time.svg").write_bytes(b"<svg>gone</svg>")
    past = time.time() - 3600
    os.utime(site / "qr" / "same.svg", (past, past))
    time.sleep(0.02)
    build = InPlaceBuild(site)
    assert build.start()
    config = config_building_in_place(build)
    assert write_unless_same(config, site / "qr" / "same.svg", b"<svg>same</svg>") is False
    assert write_unless_same(config, site / "qr" / "changed.svg", b"<svg>new</svg>") is True
    assert write_unless_same(config, site / "qr" / "new" / "made.svg", b"<svg>made</svg>") is True
    assert build.written(site / "qr" / "same.svg")  # kept: counts as this build's
    assert write_unless_same(config, site / "qr" / "same.svg", b"<svg>same</svg>") is False  # twice: still kept
    build.finish()
    assert {name: data for name, data in tree(site).items() if name.startswith("qr/")} == {
        "qr/same.svg": b"<svg>same</svg>", "qr/changed.svg": b"<svg>new</svg>", "qr/new/made.svg": b"<svg>made</svg>"}
    assert abs((site / "qr" / "same.svg").stat().st_mtime - past) < 1  # not written: its time stays


def test_without_an_in_place_build_an_unchanged_file_is_left_and_a_folder_in_the_way_is_an_error(tmp_path):
    config = config_building_in_place(None)
    target = tmp_path / "a" / "file.png"
    assert write_unless_same(config, target, b"png") is True
    before = target.stat().st_mtime_ns
    assert write_unless_same(config, target, b"png") is False and target.stat().st_mtime_ns == before
    assert write_unless_same(config, target, b"other") is True and target.read_bytes() == b"other"
    (tmp_path / "dir.png").mkdir()  # not a file with that content: written, which fails as a write would
    try:
        write_unless_same(config, tmp_path / "dir.png", b"png")
    except IsADirectoryError:
        pass
    else:
        raise AssertionError("a folder at the path was taken for the file")


def test_an_empty_or_missing_folder_is_no_in_place_build(tmp_path):
    assert not InPlaceBuild(tmp_path / "missing").start()
    (tmp_path / "empty").mkdir()
    build = InPlaceBuild(tmp_path / "empty")
    assert not build.start() and build.finish() == []
    (tmp_path / "empty" / "a.html").write_text("x")
    assert build.written(tmp_path / "empty" / "a.html")  # no start: every file there counts


def test_a_file_of_the_last_build_with_a_time_ahead_is_still_removed(tmp_path):
    site = tmp_path / "site"
    (site / "copied").mkdir(parents=True)
    ahead = time.time() + 3600  # a folder copied with its times (cp -p, rsync -t) from a clock ahead
    os.utime(site / "copied", (ahead, ahead))
    (site / "copied.html").write_text("x")
    os.utime(site / "copied.html", (ahead, ahead))
    time.sleep(0.02)
    build = InPlaceBuild(site)
    build.start()
    assert not build.written(site / "copied.html")
    build.finish()
    assert list(site.iterdir()) == []


def test_a_rebuild_over_the_last_site_is_the_site_a_clean_build_makes(tmp_path):
    config = make_site(tmp_path / "src", PAGES)
    site, clean = tmp_path / "site", tmp_path / "clean"
    first = run_build(config, site, {"GUIDEKIT_CHECKS": "0"})
    assert first.returncode == 0, first.stdout + first.stderr
    front_inode = (site / "index.html").stat().st_ino
    assert (site / "ohjeet" / "viestit" / "index.html").is_file()
    (tmp_path / "src" / "docs" / "fi" / "ohjeet" / "viestit.md").unlink()  # a guide removed
    for target in (site, clean):
        result = run_build(config, target, {"GUIDEKIT_CHECKS": "0"})
        assert result.returncode == 0, result.stdout + result.stderr
    assert not (site / "ohjeet" / "viestit").exists()
    assert tree(site) == tree(clean) and folders(site) == folders(clean)
    assert (site / "index.html").stat().st_ino == front_inode  # written over, not made again
    qr_files = sorted((site / "qr").rglob("*.svg"))
    assert qr_files, "the guides have QR files"
    times = {path: path.stat().st_mtime_ns for path in qr_files}
    again = run_build(config, site, {"GUIDEKIT_CHECKS": "0"})
    assert again.returncode == 0, again.stdout + again.stderr
    assert tree(site) == tree(clean)
    assert {path: path.stat().st_mtime_ns for path in qr_files} == times  # unchanged: kept, not written again
