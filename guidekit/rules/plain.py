"""Shared helpers of the plain-language rules (PL1xx–PL3xx): not a rule itself."""

from __future__ import annotations

from guidekit import readability
from guidekit.sentences import Sentence, page_sentences, split_settings

EXCERPT_WORDS = 8


def sentences(doc, ctx) -> list[Sentence]:
    """The page's sentences, split once per page and shared by every rule."""
    return page_sentences(doc, split_settings(ctx.config.data, doc.lang))


def page_score(doc, ctx) -> readability.Score | None:
    if "score" not in doc.cache:
        doc.cache["score"] = readability.score(sentences(doc, ctx), doc.lang)
    return doc.cache["score"]


def excerpt(text: str, words: int = EXCERPT_WORDS) -> str:
    """The start of a sentence, enough for the author to find it."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def pieces(word: str) -> list[str]:
    """A hyphenated word's parts (sähköposti-osoite): each is read, and checked, on its own."""
    return [p for p in word.split("-") if p]


def allow_list(settings: dict) -> tuple[str, ...]:
    """The rule's `allow` entries, lower case; an entry covers every word starting with it."""
    return tuple(str(entry).lower() for entry in settings["allow"])


def allowed(word: str, allow: tuple[str, ...]) -> bool:
    return bool(allow) and word.lower().startswith(allow)


def share_exceeded(hits: int, sentence_count: int, settings: dict) -> bool:
    """More sentences have the construction than `max_share` of the page's sentences allows.
    With fewer than `min_sentences` sentences a share says nothing (2 of 4 is 50 %): then
    only a page where every sentence has it counts."""
    if not hits:
        return False
    if sentence_count < int(settings.get("min_sentences") or 0) and hits < sentence_count:
        return False
    return hits / max(sentence_count, 1) > float(settings["max_share"])
