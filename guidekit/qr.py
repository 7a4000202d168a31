"""QR codes as inline SVG, made at build time with segno (no network, no image files)."""

from __future__ import annotations

import functools
import html

import segno

# M recovers from about 15 % damage: enough for a folded or smudged handout while
# keeping the code small (short addresses need version 3-4).
ERROR_CORRECTION = "m"


def qr_svg(data: str, label: str, size_px: int | None = None, css_class: str = "gk-qr") -> str:
    """An <svg role="img" aria-label=label> encoding `data`.

    Without size_px the SVG has only a viewBox and takes the size CSS gives it; the
    quiet zone (4 modules of white) is part of the drawing, as scanners need it.
    """
    svg = _drawing(data)
    size = f' width="{size_px}" height="{size_px}"' if size_px else ""
    attributes = f'class="{css_class}" role="img" aria-label="{html.escape(label)}"{size}'
    # segno writes no title; the label is both the accessible name and the tooltip.
    return svg.replace("<svg ", f"<svg {attributes} ", 1).replace(
        ">", f"><title>{html.escape(label)}</title>", 1
    )


@functools.lru_cache(maxsize=512)
def _drawing(data: str) -> str:
    # Choosing the best mask takes most of the time (about 15 ms); each address is
    # drawn twice per build (print sheet and organisations page), so keep the result.
    code = segno.make(data, error=ERROR_CORRECTION, micro=False)
    return code.svg_inline(scale=1, border=4, omitsize=True, svgclass=None, lineclass=None,
                           light="#fff", dark="#000")
