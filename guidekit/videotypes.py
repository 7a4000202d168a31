"""Which addresses are videos, by file type: no other imports, so that guidekit/document.py
can set videos apart from images without importing the image and cache machinery."""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit

# The formats every current browser plays (MDN, "Media container formats").
VIDEO_TYPES = {".mp4": "video/mp4", ".webm": "video/webm"}
# Other video files an author may have at hand: reported (VID108), not shown as images.
OTHER_VIDEO_SUFFIXES = (".mov", ".m4v", ".avi", ".mkv", ".ogv", ".wmv", ".flv", ".mpg", ".mpeg", ".3gp")


def _suffix(src: str) -> str:
    # The file part of the address (no query or fragment), as guidekit.images.src_path reads it.
    return posixpath.splitext(unquote(urlsplit(src.strip()).path).lower())[1]


def is_video_address(src: str) -> bool:
    """An address of a video file, by its type (on this site or another)."""
    suffix = _suffix(src)
    return suffix in VIDEO_TYPES or suffix in OTHER_VIDEO_SUFFIXES


def video_type(src: str) -> str | None:
    """The MIME type of a video the site can publish, or None for another format."""
    return VIDEO_TYPES.get(_suffix(src))
