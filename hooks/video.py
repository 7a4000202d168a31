"""MkDocs glue for videos (logic: guidekit/video.py). A video written like an image,
`![Näin kirjaudut](../assets/video/kirjaudu.mp4)`, comes out of Markdown as an <img>;
this hook publishes it as a <video controls preload="metadata"> with its name, the
captions of the page's language as a <track>, the poster image if there is one, and the
captions as a transcript in a <details> under it.

The files are found among the files of the language being built (static-i18n gives a
language the Finnish file where it has none of its own), by the same names the checks
(guidekit/rules/vid*.py) look for; what is wrong with a video is reported there, not
here: a video whose file is missing or external is left as it is, and the strict build
fails on its finding. Runs before hooks/images.py, which then no longer sees these <img>.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from mkdocs.exceptions import PluginError

from guidekit.facts import FactsError, load_facts
from guidekit.images import is_external
from guidekit.languages import BASE_LANGUAGE, DEFAULT_LANGUAGE
from guidekit.video import (POSTER_SUFFIXES, Track, caption_languages, caption_name, is_video_address,
                            read_captions, stem, track_language, transcript, video_html, video_type)

IMG_TAG = re.compile(r"<img\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.IGNORECASE)
VIDEO_PARAGRAPH = re.compile(r"<p>\s*(?P<img><img\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>)\s*</p>", re.IGNORECASE)
EMPTY_PARAGRAPH = re.compile(r"<p>\s*</p>")
ATTRIBUTE = re.compile(r"([^\s=/>\"']+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>\"']+))?")
_state: dict = {}


def on_config(config):
    # The words of the player (data/ui.yml), read once per version of the file.
    path = Path(config.config_file_path).parent / "data" / "ui.yml"
    key = (str(path), path.stat().st_mtime_ns if path.exists() else None)
    if _state.get("ui_key") != key:
        try:
            _state["ui"] = load_facts(path)
        except FactsError as error:
            raise PluginError(str(error)) from None
        _state["ui_key"] = key
    return config


def on_page_content(html_text, page, config, files):
    if "<img" not in html_text:
        return html_text
    counter = {"n": 0}

    def rewrite(match: re.Match, alone: bool = False) -> str:
        tag = match.group("img") if alone else match.group(0)
        attrs = _attributes(tag)
        src = attrs.get("src", "")
        if not src or is_external(src) or not is_video_address(src) or video_type(src) is None:
            return match.group(0)
        counter["n"] += 1
        published = video_markup(counter["n"], attrs, page, config, files)
        if published is None:
            return match.group(0)
        if not alone and _in_paragraph(match.string, match.start()):
            counter["split"] = True
            return f"</p>\n{published}\n<p>"
        return published

    # A figure cannot stand in a paragraph: a video alone in one takes its place, a video in
    # the middle of a sentence closes the paragraph around it (the empty ones are removed).
    html_text = VIDEO_PARAGRAPH.sub(lambda match: rewrite(match, alone=True), html_text)
    html_text = IMG_TAG.sub(rewrite, html_text)
    return EMPTY_PARAGRAPH.sub("", html_text) if counter.get("split") else html_text


def _in_paragraph(text: str, position: int) -> bool:
    before = text[:position]
    return before.rfind("<p>") > before.rfind("</p>")


def video_markup(number: int, attrs: dict, page, config, files) -> str | None:
    src = attrs["src"]
    by_url = _files_by_url(files)
    folder = posixpath.dirname(urlsplit(src).path)

    def published(name: str):
        """(address from the page, file) of a file next to the video, if the build has it."""
        address = posixpath.join(folder, name) if folder else name
        file = by_url.get(urljoin("/" + page.url, unquote(address)).lstrip("/"))
        return (address, file) if file is not None else None

    if published(posixpath.basename(urlsplit(src).path)) is None:
        return None  # VID101 reports the missing file
    text_lang = getattr(page.file, "locale", None) or DEFAULT_LANGUAGE  # a fallback page's text is Finnish
    build_lang = config.theme.get("language") or DEFAULT_LANGUAGE
    ui = _state.get("ui") or {}
    words = ui.get(build_lang) or ui.get(DEFAULT_LANGUAGE) or {}
    track = paragraphs = None
    for lang in caption_languages(text_lang, page.meta):
        found = published(caption_name(src, lang))
        if found is not None and found[1].abs_src_path:
            srclang, label = track_language(lang)
            track = Track(found[0], srclang, label)
            captions = read_captions(Path(found[1].abs_src_path))
            paragraphs = transcript(captions.cues)
            break
    poster = next((found[0] for suffix in POSTER_SUFFIXES if (found := published(stem(src) + suffix))), None)
    lang = BASE_LANGUAGE.get(text_lang, text_lang)
    return video_html(
        number, attrs.get("alt", ""), src, video_type(src), words, track=track, poster=poster,
        paragraphs=paragraphs, lang=lang if lang != BASE_LANGUAGE.get(build_lang, build_lang) else None,
    )


def _attributes(tag: str) -> dict[str, str]:
    inside = tag[4:].rstrip(">").rstrip("/")
    return {name.lower(): html.unescape(value.strip("\"'")) if value else "" for name, value in ATTRIBUTE.findall(inside)}


def _files_by_url(files) -> dict:
    if _state.get("by_url_of") is not files:
        _state["by_url"] = {file.url: file for file in files}
        _state["by_url_of"] = files
    return _state["by_url"]
