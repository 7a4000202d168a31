"""What under docs/ may be published: pure functions over the folder, shared by the checks
(guidekit/rules/gk003, gk004) and the build (hooks/publish.py), which leaves such files out.

- A symbolic link that resolves outside docs/ would publish any file of the machine
  (`ln -s /etc/passwd docs/fi/assets/passwd.txt`): never published.
- An .html or .js file (and the like) runs in the site's own origin, unchecked: published
  only when guidekit.yml lists it (rules.GK004.allow, glob patterns inside docs/).
- A folder of docs/ that is no language of the site is reported, not silently skipped.
"""

from __future__ import annotations

import fnmatch
import os
from functools import lru_cache
from pathlib import Path, PurePosixPath

from guidekit.languages import LANGUAGES

# Files a browser runs or renders as a page of the site's own origin.
ACTIVE_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml", ".js", ".mjs", ".cjs", ".wasm", ".php"}
OUTSIDE, ACTIVE = "outside", "active"


def _hidden(rel: PurePosixPath) -> bool:
    return any(part.startswith(".") for part in rel.parts)  # MkDocs skips these too


def inside(path: Path, docs: Path, folders: dict[str, Path] | None = None) -> bool:
    """Does the path, with every symbolic link followed, lie inside docs/?

    folders: resolved folders kept between calls of one pass over the files (a file that is
    no link is its resolved folder plus its name, so each folder is resolved once, not once
    per file: resolving follows every part of the path)."""
    try:
        _resolved_path(Path(path), folders).relative_to(_resolved(str(docs), Path(docs).stat().st_ino))
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a link loop
        return False
    return True


def _resolved_path(path: Path, folders: dict[str, Path] | None) -> Path:
    if folders is None or path.name in ("", ".", "..") or path.is_symlink():
        return path.resolve()
    folder = str(path.parent)
    if folder not in folders:
        folders[folder] = path.parent.resolve()
    return folders[folder] / path.name


@lru_cache(maxsize=64)
def _resolved(docs: str, _inode: int) -> Path:
    # The docs folder is the same for every file of a build (a replaced folder has another inode).
    return Path(docs).resolve()


def is_allowed(rel: str, allow: list[str]) -> bool:
    return any(fnmatch.fnmatchcase(rel, str(pattern)) for pattern in allow or [])


def problem_of(path: Path, docs: Path, allow: list[str], folders: dict[str, Path] | None = None) -> str | None:
    """OUTSIDE, ACTIVE or None (publishable) for one file under docs/ (folders: see inside())."""
    if not inside(path, docs, folders):
        return OUTSIDE
    rel = Path(path).relative_to(docs).as_posix() if Path(path).is_relative_to(docs) else str(path)
    if Path(path).suffix.lower() in ACTIVE_SUFFIXES and not is_allowed(rel, allow):
        return ACTIVE
    return None


def unpublishable(docs: Path, allow: list[str]) -> list[tuple[str, str]]:
    """(path inside docs/, problem) of every file or linked folder that must not be published.
    Links are not followed: a link leading outside is one finding, not one per file behind it."""
    docs = Path(docs)
    found: list[tuple[str, str]] = []
    folders: dict[str, Path] = {}
    for folder, dirs, files in os.walk(docs, followlinks=False):
        here = Path(folder)
        for name in sorted(dirs):
            path = here / name
            rel = PurePosixPath(path.relative_to(docs).as_posix())
            if path.is_symlink() and not _hidden(rel) and not inside(path, docs):
                found.append((rel.as_posix(), OUTSIDE))
        dirs[:] = sorted(d for d in dirs if not (here / d).is_symlink() and not d.startswith("."))
        for name in sorted(files):
            path = here / name
            rel = PurePosixPath(path.relative_to(docs).as_posix())
            if _hidden(rel):
                continue
            problem = problem_of(path, docs, allow, folders)
            if problem:
                found.append((rel.as_posix(), problem))
    return found


def unknown_language_folders(docs: Path) -> list[str]:
    """Folders (and pages) directly in docs/ that belong to no language: MkDocs would publish
    them as they are, unchecked and outside the language switcher."""
    docs = Path(docs)
    if not docs.is_dir():
        return []
    found = []
    for entry in sorted(docs.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and entry.name not in LANGUAGES:
            found.append(entry.name + "/")
        elif entry.is_file() and entry.suffix == ".md":
            found.append(entry.name)
    return found
