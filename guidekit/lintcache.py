"""Check results kept between runs, so a rebuild re-checks only the pages that changed.

Staff rebuild the site many times a day (and `mkdocs serve` rebuilds on every save);
most pages have not changed since the last run, and their findings cannot have either.

A page's findings are reused when its *key* is the same as last time. The key is a
SHA-256 over everything the per-page rules read:

- the run signature: guidekit's own code, the versions of the libraries the rules use,
  guidekit.yml, every data/*.yml file, the name, size and modification time of every
  non-Markdown file under docs/ (images), whether Voikko works, today's date (review
  rules compare with it) and the language of the messages;
- the page's text;
- for a translation, the text of its Finnish source page (TR101 and IMG106 compare
  with it);
- for rules that read other pages too (SITE_WIDE = True in the rule module, e.g. FM107
  which compares short ids across a language), what they read for this page
  (site_inputs(): for FM107, the pages sharing its short id).

The cache is one JSON file; a missing, unreadable or foreign file is an empty cache,
and a cache that cannot be written (read-only checkout) is skipped silently: the
checks are then as slow as without a cache, never wrong.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import tempfile
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from guidekit.findings import Finding
from guidekit.readability import Score

FORMAT = 1  # bump when the stored shape changes
CACHE_FILE = Path(".cache") / "guidekit" / "lint-results.json"
LIBRARIES = ("Pillow", "PyYAML", "libvoikko", "markdown-it-py", "mdit-py-plugins")  # their versions change what the rules see
PACKAGE_DIR = Path(__file__).resolve().parent


def cache_enabled() -> bool:
    return os.environ.get("GUIDEKIT_CACHE", "1").strip().lower() not in ("0", "false", "no", "off")


def cache_path(root: Path) -> Path:
    return Path(root) / CACHE_FILE


@lru_cache(maxsize=1)
def code_signature() -> str:
    """guidekit's source files and the library versions: a changed rule re-checks every page."""
    from importlib import metadata  # here: its import costs a run without the cache (--no-cache) 30 ms

    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    for name in LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=-".encode())
    return digest.hexdigest()


def files_signature(root: Path) -> str:
    """Configuration, data files and every non-Markdown file under docs/ (by size and time)."""
    root = Path(root)
    digest = hashlib.sha256()
    for path in [root / "guidekit.yml", *sorted((root / "data").glob("*.yml"))]:
        digest.update(path.name.encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"-")
    docs = root / "docs"
    for folder, dirs, files in os.walk(docs):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".md"):
                continue
            path = Path(folder) / name
            try:
                stat = path.stat()
            except OSError:
                continue
            digest.update(f"{path.relative_to(docs).as_posix()}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def run_signature(root: Path, message_lang: str, voikko_problem: str | None, today: dt.date | None = None) -> str:
    parts = (
        str(FORMAT),
        code_signature(),
        files_signature(root),
        voikko_problem or "voikko-ok",
        (today or dt.date.today()).isoformat(),
        message_lang,
    )
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def page_key(run: str, page: str, text: str, source_text: str | None, site_inputs: str = "") -> str:
    digest = hashlib.sha256()
    for part in (run, page, text, source_text if source_text is not None else "\0no-source", site_inputs):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


class LintCache:
    """Per page (relative path): the key it was checked with, its findings and readability score."""

    def __init__(self, path: Path, entries: dict | None = None):
        self.path = path
        self._entries: dict = dict(entries or {})
        self.hits = 0

    @classmethod
    def load(cls, path: Path) -> "LintCache":
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(path)  # no cache yet, or a broken one: start empty
        if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("pages"), dict):
            return cls(path)
        return cls(path, data["pages"])

    def get(self, page: str, key: str) -> tuple[list[Finding], Score | None] | None:
        entry = self._entries.get(page)
        try:
            if entry is None or entry["key"] != key:
                raise KeyError(page)
            findings = [Finding(**item) for item in entry["findings"]]
            score = Score(**entry["score"]) if entry.get("score") else None
        except (KeyError, TypeError):  # not cached, changed, or an entry of another shape
            return None
        self.hits += 1
        return findings, score

    def put(self, page: str, key: str, findings: list[Finding], score: Score | None) -> None:
        self._entries[page] = {
            "key": key,
            "findings": [asdict(f) for f in findings],
            "score": asdict(score) if score is not None else None,
        }

    def forget_missing(self, root: Path) -> None:
        """Drop the entries of pages that no longer exist (renamed or deleted)."""
        self._entries = {page: entry for page, entry in self._entries.items() if (Path(root) / page).is_file()}

    def save(self) -> None:
        temporary: Path | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Written aside and renamed: a build running at the same time never reads half a file.
            handle, name = tempfile.mkstemp(dir=self.path.parent, prefix=".lint-", suffix=".tmp")
            temporary = Path(name)
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump({"format": FORMAT, "pages": self._entries}, out, ensure_ascii=False, separators=(",", ":"))
            os.chmod(temporary, 0o644)  # mkstemp makes it private; it holds nothing secret
            os.replace(temporary, self.path)
        except OSError:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    temporary.unlink()
