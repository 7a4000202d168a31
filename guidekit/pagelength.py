"""How long a built guide is for its reader: the words of its article, help box included.

GOV.UK keeps one task per page; the limits per language are in guidekit.yml
(`guide_length`). Counted from the built HTML, so that what the template adds (the
help box, the feedback line) counts too, and what the reader never sees (a `hidden`
print sheet, scripts) does not.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from guidekit.sentences import words

# Elements whose text is not read as part of the page.
_SKIPPED = {"script", "style", "template", "svg", "noscript"}
# Elements without an end tag: they never open a skipped region.
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _ArticleText(HTMLParser):
    """Collects the visible text inside <article>; nested skipped or hidden elements are left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # open elements inside the article
        self.skip_from: int | None = None  # depth where a skipped element opened
        self.parts: list[str] = []
        self.is_guide = False

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        if self.depth == 0:
            if tag == "article":
                self.depth = 1
            return
        if "gk-help" in (names.get("class") or "").split():
            self.is_guide = True  # the template adds the help box to guides only
        if tag in _VOID:
            return
        self.depth += 1
        if self.skip_from is None and (tag in _SKIPPED or "hidden" in names or names.get("aria-hidden") == "true"):
            self.skip_from = self.depth

    def handle_endtag(self, tag):
        if self.depth == 0 or tag in _VOID:
            return
        if self.skip_from is not None and self.depth == self.skip_from:
            self.skip_from = None
        self.depth -= 1

    def handle_data(self, data):
        if self.depth and self.skip_from is None:
            self.parts.append(data)


def article_words(html: str) -> tuple[int, bool]:
    """Words a reader reads in the page's article, and whether the page is a guide."""
    parser = _ArticleText()
    parser.feed(html)
    parser.close()
    return len(words(" ".join(parser.parts))), parser.is_guide


def language_of(site: Path, page: Path, languages: list[str]) -> str:
    """The language of a built page: its first folder when that is a language, else the default."""
    first = page.relative_to(site).parts[0]
    return first if first in languages[1:] else languages[0]


def too_long_guides(site: Path, limits: dict[str, int], languages: list[str]) -> list[str]:
    """Every built guide whose article is over its language's limit, as "path: N words (limit L)"."""
    found = []
    for page in sorted(site.rglob("index.html")):
        count, is_guide = article_words(page.read_text(encoding="utf-8"))
        lang = language_of(site, page, languages)
        if is_guide and count > limits[lang]:
            found.append(f"{page.relative_to(site).as_posix()}: {count} words (limit {limits[lang]})")
    return found
