"""MkDocs glue for pruning Material's stylesheet (guidekit/cssprune.py).

After the whole site is built (every language: static-i18n builds the others inside the
default language's build), Material's `main.*.min.css` is replaced in every page by a copy
without the rules no page and no script of the site can use. Only in `mkdocs build`: the
preview (`mkdocs serve`, also `--dirty`) keeps the whole stylesheet, so a page an author
is writing never misses a rule that the pages built before it did not need.
GUIDEKIT_PRUNE_CSS=0 turns it off (to compare with the whole stylesheet)."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger

from guidekit.cssprune import prune_site

log = get_plugin_logger("guidekit.cssprune")
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


@event_priority(-150)  # after static-i18n (-100) has built every other language into site_dir
def on_post_build(config):
    i18n = config.plugins.get("guidekit-i18n")
    if _state["serve"] or os.environ.get("GUIDEKIT_PRUNE_CSS") == "0" or getattr(i18n, "building", False):
        return
    site_dir = Path(config.site_dir)
    for done in prune_site(site_dir, _theme_stylesheets(site_dir)):
        log.info(f"{done.original} ({done.bytes_before} tavua) -> {done.pruned} ({done.bytes_after} tavua)")
