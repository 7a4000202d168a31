"""Image files, without MkDocs: find a page's image, inspect it, make clean and light copies.

Used by the image rules (guidekit/rules/img2*.py), by hooks/images.py when the
site is written, and by `guidekit images`. Pillow reads raster images; SVG is
read as XML, because Pillow cannot open it.
"""

from __future__ import annotations

import io
import os.path
import re
import struct
import warnings
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from PIL import ExifTags, Image, ImageOps

from guidekit import buildcache
from guidekit.languages import DEFAULT_LANGUAGE

SVG_NS = "http://www.w3.org/2000/svg"
EXTERNAL = re.compile(r"^\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")
REMOTE = re.compile(r"^\s*(?:https?:|ftp:|//)", re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*['\"]?\s*(?P<url>[^'\")\s]+)", re.IGNORECASE)
CSS_IMPORT = re.compile(r"@import\b[^;]*", re.IGNORECASE)
CSS_FONT_FACE = re.compile(r"@font-face\b", re.IGNORECASE)
SVG_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(px|pt|pc|mm|cm|in)?\s*$")
# CSS pixels per unit (CSS Values 3): an SVG's width="210mm" is 794 px on screen.
PX_PER_UNIT = {None: 1.0, "px": 1.0, "pt": 96 / 72, "pc": 16.0, "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96.0}
SVG_METADATA_BLOCK = re.compile(rb"<metadata\b.*?(?:/>|</metadata\s*>)", re.DOTALL | re.IGNORECASE)
SVG_EDITOR_PATH_ATTR = re.compile(rb"\s(?:sodipodi:docname|inkscape:export-filename)\s*=\s*(\"[^\"]*\"|'[^']*')")
# Editors' attributes that hold a file path, often with the author's user name in it.
SVG_EDITOR_PATH_NAMES = ("docname", "export-filename")

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_METADATA_CHUNKS = {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"}
JPEG_KEEP_APP = {0xE0, 0xEE}  # JFIF, Adobe (colour transform); ICC (APP2) is kept separately
EXIF_POINTERS = {int(ExifTags.IFD.Exif), int(ExifTags.IFD.GPSInfo), int(ExifTags.IFD.Interop)}


@dataclass(frozen=True)
class ImageInfo:
    """What a file is, as far as the checks and the published copies need to know."""

    path: Path
    size_bytes: int
    format: str | None = None  # "PNG", "JPEG", "GIF", "WEBP", "SVG" …
    width: int | None = None  # pixels; for SVG its intrinsic CSS size
    height: int | None = None
    frames: int = 1
    metadata: tuple[str, ...] = ()  # names of the metadata fields present, e.g. "GPSInfo", "XMP"
    error: str | None = None  # why the file cannot be read as an image
    has_size: bool = True  # SVG: width/height or viewBox given
    svg_problems: tuple[str, ...] = ()  # SVG: scripts and references outside the file

    @property
    def is_svg(self) -> bool:
        return self.format == "SVG"

    @property
    def animated(self) -> bool:
        return self.frames > 1

    @property
    def longest_side(self) -> int:
        return max(self.width or 0, self.height or 0)


# --- Where an image is -------------------------------------------------------------------


def is_inline(src: str) -> bool:
    """A data: address: the picture is inside the page, there is no file to check."""
    return src.strip().lower().startswith("data:")


def is_external(src: str) -> bool:
    """An address on another site (or with another scheme), not a file of this site."""
    return bool(EXTERNAL.match(src)) and not is_inline(src)


def is_remote(src: str) -> bool:
    return bool(REMOTE.match(src))


def src_path(src: str) -> str:
    """The file part of an image address: no query, no fragment, %-escapes decoded."""
    return unquote(urlsplit(src.strip()).path)


def candidate_paths(src: str, page: Path, docs_dir: Path, lang: str) -> list[Path]:
    """Where the site looks for a page's image, in order (as mkdocs-static-i18n does).

    docs/sv/x/y.md with ../assets/a.svg: docs/sv/assets/a.svg, then the default
    language's docs/fi/assets/a.svg, then docs/assets/a.svg.
    """
    if is_external(src) or is_inline(src):
        return []
    path = src_path(src)
    if not path:
        return []
    docs_dir = Path(docs_dir)
    lang_root = docs_dir / lang
    if path.startswith("/"):
        target = lang_root / path.lstrip("/")
    else:
        target = Path(page).parent / path
    target = _normalize(target)
    try:
        inner = target.relative_to(_normalize(lang_root))
    except ValueError:
        return [target]  # outside the language folder: only there (find_image rejects outside docs/)
    candidates = [docs_dir / lang / inner]
    if lang != DEFAULT_LANGUAGE:
        candidates.append(docs_dir / DEFAULT_LANGUAGE / inner)
    candidates.append(docs_dir / inner)
    return candidates


def find_image(src: str, page: Path, docs_dir: Path, lang: str) -> Path | None:
    """The file the published page will show, or None (missing, or outside docs/)."""
    for candidate in candidate_paths(src, page, docs_dir, lang):
        if candidate.is_file() and _inside(candidate, docs_dir):
            return candidate
    return None


def page_path(doc, root: Path) -> Path:
    """The page's file on disk (documents parsed from text know only their relative path)."""
    return doc.abs_path if doc.abs_path is not None else Path(root) / doc.path


def image_files(doc, root: Path, docs_dir: str = "docs") -> list[tuple[object, Path | None]]:
    """(image reference, file or None when missing) for each image of the page that should be
    a file of this site; looked up once per page and shared by the image rules."""
    key = ("image_files", str(root), docs_dir)
    if key not in doc.cache:
        page = page_path(doc, root)
        found = []
        for image in doc.images:
            if not image.src.strip() or is_external(image.src) or is_inline(image.src):
                continue
            found.append((image, find_image(image.src, page, Path(root) / docs_dir, doc.lang)))
        doc.cache[key] = found
    return doc.cache[key]


def local_images(doc, root: Path, docs_dir: str = "docs") -> list[tuple[object, Path, "ImageInfo"]]:
    """(image reference, file, what the file is) for each image of the page that is a file of
    this site and exists; each file inspected once per page."""
    key = ("local_images", str(root), docs_dir)
    if key not in doc.cache:
        doc.cache[key] = [
            (image, path, inspect_image(path)) for image, path in image_files(doc, root, docs_dir) if path is not None
        ]
    return doc.cache[key]


def _normalize(path: Path) -> Path:
    # Resolve ".." without touching the disk (the file may not exist).
    return Path(os.path.normpath(Path(path).absolute()))


def _inside(path: Path, folder: Path) -> bool:
    return _normalize(path).is_relative_to(_normalize(folder))


# --- Alt text ----------------------------------------------------------------------------

WORDS_ONLY = re.compile(r"[^\w\s]|\d|_", re.UNICODE)


def alt_words(text: str) -> str:
    """Alt text reduced for comparing with word lists: lower case, no digits or punctuation."""
    return " ".join(WORDS_ONLY.sub(" ", text.casefold()).split())


def same_text(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def described(image) -> bool:
    """An image that has an alt text to judge (not decorative, alt given and not empty)."""
    return not image.decorative and bool((image.alt or "").strip())


def file_stem(src: str) -> str:
    return Path(src_path(src)).stem


# --- What an image is --------------------------------------------------------------------


def inspect_image(path: Path) -> ImageInfo:
    """Inspect a file; a missing, unreadable or corrupt file gives an ImageInfo with `error`."""
    path = Path(path)
    try:
        stat = path.stat()
    except OSError as error:
        return ImageInfo(path=path, size_bytes=0, error=error.strerror or str(error))
    # Keyed by the path as given (made absolute, not resolved: resolving costs a system call
    # per folder, 0.1 s a build) and by what stat says of the file it reaches.
    return _inspect_cached(path.absolute(), stat.st_mtime_ns, stat.st_size, stat.st_ino)


@lru_cache(maxsize=4096)
def _inspect_cached(path: Path, mtime_ns: int, size: int, inode: int) -> ImageInfo:
    # The same image is referenced from every language's page; read it once per version.
    try:
        data = path.read_bytes()
    except OSError as error:
        return ImageInfo(path=path, size_bytes=size, error=error.strerror or str(error))
    # What a file is depends on its bytes (and on its suffix: an SVG is told by it too).
    svg = looks_like_svg(path, data)
    cache, key = buildcache.current(), _image_key("inspect", data, svg)
    stored = cache.get("image-info", key)
    if stored is not None:
        info = _info_from_meta(path, stored.meta)
        if info is not None:
            cache.reused["image-info"] += 1
            return info
    info = inspect_svg(path, data) if svg else inspect_raster(path, data)
    cache.made["image-info"] += 1
    cache.put("image-info", key, meta=_info_meta(info))
    return info


def _image_key(what: str, data: bytes, *settings) -> str:
    return buildcache.key_of(buildcache.code_version(__file__, "Pillow"), what, data, *settings)


INFO_FIELDS = {"size_bytes": int, "format": (str, type(None)), "width": (int, type(None)),
               "height": (int, type(None)), "frames": int, "metadata": list, "error": (str, type(None)),
               "has_size": bool, "svg_problems": list}


def _info_meta(info: ImageInfo) -> dict:
    return {name: list(value) if isinstance(value, tuple) else value
            for name in INFO_FIELDS for value in [getattr(info, name)]}


def _info_from_meta(path: Path, meta: dict) -> ImageInfo | None:
    """The stored inspection of the file at path; None if it is not of ImageInfo's shape."""
    if set(meta) != set(INFO_FIELDS):
        return None
    for name, kind in INFO_FIELDS.items():
        if not isinstance(meta[name], kind) or (kind is int and isinstance(meta[name], bool)):
            return None
    if not all(isinstance(item, str) for name in ("metadata", "svg_problems") for item in meta[name]):
        return None
    return ImageInfo(path=path, **{name: tuple(value) if isinstance(value, list) else value
                                   for name, value in meta.items()})


def looks_like_svg(path: Path, data: bytes) -> bool:
    if Path(path).suffix.lower() in (".svg", ".svgz"):
        return True
    head = data[:512].lstrip().lower()
    return head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in data[:2048].lower())


def inspect_raster(path: Path, data: bytes) -> ImageInfo:
    size = len(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                fmt = image.format
                width, height = image.size
                frames = getattr(image, "n_frames", 1)
                metadata = raster_metadata(image)
                image.load()  # decodes the pixels: a truncated or corrupt file fails here
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        return ImageInfo(path=path, size_bytes=size, error="too many pixels to open safely")
    except Image.UnidentifiedImageError:
        return ImageInfo(path=path, size_bytes=size, error="not an image file Pillow can read")
    except (OSError, SyntaxError, ValueError, struct.error, EOFError) as error:
        return ImageInfo(path=path, size_bytes=size, error=f"corrupt image data ({error})")
    return ImageInfo(
        path=path,
        size_bytes=size,
        format=fmt,
        width=width,
        height=height,
        frames=frames,
        metadata=metadata,
    )


def raster_metadata(image: Image.Image) -> tuple[str, ...]:
    """Names of the metadata fields in an opened image: EXIF tag names, XMP, IPTC, text keys."""
    names: list[str] = []
    try:
        exif = image.getexif()
    except Exception:  # noqa: BLE001 - broken EXIF is itself worth reporting, not a crash
        names.append("EXIF")
        exif = None
    if exif:
        for tag in exif:
            if tag not in EXIF_POINTERS:
                names.append(ExifTags.TAGS.get(tag, f"0x{tag:04X}"))
        for ifd, label in ((ExifTags.IFD.Exif, None), (ExifTags.IFD.GPSInfo, "GPSInfo")):
            try:
                values = exif.get_ifd(ifd)
            except Exception:  # noqa: BLE001
                values = {}
            if not values:
                continue
            if label:
                names.append(label)
            else:
                names.extend(ExifTags.TAGS.get(tag, f"0x{tag:04X}") for tag in values)
    info = image.info
    if info.get("xmp") or "XML:com.adobe.xmp" in info:
        names.append("XMP")
    if any(marker == "APP13" for marker, _ in getattr(image, "applist", [])):
        names.append("IPTC")
    if info.get("comment"):
        names.append("Comment")
    for key in getattr(image, "text", {}) or {}:
        if key != "XML:com.adobe.xmp":
            names.append(key)
    return tuple(dict.fromkeys(names))


def _local_name(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def svg_length(value: str | None) -> float | None:
    if value is None:
        return None
    match = SVG_LENGTH.match(value)
    if not match:
        return None  # percentages and em depend on where the image is shown
    return float(match.group(1)) * PX_PER_UNIT[match.group(2)]


def inspect_svg(path: Path, data: bytes) -> ImageInfo:
    size = len(data)
    if b"<!ENTITY" in data:
        # Entity declarations are how XML bombs work; an SVG drawing never needs them.
        return ImageInfo(path=path, size_bytes=size, format="SVG", error="XML entity declarations (<!ENTITY>) are not allowed")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        return ImageInfo(path=path, size_bytes=size, format="SVG", error=f"not well-formed XML: {error}")
    if root.tag != f"{{{SVG_NS}}}svg":
        return ImageInfo(
            path=path,
            size_bytes=size,
            format="SVG",
            error=f"root element is <{_local_name(root.tag)}>, not <svg xmlns=\"{SVG_NS}\">",
        )
    width, height, has_size = svg_size(root)
    problems: list[str] = []
    metadata: list[str] = []
    for element in root.iter():
        tag = _local_name(element.tag) if isinstance(element.tag, str) else ""
        if tag == "script":
            problems.append("<script>")
        elif tag == "metadata":
            metadata.append("metadata")
        elif tag == "style" and element.text:
            problems.extend(css_problems(element.text))
        for name, value in element.attrib.items():
            local = _local_name(name)
            if local.lower().startswith("on"):
                problems.append(f'{local}="…"')
            elif local in ("href", "src") and is_remote(value):
                problems.append(value.strip())
            elif local == "style":
                problems.extend(css_problems(value))
            elif local in SVG_EDITOR_PATH_NAMES and name.startswith("{"):
                metadata.append(local)
    return ImageInfo(
        path=path,
        size_bytes=size,
        format="SVG",
        width=round(width) if width else None,
        height=round(height) if height else None,
        metadata=tuple(dict.fromkeys(metadata)),
        has_size=has_size,
        svg_problems=tuple(dict.fromkeys(problems)),
    )


def svg_size(root) -> tuple[float | None, float | None, bool]:
    """Intrinsic width and height of an SVG, and whether it declares a size at all."""
    width, height = svg_length(root.get("width")), svg_length(root.get("height"))
    view_box = None
    try:
        numbers = [float(n) for n in re.split(r"[\s,]+", (root.get("viewBox") or "").strip()) if n]
        if len(numbers) == 4 and numbers[2] > 0 and numbers[3] > 0:
            view_box = numbers[2], numbers[3]
    except ValueError:
        view_box = None
    has_size = bool(width and height) or view_box is not None
    if view_box:
        ratio = view_box[1] / view_box[0]
        if width and not height:
            height = width * ratio
        elif height and not width:
            width = height / ratio
        elif not width and not height:
            width, height = view_box
    if not (width and height):
        return None, None, has_size
    return width, height, has_size


def css_problems(css: str) -> list[str]:
    found = []
    for match in CSS_URL.finditer(css):
        if is_remote(match.group("url")):
            found.append(f"url({match.group('url')})")
    found.extend(match.group(0).strip() for match in CSS_IMPORT.finditer(css))
    if CSS_FONT_FACE.search(css):
        found.append("@font-face")
    return found


# --- Published copies --------------------------------------------------------------------


def strip_metadata(data: bytes, info: ImageInfo) -> bytes:
    """The file's bytes without metadata (EXIF, XMP, IPTC, comments, text); pixels untouched where possible."""
    if not info.metadata or info.error:
        return data
    if info.is_svg:
        data = SVG_METADATA_BLOCK.sub(b"", data)
        return SVG_EDITOR_PATH_ATTR.sub(b"", data)
    if data.startswith(PNG_SIGNATURE):
        return _strip_png(data)
    if data.startswith(b"\xff\xd8"):
        return _strip_jpeg(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _strip_webp(data)
    return _resave_without_metadata(data)


def _strip_png(data: bytes) -> bytes:
    out = [PNG_SIGNATURE]
    position = len(PNG_SIGNATURE)
    while position + 8 <= len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        end = position + 12 + length
        if kind not in PNG_METADATA_CHUNKS:
            out.append(data[position:end])
        position = end
        if kind == b"IEND":
            break
    return b"".join(out)


def _jpeg_orientation(data: bytes) -> int:
    try:
        with Image.open(io.BytesIO(data)) as image:
            return int(image.getexif().get(ExifTags.Base.Orientation, 1))
    except Exception:  # noqa: BLE001
        return 1


def _strip_jpeg(data: bytes) -> bytes:
    if _jpeg_orientation(data) not in (0, 1):
        # The rotation lives in EXIF; without it the picture would show sideways. Turn the pixels.
        with Image.open(io.BytesIO(data)) as image:
            upright = ImageOps.exif_transpose(image)
            buffer = io.BytesIO()
            upright.save(buffer, "JPEG", quality=90, icc_profile=image.info.get("icc_profile"))
            return buffer.getvalue()
    out = [data[:2]]
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            break
        marker = data[position + 1]
        if marker == 0xDA:  # start of scan: the image data follows, copied as is
            out.append(data[position:])
            return b"".join(out)
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        segment = data[position : position + 2 + length]
        is_app = 0xE0 <= marker <= 0xEF
        keep = marker in JPEG_KEEP_APP or not is_app and marker != 0xFE
        if marker == 0xE2 and segment[4:16] == b"ICC_PROFILE\x00":
            keep = True
        if keep:
            out.append(segment)
        position += 2 + length
    return data  # not a JPEG layout we understand: leave it rather than break it


def _strip_webp(data: bytes) -> bytes:
    chunks = []
    position = 12
    while position + 8 <= len(data):
        kind = data[position : position + 4]
        (length,) = struct.unpack("<I", data[position + 4 : position + 8])
        end = position + 8 + length + (length & 1)
        chunks.append((kind, data[position:end]))
        position = end
    body = b""
    for kind, chunk in chunks:
        if kind in (b"EXIF", b"XMP "):
            continue
        if kind == b"VP8X":
            flags = chunk[8] & ~0x0C  # clear the EXIF and XMP flags
            chunk = chunk[:8] + bytes([flags]) + chunk[9:]
        body += chunk
    return b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WEBP" + body


def _resave_without_metadata(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as image:
        fmt = image.format
        buffer = io.BytesIO()
        options = {"save_all": getattr(image, "n_frames", 1) > 1}
        if fmt == "GIF":
            options.update(loop=image.info.get("loop", 0), duration=image.info.get("duration"))
            options = {k: v for k, v in options.items() if v is not None}
        image.info.pop("comment", None)
        image.save(buffer, fmt, **options)
        return buffer.getvalue()


# libwebp's effort (0-6). Lossless at 2 gave the same bytes as the default 4 on screenshots
# (BENCHMARKS.md, third pass) and is faster on small screens; a lossy photo keeps 4.
WEBP_LOSSLESS_METHOD = 2
WEBP_LOSSY_METHOD = 4


@dataclass(frozen=True)
class WebpCopy:
    data: bytes
    width: int
    height: int


def webp_copy(path: Path, max_side: int, quality: int = 80) -> WebpCopy | None:
    """A WebP version of a still raster image, at most max_side; None when not possible.

    Lossless formats (PNG, GIF, BMP) stay lossless, so the text in screenshots stays sharp.
    Scaling a flat screenshot down can make it larger (smoothing adds colours), so a lossless
    image is also tried at full size and the smaller copy wins. The copy has no metadata.
    Whether it is worth publishing is the caller's choice (bytes saved).
    """
    info = inspect_image(path)
    if info.error or info.is_svg or info.animated or info.format == "WEBP":
        return None
    data = Path(path).read_bytes()
    cache, key = buildcache.current(), _image_key("webp", data, max_side, quality)
    stored = cache.get("webp", key)
    if stored is not None:
        width, height = stored.meta.get("width"), stored.meta.get("height")
        if type(width) is int and type(height) is int and width > 0 and height > 0 and stored.payload.startswith(b"RIFF"):
            cache.reused["webp"] += 1
            return WebpCopy(stored.payload, width, height)
    copy = _make_webp(data, max_side, quality)
    cache.made["webp"] += 1
    cache.put("webp", key, copy.data, {"width": copy.width, "height": copy.height})
    return copy


def _make_webp(data: bytes, max_side: int, quality: int) -> WebpCopy:
    with Image.open(io.BytesIO(data)) as image:
        lossless = image.format != "JPEG"
        options = {"lossless": lossless, "quality": quality,
                   "method": WEBP_LOSSLESS_METHOD if lossless else WEBP_LOSSY_METHOD}
        if image.info.get("icc_profile"):
            options["icc_profile"] = image.info["icc_profile"]
        picture = ImageOps.exif_transpose(image)
        if picture.mode not in ("RGB", "RGBA", "L", "LA"):
            picture = picture.convert("RGBA" if "transparency" in image.info or picture.mode == "PA" else "RGB")
        candidates = []
        if max(picture.size) > max_side:
            smaller = picture.copy()
            smaller.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
            candidates.append(smaller)
        if lossless or not candidates:
            candidates.append(picture)
        copies = [_encode_webp(candidate, options) for candidate in candidates]
        return min(copies, key=lambda copy: len(copy.data))


def _encode_webp(picture: Image.Image, options: dict) -> WebpCopy:
    buffer = io.BytesIO()
    picture.save(buffer, "WEBP", **options)
    return WebpCopy(buffer.getvalue(), picture.width, picture.height)
