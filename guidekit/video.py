"""Videos of the site, without MkDocs: find a video's captions and poster, read the captions.

A video is written like an image, `![Näin kirjaudut](../assets/video/kirjaudu.mp4)`;
guidekit/document.py sets it apart from the images by its file type. Next to the
video, files of the same name give its captions, one per language
(`kirjaudu.fi.vtt`, `kirjaudu.sv.vtt`, …), and optionally its poster image
(`kirjaudu.jpg`). They are looked up as the published site finds them (the page's
language folder, then the Finnish one, then docs/: guidekit.images.candidate_paths).

Used by the video rules (guidekit/rules/vid*.py) and by hooks/video.py, which
publishes the player and the transcript: both find the same files with the same
functions, so what the checks accept is what the reader gets.

Captions are read with webvtt-py (maintained, strict mode: timestamps and cue
settings as the WebVTT format writes them), one block at a time so that a problem
has its line. What a strict parse still lets through and a reader would lose is
reported too: a block of text without a time line, a cue ending before it starts,
cues out of order, and a file with no cue at all.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

from guidekit.images import find_image, is_external, src_path
from guidekit.languages import BASE_LANGUAGE, LANGUAGES, language
from guidekit.videotypes import OTHER_VIDEO_SUFFIXES, VIDEO_TYPES, is_video_address, video_type  # noqa: F401

# The poster, in the order it is looked for.
POSTER_SUFFIXES = (".webp", ".jpg", ".jpeg", ".png")
# Front matter of a page whose own-language captions may be replaced by another language's:
# `captions_fallback: fi` on a selko page (the author has judged the Finnish captions fit).
FALLBACK_KEY = "captions_fallback"
MAX_CAPTION_BYTES = 1024 * 1024  # a caption file larger than this is no caption file

HEADER = re.compile(r"^\ufeff?WEBVTT(?:[ \t][^\n]*)?$")
SPECIAL_BLOCK = re.compile(r"^(?:NOTE|STYLE|REGION)(?:[ \t]|$)")
SENTENCE_END = re.compile(r"[.!?…:\"”»)]$")


# --- Where a video's files are ---------------------------------------------------------


def video_service(src: str, hosts: list[str]) -> str | None:
    """The video service an address leads to (youtube.com for www.youtube.com/…), or None."""
    if not is_external(src):
        return None
    host = (urlsplit(src.strip()).hostname or "").lower()
    for name in hosts:
        name = name.lower()
        if host == name or host.endswith("." + name):
            return name
    return None


def sibling(src: str, name: str) -> str:
    """The address of another file in the same folder as src: kirjaudu.mp4 -> kirjaudu.fi.vtt."""
    path = src_path(src)
    folder = posixpath.dirname(path)
    return posixpath.join(folder, name) if folder else name


def stem(src: str) -> str:
    return posixpath.splitext(posixpath.basename(src_path(src)))[0]


def caption_name(src: str, lang: str) -> str:
    return f"{stem(src)}.{lang}.vtt"


def caption_languages(page_lang: str, front_matter: dict | None) -> list[str]:
    """The captions a page may show, in order: its own language's, then the fallback its
    author named in the front matter (only a language of the site, never the same twice)."""
    wanted = [page_lang]
    fallback = (front_matter or {}).get(FALLBACK_KEY)
    if isinstance(fallback, str) and fallback.strip() in LANGUAGES and fallback.strip() != page_lang:
        wanted.append(fallback.strip())
    return wanted


@dataclass(frozen=True)
class CaptionFile:
    lang: str  # whose captions these are (the page's, or its fallback)
    path: Path
    name: str  # file name, as written next to the video's address


def find_captions(src: str, page: Path, docs_dir: Path, page_lang: str, front_matter: dict | None) -> CaptionFile | None:
    """The captions file the page's video gets, or None when there is none to show."""
    for lang in caption_languages(page_lang, front_matter):
        name = caption_name(src, lang)
        path = find_image(sibling(src, name), page, docs_dir, page_lang)
        if path is not None:
            return CaptionFile(lang, path, name)
    return None


def find_poster(src: str, page: Path, docs_dir: Path, page_lang: str) -> tuple[str, Path] | None:
    """(file name, file) of the video's poster image, if there is one."""
    for suffix in POSTER_SUFFIXES:
        name = stem(src) + suffix
        path = find_image(sibling(src, name), page, docs_dir, page_lang)
        if path is not None:
            return name, path
    return None


