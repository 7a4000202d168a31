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

Each entry is signed: an HMAC-SHA256, over the page, its key, its findings and its score,
with a secret kept outside the repository (~/.cache/guidekit/cache-secret, readable
only by its owner). A hand-edited entry, or a cache file copied from another checkout
or machine (say, committed by mistake), fails the check and the page is checked
afresh: a forged "no findings" cannot hide an error. A file too large or too deeply
nested to read is an empty cache too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from guidekit import atomicfile
from guidekit.findings import Finding
from guidekit.readability import Score

FORMAT = 2  # bump when the stored shape changes
CACHE_FILE = Path(".cache") / "guidekit" / "lint-results.json"
LIBRARIES = ("Pillow", "PyYAML", "libvoikko", "markdown-it-py", "mdit-py-plugins")  # their versions change what the rules see
PACKAGE_DIR = Path(__file__).resolve().parent
MAX_CACHE_BYTES = 64 * 1024 * 1024  # 200 guides × 4 languages take about 2 MB
SECRET_FILE = Path("guidekit") / "cache-secret"


def cache_enabled() -> bool:
    return os.environ.get("GUIDEKIT_CACHE", "1").strip().lower() not in ("0", "false", "no", "off")


def cache_path(root: Path) -> Path:
    return Path(root) / CACHE_FILE


def secret_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / SECRET_FILE


def signing_secret() -> bytes | None:
    """This user's secret for signing entries, made on first use; None when it can be
    neither read nor made (then nothing is cached)."""
    path = secret_path()
    try:
        secret = path.read_bytes()
        if len(secret) >= 32:
            return secret
    except OSError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # O_EXCL: two processes starting at once agree on one secret.
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(handle, "wb") as out:
            out.write(secrets.token_bytes(32))
    except FileExistsError:
        pass
    except OSError:
        return None
    try:
        secret = path.read_bytes()
    except OSError:
        return None
    return secret if len(secret) >= 32 else None


def _signature(secret: bytes, page: str, key: str, findings, score) -> str:
    payload = json.dumps([FORMAT, page, key, findings, score], ensure_ascii=False, sort_keys=True,
                         separators=(",", ":"))
    return hmac.new(secret, payload.encode("utf-8"), hashlib.sha256).hexdigest()


@lru_cache(maxsize=1)
def code_signature() -> str:
    """guidekit's source files and the library versions: a changed rule re-checks every page."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    add_library_versions(digest, LIBRARIES)
    return digest.hexdigest()


def add_library_versions(digest, names, separator: str = "") -> None:
    """Feed each library's installed version (or "-") into a cache key's digest: an upgraded
    parser or encoder must make its results again."""
    from importlib import metadata  # here: its import costs a run without the cache (--no-cache) 30 ms

    for name in names:
        try:
            digest.update(f"{separator}{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{separator}{name}=-".encode())


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

    def __init__(self, path: Path, entries: dict | None = None, secret: bytes | None = None):
        self.path = path
        self._entries: dict = dict(entries or {})
        self.hits = 0
        self.secret = secret if secret is not None else signing_secret()

    @classmethod
    def load(cls, path: Path) -> "LintCache":
        try:
            if Path(path).stat().st_size > MAX_CACHE_BYTES:
                return cls(path)
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            return cls(path)  # no cache yet, or a broken one (e.g. "[[[[…"): start empty
        if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("pages"), dict):
            return cls(path)
        return cls(path, data["pages"])

    def get(self, page: str, key: str) -> tuple[list[Finding], Score | None] | None:
        entry = self._entries.get(page)
        try:
            if self.secret is None or entry is None or entry["key"] != key:
                raise KeyError(page)
            expected = _signature(self.secret, page, key, entry["findings"], entry["score"])
            if not hmac.compare_digest(str(entry["signature"]), expected):
                raise KeyError(page)  # edited by hand, or signed elsewhere: check afresh
            findings = [Finding(**item) for item in entry["findings"]]
            score = Score(**entry["score"]) if entry.get("score") else None
        except (KeyError, TypeError):  # not cached, changed, or an entry of another shape
            return None
        self.hits += 1
        return findings, score

    def put(self, page: str, key: str, findings: list[Finding], score: Score | None) -> None:
        if self.secret is None:
            return
        stored_findings = [asdict(f) for f in findings]
        stored_score = asdict(score) if score is not None else None
        self._entries[page] = {
            "key": key,
            "findings": stored_findings,
            "score": stored_score,
            "signature": _signature(self.secret, page, key, stored_findings, stored_score),
        }

    def forget_missing(self, root: Path) -> None:
        """Drop the entries of pages that no longer exist (renamed or deleted)."""
        self._entries = {page: entry for page, entry in self._entries.items() if (Path(root) / page).is_file()}

    def save(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Written aside and renamed: a build running at the same time never reads half a file.
            text = json.dumps({"format": FORMAT, "pages": self._entries}, ensure_ascii=False, separators=(",", ":"))
            atomicfile.write_text(self.path, text)
        except (OSError, ValueError):
            pass  # a read-only checkout: the next run checks again
