"""QR codes made at build time with segno (no network): inline SVG for the print sheet and
the organisations page, and SVG and PNG files to download for posters and leaflets."""

from __future__ import annotations

import functools
import html
import io
import struct
import zlib
from pathlib import Path
from typing import Callable

import segno

from guidekit import buildcache, qrmask
from guidekit.sitedir import write_file_unless_same

# M recovers from about 15 % damage: enough for a folded or smudged handout while
# keeping the code small (short addresses need version 3-4).
ERROR_CORRECTION = "m"
# A module of the PNG file is 16 px: about 600 px in all, 5 cm wide at 300 dpi.
PNG_SCALE = 16
PNG_COMPRESSION = 6  # zlib level: see png_of_matrix
BORDER = 4  # the quiet zone, in modules: what scanners need
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


@functools.lru_cache(maxsize=None)
def _version() -> str:
    # The mask is chosen in qrmask.py: an edit there must not reuse masks chosen before it.
    return buildcache.key_of(buildcache.code_version(__file__, "segno"), buildcache.code_version(qrmask.__file__))


def _key(what: str, *parts) -> str:
    return buildcache.key_of(_version(), what, ERROR_CORRECTION, *parts)


def choose_mask(data: str) -> int:
    """segno's choice of mask for `data` (segno draws all eight and scores them; guidekit/qrmask.py
    makes the same choice with bit operations), made once per address and kept (buildcache)."""
    return _mask_and_code(data)[0]


def _mask_and_code(data: str):
    """(mask, the code if it was just made to choose the mask, else None)."""
    cache = buildcache.current()
    key = _key("mask", data)
    stored = cache.get("qr-mask", key)
    if stored is not None and stored.meta.get("mask") in range(8):
        cache.reused["qr-mask"] += 1
        return stored.meta["mask"], None
    code = qrmask.make_code(data, ERROR_CORRECTION)  # = segno.make(data, error=..., micro=False)
    cache.made["qr-mask"] += 1
    cache.put("qr-mask", key, meta={"mask": code.mask})
    return code.mask, code


@functools.lru_cache(maxsize=4096)
def _code(data: str):
    # Each address is drawn several times per build (print sheet, organisations page,
    # files); with its mask given, segno draws the code once instead of nine times. The
    # code drawn to choose the mask is that same code (segno tests the masks on one matrix).
    mask, code = _mask_and_code(data)
    return code if code is not None else segno.make(data, error=ERROR_CORRECTION, micro=False, mask=mask)


@functools.lru_cache(maxsize=4096)
def _drawing(data: str) -> str:
    def make() -> bytes:
        return _code(data).svg_inline(scale=1, border=BORDER, omitsize=True, svgclass=None, lineclass=None,
                                      light="#fff", dark="#000").encode("utf-8")
    try:
        return buildcache.current().payload_or_make("qr-inline", _key("inline", data), make).decode("utf-8")
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
        "svg": buildcache.current().payload_or_make("qr-svg", _key("svg", data, title), lambda: _svg_file(data, title)),
        "png": buildcache.current().payload_or_make("qr-png", _key("png", data, PNG_SCALE), lambda: _png_file(data)),
    }


def _png_file(data: str) -> bytes:
    return png_of_matrix(_code(data).matrix, PNG_SCALE, BORDER)


def png_of_matrix(matrix, scale: int, border: int) -> bytes:
    """The image segno's PNG writer makes of a code drawn black on white (`save(kind="png",
    light="#fff", dark="#000")`), pixel for pixel: greyscale, 1 bit per pixel (light 1, dark 0),
    each module's row once and then scale - 1 times as PNG's "Up" filter. segno builds the rows
    pixel by pixel in Python; here each row is one integer, a tenth of the time. Compressed at
    zlib's default level, not segno's 9: 0.3 ms instead of 1.5 ms per code for about 60 bytes
    more (tests/test_build_cache.py compares the pixels with segno's)."""
    modules = len(matrix) + 2 * border
    width = modules * scale
    row_bytes = (width + 7) // 8

    def packed(bits: str) -> bytes:
        return int(bits, 2).to_bytes(row_bytes, "big")  # padded at the end with zeros

    light, dark, padding = "1" * scale, "0" * scale, "0" * (-width % 8)
    quiet = light * border
    quiet_row = b"\0" + packed(light * modules + padding)
    same_as_above = (b"\2" + bytes(row_bytes)) * (scale - 1)
    rows = [quiet_row * (border * scale)]
    for row in matrix:
        bits = quiet + "".join(dark if module else light for module in row) + quiet + padding
        rows += [b"\0", packed(bits), same_as_above]
    rows.append(quiet_row * (border * scale))

    def chunk(name: bytes, content: bytes) -> bytes:
        return struct.pack(">I", len(content)) + name + content + struct.pack(">I", zlib.crc32(name + content))

    header = struct.pack(">2I5B", width, width, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), PNG_COMPRESSION))
            + chunk(b"IEND", b""))


def _svg_file(data: str, title: str) -> bytes:
    code = _code(data)
    svg = io.BytesIO()
    # scale 10 gives the SVG a size in px for programs that need one; it scales freely.
    code.save(svg, kind="svg", scale=10, border=BORDER, title=title, svgclass=None, lineclass=None,
              light="#fff", dark="#000")
    # segno gives a sized SVG no viewBox; with one it also scales when resized in a layout.
    width, height = code.symbol_size(scale=10, border=BORDER)
    return svg.getvalue().replace(b"<svg ", f'<svg viewBox="0 0 {width} {height}" '.encode(), 1)


def write_qr_files(site_dir: Path, lang: str, short_id: str, data: str, title: str,
                   write: Callable[[Path, bytes], object] = write_file_unless_same) -> list[Path]:
    """Write a guide's QR files into the built site with write(path, content), which leaves an
    unchanged file as it is, so `mkdocs serve` does not see them change on every rebuild (the
    hooks pass guidekit.sitedir.write_unless_same, which also knows an in-place build)."""
    written = []
    for kind, content in qr_files(data, title).items():
        target = Path(site_dir) / qr_file_name(lang, short_id, kind)
        write(target, content)
        written.append(target)
    return written