def track_language(lang: str) -> tuple[str, str]:
    """(srclang, label) of a captions track: a BCP 47 tag (selko is written in Finnish:
    `fi`) and the language's own name (Suomi, Svenska, Selkosuomi …)."""
    registered = language(lang)
    return BASE_LANGUAGE.get(lang, lang), registered.name if registered is not None else lang


# --- Captions --------------------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    line: int  # of its time line in the file
    start_ms: int
    end_ms: int
    text: str  # plain text: cue tags removed, character references decoded
    voice: str | None = None  # the speaker of a <v Name> span


@dataclass(frozen=True)
class CaptionProblem:
    line: int
    problem: str  # encoding | header | timing | no_timing | end_before_start | order | no_cues | too_large
    detail: str = ""  # the offending line


@dataclass(frozen=True)
class Captions:
    cues: tuple[Cue, ...]
    problems: tuple[CaptionProblem, ...] = ()


def read_captions(path: Path) -> Captions:
    """The captions of a .vtt file; a file that cannot be read is one problem at line 1."""
    path = Path(path)
    try:
        stat = path.stat()
    except OSError as error:
        return Captions((), (CaptionProblem(1, "encoding", error.strerror or str(error)),))
    return _read_cached(path.resolve(), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=256)
def _read_cached(path: Path, mtime_ns: int, size: int) -> Captions:
    # The same captions are read by several rules and by every language build that shows them.
    if size > MAX_CAPTION_BYTES:
        return Captions((), (CaptionProblem(1, "too_large", f"{round(size / 1024)} kB"),))
    try:
        data = path.read_bytes()
    except OSError as error:
        return Captions((), (CaptionProblem(1, "encoding", error.strerror or str(error)),))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return Captions((), (CaptionProblem(line, "encoding", f"byte 0x{data[error.start]:02x}"),))
    return parse_captions(text)


def _blocks(lines: list[str]) -> list[tuple[int, list[str]]]:
    """(first line, lines) of each block: blocks are separated by empty lines."""
    blocks, current, start = [], [], 0
    for number, line in enumerate(lines, start=1):
        if line.strip():
            if not current:
                start = number
            current.append(line)
        elif current:
            blocks.append((start, current))
            current = []
    if current:
        blocks.append((start, current))
    return blocks


