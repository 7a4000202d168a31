"""`mkdocs build` over the last build's files: written over in place, not deleted first;
what this build did not write is removed at its end.

Why: MkDocs empties the site folder and then writes every file again. On ext4, creating
thousands of files just after deleting thousands makes the kernel's inode allocator test
each recently freed inode and skip it (`recently_deleted`, `find_inode_bit`): 0.6–0.8 s of
system time in a 100-guide build of the synthetic site, a tenth of the build (BENCHMARKS.md).
A file written over keeps its inode.

The result is the folder a clean build leaves: every file this build writes is there, and
at the end every other file, and every folder the last build left that is now empty, is
removed; hidden entries at the top stay, as MkDocs' own clean leaves them. "Written by this
build" is the file's change time (ctime: set by the kernel on every write, truncation or
rename, and never by copying a file's times), at least the build's start (the change time
of a file made then in the folder: the same clock). While the build runs, a file of the
last build may still be in the folder: a hook that asks whether a file is there asks
`written()` instead of `exists()`.

A file whose content this build would write again unchanged is kept instead (`keep()`): its
times are set to what they were, which sets its change time to now, so it counts as this
build's; writing it over costs several times more (BENCHMARKS.md, third pass).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class InPlaceBuild:
    def __init__(self, site_dir: str | Path):
        self.site_dir = Path(site_dir)
        self.started_ns: int | None = None  # None: the folder was empty or missing, nothing to keep

    def start(self) -> bool:
        """Note the build's start; False when there is nothing to write over (no folder, or
        one that cannot be written: MkDocs' clean then does what it always does)."""
        try:
            if not self.site_dir.is_dir() or not any(self.site_dir.iterdir()):
                return False
            handle, name = tempfile.mkstemp(dir=self.site_dir, prefix=".guidekit-build-")
            try:
                self.started_ns = os.fstat(handle).st_ctime_ns
            finally:
                os.close(handle)
                os.unlink(name)
        except OSError:
            self.started_ns = None
            return False
        return True

    def written(self, path: str | Path) -> bool:
        """Is the file there, written by this build?"""
        try:
            changed = os.lstat(path).st_ctime_ns
        except OSError:
            return False
        return self.started_ns is None or changed >= self.started_ns

    def keep(self, path: str | Path) -> None:
        """The file there is this build's output as it is: mark it written by this build
        without writing it (its modification time stays, its change time becomes now)."""
        info = os.lstat(path)
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns), follow_symlinks=False)

    def finish(self) -> list[Path]:
        """Remove what this build did not write; returns the files removed."""
        if self.started_ns is None:
            return []
        removed: list[Path] = []
        try:
            entries = list(os.scandir(self.site_dir))
        except OSError:
            return removed
        for entry in entries:
            if not entry.name.startswith("."):
                self._prune(entry, removed)
        self.started_ns = None
        return removed

    def _prune(self, entry: os.DirEntry, removed: list[Path]) -> None:
        try:
            info = entry.stat(follow_symlinks=False)
            if not entry.is_dir(follow_symlinks=False):
                if info.st_ctime_ns < self.started_ns:
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
                return
            with os.scandir(entry.path) as inside:
                children = list(inside)
            for child in children:
                self._prune(child, removed)
            # A folder this build made stays even if empty (a clean build makes it too);
            # one of the last build that is empty now goes.
            if info.st_ctime_ns < self.started_ns and _empty(entry.path):
                os.rmdir(entry.path)
        except OSError:
            pass  # as MkDocs' clean (rmtree with ignore_errors): the rest is still pruned


def _empty(folder: str) -> bool:
    with os.scandir(folder) as inside:
        return next(inside, None) is None


def in_place_build(config) -> InPlaceBuild | None:
    """The in-place build of this MkDocs build (guidekit/i18n_plugin.py), or None."""
    return getattr(config.plugins.get("guidekit-i18n"), "in_place", None)


def written(config, path: str | Path) -> bool:
    """For the hooks: is this file of the site folder one the build in progress wrote?
    (`exists()` when the build is not in place.)"""
    build = in_place_build(config)
    return build.written(path) if build is not None else Path(path).exists()


def write_unless_same(config, path: str | Path, content: bytes) -> bool:
    """For the hooks: write_file_unless_same in this MkDocs build."""
    return write_file_unless_same(path, content, in_place_build(config))


def write_file_unless_same(path: str | Path, content: bytes, build: InPlaceBuild | None = None) -> bool:
    """Make the file at path hold content, writing only when it does not hold it yet (in an
    in-place build an unchanged file is kept as this build's, InPlaceBuild.keep); True when written."""
    path = Path(path)
    if _holds(path, content) and _kept(path, build):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return True


def _holds(path: Path, content: bytes) -> bool:
    try:
        return path.is_file() and not path.is_symlink() and path.read_bytes() == content
    except OSError:
        return False


def _kept(path: Path, build: InPlaceBuild | None) -> bool:
    if build is None or build.written(path):
        return True
    try:
        build.keep(path)
    except OSError:
        return False  # then it is written
    return True
