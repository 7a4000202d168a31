"""The fast preview (`./dev serve sv`, issue 20): MkDocs' dirty rebuild, kept correct where
it can be and a whole rebuild where it cannot.

`mkdocs serve --dirty` renders again only the pages whose source is newer than their
built file. That is right for the page being written and wrong for what other pages show
of it, and for everything that is not a page. So guidekit/i18n_plugin.py decides per
build with these pure functions:

- a rebuild is *incremental* only while nothing but the text of existing pages changed:
  the signature covers mkdocs.yml, the watched folders (data/, guidekit.yml), the
  templates (overrides/), the hooks and guidekit's code, the list of pages and every
  file under docs/ that is not a page (images). Any change there, and the first build,
  rebuild everything (the built folder is emptied);
- a translation whose Finnish source is newer than its built page is built again
  (its outdated notice and its TR101 depend on the Finnish text).

What an incremental rebuild leaves as it was is listed in AUTHORING.md (Esikatselu).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

PAGE_SUFFIX = ".md"


def _tree_stats(folder: Path, with_pages: bool) -> list[str]:
    """One line per file under folder: path, and (except pages unless with_pages) size and
    modification time. Hidden files and caches are left out."""
    lines = []
    for here, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(here) / name
            rel = path.relative_to(folder).as_posix()
            if name.endswith(PAGE_SUFFIX) and not with_pages:
                lines.append(rel)  # a page's text is the dirty build's business; its existence is not
                continue
            try:
                stat = path.stat()
            except OSError:
                continue
            lines.append(f"{rel}\0{stat.st_size}\0{stat.st_mtime_ns}")
    return lines


def input_signature(docs: Path, others: list[Path]) -> str:
    """What a dirty rebuild cannot follow: the names of the pages under docs/, every other
    file there, and every file (or folder's file) in others, with size and time."""
    digest = hashlib.sha256()
    for line in _tree_stats(Path(docs), with_pages=False):
        digest.update(b"docs\0" + line.encode() + b"\n")
    for other in sorted({Path(p) for p in others}):
        if other.is_dir():
            lines = _tree_stats(other, with_pages=True)
        elif other.exists():
            stat = other.stat()
            lines = [f"\0{stat.st_size}\0{stat.st_mtime_ns}"]
        else:
            lines = ["\0missing"]
        for line in lines:
            digest.update(str(other).encode() + b"\0" + line.encode() + b"\n")
    return digest.hexdigest()


def newer_than_built(source: Path, built: Path) -> bool:
    """Is source newer than the built file (or is there no built file)?"""
    try:
        return source.stat().st_mtime_ns > built.stat().st_mtime_ns
    except FileNotFoundError:
        return True
    except OSError:
        return False


def merged_index_docs(previous: list[dict], rebuilt: list[dict]) -> list[dict]:
    """A search index's entries after an incremental rebuild: the rebuilt pages' new entries
    and the other pages' entries from before, in the previous order."""
    def page_of(entry: dict) -> str:
        return entry["location"].split("#", 1)[0]

    rebuilt_pages = {page_of(entry) for entry in rebuilt}
    by_page: dict[str, list[dict]] = {}
    for entry in rebuilt:
        by_page.setdefault(page_of(entry), []).append(entry)
    merged, placed = [], set()
    for entry in previous:
        page = page_of(entry)
        if page not in rebuilt_pages:
            merged.append(entry)
        elif page not in placed:
            merged.extend(by_page[page])
            placed.add(page)
    for page, entries in by_page.items():  # pages new since the last build
        if page not in placed:
            merged.extend(entries)
    return merged
