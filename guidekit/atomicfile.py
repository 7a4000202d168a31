"""Every write of an author's file or a record goes through here: written beside the file,
flushed to disk, then renamed over it.

A rename is atomic on one file system, so a reader (a build running at the same time, a
second `guidekit status --mark-synced`) sees the old file or the new one, never half a
file, and a crash or a full disk mid-write leaves the old file as it was.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


def write_bytes(path: Path, data: bytes, sync: bool = True) -> None:
    """Replace the file's content with data, atomically; keeps the file's permissions.
    Raises OSError (the old file is then untouched). sync=False skips the flush to disk,
    for files that can be made again (caches that check what they read)."""
    path = Path(path)
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = 0o644
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            if sync:
                os.fsync(out.fileno())
        os.chmod(temporary, mode)  # mkstemp makes it private
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def write_text(path: Path, text: str) -> None:
    """write_bytes() of UTF-8 text, line endings exactly as given."""
    write_bytes(path, text.encode("utf-8"))

