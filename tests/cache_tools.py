"""The build cache's rows as the tests damage them (guidekit/buildcache.py keeps them in SQLite)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from guidekit import buildcache


@dataclass(frozen=True)
class StoredEntry:
    """One row of the build cache, read and written as a test would a file."""

    database: Path
    kind: str
    name: str  # the key

    def _run(self, sql: str, *values):
        with sqlite3.connect(self.database) as connection:
            return connection.execute(sql, values).fetchone()

    def read_bytes(self) -> bytes:
        return self._run(f"SELECT entry FROM {buildcache.TABLE} WHERE kind = ? AND key = ?", self.kind, self.name)[0]

    def write_bytes(self, data: bytes) -> None:
        self._run(f"UPDATE {buildcache.TABLE} SET entry = ? WHERE kind = ? AND key = ?", data, self.kind, self.name)

    def write_text(self, text: str) -> None:
        self.write_bytes(text.encode("utf-8"))


def stored_entries(database: Path, kind: str) -> list[StoredEntry]:
    """The rows of one kind, by key."""
    with sqlite3.connect(database) as connection:
        keys = [key for (key,) in connection.execute(f"SELECT key FROM {buildcache.TABLE} WHERE kind = ? ORDER BY key", (kind,))]
    return [StoredEntry(Path(database), kind, key) for key in keys]
