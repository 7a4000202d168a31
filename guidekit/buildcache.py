"""Build artefacts kept between builds, beside the check results (.cache/guidekit/artifacts/).

Some of a build's work depends only on its inputs and is the same in every build: a QR
code of an address (segno tries all eight masks to choose one), the WebP copy of an
image (a lossless encode), what an image file is (decoding its pixels). Each is stored
once under a *key*: a SHA-256 over the code that makes it (its module's source and the
library's version, code_version()), its settings and its input's content (not its
name or time, so a fresh clone or a touched file reuses it, and a replaced file never
does). A changed input is a new key, so a stale artefact is never found.

One file per artefact, `<kind>/<key>`: a header line (JSON: kind, key, meta, MAC) and
the payload's bytes. The MAC is an HMAC-SHA256 with the user's secret of the results
cache (guidekit/lintcache.py): these files go into the published pages (a QR code is
inline SVG), so a file copied from elsewhere or edited by hand must not be published.
A missing, truncated, corrupt, foreign or oversized file, or one of another shape, is a
miss: the artefact is made again and the file replaced. Files are written beside and
renamed over, so a build running at the same time reads the old file or the new one.
A cache that cannot be written (read-only checkout) is skipped; GUIDEKIT_CACHE=0 turns
it off. Nothing is deleted automatically: `rm -rf .cache/guidekit` is always safe.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from guidekit import atomicfile, lintcache

FORMAT = 1  # bump when the file layout changes
FOLDER = lintcache.CACHE_FILE.parent / "artifacts"
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
    """Artefacts by kind and key in `folder`; `made` and `reused` count them per kind
    (what a test or the build log reads: the second build of unchanged input makes none)."""

    def __init__(self, folder: Path | None, secret: bytes | None):
        self.folder = Path(folder) if folder is not None else None
        self.secret = secret
        self.made: Counter = Counter()
        self.reused: Counter = Counter()

    @property
    def enabled(self) -> bool:
        return self.folder is not None and self.secret is not None

    def path(self, kind: str, key: str) -> Path:
        return self.folder / kind / key

    def get(self, kind: str, key: str) -> Artifact | None:
        """The stored artefact, or None when there is none that can be trusted."""
        if not self.enabled:
            return None
        try:
            path = self.path(kind, key)
            if path.stat().st_size > MAX_ENTRY_BYTES:
                return None
            data = path.read_bytes()
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
        except (OSError, ValueError, KeyError, TypeError, RecursionError, UnicodeDecodeError):
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
        try:
            path = self.path(kind, key)
            path.parent.mkdir(parents=True, exist_ok=True)
            # No fsync: a file cut short by a crash fails its length or MAC and is made again.
            atomicfile.write_bytes(path, MAGIC + line + b"\n" + payload, sync=False)
        except (OSError, ValueError):
            pass  # read-only or full: the next build makes it again

    def summary(self) -> str:
        kinds = sorted(set(self.made) | set(self.reused))
        return ", ".join(f"{kind} {self.made[kind]} tehty / {self.reused[kind]} uudelleen" for kind in kinds)


_DISABLED = ArtifactCache(None, None)
_current: dict = {"cache": _DISABLED, "root": None}


def use(root: Path | None) -> ArtifactCache:
    """Make `root`'s cache (root/.cache/guidekit/artifacts) the one artefacts are kept in,
    for this process; None, or GUIDEKIT_CACHE=0, turns it off. The same root keeps its
    counters (static-i18n runs the hooks once per language)."""
    if root is None or not lintcache.cache_enabled():
        _current.update(cache=_DISABLED, root=None)
        return _DISABLED
    root = Path(root).resolve()
    if _current["root"] != root:
        _current.update(cache=ArtifactCache(root / FOLDER, lintcache.signing_secret()), root=root)
    return _current["cache"]


def current() -> ArtifactCache:
    return _current["cache"]
