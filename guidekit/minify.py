"""The site's own stylesheets and scripts published without comments and spaces (issue 20).

`overrides/assets/` keeps them readable, with the comments that say why; the published
copies are what a reader's phone downloads before it can show a page. rcssmin and rjsmin
only remove what the languages define as insignificant (comments, spaces, line breaks
where no statement depends on them)."""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin


def minified(text: str, suffix: str) -> str:
    if suffix == ".css":
        return rcssmin.cssmin(text)
    if suffix == ".js":
        return rjsmin.jsmin(text)
    raise ValueError(f"no minifier for {suffix}")


def minify_files(site_dir: Path, paths: list[str]) -> list[tuple[str, int, int]]:
    """Minify each file (paths inside the site) in place: (path, bytes before, after)."""
    done = []
    for path in paths:
        file = site_dir / path
        if not file.is_file() or file.suffix not in (".css", ".js"):
            continue
        text = file.read_text(encoding="utf-8")
        small = minified(text, file.suffix)
        if small != text:
            file.write_text(small, encoding="utf-8")
        done.append((path, len(text.encode("utf-8")), len(small.encode("utf-8"))))
    return done
