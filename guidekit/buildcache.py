"""Build artefacts kept between builds, beside the check results (.cache/guidekit/artifacts.sqlite3).

Some of a build's work depends only on its inputs and is the same in every build: a QR
code of an address (the mask chosen from eight), the WebP copy of an image (a lossless
encode), what an image file is (decoding its pixels). Each is stored once under a *key*:
a SHA-256 over the code that makes it (its module's source and the library's version,
code_version()), its settings and its input's content (not its name or time, so a fresh
clone or a touched file reuses it, and a replaced file never does). A changed input is a
new key, so a stale artefact is never found.

One SQLite database (the standard library's sqlite3), one row per artefact (kind, key,
entry). An entry is a header line (JSON: kind, key, meta, MAC) and the payload's bytes.
Why a database and not a file per artefact: a cold build of 100 guides stores some 3,000
artefacts, and creating 3,000 small files cost 2.6 s of CPU there (the file system's inode
allocation), more than making most of them; rows in one file cost a tenth of that.
The MAC is an HMAC-SHA256 with the user's secret of the results cache
(guidekit/lintcache.py): these entries go into the published pages (a QR code is inline
SVG), so a database copied from elsewhere or a row edited by hand must not be published.
A missing, truncated, corrupt, foreign or oversized entry, or one of another shape, is a
miss: the artefact is made again and the row replaced. A database that is not one (a
damaged file) is removed and made again: it holds only what can be made again. WAL mode:
a build running at the same time reads the old row or the new one. A cache that cannot be
opened or written (read-only checkout) is skipped; GUIDEKIT_CACHE=0 turns it off. Nothing
is deleted automatically: `rm -rf .cache/guidekit` is always safe.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import sqlite3
import threading
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from guidekit import lintcache

FORMAT = 1  # bump when the entry layout changes
DATABASE = lintcache.CACHE_FILE.parent / "artifacts.sqlite3"
TABLE = "artifact"
SCHEMA = f"CREATE TABLE IF NOT EXISTS {TABLE} (kind TEXT NOT NULL, key TEXT NOT NULL, entry BLOB NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID"
BUSY_SECONDS = 10  # another build writing at the same time: wait this long, then skip
MAGIC = b"guidekit-artifact 1\n"
MAX_ENTRY_BYTES = 64 * 1024 * 1024
MAX_HEADER_BYTES = 64 * 1024


@dataclass(frozen=True)
class Artifact:
    meta: dict
    payload: bytes


@lru_cache(maxsize=None)
def code_version(module_file: str, *libraries: str) -> str:
    """The source of the module that makes an artefact and the versions of the libraries
    it uses: a changed encoder or option makes every artefact of it again."""
    digest = hashlib.sha256(str(FORMAT).encode())
    digest.update(Path(module_file).read_bytes())
    lintcache.add_library_versions(digest, libraries, separator="\0")
    return digest.hexdigest()


def key_of(*parts: bytes | str | int | float | None) -> str:
    """SHA-256 over the parts, each length-prefixed (so no two part lists give one key)."""
    digest = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else repr(part).encode("utf-8")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def _mac(secret: bytes, kind: str, key: str, meta_json: str, payload: bytes) -> str:
    digest = hmac.new(secret, digestmod=hashlib.sha256)
    for part in (kind.encode(), key.encode(), meta_json.encode("utf-8"), payload):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


class ArtifactCache:
    """Artefacts by kind and key in the SQLite database `database`; `made` and `reused` count
    them per kind (what a test or the build log reads: the second build of unchanged input
    makes none)."""

    def __init__(self, database: Path | None, secret: bytes | None):
        self.database = Path(database) if database is not None else None
        self.secret = secret
        self.made: Counter = Counter()
        self.reused: Counter = Counter()
        self._connection: sqlite3.Connection | None = None
        self._pid: int | None = None
        self._failed = False
        self._lock = threading.Lock()  # mkdocs serve rebuilds in another thread than the first build

    @property
    def enabled(self) -> bool:
        return self.database is not None and self.secret is not None and not self._failed

    def _open(self) -> sqlite3.Connection | None:
        if self._connection is not None and self._pid == os.getpid():
            return self._connection
        # A connection inherited through fork (the check worker) is never used: SQLite forbids it.
        self._connection = None
        try:
            connection = self._connect()
        except sqlite3.DatabaseError:
            # Not a database (damaged, or another file there): it holds only what can be made again.
            try:
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{self.database}{suffix}").unlink(missing_ok=True)
                connection = self._connect()
            except (OSError, sqlite3.Error):
                connection = None
        except (OSError, sqlite3.Error):  # a folder there, read-only, no space: no cache this run
            connection = None
        if connection is None:
            self._failed = True
            return None
        self._connection, self._pid = connection, os.getpid()
        return connection

    def _connect(self) -> sqlite3.Connection:
        self.database.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.database, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            # Not synchronous=FULL: an entry lost or cut short by a crash fails its MAC and is made again.
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute(SCHEMA)
            connection.execute(f"SELECT count(*) FROM {TABLE} WHERE 0").fetchone()
        except BaseException:
            connection.close()
            raise
        return connection

    def get(self, kind: str, key: str) -> Artifact | None:
        """The stored artefact, or None when there is none that can be trusted."""
        if not self.enabled:
            return None
        with self._lock:
            connection = self._open()
            if connection is None:
                return None
            try:
                row = connection.execute(
                    f"SELECT entry FROM {TABLE} WHERE kind = ? AND key = ? AND length(entry) <= ?",
                    (kind, key, MAX_ENTRY_BYTES)).fetchone()
            except sqlite3.Error:
                return None
        if row is None or not isinstance(row[0], bytes):
            return None
        return self._read_entry(kind, key, row[0])

    def _read_entry(self, kind: str, key: str, data: bytes) -> Artifact | None:
        try:
            if not data.startswith(MAGIC):
                return None
            end = data.index(b"\n", len(MAGIC), len(MAGIC) + MAX_HEADER_BYTES)
            header = json.loads(data[len(MAGIC):end].decode("utf-8"))
            payload = data[end + 1:]
            meta = header["meta"]
            if header["kind"] != kind or header["key"] != key or not isinstance(meta, dict):
                return None
            if len(payload) != header["length"]:
                return None  # cut short
            expected = _mac(self.secret, kind, key, json.dumps(meta, sort_keys=True, separators=(",", ":")), payload)
            if not hmac.compare_digest(str(header["mac"]), expected):
                return None  # edited, damaged, or made with another user's secret
        except (ValueError, KeyError, TypeError, RecursionError, UnicodeDecodeError):
            return None
        return Artifact(meta, payload)

    def put(self, kind: str, key: str, payload: bytes = b"", meta: dict | None = None) -> None:
        if not self.enabled:
            return
        meta = dict(meta or {})
        meta_json = json.dumps(meta, sort_keys=True, separators=(",", ":"))
        header = {"kind": kind, "key": key, "length": len(payload), "meta": meta,
                  "mac": _mac(self.secret, kind, key, meta_json, payload)}
        line = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")
        with self._lock:
            connection = self._open()
            if connection is None:
                return
            try:
                connection.execute(f"INSERT OR REPLACE INTO {TABLE} (kind, key, entry) VALUES (?, ?, ?)",
                                   (kind, key, MAGIC + line + b"\n" + payload))
            except sqlite3.Error:
                pass  # read-only, full or busy for too long: the next build makes it again

    def payload_or_make(self, kind: str, key: str, make, accept=None) -> bytes:
        """The payload of `kind` under `key`, else make() and keep it. `accept(payload)`: whether
        a stored payload has the expected shape (else it is made again)."""
        stored = self.get(kind, key)
        if stored is not None and (accept is None or accept(stored.payload)):
            self.reused[kind] += 1
            return stored.payload
        payload = make()
        self.made[kind] += 1
        self.put(kind, key, payload)
        return payload

    def close(self) -> None:
        """Close this process's connection (a later get or put opens it again)."""
        with self._lock:
            if self._connection is not None and self._pid == os.getpid():
                try:
                    self._connection.close()
                except sqlite3.Error:
                    pass
            self._connection = None

    def summary(self) -> str:
        kinds = sorted(set(self.made) | set(self.reused))
        return ", ".join(f"{kind} {self.made[kind]} tehty / {self.reused[kind]} uudelleen" for kind in kinds)


_DISABLED = ArtifactCache(None, None)
_current: dict = {"cache": _DISABLED, "root": None}


def use(root: Path | None) -> ArtifactCache:
    """Make `root`'s cache (root/.cache/guidekit/artifacts.sqlite3) the one artefacts are kept in,
    for this process; None, or GUIDEKIT_CACHE=0, turns it off. The same root keeps its
    counters (static-i18n runs the hooks once per language)."""
    if root is None or not lintcache.cache_enabled():
        _current["cache"].close()
        _current.update(cache=_DISABLED, root=None)
        return _DISABLED
    root = Path(root).resolve()
    if _current["root"] != root:
        _current["cache"].close()
        _current.update(cache=ArtifactCache(root / DATABASE, lintcache.signing_secret()), root=root)
    return _current["cache"]


def current() -> ArtifactCache:
    return _current["cache"]
