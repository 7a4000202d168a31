"""MkDocs glue for what a page loads first (guidekit/cssprune.py, guidekit/minify.py).

After the whole site is built (every language: static-i18n builds the others inside the
default language's build):
- Material's `main.*.min.css` is replaced in every page by a copy without the rules no page
  and no script of the site can use (the whole one stays beside it, unlinked);
- our own stylesheets and scripts (`extra_css`, `extra_javascript`) are minified.
Only in `mkdocs build`: the preview (`mkdocs serve`, also `--dirty`) keeps the whole
stylesheet, so a page an author is writing never misses a rule that the pages built before
it did not need, and keeps our files readable. GUIDEKIT_PRUNE_CSS=0 turns both off (to
compare with the whole stylesheet)."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger

from guidekit import buildcache
from guidekit.cssprune import prune_site
from guidekit.minify import minify_files

log = get_plugin_logger("guidekit.assets")
_state = {"serve": False}

# Material's own stylesheets, as it names them in the built site.
THEME_STYLESHEETS = ("assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css")


def on_startup(command, dirty):
    _state["serve"] = command == "serve"


def _theme_stylesheets(site_dir: Path) -> list[str]:
    found = []
    for pattern in THEME_STYLESHEETS:
        found += [p.relative_to(site_dir).as_posix() for p in sorted(site_dir.glob(pattern))
                  if ".pruned-" not in p.name]
    return found


def _own_files(config) -> list[str]:
    scripts = [getattr(s, "path", s) for s in config.extra_javascript]
    return [str(path) for path in [*config.extra_css, *scripts] if "://" not in str(path)]


@event_priority(-150)  # after static-i18n (-100) has built every other language into site_dir
def on_post_build(config):
    i18n = config.plugins.get("guidekit-i18n")
    if _state["serve"] or os.environ.get("GUIDEKIT_PRUNE_CSS") == "0" or getattr(i18n, "building", False):
        return
    site_dir = Path(config.site_dir)
    # Each page's names are kept with the build's other artefacts (set up by hooks/images.py).
    for done in prune_site(site_dir, _theme_stylesheets(site_dir), buildcache.current()):
        log.info(f"{done.original} ({done.bytes_before} tavua) -> {done.pruned} ({done.bytes_after} tavua)")
    for path, before, after in minify_files(site_dir, _own_files(config)):
        log.debug(f"{path}: {before} -> {after} tavua")