def parse_captions(text: str) -> Captions:
    """Cues and problems of a WebVTT text; every problem has the line it is on."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines or not HEADER.match(lines[0]):
        return Captions((), (CaptionProblem(1, "header", lines[0][:80] if lines else ""),))
    blocks = _blocks(lines)
    if blocks and blocks[0][0] == 1:
        blocks = blocks[1:]  # the header block (WEBVTT and its metadata lines)
    cues: list[Cue] = []
    problems: list[CaptionProblem] = []
    for first, block in blocks:
        if SPECIAL_BLOCK.match(block[0]):
            continue  # a comment, a style sheet or a region: no words for the reader
        timing = next((offset for offset, line in enumerate(block) if "-->" in line), None)
        if timing is None or timing > 1:
            # Text without a time line: the player would never show it.
            problems.append(CaptionProblem(first, "no_timing", block[0][:80]))
            continue
        line = first + timing
        try:
            parsed = webvtt.from_string("WEBVTT\n\n" + "\n".join(block), strict=True).captions
        except (MalformedCaptionError, MalformedFileError, ValueError):
            problems.append(CaptionProblem(line, "timing", block[timing][:80]))
            continue
        if len(parsed) != 1:
            problems.append(CaptionProblem(line, "timing", block[timing][:80]))
            continue
        caption = parsed[0]
        start, end = caption.start_time.in_milliseconds(), caption.end_time.in_milliseconds()
        if end <= start:
            problems.append(CaptionProblem(line, "end_before_start", block[timing][:80]))
            continue
        if cues and start < cues[-1].start_ms:
            problems.append(CaptionProblem(line, "order", block[timing][:80]))
        words = " ".join(html.unescape(caption.text).split())
        cues.append(Cue(line, start, end, words, caption.voice))
    if not cues and not problems:
        problems.append(CaptionProblem(1, "no_cues"))
    return Captions(tuple(cues), tuple(problems))


def transcript(cues: tuple[Cue, ...]) -> list[str]:
    """The captions as paragraphs of running text, for reading rather than watching.

    Captions split sentences across cues; a cue joins the paragraph before it unless
    that one ended a sentence. A new speaker starts a paragraph with their name."""
    paragraphs: list[str] = []
    speaker = None
    for cue in cues:
        if not cue.text:
            continue
        new_speaker = cue.voice is not None and cue.voice != speaker
        if new_speaker:
            speaker = cue.voice
        if paragraphs and not new_speaker and not SENTENCE_END.search(paragraphs[-1]):
            paragraphs[-1] += " " + cue.text
        elif new_speaker:
            paragraphs.append(f"{speaker}: {cue.text}")
        else:
            paragraphs.append(cue.text)
    return paragraphs


# --- A page's videos, for the rules ----------------------------------------------------


@dataclass(frozen=True)
class PageVideo:
    ref: object  # guidekit.document.ImageRef
    path: Path | None  # the video file, None when missing
    captions: CaptionFile | None
    tried_captions: tuple[Path, ...]  # where the captions were looked for


def page_videos(doc, root: Path, docs_dir: str = "docs") -> list[PageVideo]:
    """Each video of the page that is to be a file of this site, with its files; looked up
    once per page and shared by the video rules."""
    from guidekit.images import candidate_paths, page_path

    key = ("page_videos", str(root), docs_dir)
    if key not in doc.cache:
        page = page_path(doc, root)
        docs = Path(root) / docs_dir
        found = []
        for ref in doc.videos:
            if not ref.src.strip() or is_external(ref.src):
                continue
            tried: list[Path] = []
            for lang in caption_languages(doc.lang, doc.front_matter):
                tried += candidate_paths(sibling(ref.src, caption_name(ref.src, lang)), page, docs, doc.lang)
            found.append(PageVideo(
                ref,
                find_image(ref.src, page, docs, doc.lang),
                find_captions(ref.src, page, docs, doc.lang, doc.front_matter),
                tuple(tried),
            ))
        doc.cache[key] = found
    return doc.cache[key]


def container_matches(path: Path) -> bool:
    """Whether the file's first bytes are the container its name says: an MP4 has an
    `ftyp` box first, a WebM file an EBML header naming the doctype webm."""
    try:
        with open(path, "rb") as file:
            head = file.read(64)
    except OSError:
        return False
    suffix = Path(path).suffix.lower()
    if suffix == ".mp4":
        return head[4:8] == b"ftyp"
    if suffix == ".webm":
        return head[:4] == b"\x1a\x45\xdf\xa3" and b"webm" in head
    return False


# --- What the page publishes -----------------------------------------------------------


@dataclass(frozen=True)
class Track:
    src: str  # address from the page
    srclang: str
    label: str


def video_html(number: int, name: str, src: str, mime: str, words: dict, track: Track | None = None,
               poster: str | None = None, paragraphs: list[str] | None = None, lang: str | None = None) -> str:
    """The player, its name, its captions track and the transcript under it; every value escaped.

    No autoplay, and only the video's metadata is loaded until the reader starts it. The name
    (the Markdown alt text) is shown above the player and is the player's accessible name.
    `words`: video_transcript and video_download of data/ui.yml in the page's language.
    `lang`: the language of the video's text, when it differs from the page around it."""
    esc = lambda value: html.escape(str(value), quote=True)  # noqa: E731
    name_id = f"gk-video-{number}-name"
    poster_attr = f' poster="{esc(poster)}"' if poster else ""
    track_tag = (
        f'<track kind="captions" src="{esc(track.src)}" srclang="{esc(track.srclang)}" '
        f'label="{esc(track.label)}" default>' if track else ""
    )
    parts = [
        f'<figure class="gk-video"{f" lang={chr(34)}{esc(lang)}{chr(34)}" if lang else ""}>',
        f'<figcaption class="gk-video__name" id="{name_id}">{esc(name)}</figcaption>',
        f'<video class="gk-video__player" controls preload="metadata"{poster_attr} aria-labelledby="{name_id}">',
        f'<source src="{esc(src)}" type="{esc(mime)}">',
        track_tag,
        # Shown only by a browser that cannot play video at all.
        f'<a href="{esc(src)}">{esc(words["video_download"])}</a>',
        "</video>",
    ]
    if paragraphs:
        parts.append('<details class="gk-video__transcript">')
        parts.append(f'<summary>{esc(words["video_transcript"])}</summary>')
        parts.extend(f"<p>{esc(paragraph)}</p>" for paragraph in paragraphs)
        parts.append("</details>")
    parts.append("</figure>")
    return "\n".join(part for part in parts if part)
