"""Small readers of built HTML for the tests (stdlib only)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path


class Element:
    def __init__(self, tag: str, attrs: dict, parent: "Element | None"):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Element] = []
        self.text_parts: list[str] = []

    @property
    def text(self) -> str:
        parts = list(self.text_parts)
        for child in self.children:
            parts.append(child.text)
        return " ".join(p.strip() for p in parts if p.strip())

    def iter(self):
        yield self
        for child in self.children:
            yield from child.iter()

    def find_all(self, tag: str | None = None, **attrs) -> list["Element"]:
        found = []
        for element in self.iter():
            if tag and element.tag != tag:
                continue
            if all(
                (value in (element.attrs.get(key.rstrip("_")) or "").split())
                if key.rstrip("_") == "class"
                else element.attrs.get(key.rstrip("_")) == value
                for key, value in attrs.items()
            ):
                found.append(element)
        return found

    def lang(self) -> str | None:
        """The language in force at this element (nearest lang attribute)."""
        element: Element | None = self
        while element is not None:
            if "lang" in element.attrs:
                return element.attrs["lang"]
            element = element.parent
        return None


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {k: (v or "") for k, v in attrs}, self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Element(tag, {k: (v or "") for k, v in attrs}, self.current))

    def handle_endtag(self, tag):
        element = self.current
        while element is not None and element.tag != tag:
            element = element.parent
        if element is not None and element.parent is not None:
            self.current = element.parent

    def handle_data(self, data):
        self.current.text_parts.append(data)


def parse_html(path: Path) -> Element:
    return parse_html_string(path.read_text(encoding="utf-8"))


def parse_html_string(text: str) -> Element:
    builder = _TreeBuilder()
    builder.feed(text)
    return builder.root
