"""Compiled page templates, shared by the language builds of one process.

static-i18n builds each language with a fresh Jinja environment, which compiled Material's
templates again every time: with four languages that was about a third of a small site's
build CPU time (BENCHMARKS.md, "Test suite cost"). The compiled code of a template depends
only on its source and on the environment's compile-time settings, so it is kept per
(template name, file, settings) and used again only while the source's checksum matches:
an edited template, also during `mkdocs serve`, is compiled afresh.
"""

from __future__ import annotations

import hashlib

from jinja2.bccache import Bucket, BytecodeCache

# Environment attributes that change the code Jinja generates for the same source.
_COMPILE_SETTINGS = (
    "block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
    "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
    "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized",
    "autoescape", "finalize", "is_async", "newstyle_gettext", "code_generator_class",
)


def compile_settings(environment) -> str:
    """A digest of what makes two environments compile one source differently: the syntax
    and compiler settings, the extensions and which filters and tests exist."""
    parts = [repr(getattr(environment, name, None)) for name in _COMPILE_SETTINGS]
    parts.append(repr(sorted(environment.extensions)))
    parts.append(repr(sorted(environment.filters)))
    parts.append(repr(sorted(environment.tests)))
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()


class SharedTemplateCode(BytecodeCache):
    """Jinja's bytecode cache in memory: code objects by template, settings and checksum."""

    def __init__(self) -> None:
        self._code: dict[str, tuple[str, object]] = {}

    def get_bucket(self, environment, name, filename, source) -> Bucket:
        key = self.get_cache_key(name, filename) + ":" + compile_settings(environment)
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        entry = self._code.get(bucket.key)
        if entry is not None and entry[0] == bucket.checksum:
            bucket.code = entry[1]

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = (bucket.checksum, bucket.code)

    def clear(self) -> None:
        self._code.clear()

    def __len__(self) -> int:
        return len(self._code)


# One per process: the hooks are loaded afresh for every build `mkdocs serve` makes, this module is not.
SHARED = SharedTemplateCode()


def share_compiled_templates(environment):
    """Let the environment reuse templates compiled by the other language builds."""
    environment.bytecode_cache = SHARED
    return environment
