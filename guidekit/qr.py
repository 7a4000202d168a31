"""QR codes made at build time with segno (no network): inline SVG for the print sheet and
the organisations page, and SVG and PNG files to download for posters and leaflets."""

from __future__ import annotations

import functools
import html
import io
from pathlib import Path

import segno

from guidekit import buildcache

# M recovers from about 15 % damage: enough for a folded or smudged handout while
# keeping the code small (short addresses need version 3-4).
ERROR_CORRECTION = "m"
# A module of the PNG file is 16 px: about 600 px in all, 5 cm wide at 300 dpi.
PNG_SCALE = 16
QR_FOLDER = "qr"  # site/qr/<lang>/<short>.svg and .png


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


def _version() -> str:
    return buildcache.code_version(__file__, "segno")


def _key(what: str, *parts) -> str:
    return buildcache.key_of(_version(), what, ERROR_CORRECTION, *parts)


def choose_mask(data: str) -> int:
    """segno's choice of mask for `data` (it draws all eight and scores them): the slow part
    of making a code, so it is made once per address and kept (buildcache)."""
    cache = buildcache.current()
    key = _key("mask", data)
    stored = cache.get("qr-mask", key)
    if stored is not None and stored.meta.get("mask") in range(8):
        cache.reused["qr-mask"] += 1
        return stored.meta["mask"]
    mask = segno.make(data, error=ERROR_CORRECTION, micro=False).mask
    cache.made["qr-mask"] += 1
    cache.put("qr-mask", key, meta={"mask": mask})
    return mask


@functools.lru_cache(maxsize=4096)
def _code(data: str):
    # Each address is drawn several times per build (print sheet, organisations page,
    # files); with its mask given, segno draws the code once instead of nine times.
    return segno.make(data, error=ERROR_CORRECTION, micro=False, mask=choose_mask(data))


def _cached_text(kind: str, key: str, make) -> bytes:
    """The artefact `kind` under `key` from the build cache, else make() and keep it."""
    cache = buildcache.current()
    stored = cache.get(kind, key)
    if stored is not None:
        cache.reused[kind] += 1
        return stored.payload
    payload = make()
    cache.made[kind] += 1
    cache.put(kind, key, payload)
    return payload


@functools.lru_cache(maxsize=4096)
def _drawing(data: str) -> str:
    def make() -> bytes:
        return _code(data).svg_inline(scale=1, border=4, omitsize=True, svgclass=None, lineclass=None,
                                      light="#fff", dark="#000").encode("utf-8")
    try:
        return _cached_text("qr-inline", _key("inline", data), make).decode("utf-8")
    except UnicodeDecodeError:  # cannot be (the MAC matched), but never publish a broken code
        return make().decode("utf-8")


def qr_file_name(lang: str, short_id: str, kind: str) -> str:
    """Where a guide's QR file is, relative to the site root (kind: "svg" or "png")."""
    return f"{QR_FOLDER}/{lang}/{short_id}.{kind}"


def qr_files(data: str, title: str) -> dict[str, bytes]:
    """The QR code of `data` as a standalone SVG file (scalable, for print shops; its
    <title> names it) and a PNG image (for word processors), both with the quiet zone.
    Kept in the build cache: the PNG's encoding is the costly part."""
    return {
        "svg": _cached_text("qr-svg", _key("svg", data, title), lambda: _svg_file(data, title)),
        "png": _cached_text("qr-png", _key("png", data, PNG_SCALE), lambda: _png_file(data)),
    }


def _png_file(data: str) -> bytes:
    png = io.BytesIO()
    _code(data).save(png, kind="png", scale=PNG_SCALE, border=4, light="#fff", dark="#000")
    return png.getvalue()


def _svg_file(data: str, title: str) -> bytes:
    code = _code(data)
    svg = io.BytesIO()
    # scale 10 gives the SVG a size in px for programs that need one; it scales freely.
    code.save(svg, kind="svg", scale=10, border=4, title=title, svgclass=None, lineclass=None,
              light="#fff", dark="#000")
    # segno gives a sized SVG no viewBox; with one it also scales when resized in a layout.
    width, height = code.symbol_size(scale=10, border=4)
    return svg.getvalue().replace(b"<svg ", f'<svg viewBox="0 0 {width} {height}" '.encode(), 1)


def write_qr_files(site_dir: Path, lang: str, short_id: str, data: str, title: str) -> list[Path]:
    """Write a guide's QR files into the built site; an unchanged file is left as it is, so
    `mkdocs serve` does not see them change on every rebuild."""
    written = []
    for kind, content in qr_files(data, title).items():
        target = Path(site_dir) / qr_file_name(lang, short_id, kind)
        if not (target.exists() and target.read_bytes() == content):
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        written.append(target)
    return written
