"""The site's languages, and how a path in docs/ tells its language."""

from __future__ import annotations

from pathlib import PurePosixPath

DEFAULT_LANGUAGE = "fi"
LANGUAGES = ("fi", "sv", "en", "selko")

# selko is Finnish: it is written, hyphenated and searched as Finnish.
BASE_LANGUAGE = {"fi": "fi", "sv": "sv", "en": "en", "selko": "fi"}


class UnknownLanguage(ValueError):
    """A page lies in docs/<folder>/ where <folder> is no language of the site."""


def language_of(path: str | PurePosixPath, docs_dir: str = "docs") -> str:
    """Language of a page from its path: docs/<lang>/... (or <lang>/... inside docs)."""
    parts = PurePosixPath(str(path).replace("\\", "/")).parts
    if docs_dir in parts:
        parts = parts[parts.index(docs_dir) + 1 :]
    if not parts:
        raise UnknownLanguage(f"{path}: not inside {docs_dir}/<kieli>/")
    if parts[0] in LANGUAGES:
        return parts[0]
    raise UnknownLanguage(
        f"{path}: tuntematon kieli '{parts[0]}' (sallitut: {', '.join(LANGUAGES)})"
    )
