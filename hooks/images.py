"""MkDocs glue for images (logic: guidekit/images.py). For every image of a page:

- width and height on <img>, so the page does not jump when the picture arrives;
- loading="lazy" on every image after the first one of the page;
- a WebP copy (scaled down if needed) inside <picture>, when it saves bytes; the
  original stays as the <img> fallback;
- a raw HTML <img> whose src is written like a Markdown image (relative to the .md
  file) gets the published address, as MkDocs gives Markdown images;
- image files are published without metadata (EXIF, XMP, comments, SVG <metadata>).

Problems with images (missing, corrupt, too large) are reported by the checks
(guidekit/rules/img*.py via hooks/checks.py), not here: an image this hook cannot
read is left as it is. static-i18n runs every event once per language build.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from mkdocs.plugins import get_plugin_logger

from guidekit import buildcache
from guidekit.config import SECTIONS, ConfigError, load_config
from guidekit.settings import defaults
from guidekit.sitedir import write_unless_same, written
from guidekit.images import inspect_image, is_external, is_inline, strip_metadata, webp_copy

log = get_plugin_logger("guidekit.images")

IMG_TAG = re.compile(r"<img\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.IGNORECASE)
ATTRIBUTE = re.compile(r"([^\s=/>\"']+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>\"']+))?")
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp", ".tif", ".tiff", ".avif"}

# Lives for the whole process: the same image is shown in every language's build.
_cache: dict = {"webp": {}, "stripped": {}}
_state: dict = {"settings": defaults(SECTIONS["images"]), "files": None, "copies": {}}


def on_config(config):
    root = Path(config.config_file_path).parent
    buildcache.use(root)  # WebP copies and image inspections kept between builds
    _state["settings"] = publish_settings(root)
    _state["copies"] = {}
    return config


def publish_settings(root: Path) -> dict:
    # Read once per version of guidekit.yml: on_config runs again for every language.
    path = root / "guidekit.yml"
    key = (str(path), path.stat().st_mtime_ns if path.exists() else None)
    if _cache.get("settings_key") != key:
        try:
            settings = load_config(root).section("images")
        except ConfigError:  # hooks/checks.py reports a broken guidekit.yml
            settings = defaults(SECTIONS["images"])
        _cache.update(settings_key=key, settings=settings)
    return dict(_cache["settings"])


def on_env(env, config, files):
    # The files of this language's build, as static-i18n chose them (own language, else Finnish).
    _state["files"] = files
    return env


def on_page_content(html_text, page, config, files):
    position = 0

    def rewrite(match: re.Match) -> str:
        nonlocal position
        position += 1
        return image_tag(match.group(0), position, page, files)

    return IMG_TAG.sub(rewrite, html_text)


def on_post_build(config):
    files = _state.get("files")
    if files is None:
        return
    for file in files:
        if _is_image(file) and file.abs_src_path and file.abs_dest_path:
            _publish_without_metadata(Path(file.abs_src_path), Path(file.abs_dest_path), config)
    for destination, data in _state["copies"].items():
        write_unless_same(config, destination, data)
    _state["copies"] = {}
    # So far in this build (every language up to this one); `mkdocs build -v` shows it.
    log.debug("välimuisti (.cache/guidekit/artifacts.sqlite3): %s", buildcache.current().summary() or "ei käytössä")


# --- One <img> -------------------------------------------------------------------------


def attributes(tag: str) -> dict[str, str]:
    inside = tag[4:].rstrip(">").rstrip("/")
    found = {}
    for name, value in ATTRIBUTE.findall(inside):
        found[name.lower()] = html.unescape(value.strip("\"'")) if value else ""
    return found


def add_attributes(tag: str, extra: dict[str, str]) -> str:
    if not extra:
        return tag
    text = "".join(f' {name}="{html.escape(str(value), quote=True)}"' for name, value in extra.items())
    end = "/>" if tag.endswith("/>") else ">"
    return tag[: -len(end)].rstrip() + text + (" " + end if end == "/>" else end)


def replace_src(tag: str, new_src: str) -> str:
    return re.sub(
        r"(\ssrc\s*=\s*)(\"[^\"]*\"|'[^']*'|[^\s>]+)",
        lambda m: f'{m.group(1)}"{html.escape(new_src, quote=True)}"',
        tag,
        count=1,
        flags=re.IGNORECASE,
    )


def image_tag(tag: str, position: int, page, files) -> str:
    attrs = attributes(tag)
    extra: dict[str, str] = {}
    if position > 1 and "loading" not in attrs:
        extra["loading"] = "lazy"
    src = attrs.get("src", "")
    if not src or is_external(src) or is_inline(src):
        return add_attributes(tag, extra)
    file, published_src = find_file(src, page, files)
    if file is None or not file.abs_src_path:
        return add_attributes(tag, extra)
    if published_src != src:
        tag = replace_src(tag, published_src)
    info = inspect_image(Path(file.abs_src_path))
    if info.error:
        return add_attributes(tag, extra)
    if "width" not in attrs and "height" not in attrs and info.width and info.height:
        extra = {"width": str(info.width), "height": str(info.height), **extra}
    tag = add_attributes(tag, extra)
    copy = publish_webp(file, info)
    if copy is None:
        return tag
    srcset = urlsplit(published_src).path + ".webp"
    source = f'<source type="image/webp" srcset="{html.escape(srcset, quote=True)}" width="{copy.width}" height="{copy.height}">'
    return f"<picture>{source}{tag}</picture>"


def find_file(src: str, page, files):
    """The published file an <img src> shows, and the src the page should use for it."""
    by_url = images_by_url(files)
    path = unquote(urlsplit(src).path)
    # As rendered from Markdown: relative to the page's address.
    url = urljoin("/" + page.url, path).lstrip("/")
    if url in by_url:
        return by_url[url], src
    # A raw HTML <img> written like a Markdown image: relative to the .md file.
    src_uri = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), path))
    file = files.get_file_from_path(src_uri)
    if file is not None and _is_image(file):
        return file, file.url_relative_to(page.file)
    return None, src


def images_by_url(files) -> dict:
    # Pages are rendered before on_env, so the map is made from the files each page gets.
    if _state.get("by_url_of") is not files:
        _state["by_url"] = {f.url: f for f in files if _is_image(f)}
        _state["by_url_of"] = files
    return _state["by_url"]


def publish_webp(file, info):
    """The WebP copy to publish next to the file, when it is worth it (else None)."""
    if info.is_svg or info.animated or info.format in ("WEBP", None):
        return None
    settings = _state["settings"]
    source = Path(file.abs_src_path)
    stat = source.stat()
    key = (str(source), stat.st_mtime_ns, stat.st_size, settings["publish_max_side"], settings["webp_quality"])
    if key not in _cache["webp"]:
        try:
            _cache["webp"][key] = webp_copy(source, int(settings["publish_max_side"]), int(settings["webp_quality"]))
        except (OSError, ValueError, SyntaxError):
            _cache["webp"][key] = None
    copy = _cache["webp"][key]
    if copy is None or len(copy.data) > info.size_bytes * (1 - float(settings["webp_min_saving"])):
        return None
    _state["copies"][Path(file.abs_dest_path + ".webp")] = copy.data
    return copy


def _publish_without_metadata(source: Path, destination: Path, config) -> None:
    info = inspect_image(source)
    # Only the copy this build made (an in-place build may still hold the last one's: guidekit/sitedir.py).
    if info.error or not info.metadata or not written(config, destination):
        return
    stat = source.stat()
    key = (str(source), stat.st_mtime_ns, stat.st_size)
    if key not in _cache["stripped"]:
        try:
            _cache["stripped"][key] = strip_metadata(source.read_bytes(), info)
        except (OSError, ValueError, SyntaxError):  # unreadable after all: leave the copy as MkDocs made it
            _cache["stripped"][key] = None
    data = _cache["stripped"][key]
    if data is not None:
        destination.write_bytes(data)


def _is_image(file) -> bool:
    return Path(file.src_uri).suffix.lower() in IMAGE_SUFFIXES
